"""The CMS check answers every recorded signature as it did when the outcomes were measured
(tests/security/cms_equivalence.py): the same problems (catalogue codes and values), the
same intact / valid verdicts, signer, signing time and certificates — for our own
statements and register signatures, the statement attacks, structural and seeded byte
mutations of our signatures, and the public corpus's signed PDFs (skipped when absent).

And any damage to a genuine signature value — a byte flipped, cut short, a length changed —
is answered with a problem, never an exception."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.verification.cms_check import check_cms
from tests.security.cms_equivalence import case_input, comparable, load, measure

CASES, BLOBS, BASES = load()


def _ids(case: dict[str, Any]) -> str:
    return str(case["name"])


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_the_check_answers_as_recorded(case):
    found = case_input(case, BLOBS, BASES)
    if found is None:
        pytest.skip(f"{case['file']} not present (tests/security/corpus/SOURCES.md)")
    now = measure(*found)
    assert comparable(now["exact"]) == comparable(case["exact"])
    assert comparable(now.get("any", now["exact"])) == comparable(case.get("any", case["exact"]))


def test_the_record_covers_every_kind_of_problem():
    codes = {
        p[0] for c in CASES for key in ("exact", "any") for p in c.get(key, {}).get("problems", [])
    }
    assert codes >= {
        "verify.cms.extra_bytes",
        "verify.cms.not_strict_der",
        "verify.cms.unreadable",
        "verify.cms.not_signed_data",
        "verify.cms.several_signers",
        "verify.cms.unsigned_additions",
        "verify.cms.version_changed",
        "verify.cms.encoding_changed",
        "verify.cms.digest_list_changed",
        "verify.cms.content_description_changed",
        "verify.cms.digest_not_accepted",
        "verify.cms.no_certificate",
        "verify.cms.no_longer_names",
        "verify.cms.certificates_not_as_signed",
        "verify.cms.certificate_added",
        "verify.cms.no_signed_attributes",
        "verify.cms.attribute_values",
        "verify.cms.attributes_incomplete",
        "verify.cms.digest_mismatch",
        "verify.cms.value_mismatch",
    }
    genuine = [c for c in CASES if c["name"].startswith("statement ")]
    assert len(genuine) >= 6 and all(c["exact"]["valid"] for c in genuine)


# Our genuine signatures: statements (checked for the exact certificate set, as statement
# verification does) and register signatures (any certificate set, as the register's check).
GENUINE = [
    (BLOBS[c["contents"]], BLOBS[c["signed"]], c["name"].startswith("statement "))
    for c in CASES
    if c["name"].startswith("statement ") or c["name"] in ("register ec", "register rsa")
]


@st.composite
def damaged(draw: st.DrawFn) -> tuple[bytes, bytes, bytes, bool]:
    contents, signed, exact = draw(st.sampled_from(GENUINE))
    value = bytearray(contents)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(("flip", "cut", "insert", "delete", "length")))
        pos = draw(st.integers(0, max(len(value) - 1, 0)))
        if kind == "flip" and value:
            value[pos] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del value[pos:]
        elif kind == "insert":
            value[pos:pos] = bytes([draw(st.integers(0, 255))])
        elif kind == "delete" and value:
            del value[pos]
        elif kind == "length" and value:
            value[pos] = (value[pos] + draw(st.sampled_from((-1, 1, 0x80)))) % 256
    return bytes(value), contents, signed, exact


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damage_to_a_genuine_signature_never_raises_and_always_shows(case):
    """A problem, or — where a part no signature covers was changed: a carried certificate
    of a register signature or an authority's certificate — a different signer or
    certificate set, which the callers compare with the one they expect."""
    value, contents, signed, exact = case
    genuine = check_cms(contents, signed, exact_certificates=exact)
    assert genuine.problems == [] and genuine.intact and genuine.valid
    outcome = check_cms(value, signed, exact_certificates=exact)
    if value.rstrip(b"\x00") == contents.rstrip(b"\x00") and len(value) >= len(
        contents.rstrip(b"\x00")
    ):
        return  # only the zero padding of /Contents changed
    assert outcome.problems or (outcome.signer, outcome.certificates) != (
        genuine.signer,
        genuine.certificates,
    )
    if outcome.problems == [] and exact and genuine.signer is not None:
        assert genuine.signer.issuer != genuine.signer.subject  # only under an authority


def test_checking_a_signature_loads_no_asn1_library():
    """The check reads the signature with models.der; keys and signatures are cryptography's
    compiled core (no asn1crypto, no cryptography.x509)."""
    contents = GENUINE[0][0]
    code = (
        "import sys\n"
        "from reports.verification.cms_check import check_cms\n"
        f"out = check_cms(bytes.fromhex({contents.hex()!r}), b'', exact_certificates=True)\n"
        "assert out.signer is not None and out.valid\n"
        "print(','.join(m for m in sys.modules if m.startswith('asn1crypto')"
        " or m.startswith('cryptography.x509')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
