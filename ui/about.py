"""Help → About: what this is, which version, and the licences of what we ship (the font)."""

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

from models.resources import CJK_FONT, resource_path


def app_version() -> str:
    try:
        return metadata.version("consent-desk")
    except metadata.PackageNotFoundError:
        return "0.0.0+source"


def font_licence_text() -> str:
    """The shipped font's copyright and licence files, as required by its licence."""
    parts = []
    for name in ("wqy-microhei.COPYRIGHT.txt", "wqy-microhei.LICENSE-Apache-2.0.txt"):
        path = resource_path("fonts", name)
        if path.exists():
            parts.append(path.read_text(encoding="utf-8", errors="replace").strip())
    return "\n\n" + ("\n\n" + "-" * 60 + "\n\n").join(parts)


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
            self.tr("Qt {qt} · PySide {pyside}").format(qt=qVersion(), pyside=PySide6.__version__),
            self,
        )
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
        self.licences.setPlainText(self.tr("Licences of bundled components") + font_licence_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, blurb, built, font_note):
            layout.addWidget(widget)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
