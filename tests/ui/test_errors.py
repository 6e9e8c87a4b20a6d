"""The one place that shows errors: user errors as messages, bugs logged with a notice."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import models.logs
from models.errors import ConflictError, FieldProblem, UserError, ValidationError
from tests.ui.helpers import close_error_boxes, error_boxes
from ui.errors import excepthook, show_error


@pytest.fixture(autouse=True)
def _close_boxes() -> Iterator[None]:
    yield
    close_error_boxes()


def _raise(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def test_user_error_is_shown_as_its_message_only(qtbot: QtBot) -> None:
    error = UserError("error.roster.io.name_empty", name="roster.csv")
    box = show_error(None, _raise(error))
    assert box.text() == "roster.csv is empty."
    assert "Traceback" not in box.text() + box.detailedText()
    assert box.isVisible()


def test_conflict_has_its_own_title(qtbot: QtBot) -> None:
    box = show_error(
        None,
        ConflictError(
            "error.roster.native_name_was_changed_by",
            native_name="林晓",
            updated_by="mei",
            when="2026-05-01 09:00",
        ),
    )
    assert box.windowTitle() == "Changed by someone else"


def test_many_validation_problems_are_listed_in_the_details(qtbot: QtBot) -> None:
    problems = [
        FieldProblem("date_of_birth", "problem.is_in_the_future", row=r) for r in range(2, 10)
    ]
    box = show_error(None, ValidationError(problems))
    assert box.text().startswith("Please correct: row 2, date_of_birth: is in the future")
    assert "row 9, date_of_birth" in box.detailedText()


@pytest.fixture
def fresh_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Logging set up anew into a test folder (and taken down afterwards)."""
    root = logging.getLogger()
    before = list(root.handlers)
    monkeypatch.setattr(models.logs, "_configured", None)
    monkeypatch.setenv("CONSENT_DESK_LOG_DIR", str(tmp_path / "logs"))
    yield tmp_path / "logs" / "consent-desk.log"
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_a_bug_is_logged_with_its_traceback_and_the_person_told_where(
    qtbot: QtBot, fresh_log: Path
) -> None:
    exc = _raise(KeyError("stance"))
    excepthook(type(exc), exc, exc.__traceback__)
    log_file = fresh_log
    boxes = error_boxes()
    assert len(boxes) == 1
    assert boxes[0].text() == f"Something went wrong; details saved to {log_file}"
    assert "Traceback" not in boxes[0].text()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "KeyError: 'stance'" in logged

    excepthook(type(exc), exc, exc.__traceback__)  # the same bug again, e.g. in every paint
    assert len(error_boxes()) == 1


def test_user_error_reaching_the_hook_is_a_message_not_a_bug(qtbot: QtBot) -> None:
    exc = _raise(UserError("error.roster.io.name_empty", name="roster.xlsx"))
    excepthook(type(exc), exc, exc.__traceback__)
    assert [b.text() for b in error_boxes()] == ["roster.xlsx is empty."]


def test_keyboard_interrupt_goes_to_python(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda t, e, tb: seen.append(t))
    exc = _raise(KeyboardInterrupt())
    excepthook(type(exc), exc, exc.__traceback__)
    assert seen == [KeyboardInterrupt]
    assert error_boxes() == []
