"""One entry point for every script format: `read_script(path)`.

The format is sniffed from the bytes first (a PDF renamed .txt is still a PDF) and the file
name second. Sizes are capped so a hostile or mistaken file (a video, a disk image) is refused
at once instead of being read into memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.gcpause import paused_gc
from models.scripts.decoding import decode_lines
from models.scripts.document import ScriptDocument, ScriptFormat
from models.scripts.errors import ScriptReadError
from models.scripts.fountain import read_fountain

MAX_TEXT_BYTES = 32 * 1024 * 1024
MAX_PDF_BYTES = 100 * 1024 * 1024
SUFFIXES = {
    ".fountain": ScriptFormat.FOUNTAIN,
    ".spmd": ScriptFormat.FOUNTAIN,
    ".fdx": ScriptFormat.FDX,
    ".pdf": ScriptFormat.PDF,
    ".txt": ScriptFormat.TEXT,
    ".text": ScriptFormat.TEXT,
    ".docx": ScriptFormat.DOCX,
}
_OFFICE = {
    b"\xd0\xcf\x11\xe0": ("an old Word (.doc) document", "旧版 Word（.doc）文档"),
    b"{\\rtf": ("an RTF document", "RTF 文档"),
}

Progress = Callable[[int, int], None]


def sniff(data: bytes, name: str) -> ScriptFormat:
    """The format of a script file, from its first bytes and then its name."""
    head = data[:1024]
    if b"%PDF-" in head:
        return ScriptFormat.PDF
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return ScriptFormat.DOCX
        raise ScriptReadError("error.scripts.reader.name_zip_package_pages_celtx", name=name)
    for magic, what in _OFFICE.items():
        if head.startswith(magic):
            raise ScriptReadError(
                "error.scripts.reader.name_what_which_consent_desk", name=name, what=what
            )
    suffix = Path(name).suffix.lower()
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".fdx" or (
        stripped.startswith(b"<") and (b"<FinalDraft" in head or stripped.startswith(b"<?xml"))
    ):
        return ScriptFormat.FDX
    return SUFFIXES.get(suffix, ScriptFormat.TEXT)


def read_script(path: str | Path, progress: Progress | None = None) -> ScriptDocument:
    """Read a Fountain, FDX, PDF, Word .docx or plain-text script; raises only ScriptReadError."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            raise _too_big(name, size, MAX_PDF_BYTES)
        data = path.read_bytes()
    except ScriptReadError:
        raise
    except IsADirectoryError:
        raise ScriptReadError(
            "error.scripts.reader.path_folder_not_script_file", path=path
        ) from None
    except FileNotFoundError:
        raise ScriptReadError("error.scripts.reader.path_does_not_exist", path=path) from None
    except OSError as e:
        raise ScriptReadError(
            "error.scripts.reader.path_cannot_read_value", path=path, value=e.strerror or e
        ) from e
    return read_bytes(data, name, progress)


def read_bytes(data: bytes, name: str, progress: Progress | None = None) -> ScriptDocument:
    """Read a script held in memory; `name` gives the suffix and is shown in messages.

    The collector is paused meanwhile (models/gcpause.py): a big script is hundreds of
    thousands of new objects without reference cycles, and full collections over them made
    reading grow faster than the script."""
    with paused_gc():
        return _read_bytes(data, name, progress)


def _read_bytes(data: bytes, name: str, progress: Progress | None) -> ScriptDocument:
    fmt = sniff(data, name)
    if fmt is ScriptFormat.PDF:
        if len(data) > MAX_PDF_BYTES:
            raise _too_big(name, len(data), MAX_PDF_BYTES)
        from models.scripts.pdf import read_pdf  # PDFium and pypdf are loaded for PDFs only

        return read_pdf(data, name, progress)
    if len(data) > MAX_TEXT_BYTES:
        raise _too_big(name, len(data), MAX_TEXT_BYTES)
    if fmt is ScriptFormat.DOCX:
        from models.scripts.docx import read_docx  # zipfile and the XML reader: .docx only

        return read_docx(data, name)
    if fmt is ScriptFormat.FDX:
        from models.scripts.fdx import read_fdx

        return read_fdx(data, name)
    lines, _encoding = decode_lines(data, name)
    if fmt is ScriptFormat.FOUNTAIN:
        return read_fountain(lines, name)
    from models.scripts.text import read_text

    return read_text(lines, name)


def _too_big(name: str, size: int, limit: int) -> ScriptReadError:
    return ScriptReadError(
        "error.scripts.reader.name_value_mb_script_format",
        name=name,
        value=f"{size / 1000000.0:.0f}",
        value_b=f"{limit / 1000000.0:.0f}",
    )
