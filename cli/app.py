"""The `consent-desk` command line: argument parsing, dispatch and the error contract.

User errors print one line on stderr and exit 2; bugs are logged with their traceback and
reported in one line that says where the log is.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from cli.language import localize_parser, say, set_language, user_message
from models.errors import UserError
from models.logs import setup_logging
from models.storage.database import Database

# Each module registers its sub-commands with `register(subparsers)`.
COMMAND_MODULES = [
    "cli.roster",
    "cli.audit",
    "cli.backup",
    "cli.consent",
    "cli.leak",
    "cli.script",
    "cli.identity",
    "cli.statement",
    "cli.proposal",
    "cli.register",
    "cli.db",
]

log = logging.getLogger("consent_desk.cli")


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class Context:
    """What a command needs: the database, opened on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database.open(self.args.db)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


Handler = Callable[[Context], int]


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


# Which module defines each top-level command, so that running one command imports only its
# module (start-up time matters for scripts calling the CLI in a loop). A command missing here
# still works: then every module is loaded.
COMMAND_OWNERS = {
    "roster": "cli.roster",
    "demo": "cli.roster",
    "audit": "cli.audit",
    "backup": "cli.backup",
    "restore": "cli.backup",
    "consent": "cli.consent",
    "leak": "cli.leak",
    "script": "cli.script",
    "identity": "cli.identity",
    "statement": "cli.statement",
    "proposal": "cli.proposal",
    "register": "cli.register",
    "db": "cli.db",
}


def _command_in(argv: list[str]) -> str | None:
    """The top-level command named in `argv` (skipping global options and their values)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in ("--db", "--lang"):
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="consent-desk",
        description="Consent Desk: AI consent records, script review and signed statements.",
    )
    parser.add_argument("--db", help="database: a file path (SQLite) or an SQLAlchemy URL")
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("en", "zh"),
        help="interface language of the command line: en or zh (default: from LANG / LC_ALL)",
    )
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="open the window and exit as soon as the roster has painted (smoke tests)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    owner = COMMAND_OWNERS.get(_command_in(argv) or "") if argv is not None else None
    for name in [owner] if owner in COMMAND_MODULES else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    if argv is not None:
        _choose_language(argv)
    localize_parser(parser)
    return parser


def _choose_language(argv: list[str]) -> None:
    """`--lang` is read before parsing so that --help already speaks the chosen language."""
    set_language(None)  # one run's choice never leaks into the next (tests call main() often)
    for i, token in enumerate(argv):
        if token == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
        elif token.startswith("--lang="):
            set_language(token.split("=", 1)[1])
        elif not token.startswith("-") and argv[i - 1 : i] != ["--db"]:
            break  # the command: a later --lang belongs to it (statement languages)


def run_command(args: argparse.Namespace) -> int:
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        message = say("cli.error.needs_subcommand", command=args.command)
        sys.stderr.write(f"consent-desk: error: {message}\n")
        return 2
    if getattr(args, "ui_lang", None):
        set_language(args.ui_lang)
    ctx = Context(args)
    try:
        return handler(ctx)
    except UserError as e:
        sys.stderr.write(f"consent-desk: {user_message(e)}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"consent-desk: {say('cli.error.interrupted')}\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        path = setup_logging()
        log.exception("command failed: %s", args.command)
        sys.stderr.write(f"consent-desk: {say('cli.error.bug', path=path)}\n")
        return 1
    finally:
        ctx.close()
