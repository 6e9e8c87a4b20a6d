"""Statements: their machine-readable record and the register of issued statements."""
