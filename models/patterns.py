"""A regular expression compiled the first time it is used.

Compiling large Unicode classes and many marker expressions costs milliseconds; a command that
reads one UTF-8 script needs few of them, so each is compiled only when something asks it to
match (models/text.py, models/scripts/ai_markers.py).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any


class LazyPattern:
    """`pattern` is the source; `search`, `match` and `findall` compile it once, on first use."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled().match(text, pos)

    def findall(self, text: str) -> list[Any]:
        return self.compiled().findall(text)
