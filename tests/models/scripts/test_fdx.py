"""Final Draft files: paragraph types, dual dialogue, notes, and hostile XML refused."""

from __future__ import annotations

import time

import pytest

from models.scripts import ElementKind, ScriptReadError, detect_ai_uses, read_bytes, read_script
from tests.models.scripts.samples import FIXTURES, sample

K = ElementKind


@pytest.fixture(scope="module")
def doc():
    return read_script(FIXTURES / "replica.fdx")


def test_lines_are_paragraph_indexes_with_the_dual_wrapper_counted(doc):
    assert [(e.line, e.kind) for e in doc.elements if e.kind is K.CHARACTER] == [
        (3, K.CHARACTER),
        (6, K.CHARACTER),
        (8, K.CHARACTER),
    ]
    assert doc.line_text(5) == ""  # the <Paragraph><DualDialogue> wrapper itself
    assert doc.line_text(2).startswith("AIDEN said he would maintain the cameras. LIN XIAO")


def test_scenes_numbers_title_page_and_other_paragraphs(doc):
    assert [(s.number, s.heading, s.line) for s in doc.scenes] == [
        ("7", "INT. SOUND STAGE - DAY", 1),
        ("2", "EXT. FACE SWAP LAB - NIGHT", 11),
    ]
    assert doc.title == "THE REPLICA"
    assert doc.title_page["author"] == "Test Writer"
    assert [e.kind for e in doc.elements if e.line in (10, 11, 12, 13)] == [
        K.TRANSITION,
        K.PAGE_BREAK,
        K.SCENE_HEADING,
        K.SHOT,  # a Shot: its own kind, never a scene or a character
        K.CENTERED,
    ]


def test_dual_dialogue_and_script_notes(doc):
    [pair] = doc.dual_dialogues
    assert (pair.left, pair.right, pair.left_line, pair.right_line) == (
        "DIRECTOR",
        "PRODUCER",
        6,
        8,
    )
    [note] = [e for e in doc.elements if e.kind is K.NOTE]
    assert (note.text, note.line, note.character) == ("Check the deepfake clause.", 4, "LIN XIAO")


def test_ai_uses_in_an_fdx(doc):
    uses = [
        (u.line, u.character, u.kind.value, u.source.value, u.text) for u in detect_ai_uses(doc)
    ]
    assert uses == [
        (2, "LIN XIAO", "digital-double", "action", "digital double"),
        (3, "LIN XIAO", "voice", "extension", "AI V.O."),
        (4, "LIN XIAO", "likeness", "note", "deepfake"),
        (4, "LIN XIAO", "voice", "dialogue", "cloned voice"),
        (11, None, "face-swap", "heading", "FACE SWAP"),
    ]


def test_title_page_content_is_not_script_content():
    doc = read_script(sample("sample-06.fdx"))
    assert doc.title == "SAMPLE 06"
    assert "Jane Doe" not in " ".join(e.text for e in doc.elements)


def xml(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<FinalDraft DocumentType="Script" Version="1">'
        f"<Content>{body}</Content></FinalDraft>"
    ).encode()


def test_xxe_never_reads_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONSENT-TERMS", encoding="utf-8")
    attacks = [
        xml(
            '<Paragraph Type="Action"><Text>&xxe;</Text></Paragraph>',
            f'<!DOCTYPE FinalDraft [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        ),
        xml(
            '<Paragraph Type="Action"><Text>x</Text></Paragraph>',
            f'<!DOCTYPE FinalDraft [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
        ),
        xml(
            '<Paragraph Type="Action"><Text>x</Text></Paragraph>', f'<!DOCTYPE x SYSTEM "{secret}">'
        ),
    ]
    for data in attacks:
        with pytest.raises(ScriptReadError, match="refused") as caught:
            read_bytes(data, "attack.fdx")
        assert "TOP-SECRET" not in str(caught.value)


def test_billion_laughs_is_refused_at_once():
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = xml(
        "<Paragraph Type='Action'><Text>&a9;</Text></Paragraph>", f"<!DOCTYPE x [{entities}]>"
    )
    started = time.monotonic()
    with pytest.raises(ScriptReadError, match="refused"):
        read_bytes(data, "laughs.fdx")
    assert time.monotonic() - started < 5


def test_truncated_xml_says_where():
    data = (FIXTURES / "replica.fdx").read_bytes()[:700]
    with pytest.raises(ScriptReadError, match="damaged or incomplete") as caught:
        read_bytes(data, "cut.fdx")
    assert caught.value.line is not None


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<?xml version='1.0'?><html><body/></html>", "not a Final Draft"),
        (b"<FinalDraft Version='1'><TitlePage/></FinalDraft>", "without script content"),
        (b"", "damaged or incomplete"),
        (b"not xml at all", "damaged or incomplete"),
    ],
)
def test_other_xml_and_non_xml_are_refused(data, message):
    with pytest.raises(ScriptReadError, match=message):
        read_bytes(data, "x.fdx")


def test_unknown_paragraph_types_are_read_as_action_with_one_warning():
    data = xml(
        '<Paragraph Type="Outline 9"><Text>One</Text></Paragraph>'
        '<Paragraph Type="Outline 9"><Text>Two</Text></Paragraph>'
    )
    doc = read_bytes(data, "x.fdx")
    assert [e.kind for e in doc.elements] == [K.ACTION, K.ACTION]
    assert [(w.line, w.message) for w in doc.warnings] == [
        (1, "paragraph type 'Outline 9' is unknown; read as action")
    ]
