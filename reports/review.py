"""The review report of a proposal (unsigned PDF): summary, mapping, findings, script excerpts.

For the artist and the manager, not the press: it is not signed. English, Chinese or both
(both: every label and finding in the two languages, first language first). One embedded
font (WenQuanYi Micro Hei, `register_fonts`) draws every character, and every text that came
from a person or a file is escaped before it reaches ReportLab's markup.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from models.errors import UserError
from models.localize import format_date, format_days_left, format_term, join, medium, territory
from models.messages import render
from models.proposals.review import Excerpt, ReviewData, parse_languages, review_data
from models.proposals.values import ProposalArtist
from models.rules.findings import Severity
from models.storage.database import Database
from reports.pdf.canvas import numbered_canvas
from reports.pdf.fonts import register_fonts
from reports.pdf.styles import ACCENT, MUTED, PANEL, RULE, paragraph_style
from reports.review_texts import ANSWER, RECOMMEND, STATUS_ZH, USES, T

PAGE = A4
MARGIN = 42.0
WIDTH = PAGE[0] - 2 * MARGIN
USE_BG = colors.HexColor("#fff4cc")
SEVERITY_COLOURS = {
    Severity.BLOCK: colors.HexColor("#9b1c1c"),
    Severity.HIGH: colors.HexColor("#b45309"),
    Severity.WARN: colors.HexColor("#8a6d00"),
    Severity.INFO: colors.HexColor("#3b5b7a"),
}


def esc(value: object) -> str:
    """Escape text for ReportLab's paragraph markup; keep line breaks."""
    return escape(str(value)).replace("\n", "<br/>")


class _Styles:
    def __init__(self) -> None:
        self.font = register_fonts()
        self.agency = paragraph_style("agency", 11, 14, textColor=ACCENT)
        self.title = paragraph_style("title", 17, 22, textColor=ACCENT, spaceAfter=2)
        self.note = paragraph_style("note", 8, 11, textColor=MUTED)
        self.h = paragraph_style("h", 12, 16, textColor=ACCENT, spaceBefore=10, spaceAfter=4)
        self.body = paragraph_style("body", 9, 12.5)
        self.cell = paragraph_style("cell", 8, 10.5)
        self.small = paragraph_style("small", 7, 9.2, textColor=MUTED)
        self.head = paragraph_style("head", 7.5, 9.5, textColor=MUTED)
        self.code = paragraph_style("code", 8, 10.5)


class ReviewComposer:
    def __init__(self, data: ReviewData, languages: Sequence[str]) -> None:
        self.d = data
        self.langs = tuple(languages)
        self.s = _Styles()

    # -- words -------------------------------------------------------------------------------
    def t(self, key: str, sep: str = " / ") -> str:
        en, zh = T[key]
        return sep.join(esc(en if lang == "en" else zh) for lang in self.langs)

    def _date(self, value: date) -> str:
        """2026年4月3日 / 3 April 2026, in the report's languages."""
        return self.pair(esc(format_date(value, "en")), esc(format_date(value, "zh")), " / ")

    def pair(self, en: str, zh: str, sep: str = "<br/>") -> str:
        """Already-escaped texts in the chosen languages."""
        return sep.join(en if lang == "en" else zh for lang in self.langs)

    def p(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def table(
        self, rows: list[list[Any]], widths: Sequence[float], extra: Sequence[Any] = ()
    ) -> Table:
        t = Table(rows, colWidths=list(widths), repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                    *extra,
                ]
            )
        )
        return t

    # -- sections ----------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        a = self.d.agency
        if not a.is_empty:
            out.append(
                self.p(self.pair(esc(a.name or a.name_zh), esc(a.name_zh or a.name)), self.s.agency)
            )
        p = self.d.proposal
        out.append(self.p(f"{self.t('title')} #{p.id}", self.s.title))
        out.append(self.p(self.t("unsigned", "<br/>"), self.s.note))
        out += self.summary()
        out += self.artists()
        out += self.mapping()
        out += self.findings()
        out += self.excerpts()
        return out

    def _kv(self, rows: list[tuple[str, str]]) -> Table:
        data = [[self.p(self.t(k, "<br/>"), self.s.head), self.p(v, self.s.cell)] for k, v in rows]
        t = Table(data, colWidths=[92, WIDTH - 92])
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return t

    def summary(self) -> list[Flowable]:
        p = self.d.proposal
        flags = [
            self.t(k)
            for k, on in (
                ("training", p.model_training_requested),
                ("retention", p.retention_requested),
                ("sublicensing", p.sublicensing_requested),
            )
            if on
        ]
        days = ""
        if p.respond_by is not None:
            left = (p.respond_by - self.d.generated_at.date()).days
            days = (
                " ("
                + self.pair(
                    esc(format_days_left(left, "en")), esc(format_days_left(left, "zh")), " / "
                )
                + ")"
            )
        sessions = "<br/>".join(
            esc(s.at.isoformat(timespec="minutes")) + (f" — {esc(s.note)}" if s.note else "")
            for s in p.scan_sessions
        )
        rows = [
            ("counterparty", esc(p.counterparty_name)),
            ("project", esc(p.project_title)),
            ("contact", esc(p.contact) or self.t("none")),
            ("received", self._date(p.received_on)),
            ("respond_by", (self._date(p.respond_by) + days) if p.respond_by else self.t("none")),
            ("status", self.pair(esc(p.status.label), esc(STATUS_ZH[p.status.value]), " / ")),
            ("description", esc(p.description) or self.t("none")),
            ("labelling", esc(p.labelling_plan) or self.t("none")),
            ("flags", "; ".join(flags) or self.t("none")),
            ("scans", sessions or self.t("none")),
        ]
        return [self.p(self.t("summary"), self.s.h), self._kv(rows)]

    def _asks(self, a: ProposalArtist) -> str:
        r = a.requested
        mods = self.pair(
            esc(", ".join(m.label.lower() for m in r.modalities) or "—"),
            esc("、".join(m.label_zh for m in r.modalities) or "—"),
        )
        uses_en = ", ".join(USES[u.value][0] for u in r.uses)
        uses_zh = "、".join(USES[u.value][1] for u in r.uses)
        places = " · ".join(
            x
            for x in (
                self.pair(
                    esc(join((medium(m, "en") for m in r.media), "en")),
                    esc(join((medium(m, "zh") for m in r.media), "zh")),
                    " / ",
                ),
                self.pair(
                    esc(join((territory(t, "en") for t in r.territories), "en")),
                    esc(join((territory(t, "zh") for t in r.territories), "zh")),
                    " / ",
                ),
            )
            if x and (r.media or r.territories)
        )
        more = " · ".join(x for x in (self.pair(esc(uses_en), esc(uses_zh), " / "), places) if x)
        return mods + (f"<br/><font size=7 color='#5c5c5c'>{more}</font>" if more else "")

    def artists(self) -> list[Flowable]:
        rows: list[list[Any]] = [
            [
                self.p(self.t(k, "<br/>"), self.s.head)
                for k in ("artist", "asks", "term", "fee", "decision", "recommendation")
            ]
        ]
        for a in self.d.proposal.artists:
            r = a.requested
            term = self.pair(
                esc(format_term(r.term_start, r.term_end, "en")),
                esc(format_term(r.term_start, r.term_end, "zh")),
            )
            fee = f"{r.fee_amount} {r.fee_currency}" if r.fee_amount is not None else "—"
            if a.decision:
                en, zh = ANSWER[a.decision.answer.value]
                who = esc(f"{a.decision.decided_by}, {a.decision.decided_at.date().isoformat()}")
                decision = self.pair(en, zh, " / ") + f"<br/>{who}"
            else:
                decision = self.t("pending")
            if a.recommendation:
                en, zh = RECOMMEND[a.recommendation.recommendation.value]
                rec = a.recommendation
                who = esc(f"{rec.recommended_by}, {rec.recommended_at.date().isoformat()}")
                recommendation = self.pair(en, zh, " / ") + f"<br/>{who}"
            else:
                recommendation = self.t("pending")
            rows.append(
                [
                    self.p(esc(a.artist_name), self.s.cell),
                    self.p(self._asks(a), self.s.cell),
                    self.p(esc(term), self.s.cell),
                    self.p(esc(fee), self.s.cell),
                    self.p(decision, self.s.cell),
                    self.p(recommendation, self.s.cell),
                ]
            )
        w = WIDTH
        return [
            self.p(self.t("artists"), self.s.h),
            self.table(rows, [w * 0.17, w * 0.25, w * 0.15, w * 0.1, w * 0.165, w * 0.165]),
        ]

    def mapping(self) -> list[Flowable]:
        out: list[Flowable] = [self.p(self.t("mapping"), self.s.h)]
        if not self.d.mappings:
            out.append(self.p(self.t("none"), self.s.body))
        for script, chars in self.d.mappings:
            out.append(
                self.p(
                    f"<b>{esc(script.original_name)}</b> · {esc(script.format)} · "
                    f"{script.scene_count} scenes · {script.ai_uses} AI",
                    self.s.small,
                )
            )
            rows: list[list[Any]] = [
                [
                    self.p(self.t(k, "<br/>"), self.s.head)
                    for k in ("character", "ai_uses", "mapped_to")
                ]
            ]
            for c in chars:
                if c.confirmed:
                    shown = esc(c.artist_name) if c.artist_id is not None else self.t("not_ours")
                elif c.suggestions:
                    best = esc(c.suggestions[0].artist_name)
                    shown = f"{self.t('unmapped')} ({self.t('suggested')}: {best})"
                else:
                    shown = self.t("unmapped")
                if not c.ai_uses and not c.confirmed:
                    continue  # speaking parts without AI use and without a mapping: noise
                rows.append(
                    [
                        self.p(esc(c.character), self.s.cell),
                        self.p(str(c.ai_uses), self.s.cell),
                        self.p(shown, self.s.cell),
                    ]
                )
            if len(rows) == 1:
                rows.append(
                    [
                        self.p("—", self.s.cell),
                        self.p("0", self.s.cell),
                        self.p(self.t("none"), self.s.cell),
                    ]
                )
            out.append(self.table(rows, [WIDTH * 0.35, WIDTH * 0.12, WIDTH * 0.53]))
            out.append(Spacer(1, 4))
        return out

    def findings(self) -> list[Flowable]:
        out: list[Flowable] = [self.p(self.t("check"), self.s.h)]
        run = self.d.run
        if run is None:
            return [*out, self.p(self.t("no_check"), self.s.body)]
        as_of = (
            f"{self.t('as_of')} {esc(run.as_of.isoformat(timespec='minutes'))}"
            if run.as_of
            else self.t("as_of_default")
        )
        counts = " · ".join(f"{k} {v}" for k, v in run.counts.items() if v)
        out.append(
            self.p(
                f"{self.t('run')} {run.id} · {esc(run.run_at.isoformat(timespec='minutes'))} · "
                f"{esc(run.run_by)}<br/>{as_of}<br/>{esc(counts) or self.t('no_findings')}",
                self.s.small,
            )
        )
        for rule, note in (run.summary.get("notes") or {}).items():
            out.append(self.p(esc(f"{rule}: {note}"), self.s.small))
        if not run.findings:
            return [*out, self.p(self.t("no_findings"), self.s.body)]
        out.append(self.p(self.t("findings"), self.s.h))
        rows: list[list[Any]] = [
            [
                self.p(self.t(k, "<br/>"), self.s.head)
                for k in ("severity", "artist", "line", "finding", "source", "action")
            ]
        ]
        extra = []
        for n, f in enumerate(run.findings, start=1):
            x = f.finding
            colour = SEVERITY_COLOURS[x.severity]
            sev = (
                f"<font color='#{colour.hexval()[2:]}'><b>{x.severity.value}</b></font>"
                f"<br/>{esc(x.rule_id)}"
            )
            message = "<br/>".join(esc(x.message_in(lang)) for lang in self.langs)
            if f.accepted_risk:
                message += (
                    f"<br/><font color='#5c5c5c'>{self.t('accepted')}: "
                    f"{esc(f.accepted_reason)} ({esc(f.accepted_by)})</font>"
                )
                extra.append(("BACKGROUND", (0, n), (-1, n), PANEL))
            line = str(x.line) if x.line is not None else self.t("proposal_level")
            rows.append(
                [
                    self.p(sev, self.s.cell),
                    self.p(esc(f.artist_name or "—"), self.s.cell),
                    self.p(line, self.s.cell),
                    self.p(message, self.s.cell),
                    self.p(self.pair(esc(x.source), esc(x.source_zh or x.source)), self.s.small),
                    self.p(self.pair(esc(x.action), esc(x.action_zh)), self.s.small),
                ]
            )
        w = WIDTH
        out.append(
            self.table(rows, [w * 0.08, w * 0.13, w * 0.07, w * 0.37, w * 0.14, w * 0.21], extra)
        )
        return out

    def excerpts(self) -> list[Flowable]:
        out: list[Flowable] = [self.p(self.t("excerpts"), self.s.h)]
        if not self.d.excerpts:
            return [*out, self.p(self.t("none"), self.s.body)]
        for e in self.d.excerpts:
            out.append(KeepTogether(self._excerpt(e)))
        if self.d.excerpts_left_out:
            out.append(self.p(f"… {self.d.excerpts_left_out} {self.t('left_out')}", self.s.small))
        return out

    def _excerpt(self, e: Excerpt) -> list[Flowable]:
        tags: dict[int, list[str]] = {}
        for line, rule, severity in e.findings:
            tags.setdefault(line, []).append(f"{rule} {severity}")
        rows: list[list[Any]] = []
        extra = []
        for n, (line, text) in enumerate(e.lines):
            shown = esc(text.rstrip()).replace("  ", "&nbsp; ") or "&nbsp;"
            if line in tags:
                shown += f" <font color='#9b1c1c' size=7>[{esc(', '.join(tags[line]))}]</font>"
            rows.append([self.p(str(line), self.s.small), self.p(shown, self.s.code)])
            if line in e.use_lines:
                extra.append(("BACKGROUND", (0, n), (-1, n), USE_BG))
        t = Table(rows, colWidths=[30, WIDTH - 30])
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *extra,
                ]
            )
        )
        head = self.p(
            f"{esc(e.script_name)} · {self.t('line')} {e.lines[0][0]}–{e.lines[-1][0]}",
            self.s.small,
        )
        return [head, t, Spacer(1, 5)]

    def footer(self, page: int, total: int) -> str:
        when = self.d.generated_at.isoformat(timespec="minutes")
        pid = self.d.proposal.id
        if self.langs[0] == "zh":
            return (
                f"{T['title'][1]} #{pid} · {T['generated'][1]} {when} · "
                f"{T['by'][1]} {self.d.generated_by} · "
                + render("report.page_of", "zh", {"page": page, "total": total})
            )
        return (
            f"{T['title'][0]} #{pid} · {T['generated'][0]} {when} "
            f"{T['by'][0]} {self.d.generated_by} · "
            + render("report.page_of", "en", {"page": page, "total": total})
        )


def _canvas(composer: ReviewComposer) -> type[Canvas]:
    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.setFont(composer.s.font, 7)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(PAGE[0] / 2, 24, composer.footer(number, total))

    return numbered_canvas(footer)


def render_review(data: ReviewData, languages: Sequence[str] = ("en",)) -> bytes:
    """The review report as PDF bytes."""
    langs = parse_languages(languages)
    composer = ReviewComposer(data, langs)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Proposal review #{data.proposal.id}",
        author=data.agency.name or data.generated_by,
        subject=f"{data.proposal.counterparty_name} — {data.proposal.project_title}",
        creator="Consent Desk",
        producer="Consent Desk (ReportLab)",
        initialFontName=composer.s.font,
        initialFontSize=9,
        lang="zh-Hans" if langs[0] == "zh" else "en",
    )
    doc.build(composer.story(), canvasmaker=_canvas(composer))
    return buf.getvalue()


def export_review(
    db: Database,
    proposal_id: int,
    out: Path,
    languages: Sequence[str] | str = ("en",),
    run_id: int | None = None,
) -> Path:
    """Write the review report to `out` (via a .part file, so no half-written PDF is left)."""
    langs = parse_languages(languages)
    pdf = render_review(review_data(db, proposal_id, run_id), langs)
    out = out.expanduser()
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(pdf)
        os.replace(part, out)
    except OSError as e:
        with contextlib.suppress(OSError):  # e.g. the "folder" is a file: there is no .part
            part.unlink(missing_ok=True)
        raise UserError(
            "error.reports.review.cannot_write_out_value", out=out, value=e.strerror or e
        ) from e
    return out


__all__ = ["ReviewComposer", "esc", "export_review", "render_review"]
