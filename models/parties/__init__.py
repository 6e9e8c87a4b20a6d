"""Parties artists deal with: counterparties (producers, platforms) and their projects."""
