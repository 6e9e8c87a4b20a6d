"""Roster import and export: CSV (UTF-8 with or without BOM, UTF-16, GB18030, Big5) and XLSX.

An import is read completely and checked row by row before anything is written; then it is
saved in one transaction, so a file with one bad row changes nothing. Exports carry each
artist's `id`, so re-importing an export matches every row to its artist (models/roster/
merge.py) instead of adding it again.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.dates import DateFormatError, parse_date
from models.errors import FieldProblem, UserError, ValidationError
from models.roster.artist import Artist, ArtistDraft, Stance
from models.storage.zip_limits import check_zip_limits
from models.text import decode

COLUMNS = (
    "id",
    "native_name",
    "romanized_name",
    "stage_name",
    "date_of_birth",
    "jurisdiction",
    "union",
    "ai_stance",
    "notes",
)
MAX_BYTES = 25 * 1024 * 1024
LIST_SEPARATORS = (";", "；", "、")


@dataclass(frozen=True, slots=True)
class IncomingRow:
    """One checked row of a file: where it is, the artist id it names (if any), its values."""

    line: int
    artist_id: int | None
    draft: ArtistDraft
    romanized_given: bool = True  # False: the cell was empty and pinyin filled it


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds, and every problem found, before anything is written.

    `columns` are the columns the file has: a matched artist's other fields are kept.
    """

    rows: tuple[IncomingRow, ...]
    problems: tuple[FieldProblem, ...]
    columns: tuple[str, ...] = COLUMNS

    @property
    def drafts(self) -> tuple[ArtistDraft, ...]:
        return tuple(r.draft for r in self.rows)

    @property
    def ok(self) -> bool:
        return not self.problems


def _decode(data: bytes, name: str) -> str:
    """The CSV's text (models.text: UTF-8 with or without BOM, UTF-16, GB18030/GBK, Big5).
    No statistical guess at other code pages: a roster is a record of names."""
    return decode(data, name, guess=False).text


def _split_list(value: str) -> tuple[str, ...]:
    for sep in LIST_SEPARATORS[1:]:
        value = value.replace(sep, LIST_SEPARATORS[0])
    return tuple(p.strip() for p in value.split(LIST_SEPARATORS[0]) if p.strip())


def _parse_id(value: object, row: int, problems: list[FieldProblem]) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isdigit() and 0 < int(text) < 2**63:
        return int(text)
    problems.append(FieldProblem("id", "problem.not_an_artist_id", row, value=text))
    return None


def _row_to_draft(
    values: dict[str, object], row: int
) -> tuple[IncomingRow | None, list[FieldProblem]]:
    problems: list[FieldProblem] = []

    def text(key: str) -> str:
        v = values.get(key)
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v)

    artist_id = _parse_id(values.get("id"), row, problems)
    try:
        born = parse_date(values.get("date_of_birth"))
    except DateFormatError as e:
        problems.append(FieldProblem("date_of_birth", e.code, row, **e.params))
        born = None
    stance_raw = text("ai_stance").strip() or Stance.NOT_ASKED.value
    try:
        stance = Stance(stance_raw)
    except ValueError:
        allowed = ", ".join(s.value for s in Stance)
        problems.append(
            FieldProblem(
                "ai_stance", "problem.is_not_one_of", row, value=stance_raw, allowed=allowed
            )
        )
        stance = Stance.NOT_ASKED
    draft = ArtistDraft(
        native_name=text("native_name"),
        romanized_name=text("romanized_name"),
        stage_names=_split_list(text("stage_name")),
        date_of_birth=born,
        jurisdiction=text("jurisdiction"),
        unions=_split_list(text("union")),
        ai_stance=stance,
        notes=text("notes"),
    ).normalized()
    problems += draft.problems(row)
    if problems:
        return None, problems
    return IncomingRow(row, artist_id, draft, bool(text("romanized_name").strip())), problems


def _check_header(header: Sequence[object], name: str) -> list[str]:
    cols = [str(h).strip().lstrip("\ufeff").lower() if h is not None else "" for h in header]
    while cols and cols[-1] == "":
        cols.pop()
    dupes = sorted({c for c in cols if c and cols.count(c) > 1})
    if dupes:
        raise UserError(
            "error.roster.io.name_header_names_items_more", name=name, items=", ".join(dupes)
        )
    unknown = [c for c in cols if c not in COLUMNS]
    if unknown:
        raise UserError(
            "error.roster.io.name_unknown_column_items_expected",
            name=name,
            items=", ".join(repr(c) for c in unknown),
            items_b=",".join(COLUMNS),
        )
    if "native_name" not in cols:
        raise UserError(
            "error.roster.io.name_header_must_include_native", name=name, items=",".join(COLUMNS)
        )
    return cols


def _rows_from_csv(data: bytes, name: str) -> Iterator[tuple[int, list[object]]]:
    """Records with the line each starts on (a quoted cell may span several lines).

    The last record is held back until the end is reached: if it runs to the end of the file
    across several lines, a quote opened on its first line was never closed, and the person
    is told that and where, rather than about the odd values the rest of the file became.
    """
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    pending: tuple[int, list[object]] | None = None
    start = 1
    try:
        for record in reader:
            if pending is not None:
                yield pending
            pending = (start, [restore_cell(v) for v in record])
            start = reader.line_num + 1
    except csv.Error as e:
        raise UserError(
            "error.roster.io.name_row_start_reason", name=name, start=start, reason=e
        ) from e
    if pending is None:
        return
    first, _record = pending
    if reader.line_num > first and _unterminated(text, first):
        raise UserError("error.roster.io.name_row_first_quote_opens", name=name, first=first)
    yield pending


def _unterminated(text: str, first_line: int) -> bool:
    """Whether the record starting on `first_line` ends inside a quoted cell."""
    lines = io.StringIO(text, newline="")
    rest = "".join(itertools.islice(lines, first_line - 1, None))
    try:
        for _record in csv.reader(io.StringIO(rest, newline=""), strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)
    return False


def _rows_from_xlsx(path: Path) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    # A damaged workbook can fail deep inside zip, zlib or XML parsing with many exception
    # types; every one of them means the same thing to the person importing it.
    check_zip_limits(path)  # zip bombs: sizes from the directory, before openpyxl reads it
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise UserError(
            "error.roster.io.name_not_readable_excel_workbook", name=path.name, reason=e
        ) from e
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
    except Exception as e:
        raise UserError(
            "error.roster.io.name_workbook_damaged_reason", name=path.name, reason=e
        ) from e
    finally:
        wb.close()
    for i, values in enumerate(rows, start=1):
        yield i, list(values)


def preview(path: Path) -> ImportPreview:
    """Read and check a roster file; raise UserError only if the file as a whole is unusable."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UserError(
            "error.roster.io.cannot_open_path_strerror", path=path, strerror=e.strerror
        ) from e
    if size == 0:
        raise UserError("error.roster.io.name_empty", name=name)
    if size > MAX_BYTES:
        raise UserError(
            "error.roster.io.name_too_large_value_mb",
            name=name,
            value=f"{size / 1000000.0:.1f}",
            value_b=MAX_BYTES // (1024 * 1024),
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _rows_from_xlsx(path)
    elif suffix in (".csv", ".txt", ""):
        try:
            data = path.read_bytes()
        except OSError as e:
            raise UserError(
                "error.roster.io.cannot_read_path_strerror", path=path, strerror=e.strerror
            ) from e
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UserError("error.roster.io.name_not_text_file_csv", name=name)
        rows = _rows_from_csv(data, name)
    else:
        raise UserError("error.roster.io.name_roster_files_must_csv", name=name)
    return _preview_rows(rows, name)


def _preview_rows(records: Iterable[tuple[int, list[object]]], name: str) -> ImportPreview:
    it = iter(records)
    header: list[str] | None = None
    for _line, values in it:
        if any(v not in (None, "") for v in values):
            header = _check_header(values, name)
            break
    if header is None:
        raise UserError("error.roster.io.name_has_no_header_row", name=name)
    rows: list[IncomingRow] = []
    problems: list[FieldProblem] = []
    for line, values in it:
        if all(v in (None, "") for v in values):
            continue
        trimmed = list(values)
        while len(trimmed) > len(header) and trimmed[-1] in (None, ""):
            trimmed.pop()
        if len(trimmed) > len(header):
            problems.append(
                FieldProblem(
                    "(row)", "problem.has_fields_header_has", line, n=len(trimmed), m=len(header)
                )
            )
            continue
        record = dict(zip(header, trimmed, strict=False))
        incoming, row_problems = _row_to_draft(record, line)
        problems += row_problems
        if incoming is not None:
            rows.append(incoming)
    if not rows and not problems:
        raise UserError("error.roster.io.name_has_header_but_no", name=name)
    return ImportPreview(tuple(rows), tuple(problems), tuple(c for c in header if c))


def checked(path: Path) -> ImportPreview:
    """The preview of a file that has no problems; otherwise ValidationError listing them all."""
    result = preview(path)
    if result.problems:
        raise ValidationError(list(result.problems))
    return result


def checked_drafts(path: Path) -> tuple[ArtistDraft, ...]:
    """The drafts of a file that has no problems; otherwise ValidationError listing them all."""
    return checked(path).drafts


# CSV injection (OWASP): a spreadsheet treats a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading `'` before a formula start.

    Values that already start with apostrophes followed by a formula start get one more, so
    `restore_cell` gives back exactly what was exported (lossless for our own files).
    """
    if value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """The inverse of `neutralise_cell` on import: drop that one protective apostrophe."""
    if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _export_row(a: Artist) -> list[str]:
    return [
        str(a.id),
        a.native_name,
        a.romanized_name,
        "; ".join(a.stage_names),
        a.date_of_birth.isoformat() if a.date_of_birth else "",
        a.jurisdiction,
        "; ".join(a.unions),
        a.ai_stance.value,
        a.notes,
    ]


def export(artists: Iterable[Artist], path: Path) -> int:
    """Write CSV (UTF-8 with BOM, opens in Excel) or XLSX by the file's suffix; return rows."""
    rows = (_export_row(a) for a in artists)
    count = 0
    tmp = path.with_name(path.name + ".part")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("roster")
        ws.append(list(COLUMNS))
        for r in rows:
            count += 1
            cells = []
            for value in r:
                cell = WriteOnlyCell(ws, value)
                cell.data_type = "s"  # text stays text: "=1+1" in notes is not a formula
                cells.append(cell)
            ws.append(cells)
        wb.save(tmp)
    elif path.suffix.lower() == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(COLUMNS)
            for r in rows:
                count += 1
                w.writerow([neutralise_cell(v) for v in r])
    else:
        raise UserError("error.roster.io.name_export_csv_xlsx_file", name=path.name)
    tmp.replace(path)
    return count
