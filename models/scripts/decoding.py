"""A text script's bytes as lines: `models.text` decides the encoding, binary files are refused.

Chinese scripts still arrive in GB18030 from older tools and in UTF-16 from Windows editors;
Western ones now and then in Windows-1252, which scripts (unlike name lists) accept. UTF-8 —
what nearly every script is in — is checked a megabyte at a time and then kept as the file's
own bytes (`LineTable`), so a 30 MB script is never held as text as well.
"""

from __future__ import annotations

from models import text
from models.scripts.document import LineTable
from models.scripts.errors import ScriptReadError

_SAMPLE = 200_000


def decode_lines(data: bytes, name: str) -> tuple[LineTable, str]:
    """The lines of a script file and the encoding it was in; refuses binary data."""
    try:
        start = text.utf8_bytes(data)
        if start is not None:
            sample = data[start : start + _SAMPLE * 4].decode("utf-8", errors="ignore")
            text.refuse_binary(sample, name)
            return LineTable(data), "utf-8 (BOM)" if start else "utf-8"
        decoded = text.decode(data, name, western=True)
    except text.TextDecodeError as e:
        raise ScriptReadError(e.message) from e
    return LineTable(decoded.text), decoded.encoding
