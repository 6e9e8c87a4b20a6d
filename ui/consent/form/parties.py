"""Adding a counterparty or a project from the consent form, when the agreement names a new one.

Names in both scripts, as everywhere; a romanised name left empty is filled from pinyin by the
service. Adding is undoable the way the roster's is: nothing is deleted, undo archives it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.consent.values import (
    Counterparty,
    CounterpartyDraft,
    CounterpartyKind,
    Project,
    ProjectDraft,
    ProjectType,
)
from models.errors import UserError
from models.names import has_han, romanize
from models.parties.service import CounterpartyService
from ui.commands import ServiceCommand
from ui.consent.labels import project_type_label
from ui.consent.widgets import problem_label
from ui.errors import show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("Parties", text)


def kind_label(kind: CounterpartyKind) -> str:
    return {
        CounterpartyKind.PRODUCER: _tr("Producer"),
        CounterpartyKind.PLATFORM: _tr("Platform"),
        CounterpartyKind.OTHER: _tr("Other company"),
    }[kind]


class PartyDialog(QDialog):
    """A new counterparty (`project_of` None) or a new project of one counterparty."""

    def __init__(self, parent: QWidget | None, project_of: Counterparty | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyDialog")
        self.project_of = project_of
        if project_of is None:
            self.setWindowTitle(self.tr("New counterparty"))
        else:
            self.setWindowTitle(
                self.tr("New project of {party}").format(party=project_of.display_name)
            )
        self.native_edit = QLineEdit(self)
        self.native_edit.setObjectName("native")
        self.native_edit.setPlaceholderText(self.tr("Required, e.g. 星幕视频"))
        self.romanized_edit = QLineEdit(self)
        self.romanized_edit.setObjectName("romanized")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        if project_of is None:
            for k in CounterpartyKind:
                self.kind_combo.addItem(kind_label(k), k.value)
        else:
            for t in ProjectType:
                self.kind_combo.addItem(project_type_label(t), t.value)
        self.problem = problem_label(self, "native")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Add"))
        self.buttons.accepted.connect(self._accept_when_valid)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if project_of is None:
            form.addRow(self.tr("Name (native script)"), self.native_edit)
            form.addRow(self.tr("Romanised name"), self.romanized_edit)
            form.addRow(self.tr("Kind"), self.kind_combo)
        else:
            form.addRow(self.tr("Title (native script)"), self.native_edit)
            form.addRow(self.tr("Romanised title"), self.romanized_edit)
            form.addRow(self.tr("Type"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(self.tr("Nothing is deleted: Edit → Undo archives it."), self))
        layout.addWidget(self.buttons)
        self.native_edit.textChanged.connect(lambda _t: self._revalidate())
        self._revalidate()
        self.setMinimumWidth(440)

    def _revalidate(self) -> None:
        native = self.native_edit.text().strip()
        self.ok_button.setEnabled(bool(native))
        suggestion = romanize(native) if has_han(native) else native
        self.romanized_edit.setPlaceholderText(
            self.tr("{name} (from pinyin if left empty)").format(name=suggestion)
            if suggestion
            else ""
        )

    def _accept_when_valid(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    def counterparty_draft(self) -> CounterpartyDraft:
        return CounterpartyDraft(
            self.native_edit.text(),
            self.romanized_edit.text(),
            CounterpartyKind(self.kind_combo.currentData()),
        )

    def project_draft(self) -> ProjectDraft:
        assert self.project_of is not None
        return ProjectDraft(
            self.project_of.id,
            self.native_edit.text(),
            self.romanized_edit.text(),
            ProjectType(self.kind_combo.currentData()),
        )


class AddCounterparty(ServiceCommand):
    def __init__(
        self,
        parties: CounterpartyService,
        draft: CounterpartyDraft,
        on_changed: Callable[[], None],
        on_error: Callable[[UserError], None],
    ) -> None:
        super().__init__(_tr("Add counterparty {name}"), on_changed, on_error)
        self.parties = parties
        self.draft = draft
        self.added: Counterparty | None = None

    def _do(self) -> None:
        self.added = self.parties.add_counterparty(self.draft)
        self.setText(self.text().format(name=self.added.display_name))

    def _undo(self) -> None:
        assert self.added is not None
        self.parties.set_counterparty_archived(self.added.id, True)

    def _redo(self) -> None:
        assert self.added is not None
        self.parties.set_counterparty_archived(self.added.id, False)


class AddProject(ServiceCommand):
    def __init__(
        self,
        parties: CounterpartyService,
        draft: ProjectDraft,
        on_changed: Callable[[], None],
        on_error: Callable[[UserError], None],
    ) -> None:
        super().__init__(_tr("Add project {title}"), on_changed, on_error)
        self.parties = parties
        self.draft = draft
        self.added: Project | None = None

    def _do(self) -> None:
        self.added = self.parties.add_project(self.draft)
        self.setText(self.text().format(title=self.added.display_title))

    def _undo(self) -> None:
        assert self.added is not None
        self.parties.set_project_archived(self.added.id, True)

    def _redo(self) -> None:
        assert self.added is not None
        self.parties.set_project_archived(self.added.id, False)


class PartyAdding:
    """The form's "New…" buttons: ask, add (undoably), then choose what was added."""

    def __init__(
        self,
        parent: QWidget,
        parties: CounterpartyService,
        undo_stack: QUndoStack | None,
        chose_counterparty: Callable[[int], None],
        chose_project: Callable[[int, int], None],
    ) -> None:
        self.parent = parent
        self.parties = parties
        # without the window's stack (a form opened on its own) adding is simply not undoable
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(parent)
        self._chose_counterparty = chose_counterparty
        self._chose_project = chose_project
        self.dialog: PartyDialog | None = None

    def add_counterparty(self) -> PartyDialog:
        dialog = PartyDialog(self.parent)
        dialog.accepted.connect(lambda: self._counterparty(dialog))
        return self._open(dialog)

    def add_project(self, of: Counterparty) -> PartyDialog:
        dialog = PartyDialog(self.parent, of)
        dialog.accepted.connect(lambda: self._project(dialog))
        return self._open(dialog)

    def _open(self, dialog: PartyDialog) -> PartyDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, error: UserError) -> None:
        show_error(self.parent, error)

    def _counterparty(self, dialog: PartyDialog) -> None:
        try:
            added = AddCounterparty.perform(
                self.undo_stack, self.parties, dialog.counterparty_draft(), _nothing, self._failed
            ).added
        except UserError as e:
            show_error(self.parent, e)
            return
        assert added is not None
        self._chose_counterparty(added.id)

    def _project(self, dialog: PartyDialog) -> None:
        try:
            added = AddProject.perform(
                self.undo_stack, self.parties, dialog.project_draft(), _nothing, self._failed
            ).added
        except UserError as e:
            show_error(self.parent, e)
            return
        assert added is not None
        self._chose_project(added.counterparty_id, added.id)


def _nothing() -> None:
    """The form keeps what it shows when an add is undone (undo only archives the party)."""
