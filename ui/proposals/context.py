"""What every part of the proposal screens shares: the services, the undo stack, the settings.

One instance per view, handed to the list, the proposal page and its panels, so they all
write through the same services and push onto the window's one undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from models.parties.service import CounterpartyService
from models.proposals.service import ProposalService
from models.roster.service import RosterService
from models.storage.database import Database
from ui.commands import VersionBook, version_book
from ui.settings import Settings


@dataclass
class ProposalContext:
    db: Database
    service: ProposalService
    parties: CounterpartyService
    roster: RosterService
    undo_stack: QUndoStack
    settings: Settings

    @property
    def book(self) -> VersionBook:
        """The undo stack's row versions, shared with every other view's commands."""
        return version_book(self.undo_stack)

    @classmethod
    def open(cls, db: Database, undo_stack: QUndoStack, settings: Settings) -> ProposalContext:
        return cls(
            db,
            ProposalService(db),
            CounterpartyService(db),
            RosterService(db),
            undo_stack,
            settings,
        )
