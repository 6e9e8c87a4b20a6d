"""Check a statement PDF offline: is it the agency's, unchanged, and does the agency stand by it.

Anyone can run this (a journalist has no database): the answer comes from the file alone,
plus what confirms the signer — a certificate the reader trusts (`--trust`), the agency's
published SHA-256 fingerprint (`--fingerprint`) or this desk's own identity — and, when given,
this desk's register or the agency's published register. A damaged or tampered file is an
answer ("not authentic", with the reasons), never an exception.

Nothing here trusts a PDF library's idea of coverage (published attacks fool them):
`verification.structure` checks on the raw bytes that the file is one signed revision and
nothing else, `verification.cms_check` checks the signature on its original bytes with bounded
work, and `verification.pdf_parts` reads the signed record, keywords and page content.
This module imports no signing, layout, network or database code (the database only when
this desk's register is asked).

Verdicts and exit codes:
0 intact, signed by a confirmed agency key, current as far as known;
1 not authentic (tampered, forged, wrong key, page and record disagree);
2 unusable input; 3 intact but the signer is not confirmed; 4 authentic but withdrawn or
superseded according to the register.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography import x509
from cryptography.x509.oid import ExtensionOID

from models.certificates import (
    fingerprint,
    fingerprint_display,
    is_self_signed,
    issued_by,
    parse_fingerprint,
    subject_name,
)
from models.errors import UserError
from models.messages import phrase, render
from models.statements.record import RECORD_FILE_NAME, StatementStatus, parse_record
from reports.verification import pdf_parts
from reports.verification.cms_check import check_cms
from reports.verification.register import (
    RegisterUnreadable,
    default_seen_file,
    is_register_folder,
    read_register,
    remember_sequence,
)
from reports.verification.structure import byte_range_problems, oversized_signature_value

if TYPE_CHECKING:
    from models.statements.record import RegisterEntry
    from models.statements.register import RegisteredStatement
    from models.storage.database import Database

log = logging.getLogger("consent_desk.verify")
# pyHanko warns about odd files through its loggers; with no log file set up (the command
# line), Python would print those to stderr. They go to the app's log when there is one.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_UNCONFIRMED = 3
EXIT_WITHDRAWN = 4

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_RECORD_BYTES = 4 * 1024 * 1024
IDENTITY_CERTIFICATE = Path("identity") / "certificate.pem"  # as in models/identity.py

HISTORICAL_LABEL = "Historical copy — as of {as_of}; not the agency's current position"


@dataclass(frozen=True)
class Confirmation:
    """What the reader accepts as the agency's key (any one is enough)."""

    certificate: x509.Certificate | None = None  # --trust (the agency's or its CA's)
    fingerprints: frozenset[str] = frozenset()  # --fingerprint, lowercase hex
    own_fingerprint: str | None = None  # this desk's identity

    @property
    def given(self) -> bool:
        return self.certificate is not None or bool(self.fingerprints)


@dataclass(frozen=True)
class VerifyResult:
    """The answer for one file (the JSON of `statement verify --json`)."""

    readable: bool
    valid: bool  # authentic: intact, consistent, and (if a trust anchor was given) that signer
    intact: bool
    trusted: bool  # the signer is confirmed
    self_signed: bool | None
    signer: str | None
    fingerprint: str | None
    signed_at: str | None
    statement_id: str | None
    kind: str | None
    artist: str | None
    as_of: str | None
    record_sha256: str | None
    in_register: bool | None  # None: no register was consulted
    status: str | None
    superseded: bool | None
    superseded_by: str | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    confirmed_by: str | None = None
    historical: bool = False
    page_text_bound: bool | None = None  # None: an older statement without a page digest
    register_sequence: int | None = None
    register_older_than: int | None = None  # the higher sequence already seen
    record: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def withdrawn(self) -> bool:
        return self.status == StatementStatus.REVOKED.value

    @property
    def exit_code(self) -> int:
        if not self.readable:
            return EXIT_UNREADABLE
        if not self.valid:
            return EXIT_INVALID
        if not self.trusted:
            return EXIT_UNCONFIRMED
        if self.withdrawn or self.superseded:
            return EXIT_WITHDRAWN
        return EXIT_VALID

    @property
    def verdict(self) -> str:
        return {
            EXIT_VALID: "authentic",
            EXIT_INVALID: "not_authentic",
            EXIT_UNREADABLE: "unusable",
            EXIT_UNCONFIRMED: "signer_not_confirmed",
            EXIT_WITHDRAWN: "withdrawn" if self.withdrawn else "superseded",
        }[self.exit_code]

    def headline(self, language: str = "en") -> str:
        """The first line a person reads: the verdict in words ("en" or "zh")."""
        code = self.exit_code
        key: str = "verify.authentic"
        values: dict[str, Any] = {}
        if code == EXIT_UNREADABLE:
            key = "verify.unusable"
        elif code == EXIT_INVALID:
            key = "verify.not_authentic"
        elif code == EXIT_UNCONFIRMED:
            key = "verify.unconfirmed"
            values = {"fingerprint": fingerprint_display(self.fingerprint or "")}
        elif code == EXIT_WITHDRAWN and self.withdrawn:
            key = "verify.withdrawn"
        elif code == EXIT_WITHDRAWN:
            key = "verify.superseded"
            values = {"later": self.superseded_by or phrase("verify.a_later_statement")}
        elif self.historical:
            key, values = "verify.authentic_historical", {"as_of": self.as_of or ""}
        elif self.in_register and self.register_older_than is None:
            key = "verify.authentic_current"
        return render(key, language, values)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("record")
        out.pop("readable")
        out["problems"] = list(self.problems)
        out["notes"] = list(self.notes)
        out["exit_code"] = self.exit_code
        out["verdict"] = self.verdict
        out["withdrawn"] = self.withdrawn
        return out


def _empty(readable: bool, problem: str) -> VerifyResult:
    return VerifyResult(
        readable=readable,
        valid=False,
        intact=False,
        trusted=False,
        self_signed=None,
        signer=None,
        fingerprint=None,
        signed_at=None,
        statement_id=None,
        kind=None,
        artist=None,
        as_of=None,
        record_sha256=None,
        in_register=None,
        status=None,
        superseded=None,
        superseded_by=None,
        problems=(problem,),
    )


def load_trust_certificate(path: Path) -> x509.Certificate:
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
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
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
        pem = (files_dir / IDENTITY_CERTIFICATE).read_bytes()
        return fingerprint(x509.load_pem_x509_certificates(pem)[0])
    except (OSError, ValueError, IndexError):
        return None


class RegisterLookup(Protocol):
    """A desk's register as verification reads it (`StatementRegister`, `QuickRegister`)."""

    def find(self, statement_id: str, /) -> RegisterEntry | RegisteredStatement | None: ...


def _looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024] or b"%%EOF" in data[-2048:]


def verify_statement(
    pdf: Path | bytes,
    trust: x509.Certificate | None = None,
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
                return _empty(False, "The file is too large to be a statement.")
            data = pdf.read_bytes()
        except OSError as e:
            return _empty(False, f"The file cannot be read: {e.strerror or e}.")
    else:
        data = pdf
    if not data:
        return _empty(False, "The file is empty.")
    if len(data) > MAX_PDF_BYTES:
        return _empty(False, "The file is too large to be a statement.")
    if not _looks_like_pdf(data):
        return _empty(False, "This is not a PDF file.")
    confirm = Confirmation(trust, frozenset(fingerprints), own_fingerprint)
    seen: Path | None = default_seen_file() if seen_file is True else (seen_file or None)
    try:
        with _warnings_logged():
            result = _verify_bytes(data, confirm)
            if result.valid and (register is not None or register_folder is not None):
                result = _with_register(result, data, register, register_folder, seen)
    except Exception as e:  # anything a hostile file can trigger is a "not authentic" answer
        log.info("verification failed with %r", e)
        return _empty(True, f"The file is damaged or was altered (it cannot be checked: {e}).")
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


def _verify_bytes(data: bytes, confirm: Confirmation) -> VerifyResult:
    problems: list[str] = []
    notes: list[str] = []
    if oversized_signature_value(data):
        problems.append(
            "The file holds a signature value far larger than any statement's signature: "
            "it is not a signed statement."
        )
        return _result(problems, notes, None, None, None, None, confirm)
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    fields = pdf_parts.signature_fields(reader)
    if not fields:
        problems.append("The file carries no signature: it is not a signed statement.")
        record_bytes = pdf_parts.attachment(reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)
        return _result(problems, notes, record_bytes, None, None, None, confirm)
    if len(fields) > 1:
        problems.append("The file carries more than one signature; statements have exactly one.")
    sig = fields[0]
    contents = pdf_parts.string_bytes(sig.value.get("/Contents"))
    byte_range = sig.value.get("/ByteRange")
    if contents is None or not isinstance(byte_range, list):
        problems.append("The signature field holds no signature value.")
        return _result(problems, notes, None, None, None, None, confirm)
    ranges = [v if isinstance(v, int) and not isinstance(v, bool) else -1 for v in byte_range]
    problems.extend(byte_range_problems(data, ranges, bytes(contents)))
    signed_bytes = b""
    if len(ranges) == 4 and min(ranges) >= 0:
        first = data[ranges[0] : ranges[0] + ranges[1]]
        signed_bytes = first + data[ranges[2] : ranges[2] + ranges[3]]
    cms = check_cms(bytes(contents), signed_bytes, exact_certificates=True)
    problems.extend(cms.problems)
    signer = cms.signer
    if signer is None:
        return _result(problems, notes, None, None, None, None, confirm)
    if str(sig.value.get("/SubFilter", "")) not in ("/ETSI.CAdES.detached", "/adbe.pkcs7.detached"):
        problems.append("The signature is not a detached CMS signature.")
    if pdf_parts.certification_level(reader, sig) != 1:
        problems.append("The signature is not a certification that forbids every change.")
    record_bytes = pdf_parts.attachment(reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)
    keys = pdf_parts.keywords(reader)
    page_bound: bool | None = None
    expected_pages = keys.get(pdf_parts.PAGE_DIGEST_KEY)
    if expected_pages is not None:
        bound_to = hashlib.sha256(record_bytes).hexdigest() if record_bytes is not None else ""
        try:
            page_bound = pdf_parts.page_content_digest(reader, bound_to) == expected_pages
        except pdf_parts.StreamError as e:
            page_bound = False
            log.info("page content not readable: %s", e)
        if not page_bound:
            problems.append(
                "What the pages show is not what was signed with this record "
                "(the page content digest does not match)."
            )
    else:
        notes.append("Older statement: its page text is not bound to its record by a digest.")
    signed_at = cms.signing_time or pdf_parts.pdf_date(sig.value.get("/M"))
    self_signed = is_self_signed(signer)
    if signer.issuer == signer.subject and not self_signed:
        problems.append("The signer's certificate was altered: its own signature does not verify.")
    if signed_at is not None and not (
        signer.not_valid_before_utc <= signed_at <= signer.not_valid_after_utc
    ):
        problems.append("The statement was signed outside its certificate's validity period.")
    fp = fingerprint(signer)
    confirmed_by = _confirmed_by(signer, cms.certificates, confirm, signed_at)
    if confirm.given and confirmed_by is None:
        problems.append(
            "The statement was not signed with the certificate you trust "
            f"(signed by certificate {fingerprint_display(fp)})."
        )
    if confirmed_by is None and not confirm.given:
        if self_signed:
            notes.append(
                "The signer's certificate is self-signed: compare its SHA-256 fingerprint with "
                "the one the agency publishes (--fingerprint), or pass that certificate with "
                "--trust."
            )
        else:
            notes.append(
                "The signer's certificate was not checked against one you trust: pass the "
                "agency's certificate or its certificate authority's with --trust, or its "
                "fingerprint with --fingerprint."
            )
    result = _result(
        problems,
        notes,
        record_bytes,
        cms.intact and cms.valid,
        (subject_name(signer), fp, self_signed),
        signed_at.isoformat() if signed_at else None,
        confirm,
        keywords=keys,
        confirmed_by=confirmed_by,
    )
    return replace(result, page_text_bound=page_bound)


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        ext = cert.extensions.get_extension_for_oid(ExtensionOID.BASIC_CONSTRAINTS)
    except x509.ExtensionNotFound:
        return False
    return bool(ext.value.ca)  # type: ignore[attr-defined]


def _valid_at(cert: x509.Certificate, when: datetime | None) -> bool:
    return when is None or cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _confirmed_by(
    signer: x509.Certificate,
    carried: list[x509.Certificate],
    confirm: Confirmation,
    when: datetime | None,
) -> str | None:
    """How the signer is confirmed as the agency, or None."""
    fp = fingerprint(signer)
    if confirm.certificate is not None and fingerprint(confirm.certificate) == fp:
        return "certificate"
    if fp in confirm.fingerprints:
        return "fingerprint"
    if confirm.own_fingerprint is not None and confirm.own_fingerprint == fp:
        return "this desk's identity"
    anchor = confirm.certificate
    if anchor is None or not _is_ca(anchor):
        return None
    # A chain from the signer through the carried certificates up to the trusted authority.
    cert = signer
    for _ in range(8):
        if cert.issuer == anchor.subject and issued_by(cert, anchor):
            return "certificate authority" if _valid_at(anchor, when) else None
        parent = next(
            (
                c
                for c in carried
                if c is not cert and c.subject == cert.issuer and _is_ca(c) and issued_by(cert, c)
            ),
            None,
        )
        if parent is None or not _valid_at(parent, when):
            return None
        cert = parent
    return None


def _result(
    problems: list[str],
    notes: list[str],
    record_bytes: bytes | None,
    intact: bool | None,
    signer: tuple[str, str, bool] | None,
    signed_at: str | None,
    confirm: Confirmation,
    keywords: dict[str, str] | None = None,
    confirmed_by: str | None = None,
) -> VerifyResult:
    record: dict[str, Any] | None = None
    record_hash: str | None = None
    if record_bytes is None:
        problems.append(f"No {RECORD_FILE_NAME} record is attached: not a Consent Desk statement.")
    else:
        record_hash = hashlib.sha256(record_bytes).hexdigest()
        try:
            record = parse_record(record_bytes)
        except (ValueError, UnicodeDecodeError, RecursionError):
            problems.append(f"The attached {RECORD_FILE_NAME} is not a statement record.")
    if record is not None and record_hash is not None and signer is not None:
        named_hash = (keywords or {}).get("record-sha256")
        if named_hash != record_hash:
            problems.append("The attached record is not the one the statement was issued with.")
        issuer = record.get("issuer")
        named = str(issuer.get("signer_fingerprint_sha256", "")) if isinstance(issuer, dict) else ""
        if named != signer[1]:
            problems.append(
                "The statement names a different signing certificate than the one that signed it."
            )
    rec = record or {}
    subject = rec.get("subject", {})
    historical = bool(rec.get("historical"))
    if historical and not problems:
        notes.insert(0, HISTORICAL_LABEL.format(as_of=rec.get("as_of")))
    return VerifyResult(
        readable=True,
        valid=not problems,
        intact=bool(intact),
        trusted=confirmed_by is not None and not problems,
        self_signed=signer[2] if signer else None,
        signer=signer[0] if signer else None,
        fingerprint=signer[1] if signer else None,
        signed_at=signed_at,
        statement_id=_text(rec.get("statement_id")),
        kind=_text(rec.get("kind")),
        artist=_text(subject.get("display_name")) if isinstance(subject, dict) else None,
        as_of=_text(rec.get("as_of")),
        record_sha256=record_hash,
        in_register=None,
        status=None,
        superseded=None,
        superseded_by=None,
        problems=tuple(problems),
        notes=tuple(notes),
        confirmed_by=confirmed_by if not problems else None,
        historical=historical,
        record=record,
    )


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def _with_register(
    result: VerifyResult,
    data: bytes,
    register: RegisterLookup | None,
    folder: Path | None,
    seen: Path | None,
) -> VerifyResult:
    """Add what the agency's register (this desk's, or a published folder) says of this file."""
    problems = list(result.problems)
    notes = list(result.notes)
    file_sha = hashlib.sha256(data).hexdigest()
    in_register: bool | None = None
    status: str | None = None
    superseded_by: str | None = None
    sequence: int | None = None
    older_than: int | None = None
    confirmed_by = result.confirmed_by
    sid = result.statement_id
    if register is not None and sid:
        entry = register.find(sid)
        in_register = False
        if entry is None:
            notes.append(f"Statement {sid} is not in this desk's register.")
        elif entry.file_sha256 != file_sha:
            problems.append(
                f"Statement {sid} is in this desk's register, but this file differs from the "
                "registered copy."
            )
        else:
            in_register = True
            status = entry.status.value
            superseded_by = entry.superseded_by_id
            confirmed_by = confirmed_by or "this desk's register (the very file it issued)"
            if entry.status == StatementStatus.REVOKED:
                notes.append(f"The agency withdrew this statement: {entry.status_reason}")
    if folder is not None and sid:
        if confirmed_by is None:
            notes.append(
                f"The register in {folder} was not consulted: it only counts once the signer "
                "is confirmed (--trust or --fingerprint), since anyone can publish a register "
                "signed with their own key."
            )
        elif is_register_folder(folder):
            answer = _public_register(folder, sid, file_sha, result.fingerprint, seen)
            problems.extend(answer.problems)
            notes.extend(answer.notes)
            if answer.consulted:
                in_register = bool(in_register) or answer.found
                status = status or answer.status
                superseded_by = superseded_by or answer.superseded_by
                sequence, older_than = answer.sequence, answer.older_than
        else:
            found, later = _search_folder(folder, sid, file_sha, result.fingerprint)
            in_register = bool(in_register) or found
            if later and superseded_by is None:
                superseded_by = later
                status = status or StatementStatus.SUPERSEDED.value
            if not found and register is None:
                notes.append(f"Statement {sid} is not among the statements in {folder}.")
    if status is None and in_register:
        status = StatementStatus.CURRENT.value
    if result.historical and status == StatementStatus.CURRENT.value:
        status = "historical"
    valid = not problems
    return replace(
        result,
        valid=valid,
        trusted=valid and confirmed_by is not None,
        confirmed_by=confirmed_by if valid else None,
        in_register=in_register,
        status=status,
        superseded=superseded_by is not None or status == StatementStatus.SUPERSEDED.value,
        superseded_by=superseded_by,
        problems=tuple(problems),
        notes=tuple(notes),
        register_sequence=sequence,
        register_older_than=older_than,
    )


@dataclass(frozen=True)
class _RegisterAnswer:
    consulted: bool = False
    found: bool = False
    status: str | None = None
    superseded_by: str | None = None
    sequence: int | None = None
    older_than: int | None = None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _public_register(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None, seen: Path | None
) -> _RegisterAnswer:
    """What the agency's signed public register says of this file (signer already confirmed)."""
    try:
        register = read_register(folder)
    except RegisterUnreadable as e:
        return _RegisterAnswer(notes=(f"The register in {folder} was not used: {e}",))
    if register.fingerprint != signer_fp:
        return _RegisterAnswer(
            notes=(
                f"The register in {folder} is signed with certificate "
                f"{fingerprint_display(register.fingerprint)}, not the one that signed this "
                "statement; it cannot answer for it.",
            )
        )
    notes: list[str] = []
    older = remember_sequence(seen, register.fingerprint, register.sequence)
    if older is not None:
        notes.append(
            f"This register is older than one already seen (sequence {register.sequence or 0} "
            f"< {older}): the statement may have been withdrawn or replaced since."
        )
    entry = register.entry(statement_id)
    if entry is None:
        notes.append(
            f"Statement {statement_id} is not in the register in {folder} "
            f"(generated at {register.generated_at})."
        )
        return _RegisterAnswer(
            consulted=True, sequence=register.sequence, older_than=older, notes=tuple(notes)
        )
    if entry.get("file_sha256") != file_sha:
        problem = (
            f"Statement {statement_id} is in the register, but this file differs from the "
            "registered one."
        )
        return _RegisterAnswer(consulted=True, problems=(problem,), notes=tuple(notes))
    status = str(entry.get("status") or StatementStatus.CURRENT.value)
    later = entry.get("superseded_by")
    if status == StatementStatus.REVOKED.value:
        notes.append(f"The agency withdrew this statement (register of {register.generated_at}).")
    if older is not None and status == StatementStatus.CURRENT.value:
        status = "current in an older register"
    return _RegisterAnswer(
        consulted=True,
        found=True,
        status=status,
        superseded_by=str(later) if later else None,
        sequence=register.sequence,
        older_than=older,
        notes=tuple(notes),
    )


def _search_folder(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None
) -> tuple[bool, str | None]:
    """Is this exact file among the published statements, and does a later one supersede it?

    A statement only counts as superseding when it verifies and was made with the same
    certificate, so a forged file in the folder cannot retire a genuine statement.
    """
    found = False
    later: str | None = None
    try:
        files = sorted(p for p in folder.rglob("*.pdf") if p.is_file())
    except OSError:
        return False, None
    anchor = Confirmation(fingerprints=frozenset({signer_fp}) if signer_fp else frozenset())
    for path in files:
        try:
            if path.stat().st_size > MAX_PDF_BYTES:
                continue
            other = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(other).hexdigest() == file_sha:
            found = True
            continue
        if _claimed_supersedes(other) != statement_id:
            continue
        try:
            check = _verify_bytes(other, anchor)
        except Exception:  # a damaged file in the folder supersedes nothing
            continue
        if check.valid and check.trusted and not check.historical and check.statement_id:
            later = check.statement_id
    return found, later


def _claimed_supersedes(data: bytes) -> str | None:
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        reader = PdfFileReader(io.BytesIO(data), strict=False)
        raw = pdf_parts.attachment(reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)
        if raw is None:
            return None
        value = json.loads(raw.decode("utf-8"))
        sup = value.get("supersedes") if isinstance(value, dict) else None
        return str(sup) if sup else None
    except Exception:  # other files in the folder may be anything
        return None


__all__ = [
    "EXIT_INVALID",
    "EXIT_UNCONFIRMED",
    "EXIT_UNREADABLE",
    "EXIT_VALID",
    "EXIT_WITHDRAWN",
    "HISTORICAL_LABEL",
    "Confirmation",
    "VerifyResult",
    "load_trust_certificate",
    "own_identity_fingerprint",
    "read_fingerprint",
    "verify_statement",
]
