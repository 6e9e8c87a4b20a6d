"""Derive the corpus ground truth without Consent Desk's readers (run by hand, output committed).

    CONSENT_DESK_SCRIPT_CORPUS=/path/to/corpus .venv/bin/python -m tests.corpus.truth \
        > tests/corpus/expected.json

Reads the real files from the external corpus folder (tests/corpus/locate.py). Fountain (and
PDFs printed from a Fountain source kept beside them as `NAME.fountain.src`): screenplain's
parse. FDX: the `<Paragraph Type=…>` of Final Draft itself. Files committed in tests/corpus
(synthetic, counted by hand): their entries in expected.json are kept as they are.
Speakers are cue names without extensions, upper-cased, with a trailing "." dropped.
"""

from __future__ import annotations

import io
import json
import re
import sys
from xml.etree import ElementTree

from screenplain.parsers.fountain import parse
from screenplain.types import Dialog, DualDialog, Slug

from tests.corpus.locate import REAL_FOLDERS, committed, expected, real_corpus

_EXT = re.compile(r"\s*\([^)]*\)")


def speaker(name: str) -> str:
    name = _EXT.sub("", name).replace("^", "").strip().upper()
    return name[:-1].strip() if name.endswith(".") else name


def fountain_truth(text: str) -> dict[str, object]:
    paragraphs = list(parse(io.StringIO(text)))
    scenes = sum(isinstance(p, Slug) for p in paragraphs)
    names: set[str] = set()
    blocks = 0
    for p in paragraphs:
        if isinstance(p, DualDialog):
            blocks += 2
            names.add(speaker(str(p.left.character)))
            names.add(speaker(str(p.right.character)))
        elif isinstance(p, Dialog):
            blocks += 1
            names.add(speaker(str(p.character)))
    return {"scenes": scenes, "dialogue_blocks": blocks, "speakers": sorted(names)}


def fdx_truth(data: bytes) -> dict[str, object]:
    root = ElementTree.fromstring(data)
    content = root.find("Content")
    assert content is not None
    scenes = blocks = 0
    names: set[str] = set()
    for p in content.iter("Paragraph"):
        kind = p.get("Type")
        text = "".join(t.text or "" for t in p.findall("Text")).strip()
        if kind == "Scene Heading" and text:
            scenes += 1
        elif kind == "Character" and text:
            blocks += 1
            names.add(speaker(text))
    return {"scenes": scenes, "dialogue_blocks": blocks, "speakers": sorted(names)}


# Where a file's intent differs from the parser's literal reading, counted by eye.
BY_EYE: dict[str, dict[str, object]] = {
    # The pair "INT. HOUSE - DAY" / "EXT. HOUSE - DAY" with no blank line between reads as
    # two headings to a person; screenplain takes the first as a cue over "dialogue".
    "fountain/nyousefi-SceneHeaders.fountain": {"scenes": 17, "dialogue_blocks": 0, "speakers": []},
    # ". NOT A HEADER2" says what it is; screenplain counts it as a forced heading.
    "fountain/screenplay-tools-SceneHeading.fountain": {
        "scenes": 5,
        "dialogue_blocks": 2,
        "speakers": ["DAVE", "JIM"],
    },
    # afterwriting's CJK font fixtures: filler text in a font test, no screenplay structure.
    "pdf/afterwriting-jp.pdf": {"scenes": 0, "dialogue_blocks": 0, "speakers": []},
    "pdf/afterwriting-sc.pdf": {"scenes": 0, "dialogue_blocks": 0, "speakers": []},
    # Russian headings: ИНТ. (= INT.) starts the two scenes; screenplain knows only INT/EXT.
    "pdf/afterwriting-cyrillic.pdf": {"scenes": 2, "dialogue_blocks": 1, "speakers": ["МАШA"]},
    # Printed, the source's forcing marks are gone: "!INT. ACTION" (forced action) prints as a
    # heading, ".FORCED HEADER" as a line of capitals at the action margin with nothing (no
    # INT./EXT., number or bold) to tell it from a shot; ".WNĘTRZE. …" is a Polish heading
    # (WNĘTRZE = INT.). A reader of the page sees 11 scenes, as screenplay-literal reading does.
    "pdf/afterwriting-client.pdf": {
        "scenes": 11,
        "dialogue_blocks": 14,
        "speakers": sorted(
            [
                *("BOND", "DR. JULIUS NO", "GERMAN", "HERO 1", "HERO 2", "HERO 3", "MCCABE"),
                *("NORWEGIAN", "POLISH", "SPANISH", "VERY " * 30 + "LONG NAME"),
            ]
        ),
    },
}
# PDFs whose printed cue differs from the source (afterwriting substitutes $variables).
PRINTED_NAMES = {"$ANTAGONIST": "DR. JULIUS NO", "$BOND.LAST": "BOND"}


def main() -> None:
    corpus = real_corpus()
    out: dict[str, object] = {k: v for k, v in expected().items() if committed(k)}
    for path in sorted(p for sub in REAL_FOLDERS for p in (corpus / sub).glob("*")):
        rel = path.relative_to(corpus).as_posix()
        if rel in BY_EYE:
            out[rel] = BY_EYE[rel]
        elif path.suffix == ".fountain":
            out[rel] = fountain_truth(path.read_text(encoding="utf-8-sig"))
        elif path.suffix == ".fdx":
            out[rel] = fdx_truth(path.read_bytes())
        elif path.suffix == ".pdf":
            source = path.with_name(path.stem + ".fountain.src")
            truth = fountain_truth(source.read_text(encoding="utf-8-sig"))
            names = truth["speakers"]
            assert isinstance(names, list)
            truth["speakers"] = sorted(PRINTED_NAMES.get(n, n) for n in names)
            out[rel] = truth
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
