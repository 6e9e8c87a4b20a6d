"""One reader of dates and moments, with one stated rule per use (models/dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.dates import (
    PROPOSAL_AS_OF,
    PROPOSAL_TIME,
    BareDay,
    MomentFormatError,
    MomentRule,
    artist_zone,
    consent_as_of,
    consent_event,
    parse_date,
    parse_day,
    parse_day_or_moment,
    parse_moment,
    statement_as_of,
)
from models.errors import FieldProblem

SHANGHAI = ZoneInfo("Asia/Shanghai")
LA = ZoneInfo("America/Los_Angeles")
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 30))
naive_times = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2199, 12, 30))
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
rules = st.sampled_from(
    [
        consent_as_of("CN"),
        consent_event("US-CA"),
        statement_as_of(timezone(timedelta(hours=2))),
        PROPOSAL_AS_OF,
        PROPOSAL_TIME,
    ]
)


@given(naive_times, offsets, rules)
def test_a_time_with_an_offset_means_what_it_says_under_every_rule(
    naive: datetime, offset: timezone, rule: MomentRule
) -> None:
    written = naive.replace(tzinfo=offset)
    assert parse_moment(written.isoformat(), rule) == written


@given(naive_times)
def test_a_naive_consent_time_is_the_artists_wall_clock(naive: datetime) -> None:
    when = parse_moment(naive.isoformat(), consent_event("CN"))
    assert when.tzinfo is not None
    assert when.astimezone(SHANGHAI).replace(tzinfo=None) == naive
    with pytest.raises(MomentFormatError):  # a proposal's times must carry their offset
        parse_moment(naive.isoformat(), PROPOSAL_TIME)
    with pytest.raises(MomentFormatError):
        parse_moment(naive.isoformat(), PROPOSAL_AS_OF)


@given(days)
def test_as_of_a_day_is_its_whole_day_and_an_event_on_a_day_is_its_start(day: date) -> None:
    end = parse_moment(day.isoformat(), consent_as_of("US-CA"))
    assert end.astimezone(LA).date() == day
    assert (end + timedelta(microseconds=1)).astimezone(LA).date() == day + timedelta(days=1)
    start = parse_moment(day.isoformat(), consent_event("US-CA"))
    assert start.astimezone(LA).date() == day and start.astimezone(LA).time().hour == 0
    assert (start - timedelta(microseconds=1)).astimezone(LA).date() == day - timedelta(days=1)
    utc_end = parse_moment(day.isoformat(), PROPOSAL_AS_OF)
    assert utc_end == datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC) - (
        timedelta(microseconds=1)
    )
    with pytest.raises(MomentFormatError):
        parse_moment(day.isoformat(), PROPOSAL_TIME)


def test_the_statement_as_of_is_desk_time_and_a_day_means_all_of_it() -> None:
    desk = timezone(timedelta(hours=2))
    rule = statement_as_of(desk)
    assert parse_moment("2026-05-01T09:30", rule) == datetime(2026, 5, 1, 9, 30, tzinfo=desk)
    end = parse_moment("2026-05-01", rule)
    assert end == datetime(2026, 5, 1, 23, 59, 59, 999999, tzinfo=desk)


@given(days)
def test_a_revocation_day_stays_a_day(day: date) -> None:
    assert parse_day_or_moment(day.isoformat(), artist_zone("CN")) == day
    moment = parse_day_or_moment(f"{day.isoformat()}T08:00", artist_zone("CN"))
    assert isinstance(moment, datetime) and moment.tzinfo is not None


@given(st.text(max_size=30))
def test_anything_else_is_a_clear_error_never_a_crash(text: str) -> None:
    for rule in (consent_event("CN"), PROPOSAL_AS_OF, MomentRule(None, BareDay.START)):
        try:
            when = parse_moment(text, rule)
        except MomentFormatError as e:
            assert e.code.startswith("dates.")
            line = e.user_error("--as-of")
            assert "\n" not in line.message and line.message.startswith("--as-of: ")
            assert "\n" not in line.text("zh") and line.text("zh") != line.message
        else:
            assert when.tzinfo is not None


@given(days)
def test_json_days_are_iso_and_people_s_days_read_the_same_iso(day: date) -> None:
    assert parse_day(day.isoformat()) == day == parse_date(day.isoformat())
    assert parse_day(None) is None and parse_day("") is None


def test_a_bad_json_day_names_the_field_in_both_languages() -> None:
    with pytest.raises(MomentFormatError) as e:
        parse_day("01/05/2026")
    problem = FieldProblem("received_on", e.value.code, None, **e.value.params)
    assert problem.text("en") == "received_on: '01/05/2026' is not a date (YYYY-MM-DD)"
    assert "不是有效日期" in problem.text("zh")
