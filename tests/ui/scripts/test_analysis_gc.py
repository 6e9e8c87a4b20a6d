"""A long script's analysis is taken out of the collector's passes once read; it still goes
when the script does (reference counting), and a short script is left alone."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.gcpause import paused_gc
from tests.ui.scripts.test_import import big_script
from ui.scripts import analysis as analysis_module
from ui.scripts.analysis import analyse


class _Control:
    def progress(self, done: int, total: int = 0) -> None: ...

    def check(self) -> None: ...

    def set_label(self, text: str) -> None: ...


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()


def _read(path: Path):  # type: ignore[no-untyped-def]
    with paused_gc():  # as `run_task` runs it
        return analyse(path, "", _Control(), "")  # type: ignore[arg-type]


def test_a_long_scripts_analysis_is_out_of_the_collectors_sight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis_module, "FREEZE_FROM_ELEMENTS", 300)
    gc.unfreeze()
    read = _read(big_script(tmp_path / "long.fountain", 60))
    scene = read.document.scenes[-1]
    assert len(read.document.elements) >= 300
    assert gc.get_freeze_count() > len(read.document.elements)
    tracked = {id(o) for o in gc.get_objects()}  # every generation but the frozen one
    assert id(scene) not in tracked and id(read.uses[0]) not in tracked
    gone = weakref.ref(read)
    del read, scene
    assert gone() is None  # no cycles: closing the script frees it without the collector


def test_a_short_script_is_left_to_the_collector(tmp_path: Path) -> None:
    gc.unfreeze()
    read = _read(big_script(tmp_path / "short.fountain", 5))
    assert gc.get_freeze_count() == 0
    assert read.document.scenes
