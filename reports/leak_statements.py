"""Leak day: one position statement per listed artist, naming the lists they appear on.

Each artist's statement names the platforms where that artist is listed (their own listings,
not everyone's), so the artists are issued in groups of the same platforms, all as of the same
moment. Afterwards a summary of what was issued (artist, statement id, file, SHA-256) is
written beside the statements as CSV and PDF, for the manager's records and the press office.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.errors import UserError
from models.messages import render
from models.statements.record import StatementKind
from reports.pdf.styles import paragraph_style
from reports.statements.service import BatchResult, ExportedStatement, StatementService

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class SummaryRow:
    artist_id: int
    artist: str
    platforms: tuple[str, ...]
    statement_id: str
    file: str
    sha256: str
    outcome: str  # "issued" or "failed"
    reason: str = ""


@dataclass(frozen=True)
class LeakIssueResult:
    batch: BatchResult
    rows: tuple[SummaryRow, ...]
    csv_path: Path | None
    pdf_path: Path | None


def issue_leak_statements(
    service: StatementService,
    artist_ids: Sequence[int],
    folder: Path,
    languages: Sequence[str],
    platforms: Mapping[int, Sequence[str]],
    as_of: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BatchResult:
    """Position statements for `artist_ids` (each once), each naming its own platforms."""
    moment = as_of or service.clock().astimezone(service.zone)
    unique = list(dict.fromkeys(artist_ids))
    groups: dict[tuple[str, ...], list[int]] = {}
    for artist_id in unique:
        groups.setdefault(tuple(platforms.get(artist_id, ())), []).append(artist_id)
    total = len(unique)
    exported: list[ExportedStatement] = []
    failed: list[tuple[int, str]] = []
    offset = 0
    for listed, ids in groups.items():
        start = offset

        def step(done: int, _total: int, label: str, start: int = start) -> None:
            if progress is not None:
                progress(start + done, total, label)

        part = service.export_batch(
            ids,
            folder,
            kind=StatementKind.POSITION,
            languages=languages,
            as_of=moment,
            listings=listed,
            progress=step,
            cancelled=cancelled,
        )
        exported.extend(part.exported)
        failed.extend(part.failed)
        offset += len(ids)
        if part.cancelled:
            return BatchResult(tuple(exported), tuple(failed), True)
    return BatchResult(tuple(exported), tuple(failed), False)


def summary_rows(
    service: StatementService, result: BatchResult, platforms: Mapping[int, Sequence[str]]
) -> tuple[SummaryRow, ...]:
    rows = [
        SummaryRow(
            artist_id=e.statement.artist_id,
            artist=e.statement.artist_display_name,
            platforms=tuple(platforms.get(e.statement.artist_id, ())),
            statement_id=e.statement.id,
            file=e.path.name,
            sha256=e.file_sha256,
            outcome="issued",
        )
        for e in result.exported
    ]
    names = service.desk.roster.get_many([a for a, _ in result.failed])
    for artist_id, reason in result.failed:
        artist = names.get(artist_id)
        rows.append(
            SummaryRow(
                artist_id=artist_id,
                artist=artist.display_name if artist else f"#{artist_id}",
                platforms=tuple(platforms.get(artist_id, ())),
                statement_id="",
                file="",
                sha256="",
                outcome="failed",
                reason=reason,
            )
        )
    return tuple(rows)


def _replace_into(target: Path, data: bytes) -> None:
    part = target.with_name(target.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, target)
    except OSError as e:
        raise UserError(
            "error.reports.leak_statements.cannot_write_target_value",
            target=target,
            value=e.strerror or e,
        ) from e
    finally:
        if part.exists():
            part.unlink()


CSV_HEADER = (
    "artist_id",
    "artist",
    "platforms",
    "statement_id",
    "file",
    "sha256",
    "outcome",
    "reason",
)


def summary_csv(rows: Sequence[SummaryRow]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow(
            [
                r.artist_id,
                _cell(r.artist),
                _cell("; ".join(r.platforms)),
                r.statement_id,
                _cell(r.file),
                r.sha256,
                r.outcome,
                _cell(r.reason),
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ tab CR as formulas; a name stays a name."""
    from models.roster.io import neutralise_cell

    return neutralise_cell(text)


def summary_pdf(rows: Sequence[SummaryRow], title: str, subtitle: str) -> bytes:
    base = paragraph_style("cell", 8, 10, textColor=colors.black)
    small = paragraph_style("hash", 6.5, 8, textColor=colors.black)
    head = paragraph_style("title", 14, 18, textColor=colors.black)
    sub = paragraph_style("sub", 9, 12, textColor=colors.grey)
    data: list[list[Paragraph]] = [
        [
            Paragraph(escape(h), base)
            for h in (
                *(
                    _both(f"leak_summary.{key}")
                    for key in ("artist", "listed_on", "statement_id", "file")
                ),
                "SHA-256",
            )
        ]
    ]
    for r in rows:
        ident = r.statement_id or f"{_both('leak_summary.not_issued')}: {r.reason}"
        data.append(
            [
                Paragraph(escape(r.artist), base),
                Paragraph(escape("; ".join(r.platforms)), base),
                Paragraph(escape(ident), base),
                Paragraph(escape(r.file), small),
                Paragraph(escape(r.sha256), small),
            ]
        )
    table = Table(data, colWidths=[120, 120, 130, 200, 200], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9ced6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=36,
        rightMargin=36,
        topMargin=36,
        bottomMargin=36,
        title=title,
        author="Consent Desk",
    )
    doc.build(
        [Paragraph(escape(title), head), Paragraph(escape(subtitle), sub), Spacer(1, 8), table]
    )
    return out.getvalue()


def write_summary(
    folder: Path,
    rows: Sequence[SummaryRow],
    listing_name: str,
    when: datetime,
    pdf: bool = True,
) -> tuple[Path, Path | None]:
    """`issued-statements-<time>.csv` (and `.pdf`) in `folder`; returns their paths."""
    stem = f"issued-statements-{when:%Y%m%d-%H%M%S}"
    csv_path = folder / f"{stem}.csv"
    _replace_into(csv_path, summary_csv(rows))
    pdf_path: Path | None = None
    if pdf:
        issued = sum(1 for r in rows if r.outcome == "issued")
        title = _both("leak_summary.title")
        if listing_name:
            title += f" — {listing_name}"
        subtitle = f"{issued} of {len(rows)} issued · {when.isoformat(timespec='seconds')}"
        pdf_path = folder / f"{stem}.pdf"
        _replace_into(pdf_path, summary_pdf(rows, title, subtitle))
    return csv_path, pdf_path


def _both(code: str, **values: object) -> str:
    """The summary is bilingual: the English words, then the Chinese (one catalogue entry)."""
    en, zh = render(code, "en", values), render(code, "zh", values)
    return en if en == zh else f"{en} {zh}"


__all__ = [
    "LeakIssueResult",
    "SummaryRow",
    "issue_leak_statements",
    "summary_csv",
    "summary_pdf",
    "summary_rows",
    "write_summary",
]
