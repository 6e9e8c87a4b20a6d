"""Script review: reading scripts in four formats and finding AI use of likeness or voice.

    doc = read_script(path)              # Fountain, FDX, PDF or plain text (incl. Chinese)
    uses = detect_ai_uses(doc)           # or detect_ai_uses(doc, load_markers(user_file))

Readers raise only `ScriptReadError` (a `UserError`); marker files only `MarkerListError`.
Qt-free, so the GUI runs both on a worker thread and the CLI runs them without a database.
"""

from models.scripts.ai_markers import (
    AiKind,
    AiSource,
    AiUse,
    Marker,
    MarkerSet,
    detect_ai_uses,
)
from models.scripts.document import (
    Character,
    DualDialogue,
    Element,
    ElementKind,
    ReadWarning,
    Scene,
    ScriptDocument,
    ScriptFormat,
)
from models.scripts.errors import ScriptReadError
from models.scripts.marker_list import MarkerListError, load_markers, parse_markers
from models.scripts.reader import read_bytes, read_script, sniff

__all__ = [
    "AiKind",
    "AiSource",
    "AiUse",
    "Character",
    "DualDialogue",
    "Element",
    "ElementKind",
    "Marker",
    "MarkerListError",
    "MarkerSet",
    "ReadWarning",
    "Scene",
    "ScriptDocument",
    "ScriptFormat",
    "ScriptReadError",
    "detect_ai_uses",
    "load_markers",
    "parse_markers",
    "read_bytes",
    "read_script",
    "sniff",
]
