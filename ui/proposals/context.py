"""What every part of the proposal screens shares: the desk's services, undo stack, settings.

One instance per view, handed to the list, the proposal page and its panels, so they all
write through the same services and push onto the window's one undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from models.desk import Desk
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
    def open(cls, desk: Desk, undo_stack: QUndoStack, settings: Settings) -> ProposalContext:
        """The proposal screens' share of the window's desk."""
        return cls(desk.db, desk.proposals, desk.parties, desk.roster, undo_stack, settings)
