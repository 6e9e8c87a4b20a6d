"""The command table, part 2: documents (scripts, the signing identity, statements,
proposals, the public register). How to extend it: cli/commands.py.
"""

from __future__ import annotations

from cli.command_types import (
    JSON_ARG,
    KINDS_TEXT,
    STATEMENT_STATUSES,
    Command,
    Exclusive,
    Group,
    arg,
)

SCRIPT = Group(
    "script",
    "read scripts and find AI use of likeness or voice",
    (
        Command(
            "analyze",
            "scenes, characters and AI use in a Fountain, FDX, PDF, Word or plain-text script",
            "cli.script:_analyze",
            (
                arg("path", help="the script file (.fountain, .fdx, .pdf, .docx, .txt)"),
                arg("--json", action="store_true", help="print one JSON object"),
                arg(
                    "--markers",
                    metavar="FILE",
                    help="use this AI marker list (JSON) instead of the shipped one",
                ),
            ),
        ),
    ),
)

_REPLACE = arg("--replace", action="store_true", help="replace the existing identity")

IDENTITY = Group(
    "identity",
    "the agency's signing identity and letterhead",
    (
        Command(
            "create",
            "new EC P-256 key and self-signed certificate",
            "cli.identity:_create",
            (
                arg("--agency-name", required=True),
                arg("--agency-name-zh", default=""),
                arg("--address", default=None, help="letterhead address (optional)"),
                _REPLACE,
            ),
        ),
        Command(
            "import",
            "take over a key and certificate from a PKCS#12 file",
            "cli.identity:_import",
            (arg("file"), _REPLACE),
        ),
        Command(
            "show",
            "the certificate and its SHA-256 fingerprint",
            "cli.identity:_show",
            (JSON_ARG,),
        ),
        Command(
            "export-cert",
            "write the certificate (PEM) for readers' --trust",
            "cli.identity:_export_cert",
            (arg("file"),),
        ),
        Command(
            "letterhead",
            "show or change the letterhead printed on statements",
            "cli.identity:_letterhead",
            (
                arg("--name"),
                arg("--name-zh"),
                arg("--address"),
                arg("--address-zh"),
                arg("--logo", help="a PNG or JPEG file (copied into the data folder)"),
                arg("--no-logo", action="store_true"),
                arg(
                    "--verify-url",
                    help="the https:// address where the agency publishes its register's verify "
                    "page (printed as a QR code in press kits)",
                ),
            ),
        ),
    ),
)

STATEMENT = Group(
    "statement",
    "signed PDF statements: export, verify, list",
    (
        Command(
            "export",
            "issue a signed statement about one artist",
            "cli.statement:_export",
            (
                arg("artist_id", type=int),
                arg("--kind", default="position", help=f"one of: {KINDS_TEXT}"),
                arg("--lang", default="en,zh", help="en, zh or en,zh (default en,zh)"),
                arg("--out", required=True, help="the .pdf file to write"),
                arg("--as-of", help="ISO time the statement speaks for (default: now)"),
                arg("--project", type=int, help="project id (project certificate, or scope)"),
                arg(
                    "--listed-on",
                    action="append",
                    metavar="PLATFORM",
                    help="a platform listing the artist (implies nothing about the artist); "
                    "repeatable",
                ),
                arg(
                    "--show-reason",
                    action="store_true",
                    help="print a revocation's reason in the statement (private by default)",
                ),
            ),
        ),
        Command(
            "batch",
            "one statement per artist into a folder",
            "cli.statement:_batch",
            (
                Exclusive(
                    (
                        arg("--artists", help="artist ids separated by commas"),
                        arg("--all", action="store_true", help="every active artist"),
                    ),
                    required=True,
                ),
                arg("--folder", required=True),
                arg("--kind", default="position", help=f"one of: {KINDS_TEXT}"),
                arg("--lang", default="en,zh"),
                arg("--as-of"),
                arg("--listed-on", action="append", metavar="PLATFORM"),
            ),
        ),
        Command(
            "verify",
            "check a statement PDF (exit 0 authentic, 1 not authentic, 2 unusable, "
            "3 signer not confirmed, 4 withdrawn or superseded)",
            "cli.statement:_verify",
            (
                arg("pdf"),
                arg("--trust", metavar="CERT.pem", help="the certificate you trust"),
                arg(
                    "--fingerprint",
                    action="append",
                    metavar="SHA256",
                    help="the agency's published certificate fingerprint (hex; colons or spaces "
                    "allowed)",
                ),
                JSON_ARG,
                arg(
                    "--register",
                    "--register-folder",
                    dest="register_folder",
                    metavar="DIR",
                    help="the agency's public register (register export), or a folder of its "
                    "statements",
                ),
                arg("--no-register", action="store_true", help="do not consult the database"),
            ),
        ),
        Command(
            "list",
            "the register of issued statements",
            "cli.statement:_list",
            (
                arg("--out-of-date", action="store_true", help="only those no longer true"),
                arg("--artist", type=int),
                arg("--status", choices=list(STATEMENT_STATUSES)),
                JSON_ARG,
            ),
        ),
        Command(
            "withdraw",
            "mark an issued statement as withdrawn",
            "cli.statement:_withdraw",
            (arg("statement_id"), arg("--reason", required=True)),
        ),
    ),
)

PROPOSAL = Group(
    "proposal",
    "import, check and report producers' proposals",
    (
        Command(
            "import",
            "log a proposal described in a JSON file",
            "cli.proposal:_import",
            (
                arg("file", help="the proposal JSON (see docs/proposal-json.md)"),
                arg("--json", action="store_true", help="print the result as JSON"),
            ),
        ),
        Command(
            "check",
            "check a proposal against the consent records (R1–R21)",
            "cli.proposal:_check",
            (
                arg("id", type=int),
                arg("--json", action="store_true", help="print the findings as JSON"),
                arg(
                    "--as-of",
                    help="check against the records at this time instead of the received date "
                    "(a date, an ISO time with offset, or 'now')",
                ),
            ),
        ),
        Command(
            "list",
            "list proposals, soonest deadline first",
            "cli.proposal:_list",
            (JSON_ARG, arg("--open", action="store_true", help="only proposals not yet answered")),
        ),
        Command(
            "report",
            "export the review report (PDF, unsigned)",
            "cli.proposal:_report",
            (
                arg("id", type=int),
                arg("--lang", default="en", help="en, zh or en,zh (default en)"),
                arg("--out", required=True, help="the PDF file to write"),
                arg("--run", type=int, help="a check run id (default: the latest)"),
            ),
        ),
    ),
)

REGISTER = Group(
    "register",
    "the public register of issued statements",
    (
        Command(
            "export",
            "write the signed register (JSON, signature, certificate, web page) to a folder",
            "cli.register:_export",
            (arg("folder", metavar="DIR"), JSON_ARG),
        ),
        Command(
            "press-kit",
            "write a press kit: the statements, the register with its verify page, a bilingual "
            "press note and a how-to-check sheet",
            "cli.register:_press_kit",
            (
                arg("folder", metavar="DIR", help="a new or empty folder"),
                arg("--platform", required=True, help="the platform whose list was published"),
                arg(
                    "--statement",
                    action="append",
                    required=True,
                    metavar="ID[,ID…]",
                    help="statements to include (repeat, or separate with commas)",
                ),
                JSON_ARG,
            ),
        ),
    ),
)
