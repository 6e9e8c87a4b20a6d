"""Limits for reading zip files that may come from anywhere (backups, XLSX spreadsheets).

A zip's central directory says how many members it holds and how large they unpack; checking
it before any member is decompressed stops zip bombs at the cost of reading the directory only.
zipfile itself enforces the declared sizes while reading (it stops when a member inflates past
them), so a directory that passes bounds the work that follows.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from pathlib import Path

from models.errors import UserError

# Caps checked on the zip's own directory before any member is decompressed (zip bombs):
MAX_MEMBERS = 200_000
MAX_TOTAL_BYTES = 64 * 1024**3
# Deflate cannot beat ~1032:1; real backups (SQLite, PDFs, photos) stay far below 100:1.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 64 * 1024 * 1024  # small archives may compress as they like
# What a damaged or hostile zip can make zipfile/zlib raise while we read it.
ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    IndexError,
    OverflowError,
)


def is_link_or_special(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    return info.create_system == 3 and kind not in (0, stat.S_IFREG)


def zip_bomb_problem(
    infos: list[zipfile.ZipInfo],
    archive_size: int,
    max_members: int | None = None,
    max_total: int | None = None,
    max_ratio: int = MAX_RATIO,
) -> str | None:
    """Why a zip must not be decompressed, from its directory alone; None when plausible.

    Declared sizes are what zipfile enforces while reading (it stops with an error when a
    member inflates past its declared size), so checking them bounds the work.
    """
    max_members = MAX_MEMBERS if max_members is None else max_members
    max_total = MAX_TOTAL_BYTES if max_total is None else max_total
    if len(infos) > max_members:
        return f"it holds {len(infos)} members (the limit is {max_members})"
    total = sum(max(0, i.file_size) for i in infos)
    if total > max_total:
        return f"it would unpack to {total / 1e9:.1f} GB (the limit is {max_total / 1e9:.0f} GB)"
    if total > RATIO_FLOOR_BYTES and total > max_ratio * max(1, archive_size):
        return (
            f"it would unpack to {total / 1e6:.0f} MB from {archive_size / 1e6:.1f} MB "
            f"(more than {max_ratio}:1, a zip bomb)"
        )
    return None


XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_TOTAL_BYTES = 256 * 1024 * 1024


def check_zip_limits(
    path: Path,
    what: str = "spreadsheet",
    max_members: int = XLSX_MAX_MEMBERS,
    max_total: int = XLSX_MAX_TOTAL_BYTES,
) -> None:
    """Refuse (UserError) a zip-based file (XLSX, …) whose directory promises too much.

    Call before handing the file to a reader that decompresses it (openpyxl): only the
    central directory is read here, never a member.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except ARCHIVE_ERRORS:
        return  # not a zip: the reader gives its own message
    bomb = zip_bomb_problem(infos, path.stat().st_size, max_members, max_total)
    if bomb is not None:
        raise UserError("error.storage.archive.name_was_not_read_bomb", name=path.name, bomb=bomb)


__all__ = [
    "ARCHIVE_ERRORS",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "RATIO_FLOOR_BYTES",
    "XLSX_MAX_MEMBERS",
    "XLSX_MAX_TOTAL_BYTES",
    "check_zip_limits",
    "is_link_or_special",
    "zip_bomb_problem",
]
