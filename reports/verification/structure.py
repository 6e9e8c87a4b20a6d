"""The signature's place in the file, checked on the raw bytes (never trusting a PDF library).

Published attacks on PDF signatures (incremental saving, shadow attacks, signature wrapping,
universal signature forgery) all leave bytes the signature does not cover, or move what it
covers. A statement is one signed revision and nothing else, so this asks for exactly that:

- the signature's byte ranges start at 0 and the second one starts right after the gap;
- the gap is exactly `<` + the signature's own value in uppercase hex + `>` (as pyHanko
  writes it: any other spelling, lowercase digits included, is a different file from the one
  that was signed, and the register's file hash would not match it either);
- the signed revision ends with its `%%EOF` (and one end-of-line), and that is the end of
  the file: no later revision, no appended byte.
"""

from __future__ import annotations

import re

from models.der import MAX_DER_BYTES
from models.messages import Text

_EOF_TAIL = re.compile(rb"%%EOF(\r\n|\r|\n)?\Z")


def byte_range_problems(data: bytes, byte_range: list[int], contents: bytes) -> list[Text]:
    """Every way in which `byte_range` and the gap fail to be our one signed revision."""
    if len(byte_range) != 4 or any(not isinstance(v, int) or v < 0 for v in byte_range):
        return [Text("verify.problem.byte_range_malformed")]
    start1, len1, start2, len2 = byte_range
    problems: list[Text] = []
    if start1 != 0:
        problems.append(Text("verify.problem.not_at_start"))
    gap_expected = b"<" + contents.hex().upper().encode("ascii") + b">"
    if start2 != start1 + len1 + len(gap_expected):
        problems.append(Text("verify.problem.gap_unsigned"))
    elif data[start1 + len1 : start2] != gap_expected:
        problems.append(Text("verify.problem.gap_rewritten"))
    end = start2 + len2
    if end > len(data):
        problems.append(Text("verify.problem.truncated"))
    elif end < len(data):
        problems.append(Text("verify.problem.appended", n=len(data) - end))
    if end <= len(data) and not _EOF_TAIL.search(data[max(0, end - 8) : end]):
        problems.append(Text("verify.problem.revision_end"))
    if data.count(b"%%EOF", end) or data.count(b"startxref", end):
        problems.append(Text("verify.problem.later_revision"))
    return problems


# A signature value longer than the DER reader accepts, written as hex after /Contents: found on
# the raw bytes before any PDF library reads it (pyHanko reads hex strings a byte at a time,
# about a second per megabyte). Hex runs cannot overlap, so the scan stays linear.
_OVERSIZED_VALUE = re.compile(rb"/Contents\s*<[0-9A-Fa-f\s]{%d}" % (2 * MAX_DER_BYTES + 1))


def oversized_signature_value(data: bytes) -> bool:
    """Whether the file holds a signature value far larger than any statement's signature."""
    return _OVERSIZED_VALUE.search(data) is not None


def revision_ends(data: bytes) -> list[int]:
    """Where each revision ends (just after `%%EOF` and its end-of-line), in file order."""
    ends: list[int] = []
    for m in re.finditer(rb"%%EOF(\r\n|\r|\n)?", data):
        ends.append(m.end())
    return ends


__all__ = ["byte_range_problems", "oversized_signature_value", "revision_ends"]
