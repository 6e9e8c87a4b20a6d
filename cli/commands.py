"""The command table: every command's name, help line and arguments, and where its handler is.

This module imports nothing but the standard library's `dataclasses`: `consent-desk --help`
and `consent-desk COMMAND --help` are answered from this table alone, and a command's
handler module (with its services, SQLAlchemy, PDF and signing libraries) is imported only
when that command runs (`Handler.__call__`).

How to extend it
----------------
* A new argument of an existing command: add `arg(...)` to that command's `args` tuple below,
  with exactly what you would pass to `ArgumentParser.add_argument`, e.g.
  `arg("--dry-run", action="store_true", help="check the file, write nothing")`.
  The handler reads it from `ctx.args` as before.
* Mutually exclusive options: wrap their `arg(...)`s in `Exclusive(..., required=True)`.
* A new sub-command of a group (e.g. `audit checkpoint`): add a `Command(name, help,
  "cli.module:function", args=(...))` to the group's tuple of commands.
* A new top-level command: add a `Group(...)` (it has sub-commands) or a `Command(...)` to
  `COMMANDS`.
* An option every command accepts (e.g. `--lang`): add it to `GLOBAL_OPTIONS`; if it takes a
  value, `_command_in` in cli/app.py skips that value when finding the command's name.
* Choices that mirror an enum are written out here (importing the enum would import its
  model); tests/cli/test_command_table.py checks they still equal the enum's values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Arg:
    """One `add_argument` call: its flags (or positional name) and keyword options."""

    flags: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


def arg(*flags: str, **options: Any) -> Arg:
    return Arg(flags, options)


@dataclass(frozen=True)
class Exclusive:
    """Options of which at most one (exactly one when `required`) may be given."""

    args: tuple[Arg, ...]
    required: bool = False


@dataclass(frozen=True)
class Command:
    """A command that runs: `handler` is "module:function", imported only when it runs."""

    name: str
    help: str
    handler: str
    args: tuple[Arg | Exclusive, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Group:
    """A command made of sub-commands (`consent-desk roster search …`)."""

    name: str
    help: str
    commands: tuple[Command, ...]

    @property
    def dest(self) -> str:
        return f"{self.name}_command"


GLOBAL_OPTIONS: tuple[Arg, ...] = (
    arg("--db", help="database: a file path (SQLite) or an SQLAlchemy URL"),
    arg(
        "--lang",
        dest="ui_lang",
        choices=("en", "zh"),
        help="interface language of the command line: en or zh (default: from LANG / LC_ALL)",
    ),
    arg(
        "--exit-after-paint",
        action="store_true",
        help="open the window and exit as soon as the roster has painted (smoke tests)",
    ),
)

# The values of enums used as choices (checked against the enums by the tests).
DECISION_OUTCOMES = ("given", "refused")
DECISION_METHODS = (
    "signed_agreement",
    "in_person",
    "video_call",
    "phone",
    "email",
    "message",
    "other",
)
EVIDENCE_ROLES = (
    "signed_agreement",
    "decision_record",
    "revocation_notice",
    "correspondence",
    "other",
)
COUNTERPARTY_KINDS = ("producer", "platform", "other")
PROJECT_TYPES = ("film", "series", "ad", "game", "other")
STANCES = ("not_asked", "declined", "open_to_discuss", "opted_in_with_conditions")
STATEMENT_KINDS = ("position", "project_certificate", "non_authorisation", "revocation")
STATEMENT_STATUSES = ("current", "superseded", "revoked", "historical")

_JSON = arg("--json", action="store_true")
_KINDS = ", ".join(STATEMENT_KINDS)

ROSTER = Group(
    "roster",
    "import, export and search the roster",
    (
        Command(
            "import",
            "add and update artists from a CSV or XLSX file (all or nothing); rows match "
            "artists by the id column, else by native name and date of birth",
            "cli.roster:_import",
            (
                arg("file"),
                arg(
                    "--dry-run",
                    action="store_true",
                    help="print what would be added and changed; save nothing",
                ),
                arg(
                    "--duplicates",
                    choices=("skip", "add"),
                    default="skip",
                    help="rows that may be an artist already on the roster (same name, other "
                    "birth date, or near-identical pinyin): skip them (default) or add them as "
                    "new artists",
                ),
            ),
        ),
        Command(
            "export",
            "write the roster to a .csv or .xlsx file",
            "cli.roster:_export",
            (arg("file"), arg("--include-archived", action="store_true")),
        ),
        Command(
            "search",
            "find artists by Chinese name, pinyin or romanised name",
            "cli.quick:roster_search",
            (
                arg("query", nargs="?", default=""),
                arg("--json", action="store_true", help="print a JSON list"),
                arg("--include-archived", action="store_true"),
            ),
        ),
    ),
)

DEMO = Command("demo", "fill an empty database with a fictional demo agency", "cli.roster:_demo")

AUDIT = Group(
    "audit",
    "check the audit trail",
    (
        Command(
            "verify",
            "exit 0 if every event, audited row and checkpoint agrees; 1 naming what does not",
            "cli.quick:audit_verify",
            (
                arg(
                    "--register",
                    action="append",
                    metavar="DIR",
                    help="a public register export folder whose checkpoints the log must extend "
                    "(repeatable)",
                ),
                arg(
                    "--backups",
                    metavar="DIR",
                    help="folder of backups to read checkpoints from (default: the rolling-backup "
                    "folder)",
                ),
                arg("--json", action="store_true"),
            ),
        ),
        Command(
            "checkpoint",
            "sign the log's current size and head (identity if one exists, else the desk key)",
            "cli.audit:_checkpoint",
            (
                arg(
                    "--desk-key",
                    action="store_true",
                    help="seal with the desk key even if an identity exists",
                ),
                arg("--json", action="store_true"),
            ),
        ),
    ),
)
BACKUP = Command(
    "backup",
    "write one archive with the database, its files and a manifest of hashes",
    "cli.backup:_backup",
    (
        arg("path", help="the archive to write (.zip), or a folder to write it into"),
        arg("--overwrite", action="store_true", help="replace an existing file"),
        arg(
            "--sign",
            action="store_true",
            help="sign the manifest with the agency identity (asks its passphrase); "
            "without it the manifest is sealed with this desk's key",
        ),
    ),
)

RESTORE = Command(
    "restore",
    "verify a backup and put it in place of the database (the current one is kept aside)",
    "cli.backup:_restore",
    (
        arg("path", help="a backup archive made by `consent-desk backup`"),
        arg("--check", action="store_true", help="only verify the archive; change nothing"),
        arg("--json", action="store_true", help="with --check: print the manifest as JSON"),
        arg(
            "--accept-broken",
            action="store_true",
            help="restore even if the backup's seal or audit trail does not verify "
            "(recorded in the audit trail)",
        ),
    ),
)

CONSENT = Group(
    "consent",
    "consent records: list as of a date, record, revoke",
    (
        Command(
            "list",
            "what an artist has authorised, per modality and project",
            "cli.quick:consent_list",
            (
                arg("artist_id", type=int),
                arg(
                    "--as-of",
                    help="date (end of that day, artist's time zone) or date-time; default now",
                ),
                _JSON,
            ),
        ),
        Command(
            "show",
            "every field of one consent record",
            "cli.consent:_show",
            (arg("record_id", type=int), _JSON),
        ),
        Command(
            "history",
            "every version of a record with what changed",
            "cli.consent:_history",
            (arg("record_id", type=int), _JSON),
        ),
        Command(
            "add",
            "record consents from a JSON file (all or nothing)",
            "cli.consent_actions:add",
            (arg("--from-json", required=True, metavar="FILE"), _JSON),
        ),
        Command(
            "send",
            "mark a requested consent as put to the artist",
            "cli.consent_actions:send",
            (arg("record_id", type=int),),
        ),
        Command(
            "decide",
            "record the artist's decision (given needs evidence)",
            "cli.consent_actions:decide",
            (
                arg("record_id", type=int),
                arg("--outcome", required=True, choices=list(DECISION_OUTCOMES)),
                arg("--by", required=True, help="who decided: the artist, guardian or estate"),
                arg("--at", help="when they decided (default now)"),
                arg("--method", default="signed_agreement", choices=list(DECISION_METHODS)),
                arg("--note", default=""),
            ),
        ),
        Command(
            "revoke",
            "revoke a given consent from a date, with a reason",
            "cli.consent_actions:revoke",
            (
                arg("record_id", type=int),
                arg("--reason", required=True),
                arg("--date", required=True, help="from when (a date means 00:00 that day)"),
                arg("--by", help="who revoked (default: the desk user)"),
            ),
        ),
        Command(
            "attach",
            "attach an evidence file (stored by SHA-256)",
            "cli.consent_actions:attach",
            (
                arg("record_id", type=int),
                arg("file"),
                arg("--role", default="signed_agreement", choices=list(EVIDENCE_ROLES)),
                arg("--note", default=""),
            ),
        ),
        Command(
            "verify-evidence",
            "re-hash a record's evidence files (exit 1 if not)",
            "cli.consent_actions:verify_evidence",
            (arg("record_id", type=int),),
        ),
        Command(
            "deadlines",
            "expiring consents, waiting decisions, short-notice scans",
            "cli.consent:_deadlines",
            (
                arg("--expiry-days", type=int),
                arg("--pending-days", type=int),
                _JSON,
            ),
        ),
        Command(
            "counterparties",
            "list counterparties and their projects",
            "cli.consent:_counterparties",
            (arg("--include-archived", action="store_true"), _JSON),
        ),
        Command(
            "counterparty-add",
            "add a producer or platform",
            "cli.consent_actions:counterparty_add",
            (
                arg("name", help="name in its own script"),
                arg("--romanized", default=""),
                arg("--kind", default="producer", choices=list(COUNTERPARTY_KINDS)),
            ),
        ),
        Command(
            "project-add",
            "add a project of a counterparty",
            "cli.consent_actions:project_add",
            (
                arg("counterparty_id", type=int),
                arg("title"),
                arg("--romanized", default=""),
                arg("--type", default="film", choices=list(PROJECT_TYPES)),
            ),
        ),
        Command(
            "stance",
            "an artist's AI stance history (or --set a new stance)",
            "cli.consent_actions:stance",
            (
                arg("artist_id", type=int),
                arg("--set", choices=list(STANCES)),
                arg("--conditions", default=""),
                arg("--effective", help="from when (default now)"),
                _JSON,
            ),
        ),
    ),
)

LEAK = Group(
    "leak",
    "match a published list of names to the roster",
    (
        Command(
            "match",
            "match every name of a list (.txt, .csv, .xlsx, .pdf, or - for standard input)",
            "cli.leak:_match",
            (
                arg("file", help="the list file, or - to read the list from standard input"),
                arg("--json", action="store_true", help="print the matches as JSON"),
            ),
        ),
        Command(
            "statements",
            "issue a signed position statement for every matched artist of a list",
            "cli.leak_statements:issue_from_list",
            (
                arg("file", help="the list (.txt, .csv, .xlsx, .pdf, or - for standard input)"),
                arg("--out", required=True, metavar="DIR", help="folder for the statements"),
                arg("--lang", default="en,zh", help="en, zh or en,zh (default en,zh)"),
                arg(
                    "--platform",
                    metavar="NAME",
                    help="the platform or list that named them: saved as a listing and named "
                    "in each statement (a listing implies nothing about the artist)",
                ),
                arg("--source", metavar="TEXT", help="URL or note on where the list was seen"),
                arg(
                    "--confirmed",
                    metavar="LINE[,LINE…]",
                    help="list lines a person has checked: their matches on Latin letters or near "
                    "spellings are issued too (others are refused)",
                ),
                arg(
                    "--accept-best",
                    action="store_true",
                    help="for confirmed ambiguous lines, take the first candidate instead of "
                    "refusing",
                ),
                arg("--json", action="store_true", help="print what was issued as JSON"),
            ),
        ),
        Command(
            "aliases",
            "show or set an artist's known Latin spellings (a list entry written exactly so "
            "names the artist without a confirmation)",
            "cli.leak:_aliases",
            (
                arg("artist_id", type=int, help="the artist's id (see roster search)"),
                arg(
                    "spelling",
                    nargs="*",
                    help="the spellings to record (replacing the old ones)",
                ),
                arg("--clear", action="store_true", help="remove every recorded spelling"),
                arg("--json", action="store_true", help="print the spellings as JSON"),
            ),
        ),
    ),
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
            (_JSON,),
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
                arg("--kind", default="position", help=f"one of: {_KINDS}"),
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
                arg("--kind", default="position", help=f"one of: {_KINDS}"),
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
                _JSON,
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
                _JSON,
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
            (_JSON, arg("--open", action="store_true", help="only proposals not yet answered")),
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
            (arg("folder", metavar="DIR"), _JSON),
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
                _JSON,
            ),
        ),
    ),
)

DB = Group(
    "db",
    "move the database to another server",
    (
        Command(
            "migrate",
            "copy every record and file into a new, empty database (e.g. PostgreSQL)",
            "cli.db:_migrate",
            (
                arg(
                    "--from",
                    dest="source",
                    required=True,
                    metavar="URL",
                    help="the database to copy: sqlite:///PATH or a file path",
                ),
                arg(
                    "--to",
                    dest="target",
                    required=True,
                    metavar="URL",
                    help="the new database, e.g. postgresql://user:password@server/consentdesk",
                ),
                arg(
                    "--files",
                    metavar="DIR",
                    help="the shared files folder every desk reaches (default: CONSENT_DESK_FILES)",
                ),
                arg("--json", action="store_true", help="print the result as JSON"),
            ),
            description=(
                "Copy a whole database (every table, keeping ids, and the stored files) into a "
                "new, empty database, then check row counts and the audit trail. Nothing is "
                "written to the target unless every check passes. Close Consent Desk on this "
                "desk first."
            ),
        ),
    ),
)

# Top-level commands, in the order `consent-desk --help` lists them.
COMMANDS: tuple[Group | Command, ...] = (
    ROSTER,
    DEMO,
    AUDIT,
    BACKUP,
    RESTORE,
    CONSENT,
    LEAK,
    SCRIPT,
    IDENTITY,
    STATEMENT,
    PROPOSAL,
    REGISTER,
    DB,
)


def find(name: str) -> Group | Command | None:
    """The top-level command called `name`, if there is one."""
    for entry in COMMANDS:
        if entry.name == name:
            return entry
    return None
