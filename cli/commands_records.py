"""The command table, part 1: the desk's records (roster, audit, backups, consent, leak day,
database). How to extend it: cli/commands.py.
"""

from __future__ import annotations

from cli.command_types import (
    COUNTERPARTY_KINDS,
    DECISION_METHODS,
    DECISION_OUTCOMES,
    EVIDENCE_ROLES,
    JSON_ARG,
    PROJECT_TYPES,
    STANCES,
    Command,
    Group,
    arg,
)

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
                JSON_ARG,
            ),
        ),
        Command(
            "show",
            "every field of one consent record",
            "cli.consent:_show",
            (arg("record_id", type=int), JSON_ARG),
        ),
        Command(
            "history",
            "every version of a record with what changed",
            "cli.consent:_history",
            (arg("record_id", type=int), JSON_ARG),
        ),
        Command(
            "add",
            "record consents from a JSON file (all or nothing)",
            "cli.consent_actions:add",
            (arg("--from-json", required=True, metavar="FILE"), JSON_ARG),
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
                JSON_ARG,
            ),
        ),
        Command(
            "counterparties",
            "list counterparties and their projects",
            "cli.consent:_counterparties",
            (arg("--include-archived", action="store_true"), JSON_ARG),
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
                JSON_ARG,
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
