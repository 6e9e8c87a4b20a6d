"""One signed file checked on its own: signature, structure, signer, and the attached record.

The composition of the verdict before any register is asked: `verify_signed_file` gathers
every problem (`structure` on the raw bytes, `cms_check` on the signature's original bytes,
`pdf_parts` for the record, keywords and page content) and note, and `compose` turns them,
the signer and the record into a `VerifyResult`. Problems and notes are catalogue messages.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from models.certificates import (
    Certificate,
    fingerprint,
    fingerprint_display,
    is_self_signed,
    issued_by,
    subject_name,
)
from models.messages import Text
from models.statements.record import RECORD_FILE_NAME, parse_record
from reports.verification import pdf_parts
from reports.verification.cms_check import CmsOutcome, check_cms
from reports.verification.result import Confirmation, VerifyResult
from reports.verification.structure import byte_range_problems, oversized_signature_value

log = logging.getLogger("consent_desk.verify")

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_RECORD_BYTES = 4 * 1024 * 1024


def verify_signed_file(data: bytes, confirm: Confirmation) -> VerifyResult:
    problems: list[Text] = []
    notes: list[Text] = []
    if oversized_signature_value(data):
        problems.append(Text("verify.problem.oversized_signature"))
        return compose(problems, notes, None, None, None, None, confirm)
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    fields = pdf_parts.signature_fields(reader)
    if not fields:
        problems.append(Text("verify.problem.no_signature"))
        record_bytes = pdf_parts.attachment(reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)
        return compose(problems, notes, record_bytes, None, None, None, confirm)
    if len(fields) > 1:
        problems.append(Text("verify.problem.several_signatures"))
    sig = fields[0]
    contents = pdf_parts.string_bytes(sig.value.get("/Contents"))
    byte_range = sig.value.get("/ByteRange")
    if contents is None or not isinstance(byte_range, list):
        problems.append(Text("verify.problem.no_signature_value"))
        return compose(problems, notes, None, None, None, None, confirm)
    ranges = [v if isinstance(v, int) and not isinstance(v, bool) else -1 for v in byte_range]
    around = byte_range_problems(data, ranges, bytes(contents))
    problems.extend(around)
    signed_bytes = b""
    if len(ranges) == 4 and min(ranges) >= 0:
        first = data[ranges[0] : ranges[0] + ranges[1]]
        signed_bytes = first + data[ranges[2] : ranges[2] + ranges[3]]
    cms = check_cms(bytes(contents), signed_bytes, exact_certificates=True)
    problems.extend(cms.problems)
    signer = cms.signer
    if signer is None:
        return compose(problems, notes, None, None, None, None, confirm)
    record_bytes = pdf_parts.attachment(reader, RECORD_FILE_NAME, MAX_RECORD_BYTES)
    signed_at = cms.signing_time or pdf_parts.pdf_date(sig.value.get("/M"))
    if (
        record_bytes is None
        and not around
        and len(fields) == 1
        and _confirmed_by(signer, cms.certificates, confirm, signed_at) is None
        and _signed_by_its_signer(cms, bytes(contents), signed_bytes)
    ):
        # Someone else's genuine signature over the whole of a PDF that holds no statement
        # (every PDF the agency signs carries its record): said plainly, rather than as the
        # ways its signature differs from a statement's, which read like tampering.
        name = subject_name(signer)
        who = (name, fingerprint(signer), is_self_signed(signer))
        at = signed_at.isoformat() if signed_at else None
        foreign = Text("verify.problem.foreign_signature", signer=name)
        result = compose([foreign], [], None, False, who, at, confirm)
        return replace(result, problems=(foreign,))  # it says the record is missing, too
    if str(sig.value.get("/SubFilter", "")) not in ("/ETSI.CAdES.detached", "/adbe.pkcs7.detached"):
        problems.append(Text("verify.problem.not_detached_cms"))
    if pdf_parts.certification_level(reader, sig) != 1:
        problems.append(Text("verify.problem.not_certification"))
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
            problems.append(Text("verify.problem.page_digest"))
    else:
        notes.append(Text("verify.note.no_page_digest"))
    self_signed = is_self_signed(signer)
    if signer.issuer == signer.subject and not self_signed:
        problems.append(Text("verify.problem.certificate_altered"))
    if signed_at is not None and not (
        signer.not_valid_before_utc <= signed_at <= signer.not_valid_after_utc
    ):
        problems.append(Text("verify.problem.outside_validity"))
    fp = fingerprint(signer)
    confirmed_by = _confirmed_by(signer, cms.certificates, confirm, signed_at)
    if confirm.given and confirmed_by is None:
        problems.append(
            Text("verify.problem.not_trusted_signer", fingerprint=fingerprint_display(fp))
        )
    if confirmed_by is None and not confirm.given:
        if self_signed:
            notes.append(Text("verify.note.self_signed"))
        else:
            notes.append(Text("verify.note.not_checked"))
    result = compose(
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


def _signed_by_its_signer(cms: CmsOutcome, contents: bytes, signed_bytes: bytes) -> bool:
    """Whether the signature is its signer's own over the bytes it covers, whatever the
    certificates it carries (a statement's are exactly as our signing writes them)."""
    if not (cms.intact and cms.valid):
        cms = check_cms(contents, signed_bytes)
    return cms.intact and cms.valid


def _valid_at(cert: Certificate, when: datetime | None) -> bool:
    return when is None or cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def _confirmed_by(
    signer: Certificate,
    carried: list[Certificate],
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
    if anchor is None or not anchor.is_ca:
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
                if c is not cert and c.subject == cert.issuer and c.is_ca and issued_by(cert, c)
            ),
            None,
        )
        if parent is None or not _valid_at(parent, when):
            return None
        cert = parent
    return None


def compose(
    problems: list[Text],
    notes: list[Text],
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
        problems.append(Text("verify.problem.no_record", file=RECORD_FILE_NAME))
    else:
        record_hash = hashlib.sha256(record_bytes).hexdigest()
        try:
            record = parse_record(record_bytes)
        except (ValueError, UnicodeDecodeError, RecursionError):
            problems.append(Text("verify.problem.bad_record", file=RECORD_FILE_NAME))
    if record is not None and record_hash is not None and signer is not None:
        named_hash = (keywords or {}).get("record-sha256")
        if named_hash != record_hash:
            problems.append(Text("verify.problem.record_replaced"))
        issuer = record.get("issuer")
        named = str(issuer.get("signer_fingerprint_sha256", "")) if isinstance(issuer, dict) else ""
        if named != signer[1]:
            problems.append(Text("verify.problem.names_other_certificate"))
    rec = record or {}
    subject = rec.get("subject", {})
    historical = bool(rec.get("historical"))
    if historical and not problems:
        notes.insert(0, Text("verify.note.historical", as_of=rec.get("as_of")))
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


__all__ = ["MAX_PDF_BYTES", "MAX_RECORD_BYTES", "compose", "verify_signed_file"]
