"""The shipped translations: current with the sources, compiled, complete and well-formed."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]
# English is translated too, for its plural forms only ("%n thing(s)" → "1 thing")
WITH_PLURALS = [*LANGUAGES, "en"]
PLACEHOLDER = re.compile(r"\{[a-z_]\w*(?::[^{}]*)?\}")  # {name}, {h:.0f}; not JSON examples
MNEMONIC = re.compile(r"&(?!&)\S")


def messages(ts: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) of every message in a .ts file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = forms[0] if forms else translation.text  # a %n message: its first form
            if forms and not all(forms):
                text = ""
            out.append((name, message.findtext("source") or "", text, translation.get("type")))
    return out


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make translations` would write now, from the sources as they are."""
    out = tmp_path_factory.mktemp("translations")
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "update_translations.sh"), str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


@pytest.mark.parametrize("language", WITH_PLURALS)
def test_the_ts_file_holds_every_string_of_the_interface(refreshed: Path, language: str) -> None:
    committed = FOLDER / f"consent_desk_{language}.ts"
    fresh = refreshed / committed.name
    have = {(c, s) for c, s, _, _ in messages(committed)}
    want = {(c, s) for c, s, _, _ in messages(fresh)}
    assert sorted(want - have) == [], "new strings: run `make translations` and translate them"
    assert sorted(have - want) == [], "strings no longer used: run `make translations`"
    assert fresh.read_bytes() == committed.read_bytes(), "run `make translations`"


@pytest.mark.parametrize("language", WITH_PLURALS)
def test_the_qm_file_is_compiled_from_the_ts_file(refreshed: Path, language: str) -> None:
    name = f"consent_desk_{language}.qm"
    assert (FOLDER / name).read_bytes() == (refreshed / name).read_bytes(), (
        "the .qm is not compiled from the current .ts: run `make translations`"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    found = messages(FOLDER / f"consent_desk_{language}.ts")
    assert len(found) > 300
    unfinished = [(c, s) for c, s, t, kind in found if kind == "unfinished" or not t]
    assert unfinished == [], "translate these in the .ts file"
    for context, source, translation, _ in found:
        assert translation is not None
        where = f"{context}: {source!r} → {translation!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            where
        )
        if MNEMONIC.search(source):
            assert MNEMONIC.search(translation), f"keyboard mnemonic lost: {where}"
        if source.endswith("…") and len(source.split()) <= 5:  # a command that asks more
            assert translation.endswith("…"), f"a dialog opens after this: {where}"


def test_the_chinese_translation_says_it_is_chinese() -> None:
    found = {(c, s): t for c, s, t, _ in messages(FOLDER / "consent_desk_zh_CN.ts")}
    assert found[("Language", "en")] == "zh_CN"  # ui.i18n.current_language() reads this


def test_domain_words_follow_the_glossary() -> None:
    """The words domain.md fixes for Chinese, wherever the English word is the whole label."""
    glossary = {
        "Consent records": "同意记录",
        "Counterparty": "合作方",
        "Audit trail": "审计记录",
        "Roster": "艺人名册",
        "Revoke": "撤回",
        "Evidence files": "证据文件",
        "Statement": "声明",
        "Artist": "艺人",
        "Voice": "声音",
        "Likeness": "肖像",
        "Digital double": "数字替身",
    }
    found = messages(FOLDER / "consent_desk_zh_CN.ts")
    checked = 0
    for _context, source, translation, _ in found:
        if source in glossary:
            assert translation == glossary[source], source
            checked += 1
    assert checked >= len(glossary) - 2  # most glossary words appear as labels somewhere
