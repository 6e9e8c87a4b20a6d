"""The Qt binding keeps Python's `None` alive.

PySide6 6.12.0 drops one reference to `None` on every call of a Qt method that returns
nothing; on Python 3.11, where `None` is reference-counted, the window then aborts with
"Fatal Python error: none_dealloc" after a few thousand such calls (a minute of ordinary
use). pyproject.toml excludes that release; this test catches any binding that does it. It
runs in a child process, so such a binding fails the test instead of aborting the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
widget = QWidget()
before = sys.getrefcount(None)
for _ in range(20_000):
    widget.setEnabled(True)
print(before - sys.getrefcount(None))
"""


def test_calls_returning_nothing_leave_none_counted() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert child.returncode == 0, f"the Qt binding aborted Python: {child.stderr[-300:]}"
    lost = int(child.stdout.strip().splitlines()[-1])
    assert lost < 1_000, f"None lost {lost} references in 20,000 calls"
