"""The CMS structures of RFC 5652 as cms_check reads them: each structure's fields (tag,
optional), the object identifiers and algorithm tables, the readers that take a structure's
fields in order with their types checked where they are read, and the checks that the small
parts nobody's signature covers are canonical DER as written (a SET OF in order, no DEFAULT
value written out, minimal object identifiers, NULL parameters where they belong).
"""

from __future__ import annotations

from models.der import INTEGER, OID, SEQUENCE, SET, Tlv, children

SKI = 0x80  # [0] subjectKeyIdentifier: a signer named by its key
SIGNED_DATA = "1.2.840.113549.1.7.2"
DATA = "1.2.840.113549.1.7.1"
CONTENT_TYPE = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
SIGNING_TIME = "1.2.840.113549.1.9.5"
RSASSA_PSS = "1.2.840.113549.1.1.10"
MGF1 = "1.2.840.113549.1.1.8"


def tags_of(*tags: int) -> frozenset[int]:
    return frozenset(tags)


# The structures read (RFC 5652): field name, the tags it may have (None: any), optional.
CONTENT_INFO = (("type", tags_of(OID), False), ("content", tags_of(0xA0), True))
# A required field is taken by its place and its type checked where it is read (as a schema
# reader that reads fields lazily does: what is read before it is answered first); an
# optional one is recognised by its tag.
SIGNED_DATA_FIELDS = (
    ("version", tags_of(INTEGER), False),  # read at once: it tells how the content is held
    ("digest_algorithms", None, False),
    ("encap_content_info", None, False),
    ("certificates", tags_of(0xA0), True),  # [0] IMPLICIT CertificateSet
    ("crls", tags_of(0xA1), True),  # [1] IMPLICIT RevocationInfoChoices
    ("signer_infos", None, False),
)
SIGNER_INFO = (
    ("version", None, False),
    ("sid", None, False),  # issuerAndSerialNumber, or [0] subjectKeyIdentifier
    ("digest_algorithm", None, False),
    ("signed_attrs", tags_of(0xA0), True),  # [0] IMPLICIT SET OF Attribute
    ("signature_algorithm", None, False),
    ("signature", None, False),
    ("unsigned_attrs", tags_of(0xA1), True),
)
ALGORITHM = (("oid", tags_of(OID), False), ("params", None, True))
ENCAP = (("type", tags_of(OID), False), ("content", tags_of(0xA0), True))
ISSUER_AND_SERIAL = (("issuer", tags_of(SEQUENCE), False), ("serial", tags_of(INTEGER), False))
ATTRIBUTE = (("type", tags_of(OID), False), ("values", tags_of(SET), False))
ATTRIBUTE_VALUE = (("type", tags_of(OID), False), ("value", None, False))
PSS = (
    ("hash", tags_of(0xA0), True),
    ("mgf", tags_of(0xA1), True),
    ("salt", tags_of(0xA2), True),
    ("trailer", tags_of(0xA3), True),
)
# RSASSA-PSS parameters at their DEFAULT (RFC 4055: SHA-1, MGF1 with SHA-1, 20, 1), as a DER
# writer leaves them out.
PSS_DEFAULTS = {
    "hash": bytes.fromhex("a00b300906052b0e03021a0500"),
    "mgf": bytes.fromhex("a118301606092a864886f70d010108300906052b0e03021a0500"),
    "salt": bytes.fromhex("a203020114"),
    "trailer": bytes.fromhex("a303020101"),
}
# The type each value of a well-known attribute has (content type, message digest, signing
# time, countersignature, timestamp tokens, algorithm protection, S/MIME preferences).
ATTRIBUTE_VALUE_TAGS = {
    CONTENT_TYPE: tags_of(OID),
    MESSAGE_DIGEST: tags_of(0x04),
    SIGNING_TIME: tags_of(0x17, 0x18),
    "1.2.840.113549.1.9.6": tags_of(SEQUENCE),
    "1.2.840.113549.1.9.15": tags_of(SEQUENCE),
    "1.2.840.113549.1.9.16.2.11": tags_of(0xA0, 0xA1, 0xA2),
    "1.2.840.113549.1.9.16.2.14": tags_of(SEQUENCE),
    "1.2.840.113549.1.9.52": tags_of(SEQUENCE),
    "1.3.6.1.4.1.311.2.4.1": tags_of(SEQUENCE),
    "1.3.6.1.4.1.311.3.3.1": tags_of(SEQUENCE),
}
DIGEST_NAMES = {
    "1.2.840.113549.2.2": "md2",
    "1.2.840.113549.2.5": "md5",
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.5": "sha512_224",
    "2.16.840.1.101.3.4.2.6": "sha512_256",
    "2.16.840.1.101.3.4.2.7": "sha3_224",
    "2.16.840.1.101.3.4.2.8": "sha3_256",
    "2.16.840.1.101.3.4.2.9": "sha3_384",
    "2.16.840.1.101.3.4.2.10": "sha3_512",
    "2.16.840.1.101.3.4.2.11": "shake128",
    "2.16.840.1.101.3.4.2.12": "shake256",
    "2.16.840.1.101.3.4.2.17": "shake128_len",
    "2.16.840.1.101.3.4.2.18": "shake256_len",
}
RSA, ECDSA, DSA = "rsassa_pkcs1v15", "ecdsa", "dsa"
# Signature algorithms: (kind, the hash the identifier names; "" where it names none).
SIGNATURE_ALGORITHMS = {
    "1.3.14.3.2.3": (RSA, "md5"),
    "1.3.14.3.2.29": (RSA, "sha1"),
    "1.3.14.7.2.3.1": (RSA, "md2"),
    "1.2.840.113549.1.1.2": (RSA, "md2"),
    "1.2.840.113549.1.1.4": (RSA, "md5"),
    "1.2.840.113549.1.1.5": (RSA, "sha1"),
    "1.2.840.113549.1.1.14": (RSA, "sha224"),
    "1.2.840.113549.1.1.11": (RSA, "sha256"),
    "1.2.840.113549.1.1.12": (RSA, "sha384"),
    "1.2.840.113549.1.1.13": (RSA, "sha512"),
    "1.2.840.113549.1.1.1": (RSA, ""),
    RSASSA_PSS: ("rsassa_pss", ""),
    "1.2.840.10040.4.3": (DSA, "sha1"),
    "1.3.14.3.2.13": (DSA, "sha1"),
    "1.3.14.3.2.27": (DSA, "sha1"),
    "2.16.840.1.101.3.4.3.1": (DSA, "sha224"),
    "2.16.840.1.101.3.4.3.2": (DSA, "sha256"),
    "1.2.840.10040.4.1": (DSA, ""),
    "1.2.840.10045.4.1": (ECDSA, "sha1"),
    "1.2.840.10045.4.3.1": (ECDSA, "sha224"),
    "1.2.840.10045.4.3.2": (ECDSA, "sha256"),
    "1.2.840.10045.4.3.3": (ECDSA, "sha384"),
    "1.2.840.10045.4.3.4": (ECDSA, "sha512"),
    "2.16.840.1.101.3.4.3.9": (ECDSA, ""),
    "2.16.840.1.101.3.4.3.10": (ECDSA, ""),
    "2.16.840.1.101.3.4.3.11": (ECDSA, ""),
    "2.16.840.1.101.3.4.3.12": (ECDSA, ""),
    "1.2.840.10045.4": (ECDSA, ""),
    "1.3.101.112": ("ed25519", "sha512"),
    "1.3.101.113": ("ed448", "shake256"),
}
# Older identifiers of algorithms that have a newer one: a DER writer writes the newer.
SIGNATURE_ALIASES = frozenset(
    {"1.3.14.3.2.3", "1.3.14.3.2.29", "1.3.14.7.2.3.1", "1.3.14.3.2.13", "1.3.14.3.2.27"}
)
# Algorithms whose parameters are NULL when present (RFC 4055, RFC 5754).
NULL_PARAMETERS = frozenset(
    {
        "1.2.840.113549.1.1.1",
        "1.2.840.113549.1.1.11",
        "1.2.840.113549.1.1.12",
        "1.2.840.113549.1.1.13",
        "1.2.840.113549.1.1.14",
        "1.3.14.3.2.26",
        "2.16.840.1.101.3.4.2.4",
        "2.16.840.1.101.3.4.2.1",
        "2.16.840.1.101.3.4.2.2",
        "2.16.840.1.101.3.4.2.3",
    }
)
DIRECTORY_STRING = tags_of(0x0C, 0x13, 0x14, 0x16, 0x1C, 0x1E)
# The types a name attribute's value may have (X.520 and the few others certificates use).
NAME_VALUE_TAGS = {
    **{
        oid: DIRECTORY_STRING
        for oid in (
            "2.5.4.3",
            "2.5.4.4",
            "2.5.4.5",
            "2.5.4.6",
            "2.5.4.7",
            "2.5.4.8",
            "2.5.4.9",
            "2.5.4.10",
            "2.5.4.11",
            "2.5.4.12",
            "2.5.4.15",
            "2.5.4.17",
            "2.5.4.41",
            "2.5.4.42",
            "2.5.4.43",
            "2.5.4.44",
            "2.5.4.46",
            "2.5.4.65",
            "2.5.4.97",
            "1.3.6.1.4.1.311.60.2.1.1",
            "1.3.6.1.4.1.311.60.2.1.2",
            "1.3.6.1.4.1.311.60.2.1.3",
            "0.2.262.1.10.7.20",
            "0.9.2342.19200300.100.1.1",
        )
    },
    "2.5.4.20": tags_of(0x13),
    "2.5.4.45": tags_of(0x03),
    "1.2.840.113549.1.9.1": tags_of(0x16),
    "0.9.2342.19200300.100.1.25": tags_of(0x16),
    **{f"2.23.133.2.{n}": tags_of(0x0C) for n in range(1, 7)},
}
# Text that must decode in its own encoding (a Name in the signer identifier).
TEXT_CODECS = {0x0C: "utf-8", 0x16: "ascii", 0x1C: "utf-32-be", 0x1E: "utf-16-be"}


# --- reading the parts ---------------------------------------------------------------------

FieldSpec = tuple[tuple[str, frozenset[int] | None, bool], ...]  # name, tags (None: any), optional


def need(condition: bool, what: str) -> None:
    """The value is strict DER but not the CMS structure there (as a schema reader says)."""
    if not condition:
        raise ValueError(what)


def present(tlv: Tlv | None) -> Tlv:
    need(tlv is not None, "a required element is missing")
    assert tlv is not None
    return tlv


def read_fields(der: bytes, tlv: Tlv | None, spec: FieldSpec) -> dict[str, Tlv | None]:
    """The children of a SEQUENCE matched in order to `spec`: a required field missing, a
    field of another type or one left over makes the structure unreadable."""
    tlv = present(tlv)
    need(tlv.tag == SEQUENCE, "not a sequence")
    parts = children(der, tlv)
    found: dict[str, Tlv | None] = {}
    i = 0
    for name, tags, optional in spec:
        if i < len(parts) and (tags is None or parts[i].tag in tags):
            found[name] = parts[i]
            i += 1
        elif optional:
            found[name] = None
        else:
            raise ValueError(f"{name} is missing or of another type")
    need(i == len(parts), "an element where none is expected")
    return found


def explicit_inner(der: bytes, tlv: Tlv | None, tag: int | None = None) -> Tlv:
    """The one element inside an explicit tag (of type `tag` when one is given)."""
    inner = children(der, present(tlv))
    need(len(inner) == 1, "an explicit tag that holds not one element")
    need(tag is None or inner[0].tag == tag, "an explicit tag that holds another type")
    return inner[0]


def set_items(
    der: bytes, tlv: Tlv | None, tag: int | None = None, container: int = SET
) -> list[Tlv]:
    """The elements of a SET OF (or another `container`), each of type `tag` when given."""
    tlv = present(tlv)
    need(tlv.tag == container, "not a set")
    parts = children(der, tlv)
    need(tag is None or all(p.tag == tag for p in parts), "a set of another type")
    return parts


def read_integer(der: bytes, tlv: Tlv | None) -> int:
    tlv = present(tlv)
    need(tlv.tag == INTEGER, "not an integer")
    return int.from_bytes(der[tlv.value_start : tlv.end], "big", signed=True)


def read_oid(der: bytes, tlv: Tlv | None) -> str:
    """An OBJECT IDENTIFIER's dotted form, read as written: an arc's leading 0x80 octets and
    a last arc cut short are not refused here (`minimal_oid` says where that matters)."""
    tlv = present(tlv)
    value = der[tlv.value_start : tlv.end]
    need(tlv.tag == OID and bool(value), "not an object identifier")
    arcs: list[int] = []
    n = 0
    for byte in value:
        n = (n << 7) | (byte & 0x7F)
        if not byte & 0x80:
            if arcs:
                arcs.append(n)
            else:
                first = min(n // 40, 2)
                arcs += [first, n - 40 * first]
            n = 0
    return ".".join(map(str, arcs))


def minimal_oid(der: bytes, tlv: Tlv) -> bool:
    value = der[tlv.value_start : tlv.end]
    return not value[-1] & 0x80 and all(
        not (byte == 0x80 and (i == 0 or not value[i - 1] & 0x80)) for i, byte in enumerate(value)
    )


def read_digest_name(der: bytes, tlv: Tlv | None) -> str:
    """A digest AlgorithmIdentifier's name (its dotted form when it is not a known one)."""
    oid = read_oid(der, read_fields(der, tlv, ALGORITHM)["oid"])
    return DIGEST_NAMES.get(oid, oid)


# --- the parts nobody's signature covers, in canonical DER -----------------------------------
# `check_strict` has proved minimal lengths and integers; what remains is what a DER writer
# would write differently: a SET OF out of order, a DEFAULT value written out, an object
# identifier's arc with a leading 0x80 or an alias of another, text not in its own encoding.


def canonical_digest_set(der: bytes, tlv: Tlv | None) -> bool:
    parts = set_items(der, tlv, SEQUENCE)
    encodings = [der[p.start : p.end] for p in parts]
    return all(canonical_algorithm(der, p) for p in parts) and encodings == sorted(encodings)


def canonical_encap(der: bytes, tlv: Tlv | None) -> bool:
    fields = read_fields(der, tlv, ENCAP)
    if fields["content"] is not None:
        need(len(children(der, fields["content"])) == 1, "encapsulated content is not one value")
    return minimal_oid(der, present(fields["type"]))


def canonical_sid(der: bytes, tlv: Tlv | None) -> bool:
    sid = present(tlv)
    need(sid.tag in (SEQUENCE, SKI), "a signer identifier of another type")
    if sid.tag == SKI:
        return True
    fields = read_fields(der, sid, ISSUER_AND_SERIAL)
    canonical = True
    for rdn in set_items(der, fields["issuer"], SET, container=SEQUENCE):
        atvs = set_items(der, rdn, SEQUENCE)
        encodings = [der[a.start : a.end] for a in atvs]
        canonical = canonical and encodings == sorted(encodings)
        for atv in atvs:
            parts = read_fields(der, atv, ATTRIBUTE_VALUE)
            kind, value = present(parts["type"]), present(parts["value"])
            canonical = canonical and minimal_oid(der, kind)
            allowed = NAME_VALUE_TAGS.get(read_oid(der, kind))
            need(allowed is None or value.tag in allowed, "a name value of another type")
            codec = TEXT_CODECS.get(value.tag)
            if codec is not None:
                der[value.value_start : value.end].decode(codec)  # raises UnicodeDecodeError
    return canonical


def canonical_algorithm(der: bytes, tlv: Tlv | None, signature: bool = False) -> bool:
    fields = read_fields(der, tlv, ALGORITHM)
    oid_tlv = present(fields["oid"])
    oid = read_oid(der, oid_tlv)
    params = fields["params"]
    if oid in NULL_PARAMETERS and params is not None:
        need(params.tag == 0x05, "parameters other than NULL")
    if not minimal_oid(der, oid_tlv) or (signature and oid in SIGNATURE_ALIASES):
        return False
    if not signature or oid != RSASSA_PSS or params is None:
        return True
    return canonical_pss(der, params)


def canonical_pss(der: bytes, params: Tlv) -> bool:
    """RSASSA-PSS parameters as DER writes them: no DEFAULT value written out, each field
    under its own tag, the hash algorithms inside canonical too."""
    try:
        pss = read_fields(der, params, PSS)
    except ValueError:
        need(params.tag == SEQUENCE, "RSASSA-PSS parameters that are not a sequence")
        return False  # a field under another tag
    for name, default in PSS_DEFAULTS.items():
        given = pss[name]
        if given is not None and der[given.start : given.end] == default:
            return False  # DER leaves a DEFAULT value out
    if pss["salt"] is not None:
        need(explicit_inner(der, pss["salt"]).tag == INTEGER, "a salt length that is no number")
    if pss["hash"] is not None and not canonical_algorithm(
        der, explicit_inner(der, pss["hash"], SEQUENCE)
    ):
        return False
    if pss["mgf"] is None:
        return True
    mgf = explicit_inner(der, pss["mgf"], SEQUENCE)
    if not canonical_algorithm(der, mgf):
        return False
    fields = read_fields(der, mgf, ALGORITHM)
    mgf_hash = fields["params"]
    if mgf_hash is None or read_oid(der, fields["oid"]) != MGF1:
        return True
    need(mgf_hash.tag == SEQUENCE, "MGF1 parameters that are not a hash algorithm")
    return canonical_algorithm(der, mgf_hash)
