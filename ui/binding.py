"""Two defects of the Qt binding (PySide6), mended before the rest of the window loads.

Importing this module imports PySide6 and mends its import hook (`quicken_import_hook`): every
module of the app and its libraries is imported after PySide6, so this comes first
(ui/app.py). `keep_none_alive` is called by whoever makes the application object.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook mended below)

TYPE_CHECKING = False  # `typing` is for the type checker only
if TYPE_CHECKING:
    from types import ModuleType


def quicken_import_hook() -> bool:
    """Let PySide's import hook tell the modules that use PySide without parsing their source.

    PySide replaces `__import__` (for its optional `from __feature__ import …`) and, after every
    new import, asks whether the module's source contains "PySide6" through
    `inspect.getsource`, which reads it line by line through `linecache` and `tokenize`: about
    0.1 ms a module, some 6 ms before the window's first paint and far more while the database
    layer loads. Reading the file's bytes answers the same question. Modules without a plain
    `.py` file (built in, compiled, in a zip) still get the binding's own answer. Returns
    whether the hook was found (a later binding may work otherwise: then nothing changes).
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "binding_answer", None) is not None:  # mended already
        return True

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    _mod_uses_pyside.binding_answer = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True


_NONE_PADDING: list[None] = []
NONE_PADDING = 100_000  # references: far more than the Qt calls made before the first paint


def keep_none_alive(*, for_now: bool = False) -> None:
    """Make `None` immortal, as Python 3.12 does (PEP 683).

    PySide6 6.12 drops one reference to `None` on every Qt call that returns nothing; on Python
    3.11, where `None` is counted, the process would abort ("none_dealloc") after a few thousand
    such calls. `None` is never freed anyway, so a count far out of reach changes nothing else.
    That takes `ctypes` (1.5 ms to import): at the window's start, `for_now=True` holds
    100,000 references instead, and the window calls `keep_none_alive()` once it has painted.
    """
    if sys.version_info >= (3, 12) or sys.getrefcount(None) >= 1 << 47:  # once per process
        return
    if for_now:
        if not _NONE_PADDING:
            _NONE_PADDING.extend([None] * NONE_PADDING)
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
    _NONE_PADDING.clear()


quicken_import_hook()
