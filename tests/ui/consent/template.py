"""One demo database per test session, copied for each test (loading the demo takes ~1 s)."""

from __future__ import annotations

import shutil
from pathlib import Path

from models.demo import load_demo
from models.storage.database import Database


def make_demo_template(folder: Path) -> Path:
    path = folder / "demo.sqlite3"
    db = Database.open(str(path), actor="tester")
    try:
        load_demo(db)
    finally:
        db.close()
    return path


def copy_demo(template: Path, target_dir: Path) -> Path:
    """Copy the database and its stored files (evidence) as `target_dir/desk.sqlite3`."""
    path = target_dir / "desk.sqlite3"
    shutil.copyfile(template, path)
    files = template.parent / f"{template.stem}-files"
    if files.is_dir():
        shutil.copytree(files, target_dir / "desk-files")
    return path
