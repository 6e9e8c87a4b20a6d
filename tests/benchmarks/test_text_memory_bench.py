"""Memory of reading a very long plain-text script (issue 18, item 5).

Target: a 30 MB text script is read and scanned for AI use under 300 MB peak memory. Each
measure runs in a fresh interpreter and reports its peak resident set (VmHWM), against a
baseline in the same run: an interpreter that imports the same modules and only reads the
file's bytes. Two scripts: English (a feature script's scenes, repeated) and Chinese (the
`林晓：台词` layout with realistic line lengths). With benchmarks disabled a 3 MB script is
read once as a smoke test and only the shape of the result is checked. The whole command,
`consent-desk script analyze --json` (argument parsing, reading, detection and the JSON written
item by item to a file), is measured the same way, in its own interpreter.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.script_data import feature_script

REPO = Path(__file__).resolve().parents[2]
FULL = 30_000_000
SMOKE = 3_000_000
LIMIT_MB = 300

_MEASURE = """
import json, resource, sys

def peak_mb():
    # VmHWM belongs to this process image; ru_maxrss keeps the parent's peak across exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

path, mode = sys.argv[1], sys.argv[2]
if mode == "cli":
    import main
    imported = peak_mb()
    with open(sys.argv[3], "w", encoding="utf-8") as sys.stdout:
        code = main.main(["script", "analyze", "--json", path])
    sys.stdout = sys.__stdout__
    print(json.dumps({"code": code, "imported_mb": imported, "peak_mb": peak_mb()}))
    raise SystemExit(0)
from models.scripts import detect_ai_uses, read_script
imported = peak_mb()
if mode == "bytes":
    data = open(path, "rb").read()
    out = {"size": len(data)}
else:
    doc = read_script(path)
    uses = detect_ai_uses(doc)
    out = {"elements": len(doc.elements), "scenes": len(doc.scenes), "uses": len(uses),
           "blocks": doc.dialogue_blocks, "lines": len(doc.lines)}
out["imported_mb"] = imported
out["peak_mb"] = peak_mb()
print(json.dumps(out))
"""


def measure(path: Path, mode: str, *extra: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), mode, *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def english(size: int) -> str:
    one = feature_script(190)
    text = one * (size // len(one.encode("utf-8")) + 1)
    return text[:size].rsplit("\n", 1)[0] + "\n"


def chinese(size: int) -> str:
    rnd = random.Random(18)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    names = ["林晓", "王强", "陈静怡", "老板", "甄远道"]
    out: list[str] = []
    total = 0
    scene = 0
    while total < size:
        scene += 1
        block = [f"{scene}. 内景 咖啡馆 日", ""]
        for _ in range(12):
            if rnd.random() < 0.3:
                block.append("△" + "".join(rnd.choices(han, k=rnd.randint(15, 60))) + "。")
            else:
                ext = "（AI配音）" if rnd.random() < 0.05 else ""
                words = "".join(rnd.choices(han, k=rnd.randint(8, 40)))
                block.append(f"{rnd.choice(names)}{ext}：{words}。")
        text = "\n".join(block) + "\n\n"
        out.append(text)
        total += len(text.encode("utf-8"))
    return "".join(out)


def _long_script(benchmark, tmp_path: Path, language: str) -> tuple[int, Path]:
    size = SMOKE if benchmark.disabled else FULL
    path = tmp_path / f"long-{language}.txt"
    path.write_text((english if language == "english" else chinese)(size), encoding="utf-8")
    return size, path


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_long_text_script_peak_memory(benchmark, tmp_path: Path, language: str) -> None:
    size, path = _long_script(benchmark, tmp_path, language)
    baseline = measure(path, "bytes")
    benchmark.group = "30 MB text script: peak memory"
    ours = benchmark.pedantic(measure, args=(path, "read"), rounds=1, iterations=1)
    assert ours["elements"] > 0 and ours["scenes"] > 0 and ours["uses"] > 0
    assert ours["lines"] >= size // 200
    mb = path.stat().st_size / 1e6
    print(
        f"\n{language} {mb:.1f} MB: read + detect peak {ours['peak_mb']:.0f} MB "
        f"(interpreter and imports {ours['imported_mb']:.0f} MB); reading the bytes only "
        f"{baseline['peak_mb']:.0f} MB; {ours['elements']:.0f} elements, "
        f"{ours['scenes']:.0f} scenes, {ours['blocks']:.0f} dialogue blocks, "
        f"{ours['uses']:.0f} AI uses"
    )
    if not benchmark.disabled:
        assert ours["peak_mb"] < LIMIT_MB


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_script_analyze_json_command_peak_memory(benchmark, tmp_path: Path, language: str) -> None:
    _size, path = _long_script(benchmark, tmp_path, language)
    baseline = measure(path, "bytes")
    out = tmp_path / "analysis.json"
    benchmark.group = "30 MB text script: peak memory of `script analyze --json`"
    ours = benchmark.pedantic(measure, args=(path, "cli", str(out)), rounds=1, iterations=1)
    assert ours["code"] == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["format"] == "text" and written["scenes"] and written["ai_uses"]
    assert written["dialogue_blocks"] == sum(c["dialogue_blocks"] for c in written["characters"])
    mb = path.stat().st_size / 1e6
    print(
        f"\n{language} {mb:.1f} MB: `script analyze --json` peak {ours['peak_mb']:.0f} MB "
        f"(interpreter and CLI imports {ours['imported_mb']:.0f} MB); reading the bytes only "
        f"{baseline['peak_mb']:.0f} MB; {len(written['scenes'])} scenes, "
        f"{len(written['ai_uses'])} AI uses, {out.stat().st_size / 1e6:.1f} MB of JSON"
    )
    if not benchmark.disabled:
        assert ours["peak_mb"] < LIMIT_MB
