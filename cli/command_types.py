"""The parts of the command table (cli/commands.py): arguments, commands, groups, choices.

Standard library only, like the table itself: `--help` imports nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Arg:
    """One `add_argument` call: its flags (or positional name) and keyword options."""

    flags: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


def arg(*flags: str, **options: Any) -> Arg:
    return Arg(flags, options)


@dataclass(frozen=True)
class Exclusive:
    """Options of which at most one (exactly one when `required`) may be given."""

    args: tuple[Arg, ...]
    required: bool = False


@dataclass(frozen=True)
class Command:
    """A command that runs: `handler` is "module:function", imported only when it runs."""

    name: str
    help: str
    handler: str
    args: tuple[Arg | Exclusive, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Group:
    """A command made of sub-commands (`consent-desk roster search …`)."""

    name: str
    help: str
    commands: tuple[Command, ...]

    @property
    def dest(self) -> str:
        return f"{self.name}_command"


GLOBAL_OPTIONS: tuple[Arg, ...] = (
    arg("--db", help="database: a file path (SQLite) or an SQLAlchemy URL"),
    arg(
        "--lang",
        dest="ui_lang",
        choices=("en", "zh"),
        help="interface language of the command line: en or zh (default: from LANG / LC_ALL)",
    ),
    arg(
        "--exit-after-paint",
        action="store_true",
        help="open the window and exit as soon as the roster has painted (smoke tests)",
    ),
)

# The values of enums used as choices (checked against the enums by the tests).
DECISION_OUTCOMES = ("given", "refused")
DECISION_METHODS = (
    "signed_agreement",
    "in_person",
    "video_call",
    "phone",
    "email",
    "message",
    "other",
)
EVIDENCE_ROLES = (
    "signed_agreement",
    "decision_record",
    "revocation_notice",
    "correspondence",
    "other",
)
COUNTERPARTY_KINDS = ("producer", "platform", "other")
PROJECT_TYPES = ("film", "series", "ad", "game", "other")
STANCES = ("not_asked", "declined", "open_to_discuss", "opted_in_with_conditions")
STATEMENT_KINDS = ("position", "project_certificate", "non_authorisation", "revocation")
STATEMENT_STATUSES = ("current", "superseded", "revoked", "historical")

JSON_ARG = arg("--json", action="store_true")
KINDS_TEXT = ", ".join(STATEMENT_KINDS)
