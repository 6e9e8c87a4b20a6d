"""Roster import and export: CSV (UTF-8 with or without BOM, or GB18030) and XLSX.

An import is read completely and checked row by row before anything is written; then it is
saved in one transaction, so a file with one bad row changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models.errors import FieldProblem, UserError, ValidationError
from models.roster.artist import Artist, ArtistDraft, Stance
from models.storage.archive import check_zip_limits

COLUMNS = (
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


@dataclass(frozen=True)
class ImportPreview:
    """What a file would add, and every problem found, before anything is written."""

    drafts: tuple[ArtistDraft, ...]
    problems: tuple[FieldProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]  # a BOM says what the file is: no guessing after it
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            error = e
    raise UserError(
        f"{name}: cannot tell the text encoding (not UTF-8 or GB18030). "
        "Save the file as UTF-8 CSV and try again.",
        f"{name}：无法识别文本编码（不是 UTF-8 或 GB18030）。请另存为 UTF-8 CSV 后重试。",
    ) from error


def _split_list(value: str) -> tuple[str, ...]:
    for sep in LIST_SEPARATORS[1:]:
        value = value.replace(sep, LIST_SEPARATORS[0])
    return tuple(p.strip() for p in value.split(LIST_SEPARATORS[0]) if p.strip())


def _parse_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    return date.fromisoformat(text) if text else None


def _row_to_draft(
    values: dict[str, object], row: int
) -> tuple[ArtistDraft | None, list[FieldProblem]]:
    problems: list[FieldProblem] = []

    def text(key: str) -> str:
        v = values.get(key)
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v)

    try:
        born = _parse_date(values.get("date_of_birth"))
    except ValueError:
        problems.append(FieldProblem("date_of_birth", "is not a date like 1990-05-31", row))
        born = None
    stance_raw = text("ai_stance").strip() or Stance.NOT_ASKED.value
    try:
        stance = Stance(stance_raw)
    except ValueError:
        allowed = ", ".join(s.value for s in Stance)
        problems.append(FieldProblem("ai_stance", f"'{stance_raw}' is not one of {allowed}", row))
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
    return (None if problems else draft), problems


def _check_header(header: Sequence[object], name: str) -> list[str]:
    cols = [str(h).strip().lstrip("\ufeff").lower() if h is not None else "" for h in header]
    while cols and cols[-1] == "":
        cols.pop()
    dupes = sorted({c for c in cols if c and cols.count(c) > 1})
    if dupes:
        raise UserError(f"{name}: the header names {', '.join(dupes)} more than once.")
    unknown = [c for c in cols if c not in COLUMNS]
    if unknown:
        raise UserError(
            f"{name}: unknown column(s) {', '.join(repr(c) for c in unknown)}; "
            f"expected {','.join(COLUMNS)}."
        )
    if "native_name" not in cols:
        raise UserError(
            f"{name}: the header must include native_name (expected {','.join(COLUMNS)})."
        )
    return cols


def _rows_from_csv(data: bytes, name: str) -> Iterator[tuple[int, list[object]]]:
    text = _decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            yield reader.line_num, [restore_cell(v) for v in record]
    except csv.Error as e:
        raise UserError(f"{name}: line {reader.line_num}: {e}") from e


def _rows_from_xlsx(path: Path) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    # A damaged workbook can fail deep inside zip, zlib or XML parsing with many exception
    # types; every one of them means the same thing to the person importing it.
    check_zip_limits(path)  # zip bombs: sizes from the directory, before openpyxl reads it
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise UserError(f"{path.name}: not a readable Excel workbook ({e}).") from e
    try:
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
    except Exception as e:
        raise UserError(f"{path.name}: the workbook is damaged ({e}).") from e
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
        raise UserError(f"Cannot open {path}: {e.strerror}.") from e
    if size == 0:
        raise UserError(f"{name} is empty.", f"{name} 是空文件。")
    if size > MAX_BYTES:
        raise UserError(
            f"{name} is too large ({size / 1e6:.1f} MB); a roster file can be at most "
            f"{MAX_BYTES // (1024 * 1024)} MB.",
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _rows_from_xlsx(path)
    elif suffix in (".csv", ".txt", ""):
        try:
            data = path.read_bytes()
        except OSError as e:
            raise UserError(f"Cannot read {path}: {e.strerror}.") from e
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UserError(f"{name} is not a text file (CSV) or Excel workbook.")
        rows = _rows_from_csv(data, name)
    else:
        raise UserError(f"{name}: roster files must be .csv or .xlsx.")
    return _preview_rows(rows, name)


def _preview_rows(rows: Iterable[tuple[int, list[object]]], name: str) -> ImportPreview:
    it = iter(rows)
    header: list[str] | None = None
    for _line, values in it:
        if any(v not in (None, "") for v in values):
            header = _check_header(values, name)
            break
    if header is None:
        raise UserError(f"{name} has no header row.", f"{name} 没有标题行。")
    drafts: list[ArtistDraft] = []
    problems: list[FieldProblem] = []
    for line, values in it:
        if all(v in (None, "") for v in values):
            continue
        trimmed = list(values)
        while len(trimmed) > len(header) and trimmed[-1] in (None, ""):
            trimmed.pop()
        if len(trimmed) > len(header):
            problems.append(
                FieldProblem("(row)", f"has {len(trimmed)} fields, header has {len(header)}", line)
            )
            continue
        record = dict(zip(header, trimmed, strict=False))
        draft, row_problems = _row_to_draft(record, line)
        problems += row_problems
        if draft is not None:
            drafts.append(draft)
    if not drafts and not problems:
        raise UserError(f"{name} has a header but no artists.", f"{name} 只有标题行，没有艺人。")
    return ImportPreview(tuple(drafts), tuple(problems))


def checked_drafts(path: Path) -> tuple[ArtistDraft, ...]:
    """The drafts of a file that has no problems; otherwise ValidationError listing them all."""
    result = preview(path)
    if result.problems:
        raise ValidationError(list(result.problems))
    return result.drafts


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
    rows = [_export_row(a) for a in artists]
    tmp = path.with_name(path.name + ".part")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("roster")
        ws.append(list(COLUMNS))
        for r in rows:
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
            w.writerows([neutralise_cell(v) for v in r] for r in rows)
    else:
        raise UserError(f"{path.name}: export to a .csv or .xlsx file.")
    tmp.replace(path)
    return len(rows)
