"""`consent-desk statement …`: export signed statements, verify them, list the register."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.app import Context, print_json
from cli.language import kind_words, language, say
from models.errors import UserError
from models.messages import in_language, phrase
from models.statements.record import StatementKind, StatementStatus, parse_languages

if TYPE_CHECKING:
    from models.statements.register import RegisteredStatement
    from reports.statements.service import StatementService
    from reports.verify import RegisterLookup, VerifyResult


def parse_time(text: str) -> datetime:
    """--as-of under the statement rule (models/dates): naive and bare days are desk time."""
    # The date rules (and the time zone database) load only for the commands that issue.
    from cli.reading import read_moment
    from models.dates import desk_zone, statement_as_of

    return read_moment(text, statement_as_of(desk_zone()), "--as-of")


def _service(ctx: Context) -> StatementService:
    # Signing and layout are loaded only by the commands that issue statements.
    from cli.identity import read_passphrase
    from reports.statements.service import StatementService

    identities = ctx.desk.identities
    identities.show()  # a clear message when there is none, before asking for a passphrase
    secret = read_passphrase(say("cli.passphrase_prompt"))
    return StatementService(ctx.db, identities.unlock(secret))


def _export(ctx: Context) -> int:
    from reports.statements.service import StatementRequest

    a = ctx.args
    request = StatementRequest(
        artist_id=a.artist_id,
        kind=StatementKind.parse(a.kind),
        languages=parse_languages(a.lang),
        as_of=parse_time(a.as_of) if a.as_of else None,
        listings=tuple(a.listed_on or ()),
        project_id=a.project,
        show_reason=bool(getattr(a, "show_reason", False)),
    )
    out = Path(a.out)
    if out.suffix.lower() != ".pdf" and not out.is_dir():
        raise UserError("error.cli.statement.out_must_name_pdf_file")
    result = _service(ctx).export(request, out)
    st = result.statement
    kind = kind_words(st.kind)
    print(say("cli.statement.issued", id=st.id, kind=kind, artist=st.artist_display_name))
    print(say("cli.statement.written", path=result.path, pages=result.pages))
    if st.status == StatementStatus.HISTORICAL:
        print(say("cli.statement.historical", as_of=st.record.get("as_of")))
    elif st.supersedes_id:
        print(say("cli.statement.supersedes", id=st.supersedes_id))
    for w in result.warnings:
        print(say("cli.warning", text=w), file=sys.stderr)
    return 0


def _batch(ctx: Context) -> int:
    a = ctx.args
    folder = Path(a.folder)
    if a.all:
        ids = [artist.id for artist in ctx.desk.roster.search()]
    else:
        try:
            ids = [int(x) for x in a.artists.split(",") if x.strip()]
        except ValueError:
            raise UserError("error.cli.statement.artists_takes_artist_ids_separated") from None
    if not ids:
        raise UserError("error.cli.statement.no_artists_export")
    service = _service(ctx)

    def progress(done: int, total: int, label: str) -> None:
        sys.stderr.write(f"\r{done}/{total} {label[:40]:<40}")
        sys.stderr.flush()

    result = service.export_batch(
        ids,
        folder,
        kind=StatementKind.parse(a.kind),
        languages=parse_languages(a.lang),
        as_of=parse_time(a.as_of) if a.as_of else None,
        listings=tuple(a.listed_on or ()),
        progress=progress if sys.stderr.isatty() else None,
    )
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(say("cli.statement.batch_done", n=len(result.exported), folder=folder))
    for artist_id, reason in result.failed:
        print(say("cli.statement.batch_failed", id=artist_id, reason=reason))
    return 0 if not result.failed else 1


def _register(ctx: Context) -> tuple[RegisterLookup | None, Path | None]:
    """This desk's register and files folder, if one is asked for or already exists.

    Verify needs no database: a current SQLite file is read with plain sqlite3 (the database
    layer is not loaded); an older file or a server database opens as usual."""
    if ctx.args.no_register:
        return None, None
    from models.statements.record import QuickRegister
    from models.storage.places import files_folder, sqlite_file
    from models.storage.quick import open_current

    path = sqlite_file(ctx.args.db)
    if path is not None:
        if not path.exists():
            return None, None
        con = open_current(path)
        if con is not None:
            ctx.on_close(con.close)
            return QuickRegister(con), files_folder(path)
    else:
        from models.storage.database import resolve

        sqlite = resolve(ctx.args.db).sqlite_path
        if sqlite is not None and not sqlite.exists():
            return None, None
    from models.statements.register import StatementRegister

    return StatementRegister(ctx.db), ctx.db.location.files_dir


# How reports.verify says the signer was confirmed (its JSON keeps these words), in words.
CONFIRMED_BY = {
    "certificate": "cli.verify.by_certificate",
    "fingerprint": "cli.verify.by_fingerprint",
    "this desk's identity": "cli.verify.by_own_identity",
    "certificate authority": "cli.verify.by_authority",
    "this desk's register (the very file it issued)": "cli.verify.by_own_register",
}


def verify_lines(r: VerifyResult, path: Path) -> list[str]:
    """What `statement verify` prints for one result, in the command line's language: the one
    place for this wording, whichever path produced the result."""
    from models.certificates import fingerprint_display

    lines = [r.headline(language()), say("cli.verify.file", name=path.name)]
    if r.statement_id:
        kind = say("cli.verify.historical_kind", kind=r.kind) if r.historical else r.kind
        lines.append(
            say("cli.verify.statement", id=r.statement_id, kind=kind, artist=r.artist, when=r.as_of)
        )
    if r.signer:
        if r.trusted:
            who = CONFIRMED_BY.get(r.confirmed_by or "")
            how = say("cli.verify.confirmed_by", who=phrase(who) if who else r.confirmed_by)
        else:
            how = say(
                "cli.verify.not_confirmed_self" if r.self_signed else "cli.verify.not_confirmed"
            )
        lines.append(say("cli.verify.signed_by", signer=r.signer, how=how, when=r.signed_at))
        lines.append(
            say("cli.verify.certificate", fingerprint=fingerprint_display(r.fingerprint or ""))
        )
    if r.in_register is not None:
        answer = say("cli.verify.yes" if r.in_register else "cli.verify.no")
        lines.append(say("cli.verify.in_register", answer=answer))
        if r.status:
            lines.append(say("cli.verify.register_status", status=_status_words(r.status)))
    if r.superseded:
        later = r.superseded_by or phrase("verify.a_later_statement")
        lines.append(say("cli.verify.superseded_by", later=later))
    lines += [say("cli.verify.problem", problem=p) for p in r.problems]
    lines += [say("cli.verify.note", note=n) for n in r.notes]
    return lines


def _status_words(status: str) -> Any:
    """A register status: its value in English output, its name (terminology.md) in Chinese."""
    known = {s.value for s in StatementStatus}
    return phrase(f"cli.verify.status.{status}") if status in known else status


def _print_result(r: VerifyResult, path: Path) -> None:
    for line in verify_lines(r, path):
        print(line)


def _verify(ctx: Context) -> int:
    from reports.verify import (
        load_trust_certificate,
        own_identity_fingerprint,
        read_fingerprint,
        verify_statement,
    )

    a = ctx.args
    path = Path(a.pdf)
    trust = load_trust_certificate(Path(a.trust)) if a.trust else None
    fingerprints = tuple(read_fingerprint(f) for f in (a.fingerprint or ()))
    folder = Path(a.register_folder) if a.register_folder else None
    if folder is not None and not folder.is_dir():
        raise UserError("error.cli.statement.folder_folder_does_not_exist", folder=folder)
    register, files_dir = _register(ctx)
    own = own_identity_fingerprint(files_dir) if files_dir is not None else None
    result = verify_statement(
        path,
        trust=trust,
        register=register,
        register_folder=folder,
        fingerprints=fingerprints,
        own_fingerprint=own,
    )
    if a.json:
        print_json(result.to_json())
    else:
        _print_result(result, path)
    if not result.readable and not a.json:
        sys.stderr.write(f"consent-desk: {in_language(result.problems[0], language())}\n")
    return result.exit_code


def statement_json(st: RegisteredStatement) -> dict[str, Any]:
    return {
        "id": st.id,
        "kind": st.kind.value,
        "artist_id": st.artist_id,
        "artist": st.artist_display_name,
        "project_id": st.project_id,
        "languages": list(st.languages),
        "as_of": st.record.get("as_of"),
        "issued_at": st.issued_at.isoformat(),
        "issued_by": st.issued_by,
        "status": st.status.value,
        "status_reason": st.status_reason,
        "supersedes": st.supersedes_id,
        "superseded_by": st.superseded_by_id,
        "record_sha256": st.record_sha256,
        "file_sha256": st.file_sha256,
        "signer": st.signer,
        "signer_fingerprint": st.signer_fingerprint,
        "stored_copy": str(st.stored_path),
        "file_name": st.file_name,
    }


def _list(ctx: Context) -> int:

    a = ctx.args
    register = ctx.desk.statements
    rows: list[dict[str, Any]]
    if a.out_of_date:
        stale = register.out_of_date()
        rows = [
            {
                **statement_json(o.statement),
                "out_of_date": True,
                "changed_modalities": list(o.changed_modalities),
            }
            for o in stale
            if a.artist is None or o.statement.artist_id == a.artist
        ]
    else:
        statuses = [StatementStatus(a.status)] if a.status else None
        rows = [statement_json(s) for s in register.statements(a.artist, statuses)]
    if a.json:
        print_json(rows)
        return 0
    for r in rows:
        extra = ""
        if r.get("out_of_date"):
            extra = say("cli.statement.out_of_date", modalities=", ".join(r["changed_modalities"]))
        as_of = say("cli.statement.as_of", when=r["as_of"])
        sys.stdout.write(
            f"{r['id']}  {r['kind']:<19} {r['status']:<10} {r['artist']}  {as_of}{extra}\n"
        )
    what = "cli.statement.count_out_of_date" if a.out_of_date else "cli.statement.count"
    sys.stdout.write(say(what, n=len(rows)) + "\n")
    return 0


def _withdraw(ctx: Context) -> int:

    st = ctx.desk.statements.withdraw(ctx.args.statement_id, ctx.args.reason)
    print(say("cli.statement.withdrawn", id=st.id, reason=st.status_reason))
    return 0
