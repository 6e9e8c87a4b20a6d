"""The desk: one open database and every service on it, built once and handed around.

Like Anki's `Collection`, a `Desk` is what the window and the command line hold instead of a
bare `Database` from which each view builds its own services. Each service is built the first
time it is asked for (and its module imported only then), so opening the window or printing
`--help` does not import features nobody used yet.

`desk.transaction()` is storage's unit of work (`Database.transaction`): every service call
inside joins it and commits with it, or none does::

    with desk.transaction():
        artist = desk.roster.add(draft)
        desk.stance.record(artist.id, Stance.OPTED_IN_WITH_CONDITIONS, "voice only")
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from models.clock import utc_now

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.agency import AgencyService
    from models.audit.service import AuditService
    from models.consent.deadlines import DeadlineService
    from models.consent.service import ConsentService
    from models.consent.stance import StanceService
    from models.identity import SigningIdentityService
    from models.leak.keystore import AliasService
    from models.leak.listings import ListingService
    from models.parties.service import CounterpartyService
    from models.proposals.service import ProposalService
    from models.roster.service import RosterService
    from models.statements.register import StatementRegister
    from models.storage.database import Database


class Desk:
    """The services of one open database, each built on first use and then kept."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    @property
    def actor(self) -> str:
        """Who this desk writes as (in audit events and `*_by` columns)."""
        return self.db.actor

    def transaction(self) -> AbstractContextManager[Session]:
        """One unit of work across services (see the module notes)."""
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    # -- the services, by feature --------------------------------------------------------------
    @cached_property
    def roster(self) -> RosterService:
        from models.roster.service import RosterService

        return RosterService(self.db)

    @cached_property
    def consent(self) -> ConsentService:
        from models.consent.service import ConsentService

        return ConsentService(self.db, self.clock)

    @cached_property
    def stance(self) -> StanceService:
        from models.consent.stance import StanceService

        return StanceService(self.db, self.clock)

    @cached_property
    def deadlines(self) -> DeadlineService:
        from models.consent.deadlines import DeadlineService

        return DeadlineService(self.db, self.clock)

    @cached_property
    def parties(self) -> CounterpartyService:
        from models.parties.service import CounterpartyService

        return CounterpartyService(self.db, self.clock)

    @cached_property
    def proposals(self) -> ProposalService:
        from models.proposals.service import ProposalService

        return ProposalService(self.db, self.clock)

    @cached_property
    def statements(self) -> StatementRegister:
        """The register of issued statements (issuing needs an unlocked identity: reports/)."""
        from models.statements.register import StatementRegister

        return StatementRegister(self.db)

    @cached_property
    def leak(self) -> ListingService:
        from models.leak.listings import ListingService

        return ListingService(self.db)

    @cached_property
    def aliases(self) -> AliasService:
        from models.leak.keystore import AliasService

        return AliasService(self.db)

    @cached_property
    def audit(self) -> AuditService:
        from models.audit.service import AuditService

        return AuditService(self.db)

    @cached_property
    def agency(self) -> AgencyService:
        from models.agency import AgencyService

        return AgencyService(self.db)

    @cached_property
    def identities(self) -> SigningIdentityService:
        from models.identity import SigningIdentityService

        return SigningIdentityService(self.db)


__all__ = ["Desk"]
