"""Start-up only: parse the arguments, then run a command or open the window.

Opening the window does not build the command-line parser, and a command's module is
imported only when it runs (the table in cli/commands.py): start-up time is what a person
waits for.
"""

from __future__ import annotations

import sys


class GuiArgs:
    """The window's options: the database, and whether to quit once the first page painted."""

    def __init__(self, db: str | None, exit_after_paint: bool) -> None:
        self.db = db
        self.exit_after_paint = exit_after_paint
        self.command: str | None = None


def _gui_args(argv: list[str]) -> GuiArgs | None:
    """The window's options when `argv` is only `--db FILE` / `--db=FILE` and
    `--exit-after-paint`, else None: anything else (a command, help, an abbreviation) goes
    to the full parser, which opens the window too when no command is named. No argparse on
    the way to the window's first paint."""
    db: str | None = None
    exit_after_paint = False
    rest = iter(argv)
    for arg in rest:
        if arg == "--exit-after-paint":
            exit_after_paint = True
        elif arg == "--db":
            db = next(rest, None)
            if db is None or db.startswith("-"):
                return None
        elif arg.startswith("--db="):
            db = arg[len("--db=") :]
        else:
            return None
    return GuiArgs(db, exit_after_paint)


def main(argv: list[str] | None = None) -> int:
    """Run the program; `argv` given (tests, other modules): run it inside this process."""
    whole_process = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    gui = _gui_args(argv)
    if gui is not None:
        from ui.app import run_gui

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
