"""`consent-desk identity …`: the agency's signing identity and letterhead."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from cli.app import Context, print_json
from cli.language import language, say
from models.agency import AgencyProfile
from models.errors import UserError
from models.identity import SigningIdentity
from models.localize import format_date

PASSPHRASE_ENV = "CONSENT_DESK_PASSPHRASE"


def read_passphrase(prompt: str, confirm: bool = False) -> str:
    """From CONSENT_DESK_PASSPHRASE, else asked on the terminal (never echoed)."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UserError(
            "error.cli.identity.passphrase_needed_run_terminal_set", passphrase_env=PASSPHRASE_ENV
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(say("cli.passphrase_repeat")) != first:
        raise UserError("error.cli.identity.two_passphrases_differ_nothing_was")
    return first


def identity_json(ident: SigningIdentity) -> dict[str, Any]:
    return {
        "subject": ident.subject,
        "fingerprint": ident.fingerprint,
        "fingerprint_display": ident.fingerprint_display,
        "self_signed": ident.self_signed,
        "not_before": ident.not_before.isoformat(),
        "not_after": ident.not_after.isoformat(),
        "source": ident.source,
        "created_at": ident.created_at,
    }


def _print_identity(ident: SigningIdentity, letterhead: AgencyProfile | None = None) -> None:
    kind = say("cli.identity.kind_self_signed" if ident.self_signed else "cli.identity.kind_ca")
    print(say("cli.identity.summary", subject=ident.subject, kind=kind))
    print(say("cli.identity.fingerprint", fingerprint=ident.fingerprint_display))
    print(say("cli.identity.valid_until", date=format_date(ident.not_after.date(), language())))
    if letterhead is not None:
        names = " / ".join(n for n in (letterhead.name, letterhead.name_zh) if n)
        print(say("cli.identity.letterhead", names=names or say("cli.identity.not_set")))
    if ident.self_signed:
        print(say("cli.identity.publish"))


def _create(ctx: Context) -> int:
    a = ctx.args
    service = ctx.desk.identities
    service.ensure_replaceable(a.replace)
    secret = read_passphrase(say("cli.passphrase_new"), confirm=True)
    ident = service.create(a.agency_name, secret, a.agency_name_zh or "", replace=a.replace)
    agency = ctx.desk.agency
    profile = agency.get()
    if profile.is_empty or a.address is not None:
        profile = agency.save(
            replace(
                profile,
                name=profile.name or a.agency_name,
                name_zh=profile.name_zh or (a.agency_name_zh or ""),
                address=a.address if a.address is not None else profile.address,
            )
        )
    print(say("cli.identity.created"))
    _print_identity(ident, profile)
    return 0


def _import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(
            "error.cli.identity.cannot_read_path_value", path=path, value=e.strerror or e
        ) from e
    service = ctx.desk.identities
    service.ensure_replaceable(ctx.args.replace)
    secret = read_passphrase(say("cli.passphrase_of", name=path.name))
    ident = service.import_pkcs12(data, secret, replace=ctx.args.replace)
    print(say("cli.identity.imported", file=path.name))
    _print_identity(ident, ctx.desk.agency.get())
    return 0


def _show(ctx: Context) -> int:
    ident = ctx.desk.identities.show()
    letterhead = ctx.desk.agency.get()
    if ctx.args.json:
        out = identity_json(ident)
        out["letterhead"] = {
            "name": letterhead.name,
            "name_zh": letterhead.name_zh,
            "address": letterhead.address,
            "address_zh": letterhead.address_zh,
            "logo": letterhead.logo_file,
        }
        print_json(out)
    else:
        _print_identity(ident, letterhead)
    return 0


def _export_cert(ctx: Context) -> int:
    ident = ctx.desk.identities.show()
    target = Path(ctx.args.file)
    try:
        target.write_bytes(ident.certificate_pem)
    except OSError as e:
        raise UserError(
            "error.cli.identity.cannot_write_target_value", target=target, value=e.strerror or e
        ) from e
    print(say("cli.identity.cert_written", path=target))
    return 0


def _letterhead(ctx: Context) -> int:
    a = ctx.args
    agency = ctx.desk.agency
    profile = agency.get()
    changes: dict[str, str] = {
        k: v
        for k, v in (
            ("name", a.name),
            ("name_zh", a.name_zh),
            ("address", a.address),
            ("address_zh", a.address_zh),
            ("verify_url", a.verify_url),
        )
        if v is not None
    }
    if a.logo:
        changes["logo_file"] = agency.store_logo(Path(a.logo))
    if a.no_logo:
        changes["logo_file"] = ""
    if changes:
        profile = agency.save(replace(profile, **changes))
    for label, value in (
        ("cli.identity.name", profile.name),
        ("cli.identity.name_zh", profile.name_zh),
        ("cli.identity.address", profile.address),
        ("cli.identity.address_zh", profile.address_zh),
        ("cli.identity.logo", profile.logo_file),
        ("cli.identity.verify_url", profile.verify_url),
    ):
        shown = value or say("cli.identity.not_set")
        print(say("cli.identity.field", label=say(label), value=shown))
    return 0
