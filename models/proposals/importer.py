"""A proposal described in JSON (`consent-desk proposal import`; schema: docs/proposal-json.md).

Everything is checked before anything is written: the JSON, the names (counterparty, project,
artists, resolved against the database), the files and scripts (read and parsed). Then one
transaction creates whatever is new (counterparty, project), the proposal, its files, scripts
and mappings, with their audit events — all of it or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from models import shapes
from models.clock import utc_now
from models.consent.values import CounterpartyDraft, CounterpartyKind, ProjectDraft, ProjectType
from models.consent.words import Modality, Use
from models.dates import PROPOSAL_TIME
from models.errors import FieldProblem, UserError, ValidationError
from models.leak.matcher import MatchStatus, NameMatcher
from models.messages import Text, phrase
from models.names import normalize
from models.parties.service import CounterpartyService
from models.parties.tables import CounterpartyRow, ProjectRow
from models.proposals import script_intake
from models.proposals.service import ProposalService
from models.proposals.values import (
    FileRole,
    Proposal,
    ProposalDraft,
    RequestedArtist,
    ScanSessionRequest,
)
from models.storage.database import Database

MAX_JSON_BYTES = 1024 * 1024
# The shape of a proposal file (docs/proposal-json.md), checked by models/shapes.py. Fields that
# may be an id, a name or an object are checked below, against the database.
PROPOSAL_SHAPE: shapes.Shape = {
    "counterparty": shapes.Field(shapes.anything, required=True),
    "project": shapes.Field(shapes.anything, required=True),
    "contact": shapes.Field(shapes.text, default=""),
    "received_on": shapes.Field(shapes.day, required=True),
    "respond_by": shapes.Field(shapes.day, default=None),
    "description": shapes.Field(shapes.text, default=""),
    "labelling_plan": shapes.Field(shapes.text, default=""),
    "model_training_requested": shapes.Field(shapes.flag, default=False),
    "retention_requested": shapes.Field(shapes.flag, default=False),
    "sublicensing_requested": shapes.Field(shapes.flag, default=False),
    "scan_sessions": shapes.Field(shapes.anything, default=[]),
    "artists": shapes.Field(shapes.anything, required=True),
    "scripts": shapes.Field(shapes.anything, default=[]),
    "files": shapes.Field(shapes.anything, default=[]),
    "mapping": shapes.Field(shapes.anything, default={}),
    "accept_suggested_mapping": shapes.Field(shapes.flag, default=False),
    "notes": shapes.Field(shapes.text, default=""),
}
ARTIST_SHAPE: shapes.Shape = {
    "artist": shapes.Field(shapes.anything, default=None),
    "modalities": shapes.Field(shapes.choices(Modality), default=()),
    "uses": shapes.Field(shapes.choices(Use), default=()),
    "media": shapes.Field(shapes.texts, default=()),
    "territories": shapes.Field(shapes.texts, default=()),
    "term_start": shapes.Field(shapes.day, default=None),
    "term_end": shapes.Field(shapes.day, default=None),
    "fee": shapes.Field(shapes.anything, default=None),
    "roles": shapes.Field(shapes.texts, default=()),
}
MAX_AMOUNT = 10**15
FEE_SHAPE: shapes.Shape = {
    "amount": shapes.Field(shapes.amount(MAX_AMOUNT), required=True),
    "currency": shapes.Field(shapes.text, default=""),
}
SESSION_SHAPE: shapes.Shape = {  # a scan session is at an hour, written with its offset
    "at": shapes.Field(shapes.moment(PROPOSAL_TIME), required=True),
    "notice_at": shapes.Field(shapes.optional(shapes.moment(PROPOSAL_TIME)), default=None),
    "artist": shapes.Field(shapes.anything, default=None),
    "note": shapes.Field(shapes.text, default=""),
}
FILE_SHAPE: shapes.Shape = {
    "path": shapes.Field(shapes.text, required=True),
    "role": shapes.Field(shapes.choice(FileRole), default=FileRole.OTHER),
    "note": shapes.Field(shapes.text, default=""),
}
_FATAL = frozenset({"problem.unknown_field", "problem.is_required"})


@dataclass
class _Plan:
    """What the import will write, once every check passed."""

    counterparty_id: int | None = None
    counterparty_new: CounterpartyDraft | None = None
    project_id: int | None = None
    project_new: tuple[str, str, ProjectType] | None = None
    draft: dict[str, Any] = field(default_factory=dict)
    artists: list[RequestedArtist] = field(default_factory=list)
    sessions: list[tuple[datetime, datetime | None, int | None, str]] = field(default_factory=list)
    scripts: list[script_intake.ReadScript] = field(default_factory=list)
    files: list[tuple[Path, FileRole, str]] = field(default_factory=list)
    mapping: dict[str, int | None] = field(default_factory=dict)
    accept_suggested: bool = False


def load_json(path: Path) -> dict[str, Any]:
    data = shapes.load_file(path, "error.shapes.kind.proposal_file", MAX_JSON_BYTES)
    if not isinstance(data, dict):
        raise UserError("error.proposals.importer.name_must_hold_one_json", name=path.name)
    return data


class _Reader:
    """Collects every problem, so one import run lists them all."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def bad(self, name: str, code: str, row: int | None = None, /, **params: Any) -> None:
        self.problems.append(FieldProblem(name, code, row, **params))

    def read(
        self, data: dict[str, Any], shape: shapes.Shape, row: int | None = None, where: str = ""
    ) -> dict[str, Any]:
        """Nested objects (`where` "fee.") keep unknown keys, as they always did."""
        nested = where.endswith(".")
        return shapes.read(
            data, shape, self.problems, row, where, open_=nested, prefix=where * nested
        )


MAX_AMOUNT = 10**15


def _is_int(raw: Any) -> bool:
    return isinstance(raw, int) and not isinstance(raw, bool)


def _shown_id(raw: int) -> str:
    return str(raw) if -(10**18) < raw < 10**18 else Text("problem.number_far_too_large")


def _counterparty(r: _Reader, db: Database, raw: Any, plan: _Plan) -> None:
    with db.read() as s:
        if _is_int(raw) and not 1 <= raw <= shapes.MAX_ID:
            r.bad("counterparty", "problem.there_is_no_counterparty_with_id", id=_shown_id(raw))
            return
        if isinstance(raw, int) and not isinstance(raw, bool):
            if s.get(CounterpartyRow, raw) is None:
                r.bad("counterparty", "problem.there_is_no_counterparty_with_id", id=raw)
            plan.counterparty_id = raw
            return
        if isinstance(raw, str):
            raw = {"native_name": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("native_name"), str):
            r.bad("counterparty", "problem.give_an_id_a_name_or_native")
            return
        native = raw["native_name"].strip()
        rom = raw.get("romanized_name", "") if isinstance(raw.get("romanized_name"), str) else ""
        key = normalize(native)
        for row in s.scalars(select(CounterpartyRow)):
            if key in (normalize(row.native_name), normalize(row.romanized_name)):
                plan.counterparty_id = row.id
                return
    try:
        kind = CounterpartyKind(str(raw.get("kind", "producer")).lower())
    except ValueError:
        r.bad("counterparty", "problem.kind_must_be_producer_platform_or_other")
        kind = CounterpartyKind.PRODUCER
    plan.counterparty_new = CounterpartyDraft(native, rom, kind)


def _project(r: _Reader, db: Database, raw: Any, plan: _Plan) -> None:
    with db.read() as s:
        if _is_int(raw) and not 1 <= raw <= shapes.MAX_ID:
            r.bad("project", "problem.there_is_no_project_with_id", id=_shown_id(raw))
            return
        if isinstance(raw, int) and not isinstance(raw, bool):
            project = s.get(ProjectRow, raw)
            if project is None:
                r.bad("project", "problem.there_is_no_project_with_id", id=raw)
            elif (
                plan.counterparty_id is not None and project.counterparty_id != plan.counterparty_id
            ):
                r.bad("project", "problem.project_belongs_to_another_counterparty", id=raw)
            plan.project_id = raw
            return
        if isinstance(raw, str):
            raw = {"title_native": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("title_native"), str):
            r.bad("project", "problem.give_an_id_a_title_or_title")
            return
        title = raw["title_native"].strip()
        rom = raw.get("title_romanized", "") if isinstance(raw.get("title_romanized"), str) else ""
        if plan.counterparty_id is not None:
            key = normalize(title)
            for row in s.scalars(
                select(ProjectRow).where(ProjectRow.counterparty_id == plan.counterparty_id)
            ):
                if key in (normalize(row.title_native), normalize(row.title_romanized)):
                    plan.project_id = row.id
                    return
    try:
        kind = ProjectType(str(raw.get("type", "film")).lower())
    except ValueError:
        r.bad("project", "problem.type_must_be_film_series_ad_game")
        kind = ProjectType.FILM
    plan.project_new = (title, rom, kind)


def _artist_id(r: _Reader, matcher: NameMatcher, raw: Any, key: str, row: int | None) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if not 1 <= raw <= shapes.MAX_ID:
            r.bad(key, "problem.is_not_an_artist_id", row, value=_shown_id(raw))
            return None
        return raw
    if not isinstance(raw, str) or not raw.strip():
        r.bad(key, "problem.give_the_artist_s_id_or_name", row)
        return None
    found = matcher.match(raw)
    if found.status is MatchStatus.MATCHED and found.best is not None and found.score >= 95:
        return found.best.artist_id
    if found.candidates:
        shown = [
            phrase("problem.artist_candidate", name=c.display_name, id=c.artist_id)
            for c in found.candidates[:3]
        ]
        r.bad(key, "problem.could_be_several_artists_give_the_id", row, name=raw, ids=shown)
    else:
        r.bad(key, "problem.no_artist_on_the_roster_is_called", row, name=raw)
    return None


def _artists(r: _Reader, matcher: NameMatcher, raw: Any, plan: _Plan) -> None:
    if not isinstance(raw, list) or not raw:
        r.bad("artists", "problem.list_at_least_one_requested_artist")
        return
    for n, item in enumerate(raw, 1):
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            item = {"artist": item}
        if not isinstance(item, dict):
            r.bad("artists", "problem.each_entry_is_a_name_an_id", n)
            continue
        v = r.read(item, ARTIST_SHAPE, n, where="artists")
        artist_id = _artist_id(r, matcher, v["artist"], "artist", n)
        fee = v["fee"]
        fv: dict[str, Any] = {}
        if fee is not None and not isinstance(fee, dict):
            r.bad("fee", "problem.must_be_amount_80000_currency_cny", n)
        elif fee is not None:
            fv = r.read(fee, FEE_SHAPE, n, "fee.")
        requested = RequestedArtist(
            artist_id=artist_id or 0,
            modalities=v.get("modalities", ()),
            uses=v.get("uses", ()),
            media=v.get("media", ()),
            territories=v.get("territories", ()),
            term_start=v.get("term_start"),
            term_end=v.get("term_end"),
            fee_amount=fv.get("amount"),
            fee_currency=fv.get("currency", ""),
            roles=v.get("roles", ()),
        )
        if artist_id is not None:
            plan.artists.append(requested)


def inside_folder(base: Path, item: str) -> Path | Text:
    """`item` resolved inside `base`, or why it may not be used (absolute, `..`, link out).

    A proposal file names its scripts and attachments relative to itself; anything else
    would let a file received from outside copy `/etc/passwd` or `~/.ssh` into the store
    and into every backup.
    """
    if "\x00" in item:
        return Text("problem.path_has_nul")
    parts = item.replace("\\", "/").split("/")
    if (
        item.startswith(("/", "\\", "~"))
        or re.match(r"^[A-Za-z]:", item)
        or Path(item).is_absolute()
    ):
        return Text("problem.path_is_absolute", item=item)
    if ".." in parts:
        return Text("problem.path_leaves_folder", item=item)
    root = base.resolve()
    try:
        path = (root / item).resolve()
    except (OSError, RuntimeError, ValueError) as e:
        return Text("problem.path_cannot_be_used", item=item, reason=e)
    if not path.is_relative_to(root):
        return Text("problem.path_leads_outside", item=item)
    return path


def _paths(r: _Reader, data: dict[str, Any], base: Path, plan: _Plan) -> None:
    raw_scripts = data.get("scripts", [])
    if isinstance(raw_scripts, str):
        raw_scripts = [raw_scripts]
    if not isinstance(raw_scripts, list):
        r.bad("scripts", "problem.must_be_a_list_of_file_paths")
        raw_scripts = []
    for n, item in enumerate(raw_scripts, 1):
        if not isinstance(item, str) or not item.strip():
            r.bad("scripts", "problem.each_script_is_a_file_path_relative", n)
            continue
        path = inside_folder(base, item)
        if isinstance(path, Text):
            r.bad("scripts", path, n)
            continue
        try:
            plan.scripts.append(script_intake.read(path))
        except UserError as e:
            r.bad("scripts", e.message, n)
    raw_files = data.get("files", [])
    if not isinstance(raw_files, list):
        r.bad("files", "problem.must_be_a_list")
        raw_files = []
    for n, item in enumerate(raw_files, 1):
        if isinstance(item, str):
            item = {"path": item}
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            r.bad("files", "problem.each_file_is_a_path_or_path", n)
            continue
        known = len(r.problems)
        f = r.read(item, FILE_SHAPE, n, "files.")
        if len(r.problems) > known:
            continue
        path = inside_folder(base, f["path"])
        if isinstance(path, Text):
            r.bad("files", path, n)
            continue
        if not path.is_file():
            r.bad("files", "problem.cannot_find", n, path=path)
            continue
        if f["role"] == FileRole.SCRIPT:
            r.bad("files", "problem.list_scripts_under_scripts_so_they_are", n)
            continue
        plan.files.append((path, f["role"], f["note"]))


def plan_import(db: Database, path: Path) -> _Plan:
    """Check everything; raise ValidationError listing every problem. Nothing is written."""
    data = load_json(path)
    r = _Reader()
    plan = _Plan()
    top = r.read(data, PROPOSAL_SHAPE, where="proposal")
    if any(p.code in _FATAL for p in r.problems):
        raise ValidationError(r.problems)
    _counterparty(r, db, top["counterparty"], plan)
    _project(r, db, top["project"], plan)
    matcher = NameMatcher.from_database(db)
    _artists(r, matcher, top["artists"], plan)
    plan.draft = {
        key: top.get(key, PROPOSAL_SHAPE[key].default)
        for key in (
            "respond_by",
            "contact",
            "description",
            "labelling_plan",
            "notes",
            "model_training_requested",
            "retention_requested",
            "sublicensing_requested",
        )
    }
    plan.draft["received_on"] = top.get("received_on") or date.today()
    sessions = top["scan_sessions"]
    if not isinstance(sessions, list):
        r.bad("scan_sessions", "problem.must_be_a_list")
        sessions = []
    for n, item in enumerate(sessions, 1):
        if not isinstance(item, dict):
            r.bad("scan_sessions", "problem.each_session_is_at", n)
            continue
        v = r.read(item, SESSION_SHAPE, n, "scan_sessions.")
        who = v["artist"]
        who_id = None if who is None else _artist_id(r, matcher, who, "scan_sessions", n)
        if "at" in v:
            plan.sessions.append((v["at"], v.get("notice_at"), who_id, v["note"]))
    _paths(r, data, path.parent, plan)
    mapping = top["mapping"]
    if not isinstance(mapping, dict):
        r.bad("mapping", "problem.must_be_an_object_character_artist_name")
        mapping = {}
    characters = {c for sc in plan.scripts for c in sc.document.character_names} | {
        u.character for sc in plan.scripts for u in sc.uses if u.character
    }
    for character, who in mapping.items():
        if character not in characters:
            r.bad("mapping", "problem.is_not_a_character_of_the_scripts", name=character)
            continue
        plan.mapping[character] = (
            None if who is None else _artist_id(r, matcher, who, "mapping", None)
        )
    plan.accept_suggested = top.get("accept_suggested_mapping", False)
    if r.problems:
        raise ValidationError(r.problems)
    return plan


def import_proposal(db: Database, path: Path) -> Proposal:
    """Create the proposal a JSON file describes (all or nothing)."""
    plan = plan_import(db, path)
    with db.transaction() as s:
        cps = CounterpartyService(db)
        if plan.counterparty_id is None:
            assert plan.counterparty_new is not None
            plan.counterparty_id = cps.add_counterparty(plan.counterparty_new).id
        if plan.project_id is None:
            assert plan.project_new is not None
            title, rom, kind = plan.project_new
            plan.project_id = cps.add_project(
                ProjectDraft(plan.counterparty_id, title, rom, kind)
            ).id
        sessions = [
            ScanSessionRequest(at, notice, who, note) for at, notice, who, note in plan.sessions
        ]
        draft = ProposalDraft(
            counterparty_id=plan.counterparty_id,
            project_id=plan.project_id,
            artists=tuple(plan.artists),
            scan_sessions=tuple(sessions),
            **plan.draft,
        )
        service = ProposalService(db, utc_now)
        row = service.create_in(s, draft)
        for file_path, role, note in plan.files:
            service.attach_file(row.id, file_path, role=role, note=note)
        for script in plan.scripts:
            attached = service.attach_read_script(row.id, script, "shipped list")
            present = set(attached.characters) | {u.character for u in script.uses if u.character}
            for character, artist_id in plan.mapping.items():
                if character in present:
                    service.map_character(attached.id, character, artist_id)
            if plan.accept_suggested:
                service.confirm_suggestions(attached.id)
        return service.get(row.id)


__all__ = ["import_proposal", "load_json", "plan_import"]
