"""Verify one statement in-process beside pyHanko's own `validate_pdf_signature` on the same
file (same run), and a crafted CMS answered with bounded work.

Target (issues 14 and 21): our verify ≤ 4× pyHanko's validation; any input answered within 2 s.
Figures are reported by pytest-benchmark (`make bench`), not asserted.
"""

from __future__ import annotations

import io
import logging

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verification.cms_check import check_cms
from reports.verify import EXIT_VALID, verify_statement
from tests.reports.statement_data import quick_identity, record_for
from tests.security.test_verify_bounds import _nested_token, _signed_cms

GROUP = "verify one statement: ours vs pyHanko validate_pdf_signature"


@pytest.fixture(scope="module")
def identity():
    return quick_identity("Starlight Talent & Co.")


@pytest.fixture(scope="module")
def statement(identity):
    record = record_for(identity)
    return sign_statement(render_statement(record), record, pyhanko_signer(identity))


def test_our_verify(benchmark, statement, identity):
    benchmark.group = GROUP
    fp = (identity.identity.fingerprint,)
    result = benchmark.pedantic(
        lambda: verify_statement(statement, fingerprints=fp), rounds=50, warmup_rounds=3
    )
    assert result.exit_code == EXIT_VALID


def test_pyhanko_validate_pdf_signature(benchmark, statement):
    benchmark.group = GROUP
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)

    def validate() -> object:
        sig = PdfFileReader(io.BytesIO(statement)).embedded_signatures[0]
        return validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))

    status = benchmark.pedantic(validate, rounds=50, warmup_rounds=3)
    assert status.intact  # type: ignore[attr-defined]


def test_crafted_nested_cms(benchmark, identity):
    benchmark.group = "crafted CMS (nested timestamp tokens): bounded refusal"
    der, signed = _signed_cms(identity)
    crafted = _nested_token(der, 35)  # about 53 KB, as reported
    outcome = benchmark.pedantic(
        lambda: check_cms(crafted, signed, exact_certificates=True), rounds=20
    )
    assert outcome.problems
