"""docs/upstream/pyhanko_coverage_repro.py, the reproducer of the pyHanko coverage report:
its altered files fool pyHanko 0.38's coverage check and are refused by ours.

If the first test fails, pyHanko has changed its coverage check: update
docs/upstream/pyhanko-coverage.md (and this test) with the version that fixed it.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from reports.verify import EXIT_INVALID, EXIT_UNCONFIRMED, verify_statement

STRUCTURE_REASON = {
    "length-sum overlay": "Content was added to the file after it was signed",
    "hex case": "the signature value is written differently",
}
REPRO = Path(__file__).resolve().parents[2] / "docs" / "upstream" / "pyhanko_coverage_repro.py"


@pytest.fixture(scope="module")
def repro() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pyhanko_coverage_repro", REPRO)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(repro, tmp_path_factory):
    from pyhanko.keys import load_cert_from_pemder

    key_path, cert_path = repro.self_signed(tmp_path_factory.mktemp("repro-key"))
    signed = repro.sign(repro.minimal_pdf(), key_path, cert_path)
    return {
        "signed": signed,
        "length-sum overlay": repro.length_sum_overlay(signed),
        "hex case": repro.hex_case(signed),
        "root": load_cert_from_pemder(str(cert_path)),
    }


@pytest.mark.parametrize("name", ["length-sum overlay", "hex case"])
def test_pyhanko_still_calls_the_altered_file_entire_file(files, name):
    reader = PdfFileReader(io.BytesIO(files[name]))
    sig = reader.embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[files["root"]]))
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE and status.intact
    if name == "length-sum overlay":
        assert reader.xrefs.total_revisions == 3 and sig.signed_revision == 2


@pytest.mark.parametrize("name", ["length-sum overlay", "hex case"])
def test_our_verify_refuses_the_reproducers_files(files, name):
    result = verify_statement(files[name], seen_file=None)
    assert result.exit_code == EXIT_INVALID
    assert not result.intact
    assert any(STRUCTURE_REASON[name] in p for p in result.problems), result.problems


def test_the_genuine_file_is_intact_for_our_checks_too(files):
    """Not a statement (no record, not certified), but its signature itself is found intact
    by our structure and CMS checks: only the altered files fail those."""
    result = verify_statement(files["signed"], seen_file=None)
    assert result.exit_code in (EXIT_INVALID, EXIT_UNCONFIRMED)
    assert not any("signed parts" in p or "written differently" in p for p in result.problems)
