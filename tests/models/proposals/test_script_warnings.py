"""A proposal keeps its script's reader warnings by code: English where a string is wanted,
Chinese on a Chinese screen; warnings stored as sentences by older versions still read."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from models.messages import in_language
from models.proposals.service import ProposalService
from models.proposals.tables import ProposalScriptRow
from models.storage.database import Database
from tests.models.proposals.helpers import proposal_draft, script_file, world

# A dual-dialogue cue (^) with no dialogue block before it: the reader warns on line 3.
WARNS = "INT. STUDIO - DAY\n\nBOB ^\nHello.\n"
ENGLISH = "line 3: dual dialogue 'BOB' has no dialogue block just before it"


def _attached(db: Database, tmp_path: Path) -> tuple[ProposalService, int, int]:
    service = ProposalService(db)
    p = service.create(proposal_draft(world(db)))
    script = service.attach_script(p.id, script_file(tmp_path, WARNS, "warns.fountain"))
    return service, p.id, script.id


def test_a_warning_reads_as_before_in_english_and_in_chinese(db: Database, tmp_path: Path) -> None:
    service, proposal_id, _ = _attached(db, tmp_path)
    (script,) = service.get(proposal_id).scripts
    (warning,) = script.warnings
    assert warning == ENGLISH  # what the proposal said before warnings had codes
    assert in_language(warning, "en") == ENGLISH
    chinese = in_language(warning, "zh")
    assert chinese.startswith("第 3 行：")
    assert "BOB" in chinese and "dual dialogue" not in chinese


def test_a_warning_stored_as_a_sentence_still_reads(db: Database, tmp_path: Path) -> None:
    service, proposal_id, script_id = _attached(db, tmp_path)
    with db.transaction() as s:
        row = s.scalar(select(ProposalScriptRow).where(ProposalScriptRow.id == script_id))
        assert row is not None
        row.warnings = [ENGLISH]  # as versions before codes kept it
    (script,) = service.get(proposal_id).scripts
    assert script.warnings == (ENGLISH,)
    assert in_language(script.warnings[0], "zh") == ENGLISH  # no way back from a sentence
