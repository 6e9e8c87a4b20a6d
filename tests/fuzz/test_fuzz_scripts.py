"""Fuzz the script readers (Fountain, FDX, PDF, TXT): only ScriptReadError may escape."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.known_bugs import allow_known
from tests.fuzz.profiles import flip, fuzz_settings

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("models.scripts.reader") is None,
    reason="the script readers (models.scripts.reader) do not exist yet",
)

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "scripts"  # beside the repo
_LOCAL_SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _seeds(suffix: str) -> list[bytes]:
    for folder in (SAMPLES, _LOCAL_SAMPLES):
        found = sorted(folder.glob(f"*{suffix}")) if folder.is_dir() else []
        if found:
            return [p.read_bytes() for p in found[:3]]
    return []


FOUNTAIN_SEEDS = _seeds(".fountain") or [b"INT. CAFE - DAY\n\nLIN XIAO (AI VOICE)\nHello.\n"]
FDX_SEEDS = _seeds(".fdx")
PDF_SEEDS = _seeds(".pdf")


def _read(data: bytes, name: str) -> None:
    from models.scripts.errors import ScriptReadError
    from models.scripts.reader import read_bytes

    calls: list[tuple[int, int]] = []
    try:
        with allow_known():
            doc = read_bytes(data, name, progress=lambda d, t: calls.append((d, t)))
    except ScriptReadError as e:
        assert e.message
        return
    assert doc is not None


@fuzz_settings()
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from(["s.fountain", "s.fdx", "s.pdf", "s.txt", "s", "剧本.txt"]),
)
def test_any_bytes_under_any_name(data: bytes, name: str) -> None:
    _read(data, name)


LINE = st.one_of(
    st.sampled_from(
        [
            "INT. CAFE - DAY",
            ".FLASHBACK",
            "#12#",
            "LIN XIAO (AI VOICE)",
            "@mcCLANE",
            "BRICK ^",
            "(quietly)",
            "CUT TO:",
            "> THE END <",
            "~lyrics",
            "[[note (DIGITAL DOUBLE)]]",
            "/* boneyard",
            "*/",
            "# Act One",
            "= synopsis",
            "===",
            "Title: X",
            "1. 内景 咖啡馆 日",
            "第3场",
            "林晓（AI配音）：你好。",
            "△ 林晓走进来。",
            "",
        ]
    ),
    st.text(max_size=60),
)


@fuzz_settings()
@given(
    lines=st.lists(LINE, max_size=40),
    name=st.sampled_from(["s.fountain", "s.txt"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_structured_fountain_and_chinese_text(lines: list[str], name: str, encoding: str) -> None:
    text = "\n".join(lines)
    _read(text.encode(encoding, errors="replace"), name)


@fuzz_settings()
@given(
    seed=st.sampled_from(FOUNTAIN_SEEDS + FDX_SEEDS) if FDX_SEEDS else st.just(FOUNTAIN_SEEDS[0]),
    positions=st.lists(st.integers(min_value=0), max_size=10),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=10),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=60_000)),
    name=st.sampled_from(["s.fountain", "s.fdx", "s.txt"]),
)
def test_damaged_text_and_fdx_samples(
    seed: bytes, positions: list[int], values: list[int], cut: int | None, name: str
) -> None:
    data = flip(seed, positions, values)
    _read(data[:cut] if cut is not None else data, name)


FDX_PARAGRAPH = st.builds(
    lambda kind, text, extra: f'<Paragraph Type="{kind}"{extra}><Text>{text}</Text></Paragraph>',
    st.sampled_from(
        [
            "Scene Heading",
            "Action",
            "Character",
            "Dialogue",
            "Parenthetical",
            "Transition",
            "Shot",
            "General",
            "New Act",
            "Lyrics",
            "Cast List",
            "Unknown",
            "",
        ]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="<&"), max_size=40
    ),
    st.sampled_from(["", ' Number="3"', ' Alignment="Center"']),
)


@fuzz_settings()
@given(
    paragraphs=st.lists(
        st.one_of(
            FDX_PARAGRAPH,
            st.sampled_from(
                [
                    "<DualDialogue>",
                    "</DualDialogue>",
                    "<Paragraph>",
                    "</Paragraph>",
                    '<!DOCTYPE x [<!ENTITY e "boom">]>',
                    "&e;",
                    "<Text/>",
                ]
            ),
        ),
        max_size=25,
    ),
    wrapper=st.sampled_from(
        [
            "<FinalDraft><Content>{}</Content></FinalDraft>",
            '<?xml version="1.0"?><FinalDraft DocumentType="Script">'
            "<Content>{}</Content><TitlePage><Content>{}</Content></TitlePage>"
            "</FinalDraft>",
            "<Other>{}</Other>",
            "{}",
        ]
    ),
)
def test_structured_fdx(paragraphs: list[str], wrapper: str) -> None:
    body = "".join(paragraphs)
    xml = wrapper.replace("{}", body)
    _read(xml.encode("utf-8"), "s.fdx")


@pytest.mark.skipif(not PDF_SEEDS, reason="no sample PDF to mutate")
@fuzz_settings(weight=0.4)
@given(
    seed=st.sampled_from(PDF_SEEDS or [b""]),
    positions=st.lists(st.integers(min_value=0), max_size=12),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=12),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=80_000)),
)
def test_damaged_pdf(seed: bytes, positions: list[int], values: list[int], cut: int | None) -> None:
    data = flip(seed, positions, values)
    _read(data[:cut] if cut is not None else data, "s.pdf")


def _layout_pdf_seeds() -> list[bytes]:
    """Other apps' PDFs: the real corpus (outside the repository) if present, else two app
    layouts of a few scenes of the shared sample (tests/corpus/make_synthetic.py)."""
    from tests.corpus.locate import real_corpus
    from tests.corpus.make_synthetic import LAYOUTS, SOURCE, _first_scenes, render

    real = [p.read_bytes() for p in sorted((real_corpus() / "pdf").glob("*.pdf"))[:4]]
    if real or not SOURCE.is_file():
        return real
    from tests.corpus.make_synthetic import source_paragraphs

    paragraphs, title = source_paragraphs()
    part = _first_scenes(paragraphs, 3)
    return [render(LAYOUTS[name], part, title) for name in ("finaldraft-windows", "word")]


_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCX_SEEDS = [p.read_bytes() for p in sorted(_CORPUS.rglob("*.docx"))]
LAYOUT_PDF_SEEDS = _layout_pdf_seeds()


@pytest.mark.skipif(not DOCX_SEEDS, reason="no corpus .docx to mutate")
@fuzz_settings(weight=0.4)
@given(
    seed=st.sampled_from(DOCX_SEEDS or [b""]),
    positions=st.lists(st.integers(min_value=0), max_size=12),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=12),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=60_000)),
)
def test_damaged_docx(
    seed: bytes, positions: list[int], values: list[int], cut: int | None
) -> None:
    data = flip(seed, positions, values)
    _read(data[:cut] if cut is not None else data, "s.docx")


@pytest.mark.skipif(not LAYOUT_PDF_SEEDS, reason="no corpus PDF to mutate")
@fuzz_settings(weight=0.4)
@given(
    seed=st.sampled_from(LAYOUT_PDF_SEEDS or [b""]),
    positions=st.lists(st.integers(min_value=0), max_size=12),
    values=st.lists(st.integers(min_value=0, max_value=255), max_size=12),
)
def test_damaged_pdfs_of_other_apps(seed: bytes, positions: list[int], values: list[int]) -> None:
    _read(flip(seed, positions, values), "s.pdf")
