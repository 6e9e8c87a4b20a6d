"""End-to-end tests run the whole window; the offscreen platform's notices are not ours."""

from __future__ import annotations

from pathlib import Path

import pytest

OFFSCREEN_NOTICE = "This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))
