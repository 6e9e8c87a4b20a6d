"""The audit trail screen: every change with who made it, and the chain check.

`register(window)` adds it to the main window's navigation (Ctrl+4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.audit.view import AuditView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

AUDIT_KEY = "audit"
AUDIT_SHORTCUT = "Ctrl+4"


def register(window: MainWindow) -> AuditView:
    view = AuditView(window.desk, window)
    title = QCoreApplication.translate("AuditScreens", "Audit trail")
    window.add_view(AUDIT_KEY, title, view, AUDIT_SHORTCUT)
    return view


__all__ = ["AuditView", "register"]
