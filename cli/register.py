"""`consent-desk register export DIR`: the signed public register of issued statements."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from cli.identity import read_passphrase
from cli.language import say
from models.identity import fingerprint_display
from reports.public_register import export_public_register


def _export(ctx: Context) -> int:
    identities = ctx.desk.identities
    identities.show()  # a clear message when there is none, before asking for a passphrase
    identity = identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    result = export_public_register(ctx.db, identity, Path(ctx.args.folder))
    if ctx.args.json:
        print_json(
            {
                "folder": str(result.folder),
                "statements": result.statements,
                "fingerprint": result.fingerprint,
                "generated_at": result.generated_at,
                "files": [p.name for p in result.files],
                "sequence": result.sequence,
                "checkpoint": result.checkpoint,
            }
        )
        return 0
    print(say("cli.register.written", n=result.statements, folder=result.folder))
    print(say("cli.register.signed", fingerprint=fingerprint_display(result.fingerprint)))
    if result.checkpoint is not None:
        print(
            say(
                "cli.register.checkpoint",
                sequence=result.sequence,
                events=result.checkpoint["events"],
                head=result.checkpoint["head"][:16],
            )
        )
    print(say("cli.register.publish"))
    print(say("cli.register.verify_command", folder=result.folder))
    return 0


def _press_kit(ctx: Context) -> int:
    from reports.press_kit import write_press_kit

    ids = [i.strip() for chunk in ctx.args.statement for i in chunk.split(",") if i.strip()]
    identities = ctx.desk.identities
    identities.show()
    identity = identities.unlock(read_passphrase(say("cli.passphrase_prompt")))
    kit = write_press_kit(ctx.db, identity, ids, Path(ctx.args.folder), ctx.args.platform)
    if ctx.args.json:
        print_json(
            {
                "folder": str(kit.folder),
                "statements": [p.name for p in kit.statements],
                "files": [str(p.relative_to(kit.folder)) for p in kit.files],
                "verify_url": kit.verify_url,
            }
        )
        return 0
    print(say("cli.register.press_kit_written", n=len(kit.statements), folder=kit.folder))
    if not kit.verify_url:
        print(say("cli.register.no_verify_url"))
    return 0
