"""The breakdown's layout: header, scenes and characters on the left, the script text in the
middle, AI uses and reader warnings below it.

Only arrangement lives here (widgets, column widths, splitter state, what an empty list
says); what happens when a row is chosen or a script is opened is the view's business
(ui/scripts/view.py).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QIODevice, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.messages import in_language
from models.scripts import ScriptDocument
from ui.i18n import model_language
from ui.scripts.analysis import ScriptAnalysis
from ui.scripts.tables import (
    AiUseTableModel,
    CharacterColumn,
    CharacterTableModel,
    SceneColumn,
    SceneTableModel,
    UseColumn,
)
from ui.scripts.text import ScriptText

WARNING_LINE_ROLE = Qt.ItemDataRole.UserRole
USES_TAB, WARNINGS_TAB = 0, 1


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setCornerButtonEnabled(False)
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 5,000 scenes stay quick
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def _captioned(caption: QLabel, widget: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(caption)
    layout.addWidget(widget, 1)
    caption.setBuddy(widget)  # Alt+N / Alt+R reach the lists from the keyboard
    return box


class BreakdownPanes(QWidget):
    """Every pane of an opened script, arranged in resizable splitters."""

    def __init__(
        self,
        scenes: SceneTableModel,
        characters: CharacterTableModel,
        uses: AiUseTableModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("scriptTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("scriptDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)

        self.scene_table = _table(self, "sceneTable")
        self.scene_table.setModel(scenes)
        self.character_table = _table(self, "characterTable")
        self.character_table.setModel(characters)
        self.use_table = _table(self, "aiUseTable")
        self.use_table.setModel(uses)
        self._size_columns()
        self.no_uses_label = QLabel(self.use_table.viewport())
        self.no_uses_label.setObjectName("noAiUses")
        self.no_uses_label.setWordWrap(True)
        self.no_uses_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_uses_label.setEnabled(False)  # drawn in the muted text colour
        self.no_uses_label.hide()
        self.use_table.viewport().installEventFilter(self)
        self.text = ScriptText(self)
        self.warning_list = QListWidget(self)
        self.warning_list.setObjectName("readerWarnings")
        self.warning_list.setWordWrap(True)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("scriptsLeft")
        scene_caption = QLabel(self.tr("Sce&nes"), self)
        character_caption = QLabel(self.tr("Cha&racters"), self)
        left.addWidget(_captioned(scene_caption, self.scene_table, left))
        left.addWidget(_captioned(character_caption, self.character_table, left))
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scriptsTabs")
        self.tabs.addTab(self.use_table, "")
        self.tabs.addTab(self.warning_list, "")
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("scriptsRight")
        right.addWidget(self.text)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 1)
        right.setSizes([460, 240])  # the script first; the AI-use list scrolls
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("scriptsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([330, 820])
        self._splitters = [self.splitter, left, right]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addSpacing(4)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.scene_table, self.character_table)
        QWidget.setTabOrder(self.character_table, self.text)
        QWidget.setTabOrder(self.text, self.tabs)
        self.set_counts(0, 0)

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        pad = 18
        scenes = self.scene_table.horizontalHeader()
        scenes.setStretchLastSection(False)
        scenes.setSectionResizeMode(SceneColumn.HEADING, QHeaderView.ResizeMode.Stretch)
        self.scene_table.setColumnWidth(SceneColumn.NUMBER, digit * 4 + pad)
        self.scene_table.setColumnWidth(SceneColumn.AI, digit * 3 + pad)
        self.character_table.horizontalHeader().setStretchLastSection(True)
        self.character_table.setColumnWidth(CharacterColumn.NAME, digit * 14)
        dialogue = self.character_table.model().headerData(
            CharacterColumn.DIALOGUE, Qt.Orientation.Horizontal
        )
        self.character_table.setColumnWidth(
            CharacterColumn.DIALOGUE, max(digit * 4, metrics.horizontalAdvance(str(dialogue))) + pad
        )
        self.use_table.horizontalHeader().setStretchLastSection(True)
        self.use_table.setColumnWidth(UseColumn.LINE, digit * 6 + pad)
        self.use_table.setColumnWidth(UseColumn.CHARACTER, digit * 14)
        self.use_table.setColumnWidth(UseColumn.KIND, digit * 17)
        self.use_table.setColumnWidth(UseColumn.SOURCE, digit * 19)

    # -- filling -------------------------------------------------------------------------------
    def show_header(self, title: str, details: str) -> None:
        self.title_label.setText(title)
        self.details_label.setText(details)

    def show_warnings(self, doc: ScriptDocument) -> None:
        """Each reader warning in the interface language (its catalogue message), after its
        line."""
        self.warning_list.clear()
        language = model_language()
        for warning in doc.warnings:
            where = (
                "" if warning.line is None else self.tr("Line {line}: ").format(line=warning.line)
            )
            item = QListWidgetItem(where + in_language(warning.message, language))
            if warning.line is not None:
                item.setData(WARNING_LINE_ROLE, warning.line)
            self.warning_list.addItem(item)
        if not doc.warnings:
            item = QListWidgetItem(self.tr("The reader had nothing to warn about."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.warning_list.addItem(item)

    def set_counts(self, uses: int, warnings: int) -> None:
        self.tabs.setTabText(USES_TAB, self.tr("&AI use ({n})").format(n=uses))
        self.tabs.setTabText(WARNINGS_TAB, self.tr("Reader &warnings ({n})").format(n=warnings))
        self.no_uses_label.setText(
            self.tr("No AI use of likeness or voice found with these AI markers.")
        )
        self.no_uses_label.setVisible(uses == 0)
        self._place_no_uses()

    def fit_names(self, analysis: ScriptAnalysis) -> None:
        """Character names shown whole where the pane allows (long names keep a tooltip)."""
        metrics = self.character_table.fontMetrics()
        names = [c.name for c in analysis.document.characters[:500]]
        header = self.character_table.model().headerData(
            CharacterColumn.NAME, Qt.Orientation.Horizontal
        )
        names.append(str(header))
        widest = max(metrics.horizontalAdvance(n) for n in names)
        limit = max(120, self.character_table.viewport().width() // 2)
        self.character_table.setColumnWidth(CharacterColumn.NAME, min(widest + 20, limit))

    def _place_no_uses(self) -> None:
        self.no_uses_label.setGeometry(self.use_table.viewport().rect().adjusted(12, 12, -12, -12))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.use_table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_no_uses()
        return super().eventFilter(watched, event)

    # -- remembered layout ---------------------------------------------------------------------
    def save_state(self) -> QByteArray:
        state = QByteArray()
        stream = QDataStream(state, QIODevice.OpenModeFlag.WriteOnly)
        for splitter in self._splitters:
            stream << splitter.saveState()
        return state

    def restore_state(self, state: QByteArray) -> None:
        if state.isEmpty():
            return
        stream = QDataStream(state, QIODevice.OpenModeFlag.ReadOnly)
        for splitter in self._splitters:
            part = QByteArray()
            stream >> part
            if stream.status() != QDataStream.Status.Ok or part.isEmpty():
                return
            splitter.restoreState(part)
