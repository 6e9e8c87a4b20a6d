"""The Proposals screen: log a producer's proposal, attach its script, map characters to
artists, read the findings, export the review report and answer before the deadline.

`register(window)` adds it to the main window's navigation (Ctrl+6) with its Proposal menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.proposals.context import ProposalContext
from ui.proposals.view import ProposalsView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Not "proposals": tests/ui/test_main_window.py plugs in a stand-in view under that key.
PROPOSALS_KEY = "proposals"
PROPOSALS_SHORTCUT = "Ctrl+6"


def register(window: MainWindow) -> ProposalsView:
    ctx = ProposalContext.open(window.desk, window.undo_stack, window.settings)
    view = ProposalsView(ctx, window)
    view.message.connect(window.show_message)
    title = QCoreApplication.translate("ProposalScreens", "Proposals")
    window.add_view(PROPOSALS_KEY, title, view, PROPOSALS_SHORTCUT, menu=view.menu)
    return view


__all__ = ["PROPOSALS_KEY", "ProposalsView", "register"]
