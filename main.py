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
    """Run the program; `argv` given (tests, other modules): run it inside this process."""
    whole_process = argv is None
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
    code = run_command(args)
    if whole_process:
        _ending()
    return code


def _ending() -> None:
    """The command has finished (its database closed, its files written and closed) and the
    process ends now: the interpreter's last collection would walk every object the command
    made (~4 ms after a feature script's `script analyze`) to find nothing worth freeing.
    `gc.freeze()` takes them out of its sight; atexit handlers (log files) still run."""
    import gc

    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
