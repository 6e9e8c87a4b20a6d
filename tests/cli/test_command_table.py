"""The command table (cli/commands.py): help without importing handlers, lazy handlers.

`--help` and `COMMAND --help` are answered from the static table, so they import none of the
command modules (nor SQLAlchemy, PDF or signing libraries); `script analyze` of a Fountain
file imports neither SQLAlchemy nor pypdf. Checked in a fresh interpreter each time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import commands
from cli.app import LazyHandler, build_parser
from main import main

REPO = Path(__file__).resolve().parents[2]
HANDLER_MODULES = sorted(
    {
        c.handler.partition(":")[0]
        for entry in commands.COMMANDS
        for c in (entry.commands if isinstance(entry, commands.Group) else (entry,))
    }
)
HEAVY = ("sqlalchemy", "pypdf", "pypdfium2", "pyhanko", "reportlab", "aiohttp", "PySide6")

PROBE = """
import contextlib, io, json, sys
import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main.main(json.loads(sys.argv[1]))
    except SystemExit as e:
        code = e.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def probe(*argv: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(argv))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    data: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return data


def loaded(modules: object, prefix: str) -> list[str]:
    assert isinstance(modules, list)
    return [m for m in modules if m == prefix or m.startswith(prefix + ".")]


def test_every_handler_in_the_table_exists():
    for entry in commands.COMMANDS:
        for c in entry.commands if isinstance(entry, commands.Group) else (entry,):
            assert callable(LazyHandler(c.handler).resolve()), c.handler


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("roster", "--help"),
        ("statement", "verify", "--help"),
        ("leak", "statements", "--help"),
        ("consent", "decide", "--help"),
    ],
)
def test_help_imports_no_command_module(argv):
    seen = probe(*argv)
    assert seen["code"] == 0 and "usage: consent-desk" in str(seen["out"])
    for module in HANDLER_MODULES:
        assert not loaded(seen["modules"], module), module
    for heavy in HEAVY:
        assert not loaded(seen["modules"], heavy), heavy


def test_help_lists_every_command_with_its_help_line():
    seen = probe("--help")
    for entry in commands.COMMANDS:
        assert entry.name in str(seen["out"])
    assert "--version" in str(seen["out"])


def test_script_analyze_of_fountain_needs_no_database_nor_pdf_library(tmp_path):
    script = tmp_path / "s.fountain"
    script.write_text("INT. HOUSE - DAY\n\nBOB\nThey cloned my voice with AI.\n", encoding="utf-8")
    seen = probe("script", "analyze", str(script), "--json")
    assert seen["code"] == 0
    assert json.loads(str(seen["out"]))["scenes"][0]["heading"] == "INT. HOUSE - DAY"
    for heavy in HEAVY:
        assert not loaded(seen["modules"], heavy), heavy
    assert loaded(seen["modules"], "cli.script")
    assert not loaded(seen["modules"], "cli.roster")


# What the start-up chain and the script reader leave out (issue 14): `dataclasses` with its
# `inspect`, `ast` and `dis` (~7 ms), and `typing` (~2 ms; annotations only, see
# models/records.py and the `TYPE_CHECKING = False` blocks).
STANDARD_LIBRARY_LEFT_OUT = ("dataclasses", "inspect", "ast", "dis", "typing")


def test_help_and_script_analyze_load_no_dataclasses_nor_typing(tmp_path):
    script = tmp_path / "s.fountain"
    script.write_text("INT. HOUSE - DAY\n\nBOB\nThey cloned my voice with AI.\n", "utf-8")
    for argv in (("--help",), ("script", "--help"), ("script", "analyze", str(script))):
        seen = probe(*argv)
        assert seen["code"] == 0
        for module in STANDARD_LIBRARY_LEFT_OUT:
            assert not loaded(seen["modules"], module), (argv, module)


def test_the_program_prints_what_the_command_prints_in_process(tmp_path, capsys):
    """Run as the program, a command ends with the collector frozen (main._ending): its
    output is still whole, and the same as when main() runs inside another process."""
    script = tmp_path / "s.fountain"
    script.write_text("INT. HOUSE - DAY\n\nBOB\nThey cloned my voice with AI.\n\n" * 50, "utf-8")
    argv = ["script", "analyze", str(script), "--json"]
    assert main(argv) == 0
    in_process = capsys.readouterr().out
    run = subprocess.run(
        [sys.executable, "main.py", *argv], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0 and run.stdout == in_process
    assert len(json.loads(run.stdout)["scenes"]) == 50


def test_version_reads_the_metadata_without_importlib_metadata():
    seen = probe("--version")
    assert seen["code"] == 0
    assert not loaded(seen["modules"], "importlib.metadata")
    assert not loaded(seen["modules"], "email")


def test_running_a_command_imports_only_its_module(db_path):
    seen = probe("--db", str(db_path), "consent", "deadlines")
    assert seen["code"] == 0 and "Consents expiring within" in str(seen["out"])
    assert loaded(seen["modules"], "cli.consent")
    for other in set(HANDLER_MODULES) - {"cli.consent"}:
        assert not loaded(seen["modules"], other), other


def test_version_prints_the_package_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"consent-desk {version('consent-desk')}\n"


def test_a_global_option_value_is_not_taken_for_the_command(tmp_path):
    args = build_parser(["--db", "roster", "audit", "verify"]).parse_args(
        ["--db", "roster", "audit", "verify"]
    )
    assert args.db == "roster" and args.command == "audit" and args.audit_command == "verify"
    assert isinstance(args.handler, LazyHandler) and args.handler.target == "cli.quick:audit_verify"


def _listed_commands(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    return [entry.name for entry in commands.COMMANDS if f"\n    {entry.name} " in out]


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--help", "script", "analyze", "x.fountain"],
        ["--lang", "en", "--he", "script"],  # argparse takes an abbreviation of --help
        ["--db", "x.sqlite3", "-h", "roster", "search", "lin"],
    ],
)
def test_the_top_level_help_lists_every_command_whatever_follows(argv, capsys):
    assert _listed_commands(argv, capsys) == [entry.name for entry in commands.COMMANDS]


def test_a_command_named_after_global_options_builds_only_its_own_parser():
    """What makes every command start sooner: the other commands' parsers are not built
    when nothing before the command can print the list of commands."""
    for name, argv in (
        ("script", ["script", "analyze", "x"]),
        ("audit", ["--db", "d", "--lang=zh", "audit", "verify"]),
    ):
        parser = build_parser(argv)
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert list(sub.choices) == [name]
        assert parser.parse_args(argv).command == name


def test_full_parser_without_argv_knows_every_sub_command():
    parser = build_parser()
    args = parser.parse_args(["statement", "batch", "--all", "--folder", "x"])
    assert args.handler.target == "cli.statement:_batch"
    with pytest.raises(SystemExit):
        parser.parse_args(["statement", "batch", "--all", "--artists", "1", "--folder", "x"])


@pytest.mark.parametrize(
    ("values", "enum"),
    [
        (commands.DECISION_OUTCOMES, "models.consent.values:DecisionOutcome"),
        (commands.DECISION_METHODS, "models.consent.values:DecisionMethod"),
        (commands.EVIDENCE_ROLES, "models.consent.values:EvidenceRole"),
        (commands.COUNTERPARTY_KINDS, "models.consent.values:CounterpartyKind"),
        (commands.PROJECT_TYPES, "models.consent.values:ProjectType"),
        (commands.STANCES, "models.roster.artist:Stance"),
        (commands.STATEMENT_KINDS, "models.statements.record:StatementKind"),
        (commands.STATEMENT_STATUSES, "models.statements.record:StatementStatus"),
    ],
)
def test_choices_written_in_the_table_equal_the_enums(values, enum):
    module, _, name = enum.partition(":")
    assert tuple(values) == tuple(e.value for e in getattr(importlib.import_module(module), name))


@pytest.mark.parametrize(
    ("argv", "db", "exit_after_paint"),
    [
        ([], None, False),
        (["--db", "desk.sqlite3"], "desk.sqlite3", False),
        (["--db=desk.sqlite3", "--exit-after-paint"], "desk.sqlite3", True),
        (["--exit-after-paint", "--db", "a b.sqlite3"], "a b.sqlite3", True),
    ],
)
def test_the_window_options_are_read_without_argparse(argv, db, exit_after_paint) -> None:
    import main

    args = main._gui_args(argv)
    assert args is not None and (args.db, args.exit_after_paint) == (db, exit_after_paint)
    assert args.command is None


@pytest.mark.parametrize(
    "argv",
    [["roster", "list"], ["--db"], ["--db", "--help"], ["--help"], ["--d", "x"], ["--version"]],
)
def test_anything_else_goes_to_the_full_parser(argv) -> None:
    import main

    assert main._gui_args(argv) is None
