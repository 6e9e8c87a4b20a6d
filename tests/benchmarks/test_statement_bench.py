"""Statement benchmarks: render + sign one statement (warm) beside a bare pyHanko signature of
a one-page PDF in the same run, and a batch of 100 statements into a folder.

Targets (issue 7): render + sign ≤ 150 ms warm; 100 statements ≤ 15 s. Figures are reported
by pytest-benchmark (`make bench`), not asserted.
"""

from __future__ import annotations

import io
from itertools import count

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from reportlab.pdfgen.canvas import Canvas

from models.consent.words import Modality
from models.statements.record import StatementKind
from models.storage.database import Database
from reports.pdf.fonts import FONT, register_fonts
from reports.statements.layout import render_statement
from reports.statements.service import StatementService
from reports.statements.signing import pyhanko_signer, sign_statement
from tests.reports.statement_data import SHANGHAI, consent_world, quick_identity, record_for

GROUP = "one statement: render + sign (warm) vs bare pyHanko sign"


@pytest.fixture(scope="module")
def identity():
    return quick_identity("Starlight Talent & Co.")


@pytest.fixture(scope="module")
def signer(identity):
    return pyhanko_signer(identity)


@pytest.mark.parametrize("languages", [("en",), ("en", "zh")], ids=["en", "en+zh"])
def test_render_and_sign_one_statement(benchmark, identity, signer, languages):
    benchmark.group = GROUP
    record = record_for(identity, kind=StatementKind.POSITION, languages=languages)

    def issue() -> bytes:
        return sign_statement(render_statement(record), record, signer)

    pdf = benchmark.pedantic(issue, rounds=30, iterations=1, warmup_rounds=3)
    assert pdf.startswith(b"%PDF") and b"/ByteRange" in pdf


def test_bare_pyhanko_sign_one_page(benchmark, signer):
    benchmark.group = GROUP
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=FONT)
    canvas.setFont(FONT, 12)
    canvas.drawString(72, 720, "One page to sign 一页")
    canvas.showPage()
    canvas.save()
    page = buf.getvalue()
    meta = signers.PdfSignatureMetadata(field_name="Signature")

    def sign() -> bytes:
        out = io.BytesIO()
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(page)), meta, signer, output=out)
        return out.getvalue()

    pdf = benchmark.pedantic(sign, rounds=30, iterations=1, warmup_rounds=3)
    assert b"/ByteRange" in pdf


def test_batch_of_100_statements(benchmark, identity, tmp_path_factory):
    benchmark.group = "batch: 100 bilingual position statements into a folder"
    path = tmp_path_factory.mktemp("batch") / "batch.sqlite3"
    db = Database.open(str(path), actor="bench")
    ids = []
    for i in range(100):
        world = consent_world(db, f"林晓{i}") if i == 0 else None
        if world is not None:
            first = world
            first.give([Modality.FACE_LIKENESS, Modality.VOICE])
            ids.append(first.artist.id)
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService

    others = RosterService(db).add_many([ArtistDraft(f"陈静怡{i}") for i in range(99)])
    ids += [a.id for a in others]
    service = StatementService(db, identity, zone=SHANGHAI)
    folders = count()

    def setup():
        folder = tmp_path_factory.mktemp(f"out{next(folders)}")
        return (folder,), {}

    def run(folder):
        return service.export_batch(ids, folder)

    result = benchmark.pedantic(run, setup=setup, rounds=1, iterations=1)
    assert len(result.exported) == 100 and not result.failed
    db.close()
