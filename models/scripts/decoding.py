"""Turning a text script's bytes into text: BOMs, UTF-8, UTF-16 without BOM, GB18030.

Chinese scripts still arrive in GB18030 from older tools and in UTF-16 from Windows editors;
charset-normalizer proposes encodings (limited to the ones scripts really use, since short
Chinese texts are otherwise often taken for Korean), and we keep the proposal whose text
looks most like a script. Binary files are refused here, before any parser sees them.
"""

from __future__ import annotations

import codecs
import re

from models.scripts.document import LineTable
from models.scripts.errors import ScriptReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CANDIDATES = ["utf_8", "utf_16_le", "utf_16_be", "gb18030", "big5", "cp1252"]
_PLAUSIBLE = (
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2100-\u214f\u2190-\u21ff\u2460-\u24ff"
    r"\u2500-\u27bf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
)  # compiled only for a text that is not UTF-8 (compiling its ranges takes milliseconds)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 200_000  # characters looked at when judging a decoding


def plausibility(text: str) -> float:
    """Share of characters a script in English or Chinese would plausibly contain."""
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    return len(re.findall(_PLAUSIBLE, sample)) / len(sample)


_CHUNK = 1 << 20


def decode_lines(data: bytes, name: str) -> tuple[LineTable, str]:
    """The lines of a script file and the encoding it was in; refuses binary data.

    UTF-8 — what nearly every script is in — is checked a megabyte at a time and then kept as
    the file's own bytes, so a 30 MB script is never held as text as well; other encodings
    are decoded as a whole."""
    bom = data.startswith(codecs.BOM_UTF8)
    if bom or not any(data.startswith(b) for b, _ in _BOMS):
        if b"\x00" not in data and _valid_utf8(data, 3 if bom else 0):
            sample = data[(3 if bom else 0) : _SAMPLE * 4].decode("utf-8", errors="ignore")
            _refuse_binary(sample, name)
            return LineTable(data), "utf-8 (BOM)" if bom else "utf-8"
        if bom:
            raise ScriptReadError("error.scripts.decoding.name_text_damaged_not_valid", name=name)
    text, encoding = decode_script(data, name)
    return LineTable(text), encoding


def _valid_utf8(data: bytes, start: int) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    view = memoryview(data)
    try:
        for at in range(start, len(data), _CHUNK):
            decoder.decode(view[at : at + _CHUNK], final=at + _CHUNK >= len(data))
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def decode_script(data: bytes, name: str) -> tuple[str, str]:
    """The text of a script file and the encoding it was in; refuses binary data."""
    text, encoding = _decode(data, name)
    _refuse_binary(text, name)
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError as e:
                raise ScriptReadError(
                    "error.scripts.decoding.name_text_damaged_not_valid_2",
                    name=name,
                    encoding=encoding,
                ) from e
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return text, "utf-8"
    best: tuple[float, int, str, str] | None = None
    order = 0
    for guess in _proposals(data):
        try:
            text = data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            continue
        score = plausibility(text)
        order += 1
        if best is None or (score, -order) > (best[0], best[1]):
            best = (score, -order, text, guess)
    if best is None or best[0] < 0.9:
        raise ScriptReadError("error.scripts.decoding.name_not_text_script_its", name=name)
    return best[2], best[3]


def _proposals(data: bytes) -> list[str]:
    import charset_normalizer  # only for text that is not UTF-8: keeps start-up short

    found = [m.encoding for m in charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES)]
    # Keep our own order as the fall-back so very short texts still get their best reading.
    return found + [c for c in ("utf_16_le", "utf_16_be", "gb18030", "cp1252") if c not in found]


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        raise ScriptReadError("error.scripts.decoding.name_contains_binary_data_not", name=name)
