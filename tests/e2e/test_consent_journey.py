"""Journeys 3 and 4 end to end in the real main window: a signed agreement comes back and is
recorded with its file; later the artist changes their mind; the as-of view tells before from
after; the audit trail still verifies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.clock import utc_now
from models.consent.service import ConsentService
from models.consent.words import ConsentStatus, Modality, Use
from models.dates.zones import artist_zone, local_day
from models.demo import load_demo
from models.roster.service import RosterService
from models.storage.database import Database
from models.storage.files import hash_file, path_for
from ui.app import install_fonts
from ui.audit.view import AuditView
from ui.consent.form.dialog import ConsentDialog
from ui.consent.matrix_model import MODALITIES
from ui.consent.revoke import RevokeDialog
from ui.consent.view import ConsentView
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tasks import running_tasks

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.qt_log_ignore("This plugin does not support"),  # offscreen: no window manager
]


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    install_fonts(qapp)  # Chinese names render as in the app, not as boxes
    load_demo(db)
    win = MainWindow(db, Settings.at(tmp_path / "settings.ini"))
    if "consent" not in win.view_keys():  # until the main window registers the screens itself
        from ui.audit import register as register_audit
        from ui.consent import register as register_consent

        register_consent(win)
        register_audit(win)
    qtbot.addWidget(win)
    win.resize(1300, 820)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def back_to_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def wait_tasks(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)


def cell(view: ConsentView, modality: Modality, header_part: str) -> tuple[int, str]:
    model = view.model
    for c in range(model.columnCount()):
        if header_part in str(model.headerData(c, Qt.Orientation.Horizontal)):
            return c, str(model.data(model.index(MODALITIES.index(modality), c)))
    raise AssertionError(f"no column with {header_part}")


def test_record_a_signed_consent_revoke_it_and_ask_what_was_true_when(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    signed = tmp_path / "shanhai-voice-signed.pdf"
    signed.write_bytes(b"%PDF-1.4\n% signed by Lin Xiao for Shanhai Xingzhe\n%%EOF\n")
    roster = window.roster_view
    artist = next(a for a in RosterService(db).search("林晓") if a.native_name == "林晓")

    # 1. In the roster, pick the artist and open her consent records with Ctrl+R.
    roster.refresh(select=[artist.id])
    roster.table.setFocus()
    qtbot.keyClick(roster.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "consent"
    view = window.current_view()
    assert isinstance(view, ConsentView)
    assert view.header.name_label.text() == "林晓 (Lin Xiao)"
    assert view.model.columnCount() == 1  # only the 长夜行 face consent so far

    # 2. Ctrl+N: the form. The signed agreement comes back: fill it in and attach the file.
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, ConsentDialog)
    qtbot.keyClicks(dialog.scope.counterparty.search, "yunti")
    # nothing is chosen for the manager: the project too is picked on purpose
    assert dialog.scope.project.texts()[2:] == ["山海行者 (Shanhai Xingzhe)"]
    assert not dialog.scope.project.has_choice()
    qtbot.keyClicks(dialog.scope.project.search, "shanhai")
    assert dialog.scope.project.combo.currentText() == "山海行者 (Shanhai Xingzhe)"
    dialog.scope.modality_checks[Modality.VOICE].click()
    dialog.scope.use_checks[Use.THIS_PRODUCTION].click()
    qtbot.keyClicks(dialog.scope.media, "games")
    today = local_day(utc_now(), artist_zone(artist.jurisdiction))
    dialog.terms.term_start.set_value(today - timedelta(days=1))
    dialog.terms.term_end.set_value(today + timedelta(days=365))
    qtbot.keyClicks(dialog.terms.amount, "50000")
    dialog.terms.currency.setEditText("CNY")
    dialog.decision.evidence.add_files([signed])  # as chosen in the file dialog
    outcome = dialog.decision.outcome
    outcome.setCurrentIndex(outcome.findData("given"))
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=3000)
    assert dialog.ok_button.text() == "Record consent as given"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot)

    column, text = cell(view, Modality.VOICE, "Shanhai")
    assert text == "Given"
    record_id = view.selected_record_id()
    assert record_id is not None
    record = ConsentService(db).get(record_id)
    assert record.status == ConsentStatus.GIVEN
    assert record.evidence[0].sha256 == hash_file(signed)[0]
    assert path_for(db, record.evidence[0].sha256).read_bytes() == signed.read_bytes()
    assert "all match" in view.history.evidence_label.text()
    given_seen_at = utc_now()

    # 3. The artist changes her mind: revoke from tomorrow (her time zone), with a reason.
    view.select_record(record_id)
    back_to_window(qtbot, window)  # a desktop does this when the dialog closes; offscreen not
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    revoke = view.dialog
    assert isinstance(revoke, RevokeDialog)
    assert not revoke.ok_button.isEnabled()
    revoke.set_date(today + timedelta(days=1))
    qtbot.keyClicks(revoke.reason_edit, "Withdrew: no AI voice for games after all.")
    qtbot.mouseClick(revoke.ok_button, Qt.MouseButton.LeftButton)
    assert ConsentService(db).get(record_id).status == ConsentStatus.REVOKED

    # 4. As of now it still stands (in force until tomorrow); as of the day after, revoked.
    assert cell(view, Modality.VOICE, "Shanhai") == (column, "Given")
    view.as_of_edit.set_value(utc_now() + timedelta(days=2))
    qtbot.waitUntil(lambda: cell(view, Modality.VOICE, "Shanhai")[1] == "Revoked", timeout=3000)
    assert view.banner.isVisible()
    view.set_as_of(given_seen_at)
    assert cell(view, Modality.VOICE, "Shanhai")[1] == "Given"
    view.set_as_of(None)

    # 5. The audit trail shows who did it, and the chain is intact.
    window.show_view("audit")
    audit = window.current_view()
    assert isinstance(audit, AuditView)
    newest = audit.model.event_at(0)
    assert newest is not None
    assert (newest.entity, newest.entity_id, newest.action) == (
        "consent_record",
        str(record_id),
        "revoke",
    )
    assert newest.actor == "tester"
    with qtbot.waitSignal(audit.verified, timeout=10_000) as verified:
        audit.verify_button.click()
    assert verified.args[0].intact
