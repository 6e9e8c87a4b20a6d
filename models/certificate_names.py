"""How a certificate's subject is shown: its common name, else its organisation, else the
whole name in RFC 4514 form, read from the DER as written (models/certificates.py keeps the
certificate; this module only renders a name, so it needs no cryptography at all).
"""

from __future__ import annotations

from models.der import SEQUENCE, SET, DerError, children, oid_text, read_tlv

_COMMON_NAME, _ORGANISATION = "2.5.4.3", "2.5.4.10"
# The attribute names of RFC 4514 (as cryptography writes them); others by their number.
_SHORT_NAMES = {
    "2.5.4.3": "CN",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "2.5.4.6": "C",
    "2.5.4.9": "STREET",
    "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID",
}
_TEXT_CODECS = {
    0x0C: "utf-8",  # UTF8String
    0x12: "ascii",  # NumericString
    0x13: "ascii",  # PrintableString
    0x14: "latin-1",  # TeletexString
    0x16: "ascii",  # IA5String
    0x1A: "ascii",  # VisibleString
    0x1C: "utf-32-be",  # UniversalString
    0x1E: "utf-16-be",  # BMPString
}


def name_parts(name: bytes) -> list[list[tuple[str, int, bytes]]]:
    """A Name's relative distinguished names, each a list of (type, value tag, value)."""
    top = read_tlv(name, 0, len(name))
    rdns: list[list[tuple[str, int, bytes]]] = []
    for rdn in children(name, top):
        if rdn.tag != SET:
            raise DerError("a name part is not a set")
        values: list[tuple[str, int, bytes]] = []
        for atv in children(name, rdn):
            kind = children(name, atv)
            if atv.tag != SEQUENCE or len(kind) != 2:
                raise DerError("a name attribute is not a type and a value")
            value = kind[1]
            values.append((oid_text(name, kind[0]), value.tag, name[value.value_start : value.end]))
        rdns.append(values)
    return rdns


def _value(tag: int, raw: bytes) -> str | bytes:
    codec = _TEXT_CODECS.get(tag)
    return raw.decode(codec, "replace") if codec else raw


def _escape(value: str | bytes) -> str:
    """An attribute value as RFC 4514 writes it (as cryptography's `rfc4514_string`)."""
    if isinstance(value, bytes):
        return "#" + value.hex()
    if not value:
        return ""
    for c in '\\"+,;<>':
        value = value.replace(c, "\\" + c)
    value = value.replace("\0", "\\00")
    if value[0] in "# ":
        value = "\\" + value
    if value[-1] == " ":
        value = value[:-1] + "\\ "
    return value


def shown_name(subject: bytes) -> str:
    """A certificate subject (DER) as shown: common name, else organisation, else the whole
    name as RFC 4514 writes it (as cryptography's `rfc4514_string`)."""
    rdns = name_parts(subject)
    for wanted in (_COMMON_NAME, _ORGANISATION):
        for rdn in rdns:
            for kind, tag, raw in rdn:
                if kind == wanted:
                    value = _value(tag, raw)
                    return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return ",".join(
        "+".join(f"{_SHORT_NAMES.get(k, k)}={_escape(_value(t, raw))}" for k, t, raw in rdn)
        for rdn in reversed(rdns)
    )
