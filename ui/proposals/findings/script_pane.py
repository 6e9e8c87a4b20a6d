"""The script beside the findings: its text with every AI use painted, at the finding's line.

Reuses the Scripts screen's text widget (line numbers, highlights, current line), fed from the
lines and AI uses stored when the script was attached — the file is never read again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.errors import UserError
from models.proposals.service import ProposalService
from models.proposals.values import ScriptView
from models.scripts import AiKind, AiSource, AiUse
from ui.scripts.analysis import HitSpan, flat_line
from ui.scripts.text import ScriptText


def spans_of(view: ScriptView) -> dict[int, tuple[HitSpan, ...]]:
    """line → the AI uses on it, as the text widget paints them."""
    spans: dict[int, list[HitSpan]] = {}
    for u in view.ai_uses:
        try:
            kind, source = AiKind(u.kind), AiSource(u.source)
        except ValueError:
            kind, source = AiKind.OTHER, AiSource.ACTION
        use = AiUse(u.line, u.character, kind, source, u.text, u.marker, u.column, u.page)
        shown = view.line_text(u.line)
        if u.column is not None and u.column + len(u.text) <= len(shown):
            span = HitSpan(u.column, len(u.text), use)
        else:
            span = HitSpan(0, len(shown), use)
        spans.setdefault(u.line, []).append(span)
    return {line: tuple(found) for line, found in spans.items()}


class ScriptPane(QWidget):
    """Shows one proposal script at a time; `show_line` opens the right one at the line."""

    def __init__(self, service: ProposalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._views: dict[int, ScriptView] = {}
        self.script_id: int | None = None
        self.title = QLabel(self)
        self.title.setObjectName("findingScriptTitle")
        self.title.setWordWrap(True)
        self.text = ScriptText(self)
        self.text.setObjectName("findingScriptText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.clear()

    def forget(self) -> None:
        """Another proposal: cached scripts belong to the one before."""
        self._views.clear()
        self.clear()

    def clear(self) -> None:
        self.script_id = None
        self.text.clear_script()
        self.title.setText(self.tr("Choose a finding with a script line to see it here."))

    def view_of(self, script_id: int) -> ScriptView:
        view = self._views.get(script_id)
        if view is None:
            view = self._views[script_id] = self.service.script_view(script_id)
        return view

    def show_line(self, script_id: int, line: int) -> bool:
        try:
            view = self.view_of(script_id)
        except UserError:
            self.clear()
            return False
        if self.script_id != script_id:
            self.script_id = script_id
            self.text.set_script("\n".join(flat_line(x) for x in view.lines), spans_of(view))
        s = view.script
        self.title.setText(
            self.tr("{name} — line {line} of {total}").format(
                name=s.original_name, line=line, total=len(view.lines)
            )
        )
        return self.text.jump_to(line)
