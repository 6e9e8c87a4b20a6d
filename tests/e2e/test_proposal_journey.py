"""Journey 2 at the service level: a proposal arrives with a script that gives 林晓 an AI voice
while she has only granted her face; the check blocks it at the right line; the artist agrees
to a broader consent; the re-check no longer finds it; the manager answers the producer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.audit.service import AuditService
from models.consent.evidence import EvidenceFile
from models.consent.service import ConsentService
from models.consent.values import (
    AgencyRecommendation,
    ArtistDecision,
    DecisionOutcome,
    Recommendation,
)
from models.consent.words import ConsentStatus, Modality, Use
from models.dates.zones import artist_zone, local_day
from models.demo import load_demo
from models.parties.service import CounterpartyService
from models.proposals.service import ProposalService
from models.proposals.values import (
    ArtistAnswer,
    ArtistDecisionOnProposal,
    FindingChange,
    ProposalDraft,
    ProposalStatus,
    RequestedArtist,
)
from models.roster.service import RosterService
from models.rules import Severity
from models.storage.database import Database
from reports.review import export_review

SCRIPT = """Title: 长夜行 Episode 3

INT. OLD APARTMENT - NIGHT

Shen Yao opens a box of letters.

LIN XIAO (AI VOICE)
You kept them all.

SHEN YAO
Every single one.

EXT. HARBOUR - DAWN

Shen Yao walks alone.
"""
VOICE_LINE = 7  # "LIN XIAO (AI VOICE)"


def test_voice_without_consent_is_blocked_until_the_artist_agrees(
    db: Database, tmp_path: Path
) -> None:
    load_demo(db)
    lin = next(a for a in RosterService(db).search("林晓") if a.native_name == "林晓")
    cps = CounterpartyService(db)
    xingmu = next(c for c in cps.counterparties() if c.romanized_name == "Xingmu Video")
    changye = next(p for p in cps.projects(xingmu.id) if p.title_romanized == "Chang Ye Xing")
    face = next(
        r
        for r in ConsentService(db).records_for_artist(lin.id)
        if r.project_id == changye.id and r.status is ConsentStatus.GIVEN
    )
    assert face.modalities == (Modality.FACE_LIKENESS,)  # only her face, for this series

    # the proposal arrives today, with its script
    today = local_day(datetime.now(UTC), artist_zone(lin.jurisdiction))
    service = ProposalService(db)
    proposal = service.create(
        ProposalDraft(
            counterparty_id=xingmu.id,
            project_id=changye.id,
            received_on=today,
            respond_by=today + timedelta(days=3),
            contact="Producer, Xingmu Video",
            labelling_plan="Visible 'AI生成' mark on each AI shot and embedded C2PA metadata.",
            artists=(
                RequestedArtist(
                    lin.id,
                    (Modality.FACE_LIKENESS,),
                    (Use.THIS_PRODUCTION,),
                    ("streaming",),
                    ("CN",),
                    today,
                    face.term_end,
                ),
            ),
        )
    )
    path = tmp_path / "changye-ep3.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    script = service.attach_script(proposal.id, path)
    (suggested,) = [m for m in service.mapping(script.id) if m.character == "LIN XIAO"]
    assert suggested.suggestions[0].artist_id == lin.id
    service.map_character(script.id, "LIN XIAO", lin.id)

    # the check blocks the AI voice at its line
    first = service.run_check(proposal.id)
    voice = [
        f for f in first.findings if f.finding.rule_id == "R3" and f.finding.subject == "voice"
    ]
    assert [(f.finding.line, f.finding.severity) for f in voice] == [(VOICE_LINE, Severity.BLOCK)]
    assert service.script_view(script.id).line_text(VOICE_LINE) == "LIN XIAO (AI VOICE)"
    assert first.worst is Severity.BLOCK
    report = export_review(db, proposal.id, tmp_path / "review.pdf", "en,zh")
    assert report.stat().st_size > 0

    # the artist agrees to add her voice: a new version of the consent, signed and given
    consents = ConsentService(db)
    amended = consents.amend(
        face.id,
        replace(
            face.terms,
            modalities=(Modality.FACE_LIKENESS, Modality.VOICE),
            specific_use_description=face.terms.specific_use_description
            + " AI voice of Shen Yao's letters scene in episode 3.",
        ),
        face.row_version,
    )
    amended = consents.get(amended.id)
    consents.attach_evidence(
        amended.id, EvidenceFile(b"%PDF-1.4 voice rider signed", original_name="rider.pdf")
    )
    amended = consents.get(amended.id)
    consents.record_decision(
        amended.id,
        ArtistDecision(DecisionOutcome.GIVEN, "林晓", datetime.now(UTC)),
        amended.row_version,
    )

    # the re-check no longer finds it, and says so
    second = service.run_check(proposal.id)
    assert not [f for f in second.findings if f.finding.rule_id == "R3"]
    diff = service.diff(second.id)
    assert [(f.finding.rule_id, f.finding.line) for f in diff.resolved] == [("R3", VOICE_LINE)]
    assert all(f.change is FindingChange.UNCHANGED for f in second.findings)
    assert second.worst is None or second.worst.rank < Severity.BLOCK.rank

    # the manager records the agency's advice and the artist's decision, then answers
    p = service.get(proposal.id)
    p = service.transition(p.id, ProposalStatus.UNDER_REVIEW, p.row_version)
    p = service.transition(p.id, ProposalStatus.WITH_ARTIST, p.row_version)
    p = service.record_recommendation(
        p.id,
        lin.id,
        AgencyRecommendation(Recommendation.RECOMMEND, "周敏 Zhou Min", datetime.now(UTC)),
        p.row_version,
    )
    p = service.record_decision(
        p.id,
        lin.id,
        ArtistDecisionOnProposal(ArtistAnswer.ACCEPT, "林晓", datetime.now(UTC)),
        p.row_version,
    )
    outcome = service.accept(p.id, p.row_version, create_consents=False)
    assert outcome.proposal.status is ProposalStatus.ACCEPTED
    (row,) = [r for r in service.list() if r.id == p.id]
    assert row.status is ProposalStatus.ACCEPTED
    assert AuditService(db).verify().intact
