"""Consent records: what each artist has (and has not) authorised, with full history."""
