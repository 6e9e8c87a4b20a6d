"""The proposal form: terms, requested artists and scan sessions."""
