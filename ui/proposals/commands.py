"""Proposal edits that the services can truly undo, as QUndoCommands.

- Editing the terms: undo saves the terms as they were (the audit trail keeps both).
- Moving the workflow on: undo goes back one step (`undo_transition`); only the latest move
  can go back, and an acceptance that created consent records cannot (the service says why).
- The artist's decision and the agency's recommendation: undo records the earlier entry again
  (or clears it when there was none).
- Mapping a script character: undo restores the earlier mapping or forgets the confirmation.
- Accepting the risk of a finding: undo clears the mark (`clear_accepted_risk`), redo sets it.
Creating a proposal, attaching or removing files and accepting with consent records are not
commands: nothing is deleted, so the view confirms them first and says so.

Each command is made with `perform(stack, ...)` (ui/commands.py): it records in its
constructor, writes once and reaches the stack only if that write succeeded. Versions: several
commands may touch one proposal, and each write raises its version, so they share the undo
stack's `VersionBook`, holding the version this desk last wrote. Undo and redo expect that
version, so a change made meanwhile at another desk is never overwritten: the ConflictError
is shown and the command drops out of the stack.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QCoreApplication

from models.consent.values import AgencyRecommendation
from models.errors import UserError
from models.proposals.service import ProposalService
from models.proposals.values import (
    ArtistDecisionOnProposal,
    CharacterMapping,
    Proposal,
    ProposalDraft,
    ProposalStatus,
    StoredFinding,
)
from ui.commands import Changed, Failed, ServiceCommand, VersionBook
from ui.proposals.labels import status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProposalCommand", text)


def proposal_key(proposal_id: int) -> Hashable:
    return ("proposal", proposal_id)


def wrote(book: VersionBook, proposal: Proposal) -> Proposal:
    """Note a write this desk made to a proposal outside a command (an acceptance)."""
    book.set(proposal_key(proposal.id), proposal.row_version)
    return proposal


class _OnProposal(ServiceCommand):
    """A write to one proposal; subclasses say how to go forward and back."""

    def __init__(
        self,
        service: ProposalService,
        before: Proposal,
        text: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__(text, on_changed, on_error)
        self.service = service
        self.proposal_id = before.id
        self.after = before
        self._before_version = before.row_version

    @property
    def version(self) -> int:
        return self.book.get(proposal_key(self.proposal_id), self._before_version)

    def _forward(self, version: int) -> Proposal:
        raise NotImplementedError

    def _back(self, version: int) -> Proposal:
        raise NotImplementedError

    def _saved(self, proposal: Proposal) -> None:
        self.after = wrote(self.book, proposal)

    def _do(self) -> None:
        self._saved(self._forward(self._before_version))  # the version the view showed

    def _undo(self) -> None:
        self._saved(self._back(self.version))

    def _redo(self) -> None:
        self._saved(self._forward(self.version))


class EditProposal(_OnProposal):
    """Save changed terms; undo saves the terms as they were before."""

    def __init__(
        self,
        service: ProposalService,
        before: Proposal,
        draft: ProposalDraft,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        text = _tr("Edit proposal #{id}").format(id=before.id)
        super().__init__(service, before, text, on_changed, on_error)
        self._old = before.draft()
        self._new = draft

    def _do(self) -> None:
        super()._do()
        self._new = self.after.draft()

    def _forward(self, version: int) -> Proposal:
        return self.service.update(self.proposal_id, self._new, version)

    def _back(self, version: int) -> Proposal:
        return self.service.update(self.proposal_id, self._old, version)


class MoveProposal(_OnProposal):
    """A workflow step; undo goes back one step."""

    def __init__(
        self,
        service: ProposalService,
        before: Proposal,
        target: ProposalStatus,
        note: str,
        on_changed: Changed,
        on_error: Failed,
        accepted: Proposal | None = None,
    ) -> None:
        """`accepted`: the move was already made (an acceptance that created no record)."""
        text = _tr("Proposal #{id}: {old} → {new}").format(
            id=before.id, old=status_label(before.status), new=status_label(target)
        )
        super().__init__(service, before, text, on_changed, on_error)
        self.target = target
        self.note = note
        self._accepted = accepted

    def _do(self) -> None:
        if self._accepted is not None:
            self._saved(self._accepted)
        else:
            super()._do()

    def _forward(self, version: int) -> Proposal:
        return self.service.transition(self.proposal_id, self.target, version, self.note)

    def _back(self, version: int) -> Proposal:
        return self.service.undo_transition(self.proposal_id, version)


class RecordDecision(_OnProposal):
    """The artist's own answer; undo records the earlier answer again (or clears it)."""

    def __init__(
        self,
        service: ProposalService,
        before: Proposal,
        artist_id: int,
        decision: ArtistDecisionOnProposal | None,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        entry = before.artist(artist_id)
        name = entry.artist_name if entry is not None else f"#{artist_id}"
        if decision is not None:
            text = _tr("Record the decision of {name}")
        else:
            text = _tr("Clear the decision of {name}")
        super().__init__(service, before, text.format(name=name), on_changed, on_error)
        self.artist_id = artist_id
        self._old = entry.decision if entry is not None else None
        self._new = decision

    def _forward(self, version: int) -> Proposal:
        return self.service.record_decision(self.proposal_id, self.artist_id, self._new, version)

    def _back(self, version: int) -> Proposal:
        return self.service.record_decision(self.proposal_id, self.artist_id, self._old, version)


class RecordRecommendation(_OnProposal):
    """What the agency advises; undo records the earlier advice again (or clears it)."""

    def __init__(
        self,
        service: ProposalService,
        before: Proposal,
        artist_id: int,
        recommendation: AgencyRecommendation | None,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        entry = before.artist(artist_id)
        name = entry.artist_name if entry is not None else f"#{artist_id}"
        text = (
            _tr("Record the agency's advice for {name}")
            if recommendation
            else _tr("Clear the agency's advice for {name}")
        )
        super().__init__(service, before, text.format(name=name), on_changed, on_error)
        self.artist_id = artist_id
        self._old = entry.recommendation if entry is not None else None
        self._new = recommendation

    def _forward(self, version: int) -> Proposal:
        return self.service.record_recommendation(
            self.proposal_id, self.artist_id, self._new, version
        )

    def _back(self, version: int) -> Proposal:
        return self.service.record_recommendation(
            self.proposal_id, self.artist_id, self._old, version
        )


class MapCharacters(ServiceCommand):
    """Confirm one or more characters of a script; undo restores what each was before.

    If one character of several cannot be mapped, the ones before it stay mapped and undoable
    and `failure` says why the rest were not; if the first one fails, nothing is pushed.
    """

    def __init__(
        self,
        service: ProposalService,
        script_id: int,
        before: Sequence[CharacterMapping],
        wanted: dict[str, int | None],
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__("", on_changed, on_error)
        self.service = service
        self.script_id = script_id
        self._old = {m.character: m for m in before if m.character in wanted}
        self._wanted = dict(wanted)
        self._new: dict[str, int | None] = {}
        self.done: list[CharacterMapping] = []
        self.failure: UserError | None = None

    def _key(self, character: str) -> tuple[str, int, str]:
        return ("mapping", self.script_id, character)

    def _map(self, character: str, artist_id: int | None, expected: int | None) -> CharacterMapping:
        saved = self.service.map_character(self.script_id, character, artist_id, expected)
        self.book.set(self._key(character), saved.row_version)
        return saved

    def _do(self) -> None:
        for character, artist_id in self._wanted.items():
            old = self._old.get(character)
            expected = old.row_version if old is not None and old.confirmed else None
            try:
                self.done.append(self._map(character, artist_id, expected))
            except UserError as e:  # keep what succeeded undoable, then say why
                if not self.done:
                    raise
                self.failure = e
                break
        self._new = {m.character: self._wanted[m.character] for m in self.done}
        if len(self._new) == 1:
            (character,) = self._new
            self.setText(_tr("Map {character}").format(character=character))
        else:
            self.setText(_tr("Confirm {n} suggested mappings").format(n=len(self._new)))

    def _undo(self) -> None:
        for character in reversed(list(self._new)):
            old = self._old.get(character)
            if old is None or not old.confirmed:
                self.service.clear_mapping(self.script_id, character)
                self.book.set(self._key(character), 0)
            else:
                expected = self.book.get(self._key(character), 0)
                self._map(character, old.artist_id, expected)

    def _redo(self) -> None:
        for character, artist_id in self._new.items():
            expected = self.book.get(self._key(character), 0) or None
            self._map(character, artist_id, expected)


class _RiskMark(ServiceCommand):
    """Set or take back the accepted-risk mark of a finding; undo does the other."""

    def __init__(
        self,
        service: ProposalService,
        finding: StoredFinding,
        accept: bool,
        reason: str,
        text: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        f = finding.finding
        where = _tr(" at line {line}").format(line=f.line) if f.line is not None else ""
        super().__init__(text.format(rule=f.rule_id, where=where), on_changed, on_error)
        self.service = service
        self.finding_id = finding.id
        self.after = finding
        self.reason = reason
        self._accept = accept
        self._before_version = finding.row_version

    @property
    def version(self) -> int:
        return self.book.get(("finding", self.finding_id), self._before_version)

    def _mark(self, accepted: bool, version: int) -> None:
        if accepted:
            self.after = self.service.accept_risk(self.finding_id, self.reason, version)
        else:
            self.after = self.service.clear_accepted_risk(self.finding_id, version)
        self.book.set(("finding", self.finding_id), self.after.row_version)

    def _do(self) -> None:
        self._mark(self._accept, self._before_version)

    def _undo(self) -> None:
        self._mark(not self._accept, self.version)

    def _redo(self) -> None:
        self._mark(self._accept, self.version)


class AcceptRisk(_RiskMark):
    """Mark a finding as accepted risk with a reason; undo clears the mark."""

    def __init__(
        self,
        service: ProposalService,
        finding: StoredFinding,
        reason: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        text = _tr("Accept the risk of {rule}{where}")
        super().__init__(service, finding, True, reason, text, on_changed, on_error)


class ClearRisk(_RiskMark):
    """Take back an accepted risk (the finding counts again); undo accepts it again."""

    def __init__(
        self,
        service: ProposalService,
        finding: StoredFinding,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        text = _tr("Take back the accepted risk of {rule}{where}")
        super().__init__(
            service, finding, False, finding.accepted_reason, text, on_changed, on_error
        )
