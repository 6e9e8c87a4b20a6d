"""Every crash the fuzzers found, as a fixed input.

An open crash is a strict xfail with an entry in known_bugs.py until it is fixed; then the
marker and the entry go together and the input stays here as a regression test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import UserError
from models.roster.io import preview
from tests.fuzz.known_bugs import KNOWN

CORPUS = Path(__file__).with_name("corpus")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf\xa2\xdd\x7f\x89a", id="utf8-bom-then-invalid-utf8"),
        pytest.param(b"\xff\xfen", id="utf16-bom-odd-length"),
        pytest.param("native_name\n林晓\n".encode("utf-16")[:-1], id="utf16-truncated"),
    ],
)
def test_damaged_csv_text_is_a_user_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    with pytest.raises(UserError):
        preview(path)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (CORPUS / "roster").glob("*.xlsx")) or ["(none)"]
)
def test_damaged_xlsx_is_a_user_error(name: str) -> None:
    with pytest.raises(UserError):
        preview(CORPUS / "roster" / name)


def test_consent_json_that_is_not_utf8_is_a_user_error(tmp_path: Path) -> None:
    from models.consent.consent_file import read_inputs

    path = tmp_path / "consent.json"
    path.write_bytes(b"\x80")
    with pytest.raises(UserError):
        read_inputs(path, lambda _artist_id: "CN")


def test_every_known_bug_is_documented() -> None:
    assert all(b.summary and b.where.startswith(("models/", "reports/")) for b in KNOWN)


def test_only_listed_crashes_are_let_through() -> None:
    """The allowance is narrow: a new crash, or one elsewhere, still fails the fuzzers."""
    from tests.fuzz.known_bugs import allow_known

    with pytest.raises(ZeroDivisionError), allow_known():
        _ = 1 / 0
    with pytest.raises(UserError), allow_known():
        raise UserError("error.roster.io.name_empty", name="the documented answer")
    with pytest.raises(UnicodeDecodeError), allow_known():
        b"\xff".decode("utf-8")  # same type as a listed bug, but not raised in its function
