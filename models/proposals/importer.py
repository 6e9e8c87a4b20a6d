"""A proposal described in JSON (`consent-desk proposal import`; schema: docs/proposal-json.md).

Everything is checked before anything is written: the JSON, the names (counterparty, project,
artists, resolved against the database), the files and scripts (read and parsed). Then one
transaction creates whatever is new (counterparty, project), the proposal, its files, scripts
and mappings, with their audit events — all of it or nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from models.clock import utc_now
from models.consent.together import one_transaction
from models.consent.values import CounterpartyDraft, CounterpartyKind, ProjectDraft, ProjectType
from models.consent.words import Modality, Use
from models.errors import FieldProblem, UserError, ValidationError
from models.leak.matcher import MatchStatus, NameMatcher
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
TOP_KEYS = {
    "counterparty",
    "project",
    "contact",
    "received_on",
    "respond_by",
    "description",
    "labelling_plan",
    "model_training_requested",
    "retention_requested",
    "sublicensing_requested",
    "scan_sessions",
    "artists",
    "scripts",
    "files",
    "mapping",
    "accept_suggested_mapping",
    "notes",
}
ARTIST_KEYS = {
    "artist",
    "modalities",
    "uses",
    "media",
    "territories",
    "term_start",
    "term_end",
    "fee",
    "roles",
}


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
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise UserError(
                "error.proposals.importer.name_larger_than_value_kb",
                name=path.name,
                value=MAX_JSON_BYTES >> 10,
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError("error.proposals.importer.cannot_find_path", path=path) from None
    except IsADirectoryError:
        raise UserError("error.proposals.importer.path_folder_not_json_file", path=path) from None
    except OSError as e:
        raise UserError(
            "error.proposals.importer.cannot_read_path_value", path=path, value=e.strerror or e
        ) from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise UserError(
            "error.proposals.importer.name_nested_too_deeply_proposal", name=path.name
        ) from None
    except UnicodeDecodeError:
        raise UserError("error.proposals.importer.name_not_utf_text", name=path.name) from None
    except json.JSONDecodeError as e:
        raise UserError(
            "error.proposals.importer.name_not_valid_json_line",
            name=path.name,
            lineno=e.lineno,
            colno=e.colno,
            msg=e.msg,
        ) from None
    except ValueError as e:  # e.g. an integer literal longer than Python converts (4300 digits)
        raise UserError(
            "error.proposals.importer.name_not_usable_proposal_file", name=path.name, reason=e
        ) from None
    if not isinstance(data, dict):
        raise UserError("error.proposals.importer.name_must_hold_one_json", name=path.name)
    return data


class _Reader:
    """Checks one field after another, collecting every problem."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def bad(self, name: str, message: str, row: int | None = None) -> None:
        self.problems.append(FieldProblem(name, message, row))

    def text(self, data: dict[str, Any], key: str, row: int | None = None) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.bad(key, "must be text", row)
            return ""
        return value

    def flag(self, data: dict[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.bad(key, "must be true or false")
            return False
        return value

    def day(self, data: dict[str, Any], key: str, row: int | None = None) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.bad(key, f"must be a date like 2026-05-01, not {value!r}", row)
        return None

    def moment(self, value: Any, key: str, row: int | None) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                when = datetime.fromisoformat(value.strip())
            except ValueError:
                when = None
            if when is not None and when.tzinfo is not None:
                return when
        self.bad(
            key, f"must be a time with its offset, like 2026-05-03T10:00+08:00: {value!r}", row
        )
        return None

    def strings(self, data: dict[str, Any], key: str, row: int | None = None) -> tuple[str, ...]:
        value = data.get(key, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.bad(key, "must be a list of text", row)
            return ()
        return tuple(value)

    def enums(self, data: dict[str, Any], key: str, kind: Any, row: int | None) -> tuple[Any, ...]:
        out = []
        for v in self.strings(data, key, row):
            try:
                out.append(kind(v.strip().lower()))
            except ValueError:
                choices = ", ".join(k.value for k in kind)
                self.bad(key, f"'{v}' is not one of: {choices}", row)
        return tuple(out)


def _unknown(
    r: _Reader, data: dict[str, Any], allowed: set[str], where: str, row: int | None
) -> None:
    for key in sorted(set(data) - allowed):
        r.bad(where, f"unknown field '{key}'", row)


MAX_ID = 2**63 - 1  # the largest id a database column holds


def _is_int(raw: Any) -> bool:
    return isinstance(raw, int) and not isinstance(raw, bool)


def _shown_id(raw: int) -> str:
    return str(raw) if -(10**18) < raw < 10**18 else "(a number far too large)"


def _counterparty(r: _Reader, db: Database, raw: Any, plan: _Plan) -> None:
    with db.read() as s:
        if _is_int(raw) and not 1 <= raw <= MAX_ID:
            r.bad("counterparty", f"there is no counterparty with id {_shown_id(raw)}")
            return
        if isinstance(raw, int) and not isinstance(raw, bool):
            if s.get(CounterpartyRow, raw) is None:
                r.bad("counterparty", f"there is no counterparty with id {raw}")
            plan.counterparty_id = raw
            return
        if isinstance(raw, str):
            raw = {"native_name": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("native_name"), str):
            r.bad("counterparty", 'give an id, a name, or {"native_name": …}')
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
        r.bad("counterparty", "kind must be producer, platform or other")
        kind = CounterpartyKind.PRODUCER
    plan.counterparty_new = CounterpartyDraft(native, rom, kind)


def _project(r: _Reader, db: Database, raw: Any, plan: _Plan) -> None:
    with db.read() as s:
        if _is_int(raw) and not 1 <= raw <= MAX_ID:
            r.bad("project", f"there is no project with id {_shown_id(raw)}")
            return
        if isinstance(raw, int) and not isinstance(raw, bool):
            project = s.get(ProjectRow, raw)
            if project is None:
                r.bad("project", f"there is no project with id {raw}")
            elif (
                plan.counterparty_id is not None and project.counterparty_id != plan.counterparty_id
            ):
                r.bad("project", f"project {raw} belongs to another counterparty")
            plan.project_id = raw
            return
        if isinstance(raw, str):
            raw = {"title_native": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("title_native"), str):
            r.bad("project", 'give an id, a title, or {"title_native": …}')
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
        r.bad("project", "type must be film, series, ad, game or other")
        kind = ProjectType.FILM
    plan.project_new = (title, rom, kind)


def _artist_id(r: _Reader, matcher: NameMatcher, raw: Any, key: str, row: int | None) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if not 1 <= raw <= MAX_ID:
            r.bad(key, f"{_shown_id(raw)} is not an artist id", row)
            return None
        return raw
    if not isinstance(raw, str) or not raw.strip():
        r.bad(key, "give the artist's id or name", row)
        return None
    found = matcher.match(raw)
    if found.status is MatchStatus.MATCHED and found.best is not None and found.score >= 95:
        return found.best.artist_id
    if found.candidates:
        shown = "; ".join(f"{c.display_name} (id {c.artist_id})" for c in found.candidates[:3])
        r.bad(key, f"'{raw}' could be several artists ({shown}); give the id", row)
    else:
        r.bad(key, f"no artist on the roster is called '{raw}'", row)
    return None


def _artists(r: _Reader, matcher: NameMatcher, raw: Any, plan: _Plan) -> None:
    if not isinstance(raw, list) or not raw:
        r.bad("artists", "list at least one requested artist")
        return
    for n, item in enumerate(raw, 1):
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            item = {"artist": item}
        if not isinstance(item, dict):
            r.bad("artists", "each entry is a name, an id or an object", n)
            continue
        _unknown(r, item, ARTIST_KEYS, "artists", n)
        artist_id = _artist_id(r, matcher, item.get("artist"), "artist", n)
        fee = item.get("fee")
        amount: Decimal | None = None
        currency = ""
        if fee is not None:
            if not isinstance(fee, dict):
                r.bad("fee", 'must be {"amount": "80000", "currency": "CNY"}', n)
            else:
                try:
                    amount = Decimal(str(fee.get("amount")))
                    if not amount.is_finite():
                        raise InvalidOperation
                except (InvalidOperation, ValueError):
                    r.bad("fee", f"amount {fee.get('amount')!r} is not a number", n)
                currency = str(fee.get("currency", ""))
        requested = RequestedArtist(
            artist_id=artist_id or 0,
            modalities=r.enums(item, "modalities", Modality, n),
            uses=r.enums(item, "uses", Use, n),
            media=r.strings(item, "media", n),
            territories=r.strings(item, "territories", n),
            term_start=r.day(item, "term_start", n),
            term_end=r.day(item, "term_end", n),
            fee_amount=amount,
            fee_currency=currency,
            roles=r.strings(item, "roles", n),
        )
        if artist_id is not None:
            plan.artists.append(requested)


def inside_folder(base: Path, item: str) -> Path | str:
    """`item` resolved inside `base`, or why it may not be used (absolute, `..`, link out).

    A proposal file names its scripts and attachments relative to itself; anything else
    would let a file received from outside copy `/etc/passwd` or `~/.ssh` into the store
    and into every backup.
    """
    if "\x00" in item:
        return "a path may not contain a NUL character"
    parts = item.replace("\\", "/").split("/")
    if (
        item.startswith(("/", "\\", "~"))
        or re.match(r"^[A-Za-z]:", item)
        or Path(item).is_absolute()
    ):
        return f"'{item}' is an absolute path; give it relative to the JSON file's folder"
    if ".." in parts:
        return f"'{item}' leaves the JSON file's folder (..); keep files beside it"
    root = base.resolve()
    try:
        path = (root / item).resolve()
    except (OSError, RuntimeError, ValueError) as e:
        return f"'{item}' cannot be used ({e})"
    if not path.is_relative_to(root):
        return f"'{item}' leads outside the JSON file's folder (a link); copy the file there"
    return path


def _paths(r: _Reader, data: dict[str, Any], base: Path, plan: _Plan) -> None:
    raw_scripts = data.get("scripts", [])
    if isinstance(raw_scripts, str):
        raw_scripts = [raw_scripts]
    if not isinstance(raw_scripts, list):
        r.bad("scripts", "must be a list of file paths")
        raw_scripts = []
    for n, item in enumerate(raw_scripts, 1):
        if not isinstance(item, str) or not item.strip():
            r.bad("scripts", "each script is a file path (relative to the JSON file)", n)
            continue
        path = inside_folder(base, item)
        if isinstance(path, str):
            r.bad("scripts", path, n)
            continue
        try:
            plan.scripts.append(script_intake.read(path))
        except UserError as e:
            r.bad("scripts", e.message, n)
    raw_files = data.get("files", [])
    if not isinstance(raw_files, list):
        r.bad("files", "must be a list")
        raw_files = []
    for n, item in enumerate(raw_files, 1):
        if isinstance(item, str):
            item = {"path": item}
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            r.bad("files", 'each file is a path or {"path": …, "role": …}', n)
            continue
        path = inside_folder(base, item["path"])
        if isinstance(path, str):
            r.bad("files", path, n)
            continue
        if not path.is_file():
            r.bad("files", f"cannot find {path}", n)
            continue
        try:
            role = FileRole(str(item.get("role", "other")).lower())
        except ValueError:
            r.bad("files", "role must be proposal, contract or other", n)
            continue
        if role == FileRole.SCRIPT:
            r.bad("files", "list scripts under 'scripts' so they are read and checked", n)
            continue
        plan.files.append((path, role, str(item.get("note", ""))))


def plan_import(db: Database, path: Path) -> _Plan:
    """Check everything; raise ValidationError listing every problem. Nothing is written."""
    data = load_json(path)
    r = _Reader()
    plan = _Plan()
    _unknown(r, data, TOP_KEYS, "proposal", None)
    for key in ("counterparty", "project", "received_on", "artists"):
        if key not in data:
            r.bad(key, "is required")
    if r.problems:
        raise ValidationError(r.problems)
    _counterparty(r, db, data["counterparty"], plan)
    _project(r, db, data["project"], plan)
    matcher = NameMatcher.from_database(db)
    _artists(r, matcher, data["artists"], plan)
    received = r.day(data, "received_on")
    plan.draft = {
        "received_on": received or date.today(),
        "respond_by": r.day(data, "respond_by"),
        "contact": r.text(data, "contact"),
        "description": r.text(data, "description"),
        "labelling_plan": r.text(data, "labelling_plan"),
        "notes": r.text(data, "notes"),
        "model_training_requested": r.flag(data, "model_training_requested"),
        "retention_requested": r.flag(data, "retention_requested"),
        "sublicensing_requested": r.flag(data, "sublicensing_requested"),
    }
    sessions = data.get("scan_sessions", [])
    if not isinstance(sessions, list):
        r.bad("scan_sessions", "must be a list")
        sessions = []
    for n, item in enumerate(sessions, 1):
        if not isinstance(item, dict):
            r.bad("scan_sessions", 'each session is {"at": …}', n)
            continue
        at = r.moment(item.get("at"), "scan_sessions", n)
        notice = r.moment(item.get("notice_at"), "scan_sessions", n)
        who = item.get("artist")
        who_id = None if who is None else _artist_id(r, matcher, who, "scan_sessions", n)
        if at is not None:
            plan.sessions.append((at, notice, who_id, str(item.get("note", ""))))
    _paths(r, data, path.parent, plan)
    mapping = data.get("mapping", {})
    if not isinstance(mapping, dict):
        r.bad("mapping", 'must be an object: {"CHARACTER": artist name or id or null}')
        mapping = {}
    characters = {c for sc in plan.scripts for c in sc.document.character_names} | {
        u.character for sc in plan.scripts for u in sc.uses if u.character
    }
    for character, who in mapping.items():
        if character not in characters:
            r.bad("mapping", f"'{character}' is not a character of the scripts")
            continue
        plan.mapping[character] = (
            None if who is None else _artist_id(r, matcher, who, "mapping", None)
        )
    plan.accept_suggested = r.flag(data, "accept_suggested_mapping")
    if r.problems:
        raise ValidationError(r.problems)
    return plan


def import_proposal(db: Database, path: Path) -> Proposal:
    """Create the proposal a JSON file describes (all or nothing)."""
    plan = plan_import(db, path)
    with one_transaction(db) as tx, tx.write() as s:
        cps = CounterpartyService(tx)
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
        service = ProposalService(tx, utc_now)
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
