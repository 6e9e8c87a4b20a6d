"""Every table of the window stands on the one shared base (or its editable sibling)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.modeltest import ModelTester

import ui
from models.storage.database import Database
from ui.quick_start import QuickModel, open_quick_window
from ui.settings import Settings
from ui.table_model import EditableTable, ReadOnlyTable


def _ui_models() -> list[type[QAbstractItemModel]]:
    found: dict[str, type[QAbstractItemModel]] = {}
    for info in pkgutil.walk_packages([str(Path(ui.__file__).parent)], "ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                cls.__module__ == module.__name__
                and issubclass(cls, QAbstractItemModel)
                and not issubclass(cls, QAbstractProxyModel)
            ):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def test_every_item_model_of_the_window_is_a_shared_table() -> None:
    models = _ui_models()
    assert len(models) >= 12  # the walk really finds the window's tables
    strays = [m.__qualname__ for m in models if not issubclass(m, ReadOnlyTable)]
    # the one exception: the quick window's first page holds items, so that no Python
    # `data()`/`headerData()` is asked (and `Qt` touched) before the first paint
    assert strays == ["QuickModel"]
    assert issubclass(QuickModel, QStandardItemModel)


def test_no_table_repeats_the_base_boilerplate() -> None:
    """Flags, header and row counting live in the base; tables say only what differs."""
    repeated = {
        f"{m.__qualname__}.{name}"
        for m in _ui_models()
        if m not in (ReadOnlyTable, EditableTable)
        for name in ("flags", "headerData", "rowCount", "columnCount")
        if name in vars(m)
    }
    assert repeated == set()


def test_editable_tables_add_their_flags_to_the_read_only_ones() -> None:
    from models.roster.artist import ArtistDraft
    from models.roster.merge import ImportPlan, PlannedRow, RowKind
    from ui.roster.import_table import PlanTableModel

    plan = ImportPlan(
        (
            PlannedRow(2, RowKind.UNCHANGED, ArtistDraft("林晓", "Lin Xiao"), 1, 1),
            PlannedRow(3, RowKind.DUPLICATE, ArtistDraft("王磊"), 5, 1, (), "#5 王磊, —"),
        )
    )
    model = PlanTableModel(plan)
    unchanged, duplicate = (model.flags(model.index(r, model.CHOICE)) for r in (0, 1))
    assert not unchanged & Qt.ItemFlag.ItemIsEditable  # one choice only: nothing to pick
    assert duplicate & Qt.ItemFlag.ItemIsEditable
    assert duplicate & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(model.index(1, model.KIND)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


@pytest.mark.sqlite_only
def test_the_quick_start_table_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database, settings: Settings
) -> None:
    quick = open_quick_window(str(demo_db.location.sqlite_path), settings)
    assert quick is not None
    try:
        model = quick.model
        assert isinstance(model, QuickModel)
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    finally:
        quick.close()
        quick.deleteLater()
