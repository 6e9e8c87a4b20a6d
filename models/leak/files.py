"""Reading a list of names from a file: text (any common Chinese encoding), CSV, XLSX or PDF.

A leaked list reaches the agency as whatever the source published: a text file saved by a
Windows tool in GB18030, a spreadsheet export, a PDF press release. Whatever cannot be read
becomes one clear message; nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from models.errors import UserError
from models.leak.entries import ListEntry, split_list
from models.text import decode

MAX_BYTES = 25 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".tsv", ".list", ""})
SUPPORTED = ".txt, .csv, .xlsx or .pdf"
# A column with one of these headings holds the names (compared without case or spaces).
NAME_HEADINGS = frozenset(
    {
        "name", "names", "fullname", "artist", "artists", "artistname", "nativename",
        "romanizedname", "stagename", "姓名", "名字", "名称", "名单", "艺人", "艺人姓名",
        "艺人名称", "演员姓名", "艺名",
    }
)  # fmt: skip
_HEADING_NOISE = re.compile(r"[\s_\-:：]+")


def read_list_file(path: Path) -> list[ListEntry]:
    """The entries of a list file, in order; UserError if it cannot be read or has no names."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UserError(
            "error.leak.files.cannot_open_path_value", path=path, value=e.strerror or e
        ) from e
    if not path.is_file():
        raise UserError("error.leak.files.path_not_file", path=path)
    if size == 0:
        raise UserError("error.leak.files.name_empty", name=name)
    if size > MAX_BYTES:
        raise UserError(
            "error.leak.files.name_too_large_value_mb",
            name=name,
            value=f"{size / 1000000.0:.1f}",
            value_b=MAX_BYTES // (1024 * 1024),
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        entries = _entries_from_rows(_xlsx_rows(path), name)
    elif suffix == ".pdf":
        entries = split_list(_pdf_text(path))
    elif suffix == ".csv":
        entries = _entries_from_rows(_csv_rows(decode_text(_read(path), name), name), name)
    elif suffix in TEXT_SUFFIXES:
        entries = split_list(decode_text(_read(path), name))
    elif suffix == ".xls":
        raise UserError("error.leak.files.name_old_excel_xls_workbook", name=name)
    else:
        raise UserError(
            "error.leak.files.name_list_names_must_supported",
            name=name,
            supported=(SUPPORTED, ".txt、.csv、.xlsx 或 .pdf"),
        )
    if not entries:
        raise UserError("error.leak.files.name_contains_no_names", name=name)
    return entries


def read_list_bytes(data: bytes, name: str = "the pasted text") -> list[ListEntry]:
    """Entries of a list given as bytes of text (standard input, a drop of unknown text)."""
    return split_list(decode_text(data, name))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise UserError(
            "error.leak.files.cannot_read_path_value", path=path, value=e.strerror or e
        ) from e


def decode_text(data: bytes, name: str) -> str:
    """Text from bytes in the encodings lists come in (models.text: UTF-8 with or without BOM,
    UTF-16, GB18030/GBK, Big5, then charset-normalizer's guess held to plausible text).
    Windows-1252 is not one of the fixed readings: for short lists its reading of Chinese bytes
    is as valid as the Chinese one."""
    return decode(data, name).text


# -- tables -----------------------------------------------------------------------------------
def _csv_rows(text: str, name: str) -> list[tuple[int, list[object]]]:
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[int, list[object]]] = []
    try:
        for record in reader:
            rows.append((reader.line_num, list(record)))
    except csv.Error as e:
        raise UserError(
            "error.leak.files.name_line_line_num_reason",
            name=name,
            line_num=reader.line_num,
            reason=e,
        ) from e
    return rows


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        raise UserError(
            "error.leak.files.name_not_readable_excel_workbook", name=path.name, reason=e
        ) from e
    try:
        if not wb.worksheets:
            return []
        return [
            (i, list(values))
            for i, values in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1)
        ]
    finally:
        wb.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _is_heading(value: object) -> bool:
    return _HEADING_NOISE.sub("", _cell_text(value).lstrip("\ufeff").casefold()) in NAME_HEADINGS


def _name_column(rows: Sequence[tuple[int, list[object]]]) -> tuple[int, int]:
    """(column, first data row index): a column headed like "name"/"姓名", else the first
    column with any letters in it (a leading column of row numbers is not the names)."""
    for pos, (_line, values) in enumerate(rows):
        if any(_cell_text(v) for v in values):
            for col, value in enumerate(values):
                if _is_heading(value):
                    return col, pos + 1
            break
    named = [
        col
        for _line, values in rows
        for col, value in enumerate(values)
        if any(c.isalpha() for c in _cell_text(value))
    ]
    return (min(named) if named else 0), 0


def _entries_from_rows(rows: Sequence[tuple[int, list[object]]], name: str) -> list[ListEntry]:
    col, first = _name_column(rows)
    cells: Iterable[tuple[int, str]] = (
        (line, _cell_text(values[col]) if col < len(values) else "")
        for line, values in rows[first:]
    )
    entries: list[ListEntry] = []
    for line, cell in cells:
        for entry in split_list(cell):
            entries.append(ListEntry(entry.text, entry.original, len(entries), line))
    return entries


# -- PDF --------------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    failures = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError("error.leak.files.name_password_protected_open_save", name=path.name)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except UserError:
        raise
    except OSError as e:
        raise UserError(
            "error.leak.files.cannot_read_path_value_2", path=path, value=e.strerror or e
        ) from e
    except (*failures, RecursionError) as e:
        raise UserError(
            "error.leak.files.name_not_readable_pdf_name", name=path.name, name_b=type(e).__name__
        ) from e
    if not text.strip():
        raise UserError("error.leak.files.name_has_no_text_read", name=path.name)
    return text
