"""The top of the consent view: who the artist is, minor/deceased badges, and the AI stance —
with the plain reminder that a stance is not consent.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.consent.stance import StanceEntry
from models.names import display_name
from models.roster.artist import Artist, Stance
from ui.consent.labels import when_text
from ui.roster.labels import STANCE_COLOURS, stance_label

BADGE_STYLE = "QLabel {{ background: {bg}; color: white; border-radius: 4px; padding: 1px 6px; }}"


class ArtistHeader(QWidget):
    """Name in both scripts, badges, and the stance as it stood at the as-of time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("artistHeader")
        self.name_label = QLabel(self)
        self.name_label.setObjectName("artistName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.minor_badge = QLabel(self)
        self.minor_badge.setObjectName("minorBadge")
        self.minor_badge.setStyleSheet(BADGE_STYLE.format(bg="#b03a2e"))
        self.deceased_badge = QLabel(self)
        self.deceased_badge.setObjectName("deceasedBadge")
        self.deceased_badge.setStyleSheet(BADGE_STYLE.format(bg="#4d5656"))
        self.archived_badge = QLabel(self.tr("archived"), self)
        self.archived_badge.setStyleSheet(BADGE_STYLE.format(bg="#7b7d7d"))
        self.stance_label = QLabel(self)
        self.stance_label.setObjectName("stanceText")
        self.stance_label.setWordWrap(True)
        self.stance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stance_meta = QLabel(self)
        self.stance_meta.setObjectName("stanceMeta")
        self.stance_meta.setEnabled(False)
        self.note = QLabel(self.tr("A stance is not consent."), self)
        self.note.setObjectName("stanceNotConsent")
        self.note.setToolTip(
            self.tr(
                "Only a given consent record authorises a use. The matrix below shows what "
                "has been authorised."
            )
        )
        note_font = self.note.font()
        note_font.setItalic(True)
        note_font.setBold(True)
        self.note.setFont(note_font)
        self.stance_button = QPushButton(self.tr("Record stance…"), self)
        self.stance_button.setObjectName("recordStance")

        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addWidget(self.minor_badge)
        top.addWidget(self.deceased_badge)
        top.addWidget(self.archived_badge)
        top.addStretch(1)
        stance_row = QHBoxLayout()
        self.stance_dot = QLabel(self)
        stance_row.addWidget(self.stance_dot)
        stance_row.addWidget(self.stance_label, 1)
        stance_row.addWidget(self.stance_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(stance_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note)
        bottom.addWidget(self.stance_meta, 1)
        layout.addLayout(bottom)

    def show_artist(
        self,
        artist: Artist,
        stance: Stance,
        conditions: str,
        entry: StanceEntry | None,
        as_of: datetime | None,
    ) -> None:
        """`as_of` None: the present; otherwise the stance shown is the one at that moment."""
        self.name_label.setText(display_name(artist.native_name, artist.romanized_name))
        minor = artist.is_minor()
        self.minor_badge.setVisible(minor)
        if minor:
            self.minor_badge.setText(
                self.tr("minor · guardian: {g}").format(
                    g=artist.guardian or self.tr("not recorded")
                )
            )
        self.deceased_badge.setVisible(artist.is_deceased)
        if artist.is_deceased:
            self.deceased_badge.setText(
                self.tr("deceased · estate: {e}").format(
                    e=artist.estate_contact or self.tr("not recorded")
                )
            )
        self.archived_badge.setVisible(artist.archived)
        self.stance_dot.setStyleSheet(f"color: {STANCE_COLOURS[stance]}; font-size: 16px;")
        self.stance_dot.setText("●")
        text = self.tr("AI stance: {stance}").format(stance=stance_label(stance))
        if as_of is not None:
            text = self.tr("AI stance on {when}: {stance}").format(
                when=when_text(as_of), stance=stance_label(stance)
            )
        if conditions:
            text += " — " + self.tr("conditions: {c}").format(c=conditions)
        self.stance_label.setText(text)
        if entry is not None:
            self.stance_meta.setText(
                self.tr("effective {when}, recorded by {who} on {recorded}").format(
                    when=when_text(entry.effective_at),
                    who=entry.recorded_by,
                    recorded=when_text(entry.recorded_at),
                )
            )
        else:
            self.stance_meta.setText(self.tr("no stance recorded"))
