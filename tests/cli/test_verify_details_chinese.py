"""The reasons of `statement verify` and `audit verify` follow the command line's language.

Each case runs twice on a desk whose LANG is zh_CN.UTF-8: with `--lang en` the lines are word
for word what they were before the reasons became catalogue messages (and `--json` keeps
English), with the locale alone no English sentence is left (data — ids, names, paths,
fingerprints — stays as it is).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from main import main
from tests.cli.test_cli_chinese import desk, english_sentences, identity_folder
from tests.security.attacks import run_sql

__all__ = ["desk", "identity_folder"]  # the demo desk with a signing identity, as there
DUMP = os.environ.get("VERIFY_DETAILS_DUMP")  # a folder: write each output there (to compare)


def both(capsys: pytest.CaptureFixture[str], name: str, *argv: object) -> tuple[int, str, str, str]:
    """Run with --lang en, then in the locale (zh_CN): (exit code, English out+err, Chinese
    out+err, JSON)."""
    outputs: list[str] = []
    codes: list[int] = []
    for lang in (["--lang", "en"], []):
        capsys.readouterr()
        codes.append(main([*lang, *(str(a) for a in argv)]))
        out, err = capsys.readouterr()
        outputs.append(out + err)
    capsys.readouterr()
    main([*(str(a) for a in argv), "--json"])
    as_json = capsys.readouterr().out
    assert codes[0] == codes[1]
    if DUMP:
        Path(DUMP).mkdir(parents=True, exist_ok=True)
        Path(DUMP, f"{name}.en.txt").write_text(outputs[0], "utf-8")
        Path(DUMP, f"{name}.zh.txt").write_text(outputs[1], "utf-8")
        Path(DUMP, f"{name}.json").write_text(as_json, "utf-8")
    assert english_sentences(outputs[1]) == [], outputs[1]
    return codes[0], outputs[0], outputs[1], as_json


def _export(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    pdf = tmp_path / "s.pdf"
    assert main(["--db", str(desk), "statement", "export", "1", "--out", str(pdf)]) == 0
    capsys.readouterr()
    return pdf


def test_a_tampered_statement(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = _export(desk, tmp_path, capsys)
    data = bytearray(pdf.read_bytes())
    at = data.index(b"stream\n", len(data) // 3) + 20  # one byte of signed content
    data[at] ^= 1
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    code, en, zh, as_json = both(capsys, "tampered", "--db", desk, "statement", "verify", bad)
    assert code == 1
    assert "  Problem: The signed content was changed after signing (digest mismatch).\n" in en
    assert "已签署的内容在签署后被改动（摘要不符）" in zh and "digest mismatch" not in zh
    problems = json.loads(as_json)["problems"]
    assert "The signed content was changed after signing (digest mismatch)." in problems


def test_a_damaged_statement(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = _export(desk, tmp_path, capsys)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(pdf.read_bytes() + b"\n% appended\n%%EOF\n")
    code, en, zh, _ = both(capsys, "damaged", "--db", desk, "statement", "verify", bad)
    assert code == 1
    assert "  Problem: The file is damaged or was altered (it cannot be checked: " in en
    assert "文件已损坏或被改动" in zh and "was altered" not in zh


def test_a_foreign_signer(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = _export(desk, tmp_path, capsys)
    other_desk, other = tmp_path / "other.sqlite3", "ab" * 32
    code, en, zh, as_json = both(
        capsys, "foreign", "--db", other_desk, "statement", "verify", pdf, "--fingerprint", other
    )
    assert code == 1
    assert "  Problem: The statement was not signed with the certificate you trust (signed by" in en
    assert "不是用您信任的证书签署的" in zh and "certificate you trust" not in zh
    assert json.loads(as_json)["problems"][0].startswith("The statement was not signed with")


def test_an_unconfirmed_signer(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = _export(desk, tmp_path, capsys)
    other_desk = tmp_path / "other.sqlite3"
    code, en, zh, _ = both(capsys, "unconfirmed", "--db", other_desk, "statement", "verify", pdf)
    assert code == 3
    assert "  Note: The signer's certificate is self-signed: compare its SHA-256" in en
    assert "自签名证书" in zh and "self-signed" not in zh


def test_a_withdrawn_statement(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = _export(desk, tmp_path, capsys)
    assert main(["--db", str(desk), "statement", "list", "--json"]) == 0
    sid = json.loads(capsys.readouterr().out)[0]["id"]
    withdraw = ["statement", "withdraw", sid, "--reason", "issued by mistake"]
    assert main(["--db", str(desk), *withdraw]) == 0
    capsys.readouterr()
    code, en, zh, _ = both(capsys, "withdrawn", "--db", desk, "statement", "verify", pdf)
    assert code == 4
    assert "  Note: The agency withdrew this statement: issued by mistake\n" in en
    assert "机构已撤回本声明：issued by mistake" in zh  # the reason as the desk wrote it


def test_not_a_pdf(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    text = tmp_path / "notes.txt"
    text.write_text("hello there, this is no statement\n", "utf-8")
    code, en, zh, as_json = both(capsys, "not_pdf", "--db", desk, "statement", "verify", text)
    assert code == 2
    assert "  Problem: This is not a PDF file.\n" in en
    assert "consent-desk: This is not a PDF file.\n" in en
    assert "  问题：这不是 PDF 文件。\n" in zh and "consent-desk: 这不是 PDF 文件。\n" in zh
    assert json.loads(as_json)["problems"] == ["This is not a PDF file."]


def _audit(desk: Path) -> tuple[str, ...]:
    return ("--db", str(desk), "audit", "verify", "--backups", str(desk.parent / "no"))


def test_a_direct_table_edit(desk: Path, capsys: pytest.CaptureFixture[str]):
    run_sql(desk, "UPDATE artist SET notes = 'forged' WHERE id = 3")
    code, en, zh, as_json = both(capsys, "table_edit", *_audit(desk))
    assert code == 1
    assert en.startswith("Audit trail BROKEN: artist 3: was changed behind the audit trail after")
    assert en.endswith(" (field notes).\n")
    assert zh.startswith("审计记录已损坏：artist 3：在第 ") and "behind" not in zh
    assert json.loads(as_json)["problems"][0].startswith("artist 3: was changed behind")


def test_a_truncated_log(desk: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--db", str(desk), "audit", "checkpoint", "--desk-key"]) == 0
    con = sqlite3.connect(desk)
    n = int(con.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    con.close()
    run_sql(desk, f"DELETE FROM audit_event WHERE id > {n - 5}")
    code, en, zh, as_json = both(capsys, "truncated", *_audit(desk))
    assert code == 1
    assert en.startswith(
        f"Audit trail BROKEN: the log is shorter ({n - 5} events) than the checkpoint 1 in the "
        "database (on-demand): "
    )
    assert "  - consent_record " in en and ": has no audit event (added behind the log)\n" in en
    assert f"审计记录（{n - 5} 条事件）短于数据库中的第 1 个检查点" in zh
    assert "没有审计事件（绕过审计记录添加）" in zh and "behind the log" not in zh
    assert json.loads(as_json)["reason"].startswith("the log is shorter")


def test_an_edited_event(desk: Path, capsys: pytest.CaptureFixture[str]):
    run_sql(desk, "UPDATE audit_event SET actor = 'someone' WHERE id = 4")
    code, en, zh, as_json = both(capsys, "edited_event", *_audit(desk))
    assert code == 1
    assert en == "Audit trail BROKEN at event 4: its content was changed after it was written.\n"
    assert "其内容在写入后被改动" in zh and "changed after" not in zh
    assert json.loads(as_json)["reason"] == "its content was changed after it was written"
