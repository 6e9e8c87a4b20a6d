"""Reading lists of names from the files a leak arrives in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from models.errors import UserError
from models.leak import decode_text, read_list_bytes, read_list_file
from models.resources import CJK_FONT

LIST = "1. 林晓（演员）\n2. 陈静怡\n王子轩、吴思琪\nEmma Hart\n"
NAMES = ["林晓", "陈静怡", "王子轩", "吴思琪", "Emma Hart"]


def texts(entries):
    return [e.text for e in entries]


@pytest.mark.parametrize(
    "encoded",
    [
        LIST.encode("utf-8"),
        b"\xef\xbb\xbf" + LIST.encode("utf-8"),
        LIST.encode("utf-16"),  # with BOM, as Windows Notepad writes "Unicode"
        LIST.encode("gb18030"),
        LIST.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gb18030", "gbk"],
)
def test_text_files_in_common_encodings(tmp_path, encoded):
    path = tmp_path / "list.txt"
    path.write_bytes(encoded)
    entries = read_list_file(path)
    assert texts(entries) == NAMES
    assert [e.line for e in entries] == [1, 2, 3, 3, 4]


def test_traditional_characters_in_big5_and_gb18030():
    traditional = "林曉\n陳靜怡\n王子軒\n張學友\n"
    assert decode_text(traditional.encode("big5"), "x") == traditional
    assert decode_text(traditional.encode("gb18030"), "x") == traditional


def test_undecodable_bytes_are_one_clear_error(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError, match="cannot tell the text encoding"):
        read_list_file(path)


def test_bytes_from_standard_input():
    assert texts(read_list_bytes(LIST.encode("gb18030"))) == NAMES


def test_csv_uses_the_name_column(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        '编号,姓名,角色\n1,林晓,演员\n2,"陈静怡",配音\n3,,\n4,Lin Xiao (actor),演员\n',
        encoding="utf-8-sig",
    )
    entries = read_list_file(path)
    assert texts(entries) == ["林晓", "陈静怡", "Lin Xiao"]
    assert [e.line for e in entries] == [2, 3, 5]


def test_csv_without_a_heading_uses_the_first_column_with_names(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("1;林晓;演员\n2;陈静怡;歌手\n".encode("gb18030"))
    assert texts(read_list_file(path)) == ["林晓", "陈静怡"]


def test_xlsx_first_sheet_named_column(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["#", "Role", "Artist Name"])
    ws.append([1, "actor", "林晓"])
    ws.append([2, "singer", "Chen Jingyi（歌手）"])
    ws.append([3, "voice", None])
    ws.append([4, "voice", "王子轩、吴思琪"])
    wb.create_sheet("other").append(["Name", "Not this one"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    entries = read_list_file(path)
    assert texts(entries) == ["林晓", "Chen Jingyi", "王子轩", "吴思琪"]
    assert [e.line for e in entries] == [2, 3, 5, 5]


def test_xlsx_without_heading_uses_first_non_empty_column(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["B2"] = "林晓"
    ws["B3"] = "Emma Hart"
    ws["C2"] = "not read"
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert texts(read_list_file(path)) == ["林晓", "Emma Hart"]


def test_pdf_text(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQYLeakTest", str(CJK_FONT), subfontIndex=0))
    path = tmp_path / "list.pdf"
    c = canvas.Canvas(str(path))
    for page in (LIST.splitlines()[:3], LIST.splitlines()[3:]):
        c.setFont("WQYLeakTest", 12)
        for n, line in enumerate(page):
            c.drawString(72, 800 - 20 * n, line)
        c.showPage()
    c.save()
    assert texts(read_list_file(path)) == NAMES


def test_scanned_pdf_without_text_is_explained(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 200, 200, fill=1)
    c.save()
    with pytest.raises(UserError, match="no text"):
        read_list_file(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.txt", b"", "is empty"),
        ("list.txt", b"1.\n2.\n", "contains no names"),
        ("list.docx", b"PK\x03\x04", ".txt, .csv, .xlsx or .pdf"),
        ("list.xls", b"\xd0\xcf\x11\xe0", "save it as .xlsx"),
        ("list.xlsx", b"not a zip file at all", "not a readable Excel workbook"),
        ("list.pdf", b"%PDF-1.4\nthis is not really a pdf", "not a readable PDF"),
        ("list.txt", b"\xef\xbb\xbf\xff\xfe\xfd", "damaged"),
    ],
)
def test_unreadable_files_are_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as caught:
        read_list_file(path)
    assert "\n" not in caught.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="Cannot open"):
        read_list_file(tmp_path / "missing.txt")
    with pytest.raises(UserError, match="not a file"):
        read_list_file(tmp_path)


_COMMON = "林晓陈静怡王子轩吴思琪赵一鸣刘雨桐孙浩然周慕白郑凯文何彤马骁黄诗许博杨若曦冯嘉邓墨曹安"
_WORD = st.one_of(
    st.text(alphabet=_COMMON, min_size=1, max_size=4),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzXYZ", min_size=1, max_size=8),
    st.text(alphabet="0123456789", min_size=1, max_size=2),
)
# A line of names: Chinese and Latin words are separated by spaces or punctuation (UTF-8 can
# also read GB18030 bytes written right after a Latin letter, so "X墨" is not decodable).
_LINE = st.lists(_WORD, min_size=1, max_size=4).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "、", ", ", "（", "）", ". "]),
        min_size=len(words) - 1,
        max_size=len(words) - 1,
    ).map(lambda seps: "".join(w + s for w, s in zip(words, [*seps, ""], strict=True)))
)


@given(
    st.lists(_LINE, min_size=1, max_size=20),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_any_list_of_simplified_names_decodes_back(lines, encoding):
    text = "\n".join(lines)
    assert decode_text(text.encode(encoding), "x") == text
