"""The third-party notice is generated from what is installed, never kept by hand."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from models.licences import Component, installed_components, notice_text

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.match(r"[A-Za-z0-9._-]+", d).group(0) for d in project["dependencies"]]  # type: ignore[union-attr]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_declared_dependency_and_what_it_needs_is_listed() -> None:
    names = {_canonical(c.name) for c in installed_components()}
    for dependency in _declared():
        assert _canonical(dependency) in names, dependency
    assert "asn1crypto" in names  # needed by pyHanko, not declared by us
    assert "psycopg-binary" in names  # asked for through the psycopg[binary] extra
    assert "pytest" not in names and "hypothesis" not in names  # development tools are not shipped


def test_the_notice_names_qt_the_font_and_carries_the_licence_texts() -> None:
    text = notice_text(
        [Component("PySide6_Essentials", "6.9.0", "LGPL-3.0-only", ("LICENCE TEXT OF PYSIDE",))]
    )
    assert "PySide6_Essentials 6.9.0 — LGPL-3.0-only" in text
    assert "Qt 6 (inside PySide6) 6.9.0 — LGPL-3.0-only" in text
    assert "WenQuanYi Micro Hei" in text and "Apache License" in text
    assert "LICENCE TEXT OF PYSIDE" in text
