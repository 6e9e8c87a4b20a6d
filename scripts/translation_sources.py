"""Help `pyside6-lupdate` see every translatable string; called by update_translations.sh.

lupdate reads `self.tr("…")` and `QCoreApplication.translate("Ctx", "…")` by itself (and,
with the aliases update_translations.sh passes, two-argument `_tr("Ctx", "…")` helpers and
`ui.i18n.translatable("Ctx", "…")` markers). Two kinds
of text it cannot see are added here as `QT_TRANSLATE_NOOP` lines in a generated file:

- one-argument module helpers, `def _tr(text): return QCoreApplication.translate("Ctx", text)`,
  used as `_tr("…")`: the context lives in the helper, which lupdate does not follow;
- `self.tr("…")` inside f-strings, which lupdate reads as one string token;
- words the models already give in both languages (enum `label`/`label_zh`, `*_LABELS` dicts
  of enum → (English, Chinese), the consent field labels): views that pass the English through
  `translate(...)` get the model's own Chinese. (Problems are not among them: they carry a
  catalogue code and are rendered by it, `ui.i18n.problem_text`.) `fill` writes those
  translations into the .ts, so the models stay the one source of the Chinese domain words
  (ui/i18n.py `label()` is the preferred way to show them).

    python scripts/translation_sources.py shim OUT.py      # write the generated file
    python scripts/translation_sources.py fill FILE.ts     # model words in, bogus entries out
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
import xml.etree.ElementTree as ET
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

UI = ROOT / "ui"


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _translate_context(func: ast.FunctionDef) -> str | None:
    """The fixed context of `def f(text): return QCoreApplication.translate("Ctx", text)`."""
    params = func.args.args
    if len(params) != 1:
        return None
    body = [s for s in func.body if not (isinstance(s, ast.Expr) and _literal(s.value))]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and len(call.args) == 2):
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    context = _literal(call.args[0])
    text = call.args[1]
    if name != "translate" or context is None:
        return None
    if not (isinstance(text, ast.Name) and text.id == params[0].arg):
        return None
    return context


def helper_messages(path: Path) -> list[tuple[str, str]]:
    """(context, text) of every `helper("…")` call in `path` whose helper fixes the context."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            context = _translate_context(node)
            if context is not None:
                helpers[node.name] = context
    aliases = {  # tr = QCoreApplication.translate
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "translate"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id in helpers and len(node.args) == 1:
            text = _literal(node.args[0])
            if text:
                found.append((helpers[node.func.id], text))
        elif node.func.id in aliases and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context and text:
                found.append((context, text))
    return found


def class_messages(path: Path) -> list[tuple[str, str]]:
    """(class, text) of every `self.tr("…")` in `path`, f-strings included.

    lupdate reads a string token as a whole, so a `self.tr("Source")` inside an f-string
    (`f"<b>{self.tr('Source')}</b>"`) never reaches the .ts without this.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, owner: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            owner = node.name
        if (
            owner is not None
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"
            and node.args
        ):
            text = _literal(node.args[0])
            if text:
                found.append((owner, text))
        for child in ast.iter_child_nodes(node):
            visit(child, owner)

    visit(tree, None)
    return found


def model_words() -> dict[tuple[str, str], str]:
    """(context, English) → Chinese for the words the models give in both languages."""
    import models
    from models.consent.history import FIELD_LABELS

    words: dict[tuple[str, str], str] = {}
    for info in pkgutil.walk_packages(models.__path__, "models."):
        if ".migrations" in info.name:
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # a module mid-edit must not stop the update
            print(f"translation_sources: skipped {info.name}: {exc}", file=sys.stderr)
            continue
        for name, value in vars(module).items():
            if name.endswith("_LABELS") and isinstance(value, dict):
                # {Enum member: (English, Chinese)}: the enum's name is the context.
                for key, pair in value.items():
                    if isinstance(key, Enum) and isinstance(pair, tuple) and len(pair) == 2:
                        words[(type(key).__name__, str(pair[0]))] = str(pair[1])
            if (
                isinstance(value, type)
                and issubclass(value, Enum)
                and value.__module__ == module.__name__
                and hasattr(value, "label_zh")
            ):
                for member in value:
                    words[(value.__name__, str(member.label))] = str(member.label_zh)
    for english, chinese in FIELD_LABELS.values():
        words[("ConsentField", english)] = chinese
    return words


def write_shim(out: Path) -> int:
    lines = [
        "# Generated by scripts/translation_sources.py for pyside6-lupdate; not imported.",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    seen: set[tuple[str, str]] = set()
    for path in sorted(UI.rglob("*.py")):
        seen.update(helper_messages(path))
        seen.update(class_messages(path))
    seen.update(model_words())
    for context, text in sorted(seen):
        lines.append(f"QT_TRANSLATE_NOOP({context!r}, {text!r})")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(seen)


def fill(ts: Path) -> tuple[int, int]:
    """Write the models' Chinese into `ts`; drop messages lupdate filed under no context."""
    words = model_words()
    tree = ET.parse(ts)
    root = tree.getroot()
    filled = dropped = 0
    for context in list(root.iter("context")):
        name = context.findtext("name") or ""
        for message in list(context.iter("message")):
            source = message.findtext("source") or ""
            if not name:
                # `tr = QCoreApplication.translate; tr("Ctx", "…")` reads to lupdate as a
                # tr() with no class: the real (context, text) came in through the shim.
                context.remove(message)
                dropped += 1
                print(f"translation_sources: dropped {source!r} (no context)", file=sys.stderr)
                continue
            chinese = words.get((name, source))
            translation = message.find("translation")
            if chinese is None or translation is None:
                continue
            if translation.text != chinese or translation.get("type") == "unfinished":
                translation.text = chinese
                translation.attrib.pop("type", None)
                filled += 1
        if not context.findall("message"):
            root.remove(context)
    ts.write_text(_lupdate_layout(root), encoding="utf-8")
    return filled, dropped


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
    )


def _element(node: ET.Element, indent: int) -> list[str]:
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in node.attrib.items())
    pad = " " * indent
    if len(node):
        lines = [f"{pad}<{node.tag}{attrs}>"]
        for child in node:
            lines += _element(child, indent + 4)
        return [*lines, f"{pad}</{node.tag}>"]
    return [f"{pad}<{node.tag}{attrs}>{_escape(node.text or '')}</{node.tag}>"]


def _lupdate_layout(root: ET.Element) -> str:
    """The .ts exactly as lupdate writes it, so the next lupdate run changes nothing."""
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in root.attrib.items())
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attrs}>"]
    for context in root:
        lines.append("<context>")
        for child in context:
            lines += _element(child, 4)
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("shim", "fill"):
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(argv[1])
    if argv[0] == "shim":
        n = write_shim(target)
        print(f"translation_sources: {n} extra messages for lupdate")
    else:
        filled, dropped = fill(target)
        print(f"translation_sources: {filled} model words written, {dropped} dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
