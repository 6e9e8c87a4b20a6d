"""Roster benchmarks: search keystrokes at 10 vs 100,000 artists, and CSV imports.

Targets (issue: foundation): a search keystroke ≤ 20 ms at 100,000 artists; the whole
`roster search` command at 100,000 no more than 20 % slower than at 10; importing 10,000 CSV
rows ≤ 3 s and 100,000 rows ≤ 30 s. Issue 14/22: the whole `roster import` command of 100,000
rows ≤ 20 s and ≤ 250 MiB peak (against 10,000 rows in the same run; the command's CPU time
is in extra_info too, steadier on a shared machine); re-importing the same file (all
unchanged) is measured too. Figures are reported, not asserted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models.desk import Desk
from models.roster import io as roster_io
from models.roster.service import RosterService
from models.storage.database import Database
from tests.benchmarks.roster_data import make_database, roster_csv

REPO = Path(__file__).resolve().parents[2]
SIZES = [10, 100_000]


@pytest.fixture(scope="module", params=SIZES, ids=lambda n: f"{n}_artists")
def sized_db(request, tmp_path_factory):
    n = request.param
    return n, make_database(tmp_path_factory.mktemp(f"r{n}") / "bench.sqlite3", n)


@pytest.mark.parametrize("query", ["林", "linxiao", "Lin Xiao", "hart"])
def test_search_keystroke(benchmark, sized_db, query):
    _, path = sized_db
    benchmark.group = f"search keystroke '{query}'"
    db = Database.open(str(path))
    roster = RosterService(db)
    ids = benchmark(roster.search_ids, query)
    assert ids, "the benchmark must find something"
    db.close()


def test_roster_search_command(benchmark, sized_db):
    _, path = sized_db
    benchmark.group = "whole `roster search linxiao --json` command"
    cmd = [sys.executable, "main.py", "--db", str(path), "roster", "search", "linxiao", "--json"]

    def run() -> None:
        subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)

    benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("rows", [10_000, 100_000])
def test_csv_import(benchmark, tmp_path_factory, rows):
    benchmark.group = "roster CSV import"
    src = roster_csv(tmp_path_factory.mktemp("csv") / f"roster{rows}.csv", rows)
    counter = iter(range(1000))

    def setup():
        path = tmp_path_factory.mktemp("imp") / f"db{next(counter)}.sqlite3"
        return (Database.open(str(path)),), {}

    def run(db: Database) -> None:
        roster = RosterService(db)
        roster.apply_import(roster.plan_import(roster_io.checked(src)))
        db.close()

    benchmark.pedantic(run, setup=setup, rounds=2 if rows > 10_000 else 3, iterations=1)


def _import_command(db: Path, src: Path) -> tuple[float, float]:
    """Run `roster import` in a fresh process; its peak resident memory in MiB and its CPU
    time (user + system) in seconds, steadier than wall-clock time on a shared machine."""
    code = (
        "import resource, sys\n"
        "from main import main\n"
        "rc = main(sys.argv[1:])\n"
        "use = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print('CPU', use.ru_utime + use.ru_stime)\n"
        "print('PEAK', use.ru_maxrss)\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "roster", "import", str(src)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    peak_kib = int(done.stdout.rsplit("PEAK", 1)[1])
    cpu = float(done.stdout.rsplit("CPU", 1)[1].split()[0])
    return peak_kib / 1024, cpu


@pytest.mark.parametrize("rows", [10_000, 100_000])
@pytest.mark.parametrize("again", [False, True], ids=["new", "reimport"])
def test_roster_import_command(benchmark, tmp_path_factory, rows, again):
    """The whole command, new rows or the same file again; peak memory in extra_info."""
    benchmark.group = f"`roster import` command ({'same file again' if again else 'new rows'})"
    src = roster_csv(tmp_path_factory.mktemp("cmd") / f"roster{rows}.csv", rows)
    counter = iter(range(1000))
    peaks: list[float] = []
    cpus: list[float] = []

    def setup():
        db = tmp_path_factory.mktemp("cmddb") / f"db{next(counter)}.sqlite3"
        if again:
            _import_command(db, src)
        return (db,), {}

    def run(db: Path) -> None:
        peak, cpu = _import_command(db, src)
        peaks.append(peak)
        cpus.append(cpu)

    benchmark.pedantic(run, setup=setup, rounds=1 if rows > 10_000 else 2, iterations=1)
    benchmark.extra_info["peak_MiB"] = round(max(peaks), 1)
    benchmark.extra_info["cpu_s"] = round(min(cpus), 2)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_window_import_stalls(benchmark, tmp_path_factory, qtbot):
    """Importing 100,000 rows in the window: the longest event-loop stall (10 ms timer).

    Reading, matching and saving run on a worker with the collector paused (paused_gc); the
    figure reported is the longest gap between 10 ms ticks from choosing the file to the
    roster showing the new rows, against the idle gap in the same run.
    """
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QUndoStack

    from ui.roster.view import RosterView
    from ui.settings import Settings
    from ui.tasks import running_tasks

    settings = Settings.at(tmp_path_factory.mktemp("winset") / "settings.ini")

    benchmark.group = "window: longest event-loop stall"
    rows = 100_000
    src = roster_csv(tmp_path_factory.mktemp("win") / f"roster{rows}.csv", rows)
    db = Database.open(str(tmp_path_factory.mktemp("windb") / "w.sqlite3"))
    view = RosterView(Desk(db), QUndoStack(), settings)
    qtbot.addWidget(view)
    view.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(300)
    idle = max(gaps) * 1000
    gaps.clear()

    def run() -> None:
        last[0] = time.perf_counter()
        view.files.import_file(src)
        qtbot.waitUntil(lambda: view.files.preview_dialog is not None, timeout=120_000)
        dialog = view.files.preview_dialog
        assert dialog is not None
        dialog.import_button.click()
        del dialog  # as in the window, nothing keeps the closed preview (and its rows) alive
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=300_000)
        qtbot.waitUntil(lambda: view.model.rowCount() == rows, timeout=120_000)

    benchmark.pedantic(run, rounds=1, iterations=1)
    timer.stop()
    benchmark.extra_info["idle_max_gap_ms"] = round(idle, 1)
    benchmark.extra_info["import_max_gap_ms"] = round(max(gaps) * 1000, 1)
    benchmark.extra_info["gaps_over_100ms"] = sum(1 for g in gaps if g > 0.1)
    db.close()
