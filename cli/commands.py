"""The command table: every command's name, help line and arguments, and where its handler is.

This table (with cli/command_types.py and its two parts) imports nothing: `consent-desk
--help` and `consent-desk COMMAND --help` are answered from this table alone, and a command's
handler module (with its services, SQLAlchemy, PDF and signing libraries) is imported only
when that command runs (`Handler.__call__`).

How to extend it
----------------
* A new argument of an existing command: add `arg(...)` to that command's `args` tuple
  (cli/commands_records.py or cli/commands_documents.py), with exactly what you would pass
  to `ArgumentParser.add_argument`, e.g.
  `arg("--dry-run", action="store_true", help="check the file, write nothing")`.
  The handler reads it from `ctx.args` as before.
* Mutually exclusive options: wrap their `arg(...)`s in `Exclusive(..., required=True)`.
* A new sub-command of a group (e.g. `audit checkpoint`): add a `Command(name, help,
  "cli.module:function", args=(...))` to the group's tuple of commands.
* A new top-level command: add a `Group(...)` (it has sub-commands) or a `Command(...)` to
  `COMMANDS`.
* An option every command accepts (e.g. `--lang`): add it to `GLOBAL_OPTIONS`; if it takes a
  value, `_command_in` in cli/app.py skips that value when finding the command's name.
* Choices that mirror an enum are written out here (importing the enum would import its
  model); tests/cli/test_command_table.py checks they still equal the enum's values.
"""

from __future__ import annotations

from cli.command_types import (
    COUNTERPARTY_KINDS,
    DECISION_METHODS,
    DECISION_OUTCOMES,
    EVIDENCE_ROLES,
    GLOBAL_OPTIONS,
    PROJECT_TYPES,
    STANCES,
    STATEMENT_KINDS,
    STATEMENT_STATUSES,
    Arg,
    Command,
    Exclusive,
    Group,
    arg,
)
from cli.commands_documents import IDENTITY, PROPOSAL, REGISTER, SCRIPT, STATEMENT
from cli.commands_records import AUDIT, BACKUP, CONSENT, DB, DEMO, LEAK, RESTORE, ROSTER

# Top-level commands, in the order `consent-desk --help` lists them.
COMMANDS: tuple[Group | Command, ...] = (
    ROSTER,
    DEMO,
    AUDIT,
    BACKUP,
    RESTORE,
    CONSENT,
    LEAK,
    SCRIPT,
    IDENTITY,
    STATEMENT,
    PROPOSAL,
    REGISTER,
    DB,
)


def find(name: str) -> Group | Command | None:
    """The top-level command called `name`, if there is one."""
    for entry in COMMANDS:
        if entry.name == name:
            return entry
    return None


__all__ = [
    "COMMANDS",
    "COUNTERPARTY_KINDS",
    "DECISION_METHODS",
    "DECISION_OUTCOMES",
    "EVIDENCE_ROLES",
    "GLOBAL_OPTIONS",
    "PROJECT_TYPES",
    "STANCES",
    "STATEMENT_KINDS",
    "STATEMENT_STATUSES",
    "Arg",
    "Command",
    "Exclusive",
    "Group",
    "arg",
    "find",
]
