"""Coverage-guided fuzzing of the roster CSV importer with atheris (libFuzzer), optional.

    python -m tests.fuzz.atheris_roster_csv -max_total_time=300

The seeds in tests/fuzz/corpus/roster_csv are copied to a scratch corpus first (libFuzzer
adds every interesting input to its corpus folder, which must not be the repository).

Crashes (anything but UserError and the bugs listed in known_bugs.py) are written by
libFuzzer as crash-<sha1> files in the current folder; turn each into a regression test.
atheris is not a dependency: `pip install atheris` (wheels exist for Linux x86-64).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from models.errors import UserError
    from models.roster import io as roster_io

from tests.fuzz.known_bugs import allow_known

_FOLDER = Path(tempfile.mkdtemp(prefix="atheris-roster-"))
_PATH = _FOLDER / "roster.csv"


def test_one_input(data: bytes) -> None:
    _PATH.write_bytes(data)
    try:
        with allow_known():
            roster_io.preview(_PATH)
    except UserError:
        pass


SEEDS = Path(__file__).with_name("corpus") / "roster_csv"


def main() -> None:
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        corpus = _FOLDER / "corpus"
        shutil.copytree(SEEDS, corpus)
        argv.append(str(corpus))
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
