"""Fuzz the roster importer (`models.roster.io.preview`): only UserError may escape."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.errors import UserError
from models.roster.io import COLUMNS, preview
from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import flip, fuzz_settings, scratch

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1"]
NAMES = st.sampled_from(["林晓", "Lin Xiao", "周雨桐; 小周", "王 一", "", " ", "\u3000林"])
CELL_TEXT = st.one_of(
    NAMES,
    st.text(max_size=30),
    st.sampled_from(["1990-05-31", "1990/5/31", "31.05.1990", "2999-01-01", "declined", "x"]),
)


def _preview_only_user_errors(path: Path) -> None:
    try:
        with allow_known():
            preview(path)
    except UserError as e:
        assert e.message


@fuzz_settings()
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".csv", ".txt", ""]))
def test_any_bytes_as_csv(data: bytes, suffix: str) -> None:
    with scratch() as d:
        path = d / f"roster{suffix}"
        path.write_bytes(data)
        _preview_only_user_errors(path)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(
        st.one_of(
            st.permutations(COLUMNS).map(list),
            st.lists(st.sampled_from([*COLUMNS, "Native_Name ", "extra", "", "\ufeffnative_name"])),
        )
    )
    rows = draw(st.lists(st.lists(CELL_TEXT, max_size=len(header) + 2), max_size=12))
    buf = io.StringIO()
    w = csv.writer(buf, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    w.writerow(header)
    w.writerows(rows)
    text = buf.getvalue()
    if draw(st.booleans()):
        text = text.replace("\r\n", draw(st.sampled_from(["\n", "\r", "\r\n"])))
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@fuzz_settings()
@given(data=csv_files(), cut=st.integers(min_value=0, max_value=10_000))
def test_structured_csv_and_its_truncations(data: bytes, cut: int) -> None:
    with scratch() as d:
        for i, variant in enumerate((data, data[: cut % (len(data) + 1)])):
            path = d / f"roster{i}.csv"
            path.write_bytes(variant)
            _preview_only_user_errors(path)


XLSX_CELL = st.one_of(
    st.none(),
    CELL_TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)


def _xlsx(header: list[str], rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header)
    for r in rows:
        ws.append(
            [
                v
                if not isinstance(v, str)
                else "".join(c for c in v if c >= " " or c in "\t\n")[:32000]
                for v in r
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@fuzz_settings(weight=0.5)
@given(
    header=st.lists(st.sampled_from([*COLUMNS, "extra", ""]), min_size=0, max_size=9),
    rows=st.lists(st.lists(XLSX_CELL, max_size=9), max_size=6),
)
def test_structured_xlsx(header: list[str], rows: list[list[object]]) -> None:
    with scratch() as d:
        path = d / "roster.xlsx"
        path.write_bytes(_xlsx(header, rows))
        _preview_only_user_errors(path)


_SEED_XLSX = _xlsx(list(COLUMNS), [["林晓", "Lin Xiao", "", "1990-05-31", "CN", "", "", ""]])


@fuzz_settings(weight=0.5)
@given(
    positions=st.lists(st.integers(min_value=0), max_size=8),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=len(_SEED_XLSX))),
)
def test_damaged_xlsx(positions: list[int], values: list[int], cut: int | None) -> None:
    data = flip(_SEED_XLSX, positions, values)
    if cut is not None:
        data = data[:cut]
    with scratch() as d:
        path = d / "roster.xlsx"
        path.write_bytes(data)
        _preview_only_user_errors(path)
