"""Check a statement PDF offline: is it the agency's, unchanged, and does the agency stand by it.

Anyone can run this (a journalist has no database): the answer comes from the file alone,
plus what confirms the signer — a certificate the reader trusts (`--trust`), the agency's
published SHA-256 fingerprint (`--fingerprint`) or this desk's own identity — and, when given,
this desk's register or the agency's published register. A damaged or tampered file is an
answer ("not authentic", with the reasons), never an exception.

Nothing here trusts a PDF library's idea of coverage (published attacks fool them):
`verification.structure` checks on the raw bytes that the file is one signed revision and
nothing else, `verification.cms_check` checks the signature on its original bytes with bounded
work, and the signed record, keywords and page content are read by `verification.own_form`
(a statement in exactly our own form, straight from its bytes) or else `verification.pdf_parts`
(any other file, with pyHanko's reader);
`verification.signed_file` composes the verdict of the file alone, `verification.register_answer`
adds what a register says, and `verification.result` is the answer. This module is the flow.
This module imports no signing, layout, network or database code (the database only when
this desk's register is asked).

Verdicts and exit codes:
0 intact, signed by a confirmed agency key, current as far as known;
1 not authentic (tampered, forged, wrong key, page and record disagree);
2 unusable input; 3 intact but the signer is not confirmed; 4 authentic but withdrawn or
superseded according to the register.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from models.certificates import (
    CERT_FILE,
    IDENTITY_FOLDER,
    Certificate,
    as_certificate,
    load_certificate,
    parse_fingerprint,
    read_pem_certificate,
)
from models.errors import UserError
from models.messages import Text
from reports.verification.register import default_seen_file
from reports.verification.register_answer import RegisterLookup, with_register
from reports.verification.result import (
    EXIT_INVALID,
    EXIT_UNCONFIRMED,
    EXIT_UNREADABLE,
    EXIT_VALID,
    EXIT_WITHDRAWN,
    Confirmation,
    VerifyResult,
    empty_result,
)
from reports.verification.signed_file import MAX_PDF_BYTES, MAX_RECORD_BYTES, verify_signed_file

if TYPE_CHECKING:
    from cryptography import x509

    from models.storage.database import Database

log = logging.getLogger("consent_desk.verify")
# pyHanko warns about odd files through its loggers; with no log file set up (the command
# line), Python would print those to stderr. They go to the app's log when there is one.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


def load_trust_certificate(path: Path) -> Certificate:
    """A certificate the reader trusts (PEM or DER); unreadable → UserError (exit 2)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(
            "error.reports.verify.cannot_read_certificate_path_value",
            path=path,
            value=e.strerror or e,
        ) from e
    try:
        return load_certificate(data)
    except ValueError as e:
        raise UserError("error.reports.verify.name_not_certificate_pem_der", name=path.name) from e


def read_fingerprint(text: str) -> str:
    """`--fingerprint` as people copy it (hex, colons or spaces); else UserError (exit 2)."""
    value = parse_fingerprint(text)
    if value is None:
        raise UserError("error.reports.verify.text_not_sha_fingerprint_hexadecimal", text=text)
    return value


def own_identity_fingerprint(files_dir: Path) -> str | None:
    """The fingerprint of this desk's signing certificate, if it has one."""
    try:
        pem = (files_dir / IDENTITY_FOLDER / CERT_FILE).read_bytes()
        return read_pem_certificate(pem).fingerprint
    except (OSError, ValueError):
        return None


def _looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024] or b"%%EOF" in data[-2048:]


def verify_statement(
    pdf: Path | bytes,
    trust: Certificate | x509.Certificate | None = None,
    db: Database | None = None,
    register_folder: Path | None = None,
    *,
    fingerprints: tuple[str, ...] = (),
    own_fingerprint: str | None = None,
    seen_file: Path | bool | None = True,
    register: RegisterLookup | None = None,
) -> VerifyResult:
    """Check one statement; never raises for a damaged or tampered file.

    `seen_file`: where the highest register sequence per agency is remembered (True: the
    desk's data folder; None or False: nowhere). `register`: this desk's register when it
    is read without `db` (`QuickRegister` on an SQLite file: no database layer loaded).
    """
    if register is None and db is not None:
        from models.statements.register import StatementRegister

        register = StatementRegister(db)
    if isinstance(pdf, Path):
        try:
            if pdf.stat().st_size > MAX_PDF_BYTES:
                return empty_result(False, Text("verify.problem.too_large"))
            data = pdf.read_bytes()
        except OSError as e:
            return empty_result(False, Text("verify.problem.unreadable", reason=e.strerror or e))
    else:
        data = pdf
    if not data:
        return empty_result(False, Text("verify.problem.empty"))
    if len(data) > MAX_PDF_BYTES:
        return empty_result(False, Text("verify.problem.too_large"))
    if not _looks_like_pdf(data):
        return empty_result(False, Text("verify.problem.not_pdf"))
    try:
        anchor = as_certificate(trust) if trust is not None else None
    except ValueError as e:
        raise UserError("error.reports.verify.name_not_certificate_pem_der", name="--trust") from e
    confirm = Confirmation(anchor, frozenset(fingerprints), own_fingerprint)
    seen: Path | None = None  # only a published register's sequence is remembered
    if register_folder is not None:
        seen = default_seen_file() if seen_file is True else (seen_file or None)
    try:
        with _warnings_logged():
            result = verify_signed_file(data, confirm)
            if result.valid and (register is not None or register_folder is not None):
                result = with_register(result, data, register, register_folder, seen)
    except Exception as e:  # anything a hostile file can trigger is a "not authentic" answer
        log.info("verification failed with %r", e)
        return empty_result(True, Text("verify.problem.damaged", detail=str(e)))
    log.info("verified: exit=%s statement=%s", result.exit_code, result.statement_id or "-")
    return result


@contextmanager
def _warnings_logged() -> Iterator[None]:
    """What the libraries warn about a hostile file (odd certificates, odd structure) goes to
    the log, not to the reader's terminal: the verdict and its reasons are the answer."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        log.info("while verifying: %s: %s", w.category.__name__, w.message)


__all__ = [
    "EXIT_INVALID",
    "EXIT_UNCONFIRMED",
    "EXIT_UNREADABLE",
    "EXIT_VALID",
    "EXIT_WITHDRAWN",
    "MAX_PDF_BYTES",
    "MAX_RECORD_BYTES",
    "Confirmation",
    "RegisterLookup",
    "VerifyResult",
    "load_trust_certificate",
    "own_identity_fingerprint",
    "read_fingerprint",
    "verify_statement",
]
