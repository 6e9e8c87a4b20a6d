"""The `consent-desk` command line: argument parsing, dispatch and the error contract.

User errors print one line on stderr and exit 2; bugs are logged with their traceback and
reported in one line that says where the log is.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable

from cli.commands import COMMANDS, GLOBAL_OPTIONS, Arg, Command, Exclusive, Group, find
from cli.formatting import HelpFormatter
from cli.language import localize_parser, say, set_language, user_message
from models.errors import UserError

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from models.desk import Desk
    from models.storage.database import Database


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line and exits 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class Context:
    """What a command needs: the database, opened on first use, and the desk's services."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None
        self._closing: list[Callable[[], object]] = []
        self._desk: Desk | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from models.storage.database import Database

            self._db = Database.open(self.args.db)
        return self._db

    def on_close(self, close: Callable[[], object]) -> None:
        """Run `close` when the command ends (e.g. a connection opened without `db`)."""
        self._closing.append(close)

    @property
    def desk(self) -> Desk:
        """The services on `db` (models/desk.py), each built when a command first uses it."""
        if self._desk is None:
            from models.desk import Desk

            self._desk = Desk(self.db)
        return self._desk

    def close(self) -> None:
        for close in self._closing:
            close()
        if self._db is not None:
            self._db.close()


Handler = Callable[[Context], int]


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


class LazyHandler:
    """A command's handler named "module:function", imported when the command runs."""

    def __init__(self, target: str) -> None:
        self.target = target

    def resolve(self) -> Handler:
        module, _, name = self.target.partition(":")
        handler: Handler = getattr(importlib.import_module(module), name)
        return handler

    def __call__(self, ctx: Context) -> int:
        return self.resolve()(ctx)

    def __repr__(self) -> str:
        return f"LazyHandler({self.target!r})"


class VersionAction(argparse.Action):
    """`--version`: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: Any):
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="print the version of Consent Desk and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        sys.stdout.write(f"consent-desk {package_version()}\n")
        parser.exit(0)


def package_version() -> str:
    """The installed package's version. Read from its `.dist-info` folder on `sys.path`, the
    first one as `importlib.metadata` finds it, without importing that (it loads zipfile and
    the email package: ~20 ms, most of `--version`); `importlib.metadata` when that fails
    (an archive on the path, an egg)."""
    found = _dist_info_version()
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("consent-desk")
    except PackageNotFoundError:  # run from a source folder that was never installed
        return "unknown"


def _dist_info_version() -> str | None:
    import os

    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            continue
        for name in names:
            if name.lower().startswith("consent_desk-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as f:
                        for line in f:
                            if line.startswith("Version:"):
                                return line.partition(":")[2].strip()
                            if not line.strip():
                                break  # the headers end at the first blank line
                except OSError:
                    pass
                return None
    return None


def _command_in(argv: list[str]) -> tuple[str | None, bool]:
    """The top-level command named in `argv` (skipping global options and their values), and
    whether only global options come before it (so nothing there can ask for the top-level
    help, such as `--help` or an abbreviation of it)."""
    valued = {a.flags[0] for a in GLOBAL_OPTIONS if a.options.get("action") is None}
    known = {a.flags[0] for a in GLOBAL_OPTIONS}
    only_globals = True
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in valued:
            skip = True
        elif not token.startswith("-"):
            return token, only_globals
        elif token.split("=", 1)[0] not in known:
            only_globals = False
    return None, only_globals


def _add_arguments(parser: argparse.ArgumentParser, args: tuple[Arg | Exclusive, ...]) -> None:
    for a in args:
        if isinstance(a, Exclusive):
            group = parser.add_mutually_exclusive_group(required=a.required)
            for x in a.args:
                group.add_argument(*x.flags, **x.options)
        else:
            parser.add_argument(*a.flags, **a.options)


def _add_command(sub: argparse._SubParsersAction[Any], command: Command) -> None:
    p = sub.add_parser(command.name, help=command.help, description=command.description)
    _add_arguments(p, command.args)
    p.set_defaults(handler=LazyHandler(command.handler))


def _add_entry(sub: argparse._SubParsersAction[Any], entry: Group | Command, full: bool) -> None:
    """One top-level command; its sub-commands and arguments only when `full`."""
    if isinstance(entry, Command):
        if full:
            _add_command(sub, entry)
        else:
            sub.add_parser(entry.name, help=entry.help)
        return
    p = sub.add_parser(entry.name, help=entry.help)
    if full:
        inner = p.add_subparsers(dest=entry.dest, metavar="ACTION")
        for command in entry.commands:
            _add_command(inner, command)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, from the command table (cli/commands.py); imports no command's module.

    With `argv`, only the command it names gets its sub-commands and arguments (the others
    are listed by name and help line, which is all `--help` shows), and when nothing before
    that command can ask for the top-level help, the others are left out altogether (each
    costs a parser to build); without `argv`, all of them.
    """
    parser = OneLineParser(
        prog="consent-desk",
        description="Consent Desk: AI consent records, script review and signed statements.",
    )
    _add_arguments(parser, GLOBAL_OPTIONS)
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    name, only_globals = _command_in(argv) if argv is not None else (None, False)
    named = find(name or "")
    alone = named is not None and only_globals
    for entry in COMMANDS:
        if alone and entry is not named:
            continue
        _add_entry(sub, entry, full=argv is None or entry is named)
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
        import logging

        from models.logs import setup_logging

        path = setup_logging()
        logging.getLogger("consent_desk.cli").exception("command failed: %s", args.command)
        sys.stderr.write(f"consent-desk: {say('cli.error.bug', path=path)}\n")
        return 1
    finally:
        ctx.close()
