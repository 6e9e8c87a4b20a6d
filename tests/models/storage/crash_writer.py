"""The writer side of the crash trials: real service calls, one acknowledgement per commit.

Run only as a child of `crash_harness.run_trials`, which kills it with SIGKILL.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import secrets
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

Ack = dict[str, Any]


class AckFile:
    """One line per committed write; O_APPEND + a single write() so a line is never torn."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(self, record: Ack) -> None:
        os.write(self.fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))


def _token(rng: random.Random) -> str:
    return f"t{rng.getrandbits(48):012x}"


class RosterFamily:
    name = "roster"

    def __init__(self, db: Any, rng: random.Random) -> None:
        from models.roster.service import RosterService

        self.db, self.rng = db, rng
        self.roster = RosterService(db)

    def setup(self) -> list[Ack]:
        if self.roster.is_empty():
            return [self._add()]
        return []

    def _ack(self, artist: Any, **expect: Any) -> Ack:
        return {
            "family": self.name,
            "entity": "artist",
            "entity_id": str(artist.id),
            "expect": {"version": artist.version, **expect},
        }

    def _add(self) -> Ack:
        from models.roster.artist import ArtistDraft

        tok = _token(self.rng)
        name = self.rng.choice(["林晓", "周雨桐", "Anna Berg", "王一", "陈嘉怡"]) + tok[-4:]
        a = self.roster.add(ArtistDraft(name, notes=tok))
        return self._ack(a, notes=tok)

    def step(self) -> list[Ack]:
        from models.roster.artist import Stance

        ids = self.roster.search_ids(include_archived=True)
        roll = self.rng.random()
        if roll < 0.25 or not ids:
            return [self._add()]
        artist = self.roster.get(self.rng.choice(ids))
        if roll < 0.65:
            from models.roster.artist import ArtistDraft

            tok = _token(self.rng)
            draft = ArtistDraft(
                artist.native_name,
                artist.romanized_name,
                artist.stage_names,
                notes=tok,
                ai_stance=artist.ai_stance,
            )
            draft = draft.replace(jurisdiction=self.rng.choice(["CN", "US-CA", "GB", ""]))
            a = self.roster.update(artist.id, draft, artist.version)
            return [self._ack(a, notes=tok, jurisdiction=draft.jurisdiction)]
        if roll < 0.85:
            a = self.roster.set_archived(artist.id, not artist.archived, artist.version)
            return [self._ack(a, archived=a.archived)]
        stance = self.rng.choice(list(Stance))
        a = self.roster.set_stance(artist.id, stance, artist.version)
        return [self._ack(a, ai_stance=stance.value)]


class FileFamily:
    """Stored files through models.storage.files, and now and then a whole backup."""

    name = "files"

    def __init__(self, db: Any, rng: random.Random, backups: Path) -> None:
        self.db, self.rng, self.backups = db, rng, backups

    def setup(self) -> list[Ack]:
        return []

    def step(self) -> list[Ack]:
        from models.storage import files

        if self.rng.random() < 0.04:
            from models.safety.backup import create_backup

            path = self.backups / f"b-{secrets.token_hex(4)}.zip"
            create_backup(self.db, path)
            return [{"family": self.name, "entity": "backup", "entity_id": path.name, "expect": {}}]
        data = os.urandom(self.rng.choice([10, 2000, 70_000])) + _token(self.rng).encode()
        sha = files.store_bytes(self.db, data, f"scan-{sha_prefix(data)}.bin")
        return [
            {
                "family": self.name,
                "entity": "stored_file",
                "entity_id": sha,
                "expect": {"size": len(data)},
                "file": f"{sha[:2]}/{sha}",
                "sha256": sha,
            }
        ]


def sha_prefix(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()[:8]


class ConsentFamily:
    """Signed consent records with evidence, new versions (amend) and the artist's decision."""

    name = "consent"
    modules = ("models.consent.service", "models.parties.service", "models.consent.values")

    def __init__(self, db: Any, rng: random.Random) -> None:
        from models.consent.service import ConsentService
        from models.parties.service import CounterpartyService

        self.db, self.rng = db, rng
        self.parties = CounterpartyService(db)
        self.consent = ConsentService(db)
        self.given: list[int] = []
        self.pending: list[int] = []

    def setup(self) -> list[Ack]:
        from models.consent.values import CounterpartyDraft, ProjectDraft

        acks: list[Ack] = []
        found = self.parties.counterparties("Power Cut Films")
        if found:
            self.cp = found[0]
        else:
            self.cp = self.parties.add_counterparty(
                CounterpartyDraft("断电影业", "Power Cut Films")
            )
            acks.append(self._plain("counterparty", self.cp.id))
        projects = self.parties.projects(self.cp.id)
        if projects:
            self.project = projects[0]
        else:
            self.project = self.parties.add_project(ProjectDraft(self.cp.id, "断电", "Power Cut"))
            acks.append(self._plain("project", self.project.id))
        return acks

    def _plain(self, entity: str, entity_id: object) -> Ack:
        return {"family": self.name, "entity": entity, "entity_id": str(entity_id), "expect": {}}

    def _ack(self, rec: Any, **expect: Any) -> Ack:
        return {
            "family": self.name,
            "entity": "consent_record",
            "entity_id": str(rec.id),
            "expect": {"row_version": rec.row_version, **expect},
        }

    def _decision(self) -> Any:
        from models.consent.values import ArtistDecision, DecisionOutcome

        return ArtistDecision(DecisionOutcome.GIVEN, "the artist", datetime.now(UTC))

    def _evidence(self, tok: str) -> tuple[Any, str]:
        import hashlib

        from models.consent.evidence import EvidenceFile

        data = b"%PDF-1.7 signed agreement " + tok.encode() + os.urandom(500)
        return EvidenceFile(data, original_name=f"signed-{tok}.pdf"), hashlib.sha256(
            data
        ).hexdigest()

    def _signed(self) -> list[Ack]:
        from models.consent.values import ConsentDraft
        from models.consent.words import Modality, Use
        from models.roster.service import RosterService

        ids = RosterService(self.db).search_ids()
        if not ids:
            return []
        tok = _token(self.rng)
        today = date.today()
        draft = ConsentDraft(
            artist_id=self.rng.choice(ids),
            counterparty_id=self.cp.id,
            project_id=self.project.id,
            modalities=(Modality.VOICE, Modality.FACE_LIKENESS),
            uses=(Use.THIS_PRODUCTION,),
            media=("film",),
            territories=("CN",),
            term_start=today - timedelta(days=1),
            term_end=today + timedelta(days=365),
            counsel_represented=True,
            signed_separately=True,
            revocation_terms="30 days notice",
            specific_use_description=f"AI voice for the character in scene 12 ({tok})",
            notes=tok,
        )
        evidence, sha = self._evidence(tok)
        rec = self.consent.record_signed(draft, [evidence], self._decision())
        self.given.append(rec.id)
        return [self._file_ack(self._ack(rec, notes=tok, status="given"), sha)]

    @staticmethod
    def _file_ack(ack: Ack, sha: str) -> Ack:
        return {**ack, "file": f"{sha[:2]}/{sha}", "sha256": sha}

    def step(self) -> list[Ack]:
        roll = self.rng.random()
        if self.pending and roll < 0.35:
            rid = self.pending.pop()
            tok = _token(self.rng)
            evidence, sha = self._evidence(tok)
            self.consent.attach_evidence(rid, evidence)
            ev_ack = self._file_ack(
                {"family": self.name, "entity": "stored_file", "entity_id": sha, "expect": {}},
                sha,
            )
            rec = self.consent.get(rid)
            rec = self.consent.record_decision(rid, self._decision(), rec.row_version)
            self.given.append(rec.id)
            return [ev_ack, self._ack(rec, status="given")]
        if self.given and roll < 0.7:
            rid = self.given.pop(self.rng.randrange(len(self.given)))
            rec = self.consent.get(rid)
            if rec.status.value != "given" or rec.superseded_by_id is not None:
                return []
            tok = _token(self.rng)
            new = self.consent.amend(rid, {"notes": tok}, rec.row_version)
            self.pending.append(new.id)
            return [self._ack(new, notes=tok, supersedes_id=rid)]
        return self._signed()


class StatementFamily:
    """Registering issued statements (the PDF bytes are stand-ins: signing is reports/' job)."""

    name = "statements"
    modules = ("models.statements.register", "models.statements.record", "models.consent.state")

    def __init__(self, db: Any, rng: random.Random) -> None:
        from models.statements.register import StatementRegister

        self.db, self.rng = db, rng
        self.register = StatementRegister(db)

    def setup(self) -> list[Ack]:
        return []

    def step(self) -> list[Ack]:
        import hashlib

        from models.consent.state import state_as_of
        from models.roster.service import RosterService
        from models.statements.record import (
            Issuer,
            StatementKind,
            build_record,
            new_statement_id,
        )

        roster = RosterService(self.db)
        ids = roster.search_ids()
        if not ids:
            return []
        artist = roster.get(self.rng.choice(ids))
        now = datetime.now(UTC)
        record = build_record(
            state=state_as_of(self.db, artist.id, now),
            artist=artist,
            kind=StatementKind.POSITION,
            issuer=_issuer(Issuer),
            statement_id=new_statement_id(now),
            languages=("en", "zh"),
            issued_at=now,
        )
        pdf = b"%PDF-1.7 statement " + os.urandom(3000)
        st = self.register.register(record, pdf, "statement.pdf")
        sha = hashlib.sha256(pdf).hexdigest()
        rel = st.stored_path.relative_to(self.db.location.files_dir).as_posix()
        return [
            {
                "family": self.name,
                "entity": "statement",
                "entity_id": st.id,
                "expect": {},
                "file": rel,
                "sha256": sha,
            }
        ]


def _issuer(cls: Any) -> Any:
    """An Issuer from whatever fields it has today (its shape is the statements team's call)."""
    import dataclasses

    known: dict[str, Any] = {
        "name": "Crash Agency",
        "name_zh": "断电经纪",
        "address": "1 Road",
        "address_zh": "一路",
        "signer": "CN=Crash Desk",
        "signer_fingerprint": "ab" * 32,
        "issued_by": "crash-writer",
    }
    defaults = {bool: False, "bool": False, int: 0, "int": 0}
    kwargs = {
        f.name: known.get(f.name, defaults.get(f.type, ""))
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    return cls(**kwargs)


OPTIONAL: tuple[type[ConsentFamily] | type[StatementFamily], ...] = (
    ConsentFamily,
    StatementFamily,
)


def _available(cls: Any) -> bool:
    try:
        return all(importlib.util.find_spec(m) is not None for m in cls.modules)
    except ModuleNotFoundError:
        return False


def writer_main(db_path: str, ack_path: Path, seed: int, backups: Path) -> None:
    from models.errors import UserError
    from models.storage.database import Database

    rng = random.Random(seed)
    acks = AckFile(ack_path)
    parent = os.getppid()
    db = Database.open(db_path, actor="crash-writer")
    families: list[Any] = [RosterFamily(db, rng), FileFamily(db, rng, backups)]
    for cls in OPTIONAL:
        if not _available(cls):
            acks.write({"note": "absent", "family": cls.name})
            continue
        try:
            families.append(cls(db, rng))
        except Exception as e:  # API not there yet: say so, keep the harness working
            acks.write({"note": "skipped", "family": cls.name, "reason": repr(e)[:300]})
    active: list[Any] = []
    for fam in families:
        try:
            for ack in fam.setup():
                acks.write(ack)
            active.append(fam)
        except Exception as e:
            if fam.name in ("roster", "files"):
                raise
            acks.write({"note": "skipped", "family": fam.name, "reason": repr(e)[:300]})
    acks.write({"note": "ready", "families": [f.name for f in active]})
    weights = [3 if f.name == "roster" else 1 for f in active]
    failures: Counter[str] = Counter()
    while os.getppid() == parent:
        fam = rng.choices(active, weights)[0]
        acks.write({"intent": fam.name})  # a kill before the matching ack lands mid-write
        try:
            for ack in fam.step():
                acks.write(ack)
        except UserError:
            continue  # refused by the rules: nothing committed, nothing acknowledged
        except Exception as e:
            if fam.name in ("roster", "files"):
                raise
            failures[fam.name] += 1
            acks.write({"note": "error", "family": fam.name, "reason": repr(e)[:300]})
            if failures[fam.name] >= 3:
                active_i = active.index(fam)
                active.pop(active_i)
                weights.pop(active_i)
                acks.write({"note": "skipped", "family": fam.name, "reason": "kept failing"})
