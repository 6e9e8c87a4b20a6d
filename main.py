"""Start-up only: parse the arguments, then run a command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cli.app import build_parser, run_command

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from ui.app import run_gui

        return int(run_gui(args))
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
