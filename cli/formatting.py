"""argparse's help formatter, sized to the terminal without importing shutil.

argparse's own formatter imports shutil for the terminal width, and shutil imports bz2 and
lzma: a noticeable part of a command's start-up. Used by cli/app.py and main.py (which must
not import the rest of the command line when it opens the window).
"""

from __future__ import annotations

import argparse
import os
import sys


def terminal_width() -> int:
    """`shutil.get_terminal_size().columns` without importing shutil (and with it bz2, lzma)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized to the terminal the same way, loading less."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = terminal_width() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)
