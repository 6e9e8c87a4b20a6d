"""The findings of a proposal's checks, beside the script."""
