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

Each command is performed first (a refused save never reaches the stack), then pushed; its
first redo is a no-op. Versions: several commands may touch one proposal, and each write
raises its version, so the commands share a `VersionBook` holding the version this desk last
wrote. Undo and redo expect that version, so a change made meanwhile at another desk is never
overwritten: the ConflictError is shown and the command drops out of the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

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
from ui.commands import ServiceCommand
from ui.proposals.labels import status_label

Changed = Callable[[], None]
Failed = Callable[[UserError], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProposalCommand", text)


class VersionBook:
    """The row version this desk's own last write left on each proposal or finding."""

    def __init__(self) -> None:
        self._seen: dict[Hashable, int] = {}

    def get(self, key: Hashable, fallback: int) -> int:
        return self._seen.get(key, fallback)

    def set(self, key: Hashable, version: int) -> None:
        self._seen[key] = version

    def wrote(self, proposal: Proposal) -> Proposal:
        self._seen[("proposal", proposal.id)] = proposal.row_version
        return proposal


class _OnProposal(ServiceCommand):
    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        after: Proposal,
        text: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        super().__init__(text, on_changed, on_error)
        self.service = service
        self.book = book
        self.proposal_id = after.id
        self.after = book.wrote(after)
        self._fallback = after.row_version

    @property
    def version(self) -> int:
        return self.book.get(("proposal", self.proposal_id), self._fallback)

    def _saved(self, proposal: Proposal) -> None:
        self.after = self.book.wrote(proposal)


class EditProposal(_OnProposal):
    """Save changed terms; undo saves the terms as they were before."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        before: Proposal,
        draft: ProposalDraft,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        after = service.update(before.id, draft, before.row_version)
        super().__init__(
            service,
            book,
            after,
            _tr("Edit proposal #{id}").format(id=before.id),
            on_changed,
            on_error,
        )
        self._old = before.draft()
        self._new = after.draft()

    def _undo(self) -> None:
        self._saved(self.service.update(self.proposal_id, self._old, self.version))

    def _redo(self) -> None:
        self._saved(self.service.update(self.proposal_id, self._new, self.version))


class MoveProposal(_OnProposal):
    """A workflow step; undo goes back one step."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        before: Proposal,
        target: ProposalStatus,
        note: str,
        on_changed: Changed,
        on_error: Failed,
        after: Proposal | None = None,
    ) -> None:
        """`after`: the move was already made (an acceptance that created no record)."""
        if after is None:
            after = service.transition(before.id, target, before.row_version, note)
        super().__init__(
            service,
            book,
            after,
            _tr("Proposal #{id}: {old} → {new}").format(
                id=before.id, old=status_label(before.status), new=status_label(target)
            ),
            on_changed,
            on_error,
        )
        self.target = target
        self.note = note

    def _undo(self) -> None:
        self._saved(self.service.undo_transition(self.proposal_id, self.version))

    def _redo(self) -> None:
        self._saved(self.service.transition(self.proposal_id, self.target, self.version, self.note))


class RecordDecision(_OnProposal):
    """The artist's own answer; undo records the earlier answer again (or clears it)."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        before: Proposal,
        artist_id: int,
        decision: ArtistDecisionOnProposal | None,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        entry = before.artist(artist_id)
        name = entry.artist_name if entry is not None else f"#{artist_id}"
        after = service.record_decision(before.id, artist_id, decision, before.row_version)
        if decision is not None:
            text = _tr("Record the decision of {name}")
        else:
            text = _tr("Clear the decision of {name}")
        super().__init__(service, book, after, text.format(name=name), on_changed, on_error)
        self.artist_id = artist_id
        self._old = entry.decision if entry is not None else None
        self._new = decision

    def _undo(self) -> None:
        self._saved(
            self.service.record_decision(self.proposal_id, self.artist_id, self._old, self.version)
        )

    def _redo(self) -> None:
        self._saved(
            self.service.record_decision(self.proposal_id, self.artist_id, self._new, self.version)
        )


class RecordRecommendation(_OnProposal):
    """What the agency advises; undo records the earlier advice again (or clears it)."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        before: Proposal,
        artist_id: int,
        recommendation: AgencyRecommendation | None,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        entry = before.artist(artist_id)
        name = entry.artist_name if entry is not None else f"#{artist_id}"
        after = service.record_recommendation(
            before.id, artist_id, recommendation, before.row_version
        )
        text = (
            _tr("Record the agency's advice for {name}")
            if recommendation
            else _tr("Clear the agency's advice for {name}")
        )
        super().__init__(service, book, after, text.format(name=name), on_changed, on_error)
        self.artist_id = artist_id
        self._old = entry.recommendation if entry is not None else None
        self._new = recommendation

    def _undo(self) -> None:
        self._saved(
            self.service.record_recommendation(
                self.proposal_id, self.artist_id, self._old, self.version
            )
        )

    def _redo(self) -> None:
        self._saved(
            self.service.record_recommendation(
                self.proposal_id, self.artist_id, self._new, self.version
            )
        )


class MapCharacters(ServiceCommand):
    """Confirm one or more characters of a script; undo restores what each was before."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        script_id: int,
        before: Sequence[CharacterMapping],
        wanted: dict[str, int | None],
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        self.service = service
        self.book = book
        self.script_id = script_id
        self._old = {m.character: m for m in before if m.character in wanted}
        self._new = dict(wanted)
        self.done: list[CharacterMapping] = []
        self.failure: UserError | None = None  # keep what succeeded undoable, then say why
        for character, artist_id in wanted.items():
            old = self._old.get(character)
            expected = old.row_version if old is not None and old.confirmed else None
            try:
                self.done.append(self._map(character, artist_id, expected))
            except UserError as e:
                if not self.done:
                    raise
                self.failure = e
                break
        self._new = {m.character: wanted[m.character] for m in self.done}
        if len(self._new) == 1:
            (character,) = self._new
            text = _tr("Map {character}").format(character=character)
        else:
            text = _tr("Confirm {n} suggested mappings").format(n=len(self._new))
        super().__init__(text, on_changed, on_error)

    def _key(self, character: str) -> tuple[str, int, str]:
        return ("mapping", self.script_id, character)

    def _map(self, character: str, artist_id: int | None, expected: int | None) -> CharacterMapping:
        saved = self.service.map_character(self.script_id, character, artist_id, expected)
        self.book.set(self._key(character), saved.row_version)
        return saved

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


class AcceptRisk(ServiceCommand):
    """Mark a finding as accepted risk with a reason; undo clears the mark."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        finding: StoredFinding,
        reason: str,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        self.service = service
        self.book = book
        self.finding_id = finding.id
        self.reason = reason
        self.after = service.accept_risk(finding.id, reason, finding.row_version)
        book.set(("finding", finding.id), self.after.row_version)
        f = finding.finding
        where = _tr(" at line {line}").format(line=f.line) if f.line is not None else ""
        super().__init__(
            _tr("Accept the risk of {rule}{where}").format(rule=f.rule_id, where=where),
            on_changed,
            on_error,
        )

    @property
    def version(self) -> int:
        return self.book.get(("finding", self.finding_id), self.after.row_version)

    def _undo(self) -> None:
        self.after = self.service.clear_accepted_risk(self.finding_id, self.version)
        self.book.set(("finding", self.finding_id), self.after.row_version)

    def _redo(self) -> None:
        self.after = self.service.accept_risk(self.finding_id, self.reason, self.version)
        self.book.set(("finding", self.finding_id), self.after.row_version)


class ClearRisk(ServiceCommand):
    """Take back an accepted risk (the finding counts again); undo accepts it again."""

    def __init__(
        self,
        service: ProposalService,
        book: VersionBook,
        finding: StoredFinding,
        on_changed: Changed,
        on_error: Failed,
    ) -> None:
        self.service = service
        self.book = book
        self.finding_id = finding.id
        self.reason = finding.accepted_reason
        self.after = service.clear_accepted_risk(finding.id, finding.row_version)
        book.set(("finding", finding.id), self.after.row_version)
        f = finding.finding
        where = _tr(" at line {line}").format(line=f.line) if f.line is not None else ""
        super().__init__(
            _tr("Take back the accepted risk of {rule}{where}").format(rule=f.rule_id, where=where),
            on_changed,
            on_error,
        )

    @property
    def version(self) -> int:
        return self.book.get(("finding", self.finding_id), self.after.row_version)

    def _undo(self) -> None:
        self.after = self.service.accept_risk(self.finding_id, self.reason, self.version)
        self.book.set(("finding", self.finding_id), self.after.row_version)

    def _redo(self) -> None:
        self.after = self.service.clear_accepted_risk(self.finding_id, self.version)
        self.book.set(("finding", self.finding_id), self.after.row_version)
