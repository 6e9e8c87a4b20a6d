"""Help → About: version, licence, where the logs are, and every bundled component's licence."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from models.logs import log_dir
from ui.about import AboutDialog, app_version


def test_about_shows_version_licence_log_folder_and_component_licences(qtbot: QtBot) -> None:
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    shown = "\n".join(label.text() for label in about.findChildren(QLabel))
    assert app_version() in shown
    assert "Licence:" in shown
    assert str(log_dir()) in shown
    notice = about.licences.toPlainText()
    for component in ("PySide6", "Qt 6 (inside PySide6)", "SQLAlchemy", "WenQuanYi Micro Hei"):
        assert component in notice
