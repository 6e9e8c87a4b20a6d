"""Message catalogue cost: importing and loading it in a fresh interpreter, beside a bare
interpreter as the baseline in the same run; and rendering one message beside str.format.

Why JSON rather than gettext/Babel: the catalogue must not slow the command line's start
(target: CLI start ≤ 4× a bare python). `models.messages` uses only the standard library;
Babel's `babel.support` alone imports in ~127 ms (measured with `python -X importtime`),
more than twice a bare interpreter. Figures are reported by pytest-benchmark (`make bench`),
not asserted.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from models.messages import render


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.benchmark(group="messages-start")
def test_baseline_bare_interpreter(benchmark: pytest.FixtureRequest) -> None:
    benchmark.pedantic(_run, args=("pass",), rounds=5, iterations=1)  # type: ignore[attr-defined]


@pytest.mark.benchmark(group="messages-start")
def test_import_catalogue_and_render_in_chinese(benchmark: pytest.FixtureRequest) -> None:
    code = (
        "from models.messages import render; "
        "render('problem.is_longer_than_characters', 'zh', {'n': 200})"
    )
    benchmark.pedantic(_run, args=(code,), rounds=5, iterations=1)  # type: ignore[attr-defined]


@pytest.mark.benchmark(group="messages-render")
def test_baseline_str_format(benchmark: pytest.FixtureRequest) -> None:
    benchmark("超过 {n} 个字符".format, n=200)  # type: ignore[operator]


@pytest.mark.benchmark(group="messages-render")
def test_render_one_message(benchmark: pytest.FixtureRequest) -> None:
    out = benchmark(render, "problem.is_longer_than_characters", "zh", {"n": 200})  # type: ignore[operator]
    assert out == "超过 200 个字符"
