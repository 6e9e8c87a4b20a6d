"""Help → About: what this is, which version, its licence, where the log is, and the licences
of every bundled component (generated from the packages' metadata by models/licences.py)."""

from __future__ import annotations

from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.licences import third_party_notice
from models.logs import log_dir
from models.resources import CJK_FONT


def app_version() -> str:
    try:
        return metadata.version("consent-desk")
    except metadata.PackageNotFoundError:
        return "0.0.0+source"


def app_licence() -> str:
    try:
        found = metadata.metadata("consent-desk").get_all("License-Expression") or []
    except metadata.PackageNotFoundError:
        found = []
    return str(found[0]) if found else "LicenseRef-Proprietary"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Consent Desk"))
        title = QLabel(
            "<h2>{name}</h2><p>{version}</p>".format(
                name=self.tr("Consent Desk"),
                version=self.tr("Version {v}").format(v=app_version()),
            ),
            self,
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        blurb = QLabel(
            self.tr(
                "Keeps each artist's AI consent records, checks scripts for AI use of likeness "
                "and voice, and issues signed statements. Works offline: it never uses the "
                "network."
            ),
            self,
        )
        blurb.setWordWrap(True)
        built = QLabel(
            self.tr("Qt {qt} · PySide {pyside}").format(qt=qVersion(), pyside=PySide6.__version__)
            + "\n"
            + self.tr("Licence: {licence}").format(licence=self._licence_words())
            + "\n"
            + self.tr("Log files (send them with a problem report): {folder}").format(
                folder=str(log_dir())
            ),
            self,
        )
        built.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        built.setEnabled(False)
        font_note = QLabel(
            self.tr(
                "Chinese text is shown with the bundled font WenQuanYi Micro Hei ({file}), "
                "© 2008–2009 The WenQuanYi Project Board of Trustees and contributors, based on "
                "Droid Sans Fallback © 2006–2008 Google Corporation. Licensed under the Apache "
                "License 2.0, or the GNU GPL version 3 or later with a font embedding exception."
            ).format(file=CJK_FONT.name),
            self,
        )
        font_note.setWordWrap(True)
        self.licences = QPlainTextEdit(self)
        self.licences.setObjectName("licences")
        self.licences.setReadOnly(True)
        self.licences.setPlainText(
            self.tr("Licences of bundled components") + "\n\n" + third_party_notice()
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, blurb, built, font_note):
            layout.addWidget(widget)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _licence_words(self) -> str:
        licence = app_licence()
        if licence == "LicenseRef-Proprietary":
            return self.tr("proprietary, all rights reserved")
        return licence
