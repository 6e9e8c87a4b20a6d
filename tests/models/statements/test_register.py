"""The register on its own: the migration matches the table, writes are whole or nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from models.errors import ConflictError, NotFoundError, UserError
from models.roster.artist import ArtistDraft
from models.roster.service import RosterService
from models.statements.record import Issuer, StatementKind, StatementStatus, build_record
from models.statements.register import StatementRegister
from models.statements.tables import StatementRow
from tests.reports.statement_data import SHANGHAI, rich_state

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=SHANGHAI)
ISSUER = Issuer("Starlight", "", "", "", "Starlight", "cd" * 32, True, "tester")


def a_record(artist, statement_id: str, supersedes: str | None = None) -> dict:
    return build_record(
        state=rich_state(NOW, artist.id),
        artist=artist,
        kind=StatementKind.POSITION,
        issuer=ISSUER,
        statement_id=statement_id,
        languages=("en",),
        issued_at=NOW,
        supersedes=supersedes,
    )


@pytest.fixture
def artist(db):
    return RosterService(db).add(ArtistDraft("林晓"))


def _table(change: object) -> str:
    entry = change[0] if isinstance(change, list) else change
    kind, obj = entry[0], entry[1]
    if kind in ("add_table", "remove_table"):
        return str(obj.name)
    if kind in ("add_index", "remove_index"):
        return str(obj.table.name)
    if kind in ("add_fk", "remove_fk"):
        return str(obj.parent.name)
    return str(entry[2])  # add_column, remove_column, modify_* carry the table name


def test_migration_creates_exactly_the_orm_table(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), StatementRow.metadata)
    assert [d for d in diff if _table(d) == "statement"] == []


def test_register_keeps_a_copy_and_supersedes_in_scope(db, artist):
    register = StatementRegister(db)
    first = register.register(a_record(artist, "CDS-20261125-00000001"), b"%PDF one", "a.pdf")
    assert first.stored_path.read_bytes() == b"%PDF one"
    assert register.current_for(artist.id, StatementKind.POSITION).id == first.id
    second = register.register(
        a_record(artist, "CDS-20261125-00000002", first.id), b"%PDF two", "b.pdf"
    )
    assert register.get(first.id).status == StatementStatus.SUPERSEDED
    assert register.get(first.id).superseded_by_id == second.id
    assert [s.id for s in register.statements(statuses=[StatementStatus.CURRENT])] == [second.id]
    assert register.by_file_sha256(second.file_sha256).id == second.id
    assert not list(register.store_dir.glob("*.part"))


def test_duplicate_id_is_refused_and_leaves_nothing_behind(db, artist):
    register = StatementRegister(db)
    register.register(a_record(artist, "CDS-20261125-00000001"), b"%PDF one", "a.pdf")
    with pytest.raises(ConflictError):
        register.register(a_record(artist, "CDS-20261125-00000001"), b"%PDF other", "b.pdf")
    assert register.get("CDS-20261125-00000001").stored_path.read_bytes() == b"%PDF one"
    assert len(register.statements()) == 1
    assert not list(register.store_dir.glob("*.part"))


def test_withdraw_needs_a_reason_and_happens_once(db, artist):
    register = StatementRegister(db)
    st = register.register(a_record(artist, "CDS-20261125-00000001"), b"%PDF", "a.pdf")
    with pytest.raises(UserError):
        register.withdraw(st.id, "")
    done = register.withdraw(st.id, "wrong artist")
    assert done.status == StatementStatus.REVOKED and done.status_reason == "wrong artist"
    with pytest.raises(ConflictError):
        register.withdraw(st.id, "again")
    with pytest.raises(NotFoundError):
        register.withdraw("CDS-19990101-FFFFFFFF", "nope")
