"""The one place that shows errors.

Two kinds, kept apart on purpose: a `UserError` (bad file, locked database, someone else saved
first) is the person's to act on and is shown as a plain message; anything else is a bug, so
its traceback goes to the log file and the person is told where it is — never a traceback on
screen.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import ConflictError, UserError, ValidationError
from ui.i18n import problem_line, user_message

_open_bug_box: QMessageBox | None = None


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    from PySide6.QtCore import Qt  # not on the way to the first paint (ui/roster/columns.py)

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorBox")
    return box


def show_error(parent: QWidget | None, exc: BaseException, wait: bool = False) -> QMessageBox:
    """Show `exc` to the person: its message for a UserError, the bug notice otherwise.

    Non-blocking by default (the window keeps working behind the message); `wait=True` runs
    the box's own event loop, for errors before the main loop has started.
    """
    if not isinstance(exc, UserError):
        return report_bug(type(exc), exc, exc.__traceback__, parent=parent, wait=wait)
    if isinstance(exc, ConflictError):
        title = QCoreApplication.translate("Errors", "Changed by someone else")
        icon = QMessageBox.Icon.Information
    elif isinstance(exc, ValidationError):
        title = QCoreApplication.translate("Errors", "Please correct")
        icon = QMessageBox.Icon.Warning
    else:
        title = QCoreApplication.translate("Errors", "Consent Desk")
        icon = QMessageBox.Icon.Warning
    box = _box(parent, icon, title, user_message(exc))
    if isinstance(exc, ValidationError) and len(exc.problems) > 5:
        box.setDetailedText("\n".join(problem_line(p) for p in exc.problems))
    _present(box, wait)
    return box


def report_bug(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    parent: QWidget | None = None,
    wait: bool = False,
) -> QMessageBox:
    """Log a bug with its traceback and tell the person where the details are."""
    global _open_bug_box
    import logging  # logging and traceback load only when needed (not before the first paint)
    import traceback

    from models.logs import setup_logging

    path = setup_logging()
    logging.getLogger("consent_desk.ui").error("unexpected error", exc_info=(exc_type, exc, tb))
    if _open_bug_box is not None and _open_bug_box.isVisible():
        return _open_bug_box  # a bug repeating in every paint must not stack up windows
    text = QCoreApplication.translate(
        "Errors", "Something went wrong; details saved to {path}"
    ).format(path=path)
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Consent Desk"),
        text,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Errors",
            "Your saved records are safe. Please send the log file to whoever supports you.",
        )
    )
    box.setDetailedText("".join(traceback.format_exception_only(exc_type, exc)).strip())
    _open_bug_box = box
    box.destroyed.connect(_forget_bug_box)
    _present(box, wait)
    return box


def _forget_bug_box() -> None:
    global _open_bug_box
    _open_bug_box = None


_shown: set[QMessageBox] = set()  # parentless boxes live until closed, not until collected


def _present(box: QMessageBox, wait: bool) -> None:
    _shown.add(box)
    box.finished.connect(lambda _result: _shown.discard(box))
    if wait:
        box.exec()
    else:
        box.open()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: user errors as messages, bugs logged and reported."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    # No parent: the active window may be a closing dialog that would take the box with it.
    if isinstance(exc, UserError):
        show_error(None, exc)
    else:
        report_bug(exc_type, exc, tb)
