"""Files, scripts and character mappings of a proposal (part of `ProposalService`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.chain import append_event
from models.clock import iso, utc_now
from models.errors import ConflictError, FieldProblem, NotFoundError, UserError, ValidationError
from models.leak.matcher import RosterName
from models.proposals import row_values, script_intake
from models.proposals.characters import named_by_uses, suggest
from models.proposals.roster_names import RosterNames, roster_names
from models.proposals.tables import (
    CharacterMappingRow,
    ProposalFileRow,
    ProposalRow,
    ProposalScriptRow,
    ScriptAiUseRow,
)
from models.proposals.values import (
    CharacterMapping,
    FileRole,
    ProposalFile,
    ProposalScript,
    ProposalStatus,
    ScriptView,
)
from models.scripts import MarkerSet
from models.storage import files
from models.storage.database import Database
from models.storage.schema import ArtistRow

ENTITY = "proposal"
MAPPING_ENTITY = "proposal_mapping"
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_NAME = 400


def _open_proposal(s: Session, proposal_id: int) -> ProposalRow:
    row = s.get(ProposalRow, proposal_id)
    if row is None:
        raise NotFoundError(
            "error.proposals.script_service.there_no_proposal_id_proposal", proposal_id=proposal_id
        )
    if not ProposalStatus(row.status).is_open:
        raise UserError(
            "error.proposals.script_service.proposal_proposal_id_status_files",
            proposal_id=proposal_id,
            state=ProposalStatus(row.status).words,
        )
    return row


def _script_row(s: Session, script_id: int) -> ProposalScriptRow:
    row = s.get(ProposalScriptRow, script_id)
    if row is None:
        raise NotFoundError(
            "error.proposals.script_service.there_no_proposal_script_id", script_id=script_id
        )
    return row


def _file_problems(source: Path | bytes, name: str, note: str) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if any(ord(c) < 32 for c in name) or len(name) > MAX_NAME or not name.strip():
        problems.append(FieldProblem("file", "problem.the_file_name_is_empty_too_long"))
    if len(note) > 2000:
        problems.append(FieldProblem("note", "problem.is_longer_than_characters", n=2000))
    size = len(source) if isinstance(source, bytes) else None
    if isinstance(source, Path) and source.is_file():
        size = source.stat().st_size
    if size is not None and size > MAX_FILE_BYTES:
        problems.append(
            FieldProblem("file", "problem.is_larger_than_mb", name=name, n=MAX_FILE_BYTES >> 20)
        )
    return problems


class ProposalScripts:
    """Attach files and scripts, and map script characters to artists (a part of
    `ProposalService`, which offers these methods too)."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    # -- files ---------------------------------------------------------------------------------
    def attach_file(
        self,
        proposal_id: int,
        source: Path | bytes,
        name: str = "",
        role: FileRole = FileRole.OTHER,
        note: str = "",
    ) -> ProposalFile:
        """Keep a copy of a file that came with the proposal (by SHA-256)."""
        shown = name or (source.name if isinstance(source, Path) else "attachment.bin")
        problems = _file_problems(source, shown, note)
        if problems:
            raise ValidationError(problems)
        with self.db.write() as s:
            _open_proposal(s, proposal_id)
            row = self._store(s, proposal_id, source, shown, FileRole(role), note)
            return row_values.to_file(row)

    def detach_file(self, proposal_id: int, file_id: int) -> None:
        """Take a file (and a script read from it) off the proposal; the copy is kept."""
        with self.db.write() as s:
            _open_proposal(s, proposal_id)
            row = s.get(ProposalFileRow, file_id)
            if row is None or row.proposal_id != proposal_id or not row.active:
                raise NotFoundError(
                    "error.proposals.script_service.proposal_proposal_id_has_no",
                    proposal_id=proposal_id,
                    file_id=file_id,
                )
            row.active = False
            for script in s.scalars(
                select(ProposalScriptRow).where(ProposalScriptRow.file_id == file_id)
            ):
                script.active = False
            append_event(
                s,
                self.db.actor,
                ENTITY,
                proposal_id,
                "detach_file",
                {"file_id": file_id, "sha256": row.sha256, "name": row.original_name},
                None,
            )

    def _store(
        self,
        s: Session,
        proposal_id: int,
        source: Path | bytes,
        name: str,
        role: FileRole,
        note: str,
    ) -> ProposalFileRow:
        if isinstance(source, Path):
            sha = files.store_file(self.db, source, name, session=s)
        else:
            sha = files.store_bytes(self.db, source, name, session=s)
        row = ProposalFileRow(
            proposal_id=proposal_id,
            sha256=sha,
            original_name=name,
            role=role.value,
            note=note.strip(),
            active=True,
            added_at=self.clock(),
            added_by=self.db.actor,
        )
        s.add(row)
        s.flush()
        append_event(
            s,
            self.db.actor,
            ENTITY,
            proposal_id,
            "attach_file",
            None,
            {"file_id": row.id, "sha256": sha, "name": name, "role": role.value},
        )
        return row

    # -- scripts -------------------------------------------------------------------------------
    def attach_script(
        self,
        proposal_id: int,
        source: Path | bytes,
        name: str = "",
        markers: MarkerSet | None = None,
        note: str = "",
    ) -> ProposalScript:
        """Read a script (Fountain, FDX, PDF or text), find its AI uses and attach it.

        An unreadable script raises ScriptReadError (a UserError) and nothing is stored.
        """
        shown = name or (source.name if isinstance(source, Path) else "script.txt")
        problems = _file_problems(source, shown, note)
        if problems:
            raise ValidationError(problems)
        script = script_intake.read(source, shown, markers)  # before the transaction: may be slow
        origin = markers.origin if markers is not None else "shipped list"
        return self.attach_read_script(proposal_id, script, origin, note)

    def attach_read_script(
        self,
        proposal_id: int,
        script: script_intake.ReadScript,
        markers_origin: str,
        note: str = "",
    ) -> ProposalScript:
        """Attach a script already read with `script_intake.read` (the JSON import reads first)."""
        with self.db.write() as s:
            _open_proposal(s, proposal_id)
            file_row = self._store(s, proposal_id, script.data, script.name, FileRole.SCRIPT, note)
            row = script_intake.add_script_rows(
                s, proposal_id, file_row.id, script, self.db.actor, self.clock(), markers_origin
            )
            append_event(
                s,
                self.db.actor,
                ENTITY,
                proposal_id,
                "attach_script",
                None,
                {
                    "script_id": row.id,
                    "file_id": file_row.id,
                    "sha256": file_row.sha256,
                    "format": row.format,
                    "scenes": row.scene_count,
                    "ai_uses": len(script.uses),
                },
            )
            return row_values.to_script(row, file_row, len(script.uses))

    def detach_script(self, proposal_id: int, script_id: int) -> None:
        with self.db.write() as s:
            row = _script_row(s, script_id)
            if row.proposal_id != proposal_id:
                raise NotFoundError(
                    "error.proposals.script_service.proposal_proposal_id_has_no_2",
                    proposal_id=proposal_id,
                    script_id=script_id,
                )
        self.detach_file(proposal_id, row.file_id)

    def script_view(self, script_id: int) -> ScriptView:
        """The script's lines, scenes and AI uses (for the findings view and excerpts)."""
        with self.db.read() as s:
            row = _script_row(s, script_id)
            file_row = s.get(ProposalFileRow, row.file_id)
            assert file_row is not None  # foreign key
            uses = [row_values.to_ai_use(u) for u in script_intake.ai_use_rows(s, [row.id])]
            return ScriptView(
                row_values.to_script(row, file_row, len(uses)),
                script_intake.lines_of(row),
                tuple(row.scenes or ()),
                tuple(uses),
            )

    # -- character mapping ---------------------------------------------------------------------
    def mapping(self, script_id: int) -> list[CharacterMapping]:
        """Every character (speakers, and characters named by AI uses) with its confirmed
        artist and the suggestions; characters with AI uses first."""
        roster = roster_names(self.db)
        with self.db.read() as s:
            return self._mapping(s, script_id, roster)

    def map_character(
        self,
        script_id: int,
        character: str,
        artist_id: int | None,
        expected_row_version: int | None = None,
    ) -> CharacterMapping:
        """Confirm that `character` is `artist_id` (None: not one of our artists)."""
        roster = roster_names(self.db)
        with self.db.write() as s:
            script = _script_row(s, script_id)
            _open_proposal(s, script.proposal_id)
            if character not in self._characters(s, script, roster):
                raise ValidationError(
                    [
                        FieldProblem(
                            "character", "problem.is_not_a_character_of_the_script", name=character
                        )
                    ]
                )
            if artist_id is not None and s.get(ArtistRow, artist_id) is None:
                raise NotFoundError(
                    "error.proposals.script_service.there_no_artist_id_artist", artist_id=artist_id
                )
            row = s.scalars(
                select(CharacterMappingRow).where(
                    CharacterMappingRow.script_id == script_id,
                    CharacterMappingRow.character == character,
                )
            ).first()
            before = None
            if row is None:
                row = CharacterMappingRow(
                    script_id=script_id,
                    character=character,
                    artist_id=artist_id,
                    confirmed_by=self.db.actor,
                    confirmed_at=self.clock(),
                    row_version=1,
                )
                s.add(row)
            else:
                if expected_row_version is not None and row.row_version != expected_row_version:
                    raise ConflictError(
                        "error.proposals.script_service.mapping_character_was_changed_by",
                        character=character,
                        confirmed_by=row.confirmed_by,
                        confirmed_at=iso(row.confirmed_at)[:19],
                    )
                before = {"artist_id": row.artist_id, "confirmed_by": row.confirmed_by}
                row.artist_id = artist_id
                row.confirmed_by = self.db.actor
                row.confirmed_at = self.clock()
                row.row_version += 1
            s.flush()
            append_event(
                s,
                self.db.actor,
                MAPPING_ENTITY,
                row.id,
                "map",
                before,
                {"script_id": script_id, "character": character, "artist_id": artist_id},
            )
            return next(m for m in self._mapping(s, script_id, roster) if m.character == character)

    def clear_mapping(self, script_id: int, character: str) -> None:
        """Forget a confirmation (undo): the character is unmapped again."""
        with self.db.write() as s:
            script = _script_row(s, script_id)
            _open_proposal(s, script.proposal_id)
            row = s.scalars(
                select(CharacterMappingRow).where(
                    CharacterMappingRow.script_id == script_id,
                    CharacterMappingRow.character == character,
                )
            ).first()
            if row is None:
                return
            before = {"script_id": script_id, "character": character, "artist_id": row.artist_id}
            mapping_id = row.id
            s.delete(row)
            s.flush()
            append_event(s, self.db.actor, MAPPING_ENTITY, mapping_id, "unmap", before, None)

    def confirm_suggestions(self, script_id: int) -> list[CharacterMapping]:
        """Confirm every unconfirmed character with one clear suggestion; returns those."""
        done: list[CharacterMapping] = []
        for m in self.mapping(script_id):
            if m.confirmed or not m.suggestions or not m.suggestions[0].clear:
                continue
            done.append(self.map_character(script_id, m.character, m.suggestions[0].artist_id))
        return done

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _characters(
        s: Session, script: ProposalScriptRow, roster: RosterNames | None = None
    ) -> dict[str, tuple[int, int]]:
        """character → (dialogue blocks, AI uses), speakers first in script order; AI uses
        concerning no cued character count for the roster artist their line names."""
        out: dict[str, tuple[int, int]] = {
            c["name"]: (int(c.get("dialogue_blocks", 0)), 0) for c in script.characters or ()
        }
        unnamed: list[int] = []
        for name, line in s.execute(
            select(ScriptAiUseRow.character, ScriptAiUseRow.line).where(
                ScriptAiUseRow.script_id == script.id
            )
        ):
            if name is None:
                unnamed.append(int(line))
                continue
            blocks, uses = out.get(name, (0, 0))
            out[name] = (blocks, uses + 1)
        if unnamed and roster is not None and len(roster):
            shown = script_intake.lines_of(script)
            named = named_by_uses(
                roster, ((n, shown[n - 1]) for n in unnamed if 0 < n <= len(shown))
            )
            for n in unnamed:
                if n in named:
                    name = named[n][0]
                    blocks, uses = out.get(name, (0, 0))
                    out[name] = (blocks, uses + 1)
        return out

    def _mapping(
        self, s: Session, script_id: int, roster: RosterNames | None = None
    ) -> list[CharacterMapping]:
        script = _script_row(s, script_id)
        chars = self._characters(s, script, roster)
        confirmed = {
            m.character: m
            for m in s.scalars(
                select(CharacterMappingRow).where(CharacterMappingRow.script_id == script_id)
            )
        }
        requested = row_values.artist_rows(s, script.proposal_id)
        ids = [r.artist_id for r in requested]
        people = list(s.execute(select(ArtistRow).where(ArtistRow.id.in_(ids))).scalars())
        names = [
            RosterName(
                a.id, a.native_name, a.romanized_name, tuple(a.stage_names or ()), a.archived
            )
            for a in people
        ]
        roles = {r.artist_id: tuple(r.roles or ()) for r in requested}
        suggestions = suggest(list(chars), names, roles, roster)
        shown = row_values.names_of(
            s, [m.artist_id for m in confirmed.values() if m.artist_id is not None]
        )
        out = []
        for name, (blocks, uses) in chars.items():
            m = confirmed.get(name)
            out.append(
                CharacterMapping(
                    script_id=script_id,
                    character=name,
                    dialogue_blocks=blocks,
                    ai_uses=uses,
                    confirmed=m is not None,
                    artist_id=m.artist_id if m else None,
                    artist_name=shown.get(m.artist_id, "") if m and m.artist_id else "",
                    confirmed_by=m.confirmed_by if m else "",
                    confirmed_at=m.confirmed_at if m else None,
                    suggestions=suggestions.get(name, ()),
                    row_version=m.row_version if m else 0,
                )
            )
        out.sort(key=lambda c: (c.ai_uses == 0, -c.ai_uses))
        return out


__all__ = ["ProposalScripts"]
