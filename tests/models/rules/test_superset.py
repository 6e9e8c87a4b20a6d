"""Property: granting more (a superset consent) never raises a finding's severity.

"More" is: more modalities, uses, media and territories, a longer (still dated) term, fewer
content exclusions and alteration limits, and "any project of the counterparty" instead of
one project. The terms that describe how well a consent was made (counsel, separate
signature, compensation, data and revocation terms) stay as they are: changing them is not
"granting more". An open-ended term is not generated either: R11 flags it on purpose.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from models.consent.words import Modality, Use
from models.rules import Finding, Severity, check
from tests.models.rules.builders import (
    OTHER_PROJECT,
    PROJECT,
    artist,
    context,
    facts,
    record,
    terms,
    use,
    with_terms,
)

M = Modality
USED = [
    M.FACE_LIKENESS,
    M.VOICE,
    M.DE_AGING,
    M.DIGITAL_DOUBLE_CREATION,
    M.VOICE_TRANSLATION_DUBBING,
    M.BODY_LIKENESS,
]
MEDIA = ["streaming", "cinema", "tv"]
PLACES = ["CN", "HK", "TW", "US"]
EXCLUSIONS = ["nudity", "political", "violence", "alcohol_ads"]
LIMITS = ["Mandarin only.", "No de-aging.", "No new lines."]
SCENE = ((20, "A bloody fight at the election rally; she is naked."), (21, "Beer ads."))


def subset(items: list[Any], min_size: int = 0) -> st.SearchStrategy[list[Any]]:
    return st.lists(st.sampled_from(items), unique=True, min_size=min_size, max_size=len(items))


@st.composite
def widened(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """(base terms, superset terms) of one consent record."""
    mods = draw(subset([*USED, M.MODEL_TRAINING], 1))
    uses = draw(subset(list(Use), 1))
    media = draw(subset(MEDIA))
    places = draw(subset(PLACES))
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(-200, 200)))
    end = start + timedelta(days=draw(st.integers(0, 500)))
    exclusions = draw(subset(EXCLUSIONS))
    limits = draw(subset(LIMITS))
    project = draw(st.sampled_from([PROJECT, OTHER_PROJECT, None]))
    base = {
        "modalities": tuple(mods),
        "project_id": project,
        "uses": tuple(uses),
        "media": tuple(media),
        "territories": tuple(places),
        "term_start": start,
        "term_end": end,
        "content_exclusions": tuple(exclusions),
        "alteration_limits": " ".join(limits),
    }
    more_mods = mods + [m for m in draw(subset([*USED, M.MODEL_TRAINING])) if m not in mods]
    more_media = [] if draw(st.booleans()) else media + [m for m in MEDIA if draw(st.booleans())]
    more_places = places + [p for p in PLACES if p not in places and draw(st.booleans())]
    wider = {
        "modalities": tuple(more_mods),
        "project_id": project if draw(st.booleans()) else None,
        "uses": tuple(dict.fromkeys(uses + draw(subset(list(Use))))),
        "media": tuple(dict.fromkeys(more_media)),
        "territories": tuple(more_places),
        "term_start": start - timedelta(days=draw(st.integers(0, 300))),
        "term_end": end + timedelta(days=draw(st.integers(0, 300))),
        "content_exclusions": tuple(e for e in exclusions if draw(st.booleans())),
        "alteration_limits": " ".join(x for x in limits if draw(st.booleans())),
    }
    return base, wider


@st.composite
def proposals(draw: st.DrawFn) -> dict[str, Any]:
    quality = {
        "counsel_represented": draw(st.booleans()),
        "signed_separately": draw(st.booleans()),
        "specific_use_description": draw(st.sampled_from(["", "Any use.", "x" * 40])),
        "compensation_amount": draw(st.sampled_from([None, 1000])),
        "revocation_terms": draw(st.sampled_from(["", "30 days' notice."])),
        "deletion_on_end": draw(st.booleans()),
        "data_retention": draw(st.sampled_from(["", "Deleted after the term."])),
        "sublicensing_allowed": draw(st.booleans()),
    }
    base, wider = draw(widened())
    requested = terms(
        modalities=tuple(draw(subset(USED))),
        uses=tuple(draw(subset(list(Use), 1))),
        media=tuple(draw(subset(MEDIA))),
        territories=tuple(draw(subset(PLACES))),
        term_start=date(2026, 5, 1) + timedelta(days=draw(st.integers(0, 60))),
        term_end=date(2026, 8, 1) + timedelta(days=draw(st.integers(0, 400))),
    )
    script = [
        use(modality=m, line=20 + n, scene=2)
        for n, m in enumerate(draw(st.lists(st.sampled_from([*USED, None]), max_size=4)))
    ]
    return {
        "quality": quality,
        "base": base,
        "wider": wider,
        "requested": requested,
        "script": script,
        "jurisdiction": draw(st.sampled_from(["CN", "US-CA"])),
        "minor": draw(st.booleans()),
        "training": draw(st.booleans()),
        "retention": draw(st.booleans()),
    }


def _run(p: dict[str, Any], which: str) -> tuple[Finding, ...]:
    rec = with_terms(record(), **p["quality"], **p[which])
    who = artist(
        jurisdiction=p["jurisdiction"],
        date_of_birth=date(2012, 1, 1) if p["minor"] else date(1990, 1, 1),
        guardian="王丽" if p["minor"] else "",
    )
    ctx = context(
        [facts(who, [rec])],
        [p["requested"]],
        p["script"],
        scene_text={(1, 2): SCENE},
        model_training_requested=p["training"],
        retention_requested=p["retention"],
    )
    return check(ctx).findings


def _worst(findings: tuple[Finding, ...]) -> int:
    return max((f.severity.rank for f in findings), default=-1)


@settings(max_examples=120, deadline=None)
@given(proposals())
def test_granting_more_never_raises_a_severity(p: dict[str, Any]) -> None:
    before = _run(p, "base")
    after = _run(p, "wider")
    was = {f.key: f.severity for f in before}
    for f in after:
        if f.key in was:
            assert f.severity.rank <= was[f.key].rank, (f.rule_id, f.subject)
    assert _worst(after) <= _worst(before)


def test_the_property_can_fail() -> None:
    """Guard against a vacuous property: narrowing a consent does raise severities."""
    rec = record(modalities=(M.FACE_LIKENESS, M.VOICE))
    narrow = record(modalities=(M.FACE_LIKENESS,))
    demand = [use(modality=M.VOICE, line=7)]
    wide_findings = check(context([facts(records=[rec])], demands=demand)).findings
    narrow_findings = check(context([facts(records=[narrow])], demands=demand)).findings
    assert _worst(narrow_findings) > _worst(wide_findings)
    assert Severity.BLOCK in {f.severity for f in narrow_findings}
