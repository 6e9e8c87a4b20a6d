"""The Linux archive as a user gets it: unpacked, installed into a fresh home, run bare.

`make dist-check` builds the bundle and the archive first, then runs these tests with
CONSENT_DESK_ARCHIVE_DIR pointing at it. Every command runs under `env -i` with only
PATH=/usr/bin:/bin and a temporary HOME: no venv, no pip, no system Python packages, no
settings of the developer's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.models.scripts.samples import expected, sample

ARCHIVES = os.environ.get("CONSENT_DESK_ARCHIVE_DIR")
APP_ID = "org.consentdesk.ConsentDesk"
PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.skipif(
    not ARCHIVES, reason="run by `make dist-check`, which builds the archive first"
)


class Installed:
    def __init__(self, home: Path, unpacked: Path) -> None:
        self.home = home
        self.unpacked = unpacked
        self.command = home / ".local" / "bin" / "consent-desk"

    def env(self, **extra: str) -> dict[str, str]:
        return {"PATH": "/usr/bin:/bin", "HOME": str(self.home), **extra}

    def run(self, *args: str, check: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.command), *args],
            env=self.env(CONSENT_DESK_PASSPHRASE=PASSPHRASE, **extra),
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check:
            assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr}"
        return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    assert ARCHIVES is not None
    found = sorted(Path(ARCHIVES).glob("consent-desk-*-linux-*.tar.gz"))
    assert found, f"no archive in {ARCHIVES}: run `make dist`"
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(found[-1]) as tar:
        tar.extractall(where, filter="tar")
    (unpacked,) = [p for p in where.iterdir() if p.is_dir()]
    home = tmp_path_factory.mktemp("home")
    done = subprocess.run(
        ["/bin/sh", str(unpacked / "install.sh")],
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return Installed(home, unpacked)


def test_install_puts_the_app_the_menu_entry_and_the_icons_under_the_users_home(
    installed: Installed,
) -> None:
    assert installed.command.is_symlink() and os.access(installed.command, os.X_OK)
    share = installed.home / ".local" / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    program = installed.home / ".local" / "opt" / "consent-desk" / "consent-desk"
    assert f"Exec={program}\n" in entry and "Icon=org.consentdesk.ConsentDesk" in entry
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (share / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert "@VERSION@" not in metainfo.read_text(encoding="utf-8")
    if shutil.which("appstreamcli"):
        check = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(metainfo)],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr


def test_the_bundle_carries_no_development_tools_and_its_licence_notice(
    installed: Installed,
) -> None:
    internal = installed.unpacked / "consent-desk" / "_internal"
    for tool in ("pytest", "hypothesis", "mypy", "PyInstaller"):
        assert not (internal / tool).exists(), tool
    notice = (internal / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for component in ("PySide6", "Qt 6", "WenQuanYi Micro Hei", "reportlab", "pyHanko"):
        assert component in notice


def test_the_bundle_runs_every_journey_command_from_a_bare_environment(
    installed: Installed, tmp_path: Path
) -> None:
    assert "usage: consent-desk" in installed.run("--help").stdout
    assert "30 fictional artists" in installed.run("demo").stdout
    found = json.loads(installed.run("roster", "search", "林", "--json").stdout)
    assert any(a["native_name"] == "林晓" for a in found)

    name = "Brick-and-Steel.fountain"
    script = json.loads(installed.run("script", "analyze", str(sample(name)), "--json").stdout)
    want = expected()[name]
    assert len(script["scenes"]) == want["scenes"]

    installed.run("identity", "create", "--agency-name", "Starlight Talent Agency")
    pdf = tmp_path / "lin-xiao.pdf"
    lin = next(a for a in found if a["native_name"] == "林晓")
    installed.run(
        "statement",
        "export",
        str(lin["id"]),
        "--kind",
        "position",
        "--lang",
        "en,zh",
        "--out",
        str(pdf),
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    installed.run("statement", "verify", str(pdf))  # exit 0: intact, signed by this desk

    data = installed.home / ".local" / "share" / "consent-desk"
    assert (data / "consent-desk.sqlite3").is_file()


def test_the_window_paints_from_the_bundle(installed: Installed) -> None:
    done = installed.run("--exit-after-paint", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0


def test_uninstall_removes_the_program_and_keeps_the_data(installed: Installed) -> None:
    installed.run("demo", check=False)
    done = subprocess.run(
        ["/bin/sh", str(installed.unpacked / "install.sh"), "--uninstall"],
        env=installed.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not installed.command.exists()
    assert not (installed.home / ".local" / "opt" / "consent-desk").exists()
    assert (installed.home / ".local" / "share" / "consent-desk" / "consent-desk.sqlite3").exists()
