"""`consent-desk audit verify` and `consent-desk audit checkpoint`."""

from __future__ import annotations

from cli.app import Context, print_json
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
        identity = identities.unlock(read_passphrase("Passphrase of the signing identity: "))
    try:
        cp = make_checkpoint(ctx.db, "on-demand", identity)
    except OSError as e:
        raise UserError(f"Cannot make a checkpoint: {e}.") from e
    if ctx.args.json:
        print_json(cp.to_json())
        return 0
    how = "signed with the agency identity" if identity else "sealed with this desk's key"
    print(f"Checkpoint: {cp.events} events, head {cp.head}, {cp.made_at} ({how}).")
    return 0
