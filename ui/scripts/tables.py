"""The breakdown's three lists as Qt table models: scenes, characters and AI uses.

Each model shows one `ScriptAnalysis` (immutable, built on the worker thread) and is reset as
a whole when another script is opened. Every row carries the source line it points at
(`LINE_ROLE`), which is all the view needs to move the script text there.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from models.scripts import AiUse, ScriptFormat
from ui.scripts.analysis import ScriptAnalysis
from ui.scripts.labels import kind_icon, kind_label, source_label
from ui.table_model import Index, ReadOnlyTable

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2  # AI uses: 0-based column in the line, or -1
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
MAX_SCENES_SHOWN = 12


def _dark_theme() -> bool:
    return QGuiApplication.palette().base().color().lightness() < 128


class _AnalysisTable(ReadOnlyTable):
    """A read-only, flat table over one analysis; subclasses say what each cell holds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.analysis: ScriptAnalysis | None = None

    def set_analysis(self, analysis: ScriptAnalysis | None) -> None:
        self.beginResetModel()
        self.analysis = analysis
        self.endResetModel()

    def _count(self) -> int:
        raise NotImplementedError

    def _cell(self, row: int, column: int, role: int) -> Any:
        raise NotImplementedError

    def line_at(self, row: int) -> int | None:
        value = self.data(self.index(row, 0), LINE_ROLE)
        return value if isinstance(value, int) else None

    def row_count(self) -> int:
        return 0 if self.analysis is None else self._count()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.cell_index_valid(index):
            return None
        return self._cell(index.row(), index.column(), role)

    def _where(self, line: int, page: int | None) -> str:
        assert self.analysis is not None
        unit = (
            self.tr("Paragraph {line}")
            if self.analysis.document.format in (ScriptFormat.FDX, ScriptFormat.DOCX)
            else self.tr("Line {line}")
        )
        where = unit.format(line=line)
        if page is not None:
            where += self.tr(", page {page}").format(page=page)
        return where


class SceneColumn(IntEnum):
    NUMBER = 0
    HEADING = 1
    AI = 2


class SceneTableModel(_AnalysisTable):
    """Scenes in script order: the script's own number, the heading, how many AI uses."""

    columns = SceneColumn

    def _count(self) -> int:
        assert self.analysis is not None
        return len(self.analysis.document.scenes)

    def column_titles(self) -> list[str]:
        return [self.tr("#"), self.tr("Scene"), self.tr("AI")]

    def _cell(self, row: int, column: int, role: int) -> Any:
        assert self.analysis is not None
        scene = self.analysis.document.scenes[row]
        if role == LINE_ROLE:
            return scene.line
        ai = self.analysis.uses_in_scene(row + 1)
        if role == DISPLAY:
            if column == SceneColumn.NUMBER:
                return scene.number
            if column == SceneColumn.HEADING:
                return scene.heading
            return str(ai) if ai else ""
        if role == TOOLTIP:
            where = self._where(scene.line, scene.page)
            if ai:
                where += " · " + self.tr("{n} AI uses").format(n=ai)
            return f"{scene.heading}\n{where}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != SceneColumn.HEADING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == SceneColumn.AI and ai:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        return None


class CharacterColumn(IntEnum):
    NAME = 0
    DIALOGUE = 1
    SCENES = 2


class CharacterTableModel(_AnalysisTable):
    """Speaking parts: dialogue blocks and the scenes (by the script's numbers) they speak in."""

    columns = CharacterColumn

    def _count(self) -> int:
        assert self.analysis is not None
        return len(self.analysis.document.characters)

    def column_titles(self) -> list[str]:
        return [self.tr("Character"), self.tr("Dialogue"), self.tr("Scenes")]

    def _scene_numbers(self, scenes: tuple[int, ...]) -> list[str]:
        assert self.analysis is not None
        known = self.analysis.document.scenes
        return [known[i - 1].number for i in scenes if 0 < i <= len(known)]

    def _cell(self, row: int, column: int, role: int) -> Any:
        assert self.analysis is not None
        character = self.analysis.document.characters[row]
        if role == LINE_ROLE:
            return character.first_line
        if role == DISPLAY:
            if column == CharacterColumn.NAME:
                return character.name
            if column == CharacterColumn.DIALOGUE:
                return str(character.dialogue_blocks)
            numbers = self._scene_numbers(character.scenes)
            shown = ", ".join(numbers[:MAX_SCENES_SHOWN])
            return shown + (" …" if len(numbers) > MAX_SCENES_SHOWN else "")
        if role == TOOLTIP:
            numbers = self._scene_numbers(character.scenes)
            return (
                self.tr("{name}: {blocks} dialogue blocks in {n} scenes ({scenes})").format(
                    name=character.name,
                    blocks=character.dialogue_blocks,
                    n=len(numbers),
                    scenes=", ".join(numbers),
                )
                + "\n"
                + self.tr("First speaks at: {where}").format(
                    where=self._where(character.first_line, None)
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CharacterColumn.DIALOGUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class UseColumn(IntEnum):
    LINE = 0
    CHARACTER = 1
    KIND = 2
    SOURCE = 3
    TEXT = 4


class AiUseTableModel(_AnalysisTable):
    """Every AI use in script order: where, whom it concerns, what kind, found in what, words."""

    columns = UseColumn

    def _count(self) -> int:
        assert self.analysis is not None
        return len(self.analysis.uses)

    def column_titles(self) -> list[str]:
        return [
            self.tr("Line"),
            self.tr("Character"),
            self.tr("Kind"),
            self.tr("Found in"),
            self.tr("Text"),
        ]

    def use_at(self, row: int) -> AiUse | None:
        if self.analysis is None or not 0 <= row < len(self.analysis.uses):
            return None
        return self.analysis.uses[row]

    def _cell(self, row: int, column: int, role: int) -> Any:
        assert self.analysis is not None
        use = self.analysis.uses[row]
        if role == LINE_ROLE:
            return use.line
        if role == COLUMN_ROLE:
            return use.column if use.column is not None else -1
        if role == DISPLAY:
            return {
                UseColumn.LINE: str(use.line),
                UseColumn.CHARACTER: use.character or "—",
                UseColumn.KIND: kind_label(use.kind),
                UseColumn.SOURCE: source_label(use.source),
                UseColumn.TEXT: use.text,
            }[UseColumn(column)]
        if role == Qt.ItemDataRole.DecorationRole and column == UseColumn.KIND:
            return kind_icon(use.kind, _dark_theme())
        if role == TOOLTIP:
            who = use.character or self.tr("no character named")
            return (
                self.tr("{where}: {kind} ({who}), found in {source}: “{text}”").format(
                    where=self._where(use.line, use.page),
                    kind=kind_label(use.kind),
                    who=who,
                    source=source_label(use.source),
                    text=use.text,
                )
                + "\n"
                + self.tr("Marker: {marker}").format(marker=use.marker)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == UseColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
