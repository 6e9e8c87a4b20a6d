"""The one parser for dates that people type or keep in spreadsheets.

Both the roster import and the artist dialog read dates here, so a date accepted in one is
accepted in the other.

Accepted forms:
- year first (always year-month-day): 1994-03-12, 1994/3/12, 1994.3.12, 1994年3月12日,
  19940312;
- year last (always day-month-year): 12.03.1994, 12/03/1994, 12-3-1994.

The rule for day and month: when the year comes last, the day comes first, whatever the
separator. 03/04/1994 is 3 April 1994, never March 4th. A year-last date whose middle number
is over 12 (03/25/1994, the US month-first order) is refused rather than guessed.
Spreadsheet cells that already hold a date or date-time are taken as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


class DateFormatError(ValueError):
    """Text that is not a date in any accepted form: a catalogue code (problem.*) and its
    values; `str()` says why in plain English words."""

    def __init__(self, code: str, **params: Any) -> None:
        from models.messages import render  # read only when a date is bad

        super().__init__(render(code, "en", params))
        self.code = code
        self.params = params


def parse_date(value: object) -> date | None:
    """A date from text or a spreadsheet cell; None for an empty value.

    Raises DateFormatError for anything else, including impossible dates (1994-02-30).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    text = text.translate(_FULL_WIDTH)
    match = _YEAR_FIRST.match(text) or _COMPACT.match(text)
    if match is not None:
        year, month, day = (int(g) for g in match.groups())
    elif (m := _YEAR_LAST.match(text)) is not None:
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if month > 12 and day <= 12:
            raise DateFormatError("problem.reads_day_first_not_a_month", value=text, month=month)
    elif (m := _ISO_DATETIME.match(text)) is not None:
        return parse_date(m.group(1))
    else:
        raise DateFormatError("problem.not_a_date_like", value=text)
    try:
        return date(year, month, day)
    except ValueError as e:
        raise DateFormatError("problem.not_a_real_date", value=text, reason=e) from e


_FULL_WIDTH = str.maketrans("０１２３４５６７８９／－．", "0123456789/-.")
