"""Reading a window as a person sees it, and finding English left in a Chinese interface.

`visible_texts` collects labels, buttons, menus, group boxes, tabs, table headers (and the
first rows of tables), placeholders, window titles, list and combo items; `english_left` says
which of them are still an English source string of the interface, or carry English words
not accounted for by the data (demo names, titles, notes, cited legal sources) or by codes
(CN, US-CA, SHA-256, Ctrl+F). Used by tests/ui/test_i18n.py.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "consent_desk_zh_CN.ts"
DEMO = ROOT / "resources" / "demo"

# Words that stay as they are in a Chinese interface: the product, fonts, formats, keys.
KEPT_PHRASES = (
    "Consent Desk",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "The WenQuanYi Project Board of Trustees",
    "Google Corporation",
    "Apache License",
    "GNU GPL",
    "Final Draft",
    "Fountain",
    "Word",  # Microsoft Word, the program
    "PySide",
    "Qt",
    "Excel",
    "Equity",
    "Enter",
    "English",  # a language is named in itself in the language list
    "https",
    "Starlight Talent & Co.",  # the agency of the test signing identity
    "Starlight Talent",  # the example for the agency's English name
    "tester",  # the desk user of the test database
)
CODE = re.compile(r"^[A-Z0-9][A-Z0-9+\-_.#/:]*$")  # CN, US-CA, SHA-256, PDF, AI, UTC, SAG-AFTRA
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
KEYS = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta)\+\S+")
MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
FILE_NAME = re.compile(
    r"[\w\-]*\.(?:sqlite3|csv|xlsx|json|ttc|ttf|fountain|spmd|fdx|pdf|txt|text|docx|eml|png"
    r"|jpe?g|p12|pfx|pem|zip)\b"
)
QUOTED = re.compile(r"“[^”]*”")  # a value quoted in a message is the person's data
HEX = re.compile(r"\b[0-9a-f]{6,}\b")  # SHA-256 prefixes
# Tables whose cells are data as stored: the rows of a file being imported, and the audit
# trail, which shows each event's action and field names exactly as they were recorded.
DATA_TABLES = {"importRows", "auditTable"}
ZONE = re.compile(r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b")  # Asia/Shanghai, America/Los_Angeles
FOLDER = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w.\-]+){2,}")  # a folder on this machine is data


def _data_phrases() -> list[str]:
    """Every text value of the demo agency: names, titles, notes shown as data, not as UI."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 1:
            found.add(value)
            found.update(p.strip() for p in re.split(r"[;；,，。.]", value) if len(p.strip()) > 1)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in DEMO.glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    from models.rules.engine import RULES

    walk([rule.info.source for rule in RULES])  # legal sources are cited as published
    return sorted(found, key=len, reverse=True)


DATA = _data_phrases()
KEPT = re.compile(  # whole words only: the data's "body" must not hide "nobody"
    "|".join(
        rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])"
        for p in sorted((*DATA, *KEPT_PHRASES), key=len, reverse=True)
    )
)


def _english_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """The English source texts whose Chinese differs (identical ones are names or codes)."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        if (message.findtext("translation") or "") == source:
            continue
        shown = MNEMONIC.sub("", source).strip()
        if not re.search(r"[A-Za-z]{2}", shown):
            continue
        if "{" in shown:
            parts = re.split(r"\{[^{}]*\}", shown)
            if sum(len(p.strip()) for p in parts) >= 4:
                patterns.append(re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL))
        else:
            plain.add(shown)
    return plain, patterns


SOURCES, SOURCE_PATTERNS = _english_sources()


def english_left(text: str) -> list[str]:
    """The English in `text` that a Chinese interface should not show."""
    text = MNEMONIC.sub("", re.sub(r"<[^>]+>", " ", text)).strip()
    if not text:
        return []
    if text in KEPT_PHRASES:
        return []
    if text in SOURCES or any(p.fullmatch(text) for p in SOURCE_PATTERNS):
        return [text]
    rest = QUOTED.sub(" ", HEX.sub(" ", FILE_NAME.sub(" ", FOLDER.sub(" ", text))))
    rest = KEPT.sub(" ", KEYS.sub(" ", ZONE.sub(" ", rest)))
    return [w for w in WORD.findall(rest) if not CODE.match(w) and len(w) > 1]


CELL_ROWS = 40  # table cells: enough rows to meet every kind of value


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub, f"{where} › {sub.title()}")
        else:
            yield f"{where} › action", action.text()


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of interface text shown in `root`."""
    if root.windowTitle():
        yield "window title", root.windowTitle()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from _menu_texts(sub, "menu")
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif (isinstance(w, QLineEdit) and not w.text()) or (
            isinstance(w, QPlainTextEdit) and not w.toPlainText()
        ):
            yield name, w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield name, w.itemText(i)
        elif isinstance(w, (QTabWidget, QTabBar)):
            for i in range(w.count()):
                yield name, w.tabText(i)
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                if item is not None and not item.isHidden():
                    yield name, item.text()
        elif isinstance(w, QAbstractSpinBox) and not isinstance(w, QDateTimeEdit):
            yield name, f"{getattr(w, 'prefix', lambda: '')()} {getattr(w, 'suffix', lambda: '')()}"
            yield name, w.specialValueText()
        header = (
            w.horizontalHeader()
            if isinstance(w, QTableView)
            else w.header()
            if isinstance(w, QTreeView)
            else None
        )
        if header is not None and not header.isHidden() and header.model() is not None:
            for column in range(header.count()):
                if not header.isSectionHidden(column):
                    text = header.model().headerData(column, Qt.Orientation.Horizontal)
                    yield f"{name} header", str(text or "")
        if (
            isinstance(w, QTableView)
            and w.model() is not None
            and w.objectName() not in DATA_TABLES
        ):
            model = w.model()
            vertical = w.verticalHeader()
            for row in range(min(model.rowCount(), CELL_ROWS)):
                if not vertical.isHidden():
                    text = model.headerData(row, Qt.Orientation.Vertical)
                    yield f"{name} row header", str(text or "")
                for column in range(model.columnCount()):
                    if not w.isColumnHidden(column):
                        yield f"{name} cell", str(model.index(row, column).data() or "")
        for action in w.actions():
            if not action.isSeparator() and action.text():
                yield f"{name} action", action.text()


def texts_on_every_tab(root: QWidget) -> list[tuple[str, str]]:
    """The texts of `root` with each tab of each tab widget shown in turn."""
    texts = list(visible_texts(root))
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root):
            continue
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            texts += visible_texts(root)
        tabs.setCurrentIndex(current)
    return texts


def assert_chinese(root: QWidget) -> int:
    """Fail listing every English text shown in `root`; returns how many texts were read."""
    texts = texts_on_every_tab(root)
    bad = [f"{where}: {text!r} {left}" for where, text in texts if (left := english_left(text))]
    assert not bad, "English left in the Chinese interface:\n" + "\n".join(bad)
    assert any(re.search(r"[\u4e00-\u9fff]", t) for _, t in texts)
    return len(texts)
