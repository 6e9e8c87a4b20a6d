"""The machine-readable record: what a statement says, refusals, and what staleness compares."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.consent.words import ConsentState, Modality
from models.errors import UserError
from models.roster.artist import Stance
from models.statements.record import (
    Issuer,
    StatementKind,
    build_record,
    canonical_bytes,
    comparable,
    modality_part,
    parse_languages,
    parse_record,
    record_sha256,
)
from tests.reports.statement_data import ARTIST, SHANGHAI, grant, revoked_record, rich_state

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=SHANGHAI)
ISSUER = Issuer("Starlight", "星光经纪", "", "", "Starlight", "ab" * 32, True, "tester")


def record(kind: StatementKind = StatementKind.POSITION, **kw: object) -> dict:
    args = {
        "state": rich_state(NOW),
        "artist": ARTIST,
        "kind": kind,
        "issuer": ISSUER,
        "statement_id": "CDS-20261125-00000001",
        "languages": ("en", "zh"),
        "issued_at": NOW,
        "listings": ("Platform X",),
        "project_id": 5 if kind == StatementKind.PROJECT_CERTIFICATE else None,
    }
    args.update(kw)
    return build_record(**args)  # type: ignore[arg-type]


def test_position_record_says_what_is_and_is_not_authorised():
    r = record()
    status = {m["modality"]: m["status"] for m in r["modalities"]}
    assert {k for k, v in status.items() if v == "authorised"} == {
        "face_likeness",
        "voice",
        "de_aging",
    }
    assert {k for k, v in status.items() if v == "not_authorised"} == {
        m.value for m in Modality
    } - {"face_likeness", "voice", "de_aging"}
    face = next(m for m in r["modalities"] if m["modality"] == "face_likeness")
    assert face["grants"][0]["record_id"] == 11
    assert face["grants"][0]["term_end"] == "2027-12-31"
    assert r["listings"] == [{"platform": "Platform X", "meaning": "willingness_only"}]
    assert r["subject"]["display_name"] == "林晓 (Lin Xiao)"
    assert r["as_of"] == "2026-11-25T18:00:00+08:00"
    assert r["historical"] is False
    assert r["issuer"]["signer_fingerprint_sha256"] == "ab" * 32


def test_project_certificate_counts_any_project_grants_of_the_same_counterparty_only():
    state = rich_state(NOW)
    other = replace(grant(13, Modality.BODY_LIKENESS, project_id=None), counterparty_id=99)
    state = replace(state, grants=(*state.grants, other))
    r = record(StatementKind.PROJECT_CERTIFICATE, state=state)
    authorised = {m["modality"] for m in r["modalities"] if m["status"] == "authorised"}
    assert authorised == {"face_likeness", "voice", "de_aging"}  # not body (other company)
    assert r["scope"] == {
        "project_id": 5,
        "project": "长夜行 (Chang Ye Xing)",
        "counterparty": "星幕视频 (Xingmu Video)",  # whom the certificate authorises
    }


def test_refuses_statements_that_would_say_nothing_true():
    bare = ConsentState(7, NOW, Stance.DECLINED, (), ())
    with pytest.raises(UserError, match="No given consent covers project"):
        record(StatementKind.PROJECT_CERTIFICATE, state=bare)
    with pytest.raises(UserError, match="nothing to notify"):
        record(StatementKind.REVOCATION, state=bare)
    with pytest.raises(UserError, match="in the future"):
        record(state=replace(rich_state(NOW + timedelta(hours=1))))
    everything = replace(
        bare, grants=tuple(grant(1, m) for m in Modality), stance=Stance.OPTED_IN_WITH_CONDITIONS
    )
    with pytest.raises(UserError, match="position statement instead"):
        record(StatementKind.NON_AUTHORISATION, state=everything, listings=())


def test_revocation_notice_lists_revoked_records():
    r = record(StatementKind.REVOCATION)
    assert [x["record_id"] for x in r["revocations"]] == [9]
    # the reason is private: the record (attached to a public PDF) only says one was withheld
    assert r["revocations"][0]["reason"] == ""
    assert r["revocations"][0]["reason_withheld"] is True


def test_a_past_as_of_is_historical():
    past = NOW - timedelta(days=30)
    r = record(state=rich_state(past))
    assert r["historical"] is True
    assert r["as_of"].startswith("2026-10-26T18:00:00")


def test_canonical_json_is_stable_and_key_order_free():
    r = record()
    shuffled = json.loads(json.dumps(r, sort_keys=False))
    reordered = dict(reversed(list(shuffled.items())))
    assert canonical_bytes(reordered) == canonical_bytes(r)
    assert record_sha256(reordered) == record_sha256(r)
    assert parse_record(canonical_bytes(r)) == r
    with pytest.raises(ValueError):
        parse_record(b'{"record_type": "something else"}')


def test_comparable_ignores_names_but_sees_terms_and_records():
    state = rich_state(NOW)
    base = comparable(modality_part(state))
    renamed = replace(state, grants=tuple(replace(g, counterparty_name="X") for g in state.grants))
    assert comparable(modality_part(renamed)) == base
    longer = replace(
        state, grants=tuple(replace(g, term_end=date(2028, 1, 1)) for g in state.grants)
    )
    assert comparable(modality_part(longer)) != base
    fewer = replace(state, grants=state.grants[:1])
    assert comparable(modality_part(fewer)) != base


def test_revoked_record_is_kept_in_the_state_of_the_record():
    r = record()
    assert r["revocations"][0]["revoked_at"] == revoked_record(NOW).revoked_at.isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en", ("en",)),
        ("zh", ("zh",)),
        ("en,zh", ("en", "zh")),
        ("zh, en", ("zh", "en")),
        ("both", ("en", "zh")),
        ("zh-CN", ("zh",)),
        ("EN+ZH", ("en", "zh")),
    ],
)
def test_parse_languages(text, expected):
    assert parse_languages(text) == expected


@pytest.mark.parametrize("bad", ["", "fr", "en,fr", " , "])
def test_parse_languages_rejects(bad):
    with pytest.raises(UserError):
        parse_languages(bad)


@given(st.lists(st.sampled_from(["en", "zh", " EN", "zh ", "Zh"]), min_size=1, max_size=6))
def test_parse_languages_keeps_first_order_without_duplicates(parts):
    result = parse_languages(",".join(parts))
    firsts: list[str] = []
    for p in parts:
        if p.strip().lower() not in firsts:
            firsts.append(p.strip().lower())
    assert result == tuple(firsts)


def test_kind_aliases_and_unknown_kind():
    assert StatementKind.parse("position") is StatementKind.POSITION
    assert StatementKind.parse("project-certificate") is StatementKind.PROJECT_CERTIFICATE
    assert StatementKind.parse("non-authorization") is StatementKind.NON_AUTHORISATION
    assert StatementKind.parse("Revocation notice") is StatementKind.REVOCATION
    with pytest.raises(UserError, match="Unknown statement kind"):
        StatementKind.parse("press release")
