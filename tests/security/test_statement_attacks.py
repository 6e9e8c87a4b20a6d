"""Every published PDF-signature attack on a statement we signed is refused (exit 1).

The signer is confirmed (fingerprint given), so only the attack itself can make the answer
anything but 0: none may verify.
"""

from __future__ import annotations

import pytest

from models.statements.record import StatementKind
from reports.statements.layout import render_statement
from reports.statements.signing import pyhanko_signer, sign_statement
from reports.verify import EXIT_INVALID, EXIT_VALID, verify_statement
from tests.reports.statement_data import issuer_for, record_for
from tests.security.attacks import ATTACKS

VARIANTS = {
    "position-en": (StatementKind.POSITION, ("en",)),
    "position-zh": (StatementKind.POSITION, ("zh",)),
    "position-en+zh": (StatementKind.POSITION, ("en", "zh")),
    "non-authorisation-en+zh": (StatementKind.NON_AUTHORISATION, ("en", "zh")),
}


@pytest.fixture(scope="module", params=list(VARIANTS))
def signed(request, unlocked):
    kind, languages = VARIANTS[request.param]
    record = record_for(unlocked, kind=kind, languages=languages, issuer=issuer_for(unlocked))
    return sign_statement(render_statement(record), record, pyhanko_signer(unlocked))


def test_the_genuine_statement_verifies(signed, unlocked):
    result = verify_statement(signed, fingerprints=(unlocked.identity.fingerprint,))
    assert result.exit_code == EXIT_VALID, result.problems


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_is_refused(signed, unlocked, name):
    attacked = ATTACKS[name](signed)
    assert attacked != signed
    result = verify_statement(attacked, fingerprints=(unlocked.identity.fingerprint,))
    assert result.exit_code == EXIT_INVALID, (name, result.problems)
    assert result.problems and not result.trusted
    unconfirmed = verify_statement(attacked)
    assert unconfirmed.exit_code == EXIT_INVALID, (name, unconfirmed.problems)
