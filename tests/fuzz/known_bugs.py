"""Crashes the fuzzers found in code this team does not own, until their owners fix them.

Each entry names the exception type and the function in `models/` or `reports/` that lets it
escape. While an entry is here, the fuzz targets accept that one crash (so the normal run
stays green) and `test_regressions.py` keeps it visible as a strict xfail; when the owner
fixes it, that xfail turns into a failure and the entry and the marker are removed together.
A crash that is not listed here fails the fuzz target as usual.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class KnownBug:
    exception: str  # type name
    where: str  # "models/roster/io.py:_decode": the last frame of our code in the traceback
    summary: str


KNOWN: tuple[KnownBug, ...] = ()


def bug_for(e: BaseException) -> KnownBug | None:
    frames = [
        f
        for f in traceback.extract_tb(e.__traceback__)
        if "/models/" in f.filename or "/reports/" in f.filename
    ]
    if not frames:
        return None
    last = frames[-1]
    path = last.filename.replace("\\", "/")
    for root in ("/models/", "/reports/"):
        if root in path:
            path = root.strip("/") + "/" + path.split(root, 1)[1]
            break
    where = f"{path}:{last.name}"
    for bug in KNOWN:
        if bug.exception in ("*", type(e).__name__) and bug.where == where:
            return bug
    return None


@contextmanager
def allow_known() -> Iterator[None]:
    """Swallow exactly the listed crashes; everything else propagates."""
    from models.errors import UserError

    try:
        yield
    except UserError:
        raise  # the documented answer, never a bug
    except Exception as e:
        bug = bug_for(e)
        if bug is None:
            raise
        try:  # counted in `--hypothesis-show-statistics`, so a long run says how often
            from hypothesis import event

            event(f"known bug hit: {bug.where} ({type(e).__name__})")
        except Exception:  # called outside a hypothesis test (atheris): nothing to count
            pass
