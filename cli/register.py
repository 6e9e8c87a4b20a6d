"""`consent-desk register export DIR`: the signed public register of issued statements."""

from __future__ import annotations

from pathlib import Path

from cli.app import Context, print_json
from cli.identity import read_passphrase
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
    print(f"Wrote the public register of {result.statements} statement(s) to {result.folder}.")
    print(f"Signed with the certificate {fingerprint_display(result.fingerprint)}.")
    print("Publish the whole folder; readers check a statement with")
    print(f"  consent-desk statement verify STATEMENT.pdf --register {result.folder}")
    return 0
