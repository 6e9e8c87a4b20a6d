"""What each stored statement PDF anchors, remembered so `audit verify` need not open the PDFs.

Reading the checkpoint embedded in a signed statement needs the PDF library, which costs more
than the rest of `audit verify` on SQLite. `statements/.anchors.json` in the files folder keeps,
per PDF, its name, size, SHA-256, the label it is shown under and the checkpoint read from it,
each entry sealed with the desk key (HMAC-SHA256, the key of desk-key checkpoint seals:
models/audit/checkpoint.py). An entry counts only when the PDF on disk has the same name, size
and hash and the seal verifies; any other PDF is read as before and its entry written back
when the folder can be written. An entry says only what the desk itself read from exactly
those bytes, so a missing, damaged, forged, copied or stale cache can never hide an anchor:
it only costs the PDF read. Issuing a statement adds its entry at once (`remember_issued`,
from the record it embedded), so `audit verify` right after an export reads no PDF either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_FILE = ".anchors.json"
FORMAT = "consent-desk-statement-anchors/1"
MAX_CACHE_BYTES = 16 * 1024 * 1024
_DOMAIN = b"consent-desk statement anchor\x00"


@dataclass(frozen=True)
class Entry:
    """What one stored PDF (`name`, `size` bytes, `sha256`) anchors: its label and checkpoint."""

    name: str
    size: int
    sha256: str
    label: Any  # the record's statement id (JSON value), or the file name
    checkpoint: Any  # the record's `checkpoint` JSON value, as read from the PDF

    def signed_bytes(self) -> bytes:
        body = {
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "label": self.label,
            "checkpoint": self.checkpoint,
        }
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return _DOMAIN + text.encode("utf-8")

    def mac(self, key: bytes) -> str:
        return hmac.new(key, self.signed_bytes(), hashlib.sha256).hexdigest()


def _key(create: bool) -> bytes | None:
    from models.audit.checkpoint import desk_key

    try:
        return desk_key(create=create)
    except OSError:
        return None


class AnchorCache:
    """The sealed entries of one `statements/` folder; `lookup` checks, `remember` adds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CACHE_FILE
        self._key = _key(create=False)
        self._sealed: dict[str, dict[str, Any]] = {}  # name -> stored entry (unchecked)
        self._kept: dict[str, dict[str, Any]] = {}  # what will be written back
        self._changed = False
        if self._key is not None:
            self._sealed = _read_entries(self.path)

    def lookup(self, name: str, size: int, sha256: str) -> Entry | None:
        """The entry for this PDF when it matches the bytes on disk and its seal verifies."""
        stored = self._sealed.get(name)
        if stored is None or self._key is None:
            return None
        try:
            entry = Entry(name, int(stored["size"]), str(stored["sha256"]), *_values(stored))
            mac = bytes.fromhex(str(stored["mac"]))
        except (KeyError, TypeError, ValueError):
            return None
        good = bytes.fromhex(entry.mac(self._key))
        if (
            entry.size != size
            or not hmac.compare_digest(entry.sha256, sha256)
            or not hmac.compare_digest(good, mac)
        ):
            return None
        self._kept[name] = stored
        return entry

    def remember(self, entry: Entry) -> None:
        """Keep `entry` (read from the PDF just now) for the next `audit verify`."""
        if self._key is None:
            self._key = _key(create=True)
            if self._key is None:
                return
        stored = {
            "name": entry.name,
            "size": entry.size,
            "sha256": entry.sha256,
            "label": entry.label,
            "checkpoint": entry.checkpoint,
            "mac": entry.mac(self._key),
        }
        self._kept[entry.name] = stored
        self._changed = True

    def add(self, entry: Entry) -> None:
        """`remember`, keeping every other entry as it is (none of them was looked up): a
        statement just issued joins the cache; `lookup` still checks each entry it is given."""
        for name, stored in self._sealed.items():
            self._kept.setdefault(name, stored)
        self.remember(entry)

    def save(self) -> None:
        """Write the entries back when they changed; a folder that cannot be written is fine."""
        if not self._changed and self._kept.keys() == self._sealed.keys():
            return
        data = {"format": FORMAT, "entries": [self._kept[n] for n in sorted(self._kept)]}
        tmp = self.folder / f"{CACHE_FILE}.{secrets.token_hex(4)}.part"
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except (OSError, ValueError, TypeError):
            tmp.unlink(missing_ok=True)


def entry_of(name: str, size: int, sha256: str, record: Mapping[str, Any]) -> Entry | None:
    """The entry for the stored PDF `name` (`size` bytes, `sha256`) whose embedded statement
    record is `record`; None when the record holds no usable checkpoint (nothing to keep)."""
    from models.audit.checkpoint import Checkpoint

    checkpoint = record.get("checkpoint")
    if Checkpoint.from_json(checkpoint) is None:
        return None
    label = record.get("statement_id", name)
    return Entry(name, size, sha256, label, checkpoint)


def remember_issued(folder: Path, name: str, data: bytes, record: Mapping[str, Any]) -> None:
    """Seal the entry of a statement PDF just stored as `folder`/`name`, the entry `audit
    verify` would write after reading the PDF, so the first verify after an export need not
    read it either. `record` is the record embedded in `data`, as read back from it (JSON)."""
    entry = entry_of(name, len(data), file_digest(data), record)
    if entry is None:
        return
    cache = AnchorCache(folder)
    cache.add(entry)
    cache.save()


def _values(stored: dict[str, Any]) -> tuple[Any, Any]:
    return stored["label"], stored["checkpoint"]


def _read_entries(path: Path) -> dict[str, dict[str, Any]]:
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            return {}
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):  # missing or damaged: every PDF is read
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, list):
        return {}
    return {
        str(e["name"]): e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)
    }


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
