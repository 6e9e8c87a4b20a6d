"""Cold start to a painted roster of 10,000 artists, against a bare Qt window (same run).

Each round is a fresh `python` process, as a person double-clicking the app would get. The
app run is `main.py --db … --exit-after-paint` (it quits once the table's rows painted); the
baseline is the issue's "bare QMainWindow + QTableView": import Qt, show a QMainWindow holding
an empty QTableView, paint, quit. Target: the app within 1.5× the baseline. The QMainWindow
alone (no table) is measured too, as a stricter line. Reported, never asserted (`make bench`).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
ARTISTS = 10_000
TARGET_RATIO = 1.5
_medians: dict[str, float] = {}

BARE_MAIN_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 720)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False


watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""
# The baseline: the same window holding an empty QTableView.
BARE_WINDOW = BARE_MAIN_WINDOW.replace(
    "window.resize(1180, 720)\n",
    "window.resize(1180, 720)\n"
    "from PySide6.QtWidgets import QTableView\n"
    "window.setCentralWidget(QTableView(window))\n",
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩然子"
    "轩欣怡梓涵晨雨思远嘉琪佳慧文博晓"
)


def _drafts(n: int) -> Iterator[ArtistDraft]:
    rng = random.Random(20260401)
    stances = list(Stance)
    for i in range(n):
        if i % 5 == 4:
            native = f"{rng.choice(['Emma', 'Daniel', 'Sofia', 'Oliver', 'Chloe'])} Test{i}"
        else:
            native = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        yield ArtistDraft(
            native_name=native,
            jurisdiction=rng.choice(["CN", "HK", "TW", "SG", "US-CA", "GB"]),
            ai_stance=rng.choice(stances),
        )


@pytest.fixture(scope="module")
def roster_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "roster-10k.sqlite3"
    db = Database.open(str(path), actor="bench")
    RosterService(db).add_many(_drafts(ARTISTS))
    assert RosterService(db).counts().active == ARTISTS
    db.close()
    return path


def _env(tmp: Path) -> dict[str, str]:
    # Bytecode cached, as on a user's machine (this shell may set PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "consent-desk-bench-pycache"),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        CONSENT_DESK_LOG_DIR=str(tmp / "logs"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        CONSENT_DESK_OFFER_DEMO="0",
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def _record(name: str, benchmark: Any) -> None:
    stats = getattr(benchmark, "stats", None)
    if stats is not None:
        _medians[name] = stats.stats.median


def test_cold_start_bare_qmainwindow_with_table(benchmark: Any, tmp_path: Path) -> None:
    benchmark.group = "cold start to first paint"
    env = _env(tmp_path)
    benchmark.pedantic(
        _run, args=([sys.executable, "-c", BARE_WINDOW], env), rounds=7, warmup_rounds=1
    )
    _record("bare", benchmark)


def test_cold_start_bare_qmainwindow_alone(benchmark: Any, tmp_path: Path) -> None:
    benchmark.group = "cold start to first paint"
    env = _env(tmp_path)
    benchmark.pedantic(
        _run, args=([sys.executable, "-c", BARE_MAIN_WINDOW], env), rounds=7, warmup_rounds=1
    )
    _record("bare_alone", benchmark)


def test_cold_start_roster_10k(benchmark: Any, tmp_path: Path, roster_10k: Path) -> None:
    benchmark.group = "cold start to first paint"
    env = _env(tmp_path)
    args = [sys.executable, str(ROOT / "main.py"), "--db", str(roster_10k), "--exit-after-paint"]
    benchmark.pedantic(_run, args=(args, env), rounds=7, warmup_rounds=1)
    _record("roster", benchmark)


def test_cold_start_roster_10k_ordinary_path(
    benchmark: Any, tmp_path: Path, roster_10k: Path
) -> None:
    """The same start without the fast first page (what PostgreSQL desks get)."""
    benchmark.group = "cold start to first paint"
    env = _env(tmp_path)
    env["CONSENT_DESK_FAST_START"] = "0"
    args = [sys.executable, str(ROOT / "main.py"), "--db", str(roster_10k), "--exit-after-paint"]
    benchmark.pedantic(_run, args=(args, env), rounds=5, warmup_rounds=1)
    _record("ordinary", benchmark)


def test_cold_start_roster_10k_until_everything_loaded(
    benchmark: Any, tmp_path: Path, roster_10k: Path
) -> None:
    """Until the main window has taken over and built every other screen (for the record)."""
    benchmark.group = "cold start, everything loaded"
    env = _env(tmp_path)
    env["CONSENT_DESK_EXIT_AFTER_LOAD"] = "1"
    args = [sys.executable, str(ROOT / "main.py"), "--db", str(roster_10k), "--exit-after-paint"]
    benchmark.pedantic(_run, args=(args, env), rounds=5, warmup_rounds=1)
    _record("loaded", benchmark)


def test_cold_start_interleaved(
    tmp_path: Path, roster_10k: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bare windows and app runs alternated, so the shared machine's load falls on all alike."""
    env = _env(tmp_path)
    runs = {
        "bare": [sys.executable, "-c", BARE_WINDOW],
        "alone": [sys.executable, "-c", BARE_MAIN_WINDOW],
        "app": [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(roster_10k),
            "--exit-after-paint",
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for args in runs.values():
        _run(args, env)
    for _ in range(15):
        for name, args in runs.items():
            start = time.perf_counter()
            _run(args, env)
            times[name].append(time.perf_counter() - start)
    b, alone, a = (statistics.median(times[name]) for name in ("bare", "alone", "app"))
    with capsys.disabled():
        sys.stdout.write(
            f"\ninterleaved, 15 runs each: QMainWindow + QTableView {b * 1000:.0f} ms, "
            f"app {a * 1000:.0f} ms, ratio {a / b:.2f}× (target ≤ {TARGET_RATIO}×); "
            f"QMainWindow alone {alone * 1000:.0f} ms, ratio {a / alone:.2f}×\n"
        )


GUI_ONLY = """
import argparse, sys
from ui.app import run_gui
sys.exit(run_gui(argparse.Namespace(db=sys.argv[1], exit_after_paint=True, command=None)))
"""


def test_cold_start_roster_10k_without_cli_parser(
    benchmark: Any, tmp_path: Path, roster_10k: Path
) -> None:
    """The same start with `run_gui` called directly: how much main.py's parser costs."""
    benchmark.group = "cold start to first paint"
    env = _env(tmp_path)
    args = [sys.executable, "-c", GUI_ONLY, str(roster_10k)]
    benchmark.pedantic(_run, args=(args, env), rounds=7, warmup_rounds=1)
    _record("gui_only", benchmark)


def test_cold_start_ratio_report(capsys: pytest.CaptureFixture[str]) -> None:
    """Print app / baseline; a figure for the release note, not a pass/fail gate."""
    if not {"bare", "roster"} <= _medians.keys():
        pytest.skip("run with --benchmark-enable to measure")
    ratio = _medians["roster"] / _medians["bare"]
    with capsys.disabled():
        sys.stdout.write(
            f"\ncold start, median: QMainWindow + QTableView {_medians['bare'] * 1000:.0f} ms, "
            f"Consent Desk with {ARTISTS:,} artists {_medians['roster'] * 1000:.0f} ms, "
            f"ratio {ratio:.2f}× (target ≤ {TARGET_RATIO}×)\n"
        )
        if "bare_alone" in _medians:
            sys.stdout.write(
                f"  against the QMainWindow alone ({_medians['bare_alone'] * 1000:.0f} ms): "
                f"{_medians['roster'] / _medians['bare_alone']:.2f}×\n"
            )
        for key, what in (
            ("ordinary", "without the fast first page"),
            ("loaded", "until every screen is built"),
        ):
            if key in _medians:
                sys.stdout.write(
                    f"  {what}: {_medians[key] * 1000:.0f} ms "
                    f"({_medians[key] / _medians['bare']:.2f}× the bare window)\n"
                )
        if "gui_only" in _medians:
            sys.stdout.write(
                f"  of which main.py's command-line set-up: "
                f"{(_medians['roster'] - _medians['gui_only']) * 1000:.0f} ms; "
                f"run_gui alone {_medians['gui_only'] * 1000:.0f} ms "
                f"({_medians['gui_only'] / _medians['bare']:.2f}×)\n"
            )
