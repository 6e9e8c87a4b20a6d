"""What every PDF Consent Desk writes shares: the one embedded font, the palette and paragraph
styles built on it, and the canvas that numbers pages "n of N"."""
