"""Migration 0004_proposals matches the ORM tables, and every write is in the audit chain."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Table, inspect

from models.audit.service import AuditService
from models.proposals import tables
from models.proposals.service import ProposalService
from models.storage.database import Database, head_revisions
from tests.models.proposals.helpers import M, give, new_proposal, world

OURS = [
    tables.ProposalRow,
    tables.ProposalArtistRow,
    tables.ProposalFileRow,
    tables.ProposalScriptRow,
    tables.ScriptAiUseRow,
    tables.CharacterMappingRow,
    tables.CheckRunRow,
    tables.FindingRow,
]


def test_the_migration_is_a_head_of_its_own_branch() -> None:
    assert "0014_codes" in head_revisions()  # 0004_proposals, then codes for findings


def test_migrated_tables_match_the_orm(db: Database) -> None:
    inspector = inspect(db.engine)
    for orm in OURS:
        table: Table = orm.__table__  # type: ignore[assignment]
        migrated = {c["name"]: c for c in inspector.get_columns(table.name)}
        assert set(migrated) == {c.name for c in table.columns}, table.name
        for column in table.columns:
            assert migrated[column.name]["nullable"] == column.nullable, (table.name, column.name)
        fks = {
            (fk["referred_table"], tuple(fk["constrained_columns"]))
            for fk in inspector.get_foreign_keys(table.name)
        }
        assert fks == {(fk.column.table.name, (fk.parent.name,)) for fk in table.foreign_keys}
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        assert {i.name for i in table.indexes} <= indexes


def test_a_whole_review_leaves_an_intact_audit_chain(db: Database, tmp_path: Path) -> None:
    w = world(db)
    give(db, w, w.lin, [M.FACE_LIKENESS])
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    run = service.run_check(pid)
    service.accept_risk(run.findings[0].id, "Discussed with counsel.")
    report = AuditService(db).verify()
    assert report.intact, report.reason
    actions = {e.action for e in AuditService(db).events(entity="proposal", entity_id=str(pid))}
    assert {"create", "attach_file", "attach_script", "check"} <= actions


def test_findings_are_stored_as_codes_and_old_rows_show_their_stored_text(
    db: Database, tmp_path: Path
) -> None:
    from sqlalchemy import update

    w = world(db)
    service = ProposalService(db)
    pid, _script = new_proposal(db, w, tmp_path)
    run = service.run_check(pid)
    first = run.findings[0]
    english, chinese = first.finding.message, first.finding.message_zh
    assert first.finding.code.startswith("finding.r") and english != chinese
    with db.write() as s:
        row = s.get(tables.FindingRow, first.id)
        assert row is not None
        assert (row.message_code, row.message, row.message_zh) == (
            first.finding.code,
            english,
            chinese,
        )
        # A row written before findings had codes: only its text.
        s.execute(
            update(tables.FindingRow)
            .where(tables.FindingRow.id == first.id)
            .values(message_code=None, message_params=None, message="Old words.", message_zh="旧文")
        )
    latest = service.latest_run(pid)
    assert latest is not None
    old = next(f for f in latest.findings if f.id == first.id).finding
    assert (old.code, old.message_in("en"), old.message_in("zh")) == ("", "Old words.", "旧文")
    kept = next(f for f in latest.findings if f.id != first.id).finding
    assert kept.message_in("zh") != kept.message_in("en")
