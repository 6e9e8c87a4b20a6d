"""PDF rendering, signing and verification (imports models, never Qt)."""
