"""Keeping the agency's data safe, above storage: backups and restore, moving a desk to
PostgreSQL, and re-checking stored files. These join storage with the audit trail and the
statement register, so they live here rather than in `models/storage` (which imports no
feature package: checked by import-linter)."""
