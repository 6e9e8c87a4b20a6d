"""Generated feature-length scripts for the script-review benchmarks (never committed)."""

from __future__ import annotations

import re

import pytest

from tests.models.scripts.samples import SAMPLES

_HEADING = re.compile(r"^(?:\.[A-Za-z0-9]|(?:INT|EXT|EST|I/E)[. ])")
AI_BEAT = "SCOTT stares at his digital double on the monitor. Nobody asked him."


def feature_script(scenes: int) -> str:
    """The Last Birthday Card's scenes, cycled and varied until the script has `scenes`."""
    source = SAMPLES / "The-Last-Birthday-Card.fountain"
    if not source.is_file():
        pytest.skip(f"shared sample scripts not found at {SAMPLES}")
    text = source.read_text(encoding="utf-8")
    title, body = text.split("\n\n", 1)
    blocks = body.split("\n\n")
    out = [title]
    count = 0
    round_ = 0
    while count < scenes:
        for block in blocks:
            if _HEADING.match(block) and "\n" not in block:
                if count == scenes:
                    break
                count += 1
                block = block if round_ == 0 else f"{block} - TAKE {round_ + 1}"
                out.append(block)
                if count % 10 == 0:
                    out.append(AI_BEAT)
                continue
            out.append(block)
        round_ += 1
    return "\n\n".join(out) + "\n"
