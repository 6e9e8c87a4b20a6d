"""The agency's roster of artists."""
