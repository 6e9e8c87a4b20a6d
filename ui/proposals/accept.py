"""Accepting a proposal, and the consent records it offers to create.

The confirmation lists, per artist who accepted, the record that would be created (from
`consent_drafts`): modalities, uses, media, territories, term, fee and the specific use
built from the proposal and its script lines. Records are created as "waiting for the
artist" (`pending_artist`) and become "given" only when the signed decision is entered.
Created records cannot be deleted, so an acceptance that creates them cannot be undone; the
dialog says so. Accepting without creating records is an undoable workflow step.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.consent.values import ConsentDraft
from models.proposals.values import Proposal
from ui.consent.labels import modality_label, use_label


class AcceptDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, proposal: Proposal, drafts: dict[int, ConsentDraft]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acceptDialog")
        self.setWindowTitle(self.tr("Accept proposal #{id}").format(id=proposal.id))
        self.proposal = proposal
        self.drafts = drafts
        intro = QLabel(
            self.tr("Answer {party} that the proposal for {project} is accepted.").format(
                party=proposal.counterparty_name, project=proposal.project_title
            ),
            self,
        )
        intro.setWordWrap(True)
        self.create_check = QCheckBox(
            self.tr("Create the matching consent records ({n}), waiting for the artist's "
                    "signature").format(n=len(drafts)),
            self,
        )  # fmt: skip
        self.create_check.setObjectName("createConsents")
        self.create_check.setChecked(bool(drafts))
        self.create_check.setEnabled(bool(drafts))
        self.listing = QTextBrowser(self)
        self.listing.setObjectName("consentDrafts")
        self.listing.setHtml(self._listing())
        self.note = QLineEdit(self)
        self.note.setObjectName("acceptNote")
        self.note.setPlaceholderText(self.tr("Note for the record (optional)"))
        self.effect = QLabel(self)
        self.effect.setObjectName("acceptEffect")
        self.effect.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.create_check)
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.effect)
        layout.addWidget(self.buttons)
        self.create_check.toggled.connect(lambda _b: self._update_effect())
        self._update_effect()
        self.resize(640, 480)

    def create_consents(self) -> bool:
        return self.create_check.isChecked() and bool(self.drafts)

    def _update_effect(self) -> None:
        if self.create_consents():
            self.ok_button.setText(self.tr("Accept and create records"))
            self.effect.setText(
                self.tr(
                    "The records are created as waiting for the artist; they cannot be deleted, "
                    "so this acceptance cannot be undone. Enter the artist's signed decision in "
                    "their consent records to make them given."
                )
            )
        else:
            self.ok_button.setText(self.tr("Accept"))
            self.effect.setText(
                self.tr("No consent record is created. Edit → Undo takes the acceptance back.")
            )

    def _listing(self) -> str:
        e = html.escape
        if not self.drafts:
            return (
                "<p>"
                + e(
                    self.tr(
                        "No artist has accepted yet, or nothing is asked of those who did: no "
                        "consent record would be created."
                    )
                )
                + "</p>"
            )
        names = {a.artist_id: a.artist_name for a in self.proposal.artists}
        parts = []
        for artist_id, d in self.drafts.items():
            rows = [
                (self.tr("Modalities"), ", ".join(modality_label(m) for m in d.modalities)),
                (self.tr("Uses"), ", ".join(use_label(u) for u in d.uses)),
                (self.tr("Media"), ", ".join(d.media) or "—"),
                (self.tr("Territories"), ", ".join(d.territories) or "—"),
                (self.tr("Term"), self._term(d)),
                (self.tr("Fee"), self._fee(d)),
                (self.tr("Specific use"), d.specific_use_description),
            ]
            table = "".join(
                f"<tr><td style='padding-right:10px'><b>{e(k)}</b></td><td>{e(v)}</td></tr>"
                for k, v in rows
            )
            parts.append(
                f"<h4>{e(names.get(artist_id, f'#{artist_id}'))}</h4><table>{table}</table>"
            )
        return "".join(parts)

    def _term(self, d: ConsentDraft) -> str:
        start = d.term_start.isoformat() if d.term_start else self.tr("open")
        end = d.term_end.isoformat() if d.term_end else self.tr("no end date")
        return f"{start} – {end}"

    def _fee(self, d: ConsentDraft) -> str:
        if d.compensation_amount is None:
            return self.tr("none given")
        return f"{d.compensation_amount:,} {d.compensation_currency}"

    def note_text(self) -> str:
        return self.note.text().strip()
