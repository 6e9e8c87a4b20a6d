"""Pack the PyInstaller folder into the Linux archive users download.

    dist/consent-desk-VERSION-linux-x86_64.tar.gz
      consent-desk-VERSION/
        consent-desk/          the bundle (run consent-desk/consent-desk)
        share/                 desktop entry, AppStream metainfo, icons (hicolor theme)
        install.sh             installs into ~/.local for one user, no root
        README.txt

Usage: python packaging/make_archive.py BUNDLE_DIR OUT_DIR   (make dist runs it)
"""

from __future__ import annotations

import platform
import shutil
import sys
import tarfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.consentdesk.ConsentDesk"


def version() -> str:
    import tomllib

    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def stage(bundle: Path, out: Path) -> Path:
    v = version()
    top = out / f"consent-desk-{v}"
    if top.exists():
        shutil.rmtree(top)
    shutil.copytree(bundle, top / "consent-desk", symlinks=True)
    share = top / "share"
    share.mkdir(parents=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", share)
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", v).replace("@DATE@", date.today().isoformat())
    (share / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    for png in sorted(ICONS.glob("consent-desk-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / "consent-desk.svg", scalable / f"{APP_ID}.svg")
    shutil.copy2(LINUX / "install.sh", top / "install.sh")
    (top / "README.txt").write_text(
        f"Consent Desk {v}\n\n"
        "Install for yourself (no administrator rights needed):  ./install.sh\n"
        "Or run it in place:                                   ./consent-desk/consent-desk\n"
        "Remove it again (your data is kept):                  ./install.sh --uninstall\n\n"
        "The command line is the same program with arguments:  consent-desk --help\n",
        encoding="utf-8",
    )
    return top


def main(argv: list[str]) -> int:
    bundle, out = Path(argv[0]), Path(argv[1])
    if not (bundle / "consent-desk").exists():
        print(f"make_archive: no bundle at {bundle}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    top = stage(bundle, out)
    arch = platform.machine() or "x86_64"
    archive = out / f"{top.name}-linux-{arch}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(top, arcname=top.name)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
