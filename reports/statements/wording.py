"""The words layer of a statement: every inserted value, name, date and two-language pair.

`StatementComposer` (compose.py) builds the sections on top of it. With two languages every
text block is a two-column row (first language left, second right); every inserted value goes
through `v()` so the renderer can warn about characters the font cannot print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from models import localize
from models.consent.words import Modality
from models.roster.artist import Stance
from models.statements.record import StatementKind, record_sha256
from reports.pdf.fonts import FONT
from reports.statements.linebreak import keep
from reports.statements.style import (
    WIDTH,
    para,
    styles,
)
from reports.statements.templates import StatementTexts, esc

Make = Callable[[StatementTexts], str]


def moment_of(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def day_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def grouped_hex(hex_digest: str, group: int = 8) -> str:
    return " ".join(hex_digest[i : i + group] for i in range(0, len(hex_digest), group))


KEEP_WHOLE_UP_TO = 260.0  # points: shorter sections move to the next page whole


def kept_together(section: list[Flowable]) -> list[Flowable]:
    """A heading never ends a page alone; a short section stays whole; a long one (a big
    table) starts right away and splits, its heading kept with the text below it."""
    if not section:
        return []
    height = sum(f.wrap(WIDTH, 10_000)[1] for f in section)
    if height <= KEEP_WHOLE_UP_TO or len(section) < 2:
        return [KeepTogether(section)]
    return [KeepTogether(section[:-1]), section[-1]]


class StatementWording:
    """One record's values and texts, worded in one or two languages."""

    def __init__(self, record: dict[str, Any], texts: Sequence[StatementTexts]) -> None:
        self.r = record
        self.texts = tuple(texts)
        self.s = styles()
        self.kind = StatementKind(record["kind"])
        self.as_of = datetime.fromisoformat(record["as_of"])
        self.issued_at = datetime.fromisoformat(record["issued_at"])
        self.hash = record_sha256(record)
        self.shown: list[str] = []  # every inserted value, checked for missing glyphs
        self.pages = 0

    # ---- text helpers -----------------------------------------------------------------

    def v(self, value: object) -> str:
        text = str(value)
        self.shown.append(text)
        return text

    def named(self, t: StatementTexts, display: str) -> str:
        """A name as the language writes it (陈静怡（Chen Jingyi）), kept on one line."""
        return keep(localize.name(self.v(display), t.language))

    def titled(self, t: StatementTexts, title: str) -> str:
        """A work's title in running text: 《长夜行（Chang Ye Xing）》 in Chinese."""
        named = self.named(t, title)
        return f"《{named}》" if t.language == "zh" else named

    def date(self, t: StatementTexts, d: date) -> str:
        return keep(t.date(d))

    def when(self, t: StatementTexts, dt: datetime) -> str:
        return keep(t.datetime(dt))

    def agency(self, t: StatementTexts) -> str:
        issuer = self.r["issuer"]
        if t.language == "zh" and issuer.get("name_zh"):
            return keep(self.v(issuer["name_zh"]))
        return keep(self.v(issuer.get("name") or issuer.get("name_zh") or issuer.get("signer", "")))

    def artist(self, t: StatementTexts) -> str:
        return self.named(t, self.r["subject"]["display_name"])

    def project(self, t: StatementTexts) -> str:
        scope = self.r.get("scope") or {}
        if not scope.get("project"):
            return t.raw("project.any")
        return self.named(t, scope["project"])

    def counterparty(self, t: StatementTexts) -> str:
        """Who a project certificate authorises: the scope's counterparty, else the grants'."""
        scope = self.r.get("scope") or {}
        name = scope.get("counterparty")
        if not name:
            names = [
                g["counterparty"]
                for m in self.r["modalities"]
                for g in m["grants"]
                if g.get("counterparty")
            ]
            name = localize.join(dict.fromkeys(names), t.language) if names else ""
        return self.named(t, name) if name else t.raw("none")

    def stance(self, t: StatementTexts) -> str:
        st = Stance(self.r["subject"]["ai_stance"])
        return st.label_zh if t.language == "zh" else st.label

    def modality(self, t: StatementTexts, value: str) -> str:
        m = Modality(value)
        return m.label_zh if t.language == "zh" else m.label

    def term(self, t: StatementTexts, start: str | None, end: str | None) -> str:
        s, e = day_of(start), day_of(end)
        if s and e:
            return t.raw("term.range", start=self.date(t, s), end=self.date(t, e))
        if s:
            return t.raw("term.open", start=self.date(t, s))
        if e:
            return t.raw("term.until", end=self.date(t, e))
        return t.raw("term.none")

    def uses(self, t: StatementTexts, uses: Sequence[str]) -> str:
        key = "uses."
        names = [t.raw(key + u) if key + u in t.texts else self.v(u) for u in uses]
        return t.raw("list_separator").join(names) if names else t.raw("none")

    def pair(self, style: str, make: Make, width: float = WIDTH) -> Flowable:
        """One block of text in each language: a paragraph, or two side by side."""
        st = self.s[style]
        paras = [para(make(t), st) for t in self.texts]
        if len(paras) == 1:
            return paras[0]
        gap = 14.0
        col = (width - gap) / 2
        table = Table([paras], colWidths=[col + gap / 2, col + gap / 2])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), gap / 2),
                    ("LEFTPADDING", (1, 0), (1, -1), gap / 2),
                    ("RIGHTPADDING", (1, 0), (1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def text(self, key: str, **values: Callable[[StatementTexts], str]) -> Make:
        """A template text with per-language values (each value escaped by `markup`)."""

        def make(t: StatementTexts) -> str:
            return t.markup(key, **{k: f(t) for k, f in values.items()})

        return make

    def both(self, t_key: str) -> str:
        """A short label in every language, stacked (for table cells and labels)."""
        seen: list[str] = []
        for t in self.texts:
            text = t.markup(t_key)
            if text not in seen:
                seen.append(text)
        return "<br/>".join(seen)

    def both_of(self, make: Callable[[StatementTexts], str]) -> str:
        seen: list[str] = []
        for t in self.texts:
            text = esc(make(t))
            if text not in seen:
                seen.append(text)
        return "<br/>".join(seen)

    def heading(self, key: str, style: str = "heading") -> list[Flowable]:
        return [Spacer(1, 8), self.pair(style, lambda t: t.markup(key)), Spacer(1, 3)]
