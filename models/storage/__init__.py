"""Storage: the one place that opens the database, its migrations and the stored files."""
