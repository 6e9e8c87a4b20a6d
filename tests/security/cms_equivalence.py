"""What `check_cms` answers for a fixed set of signatures, measured once and kept as a fixture.

The inputs: our own signatures (statements in English, Chinese and both, signed with EC, RSA,
RSA-PSS identities and with a leaf under an authority (no Ed25519 statement: pyHanko signs
Ed25519 only with SHA-512, statements use SHA-256); register signatures made
by cryptography's PKCS#7 builder), the statement attack suite, structural mutations of our
own signatures (one per kind of problem), seeded byte mutations, and every signed PDF of the
public corpus (pyHanko's test files in the repository, the EU DSS files when present) read
the way `reports/verification/signed_file.py` reads them.

Our own inputs are stored (`cms_equivalence/inputs.json`: each distinct byte string once,
zlib + base64); for third-party files only the file name and the outcome are stored, the
bytes are read again from the file when it is present. Mutations are stored as the name of
a deterministic operation on a stored input.

Record (only when the reference implementation is the one to keep):
`.venv/bin/python -m tests.security.cms_equivalence`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import random
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from models.der import Tlv, children, read_tlv
from reports.verification.cms_check import CmsOutcome, check_cms, signature_der

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "cms_equivalence"
OUTCOMES_FILE = FIXTURE / "outcomes.json"
INPUTS_FILE = FIXTURE / "inputs.json"
CORPUS = HERE / "corpus"

# Problem parameters whose text comes from the parser that failed (not the same words in
# every implementation): compared by code only.
PARSER_WORDS = {"verify.cms.unreadable"}
OTHER = "another certificate"  # added to signatures by the structural mutations
FINGERPRINT = 16  # hex digits of each SHA-256 fingerprint kept (64 bits tell them apart)
MUTATIONS = 80  # seeded byte mutations of each genuine signature


def sha(data: bytes) -> str:
    """A stored input's key: the start of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:FINGERPRINT]


def outcome_dict(out: CmsOutcome) -> dict[str, Any]:
    return {
        "problems": [[p.code, {k: str(v) for k, v in p.params.items()}] for p in out.problems],
        "intact": out.intact,
        "valid": out.valid,
        "signer": out.signer.fingerprint[:FINGERPRINT] if out.signer else None,
        "signing_time": out.signing_time.isoformat() if out.signing_time else None,
        "certificates": [c.fingerprint[:FINGERPRINT] for c in out.certificates],
    }


def comparable(outcome: dict[str, Any]) -> dict[str, Any]:
    """The outcome without the parser's own words for an unreadable signature."""
    problems = [
        [code, {} if code in PARSER_WORDS else params] for code, params in outcome["problems"]
    ]
    return {**outcome, "problems": problems}


def measure(contents: bytes, signed: bytes) -> dict[str, Any]:
    """Both ways `verify_signed_file` asks: the exact certificate set, and any set (kept only
    where it differs)."""
    exact = outcome_dict(check_cms(contents, signed, exact_certificates=True))
    other = outcome_dict(check_cms(contents, signed))
    return {"exact": exact} if other == exact else {"exact": exact, "any": other}


# --- reading a PDF's signature as signed_file.py does -------------------------------------


def pdf_signature_input(data: bytes) -> tuple[bytes, bytes] | None:
    """(/Contents, signed bytes) of the first signature field, or None when verification
    never reaches the CMS check (no signature, oversized value, unreadable PDF)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from reports.verification import pdf_parts
    from reports.verification.structure import oversized_signature_value

    if oversized_signature_value(data):
        return None
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        fields = pdf_parts.signature_fields(reader)
        if not fields:
            return None
        sig = fields[0]
        contents = pdf_parts.string_bytes(sig.value.get("/Contents"))
        byte_range = sig.value.get("/ByteRange")
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        print(f"unreadable PDF: {e}", file=sys.stderr)
        return None
    if contents is None or not isinstance(byte_range, list):
        return None
    ranges = [v if isinstance(v, int) and not isinstance(v, bool) else -1 for v in byte_range]
    signed = b""
    if len(ranges) == 4 and min(ranges) >= 0:
        signed = data[ranges[0] : ranges[0] + ranges[1]] + data[ranges[2] : ranges[2] + ranges[3]]
    return bytes(contents), signed


def corpus_files() -> list[tuple[str, Path]]:
    """(name as in corpus/expected.json, where it is) for every corpus file."""
    import os

    shared = Path(
        os.environ.get("CONSENT_DESK_PDF_CORPUS")
        or HERE.parents[1].parent / "shared" / "samples" / "pdf-signatures"
    )
    entries = json.loads((CORPUS / "expected.json").read_text("utf-8"))["files"]
    return [(e["file"], (CORPUS if e["held"] == "repo" else shared) / e["file"]) for e in entries]


# --- rebuilding DER ----------------------------------------------------------------------


def tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 128:
        return bytes([tag, n]) + body
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + body


def _element(der: bytes, path: tuple[int, ...]) -> list[Tlv]:
    """The chain of elements from the top down to the one at `path` (child indexes)."""
    chain = [read_tlv(der, 0, len(der))]
    for i in path:
        chain.append(children(der, chain[-1])[i])
    return chain


def edit(der: bytes, path: tuple[int, ...], new: Callable[[list[bytes]], list[bytes]]) -> bytes:
    """`der` with the children of the element at `path` replaced by `new(children)`."""
    chain = _element(der, path)
    target = chain[-1]
    parts = [der[c.start : c.end] for c in children(der, target)]
    value = tlv(target.tag, b"".join(new(parts)))
    for parent, child in zip(reversed(chain[:-1]), reversed(chain[1:]), strict=True):
        siblings = children(der, parent)
        body = b"".join(value if s.start == child.start else der[s.start : s.end] for s in siblings)
        value = tlv(parent.tag, body)
    return value


def replace(der: bytes, path: tuple[int, ...], new: bytes) -> bytes:
    """`der` with the element at `path` replaced by the bytes `new`."""
    parent, index = path[:-1], path[-1]
    return edit(der, parent, lambda parts: [*parts[:index], new, *parts[index + 1 :]])


def part(der: bytes, path: tuple[int, ...]) -> bytes:
    el = _element(der, path)[-1]
    return der[el.start : el.end]


SD = (1, 0)  # ContentInfo → [0] → SignedData


def _sd_index(der: bytes, tag: int) -> int | None:
    for i, c in enumerate(children(der, _element(der, SD)[-1])):
        if c.tag == tag:
            return i
    return None


def _signer_path(der: bytes) -> tuple[int, ...]:
    count = len(children(der, _element(der, SD)[-1]))
    return (*SD, count - 1, 0)


def _signer_index(der: bytes, tag: int) -> int | None:
    for i, c in enumerate(children(der, _element(der, _signer_path(der))[-1])):
        if c.tag == tag:
            return i
    return None


def _attr_index(der: bytes, oid: bytes) -> int:
    attrs = (*_signer_path(der), _signer_index(der, 0xA0) or 3)
    for i in range(len(children(der, _element(der, attrs)[-1]))):
        if part(der, (*attrs, i, 0)) == oid:
            return i
    raise LookupError(oid)


OID = {
    "data": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01",
    "signed_data": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02",
    "content_type": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x09\x03",
    "message_digest": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x09\x04",
    "signing_time": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x09\x05",
    "sha1": b"\x06\x05\x2b\x0e\x03\x02\x1a",
    "sha256": b"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01",
    "sha384": b"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x02",
    "md5": b"\x06\x08\x2a\x86\x48\x86\xf7\x0d\x02\x05",
    "rsa_sha256": b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b",
    "ecdsa_sha256": b"\x06\x08\x2a\x86\x48\xce\x3d\x04\x03\x02",
    "ecdsa_sha384": b"\x06\x08\x2a\x86\x48\xce\x3d\x04\x03\x03",
    "tst": b"\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x02\x0e",
}
NULL = b"\x05\x00"


def _flip_last(value: bytes) -> bytes:
    return value[:-1] + bytes([value[-1] ^ 0x01])


def _structural(der: bytes, other_cert: bytes) -> Iterator[tuple[str, bytes]]:
    """One mutation per kind of problem, each built on the raw bytes (lengths fixed up)."""
    sp = _signer_path(der)
    si = {tag: _signer_index(der, tag) for tag in (0xA0,)}
    attrs_i = si[0xA0]
    certs_i = _sd_index(der, 0xA0)
    sd_len = len(children(der, _element(der, SD)[-1]))
    yield "content type: data", replace(der, (0,), OID["data"])
    yield "content type: unknown", replace(der, (0,), b"\x06\x03\x2a\x03\x04")
    yield "signed data version 3", replace(der, (*SD, 0), b"\x02\x01\x03")
    yield "signer version 3", replace(der, (*sp, 0), b"\x02\x01\x03")
    signer = part(der, sp)
    yield "two signers", replace(der, (*SD, sd_len - 1), tlv(0x31, signer + signer))
    yield "no signer", replace(der, (*SD, sd_len - 1), b"\x31\x00")
    yield (
        "revocation lists added",
        edit(der, SD, lambda p: [*p[:-1], b"\xa1\x00", p[-1]]),
    )
    token = tlv(0x30, OID["signed_data"] + tlv(0xA0, tlv(0x30, b"")))
    unsigned = tlv(0xA1, tlv(0x30, OID["tst"] + tlv(0x31, token)))
    yield "unsigned attributes added", edit(der, sp, lambda p: [*p, unsigned])
    yield (
        "digest algorithms: two",
        edit(der, (*SD, 1), lambda p: [*p, tlv(0x30, OID["sha384"])]),
    )
    yield (
        "digest algorithms: two, unsorted",
        edit(der, (*SD, 1), lambda p: [tlv(0x30, OID["sha384"]), *p]),
    )
    yield "digest algorithms: empty", replace(der, (*SD, 1), b"\x31\x00")
    yield (
        "digest algorithms: sha256 with NULL",
        replace(der, (*SD, 1), tlv(0x31, tlv(0x30, OID["sha256"] + NULL))),
    )
    yield (
        "digest algorithm: non-minimal OID",
        replace(
            der, (*SD, 1), tlv(0x31, tlv(0x30, b"\x06\x0a\x60\x80\x86\x48\x01\x65\x03\x04\x02\x01"))
        ),
    )
    for name in ("sha1", "md5", "sha384"):
        alg = tlv(0x30, OID[name])
        mutated = replace(der, (*SD, 1), tlv(0x31, alg))
        yield f"digest: {name}", replace(mutated, (*sp, 2), alg)
    yield (
        "signer digest with NULL params",
        replace(der, (*sp, 2), tlv(0x30, OID["sha256"] + NULL)),
    )
    encap = part(der, (*SD, 2))
    yield (
        "encapsulated content present",
        replace(der, (*SD, 2), tlv(0x30, OID["data"] + tlv(0xA0, tlv(0x04, b"x")))),
    )
    yield "encapsulated type: signed data", replace(der, (*SD, 2), tlv(0x30, OID["signed_data"]))
    yield "encapsulated: as is", replace(der, (*SD, 2), encap)
    if certs_i is not None:
        certs = [
            part(der, (*SD, certs_i, i))
            for i in range(len(children(der, _element(der, (*SD, certs_i))[-1])))
        ]
        yield "no certificates", edit(der, SD, lambda p: p[:certs_i] + p[certs_i + 1 :])
        yield "empty certificate set", replace(der, (*SD, certs_i), b"\xa0\x00")
        yield (
            "one certificate dropped",
            replace(der, (*SD, certs_i), tlv(0xA0, b"".join(certs[1:]))),
        )
        yield (
            "certificates thrice",
            replace(der, (*SD, certs_i), tlv(0xA0, certs[0] + b"".join(certs))),
        )
        yield (
            "certificates reversed",
            replace(der, (*SD, certs_i), tlv(0xA0, b"".join(reversed(certs)))),
        )
        ordered = sorted([*certs, other_cert])
        yield (
            "another certificate, in order",
            replace(der, (*SD, certs_i), tlv(0xA0, b"".join(ordered))),
        )
        yield (
            "another certificate, last",
            replace(der, (*SD, certs_i), tlv(0xA0, b"".join([*certs, other_cert]))),
        )
        only_other = tlv(0xA0, other_cert * 2)
        yield "only another certificate", replace(der, (*SD, certs_i), only_other)
        as_attr = tlv(0xA1, certs[0])  # wrapped in [1], as if another choice
        yield (
            "certificate as another choice",
            replace(der, (*SD, certs_i), tlv(0xA0, as_attr + b"".join(certs[1:]))),
        )
        inner = certs[0]
        yield (
            "certificate as [1] implicit",
            replace(der, (*SD, certs_i), tlv(0xA0, b"\xa1" + inner[1:] + b"".join(certs[1:]))),
        )
        yield (
            "not a certificate",
            replace(der, (*SD, certs_i), tlv(0xA0, tlv(0x30, b"\x02\x01\x01"))),
        )
        yield (
            "certificate: serial changed",
            replace(der, (*SD, certs_i), tlv(0xA0, b"".join(_serial_plus_one(c) for c in certs))),
        )
    sid = part(der, (*sp, 1))
    yield "sid: subject key identifier", replace(der, (*sp, 1), tlv(0x80, b"\x01" * 20))
    yield "sid: serial changed", replace(der, (*sp, 1), _serial_plus_one_sid(sid))
    yield "sid: issuer changed", edit(der, (*sp, 1), lambda p: [tlv(0x30, b""), p[1]])
    yield "sid: integer only", replace(der, (*sp, 1), b"\x02\x01\x05")
    if attrs_i is not None:
        yield "no signed attributes", edit(der, sp, lambda p: p[:attrs_i] + p[attrs_i + 1 :])
        yield "signed attributes empty", replace(der, (*sp, attrs_i), b"\xa0\x00")
        ap = (*sp, attrs_i)
        md = _attr_index(der, OID["message_digest"])
        ct = _attr_index(der, OID["content_type"])
        digest_value = part(der, (*ap, md, 1, 0))
        yield (
            "message digest: two values",
            replace(der, (*ap, md, 1), tlv(0x31, digest_value + digest_value)),
        )
        yield "message digest: no value", replace(der, (*ap, md, 1), b"\x31\x00")
        yield "message digest removed", edit(der, ap, lambda p: p[:md] + p[md + 1 :])
        yield "message digest changed", replace(der, (*ap, md, 1, 0), _flip_last(digest_value))
        yield "message digest: integer", replace(der, (*ap, md, 1, 0), b"\x02\x01\x05")
        yield "message digest: empty", replace(der, (*ap, md, 1, 0), b"\x04\x00")
        yield (
            "content type attribute: signed data",
            replace(der, (*ap, ct, 1, 0), OID["signed_data"]),
        )
        yield "content type attribute removed", edit(der, ap, lambda p: p[:ct] + p[ct + 1 :])
        yield "content type attribute: octets", replace(der, (*ap, ct, 1, 0), b"\x04\x01\x00")
        yield "attributes reversed", edit(der, ap, lambda p: list(reversed(p)))
        when = datetime(2031, 5, 6, 7, 8, 9, tzinfo=UTC)
        try:
            st = _attr_index(der, OID["signing_time"])
        except LookupError:
            st = None
        utc = tlv(0x17, when.strftime("%y%m%d%H%M%SZ").encode())
        gen = tlv(0x18, when.strftime("%Y%m%d%H%M%SZ").encode())
        frac = tlv(0x18, when.strftime("%Y%m%d%H%M%S.25Z").encode())
        for label, value in (("UTCTime", utc), ("GeneralizedTime", gen), ("fraction", frac)):
            attr = tlv(0x30, OID["signing_time"] + tlv(0x31, value))
            if st is None:
                yield f"signing time added ({label})", edit(der, ap, lambda p, a=attr: [*p, a])
            else:
                yield f"signing time: {label}", replace(der, (*ap, st), attr)
        bad_time = tlv(0x30, OID["signing_time"] + tlv(0x31, tlv(0x17, b"991332256199Z")))
        if st is None:
            yield "signing time: not a date", edit(der, ap, lambda p: [*p, bad_time])
        else:
            yield "signing time: not a date", replace(der, (*ap, st), bad_time)
            yield "signing time: integer", replace(der, (*ap, st, 1, 0), b"\x02\x01\x05")
            yield "signing time: 1950", replace(der, (*ap, st, 1, 0), tlv(0x17, b"500101000000Z"))
            yield "signing time: 2049", replace(der, (*ap, st, 1, 0), tlv(0x17, b"491231235959Z"))
    count = len(children(der, _element(der, sp)[-1]))
    sig_i, alg_i = count - 1, count - 2
    signature = part(der, (*sp, sig_i))
    yield "signature changed", replace(der, (*sp, sig_i), _flip_last(signature))
    yield "signature empty", replace(der, (*sp, sig_i), b"\x04\x00")
    yield (
        "signature as bit string",
        replace(der, (*sp, sig_i), b"\x03" + tlv(0x03, b"\x00" + signature[2:])[1:]),
    )
    alg = part(der, (*sp, alg_i))
    yield (
        "signature algorithm: rsa sha256",
        replace(der, (*sp, alg_i), tlv(0x30, OID["rsa_sha256"] + NULL)),
    )
    yield (
        "signature algorithm: ecdsa sha256",
        replace(der, (*sp, alg_i), tlv(0x30, OID["ecdsa_sha256"])),
    )
    yield (
        "signature algorithm: ecdsa sha256 NULL",
        replace(der, (*sp, alg_i), tlv(0x30, OID["ecdsa_sha256"] + NULL)),
    )
    yield (
        "signature algorithm: ecdsa sha384",
        replace(der, (*sp, alg_i), tlv(0x30, OID["ecdsa_sha384"])),
    )
    yield (
        "signature algorithm: unknown",
        replace(der, (*sp, alg_i), tlv(0x30, b"\x06\x03\x2a\x03\x04")),
    )
    yield "signature algorithm: as is", replace(der, (*sp, alg_i), alg)
    yield "padding: not zero", der + b"\x00\x00\x01"
    yield "padding: zeros", der + b"\x00" * 64
    yield "trailing element", der + b"\x05\x00"
    yield (
        "indefinite length",
        b"\x30\x80" + der[read_tlv(der, 0, len(der)).value_start :] + b"\x00\x00",
    )
    yield "empty", b""
    yield "zeros", b"\x00" * 32


def _serial_plus_one(cert: bytes) -> bytes:
    tbs = (0,)
    fields = children(cert, _element(cert, tbs)[-1])
    i = 1 if fields[0].tag == 0xA0 else 0
    return replace(cert, (*tbs, i), _bump_integer(part(cert, (*tbs, i))))


def _serial_plus_one_sid(sid: bytes) -> bytes:
    return replace(sid, (1,), _bump_integer(part(sid, (1,))))


def _bump_integer(der: bytes) -> bytes:
    n = int.from_bytes(der[2:], "big", signed=True) + 1
    return tlv(0x02, n.to_bytes((n.bit_length() + 8) // 8, "big", signed=True))


def _pss(der: bytes) -> Iterator[tuple[str, bytes]]:
    """RSASSA-PSS parameters: explicit defaults, other salt, other mask hash."""
    sp = _signer_path(der)
    count = len(children(der, _element(der, sp)[-1]))
    alg_path = (*sp, count - 2)
    oid = part(der, (*alg_path, 0))
    h256 = tlv(0x30, OID["sha256"])
    mgf = lambda h: tlv(0x30, b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x08" + h)  # noqa: E731

    def params(*fields: bytes) -> bytes:
        return tlv(0x30, oid + tlv(0x30, b"".join(fields)))

    h = tlv(0xA0, h256)
    m = tlv(0xA1, mgf(h256))
    yield "pss: salt 32", replace(der, alg_path, params(h, m, tlv(0xA2, b"\x02\x01\x20")))
    yield "pss: salt 20", replace(der, alg_path, params(h, m, tlv(0xA2, b"\x02\x01\x14")))
    yield (
        "pss: trailer 1 explicit",
        replace(
            der, alg_path, params(h, m, tlv(0xA2, b"\x02\x01\x20"), tlv(0xA3, b"\x02\x01\x01"))
        ),
    )
    yield (
        "pss: mask sha384",
        replace(
            der,
            alg_path,
            params(h, tlv(0xA1, mgf(tlv(0x30, OID["sha384"]))), tlv(0xA2, b"\x02\x01\x20")),
        ),
    )
    yield "pss: no parameters", replace(der, alg_path, tlv(0x30, oid))
    yield "pss: defaults only", replace(der, alg_path, params())
    yield (
        "pss: sha1 explicit",
        replace(
            der, alg_path, params(tlv(0xA0, tlv(0x30, OID["sha1"])), m, tlv(0xA2, b"\x02\x01\x20"))
        ),
    )
    yield (
        "pss: sha256 with NULL",
        replace(
            der,
            alg_path,
            params(tlv(0xA0, tlv(0x30, OID["sha256"] + NULL)), m, tlv(0xA2, b"\x02\x01\x20")),
        ),
    )


def byte_mutations(der: bytes, seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """Seeded random damage: a byte flipped, cut short, a byte inserted or removed, a
    length octet moved by one."""
    rng = random.Random(seed)
    for i in range(count):
        kind = rng.choice(("flip", "cut", "insert", "delete", "length"))
        pos = rng.randrange(len(der))
        if kind == "flip":
            value = der[:pos] + bytes([der[pos] ^ rng.randrange(1, 256)]) + der[pos + 1 :]
        elif kind == "cut":
            value = der[:pos]
        elif kind == "insert":
            value = der[:pos] + bytes([rng.randrange(256)]) + der[pos:]
        elif kind == "delete":
            value = der[:pos] + der[pos + 1 :]
        else:
            value = _length_nudge(der, rng)
        yield f"{kind} #{i} (seed {seed})", value


def _length_nudge(der: bytes, rng: random.Random) -> bytes:
    """A length octet of a random element one larger or smaller."""
    elements: list[Tlv] = []
    stack = [read_tlv(der, 0, len(der))]
    while stack:
        el = stack.pop()
        elements.append(el)
        if el.constructed:
            stack.extend(children(der, el))
    el = rng.choice(elements)
    at = el.value_start - 1
    delta = rng.choice((-1, 1))
    return der[:at] + bytes([(der[at] + delta) % 256]) + der[at + 1 :]


# --- building our own signatures (recording only) ------------------------------------------


def _identities(root: Path) -> dict[str, Any]:
    """Unlocked identities made through the identity code: a created EC one, and RSA,
    and a leaf-under-authority imported as PKCS#12."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from models.identity import SigningIdentityService
    from models.storage.database import Database
    from tests.reports.statement_data import PASSPHRASE, make_identity_folder, unlock_from

    out = {"ec": unlock_from(make_identity_folder(root / "ec"), root / "ec")}
    now = datetime.now(UTC)

    def cert(
        key: Any,
        name: str,
        issuer_key: Any = None,
        issuer_name: str | None = None,
        ca: bool = False,
    ) -> x509.Certificate:
        algo = hashes.SHA256()
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name or name)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(issuer_key or key, algo)
        )

    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_key = ec.generate_private_key(ec.SECP384R1())
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    ca = cert(ca_key, "Film Trust CA", ca=True)
    made = {
        "rsa": (rsa_key, cert(rsa_key, "Starlight RSA 星光"), []),
        "chain": (leaf_key, cert(leaf_key, "Starlight Leaf", ca_key, "Film Trust CA"), [ca]),
    }
    for name, (key, c, extra) in made.items():
        enc = pkcs12.serialize_key_and_certificates(
            b"x",
            key,
            c,
            extra or None,
            serialization.BestAvailableEncryption(PASSPHRASE.encode()),
        )
        db = Database.open(str(root / f"{name}.sqlite3"), actor="tester")
        try:
            SigningIdentityService(db).import_pkcs12(enc, PASSPHRASE)
            out[name] = SigningIdentityService(db).unlock(PASSPHRASE)
        finally:
            db.close()
    return out


def _statement(identity: Any, languages: tuple[str, ...], pss: bool = False) -> bytes:
    from reports.statements.layout import render_statement
    from reports.statements.signing import pyhanko_signer, sign_statement
    from tests.reports.statement_data import issuer_for, record_for

    signer = pyhanko_signer(identity)
    signer.prefer_pss = pss  # pyHanko's RSASSA-PSS: SHA-256, MGF1 SHA-256, salt 32
    record = record_for(identity, languages=languages, issuer=issuer_for(identity))
    return sign_statement(render_statement(record), record, signer)


def record() -> None:
    from cryptography.hazmat.primitives import serialization

    from reports.public_register import sign_detached
    from tests.security.attacks import ATTACKS

    inputs: dict[str, bytes] = {}
    cases: list[dict[str, Any]] = []

    def keep(data: bytes) -> str:
        inputs[sha(data)] = data
        return sha(data)

    def own(name: str, contents: bytes, signed: bytes, base: str | None = None) -> None:
        case: dict[str, Any] = {"name": name, "signed": keep(signed)}
        if base is None:
            case["contents"] = keep(contents)
        else:
            case["base"] = base
        cases.append({**case, **measure(contents, signed)})

    with tempfile.TemporaryDirectory() as tmp:
        ids = _identities(Path(tmp))
        statements = {
            "ec en": _statement(ids["ec"], ("en",)),
            "ec zh": _statement(ids["ec"], ("zh",)),
            "ec en+zh": _statement(ids["ec"], ("en", "zh")),
            "rsa en+zh": _statement(ids["rsa"], ("en", "zh")),
            "rsa-pss en": _statement(ids["rsa"], ("en",), pss=True),
            "chain zh": _statement(ids["chain"], ("zh",)),
        }
        register_data = b'{"register_type": "consent-desk", "statements": []}\n'
        registers = {
            "register ec": sign_detached(register_data, ids["ec"]),
            "register rsa": sign_detached(register_data, ids["rsa"]),
            "register chain": sign_detached(register_data, ids["chain"]),
        }
    other_cert = ids["rsa"].certificate.public_bytes(serialization.Encoding.DER)
    genuine: dict[str, tuple[bytes, bytes]] = {}
    for name, pdf in statements.items():
        found = pdf_signature_input(pdf)
        assert found is not None
        contents, signed = found
        own(f"statement {name}", contents, signed)
        genuine[name] = (signature_der(contents)[0], signed)
        if name == "ec en":
            for attack, build in ATTACKS.items():
                attacked = pdf_signature_input(build(pdf))
                if attacked is not None:
                    own(f"attack {attack}", *attacked)
    for name, sig in registers.items():
        own(name, sig, register_data)
        own(f"{name}, other data", sig, register_data + b" ")
        genuine[name] = (sig, register_data)
    bases = {name: keep(der) for name, (der, _) in genuine.items()}
    bases[OTHER] = keep(other_cert)
    for name, (der, signed) in genuine.items():
        for label, value in mutations(name, der, other_cert):
            cases.append(
                {
                    "name": f"{name}: {label}",
                    "base": name,
                    "mutation": label,
                    "signed": keep(signed),
                    **measure(value, signed),
                }
            )
    for name, path in corpus_files():
        if not path.is_file():
            print(f"absent: {name}", file=sys.stderr)
            continue
        found = pdf_signature_input(path.read_bytes())
        if found is not None:
            cases.append({"name": f"corpus {name}", "file": name, **measure(*found)})
    FIXTURE.mkdir(exist_ok=True)
    INPUTS_FILE.write_text(
        json.dumps(
            {
                "bases": bases,
                "blobs": {
                    k: base64.b64encode(zlib.compress(v, 9)).decode()
                    for k, v in sorted(inputs.items())
                },
            },
            indent=0,
        )
        + "\n",
        "utf-8",
    )
    _write_cases(cases)
    print(f"{len(cases)} cases, {len(inputs)} inputs", file=sys.stderr)


def load() -> tuple[list[dict[str, Any]], dict[str, bytes], dict[str, str]]:
    """The recorded cases, the stored inputs by SHA-256, and the seeded mutations' bases."""
    stored = json.loads(INPUTS_FILE.read_text("utf-8"))
    blobs = {k: zlib.decompress(base64.b64decode(v)) for k, v in stored["blobs"].items()}
    cases = json.loads(OUTCOMES_FILE.read_text("utf-8"))["cases"]
    return cases, blobs, stored["bases"]


def case_input(
    case: dict[str, Any], blobs: dict[str, bytes], bases: dict[str, str]
) -> tuple[bytes, bytes] | None:
    """The (contents, signed bytes) of a recorded case, or None when its file is absent."""
    if "file" in case:
        path = dict(corpus_files())[case["file"]]
        return pdf_signature_input(path.read_bytes()) if path.is_file() else None
    signed = blobs[case["signed"]]
    if "contents" in case:
        return blobs[case["contents"]], signed
    base = case["base"]
    return _mutation_table(base, blobs[bases[base]], blobs[bases[OTHER]])[case["mutation"]], signed


@functools.lru_cache(maxsize=32)
def _mutation_table(name: str, der: bytes, other_cert: bytes) -> dict[str, bytes]:
    return dict(mutations(name, der, other_cert))


def mutations(name: str, der: bytes, other_cert: bytes) -> Iterator[tuple[str, bytes]]:
    """Every mutation of the genuine signature `der` of the input called `name`."""
    yield from _structural(der, other_cert)
    if name.startswith("rsa-pss"):
        yield from _pss(der)
    yield from byte_mutations(der, seed=len(name), count=MUTATIONS)


def remeasure() -> None:
    """Measure every recorded case again in this process, which has loaded only what
    statement verification loads (pyHanko's signing modules add attribute types to
    asn1crypto's tables, which changed what the asn1crypto-based check answered)."""
    assert "pyhanko.sign.ades" not in sys.modules
    cases, blobs, bases = load()
    for case in cases:
        found = case_input(case, blobs, bases)
        assert found is not None, case["name"]
        case.pop("any", None)
        case.update(measure(*found))
    assert "pyhanko.sign.ades" not in sys.modules
    _write_cases(cases)


def _write_cases(cases: list[dict[str, Any]]) -> None:
    lines = ",\n".join(json.dumps(c, ensure_ascii=False, sort_keys=True) for c in cases)
    OUTCOMES_FILE.write_text('{"cases": [\n' + lines + "\n]}\n", "utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        remeasure()
    else:
        record()
        subprocess.run([sys.executable, "-m", __spec__.name, "--measure"], check=True)
