"""Consent Desk domain: entities, services, rules, script readers and storage (Qt-free)."""
