"""`consent-desk register press-kit` and the verify page address in the letterhead."""

from __future__ import annotations

import json
import re

from tests.cli.test_statement_cli import desk, export, identity_folder, run  # noqa: F401


def test_press_kit_from_the_command_line(desk, capsys, tmp_path):  # noqa: F811
    db_path, world = desk
    code, out, _ = run(
        capsys, "--db", db_path, "identity", "letterhead",
        "--verify-url", "https://agency.example/verify.html",
    )  # fmt: skip
    assert code == 0 and "https://agency.example/verify.html" in out
    code, text, _ = export(capsys, db_path, world.artist.id, tmp_path / "lin.pdf")
    assert code == 0
    statement_id = re.search(r"CDS-\d{8}-[0-9A-F]{8}", text).group(0)
    kit = tmp_path / "kit"
    code, out, err = run(
        capsys, "--db", db_path, "register", "press-kit", kit, "--platform", "StreamCo",
        "--statement", statement_id, "--json",
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    assert result["statements"] == ["lin.pdf"]
    assert {"press-note.txt", "press-note.pdf", "how-to-check.pdf", "register/verify.html"} <= set(
        result["files"]
    )
    assert result["verify_url"] == "https://agency.example/verify.html"


def test_press_kit_user_errors_exit_2_with_one_line(desk, capsys, tmp_path):  # noqa: F811
    db_path, _ = desk
    code, _, err = run(
        capsys, "--db", db_path, "register", "press-kit", tmp_path / "kit", "--platform", "X",
        "--statement", "CDS-20260101-00000000",
    )  # fmt: skip
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys, "--db", db_path, "identity", "letterhead", "--verify-url", "ftp://nope"
    )
    assert code == 2 and "https://" in err
