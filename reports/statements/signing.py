"""Attach the record and sign: PAdES B-B certification signature, no changes allowed.

Everything happens offline: no timestamp authority, no CRL or OCSP fetching. The record is
attached as `statement.json` (an associated file of the document) and the metadata is set in
the same incremental update the signature covers, so nothing of it can change unnoticed.
"""

from __future__ import annotations

import io
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm, SigFieldSpec, SigSeedSubFilter
from pyhanko.stamp import NoOpStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from models.identity import UnlockedIdentity
from models.statements.record import RECORD_FILE_NAME, canonical_bytes
from reports.statements.layout import RenderedStatement
from reports.verification.pdf_parts import PAGE_DIGEST_KEY, page_content_digest

FIELD_NAME = "ConsentDeskStatementSignature"
PRODUCER = "Consent Desk"


def pyhanko_signer(identity: UnlockedIdentity) -> signers.SimpleSigner:
    """The identity as pyHanko wants it (asn1crypto objects)."""
    der = serialization.Encoding.DER
    cert = asn1_x509.Certificate.load(identity.certificate.public_bytes(der))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in identity.chain]
    key = asn1_keys.PrivateKeyInfo.load(
        identity.private_key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),  # type: ignore[no-untyped-call]
    )


def digest_for(signer: signers.SimpleSigner) -> str:
    """SHA-256, except for an Ed25519 key, whose signature mechanism fixes SHA-512 (RFC 8419):
    an imported Ed25519 identity could otherwise not sign a statement at all."""
    cert = signer.signing_cert
    return "sha512" if cert is not None and cert.public_key.algorithm == "ed25519" else "sha256"


def sign_statement(
    rendered: RenderedStatement,
    record: dict[str, Any],
    signer: signers.SimpleSigner,
) -> bytes:
    """The signed PDF bytes of a rendered statement."""
    writer = IncrementalPdfFileWriter(io.BytesIO(rendered.pdf))
    data = canonical_bytes(record)
    stream = embed.EmbeddedFileObject.from_file_data(
        writer, data=data, mime_type="application/json"
    )
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=RECORD_FILE_NAME,
            file_name=RECORD_FILE_NAME,
            embedded_data=stream,
            description="Machine-readable statement record (ISO/IEC TS 27560, Kantara CR)",
            af_relationship=generic.NameObject("/Data"),
        ),
    )
    # What the pages draw, bound into the signed revision: verification recomputes it, so a
    # page that says something else than the attached record is "not authentic" whatever the
    # wording. (It cannot live inside statement.json: every page prints that file's hash.)
    pages_digest = page_content_digest(writer.prev, rendered.record_sha256)
    meta = writer.document_meta
    meta.title = rendered.title
    meta.subject = rendered.subject
    meta.author = record["issuer"].get("name") or record["issuer"]["signer"]
    meta.creator = PRODUCER
    meta.keywords = [
        "consent-desk-statement",
        f"statement-id={record['statement_id']}",
        f"record-sha256={rendered.record_sha256}",
        f"{PAGE_DIGEST_KEY}={pages_digest}",
    ]
    sig_meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        certify=True,
        docmdp_permissions=MDPPerm.NO_CHANGES,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm=digest_for(signer),
        reason=f"Consent Desk statement {record['statement_id']}",
        name=record["issuer"]["signer"],
        embed_validation_info=False,
        use_pades_lta=False,
    )
    x1, y1, x2, y2 = (round(v) for v in rendered.signature.box)
    pdf_signer = signers.PdfSigner(
        sig_meta,
        signer,
        stamp_style=NoOpStampStyle(),  # the box is drawn in the page; no font in the widget
        new_field_spec=SigFieldSpec(
            FIELD_NAME, on_page=rendered.signature.page, box=(x1, y1, x2, y2)
        ),
    )
    out = io.BytesIO()
    # Reserving the space ourselves skips pyHanko's trial signature (half the signing time).
    cert_bytes = sum(len(c.dump()) for c in signer.cert_registry)
    pdf_signer.sign_pdf(writer, output=out, bytes_reserved=4096 + 2 * cert_bytes)
    return out.getvalue()


__all__ = ["FIELD_NAME", "pyhanko_signer", "sign_statement"]
