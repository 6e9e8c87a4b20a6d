"""The one undo command base: record in the constructor, write in `perform`, push on success.

Each kind of command is run against the demo agency: building it writes nothing, a refused
first write leaves the stack empty, undo and redo go back and forth, and the stack's one
`VersionBook` lets commands on the same row follow each other while a change made at another
desk is still refused with the service's own message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from models.consent.deadlines import DeadlineService, DeadlineSettings
from models.consent.service import ConsentService
from models.consent.stance import StanceService
from models.consent.values import (
    AgencyRecommendation,
    CounterpartyDraft,
    CounterpartyKind,
    ProjectDraft,
    ProjectType,
    Recommendation,
)
from models.errors import ConflictError, UserError
from models.parties.service import CounterpartyService
from models.proposals.service import ProposalService
from models.proposals.values import ArtistAnswer, ArtistDecisionOnProposal, ProposalStatus
from models.roster.artist import ArtistDraft, Stance
from models.roster.service import RosterService
from models.storage.database import Database
from tests.ui.proposals.conftest import artist_id, draft
from ui.commands import ServiceCommand, VersionBook, version_book
from ui.consent.commands import EditConsent, RecordStance, SaveDeadlineSettings
from ui.consent.form.parties import AddCounterparty, AddProject
from ui.proposals.commands import (
    EditProposal,
    MoveProposal,
    RecordDecision,
    RecordRecommendation,
)
from ui.roster.commands import AddArtist, EditArtist, SetArchived

pytestmark = pytest.mark.sqlite_only
DECIDED_AT = datetime(2026, 5, 1, 9, tzinfo=UTC)


@dataclass
class Kind:
    """One kind of command: how to build it (args after the stack) and what it changes."""

    command: type[ServiceCommand]
    args: Callable[[Database], tuple[Any, ...]]
    state: Callable[[Database], Any]


def _nothing(*_: object) -> None:
    pass


def _failed(error: UserError) -> None:
    raise AssertionError(f"undo or redo failed: {error}")


def _lin(db: Database) -> int:
    [found] = [
        a.id
        for a in RosterService(db).search("林晓", include_archived=True)
        if a.native_name == "林晓"
    ]
    return found


def _roster_names(db: Database) -> list[str]:
    return [a.native_name for a in RosterService(db).search("")]


def _edit_artist(db: Database) -> tuple[Any, ...]:
    before = RosterService(db).get(_lin(db))
    return RosterService(db), before, before.draft().replace(notes="new notes"), _nothing, _failed


def _archive(db: Database) -> tuple[Any, ...]:
    before = RosterService(db).get(_lin(db))
    return RosterService(db), [before], True, _nothing, _failed


def _undecided_consent(db: Database) -> int:
    [record] = ConsentService(db).records_for_artist(artist_id(db, "刘雨桐"))
    assert record.is_editable
    return record.id


def _stance(db: Database) -> tuple[Any, ...]:
    return StanceService(db), _lin(db), Stance.DECLINED, "", _nothing, _failed


def _current_stance(db: Database) -> Any:
    entry = StanceService(db).current(_lin(db))
    return None if entry is None else (entry.stance, entry.conditions)


def _thresholds(db: Database) -> tuple[Any, ...]:
    return DeadlineService(db), DeadlineSettings(45, 7, 72), _nothing, _failed


def _counterparty(db: Database) -> tuple[Any, ...]:
    return (
        CounterpartyService(db),
        CounterpartyDraft("新星影业", "Xinxing Pictures", CounterpartyKind.PRODUCER),
        _nothing,
        _failed,
    )


def _active_parties(db: Database) -> list[str]:
    return sorted(c.romanized_name for c in CounterpartyService(db).counterparties())


def _project(db: Database) -> tuple[Any, ...]:
    cp = CounterpartyService(db).counterparties()[0]
    draft = ProjectDraft(cp.id, "新剧", "Xin Ju", ProjectType.SERIES)
    return CounterpartyService(db), draft, _nothing, _failed


def _active_projects(db: Database) -> list[str]:
    parties = CounterpartyService(db)
    cp = parties.counterparties()[0]
    return sorted(p.title_romanized for p in parties.projects(cp.id))


def _proposal(db: Database) -> int:
    found = ProposalService(db).list()
    if found:
        return found[0].id
    return ProposalService(db).create(draft(db)).id


def _edit_proposal(db: Database) -> tuple[Any, ...]:
    before = ProposalService(db).get(_proposal(db))
    wanted = replace(before.draft(), contact="Someone else, Xingmu Video")
    return ProposalService(db), before, wanted, _nothing, _failed


def _move_proposal(db: Database) -> tuple[Any, ...]:
    before = ProposalService(db).get(_proposal(db))
    assert before.status is ProposalStatus.RECEIVED
    return ProposalService(db), before, ProposalStatus.UNDER_REVIEW, "", _nothing, _failed


def _proposal_state(db: Database) -> Any:
    p = ProposalService(db).get(_proposal(db))
    return p.status, p.draft(), [(a.decision, a.recommendation) for a in p.artists]


def _decision(db: Database) -> tuple[Any, ...]:
    before = ProposalService(db).get(_proposal(db))
    answer = ArtistDecisionOnProposal(ArtistAnswer.DECLINE, "Lin Xiao", DECIDED_AT)
    return ProposalService(db), before, before.artists[0].artist_id, answer, _nothing, _failed


def _advice(db: Database) -> tuple[Any, ...]:
    before = ProposalService(db).get(_proposal(db))
    advice = AgencyRecommendation(Recommendation.ADVISE_AGAINST, "desk", DECIDED_AT)
    return ProposalService(db), before, before.artists[0].artist_id, advice, _nothing, _failed


KINDS = {
    "add artist": Kind(
        AddArtist,
        lambda db: (RosterService(db), ArtistDraft("新人", "Xin Ren"), _nothing, _failed),
        _roster_names,
    ),
    "edit artist": Kind(EditArtist, _edit_artist, lambda db: RosterService(db).get(_lin(db)).notes),
    "archive": Kind(SetArchived, _archive, lambda db: RosterService(db).get(_lin(db)).archived),
    "stance": Kind(RecordStance, _stance, _current_stance),
    "thresholds": Kind(
        SaveDeadlineSettings, _thresholds, lambda db: DeadlineService(db).settings()
    ),
    "counterparty": Kind(AddCounterparty, _counterparty, _active_parties),
    "project": Kind(AddProject, _project, _active_projects),
    "edit proposal": Kind(EditProposal, _edit_proposal, _proposal_state),
    "move proposal": Kind(MoveProposal, _move_proposal, _proposal_state),
    "artist's decision": Kind(RecordDecision, _decision, _proposal_state),
    "agency's advice": Kind(RecordRecommendation, _advice, _proposal_state),
}


@pytest.mark.parametrize("name", list(KINDS))
def test_each_kind_writes_only_when_performed_and_undo_redo_round_trip(
    name: str, demo_db: Database
) -> None:
    kind = KINDS[name]
    if kind.command in (EditProposal, MoveProposal, RecordDecision, RecordRecommendation):
        _proposal(demo_db)  # the proposal exists before anything is measured
    before = kind.state(demo_db)
    stack = QUndoStack()

    kind.command(*kind.args(demo_db))  # the constructor only records
    assert kind.state(demo_db) == before

    command = kind.command.perform(stack, *kind.args(demo_db))
    after = kind.state(demo_db)
    assert after != before
    assert stack.count() == 1 and stack.command(0) is command
    assert command.text() and "{" not in command.text()  # named after what it did

    stack.undo()
    assert kind.state(demo_db) == before
    stack.redo()
    assert kind.state(demo_db) == after
    stack.undo()
    assert kind.state(demo_db) == before
    assert stack.count() == 1  # never dropped: every step succeeded


def test_a_consent_edit_saved_by_the_form_is_recorded_then_undone_and_redone(
    demo_db: Database,
) -> None:
    """The form's save (ConsentService.save_form) edits the terms in its own transaction;
    EditConsent only records that edit, so performing it writes nothing more."""
    consents = ConsentService(demo_db)
    before = consents.get(_undecided_consent(demo_db))
    EditConsent(consents, before, before, _nothing, _failed)  # the constructor only records
    assert consents.get(before.id).row_version == before.row_version
    after = consents.edit(
        before.id, replace(before.terms, term_end=date(2027, 1, 31)), before.row_version
    )
    stack = QUndoStack()
    command = EditConsent.perform(stack, consents, before, after, _nothing, _failed)
    assert consents.get(before.id).row_version == after.row_version  # nothing written again
    assert stack.count() == 1 and stack.command(0) is command
    assert command.text() and "{" not in command.text()
    stack.undo()
    assert consents.get(before.id).terms == before.terms
    stack.redo()
    assert consents.get(before.id).terms == after.terms
    stack.undo()
    assert consents.get(before.id).terms == before.terms
    assert stack.count() == 1


def test_a_refused_first_write_pushes_nothing(demo_db: Database) -> None:
    stack = QUndoStack()
    roster = RosterService(demo_db)
    with pytest.raises(UserError):
        AddArtist.perform(stack, roster, ArtistDraft(""), _nothing, _failed)
    before = roster.get(_lin(demo_db))
    roster.update(before.id, before.draft().replace(notes="another desk"), before.version)
    with pytest.raises(ConflictError):
        EditArtist.perform(
            stack, roster, before, before.draft().replace(notes="mine"), _nothing, _failed
        )
    with pytest.raises(ConflictError):
        SetArchived.perform(stack, roster, [before], True, _nothing, _failed)
    proposals = ProposalService(demo_db)
    p = proposals.get(_proposal(demo_db))
    proposals.update(p.id, replace(p.draft(), contact="another desk"), p.row_version)
    with pytest.raises(ConflictError):
        MoveProposal.perform(
            stack, proposals, p, ProposalStatus.UNDER_REVIEW, "", _nothing, _failed
        )
    assert stack.count() == 0
    assert roster.get(before.id).notes == "another desk"


def test_archiving_nobody_new_pushes_nothing(demo_db: Database) -> None:
    stack = QUndoStack()
    roster = RosterService(demo_db)
    artist = roster.get(_lin(demo_db))
    SetArchived.perform(stack, roster, [artist], False, _nothing, _failed)  # already active
    assert stack.count() == 0


def test_commands_on_one_row_share_the_stacks_versions(demo_db: Database) -> None:
    """Edit, then archive the same artist: both undo (each knows the other's write)."""
    stack = QUndoStack()
    roster = RosterService(demo_db)
    first = roster.get(_lin(demo_db))
    EditArtist.perform(
        stack, roster, first, first.draft().replace(notes="edited"), _nothing, _failed
    )
    SetArchived.perform(stack, roster, [roster.get(first.id)], True, _nothing, _failed)
    stack.undo()
    stack.undo()
    back = roster.get(first.id)
    assert (back.notes, back.archived) == (first.notes, False)
    stack.redo()
    stack.redo()
    again = roster.get(first.id)
    assert (again.notes, again.archived) == ("edited", True)
    assert stack.count() == 2
    assert version_book(stack) is version_book(stack)
    assert isinstance(version_book(stack), VersionBook)


def test_undo_after_another_desk_changed_the_row_says_so_and_drops_the_step(
    demo_db: Database,
) -> None:
    stack = QUndoStack()
    roster = RosterService(demo_db)
    proposals = ProposalService(demo_db)
    errors: list[UserError] = []
    before = roster.get(_lin(demo_db))
    EditArtist.perform(
        stack, roster, before, before.draft().replace(notes="mine"), _nothing, errors.append
    )
    p = proposals.get(_proposal(demo_db))
    EditProposal.perform(
        stack, proposals, p, replace(p.draft(), contact="mine"), _nothing, errors.append
    )
    consents = ConsentService(demo_db)
    record = consents.get(_undecided_consent(demo_db))
    mine = replace(record.terms, term_end=date(2027, 1, 31))
    saved = consents.edit(record.id, mine, record.row_version)  # the form's save_form
    EditConsent.perform(stack, consents, record, saved, _nothing, errors.append)
    # another desk saves all three rows
    theirs = consents.get(record.id)
    consents.edit(record.id, replace(theirs.terms, term_end=date(2027, 6, 30)), theirs.row_version)
    other = roster.get(before.id)
    roster.update(other.id, other.draft().replace(notes="theirs"), other.version)
    q = proposals.get(p.id)
    proposals.update(q.id, replace(q.draft(), contact="theirs"), q.row_version)

    stack.undo()  # the consent record
    stack.undo()  # the proposal
    stack.undo()  # the artist
    assert [type(e) for e in errors] == [ConflictError] * 3
    assert str(errors[0]).startswith(f"Consent record #{record.id} was changed by ")
    assert str(errors[1]).startswith(f"Proposal #{p.id} was changed by ")
    assert "Reload to see their changes, then try again." in str(errors[1])
    assert str(errors[2]).startswith(f"{before.native_name} was changed by ")
    assert "Reload to see their changes, then edit again." in str(errors[2])
    assert stack.count() == 0  # every step dropped out
    assert consents.get(record.id).term_end == date(2027, 6, 30)
    assert roster.get(before.id).notes == "theirs"
    assert proposals.get(p.id).draft().contact == "theirs"


def test_every_undo_command_of_the_window_stands_on_the_one_base() -> None:
    import importlib
    import inspect
    import pkgutil
    from pathlib import Path

    from PySide6.QtGui import QUndoCommand

    import ui

    commands = []
    for info in pkgutil.walk_packages([str(Path(ui.__file__).parent)], "ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QUndoCommand):
                commands.append(cls)
    assert len(commands) >= 15  # the walk really finds the window's commands
    assert [c.__qualname__ for c in commands if not issubclass(c, ServiceCommand)] == []
