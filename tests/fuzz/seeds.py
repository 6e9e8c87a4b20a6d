"""Real files made once per run for the fuzzers to mutate (slow to make, so cached)."""

from __future__ import annotations

from functools import cache

from tests.fuzz.profiles import fresh_database_file, scratch

PASS = "correct horse battery"


@cache
def signed_statement() -> bytes:
    """One real signed position statement (made once per run: key derivation is slow)."""
    from models.identity import SigningIdentityService
    from models.roster.artist import ArtistDraft
    from models.roster.service import RosterService
    from models.storage.database import Database
    from reports.statements.service import StatementRequest, StatementService

    with scratch() as d:
        db = Database.open(str(fresh_database_file(d)), actor="fuzz")
        try:
            artist = RosterService(db).add(ArtistDraft("林晓"))
            SigningIdentityService(db).create("Fuzz Talent", PASS, "模糊经纪")
            identity = SigningIdentityService(db).unlock(PASS)
            out = StatementService(db, identity).export(
                StatementRequest(artist.id, languages=("en",)), d / "s.pdf"
            )
            return out.path.read_bytes()
        finally:
            db.close()
