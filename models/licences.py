"""The licences of what Consent Desk ships, generated from the installed packages' metadata.

Nobody keeps this list by hand: it is the dependency closure of the `consent-desk`
distribution, read from each package's own metadata and licence files, plus the two things that
ship inside other packages (Qt inside PySide6, the CJK font in resources/fonts). The About box
shows it; a bundle (packaging/consent-desk.spec) writes it to THIRD-PARTY-LICENSES.txt at build
time, because a frozen application no longer carries the packages' metadata.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from models.resources import resource_path

APP = "consent-desk"
NOTICE_FILE = "THIRD-PARTY-LICENSES.txt"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
_EXTRA_MARKER = re.compile(r"extra\s*==\s*[\"']([^\"']+)[\"']")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    texts: tuple[str, ...] = ()


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(
    dist: metadata.Distribution, extras: frozenset[str]
) -> list[tuple[str, frozenset[str]]]:
    """The packages `dist` needs at run time, with the extras asked for (others left out)."""
    names = []
    for req in dist.requires or []:
        requirement, _, marker = req.partition(";")
        extra = _EXTRA_MARKER.search(marker)
        if extra and _canonical(extra.group(1)) not in extras:
            continue
        match = _NAME.match(requirement)
        if match:
            wanted = frozenset(_canonical(e) for e in (match.group(2) or "").split(",") if e)
            names.append((match.group(1), wanted))
    return names


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = "\n".join(meta.get_all("License") or []).strip()
    first = text.splitlines()[0] if text else ""
    return first[:120] or "see the package"


def _licence_texts(dist: metadata.Distribution) -> tuple[str, ...]:
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(str(file)):
            try:
                raw = Path(str(file.locate())).read_bytes()
            except OSError:
                continue
            texts.append(raw.decode("utf-8", errors="replace").strip())
    return tuple(t for t in texts if t)


def installed_components(root: str = APP) -> list[Component]:
    """Every package `root` needs at run time, found through the installed metadata."""
    seen: dict[str, Component] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        key = _canonical(name)
        if key in seen and not extras:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if key != _canonical(root):
            seen[key] = Component(
                dist.metadata["Name"], dist.version, _licence_of(dist), _licence_texts(dist)
            )
        else:
            seen[key] = Component("", "", "")
        todo.extend(_requirements(dist, extras))
    return sorted((c for c in seen.values() if c.name), key=lambda c: c.name.lower())


def _font_component() -> Component:
    texts = []
    for name in ("wqy-microhei.COPYRIGHT.txt", "wqy-microhei.LICENSE-Apache-2.0.txt"):
        path = resource_path("fonts", name)
        if path.exists():
            texts.append(path.read_text(encoding="utf-8", errors="replace").strip())
    return Component(
        "WenQuanYi Micro Hei (font)",
        "0.2.0-beta",
        "Apache-2.0 OR GPL-3.0+ with font exception",
        tuple(texts),
    )


def _qt_component(components: list[Component]) -> Component | None:
    pyside = next((c for c in components if c.name.lower().startswith("pyside6")), None)
    if pyside is None:
        return None
    return Component(
        "Qt 6 (inside PySide6)",
        pyside.version,
        "LGPL-3.0-only (Qt's source: https://download.qt.io/official_releases/qt/; it may be "
        "replaced by a compatible build of your own, as the LGPL allows)",
    )


def notice_text(components: list[Component] | None = None) -> str:
    """The whole third-party notice: a summary table, then every licence text found."""
    found = installed_components() if components is None else components
    everything = [*found]
    qt = _qt_component(found)
    if qt is not None:
        everything.append(qt)
    everything.append(_font_component())
    lines = ["Consent Desk ships these components:", ""]
    lines += [f"  {c.name} {c.version} — {c.licence}" for c in everything]
    for c in everything:
        for text in c.texts:
            lines += ["", "=" * 72, f"{c.name} {c.version}", "=" * 72, "", text]
    return "\n".join(lines) + "\n"


def bundled_notice_path() -> Path | None:
    """The notice written into a frozen bundle at build time, if this is one."""
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None
    path = Path(base) / NOTICE_FILE
    return path if path.exists() else None


def third_party_notice() -> str:
    """What the About box shows: the bundle's build-time notice, or one made now."""
    path = bundled_notice_path()
    if path is not None:
        return path.read_text(encoding="utf-8", errors="replace")
    return notice_text()
