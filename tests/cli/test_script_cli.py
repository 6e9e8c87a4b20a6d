"""`consent-desk script analyze`: the JSON contract, the summary, and hostile input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from main import main
from tests.models.scripts.samples import FIXTURES, expected, sample, sample_names

REPO = Path(__file__).resolve().parents[2]
KEYS = {"format", "title", "pages", "scenes", "characters", "dialogue_blocks"}
KEYS |= {"ai_uses", "warnings"}


def analyze(capsys, path, *extra):
    code = main(["script", "analyze", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def analyze_json(capsys, path, *extra):
    code, out, err = analyze(capsys, path, "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.mark.parametrize("name", sample_names() or ["<shared samples missing>"])
def test_json_for_every_sample(capsys, name):
    truth = expected()[name]
    data = analyze_json(capsys, sample(name))
    assert set(data) == KEYS
    assert data["format"] == truth["format"]
    assert sorted(c["name"] for c in data["characters"]) == truth["speakers"]
    assert data["dialogue_blocks"] == truth["dialogue_blocks"]
    assert sum(c["dialogue_blocks"] for c in data["characters"]) == truth["dialogue_blocks"]
    low, high = truth.get("scenes_range", [truth["scenes"], truth["scenes"]])
    assert low <= len(data["scenes"]) <= high
    assert all(set(s) == {"number", "heading", "line"} for s in data["scenes"])
    if truth["pages"] is not None:
        assert data["pages"] == truth["pages"]
    assert data["ai_uses"] == []


def test_json_ai_uses_names_and_lines(capsys):
    data = analyze_json(capsys, FIXTURES / "elements.fountain")
    assert data["title"] == "The Replica"
    assert data["scenes"][0] == {"number": "1A", "heading": "EXT. FILM STUDIO - DAY", "line": 13}
    assert {"name": "MCCOY", "dialogue_blocks": 1} in data["characters"]  # @McCoy
    assert {"name": "TECH", "dialogue_blocks": 1} in data["characters"]  # TECH (AI VOICE)
    assert data["ai_uses"][2] == {
        "line": 21,
        "character": "TECH",
        "kind": "voice",
        "source": "extension",
        "text": "AI VOICE",
    }
    assert {u["source"] for u in data["ai_uses"]} == {
        "extension",
        "note",
        "action",
        "dialogue",
        "heading",
    }


def test_chinese_script_json(capsys):
    data = analyze_json(capsys, FIXTURES / "chinese.txt")
    assert data["format"] == "text" and data["title"] == "数字替身"
    assert [c["name"] for c in data["characters"]] == ["林晓", "王强", "老板"]
    assert data["ai_uses"][0] == {
        "line": 8,
        "character": "王强",
        "kind": "voice",
        "source": "extension",
        "text": "AI配音",
    }


def test_readable_summary(capsys):
    code, out, err = analyze(capsys, FIXTURES / "replica.fdx")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        "THE REPLICA — fdx, ~3 pages (estimated)",
        "2 scenes, 3 dialogue blocks, 3 speaking characters",
    ]
    assert "AI use found: 5" in out
    assert '  paragraph 3: LIN XIAO — voice, in extension: "AI V.O."' in out


def test_user_marker_list(capsys, tmp_path):
    markers = tmp_path / "mine.json"
    markers.write_text(
        json.dumps({"phrases": [{"text": "holo-double", "kind": "likeness"}]}), encoding="utf-8"
    )
    script = tmp_path / "s.fountain"
    script.write_text("A holo double of MARY. A deepfake.\n", encoding="utf-8")
    data = analyze_json(capsys, script, "--markers", str(markers))
    assert [u["text"] for u in data["ai_uses"]] == ["holo double"]  # the shipped list is replaced


def test_bad_marker_list_is_one_line_exit_2(capsys, tmp_path):
    markers = tmp_path / "mine.json"
    markers.write_text('{"phrases": [{"text": "x", "kind": "magic"}]}', encoding="utf-8")
    code, out, err = analyze(capsys, FIXTURES / "elements.fountain", "--markers", str(markers))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "kind must be one of" in err


def _hostile(tmp_path: Path, secret: Path) -> dict[str, tuple[str, bytes]]:
    brick = sample("Brick-and-Steel.pdf").read_bytes()
    laughs = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    return {
        "xxe": (
            "xxe.fdx",
            f'<?xml version="1.0"?><!DOCTYPE FinalDraft [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<FinalDraft><Content><Paragraph Type="Action"><Text>&x;</Text></Paragraph>'
            "</Content></FinalDraft>".encode(),
        ),
        "billion-laughs": (
            "laughs.fdx",
            (
                f'<?xml version="1.0"?><!DOCTYPE x [{laughs}]><FinalDraft><Content>'
                '<Paragraph Type="Action"><Text>&a9;</Text></Paragraph></Content></FinalDraft>'
            ).encode(),
        ),
        "truncated-xml": ("cut.fdx", (FIXTURES / "replica.fdx").read_bytes()[:500]),
        "random-pdf": ("random.pdf", b"%PDF-1.7\n" + os.urandom(50_000)),
        "truncated-pdf": ("cut.pdf", brick[: len(brick) // 2]),
        "binary-fountain": ("binary.fountain", os.urandom(20_000)),
        "word-document": ("script.txt", b"PK\x03\x04" + os.urandom(2_000)),
        "missing": ("missing.fountain", b""),
    }


@pytest.mark.parametrize(
    "case",
    [
        "xxe",
        "billion-laughs",
        "truncated-xml",
        "random-pdf",
        "truncated-pdf",
        "binary-fountain",
        "word-document",
        "missing",
    ],
)
def test_hostile_input_is_one_line_exit_2_quickly(capsys, tmp_path, case):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TERMS", encoding="utf-8")
    name, data = _hostile(tmp_path, secret)[case]
    path = tmp_path / name
    if case != "missing":
        path.write_bytes(data)
    started = time.monotonic()
    code, out, err = analyze(capsys, path, "--json")
    assert time.monotonic() - started < 5
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("consent-desk: ")
    assert "Traceback" not in err and "TOP-SECRET" not in err


@pytest.mark.parametrize("case", ["xxe"])
def test_hostile_input_in_a_real_process(tmp_path, case):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TERMS", encoding="utf-8")
    name, data = _hostile(tmp_path, secret)[case]
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "main.py", "script", "analyze", str(path), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard: start-up time depends on the machine, not on the file
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def _edge(tmp_path: Path, case: str) -> Path:
    if case == "empty":
        path = tmp_path / "empty.fountain"
        path.write_bytes(b"")
    elif case == "crlf-bom":
        path = tmp_path / "windows.fountain"
        text = (FIXTURES / "elements.fountain").read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    elif case == "long-line":
        path = tmp_path / "long.fountain"
        chunk = "The crowd cheers, " * 5_555 + "a deepfake! "  # 100,002 characters
        path.write_text("INT. HALL - DAY\n\n" + chunk * 20 + "\n", encoding="utf-8")
    else:
        path = tmp_path / "epic.fountain"
        scene = "INT. ROOM {n} - DAY\n\nMARY looks at her digital double.\n\nMARY\nTake {n}.\n\n"
        path.write_text("".join(scene.format(n=n) for n in range(5000)), encoding="utf-8")
    return path


def test_edge_inputs_exit_0(capsys, tmp_path):
    data = analyze_json(capsys, _edge(tmp_path, "empty"))
    assert (data["scenes"], data["characters"], data["dialogue_blocks"]) == ([], [], 0)

    data = analyze_json(capsys, _edge(tmp_path, "crlf-bom"))
    assert data["title"] == "The Replica" and len(data["scenes"]) == 5

    data = analyze_json(capsys, _edge(tmp_path, "long-line"))
    assert len(data["scenes"]) == 1 and len(data["ai_uses"]) == 20
    assert {u["line"] for u in data["ai_uses"]} == {3}

    data = analyze_json(capsys, _edge(tmp_path, "epic"))
    assert len(data["scenes"]) == 5000 and data["scenes"][-1]["line"] == 5000 * 7 - 6
    assert data["characters"] == [{"name": "MARY", "dialogue_blocks": 5000}]
    assert len(data["ai_uses"]) == 5000


def test_analyze_needs_no_database(capsys):
    home = Path(os.environ["CONSENT_DESK_HOME"])
    analyze_json(capsys, FIXTURES / "english.txt")
    assert not home.exists() or not any(home.rglob("*.sqlite3"))


WARNED = "INT. STUDIO - DAY\nLights come up.\n\nLIN XIAO ^\nWe are ready.\n"


def test_warnings_are_english_in_json_and_follow_the_language_in_the_summary(
    capsys, tmp_path, monkeypatch
):
    for name in ("CONSENT_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    script = tmp_path / "warned.fountain"
    script.write_text(WARNED, encoding="utf-8")
    english = [
        {"line": 1, "message": "scene heading has no blank line after it"},
        {"line": 4, "message": "dual dialogue 'LIN XIAO' has no dialogue block just before it"},
    ]
    assert analyze_json(capsys, script)["warnings"] == english
    out = analyze(capsys, script)[1]
    assert out.splitlines()[-2:] == [
        "Warning: line 1: scene heading has no blank line after it",
        "Warning: line 4: dual dialogue 'LIN XIAO' has no dialogue block just before it",
    ]
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert analyze_json(capsys, script)["warnings"] == english  # JSON is data: never translated
    out = analyze(capsys, script)[1]
    assert out.splitlines()[-2:] == [
        "警告：第 1 行：场景标题后面没有空行",
        "警告：第 4 行：“LIN XIAO”标为同时说的对白，但紧挨在它前面没有另一段对白",
    ]
