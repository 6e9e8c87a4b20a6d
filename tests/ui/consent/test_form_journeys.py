"""Journey 3 at a small and a large screen: the form fits and scrolls, nothing is pre-chosen,
required fields are marked and explained, and counts read as English does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.consent.service import ConsentService
from models.consent.words import Modality
from models.parties.service import CounterpartyService
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.consent.conftest import artist_id
from ui.consent.form.dialog import ConsentDialog
from ui.geometry import fit_to_screen
from ui.i18n import ENGLISH, install_language

SIZES = [(1024, 700), (1920, 1080)]


def open_form(qtbot: QtBot, db: Database, size: tuple[int, int]) -> ConsentDialog:
    artist = RosterService(db).get(artist_id(db, "林晓"))
    dialog = ConsentDialog(None, ConsentService(db), CounterpartyService(db), artist)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, 960, 720, QRect(0, 0, *size))
    dialog.show()
    QApplication.processEvents()
    return dialog


def inside(dialog: ConsentDialog, widget) -> bool:
    top_left = widget.mapTo(dialog, QPoint(0, 0))
    return dialog.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", SIZES)
def test_the_consent_form_fits_the_screen_and_save_cancel_stay_visible(
    qtbot: QtBot, demo_db: Database, size: tuple[int, int]
) -> None:
    dialog = open_form(qtbot, demo_db, size)
    assert dialog.width() <= size[0] - 16 and dialog.height() <= size[1] - 48
    assert dialog.minimumSizeHint().height() <= 700 - 48  # it can shrink, the tabs scroll
    assert dialog.isSizeGripEnabled()
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert dialog.ok_button.isVisible() and inside(dialog, dialog.ok_button)
    assert cancel is not None and cancel.isVisible() and inside(dialog, cancel)
    if size == (1920, 1080):
        assert (dialog.width(), dialog.height()) == (960, 720)


@pytest.mark.parametrize("size", SIZES)
def test_new_consent_opens_with_no_counterparty_or_project_chosen(
    qtbot: QtBot, demo_db: Database, size: tuple[int, int]
) -> None:
    dialog = open_form(qtbot, demo_db, size)
    assert not dialog.scope.counterparty.has_choice()
    assert dialog.scope.counterparty.combo.currentText() == "— choose the counterparty —"
    assert not dialog.ok_button.isEnabled()
    label = dialog.problem_label("counterparty_id")
    assert not label.isHidden() and label.text() == "choose the counterparty"
    form = dialog.scope.layout()
    labels = [form.itemAt(i).widget() for i in range(form.count())]
    texts = {w.text() for w in labels if w is not None and hasattr(w, "text")}
    assert {"Counterparty *", "Project *"} <= texts  # marked as required
    # choosing the counterparty does not choose a project for the manager either
    picker = dialog.scope.counterparty
    qtbot.keyClicks(picker.search, "qinghe")
    assert picker.has_choice() and not dialog.scope.project.has_choice()
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog.revalidate()
    assert not dialog.ok_button.isEnabled()
    assert "choose the project" in dialog.problem_label("project_id").text()
    dialog.scope.project.select_id(None)  # "any project of this counterparty", on purpose
    dialog.revalidate()
    assert dialog.ok_button.isEnabled(), dialog.summary.text()


def test_the_count_of_things_to_fix_reads_as_english_does(
    qtbot: QtBot, demo_db: Database, qapp: QApplication
) -> None:
    install_language(qapp, ENGLISH)  # English plural forms come from consent_desk_en.qm
    dialog = open_form(qtbot, demo_db, (1920, 1080))
    dialog.revalidate()
    assert dialog.summary.text().startswith("1 thing to fix before saving — first:")
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog._touch("modalities")
    dialog.revalidate()
    assert "thing(s)" not in dialog.summary.text()
