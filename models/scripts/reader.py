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
from models.scripts.docx import read_docx
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
    b"\xd0\xcf\x11\xe0": "an old Word (.doc) document",
    b"{\\rtf": "an RTF document",
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
        raise ScriptReadError(
            f"{name} is a ZIP package (Pages, Celtx…), which Consent Desk does not read; "
            "export the script as PDF, Word (.docx), Final Draft (.fdx), Fountain or plain text",
            f"{name} 是不支持的 ZIP 格式；"
            "请将剧本导出为 PDF、Word（.docx）、Final Draft（.fdx）、Fountain 或纯文本",
        )
    for magic, what in _OFFICE.items():
        if head.startswith(magic):
            raise ScriptReadError(
                f"{name} is {what}, which Consent Desk does not read; export the script as "
                "PDF, Final Draft (.fdx), Fountain or plain text",
                f"{name} 是不支持的格式；"
                "请将剧本导出为 PDF、Final Draft（.fdx）、Fountain 或纯文本",
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
            f"{path} is a folder, not a script file", f"{path} 是文件夹，不是剧本文件"
        ) from None
    except FileNotFoundError:
        raise ScriptReadError(f"{path} does not exist", f"{path} 不存在") from None
    except OSError as e:
        raise ScriptReadError(
            f"{path} cannot be read: {e.strerror or e}", f"无法读取 {path}：{e.strerror or e}"
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
        f"{name} is {size / 1e6:.0f} MB; a script of this format is at most {limit / 1e6:.0f} MB",
        f"{name} 大小为 {size / 1e6:.0f} MB；此格式的剧本最大 {limit / 1e6:.0f} MB",
    )
