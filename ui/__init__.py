"""The desktop interface (the only package that imports PySide6).

The binding is set up first (ui/binding.py): its import hook is mended before any other module
of the app loads.
"""

from ui import binding as _binding  # noqa: F401
