"""Start-up only: parse the arguments, then run a command or open the window.

Opening the window does not build the command-line parser, and a command's module is
imported only when it runs (the table in cli/commands.py): start-up time is what a person
waits for.
"""

from __future__ import annotations

import argparse
import sys

GUI_OPTIONS = {"--db", "--exit-after-paint"}


def _gui_args(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when `argv` names no command, else None (a command follows)."""
    from cli.formatting import HelpFormatter  # argparse's own imports shutil, bz2, lzma

    parser = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    parser.add_argument("--db")
    parser.add_argument("--exit-after-paint", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except SystemExit:
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    gui = _gui_args(argv)
    if gui is not None:
        from ui.app import run_gui

        gui.command = None
        return int(run_gui(gui))
    from cli.app import build_parser, run_command

    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return int(run_gui(args))
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
