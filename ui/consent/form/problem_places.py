"""Where each problem of the consent form shows: beside its field, marked on its tab, or below.

The dialog decides what the problems are (the service's validation plus the form's own); this
only places them, so a field's message stays beside the field whichever tab it is on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QLabel, QTabWidget

from models.errors import FieldProblem
from ui.consent.form.sections import Section
from ui.consent.labels import field_label
from ui.i18n import problem_text

OTHER = "(other)"


class ProblemPlaces:
    """The problem labels of the artist line, of each tab's section, and the general one."""

    def __init__(
        self,
        artist: Mapping[str, QLabel],
        sections: Sequence[Section],
        general: QLabel,
        tabs: QTabWidget,
        tab_titles: Sequence[str],
    ) -> None:
        self.artist = artist
        self.sections = sections
        self.general = general
        self.tabs = tabs
        self.tab_titles = tab_titles

    def label_for(self, field: str) -> tuple[QLabel, int] | None:
        """The field's label and its tab (-1: above the tabs), or None if it has none."""
        if field in self.artist:
            return self.artist[field], -1
        for i, section in enumerate(self.sections):
            if field in section.problem_labels:
                return section.problem_labels[field], i
        return None

    def label(self, field: str) -> QLabel:
        found = self.label_for(field)
        return found[0] if found is not None else self.general

    def show(self, problems: Sequence[FieldProblem], touched: set[str]) -> None:
        """Each problem beside its field; a tab with any shown problem gets a ⚠ mark."""
        messages: dict[str, list[str]] = {}
        for p in problems:
            if self.label_for(p.field) is None:
                messages.setdefault(OTHER, []).append(f"{field_label(p.field)}: {problem_text(p)}")
            else:
                messages.setdefault(p.field, []).append(problem_text(p))
        per_tab = [0] * len(self.tab_titles)
        labels = {**self.artist, OTHER: self.general}
        for section in self.sections:
            labels.update(section.problem_labels)
        for field, label in labels.items():
            shown = field in messages and (field != "modalities" or field in touched)
            label.setText("; ".join(messages.get(field, [])))
            label.setVisible(shown)
            found = self.label_for(field)
            if shown and found is not None and found[1] >= 0:
                per_tab[found[1]] += 1
        for i, title in enumerate(self.tab_titles):
            self.tabs.setTabText(i, f"{title}  ⚠" if per_tab[i] else title)
