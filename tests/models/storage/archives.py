"""Test helpers: make a real backup, then damage it in the ways a user's file can be damaged."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.storage.archive import MANIFEST

Members = dict[str, bytes]
Manifest = dict[str, Any]


def read_archive(path: Path) -> tuple[Members, Manifest]:
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != MANIFEST}
        manifest = json.loads(zf.read(MANIFEST))
    return members, manifest


def write_archive(
    path: Path,
    members: Members,
    manifest: Manifest | None,
    extra: tuple[zipfile.ZipInfo, ...] = (),
) -> Path:
    """Write members (and the manifest as given, or none) without any checks."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for info in extra:
            zf.writestr(info, b"x")
        if manifest is not None:
            zf.writestr(MANIFEST, json.dumps(manifest))
    return path


def entry(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def relist(members: Members, manifest: Manifest) -> Manifest:
    """A manifest that truthfully describes `members` (so only the other damage is left)."""
    return {**manifest, "members": [entry(n, d) for n, d in members.items()]}


Damage = Callable[[Members, Manifest, Path], Path]


def _first_file(members: Members) -> str:
    return next(n for n in members if n.startswith("files/"))


def missing_member(m: Members, man: Manifest, out: Path) -> Path:
    del m[_first_file(m)]
    return write_archive(out, m, man)


def hash_mismatch(m: Members, man: Manifest, out: Path) -> Path:
    name = _first_file(m)
    data = bytearray(m[name])
    data[0] ^= 0x01
    m[name] = bytes(data)
    return write_archive(out, m, man)


def size_mismatch(m: Members, man: Manifest, out: Path) -> Path:
    name = _first_file(m)
    m[name] = m[name] + b"!"
    return write_archive(out, m, man)


def extra_member(m: Members, man: Manifest, out: Path) -> Path:
    m["files/zz/unlisted.bin"] = b"not in the manifest"
    return write_archive(out, m, man)


def traversal_member(m: Members, man: Manifest, out: Path) -> Path:
    m["files/../../escaped.txt"] = b"gotcha"
    return write_archive(out, m, relist(m, man))


def dotdot_member(m: Members, man: Manifest, out: Path) -> Path:
    m["../x"] = b"gotcha"
    return write_archive(out, m, relist(m, man))


def absolute_member(m: Members, man: Manifest, out: Path) -> Path:
    m["/tmp/escaped.txt"] = b"gotcha"
    return write_archive(out, m, relist(m, man))


def duplicate_member(m: Members, man: Manifest, out: Path) -> Path:
    name = _first_file(m)
    write_archive(out, m, man)
    with zipfile.ZipFile(out, "a") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zf.writestr(name, m[name])
    return out


def symlink_member(m: Members, man: Manifest, out: Path) -> Path:
    info = zipfile.ZipInfo("files/ln/link")
    info.create_system = 3
    info.external_attr = (0o120777) << 16
    m_with = dict(m)
    m_with["files/ln/link"] = b"x"
    return write_archive(out, m, relist(m_with, man), extra=(info,))


def newer_schema(m: Members, man: Manifest, out: Path) -> Path:
    return write_archive(out, m, {**man, "schema": [*man["schema"], "9999_from_the_future"]})


def newer_format(m: Members, man: Manifest, out: Path) -> Path:
    return write_archive(out, m, {**man, "format_version": 99})


def no_manifest(m: Members, man: Manifest, out: Path) -> Path:
    return write_archive(out, m, None)


def manifest_not_json(m: Members, man: Manifest, out: Path) -> Path:
    write_archive(out, m, None)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr(MANIFEST, b"{not json")
    return out


def database_not_sqlite(m: Members, man: Manifest, out: Path) -> Path:
    m["database.sqlite3"] = b"this is not a database" * 100
    return write_archive(out, m, relist(m, man))


def database_corrupt(m: Members, man: Manifest, out: Path) -> Path:
    data = bytearray(m["database.sqlite3"])
    for i in range(4096, len(data), 97):  # keep the header, trash the pages
        data[i] = 0xFF
    m["database.sqlite3"] = bytes(data)
    return write_archive(out, m, relist(m, man))


def not_an_archive(m: Members, man: Manifest, out: Path) -> Path:
    out.write_text("roster,not,a,backup\n", encoding="utf-8")
    return out


def truncated(m: Members, man: Manifest, out: Path) -> Path:
    write_archive(out, m, man)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


DAMAGES: dict[str, Damage] = {
    f.__name__: f
    for f in (
        missing_member,
        hash_mismatch,
        size_mismatch,
        extra_member,
        traversal_member,
        dotdot_member,
        absolute_member,
        duplicate_member,
        symlink_member,
        newer_schema,
        newer_format,
        no_manifest,
        manifest_not_json,
        database_not_sqlite,
        database_corrupt,
        not_an_archive,
        truncated,
    )
}


def tree(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under root with its hash and mtime: equal before and after = untouched."""
    out: dict[str, tuple[str, int]] = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(root))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                p.stat().st_mtime_ns,
            )
        elif p.is_dir():
            out[str(p.relative_to(root)) + "/"] = ("", 0)
    return out


def copy_desk(db_file: Path, folder: Path, name: str = "desk.sqlite3") -> Path:
    """Copy a closed database and its files folder into `folder` (tests share one build)."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(db_file, target)
    src_files = db_file.parent / f"{db_file.stem}-files"
    if src_files.exists():
        shutil.copytree(src_files, folder / f"{target.stem}-files")
    return target
