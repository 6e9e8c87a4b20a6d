"""`consent-desk audit verify` and `consent-desk audit checkpoint`."""

from __future__ import annotations

from cli.app import Context, print_json
from cli.language import say
from cli.reading import audit_anchors, print_audit
from models.audit.checkpoint import make_checkpoint
from models.errors import UserError


def _verify(ctx: Context) -> int:
    location = ctx.db.location
    anchors = audit_anchors(ctx.args, location.files_dir, location.sqlite_path)
    return print_audit(ctx.desk.audit.verify(anchors=anchors), ctx.args.json)


def _checkpoint(ctx: Context) -> int:
    from cli.identity import read_passphrase

    identity = None
    identities = ctx.desk.identities
    if identities.exists() and not ctx.args.desk_key:
        identity = identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    try:
        cp = make_checkpoint(ctx.db, "on-demand", identity)
    except OSError as e:
        raise UserError("error.cli.audit.cannot_make_checkpoint_reason", reason=e) from e
    if ctx.args.json:
        print_json(cp.to_json())
        return 0
    how = say("cli.audit.signed_identity" if identity else "cli.audit.sealed_desk_key")
    print(say("cli.audit.checkpoint", n=cp.events, head=cp.head, when=cp.made_at, how=how))
    return 0
