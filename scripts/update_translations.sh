#!/usr/bin/env bash
# Refresh the translations: collect every translatable string of ui/ into the .ts files
# (pyside6-lupdate), write in the words the models already give in Chinese, and compile the
# .qm files the app loads (pyside6-lrelease). Commit both; tests/ui/test_translations.py
# fails when a .qm is older than its .ts or a message is left untranslated.
# Usage: scripts/update_translations.sh [OUT_DIR]   (make translations; OUT_DIR: write the
#        refreshed files there instead, starting from the committed ones; the test does that)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-resources/translations}"
mkdir -p "$out"
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
LUPDATE="$VENV/bin/pyside6-lupdate"
LRELEASE="$VENV/bin/pyside6-lrelease"
LANGUAGES=(zh_CN)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PY" scripts/translation_sources.py shim "$work/model_and_helper_words.py"
{ find ui -name '*.py' | LC_ALL=C sort; echo "$work/model_and_helper_words.py"; } > "$work/sources.lst"

for lang in "${LANGUAGES[@]}"; do
  ts="$out/consent_desk_${lang}.ts"
  committed="resources/translations/consent_desk_${lang}.ts"
  if [ "$ts" -ef "$committed" ]; then :; elif [ -f "$committed" ]; then cp "$committed" "$ts"; fi
  # -locations none: no file/line references, so moving code does not churn the .ts file.
  "$LUPDATE" -silent -no-obsolete -locations none -source-language en -target-language "$lang" \
    -tr-function-alias translate+=_tr,QT_TRANSLATE_NOOP+=translatable @"$work/sources.lst" -ts "$ts"
  "$PY" scripts/translation_sources.py fill "$ts"
  "$LRELEASE" -silent "$ts" -qm "$out/consent_desk_${lang}.qm"
  left="$(grep -c 'type="unfinished"' "$ts" || true)"
  echo "update_translations: $ts: $(grep -c '<message' "$ts") messages, $left untranslated"
done

# English plural forms: messages written with Qt's %n ("%n thing(s) to fix") read "1 thing to
# fix" / "2 things to fix" through this small file, loaded whenever the interface is English.
ts="$out/consent_desk_en.ts"
committed="resources/translations/consent_desk_en.ts"
if [ "$ts" -ef "$committed" ]; then :; elif [ -f "$committed" ]; then cp "$committed" "$ts"; fi
"$LUPDATE" -silent -no-obsolete -pluralonly -locations none -source-language en \
  -target-language en -tr-function-alias translate+=_tr,QT_TRANSLATE_NOOP+=translatable \
  @"$work/sources.lst" -ts "$ts"
"$LRELEASE" -silent "$ts" -qm "$out/consent_desk_en.qm"
left="$(grep -c 'type="unfinished"' "$ts" || true)"
echo "update_translations: $ts: $(grep -c '<message' "$ts") plural messages, $left untranslated"
