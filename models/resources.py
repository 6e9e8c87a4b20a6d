"""Where the shipped resources (fonts, markers, templates, demo data) are."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


CJK_FONT = resource_path("fonts", "wqy-microhei.ttc")
