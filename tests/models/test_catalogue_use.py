"""Every message code the code uses is in both catalogues, and no catalogue entry is unused.

Codes are found in the source of models/, reports/, cli/ and ui/: string literals that are
catalogue keys (`UserError("error.…")`, `say("cli.…")`, `code="finding.…"`), f-strings and
literal prefixes that build keys (`f"finding.r7.{aspect}"`, `_pairs("review.")`), and problem
messages still given by their English wording (found by the catalogue's English templates).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from models.messages import catalogue, code_of

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for top in ("models", "reports", "cli", "ui") for p in (ROOT / top).rglob("*.py")]
CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)+$")
PREFIX = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)*\.$")
# Calls whose first argument is a code (or, for the errors, a ready sentence).
CODE_CALLS = {
    "UserError",
    "NotFoundError",
    "ConflictError",
    "DatabaseError",
    "say",
    "phrase",
    "Text",
}


def _scan() -> tuple[set[str], set[str], set[str], list[str]]:
    """(literal codes, key prefixes, problem texts, codes passed to code-taking calls)."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    texts: set[str] = set()
    called: list[str] = []
    for path in SOURCES:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if CODE.match(value):
                    literals.add(value)
                elif PREFIX.match(value):
                    prefixes.add(value)
                elif " " in value:
                    texts.add(value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if (
                    isinstance(head, ast.Constant)
                    and isinstance(head.value, str)
                    and (PREFIX.match(head.value) or CODE.match(head.value.rstrip("_")))
                ):
                    prefixes.add(head.value)
                texts.add(
                    "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
                )
            elif isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                first = node.args[0]
                if (
                    name in CODE_CALLS
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and " " not in first.value
                    and len(node.args) == 1
                ):
                    called.append(f"{path.relative_to(ROOT)}:{node.lineno}: {first.value}")
            if (
                isinstance(node, ast.keyword)
                and node.arg == "code"
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                called.append(f"{path.relative_to(ROOT)}: {node.value.value}")
    return literals, prefixes, texts, called


def test_every_code_the_code_uses_is_in_both_catalogues() -> None:
    _literals, _prefixes, _texts, called = _scan()
    assert len(called) > 150  # the scan really finds the sites
    en, zh = catalogue("en"), catalogue("zh")
    missing = [
        c for c in called if c.rsplit(": ", 1)[1] not in en or c.rsplit(": ", 1)[1] not in zh
    ]
    assert not missing, "\n".join(missing)


def test_no_catalogue_entry_is_unused() -> None:
    literals, prefixes, texts, _called = _scan()
    used = set(literals)
    for text in texts:
        found = code_of(text)
        if found is not None:
            used.add(found[0])
    unused = [
        code
        for code in catalogue("en")
        if code not in used and not any(code.startswith(p) for p in prefixes)
    ]
    assert not unused, "unused catalogue entries:\n" + "\n".join(unused)
