"""Everything a proposal says, on one page to read before deciding what to do with it."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from models.proposals.values import Proposal, RequestedArtist
from ui.consent.labels import modality_label, use_label, when_text
from ui.proposals.labels import status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProposalOverview", text)


def _row(label: str, value: str) -> str:
    shown = html.escape(value) if value else "<span style='color:#7b7d7d'>—</span>"
    shown = shown.replace("\n", "<br>")
    return (
        f"<tr><td style='padding:2px 14px 2px 0; vertical-align:top'><b>{html.escape(label)}"
        f"</b></td><td style='padding:2px 0'>{shown}</td></tr>"
    )


def _yes_no(flag: bool) -> str:
    return _tr("yes") if flag else _tr("no")


def requested_text(r: RequestedArtist) -> list[tuple[str, str]]:
    if r.term_start or r.term_end:
        start = r.term_start.isoformat() if r.term_start else _tr("open")
        end = r.term_end.isoformat() if r.term_end else _tr("no end date")
        term = f"{start} – {end}"
    else:
        term = ""
    fee = f"{r.fee_amount:,} {r.fee_currency}" if r.fee_amount is not None else ""
    return [
        (_tr("Modalities"), ", ".join(modality_label(m) for m in r.modalities)),
        (_tr("Uses"), ", ".join(use_label(u) for u in r.uses)),
        (_tr("Media"), ", ".join(r.media)),
        (_tr("Territories"), ", ".join(r.territories)),
        (_tr("Term"), term),
        (_tr("Fee"), fee),
        (_tr("Roles"), ", ".join(r.roles)),
    ]


def overview_html(p: Proposal) -> str:
    e = html.escape
    head = [
        _row(_tr("Counterparty"), p.counterparty_name),
        _row(_tr("Project"), p.project_title),
        _row(_tr("Contact"), p.contact),
        _row(_tr("Received"), p.received_on.isoformat()),
        _row(_tr("Answer by"), p.respond_by.isoformat() if p.respond_by else ""),
        _row(
            _tr("Status"),
            _tr("{status} — since {when}, by {who}").format(
                status=status_label(p.status),
                when=when_text(p.status_changed_at),
                who=p.status_changed_by,
            )
            + (f" ({p.status_note})" if p.status_note else ""),
        ),
        _row(_tr("Description"), p.description),
        _row(_tr("Labelling plan"), p.labelling_plan),
        _row(_tr("Model training requested"), _yes_no(p.model_training_requested)),
        _row(_tr("Retention requested"), _yes_no(p.retention_requested)),
        _row(_tr("Sub-licensing requested"), _yes_no(p.sublicensing_requested)),
        _row(_tr("Notes"), p.notes),
    ]
    parts = [f"<table>{''.join(head)}</table>", f"<h3>{e(_tr('Requested artists'))}</h3>"]
    if not p.artists:
        parts.append(f"<p>{e(_tr('None yet.'))}</p>")
    for a in p.artists:
        rows = "".join(_row(k, v) for k, v in requested_text(a.requested))
        parts.append(f"<h4>{e(a.artist_name)}</h4><table>{rows}</table>")
    parts.append(f"<h3>{e(_tr('Scan sessions'))}</h3>")
    if not p.scan_sessions:
        parts.append(f"<p>{e(_tr('None requested.'))}</p>")
    names = {a.artist_id: a.artist_name for a in p.artists}
    for s in p.scan_sessions:
        who = names.get(s.artist_id, f"#{s.artist_id}") if s.artist_id else _tr("all artists")
        notice = when_text(s.notice_at) if s.notice_at else _tr("the proposal itself")
        text = _tr("{when} — {who}; notice: {notice}").format(
            when=when_text(s.at), who=who, notice=notice
        )
        if s.note:
            text += f" ({s.note})"
        parts.append(f"<p>{e(text)}</p>")
    parts.append(
        "<p style='color:#7b7d7d'>"
        + e(
            _tr("Logged {when} by {who}; last changed {changed} by {by}.").format(
                when=when_text(p.created_at),
                who=p.created_by,
                changed=when_text(p.updated_at),
                by=p.updated_by,
            )
        )
        + "</p>"
    )
    return "".join(parts)
