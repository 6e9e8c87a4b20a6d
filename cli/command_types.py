"""The parts of the command table (cli/commands.py): arguments, commands, groups, choices.

Plain classes, like the table itself: `--help` imports nothing but argparse (not even
`dataclasses`, whose `inspect` import alone cost more than the rest of the table).
"""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any


class Arg:
    """One `add_argument` call: its flags (or positional name) and keyword options."""

    __slots__ = ("flags", "options")

    def __init__(self, flags: tuple[str, ...], options: dict[str, Any] | None = None) -> None:
        self.flags = flags
        self.options = {} if options is None else options

    def __repr__(self) -> str:
        return f"Arg({self.flags!r}, {self.options!r})"


def arg(*flags: str, **options: Any) -> Arg:
    return Arg(flags, options)


class Exclusive:
    """Options of which at most one (exactly one when `required`) may be given."""

    __slots__ = ("args", "required")

    def __init__(self, args: tuple[Arg, ...], required: bool = False) -> None:
        self.args = args
        self.required = required

    def __repr__(self) -> str:
        return f"Exclusive({self.args!r}, required={self.required!r})"


class Command:
    """A command that runs: `handler` is "module:function", imported only when it runs."""

    __slots__ = ("args", "description", "handler", "help", "name")

    def __init__(
        self,
        name: str,
        help: str,
        handler: str,
        args: tuple[Arg | Exclusive, ...] = (),
        description: str | None = None,
    ) -> None:
        self.name = name
        self.help = help
        self.handler = handler
        self.args = args
        self.description = description

    def __repr__(self) -> str:
        return f"Command({self.name!r}, handler={self.handler!r})"


class Group:
    """A command made of sub-commands (`consent-desk roster search …`)."""

    __slots__ = ("commands", "help", "name")

    def __init__(self, name: str, help: str, commands: tuple[Command, ...]) -> None:
        self.name = name
        self.help = help
        self.commands = commands

    @property
    def dest(self) -> str:
        return f"{self.name}_command"

    def __repr__(self) -> str:
        return f"Group({self.name!r}, {[c.name for c in self.commands]!r})"


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
