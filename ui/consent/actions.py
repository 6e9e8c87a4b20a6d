"""The consent view's actions: menu entries, shortcuts and the buttons above the matrix.

Shortcuts work while the consent view (or anything in it) has focus, so the same keys can mean
something else in another view (Ctrl+N adds an artist in the roster, a consent here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTableView, QWidget

Slot = Callable[[], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentView", text)


@dataclass(frozen=True)
class ConsentActions:
    new: QAction
    edit: QAction
    revoke: QAction
    stance: QAction
    as_of: QAction
    now: QAction
    refresh: QAction
    menu: QMenu


def build_actions(
    view: QWidget, table: QTableView, buttons: QHBoxLayout, slots: dict[str, Slot]
) -> ConsentActions:
    """Create the actions on `view`; Enter on the matrix opens the selected record."""

    def action(key: str, name: str, text: str, keys: list[str]) -> QAction:
        a = QAction(text, view)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        slot = slots[key]
        a.triggered.connect(lambda: slot())
        view.addAction(a)
        return a

    made = ConsentActions(
        new=action("new", "newConsent", _tr("&New consent…"), ["Ctrl+N"]),
        edit=action("edit", "editConsent", _tr("&Edit or amend…"), ["Ctrl+E"]),
        revoke=action("revoke", "revokeConsent", _tr("&Revoke…"), ["Ctrl+Shift+R"]),
        stance=action("stance", "recordStance", _tr("Record AI &stance…"), ["Ctrl+Shift+T"]),
        as_of=action("as_of", "focusAsOf", _tr("Set &as-of time"), ["Ctrl+D"]),
        now=action("now", "asOfNow", _tr("Back to &now"), ["Ctrl+Shift+D"]),
        refresh=action("refresh", "refreshConsent", _tr("Re&load and re-check evidence"), ["F5"]),
        menu=QMenu(_tr("&Consent"), view),
    )
    enter = QAction(view)
    enter.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
    enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit = slots["edit"]
    enter.triggered.connect(lambda: edit())
    table.addAction(enter)
    for a in (made.new, made.edit, made.revoke):
        made.menu.addAction(a)
    made.menu.addSeparator()
    made.menu.addAction(made.stance)
    made.menu.addSeparator()
    for a in (made.as_of, made.now, made.refresh):
        made.menu.addAction(a)
    for a in (made.new, made.edit, made.revoke):
        button = QPushButton(a.text().replace("&", ""), view)
        button.setObjectName(f"{a.objectName()}Button")
        button.clicked.connect(a.trigger)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        a.enabledChanged.connect(button.setEnabled)
        buttons.addWidget(button)
    return made
