"""What pressing Save in the consent form will do, said before it is done.

The records cannot take back a decision, an amendment or a stored file, so the form states the
consequence beside the button instead of offering an undo it could not honour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.consent.values import ArtistDecision, ConsentRecord, DecisionOutcome


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentEffect", text)


def effect_of(
    record: ConsentRecord | None,
    terms_locked: bool,
    amends: bool,
    decision: ArtistDecision | None,
    new_files: int,
) -> tuple[str, str]:
    """(Save button text, sentence saying what saving does)."""
    if terms_locked:
        button = _tr("Attach files")
        text = _tr("Attaches the new files to this record; stored files are never removed.")
    elif amends:
        assert record is not None
        button = _tr("Save as version {n}").format(n=record.version + 1)
        text = _tr(
            "Creates version {n}, waiting for the artist. Version {v} stays in force until "
            "the new one is given. Versions are kept for good."
        ).format(n=record.version + 1, v=record.version)
    elif decision is not None and decision.outcome == DecisionOutcome.GIVEN:
        button = _tr("Record consent as given")
        text = _tr(
            "Records that {who} gave consent. This cannot be undone: a given consent can "
            "afterwards only be amended (new version) or revoked."
        ).format(who=decision.decided_by or "—")
    elif decision is not None:
        button = _tr("Record refusal")
        text = _tr("Records that {who} refused. A refusal is final and cannot be undone.").format(
            who=decision.decided_by or "—"
        )
    elif record is None:
        button = _tr("Record request")
        text = _tr(
            "Saves a new consent record, not yet decided. Records are never deleted; its "
            "terms can be edited until the artist decides."
        )
    else:
        button = _tr("Save")
        text = _tr("Saves the changed terms; Edit → Undo puts the old terms back.")
    if new_files:
        text += " " + _tr("{n} new file(s) will be stored with their SHA-256.").format(n=new_files)
    return button, text
