"""Every message code the code uses is in both catalogues, and no catalogue entry is unused.

Codes are found in the source of models/, reports/, cli/ and ui/: string literals that are
catalogue keys (`UserError("error.…")`, `say("cli.…")`, `code="finding.…"`), f-strings and
literal prefixes that build keys (`f"finding.r7.{aspect}"`, `_pairs("review.")`). Problems and
user errors carry codes only (tests/models/test_problem_codes.py), so no entry is found by its
English wording.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from models.messages import catalogue

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for top in ("models", "reports", "cli", "ui") for p in (ROOT / top).rglob("*.py")]
CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)+$")
PREFIX = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)*\.$")
# Calls whose first argument is a code.
CODE_CALLS = {
    "UserError",
    "NotFoundError",
    "ConflictError",
    "DatabaseError",
    "say",
    "phrase",
    "Text",
}


# Calls whose second argument is a code: FieldProblem(field, code, …), the validators'
# little `bad(field, code, …)` helpers and the script readers' `warn(line, code, …)`.
PROBLEM_CALLS = {"FieldProblem", "bad", "warn"}


def _scan() -> tuple[set[str], set[str], list[str]]:
    """(literal codes, key prefixes, codes passed to code-taking calls)."""
    literals: set[str] = set()
    prefixes: set[str] = set()
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
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if (
                    isinstance(head, ast.Constant)
                    and isinstance(head.value, str)
                    and (PREFIX.match(head.value) or CODE.match(head.value.rstrip("_")))
                ):
                    prefixes.add(head.value)
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
                second = node.args[1] if len(node.args) > 1 else None
                if (
                    name in PROBLEM_CALLS
                    and isinstance(second, ast.Constant)
                    and isinstance(second.value, str)
                ):
                    called.append(f"{path.relative_to(ROOT)}:{node.lineno}: {second.value}")
            if (
                isinstance(node, ast.keyword)
                and node.arg == "code"
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                called.append(f"{path.relative_to(ROOT)}: {node.value.value}")
    return literals, prefixes, called


def test_every_code_the_code_uses_is_in_both_catalogues() -> None:
    _literals, _prefixes, called = _scan()
    assert len(called) > 250  # the scan really finds the sites
    en, zh = catalogue("en"), catalogue("zh")
    missing = [
        c for c in called if c.rsplit(": ", 1)[1] not in en or c.rsplit(": ", 1)[1] not in zh
    ]
    assert not missing, "\n".join(missing)


def test_no_catalogue_entry_is_unused() -> None:
    literals, prefixes, _called = _scan()
    used = set(literals)
    unused = [
        code
        for code in catalogue("en")
        if code not in used and not any(code.startswith(p) for p in prefixes)
    ]
    assert not unused, "unused catalogue entries:\n" + "\n".join(unused)
