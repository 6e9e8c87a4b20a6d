"""The Qt binding keeps Python's `None` alive.

PySide6 6.12.0 drops one reference to `None` on every call of a Qt method that returns
nothing; on Python 3.11, where `None` is reference-counted, the window would then abort with
"Fatal Python error: none_dealloc" after a few thousand such calls. The application makes
`None` immortal first (`ui.app.keep_none_alive`, as Python 3.12 does); this test makes
20,000 such calls in a child process started as the window starts, so a binding that still
kills it fails the test instead of aborting the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from ui.app import make_application
app = make_application(version=False)
widget = QWidget()
before = sys.getrefcount(None)
for _ in range(20_000):
    widget.setEnabled(True)
print(before - sys.getrefcount(None))
"""


def test_calls_returning_nothing_leave_none_counted() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, f"the Qt binding aborted Python: {child.stderr[-300:]}"
    assert child.stdout.strip()  # it got through all the calls
