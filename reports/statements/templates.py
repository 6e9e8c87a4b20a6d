"""Statement wording, read from editable files in `resources/statements/<lang>.json`.

The agency's lawyers change wording without touching code, so the files are checked when
read (every text present, every placeholder known) and reported as a UserError naming the
file and the text. Everything printed is escaped for ReportLab's paragraph markup: the
template text and each inserted value print literally (`<font size=90>`, `A & B`).
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from models.errors import UserError
from models.localize import zone_label
from models.resources import resource_path

TEMPLATE_DIR = resource_path("statements")

# Each text and the placeholders it may use.
REQUIRED: dict[str, frozenset[str]] = {
    "datetime": frozenset({"day", "month", "year", "hour", "minute", "tz"}),
    "date": frozenset({"day", "month", "year"}),
    "list_separator": frozenset(),
    "none": frozenset(),
    "title.position": frozenset(),
    "title.project_certificate": frozenset(),
    "title.non_authorisation": frozenset(),
    "title.revocation": frozenset(),
    "historical": frozenset({"as_of"}),
    "historical_copy": frozenset({"as_of"}),
    "label.artist": frozenset(),
    "label.as_of": frozenset(),
    "label.statement_id": frozenset(),
    "label.supersedes": frozenset(),
    "label.issued": frozenset(),
    "label.project": frozenset(),
    "label.stance": frozenset(),
    "label.media": frozenset(),
    "label.territories": frozenset(),
    "intro.position": frozenset({"artist", "agency", "as_of"}),
    "intro.project_certificate": frozenset(
        {"artist", "agency", "as_of", "project", "counterparty"}
    ),
    "intro.project_certificate.minor": frozenset(
        {"artist", "agency", "as_of", "project", "counterparty"}
    ),
    "intro.project_certificate.deceased": frozenset(
        {"artist", "agency", "as_of", "project", "counterparty"}
    ),
    "intro.non_authorisation": frozenset({"artist", "agency", "as_of"}),
    "intro.non_authorisation.minor": frozenset({"artist", "agency", "as_of"}),
    "intro.non_authorisation.deceased": frozenset({"artist", "agency", "as_of"}),
    "intro.revocation": frozenset({"artist", "agency", "as_of"}),
    "intro.revocation.minor": frozenset({"artist", "agency", "as_of"}),
    "intro.revocation.deceased": frozenset({"artist", "agency", "as_of"}),
    "heading.authorised": frozenset(),
    "heading.not_authorised": frozenset(),
    "heading.listings": frozenset(),
    "heading.revocations": frozenset(),
    "heading.verify": frozenset(),
    "heading.signature": frozenset(),
    "authorised.lead": frozenset(),
    "authorised.none": frozenset(),
    "not_authorised.lead": frozenset(),
    "not_authorised.none": frozenset(),
    "not_authorised.beyond": frozenset(),
    "listing.item": frozenset({"platform"}),
    "stance.text": frozenset({"stance"}),
    "revocation.item": frozenset(
        {"record", "counterparty", "project", "modalities", "revoked_at", "reason"}
    ),
    "revocation.no_reason": frozenset(),
    "revocation.reason": frozenset({"reason"}),
    "column.modality": frozenset(),
    "column.counterparty": frozenset(),
    "column.project": frozenset(),
    "column.uses": frozenset(),
    "column.term": frozenset(),
    "column.record": frozenset(),
    "project.any": frozenset(),
    "term.range": frozenset({"start", "end"}),
    "term.open": frozenset({"start"}),
    "term.until": frozenset({"end"}),
    "term.none": frozenset(),
    "record.ref": frozenset({"id", "version"}),
    "uses.this_production": frozenset(),
    "uses.promotion": frozenset(),
    "uses.sequels": frozenset(),
    "verify.text": frozenset({"signer"}),
    "verify.command": frozenset(),
    "verify.qr": frozenset(),
    "label.record_sha256": frozenset(),
    "label.fingerprint": frozenset(),
    "signature.text": frozenset({"signer", "issued", "user"}),
    "signature.self_signed": frozenset(),
    "footer": frozenset({"statement_id", "page", "pages"}),
}

_FORMATTER = string.Formatter()


def esc(value: object) -> str:
    """Text → ReportLab paragraph markup that prints exactly that text."""
    text = escape(str(value), {'"': "&quot;"})
    return text.replace("\r\n", "\n").replace("\n", "<br/>")


def _fields(template: str) -> set[str]:
    """Placeholder names; only plain `{name}` is allowed (no format specs or attributes)."""
    out: set[str] = set()
    for _, field, spec, conversion in _FORMATTER.parse(template):
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            shown = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"{{{shown}}} is not a plain {{name}} placeholder")
        out.add(field)
    return out


@dataclass(frozen=True)
class StatementTexts:
    """The texts of one language, checked."""

    language: str
    texts: dict[str, str]
    months: tuple[str, ...]
    source: Path

    def raw(self, key: str, **values: object) -> str:
        """Plain text (for canvas drawing and metadata, where no markup applies)."""
        return self._fill(key, values, lambda s: s)

    def markup(self, key: str, **values: object) -> str:
        """Paragraph markup: template and values escaped, line breaks kept."""
        return self._fill(key, values, esc)

    def _fill(self, key: str, values: dict[str, object], quote: Any) -> str:
        template = self.texts[key]
        out: list[str] = []
        previous = ""
        for literal, field, _, _ in _FORMATTER.parse(template):
            if literal.startswith(".") and previous.rstrip("\ue001").endswith("."):
                literal = literal[1:]  # "Co." + ". Issued" → "Co. Issued"
            out.append(quote(literal))
            previous = ""
            if field is not None:
                previous = str(values[field])
                out.append(quote(previous))
        return "".join(out)

    def date(self, d: date) -> str:
        return self.raw("date", day=d.day, month=self.months[d.month - 1], year=d.year)

    def datetime(self, dt: datetime) -> str:
        tz = zone_label(dt, self.language)  # 北京时间 for UTC+08:00 in Chinese
        return self.raw(
            "datetime",
            day=dt.day,
            month=self.months[dt.month - 1],
            year=dt.year,
            hour=f"{dt.hour:02d}",
            minute=f"{dt.minute:02d}",
            tz=tz,
        )


_CACHE: dict[tuple[str, float], StatementTexts] = {}


def load_texts(language: str, folder: Path | None = None) -> StatementTexts:
    """The texts of `language`, re-read whenever the file changes on disk."""
    path = (folder or TEMPLATE_DIR) / f"{language}.json"
    try:
        mtime = path.stat().st_mtime
    except OSError as e:
        raise UserError(
            "error.reports.statements.templates.statement_texts_language_are_missing",
            language=language,
            path=path,
        ) from e
    cached = _CACHE.get((str(path), mtime))
    if cached is not None:
        return cached
    texts = _read(path, language)
    _CACHE[(str(path), mtime)] = texts
    return texts


def _read(path: Path, language: str) -> StatementTexts:
    def bad(problem: str) -> UserError:
        return UserError(
            "error.reports.statements.templates.statement_texts_name_cannot_used",
            name=path.name,
            problem=problem,
        )

    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise bad(f"cannot be read ({e})") from e
    except json.JSONDecodeError as e:
        raise bad(f"not valid JSON at line {e.lineno}, column {e.colno}") from e
    if not isinstance(data, dict) or not isinstance(data.get("text"), dict):
        raise bad('it needs a "text" object')
    texts = data["text"]
    months = data.get("months")
    if not (
        isinstance(months, list) and len(months) == 12 and all(isinstance(m, str) for m in months)
    ):
        raise bad('"months" must list 12 month names')
    missing = sorted(k for k in REQUIRED if not isinstance(texts.get(k), str))
    if missing:
        raise bad(f"text {', '.join(missing)} is missing")
    for key, allowed in REQUIRED.items():
        try:
            used = _fields(texts[key])
        except ValueError as e:
            raise bad(f'text "{key}" has a broken placeholder ({e})') from e
        unknown = used - allowed
        if unknown:
            names = ", ".join("{" + u + "}" for u in sorted(unknown))
            known = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
            raise bad(f'text "{key}" uses {names}; it may use {known}')
    return StatementTexts(
        language=language,
        texts={k: str(v) for k, v in texts.items() if isinstance(v, str)},
        months=tuple(months),
        source=path,
    )


__all__ = ["REQUIRED", "StatementTexts", "esc", "load_texts"]
