"""The audit trail: a hash chain over every write."""
