"""What a statement says, section by section, built from its record in one or two languages.

With two languages every text block is a two-column row (first language left, second
right) so a reader can compare the versions line by line; tables carry both labels in each
cell. Every inserted value goes through `v()` so the renderer can warn about characters
the font cannot print.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from models import localize
from models.statements.record import StatementKind
from reports.pdf.fonts import FONT
from reports.statements.flowables import (
    QrCode,
    Rule,
    SignatureBox,
    SignaturePlacement,
    logo_image,
)
from reports.statements.linebreak import keep
from reports.statements.style import (
    ACCENT,
    NO,
    NO_BG,
    QR_SIZE,
    RULE,
    SIGNATURE_PAD,
    WIDTH,
    YES_BG,
    para,
    plain,
)
from reports.statements.templates import StatementTexts, esc
from reports.statements.wording import (
    StatementWording,
    grouped_hex,
    kept_together,
    moment_of,
)


class StatementComposer(StatementWording):
    """Builds the story for one record in one or two languages, section by section."""

    # ---- sections ---------------------------------------------------------------------

    def letterhead(self, logo: Path | None) -> list[Flowable]:
        issuer = self.r["issuer"]
        lines: list[Flowable] = []
        name = issuer.get("name") or issuer.get("signer", "")
        if name:
            lines.append(para(esc(self.v(name)), self.s["agency"]))
        if issuer.get("name_zh"):
            lines.append(para(esc(self.v(issuer["name_zh"])), self.s["agency_zh"]))
        address = [a for a in (issuer.get("address"), issuer.get("address_zh")) if a]
        for a in address:
            lines.append(para(esc(self.v(a)), self.s["address"]))
        block: Flowable = Table([[line] for line in lines] or [[""]], colWidths=[None])
        block.setStyle(plain())
        row: list[Flowable] = []
        widths: list[float] = []
        if logo is not None:
            img = logo_image(logo)
            if img is not None:
                row.append(img)
                widths.append(img.drawWidth + 12)
        row.append(block)
        widths.append(WIDTH - sum(widths))
        head = Table([row], colWidths=widths)
        head.setStyle(plain([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return [head, Spacer(1, 6), Rule(WIDTH, ACCENT, 1.2), Spacer(1, 10)]

    def title(self) -> list[Flowable]:
        key = f"title.{self.kind.value}"
        out: list[Flowable] = []
        seen: list[str] = []
        for t in self.texts:
            text = t.markup(key)
            if text not in seen:
                seen.append(text)
                out.append(para(text, self.s["title"]))
        out.append(Spacer(1, 6))
        if self.r.get("historical"):
            banner = self.pair(
                "banner",
                self.text("historical", as_of=lambda t: self.when(t, self.as_of)),
                WIDTH - 16,
            )
            box = Table([[banner]], colWidths=[WIDTH])
            box.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("BACKGROUND", (0, 0), (-1, -1), NO_BG),
                        ("BOX", (0, 0), (-1, -1), 1.2, NO),
                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ]
                )
            )
            out += [box, Spacer(1, 8)]
        return out

    def facts(self) -> list[Flowable]:
        """Artist on its own line; as-of, statement id, project, supersedes two to a line."""
        s = self.s
        pairs: list[tuple[str, str]] = [
            ("label.as_of", self.both_of(lambda t: self.when(t, self.as_of))),
            ("label.statement_id", esc(self.r["statement_id"])),
        ]
        if self.r.get("scope"):
            pairs.append(("label.project", self.both_of(self.project)))
        if self.r.get("supersedes"):
            pairs.append(("label.supersedes", esc(self.r["supersedes"])))
        empty = para("", s["value"])
        rows: list[list[Flowable]] = [
            [
                para(self.both("label.artist"), s["label"]),
                para(esc(self.artist(self.texts[0])), s["value_big"]),
                empty,
                empty,
            ]
        ]
        for i in range(0, len(pairs), 2):
            row: list[Flowable] = []
            for key, value in pairs[i : i + 2]:
                row += [para(self.both(key), s["label"]), para(value, s["value"])]
            rows.append(row + [empty] * (4 - len(row)))
        label_w = 76.0
        half = WIDTH / 2
        table = Table(rows, colWidths=[label_w, half - label_w, label_w, half - label_w])
        table.setStyle(
            plain(
                [
                    ("SPAN", (1, 0), (3, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                    ("TOPPADDING", (0, 1), (-1, -1), 4),
                    ("RIGHTPADDING", (1, 0), (1, -1), 8),
                ]
            )
        )
        return [table, Spacer(1, 10)]

    def intro(self) -> list[Flowable]:
        key = f"intro.{self.kind.value}"
        capacity = self.r["subject"].get("capacity", "adult")
        if capacity != "adult" and f"{key}.{capacity}" in self.texts[0].texts:
            key = f"{key}.{capacity}"  # a guardian or the close relatives consented
        make = self.text(
            key,
            artist=self.artist,
            agency=self.agency,
            as_of=lambda t: self.when(t, self.as_of),
            project=self.project,
            counterparty=self.counterparty,
        )
        return [self.pair("body", make)]

    def authorised(self) -> list[Flowable]:
        grants: dict[tuple[int, int], dict[str, Any]] = {}
        for m in self.r["modalities"]:
            for g in m["grants"]:
                entry = grants.setdefault(
                    (g["record_id"], g["record_version"]), {"grant": g, "modalities": []}
                )
                entry["modalities"].append(m["modality"])
        out = self.heading("heading.authorised")
        if not grants:
            out.append(self.pair("body", lambda t: t.markup("authorised.none")))
            return out
        out.append(self.pair("body", lambda t: t.markup("authorised.lead")))
        out.append(Spacer(1, 5))
        s = self.s
        head = [
            para(self.both(k), s["cell_head"])
            for k in (
                "column.modality",
                "column.counterparty",
                "column.project",
                "column.uses",
                "column.term",
                "column.record",
            )
        ]
        rows: list[list[Flowable]] = [head]
        for _, entry in sorted(grants.items()):
            rows.append(
                [para(c, s["cell"]) for c in self._grant_cells(entry["grant"], entry["modalities"])]
            )
        widths = [86.0, 82.0, 82.0, 92.0, 88.0, WIDTH - 430.0]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 1), (-1, -1), YES_BG),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.white),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out.append(table)
        return out

    def _grant_cells(self, g: dict[str, Any], mods: Sequence[str]) -> list[str]:
        def modalities(t: StatementTexts) -> str:
            return t.raw("list_separator").join(self.modality(t, x) for x in mods)

        def term(t: StatementTexts) -> str:
            return self.term(t, g["term_start"], g["term_end"])

        def ref(t: StatementTexts) -> str:
            return t.raw("record.ref", id=g["record_id"], version=g["record_version"])

        return [
            self.both_of(modalities),
            self.both_of(lambda t: self.named(t, g["counterparty"])),
            self.both_of(lambda t: self.named(t, g["project"]))
            if g["project"]
            else self.both("project.any"),
            self._uses_cell(g),
            self.both_of(term),
            self.both_of(ref),
        ]

    def _modality_names(self, value: str) -> str:
        return self.both_of(lambda t: self.modality(t, value))

    def _uses_cell(self, g: dict[str, Any]) -> str:
        parts = [self.both_of(lambda t: self.uses(t, g["uses"]))]
        for key, values, word in (
            ("label.media", g["media"], localize.medium),
            ("label.territories", g["territories"], localize.territory),
        ):
            if values:

                def line(
                    t: StatementTexts, key: str = key, values: Any = values, word: Any = word
                ) -> str:
                    colon = "：" if t.language == "zh" else ": "
                    names = [keep(word(self.v(x), t.language)) for x in values]
                    return f"{t.raw(key)}{colon}{localize.join(names, t.language)}"

                parts.append(f'<font size="7" color="#5c5c5c">{self.both_of(line)}</font>')
        return "<br/>".join(parts)

    def not_authorised(self) -> list[Flowable]:
        missing = [m["modality"] for m in self.r["modalities"] if m["status"] != "authorised"]
        some_given = len(missing) < len(self.r["modalities"])
        out = self.heading("heading.not_authorised", "heading_no")
        if not missing:
            out.append(self.pair("body", lambda t: t.markup("not_authorised.none")))
        else:
            out.append(self.pair("body", lambda t: t.markup("not_authorised.lead")))
            out.append(Spacer(1, 5))
            cols = 3
            items = [para("✕ " + self._modality_names(m), self.s["no_item"]) for m in missing]
            while len(items) % cols:
                items.append(para("", self.s["no_item"]))
            grid = Table(
                [items[i : i + cols] for i in range(0, len(items), cols)],
                colWidths=[WIDTH / cols] * cols,
            )
            grid.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), FONT),
                        ("BACKGROUND", (0, 0), (-1, -1), NO_BG),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -1), 1.5, colors.white),
                        ("LEFTPADDING", (0, 0), (-1, -1), 6),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ]
                )
            )
            out.append(grid)
        if some_given:
            out += [Spacer(1, 5), self.pair("body", lambda t: t.markup("not_authorised.beyond"))]
        return out

    def revocations(self) -> list[Flowable]:
        if not self.r.get("revocations"):
            return []
        out = self.heading("heading.revocations", "heading_no")
        for rv in self.r["revocations"]:

            def make(t: StatementTexts, rv: dict[str, Any] = rv) -> str:
                when = moment_of(rv["revoked_at"])
                text = t.markup(
                    "revocation.item",
                    record=keep(
                        t.raw("record.ref", id=rv["record_id"], version=rv["record_version"])
                    ),
                    counterparty=self.named(t, rv["counterparty"]),
                    project=self.titled(t, rv["project"])
                    if rv["project"]
                    else t.raw("project.any"),
                    modalities=t.raw("list_separator").join(
                        self.modality(t, m) for m in rv["modalities"]
                    ),
                    revoked_at=self.when(t, when) if when else t.raw("none"),
                    reason="",
                )
                # The reason is private unless the agency chose to publish it (--show-reason).
                if rv.get("reason"):
                    text += "<br/>" + t.markup("revocation.reason", reason=self.v(rv["reason"]))
                return text

            out += [self.pair("body", make), Spacer(1, 4)]
        return out

    def listings(self) -> list[Flowable]:
        listed = self.r.get("listings") or []
        if not listed:
            return []
        out = self.heading("heading.listings")
        for item in listed:
            out += [self._listing(item["platform"]), Spacer(1, 3)]
        return out

    def _listing(self, name: str) -> Flowable:
        return self.pair("body", self.text("listing.item", platform=lambda t: self.named(t, name)))

    def stance_section(self) -> list[Flowable]:
        return [Spacer(1, 6), self.pair("body", self.text("stance.text", stance=self.stance))]

    def verification(self, placement: list[SignaturePlacement]) -> list[Flowable]:
        s = self.s
        issuer = self.r["issuer"]
        signer = issuer["signer"]
        pad = 7.0
        inner_w = WIDTH - 2 * pad
        detail_w = inner_w - QR_SIZE - 12
        qr = QrCode(
            f"consent-desk:statement:{self.r['statement_id']}:record-sha256:{self.hash}", QR_SIZE
        )
        colon = "：" if self.texts[-1].language == "zh" else ": "
        hashes = [
            para(
                self.both("label.record_sha256").replace("<br/>", " / ")
                + f"{colon}{esc(grouped_hex(self.hash))}",
                s["small"],
            ),
            para(
                self.both("label.fingerprint").replace("<br/>", " / ")
                + f"{colon}{esc(grouped_hex(issuer['signer_fingerprint_sha256'], 4).upper())}",
                s["small"],
            ),
        ]
        intro = self.pair(
            "verify", self.text("verify.text", signer=lambda t: self.named(t, signer))
        )
        heading = self.pair("heading", lambda t: t.markup("heading.verify"))
        details: list[Flowable] = [
            para(esc(self.texts[0].raw("verify.command")), s["code"]),
            Spacer(1, 4),
            self.pair("small", lambda t: t.markup("verify.qr"), detail_w),
            Spacer(1, 2),
            *hashes,
        ]
        if len(self.texts) == 1:
            # One language: everything fits beside the QR code, which keeps the panel short.
            details = [heading, intro, Spacer(1, 3), *details]
        detail_table = Table([[d] for d in details], colWidths=[detail_w])
        detail_table.setStyle(plain())
        qr_row = Table([[qr, detail_table]], colWidths=[QR_SIZE + 12, detail_w])
        qr_row.setStyle(plain([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        rows: list[Flowable] = [qr_row]
        if len(self.texts) > 1:
            rows = [
                self.pair("heading", lambda t: t.markup("heading.verify"), inner_w),
                Spacer(1, 3),
                self.pair(
                    "verify",
                    self.text("verify.text", signer=lambda t: self.named(t, signer)),
                    inner_w,
                ),
                Spacer(1, 6),
                qr_row,
            ]
        panel = Table([[r] for r in rows], colWidths=[WIDTH])
        panel.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, 0), pad),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
                ]
            )
        )
        sig = self.signature_box(placement)
        return [Spacer(1, 6), KeepTogether([panel, Spacer(1, 6), sig])]

    def signature_box(self, placement: list[SignaturePlacement]) -> Flowable:
        issuer = self.r["issuer"]
        signer = issuer["signer"]
        user = issuer.get("issued_by", "")
        inner_w = WIDTH - 2 * SIGNATURE_PAD

        def make(t: StatementTexts) -> str:
            text = t.markup(
                "signature.text",
                signer=self.named(t, signer),
                issued=self.when(t, self.issued_at),
                user=keep(self.v(user)),
            )
            head = f'<font size="9" color="#{ACCENT.hexval()[2:]}">'
            out = f"{head}{t.markup('heading.signature')}</font>&nbsp;&nbsp; {text}"
            if issuer.get("signer_self_signed"):
                out += "<br/>" + t.markup("signature.self_signed")
            return out

        return SignatureBox([self.pair("small", make, inner_w)], placement)

    def story(self, logo: Path | None, placement: list[SignaturePlacement]) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.letterhead(logo)
        story += self.title()
        story += self.facts()
        story += self.intro()
        if self.kind == StatementKind.REVOCATION:
            sections = [self.revocations(), self.not_authorised(), self.authorised()]
        elif self.kind == StatementKind.NON_AUTHORISATION:
            sections = [self.not_authorised(), self.authorised()]
        else:
            sections = [self.authorised(), self.not_authorised()]
        sections += [self.listings(), self.stance_section()]
        for section in sections:
            story += kept_together(section)
        story += self.verification(placement)
        return story

    def page_label(self) -> list[str]:
        """On every page of a historical copy: what it is, one line per language."""
        if not self.r.get("historical"):
            return []
        return list(
            dict.fromkeys(
                t.raw("historical_copy", as_of=t.datetime(self.as_of)) for t in self.texts
            )
        )

    def footer(self, page: int, pages: int) -> str:
        parts = dict.fromkeys(
            t.raw("footer", statement_id=self.r["statement_id"], page=page, pages=pages)
            for t in self.texts
        )
        return "   |   ".join(parts)


__all__ = ["StatementComposer"]
