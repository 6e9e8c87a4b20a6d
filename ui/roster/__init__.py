"""The roster screen: the artist table, the artist form, import/export and their commands."""
