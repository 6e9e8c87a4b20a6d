"""`consent-desk register export DIR`: the signed public register of issued statements."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.identity import read_passphrase
from cli.language import say
from models.identity import SigningIdentityService, fingerprint_display
from reports.public_register import export_public_register


def _export(ctx: Context) -> int:
    identities = SigningIdentityService(ctx.db)
    identities.show()  # a clear message when there is none, before asking for a passphrase
    identity = identities.unlock(read_passphrase("Passphrase of the signing identity: "))
    result = export_public_register(ctx.db, identity, Path(ctx.args.folder))
    if ctx.args.json:
        print_json(
            {
                "folder": str(result.folder),
                "statements": result.statements,
                "fingerprint": result.fingerprint,
                "generated_at": result.generated_at,
                "files": [p.name for p in result.files],
            }
        )
        return 0
    print(say("cli.register.written", n=result.statements, folder=result.folder))
    print(say("cli.register.signed", fingerprint=fingerprint_display(result.fingerprint)))
    print(say("cli.register.publish"))
    print(f"  consent-desk statement verify STATEMENT.pdf --register {result.folder}")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    reg = sub.add_parser("register", help="the public register of issued statements")
    rsub = reg.add_subparsers(dest="register_command", metavar="ACTION")
    p = rsub.add_parser(
        "export",
        help="write the signed register (JSON, signature, certificate, web page) to a folder",
    )
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_export)
