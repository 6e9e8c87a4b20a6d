"""Command-line entry: the same services as the GUI, never imports Qt."""
