"""Every finding the rule tests produce reads as it did before findings carried codes.

`tests/golden/findings/rules.json` holds, per test, the English and Chinese text of each finding
as the code that stored message/message_zh pairs wrote them (CAPTURE_GOLDEN=1 rewrites it);
the catalogue-rendered findings must match word for word.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.rules.base import Rule

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "findings" / "rules.json"
CAPTURE = os.environ.get("CAPTURE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def _finding_texts_as_before(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if hasattr(request.function, "hypothesis"):  # random inputs: no fixed texts to compare
        yield
        return
    seen: list[list[str]] = []
    original = Rule.finding

    def recording(self: Rule, *args: Any, **kw: Any) -> Any:
        f = original(self, *args, **kw)
        seen.append([f.rule_id, f.message, f.message_zh])
        return f

    monkeypatch.setattr(Rule, "finding", recording)
    yield
    golden: dict[str, list[list[str]]] = (
        json.loads(GOLDEN.read_text("utf-8")) if GOLDEN.exists() else {}
    )
    key = request.node.nodeid.split("::", 1)[1]
    if CAPTURE:
        if seen:
            golden[key] = seen
            GOLDEN.write_text(
                json.dumps(golden, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
            )
        return
    assert seen == golden.get(key, []), key
