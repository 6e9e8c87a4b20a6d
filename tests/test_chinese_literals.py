"""Sentences live in the message catalogue; Chinese left in models/, reports/ and cli/ code is
data or vocabulary, each file with its reason here. A new Chinese sentence in another file
fails this test: put it in resources/messages/{en,zh}.json and render it by its code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")

JUSTIFIED = {
    # Vocabulary: one (English, Chinese) label per enum value, used as message values.
    "models/consent/history.py": "field labels of a consent record",
    "models/consent/lifecycle.py": "consent status labels",
    "models/consent/words.py": "modality and use labels",
    "models/proposals/values.py": "proposal status labels",
    "models/roster/artist.py": "AI stance labels (terminology.md)",
    "models/rules/findings.py": "severity labels (terminology.md)",
    "models/rules/base.py": "the label of an unspecified AI use",
    "models/rules/roster_rules.py": "AI-use kind labels; R21's rule table (title, action, law)",
    "models/safety/transfer.py": "yes/no as a message value",
    "models/proposals/workflow.py": "the Chinese 'or' joining status labels in a message value",
    "models/localize.py": "territory, medium and date words of the one formatter",
    # The rule table: each rule's title, suggested action and cited law in both languages.
    "models/rules/consent_rules.py": "rule table of R1-R3, R14, R15 (title, action, law)",
    "models/rules/production_rules.py": "rule table of R9, R13, R17, R20 (title, action, law)",
    "models/rules/scope_rules.py": "rule table of R7, R8, R11, R18; medium words matched",
    "models/rules/terms_rules.py": "rule table of R4-R6, R10, R12, R16, R19 (title, action, law)",
    # Words the parsers and matchers look for in Chinese text.
    "models/dates/days.py": "the 年/月/日 date pattern of the date parser",
    "models/leak/entries.py": "list markers and 等 in published name lists",
    "models/leak/files.py": "column headings of name lists; supported types as a message value",
    "models/leak/keys.py": "surname readings for name matching",
    "models/rules/exclusions.py": "exclusion words and negations matched in scripts",
    "models/rules/uses.py": "dubbing words matched in scripts",
    "models/rules/wording.py": "guardian, estate and limit words matched in records",
    "models/scripts/chinese.py": "screenplay keywords of Chinese layouts",
    "models/scripts/marker_patterns.py": "Han range bounds, Chinese list separators (、，；)",
    "models/text.py": "the bounds of the Han range (一..鿿) in the encoding judge",
    "models/scripts/pdf/rules.py": "scene-heading patterns of Chinese PDFs",
    "models/scripts/text.py": "scene-heading patterns of Chinese plain text",
    "models/scripts/reader.py": "names of unsupported office formats as message values",
    "models/scripts/docx.py": "reasons a Word file is refused, as (en, zh) message values",
    # Bilingual documents whose layout holds both languages.
    "reports/public_register.py": "statement kind titles in the register",
    "reports/public_register_page.py": "the bilingual verify page's HTML template",
    "reports/press_kit.py": "年/月/日 of the press note's dates",
    "reports/verify_page.py": "年/月/日 of the verify page's dates",
}


def _chinese_literals(path: Path) -> int:
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    )


def test_chinese_in_code_is_only_data_or_vocabulary() -> None:
    found = {
        str(p.relative_to(ROOT)): _chinese_literals(p)
        for top in ("models", "reports", "cli")
        for p in sorted((ROOT / top).rglob("*.py"))
        if "migrations" not in p.parts
    }
    unexplained = sorted(p for p, n in found.items() if n and p not in JUSTIFIED)
    assert not unexplained, "Chinese sentences belong in the catalogue:\n" + "\n".join(unexplained)
    stale = sorted(p for p in JUSTIFIED if not found.get(p))
    assert not stale, "no Chinese left here; drop it from JUSTIFIED:\n" + "\n".join(stale)
