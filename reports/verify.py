"""Check a statement PDF offline: signed by whom, unchanged since, and what it says.

Anyone can run this (a journalist has no database): the answer comes from the file alone,
plus, when given, a certificate the reader trusts, the agency's register, the agency's signed
public register (reports/public_register.py) or a folder of its published statements. A
damaged or tampered file is an answer ("invalid", with the reasons), never an exception; only
a file that cannot be read at all is "unreadable".

What "valid" means here: the signature is cryptographically sound, covers every byte of the
file (nothing appended after signing), is the agency's certification signature that allows
no changes, and the attached record is the one the agency signed and names that signer.
Self-signed signers are reported with their fingerprint and are never called trusted unless
the reader passes that very certificate (`--trust`).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import cms
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from models.errors import UserError
from models.identity import fingerprint, is_self_signed, subject_name
from models.statements.record import RECORD_FILE_NAME, StatementStatus, parse_record
from models.statements.register import StatementRegister
from models.storage.database import Database
from reports.public_register import RegisterError, is_public_register, read_public_register

log = logging.getLogger("consent_desk.verify")

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


@dataclass(frozen=True)
class VerifyResult:
    """The answer for one file (the JSON of `statement verify --json`)."""

    readable: bool
    valid: bool
    intact: bool
    trusted: bool
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
    record: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def exit_code(self) -> int:
        if not self.readable:
            return EXIT_UNREADABLE
        return EXIT_VALID if self.valid else EXIT_INVALID

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("record")
        out.pop("readable")
        out["problems"] = list(self.problems)
        out["notes"] = list(self.notes)
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
        raise UserError(f"Cannot read the certificate {path}: {e.strerror or e}.") from e
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as e:
        raise UserError(
            f"{path.name} is not a certificate (PEM or DER).",
            f"{path.name} 不是证书文件（PEM 或 DER）。",
        ) from e


@contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs a traceback for every self-signed signer; that is an answer, not an error."""
    logger = logging.getLogger("pyhanko")
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)


def _looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024] or b"%%EOF" in data[-2048:]


def verify_statement(
    pdf: Path | bytes,
    trust: x509.Certificate | None = None,
    db: Database | None = None,
    register_folder: Path | None = None,
) -> VerifyResult:
    """Check one statement; never raises for a damaged or tampered file."""
    if isinstance(pdf, Path):
        try:
            data = pdf.read_bytes()
        except OSError as e:
            return _empty(False, f"The file cannot be read: {e.strerror or e}.")
    else:
        data = pdf
    if not data:
        return _empty(False, "The file is empty.")
    if not _looks_like_pdf(data):
        return _empty(False, "This is not a PDF file.")
    try:
        with _quiet_pyhanko():
            result = _verify_bytes(data, trust)
            if db is not None or register_folder is not None:
                result = _with_register(result, data, db, register_folder)
    except Exception as e:  # anything a hostile file can trigger is an "invalid" answer
        log.info("verification failed with %r", e)
        return _empty(True, f"The file is damaged or was altered (it cannot be checked: {e}).")
    log.info(
        "verified %s: valid=%s statement=%s", "bytes", result.valid, result.statement_id or "-"
    )
    return result


def _signed_attachment(reader: PdfFileReader, revision: int | None) -> bytes | None:
    """The `statement.json` bytes as of the signed revision (not any later one)."""
    root = reader.get_historical_root(revision) if revision is not None else reader.root
    try:
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        name = names[i]
        is_text = isinstance(name, generic.TextStringObject | generic.ByteStringObject)
        if is_text and str(name) == RECORD_FILE_NAME:
            spec = names[i + 1].get_object()
            stream = spec["/EF"]["/F"].get_object()
            data: bytes = stream.data
            return data
    return None


def _signed_keywords(reader: PdfFileReader, revision: int | None) -> str:
    try:
        resolver = reader.get_historical_resolver(revision) if revision is not None else reader
        info = resolver.trailer_view["/Info"].get_object()
        return str(info.get("/Keywords", ""))
    except (KeyError, TypeError, AttributeError):
        return ""


_HEX_GAP = re.compile(rb"<[0-9a-fA-F]*>")


def _padding_clean(sig: EmbeddedPdfSignature, data: bytes) -> bool:
    """The one unsigned part of the file is exactly the signature and its zero padding.

    PDF readers skip whitespace inside hex strings, so without this check a padding digit
    turned into a space would change the file without changing the signature.
    """
    start, first, second, _ = (int(x) for x in sig.byte_range)
    gap = data[start + first : second]
    if not _HEX_GAP.fullmatch(gap) or (len(gap) - 2) % 2:
        return False
    raw: bytes = sig.pkcs7_content
    _, _, _, header, contents, trailer = asn1_parser.parse(raw, strict=False)
    used = len(header) + len(contents) + len(trailer)
    return not raw[used:].strip(b"\x00")


def _cms_problem(sig: EmbeddedPdfSignature) -> str | None:
    """The parts of the CMS signature that its own signature does not cover must still be
    exactly what a signature of ours holds; otherwise bytes of the file changed unnoticed.

    Covered elsewhere: the signed attributes and the signature value (pyHanko), the signer's
    certificate (its key checks the signature; a self-signed one must verify itself).
    Here: strict DER throughout, one digest algorithm that is the signer's, detached data,
    no unsigned attributes or CRLs, and every embedded certificate exactly as encoded.
    """
    raw: bytes = sig.pkcs7_content
    _, _, _, header, contents, trailer = asn1_parser.parse(raw, strict=False)
    der = raw[: len(header) + len(contents) + len(trailer)]
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info.dump(force=True) != der:
            return "The signature is not encoded as signed (its bytes were changed)."
        signed = info["content"]
        signer_infos = signed["signer_infos"]
        if len(signer_infos) != 1:
            return "The signature holds more than one signer."
        signer = signer_infos[0]
        if signed["version"].native != "v1" or signer["version"].native != "v1":
            return "The signature's version numbers were changed."
        digest = signer["digest_algorithm"]["algorithm"].native
        if [a["algorithm"].native for a in signed["digest_algorithms"]] != [digest]:
            return "The signature's list of digest algorithms was changed."
        encap = signed["encap_content_info"]
        if encap["content_type"].native != "data" or encap["content"].native is not None:
            return "The signature's content description was changed."
        if signer["unsigned_attrs"].native or signed["crls"].native:
            return "The signature carries unsigned additions."
        certs = [c.chosen for c in signed["certificates"]]
        sid = signer["sid"]
        if sid.name != "issuer_and_serial_number":
            return "The signature no longer names the certificate it carries."
        named = [
            c
            for c in certs
            if c["tbs_certificate"]["issuer"].dump(force=True)
            == sid.chosen["issuer"].dump(force=True)
            and c.serial_number == sid.chosen["serial_number"].native
        ]
        if not named:
            return "The signature no longer names the certificate it carries."
        # Every certificate carried must be the signer's or an issuer on its chain, each
        # verifying the one below it: a changed copy or an extra certificate is refused.
        by_der = {
            c.dump(force=True): x509.load_der_x509_certificate(c.dump(force=True)) for c in certs
        }
        needed = {named[0].dump(force=True)}
        frontier = [by_der[named[0].dump(force=True)]]
        while frontier:
            cert = frontier.pop()
            if cert.issuer == cert.subject:
                continue  # a root: the chain ends here (it is checked against itself below)
            for der_bytes, candidate in by_der.items():
                if (
                    der_bytes not in needed
                    and candidate.subject == cert.issuer
                    and _issued_by(cert, candidate)
                ):
                    needed.add(der_bytes)
                    frontier.append(candidate)
        if set(by_der) - needed:
            return "A certificate inside the signature was changed or added."
        signer_cert = by_der[named[0].dump(force=True)]
        if signer_cert.issuer == signer_cert.subject and not _issued_by(signer_cert, signer_cert):
            return "The signer's certificate was altered: its own signature does not verify."
    except (ValueError, TypeError, KeyError) as e:
        return f"The signature cannot be read strictly ({e})."
    return None


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _verify_bytes(data: bytes, trust: x509.Certificate | None) -> VerifyResult:
    problems: list[str] = []
    notes: list[str] = []
    reader = PdfFileReader(io.BytesIO(data))
    sigs = reader.embedded_signatures
    record_bytes = None
    sig: EmbeddedPdfSignature | None = sigs[0] if sigs else None
    if sig is None:
        problems.append("The file carries no signature: it is not a signed statement.")
        record_bytes = _signed_attachment(reader, None)
        return _result(problems, notes, record_bytes, None, None, None, trusted=False)
    if len(sigs) > 1:
        problems.append("The file carries more than one signature; statements have exactly one.")
    trust_roots = (
        [asn1_x509.Certificate.load(trust.public_bytes(serialization.Encoding.DER))]
        if trust is not None
        else []
    )
    context = ValidationContext(
        trust_roots=trust_roots,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    status = validate_pdf_signature(sig, context)
    signer_cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    fp = fingerprint(signer_cert)
    if not status.intact:
        problems.append("The signed content was changed after signing (digest mismatch).")
    if not status.valid:
        problems.append("The signature value does not match the signed content.")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problems.append(
            "Content was added to the file after it was signed "
            "(the signature does not cover the whole file)."
        )
    if status.docmdp_ok is False:
        problems.append("Changes made after signing are not allowed by the certification.")
    if sig.docmdp_level != MDPPerm.NO_CHANGES:
        problems.append("The signature is not a certification that forbids every change.")
    if not _padding_clean(sig, data):
        problems.append("The signature field holds extra bytes after the signature.")
    cms_problem = _cms_problem(sig)
    if cms_problem is not None:
        problems.append(cms_problem)
    signed_revision = getattr(sig, "signed_revision", None)
    record_bytes = _signed_attachment(reader, signed_revision)
    keywords = _signed_keywords(reader, signed_revision)
    trusted = False
    if trust is not None:
        trusted = fingerprint(trust) == fp or bool(status.trusted)
        if not trusted:
            problems.append(
                "The statement was not signed with the certificate you trust "
                f"(signed by certificate {fp})."
            )
    self_signed = is_self_signed(signer_cert)
    if signer_cert.issuer == signer_cert.subject and not self_signed:
        # A certificate that names itself as issuer must carry its own valid signature; one
        # that does not was altered (the document signature alone would not show it).
        problems.append("The signer's certificate was altered: its own signature does not verify.")
    if self_signed and not trusted:
        notes.append(
            "The signer's certificate is self-signed: compare its SHA-256 fingerprint with "
            "the one the agency publishes, or pass that certificate with --trust."
        )
    elif not trusted:
        notes.append(
            "The signer's certificate was not checked against one you trust: pass the "
            "agency's certificate or its certificate authority's with --trust."
        )
    return _result(
        problems,
        notes,
        record_bytes,
        status.intact and status.valid,
        (subject_name(signer_cert), fp, self_signed),
        status.signer_reported_dt.isoformat() if status.signer_reported_dt else None,
        trusted=trusted,
        keywords=keywords,
    )


def _result(
    problems: list[str],
    notes: list[str],
    record_bytes: bytes | None,
    intact: bool | None,
    signer: tuple[str, str, bool] | None,
    signed_at: str | None,
    trusted: bool,
    keywords: str = "",
) -> VerifyResult:
    record: dict[str, Any] | None = None
    record_hash: str | None = None
    if record_bytes is None:
        problems.append(f"No {RECORD_FILE_NAME} record is attached: not a Consent Desk statement.")
    else:
        record_hash = hashlib.sha256(record_bytes).hexdigest()
        try:
            record = parse_record(record_bytes)
        except (ValueError, UnicodeDecodeError):
            problems.append(f"The attached {RECORD_FILE_NAME} is not a statement record.")
    if record is not None and record_hash is not None:
        if keywords and f"record-sha256={record_hash}" not in keywords:
            problems.append("The attached record is not the one the statement was issued with.")
        named = str(record.get("issuer", {}).get("signer_fingerprint_sha256", ""))
        if signer is not None and named != signer[1]:
            problems.append(
                "The statement names a different signing certificate than the one that signed it."
            )
    subject = (record or {}).get("subject", {})
    return VerifyResult(
        readable=True,
        valid=not problems,
        intact=bool(intact),
        trusted=trusted,
        self_signed=signer[2] if signer else None,
        signer=signer[0] if signer else None,
        fingerprint=signer[1] if signer else None,
        signed_at=signed_at,
        statement_id=(record or {}).get("statement_id"),
        kind=(record or {}).get("kind"),
        artist=subject.get("display_name") if isinstance(subject, dict) else None,
        as_of=(record or {}).get("as_of"),
        record_sha256=record_hash,
        in_register=None,
        status=None,
        superseded=None,
        superseded_by=None,
        problems=tuple(problems),
        notes=tuple(notes),
        record=record,
    )


def _with_register(
    result: VerifyResult, data: bytes, db: Database | None, folder: Path | None
) -> VerifyResult:
    """Add what the agency's register (database or published folder) knows of this file."""
    problems = list(result.problems)
    notes = list(result.notes)
    file_sha = hashlib.sha256(data).hexdigest()
    in_register = False
    status: str | None = None
    superseded_by: str | None = None
    sid = result.statement_id
    if db is not None and sid:
        entry = StatementRegister(db).find(sid)
        if entry is None:
            notes.append(f"Statement {sid} is not in this desk's register.")
        elif entry.file_sha256 != file_sha:
            problems.append(
                f"Statement {sid} is in the register, but this file differs from the "
                "registered copy."
            )
        else:
            in_register = True
            status = entry.status.value
            superseded_by = entry.superseded_by_id
            if entry.status == StatementStatus.REVOKED:
                notes.append(f"The agency withdrew this statement: {entry.status_reason}")
    if folder is not None and sid and is_public_register(folder):
        found, later, answer = _search_public_register(folder, sid, file_sha, result.fingerprint)
        problems.extend(answer.problems)
        notes.extend(answer.notes)
        in_register = in_register or found
        status = status or answer.status
        superseded_by = superseded_by or later
    elif folder is not None and sid:
        found, later = _search_folder(folder, sid, file_sha, result.fingerprint)
        in_register = in_register or found
        if later and superseded_by is None:
            superseded_by = later
            status = status or StatementStatus.SUPERSEDED.value
        if not found and db is None:
            notes.append(f"Statement {sid} is not among the statements in {folder}.")
    if status is None and in_register:
        status = StatementStatus.CURRENT.value
    return VerifyResult(
        **{
            **asdict(result),
            "record": result.record,
            "valid": not problems,
            "in_register": in_register,
            "status": status,
            "superseded": superseded_by is not None or status == StatementStatus.SUPERSEDED.value,
            "superseded_by": superseded_by,
            "problems": tuple(problems),
            "notes": tuple(notes),
        }
    )


@dataclass(frozen=True)
class _RegisterAnswer:
    status: str | None = None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _search_public_register(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None
) -> tuple[bool, str | None, _RegisterAnswer]:
    """What the agency's signed public register (reports/public_register.py) says of this file.

    The register only counts when its signature checks out and it was signed with the very
    certificate that signed the statement: a register anyone else signed cannot retire it.
    """
    try:
        register = read_public_register(folder)
    except RegisterError as e:
        return False, None, _RegisterAnswer(problems=(e.message,))
    if register.fingerprint != signer_fp:
        return (
            False,
            None,
            _RegisterAnswer(
                problems=(
                    f"The register in {folder} is signed with certificate {register.fingerprint}, "
                    "not the one that signed this statement; it cannot answer for it.",
                )
            ),
        )
    entry = register.entry(statement_id)
    if entry is None:
        note = (
            f"Statement {statement_id} is not in the register in {folder} "
            f"(generated at {register.generated_at})."
        )
        return False, None, _RegisterAnswer(notes=(note,))
    if entry.get("file_sha256") != file_sha:
        problem = (
            f"Statement {statement_id} is in the register, but this file differs from the "
            "registered one."
        )
        return False, None, _RegisterAnswer(problems=(problem,))
    status = str(entry.get("status") or StatementStatus.CURRENT.value)
    later = entry.get("superseded_by")
    notes: tuple[str, ...] = ()
    if status == StatementStatus.REVOKED.value:
        notes = (f"The agency withdrew this statement (register of {register.generated_at}).",)
    return True, str(later) if later else None, _RegisterAnswer(status=status, notes=notes)


def _search_folder(
    folder: Path, statement_id: str, file_sha: str, signer_fp: str | None
) -> tuple[bool, str | None]:
    """Is this exact file among the published statements, and does a later one supersede it?

    A statement only counts as superseding when its own signature is valid and made with the
    same certificate, so a forged file in the folder cannot retire a genuine statement.
    """
    found = False
    later: str | None = None
    try:
        files = sorted(p for p in folder.rglob("*.pdf") if p.is_file())
    except OSError:
        return False, None
    for path in files:
        try:
            other = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(other).hexdigest() == file_sha:
            found = True
            continue
        supersedes = _claimed_supersedes(other)
        if supersedes != statement_id:
            continue
        try:
            check = _verify_bytes(other, None)
        except Exception:  # a damaged file in the folder supersedes nothing
            continue
        if check.valid and check.fingerprint == signer_fp and check.statement_id:
            later = check.statement_id
    return found, later


def _claimed_supersedes(data: bytes) -> str | None:
    try:
        reader = PdfFileReader(io.BytesIO(data))
        raw = _signed_attachment(reader, None)
        if raw is None:
            return None
        value = json.loads(raw.decode("utf-8"))
        sup = value.get("supersedes") if isinstance(value, dict) else None
        return str(sup) if sup else None
    except Exception:  # other files in the folder may be anything
        return None


__all__ = [
    "EXIT_INVALID",
    "EXIT_UNREADABLE",
    "EXIT_VALID",
    "VerifyResult",
    "load_trust_certificate",
    "verify_statement",
]
