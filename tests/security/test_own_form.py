"""Our own statements, read without pyHanko, get exactly the answer pyHanko's reader gives.

`own_form` reads a file in exactly the form our statements take and declines anything else;
the verifier then reads it with pyHanko, as before. The proof that this is one verdict, not
two: for every file we can get — statements made the ways the app makes them (English and
Chinese, every kind, several pages, superseded, withdrawn and historical copies, two
identities), every file of the attack suite, the public corpus (pyHanko's, and EU DSS's when
present) and random damage to a genuine statement — own-form either declines, or the result
is identical in full (its JSON and the record) to the one read with pyHanko; and no statement
we make is declined.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from models.clock import utc_now
from models.consent.words import ConsentState, Modality
from models.roster.artist import Stance
from models.statements.record import StatementKind
from models.statements.register import StatementRegister
from reports.public_register import export_public_register
from reports.statements.layout import render_statement
from reports.statements.service import StatementRequest, StatementService
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verification import pdf_parts, signed_file
from reports.verification.own_form import read_own_form
from reports.verify import VerifyResult, verify_statement
from tests.reports.statement_data import (
    SHANGHAI,
    consent_world,
    grant,
    issuer_for,
    make_identity_folder,
    record_for,
    revoked_record,
    unlock_from,
)
from tests.security.attacks import ATTACKS
from tests.security.test_public_corpus import ENTRIES, location

NOBODY = "00" * 32


def by_pyhanko(data: bytes, **kw: Any) -> VerifyResult:
    with mock.patch.object(signed_file, "read_own_form", return_value=None):
        return verify_statement(data, seen_file=None, **kw)


def both_ways(data: bytes, **kw: Any) -> bool:
    """Whether own-form read `data` (and then answered exactly as the pyHanko path does)."""
    reference = by_pyhanko(data, **kw)
    if read_own_form(data) is None:
        return False
    # pyHanko's reader is not to be reached at all: reaching it turns into a different answer
    refused = AssertionError("pyHanko's reader was used")
    with mock.patch.object(pdf_parts, "PyHankoParts", side_effect=refused):
        answer = verify_statement(data, seen_file=None, **kw)
    assert answer.to_json() == reference.to_json()
    assert answer.record == reference.record
    return True


def many_grants(as_of: datetime, count: int = 24) -> ConsentState:
    """Enough consents for a statement of several pages."""
    modalities = list(Modality)
    grants = tuple(
        grant(100 + i, modalities[i % len(modalities)], 10 + i, f"项目 {i} (Project {i})")
        for i in range(count)
    )
    return ConsentState(7, as_of, Stance.OPEN_TO_DISCUSS, grants, (revoked_record(as_of),))


@pytest.fixture(scope="module")
def made(unlocked, tmp_path_factory) -> dict[str, tuple[bytes, str]]:
    """Statements as our signing makes them: name → (PDF, the signer's fingerprint)."""
    scratch = tmp_path_factory.mktemp("other-identity")
    other = unlock_from(make_identity_folder(scratch), scratch)
    now = datetime.now(SHANGHAI)
    position, non_auth = StatementKind.POSITION, StatementKind.NON_AUTHORISATION
    variants: dict[str, tuple[Any, dict[str, Any]]] = {
        "position en": (unlocked, {"kind": position, "languages": ("en",)}),
        "position zh": (unlocked, {"kind": position, "languages": ("zh",)}),
        "position en+zh": (unlocked, {"kind": position}),
        "non-authorisation en+zh": (unlocked, {"kind": non_auth}),
        "revocation zh": (unlocked, {"kind": StatementKind.REVOCATION, "languages": ("zh",)}),
        "project certificate": (unlocked, {"kind": StatementKind.PROJECT_CERTIFICATE}),
        "historical copy": (unlocked, {"as_of": now - timedelta(days=40)}),
        "several pages": (unlocked, {"state": many_grants(now), "listings": ("A", "B", "C")}),
        "another identity": (other, {"languages": ("en",)}),
        "another identity zh": (other, {"kind": non_auth, "languages": ("zh",)}),
    }
    logo = scratch / "logo.png"
    Image.new("RGB", (120, 60), (170, 20, 40)).save(logo)
    variants["letterhead logo"] = (unlocked, {"languages": ("zh", "en")})
    out: dict[str, tuple[bytes, str]] = {}
    for name, (identity, options) in variants.items():
        record = record_for(identity, issuer=issuer_for(identity), **options)
        rendered = render_statement(record, logo=logo if "logo" in name else None)
        pdf = sign_statement(rendered, record, pyhanko_signer(identity))
        out[name] = (pdf, identity.identity.fingerprint)
    assert b"/Subtype /Image" in out["letterhead logo"][0]
    return out


def test_every_statement_we_sign_is_read_without_pyhanko_with_the_same_answer(made):
    for name, (pdf, fp) in made.items():
        for confirm in ({}, {"fingerprints": (fp,)}, {"fingerprints": (NOBODY,)}):
            assert both_ways(pdf, **confirm), f"{name} declined"
        assert by_pyhanko(pdf, fingerprints=(fp,)).exit_code == 0, name
    assert len(PdfReader(io.BytesIO(made["several pages"][0])).pages) >= 4


def test_statements_the_service_issues_withdraws_and_supersedes(signing_db, unlocked, tmp_path):
    world = consent_world(signing_db)
    service = StatementService(signing_db, unlocked, zone=SHANGHAI)
    record = world.give([Modality.FACE_LIKENESS, Modality.VOICE])
    requests = {
        "first": StatementRequest(world.artist.id),
        "certificate": StatementRequest(
            world.artist.id, kind=StatementKind.PROJECT_CERTIFICATE, project_id=world.project_id
        ),
        "superseding zh": StatementRequest(world.artist.id, languages=("zh",)),
    }
    files = {name: service.export(r, tmp_path / f"{name}.pdf").path for name, r in requests.items()}
    world.revoke(record)
    later = {
        "revocation": StatementRequest(world.artist.id, kind=StatementKind.REVOCATION),
        "historical": StatementRequest(world.artist.id, as_of=utc_now() - timedelta(days=2)),
        "withdrawn": StatementRequest(
            world.artist.id, kind=StatementKind.NON_AUTHORISATION, languages=("en",)
        ),
    }
    issued = {name: service.export(r, tmp_path / f"{name}.pdf") for name, r in later.items()}
    files.update({name: e.path for name, e in issued.items()})
    StatementRegister(signing_db).withdraw(issued["withdrawn"].statement.id, "Wrong artist")
    public = tmp_path / "public"
    export_public_register(signing_db, service.identity, public)
    fp = (unlocked.identity.fingerprint,)
    statuses = set()
    for name, path in files.items():
        data = path.read_bytes()
        for where in (
            {"db": signing_db},
            {"register_folder": public, "fingerprints": fp},
            {"register_folder": tmp_path, "fingerprints": fp},  # the published statements
        ):
            assert both_ways(data, **where), name
        statuses.add(verify_statement(data, db=signing_db, seen_file=None).status)
    assert {"current", "superseded", "revoked", "historical"} <= statuses


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_each_attacked_statement_is_declined_or_answered_alike(made, attack):
    accepted = 0
    for name in ("position en+zh", "another identity zh"):
        pdf, fp = made[name]
        attacked = ATTACKS[attack](pdf)
        accepted += both_ways(attacked, fingerprints=(fp,))
        both_ways(attacked)
        assert by_pyhanko(attacked, fingerprints=(fp,)).exit_code == 1
    if attack.startswith(("incremental update: page overlay", "shadow", "truncated to the")):
        assert accepted  # revisions added or cut are still our form: read, and refused


def test_the_public_corpus_is_declined_or_answered_alike():
    present = [location(e) for e in ENTRIES if location(e).is_file()]
    assert present, "the corpus committed in the repository is missing"
    read = sum(both_ways(path.read_bytes()) for path in present)
    assert 0 < read < len(present)  # pyHanko's own test files include some in a form like ours


def _apply(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, new in edits:
        at = at % (len(data) + 1)
        if kind == "replace":  # same length: every offset stays right
            data = data[:at] + new + data[at + len(new) :]
        elif kind == "digit":  # a number changed in place
            digit = str(new[0] % 10).encode()
            data = data[:at] + digit + data[at + 1 :] if data[at : at + 1].isdigit() else data
        elif kind == "insert":
            data = data[:at] + new + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(new) :]
        else:
            data = data[:at]
    return data


def _structure(pdf: bytes) -> list[int]:
    """Offsets outside stream data and the signature value: where the form is decided."""
    skip: list[tuple[int, int]] = []
    at = 0
    while (start := pdf.find(b"stream", at)) >= 0:
        end = pdf.find(b"endstream", start + 6)
        if end < 0:
            break
        if pdf[start - 3 : start] != b"end":
            skip.append((start + 6, end))
        at = end + 9
    gap = pdf.find(b"/Contents <")
    skip.append((gap + 80, pdf.find(b">", gap) - 40))
    return [i for i in range(len(pdf)) if not any(a <= i < b for a, b in skip)]


SPECIAL = b" \r\n\t\x00()<>[]{}/%#\\0123456789RnobjftexrailsP+-."
edit = st.tuples(
    st.sampled_from(["replace", "replace", "digit", "digit", "insert", "delete", "truncate"]),
    st.integers(min_value=0, max_value=10**7),
    st.binary(min_size=1, max_size=3) | st.sampled_from([bytes([c]) for c in SPECIAL]),
)


@pytest.fixture(scope="module")
def genuine(made) -> tuple[bytes, str, list[int]]:
    pdf, fp = made["position en+zh"]
    return pdf, fp, _structure(pdf)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(edit, min_size=1, max_size=3), structural=st.booleans())
def test_damage_never_makes_own_form_raise_nor_answer_otherwise(genuine, edits, structural):
    pdf, fp, offsets = genuine
    if structural:  # aimed at the objects, tables and trailers rather than at stream data
        edits = [(kind, offsets[at % len(offsets)], new) for kind, at, new in edits]
    damaged = _apply(pdf, edits)
    read = both_ways(damaged, fingerprints=(fp,))  # never raises; alike when it reads
    event("read by own-form" if read else "declined")


def test_own_form_answers_from_the_bytes_only(made):
    pdf, _ = made["position zh"]
    parts = read_own_form(pdf)
    assert parts is not None
    [signature] = parts.signatures()
    assert parts.certification_level(signature) == 1 and signature.sub_filter
    assert parts.record() is not None and b'"statement_id"' in parts.record()
    assert set(parts.keywords()) == {"record-sha256", "page-content-sha256"}


def _last_trailer(pdf: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The newest trailer changed (it follows every object, so no offset moves)."""
    at = pdf.rindex(b"trailer")
    return pdf[:at] + change(pdf[at:])


def _newest_xref(pdf: bytes) -> int:
    return int(pdf.rsplit(b"startxref", 1)[1].split()[0])


def _moved_offset(pdf: bytes) -> bytes:
    """The newest table's first object offset moved by one byte (its last digit changed)."""
    entry = pdf.index(b" 00000 n", _newest_xref(pdf)) - 10
    digit = pdf[entry + 9] - ord("0")
    return pdf[: entry + 9] + str((digit + 1) % 10).encode() + pdf[entry + 10 :]


FORMS_NOT_OURS: dict[str, Callable[[bytes], bytes]] = {
    "encrypted": lambda pdf: _last_trailer(
        pdf, lambda t: t.replace(b"<<", b"<< /Encrypt 1 0 R", 1)
    ),
    "hybrid (/XRefStm)": lambda pdf: _last_trailer(
        pdf, lambda t: t.replace(b"<<", b"<< /XRefStm 9 ", 1)
    ),
    "/Prev loop": lambda pdf: _last_trailer(
        pdf, lambda t: re.sub(rb"/Prev \d+", b"/Prev %d" % _newest_xref(pdf), t)
    ),
    "startxref not at a table": lambda pdf: pdf.replace(
        b"startxref\n%d" % _newest_xref(pdf), b"startxref\n%d" % (_newest_xref(pdf) - 2)
    ),
    "an object freed": lambda pdf: (
        pdf[: _newest_xref(pdf)] + pdf[_newest_xref(pdf) :].replace(b" 00000 n", b" 00000 f", 1)
    ),
    "an object off its offset": lambda pdf: _moved_offset(pdf),
    "a repeated key": lambda pdf: _last_trailer(pdf, lambda t: t.replace(b"<<", b"<< /Size 1", 1)),
    "no header": lambda pdf: b"%PDX" + pdf[4:],
    "text past %%EOF": lambda pdf: pdf + b"% a comment",
}


@pytest.mark.parametrize("form", list(FORMS_NOT_OURS))
def test_a_file_in_another_form_is_declined_and_read_with_pyhanko(made, form):
    pdf, fp = made["position en"]
    changed = FORMS_NOT_OURS[form](pdf)
    assert changed != pdf
    assert read_own_form(changed) is None
    assert not both_ways(changed, fingerprints=(fp,))
    assert by_pyhanko(changed, fingerprints=(fp,)).exit_code in (1, 2)


def test_a_statement_file_verifies_without_pyhankos_reader(made, tmp_path: Path):
    pdf, fp = made["position en"]
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    with mock.patch.object(pdf_parts, "PyHankoParts", side_effect=AssertionError):
        assert verify_statement(path, fingerprints=(fp,), seen_file=None).exit_code == 0
