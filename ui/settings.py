"""The one registry of GUI preferences: QSettings behind typed keys with defaults.

Every remembered choice (window layout, column widths, sort, folders, desk user) is declared
here once, so a typo cannot silently create a second key and a missing value always has a
known default. Tests pass an ini file so they never touch the user's real preferences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from models.records import Record

ORGANIZATION = "ConsentDesk"
APPLICATION = "consent-desk"

T = TypeVar("T", str, bool, int, QByteArray)


class Key(Record, Generic[T]):
    """A named preference with its type and the value used when it was never set (a Record:
    no `dataclasses` on the way to the window's first paint)."""

    __slots__ = ("name", "default")  # noqa: RUF023 (field order)
    name: str
    default: T

    def __init__(self, name: str, default: T) -> None:
        self._fill(name, default)


WINDOW_GEOMETRY: Key[QByteArray] = Key("window/geometry", QByteArray())
WINDOW_STATE: Key[QByteArray] = Key("window/state", QByteArray())
CURRENT_VIEW: Key[str] = Key("window/current_view", "roster")
ROSTER_HEADER: Key[QByteArray] = Key("roster/header_state", QByteArray())
ROSTER_SORT_COLUMN: Key[str] = Key("roster/sort_column", "name")
ROSTER_SORT_DESCENDING: Key[bool] = Key("roster/sort_descending", False)
ROSTER_SHOW_ARCHIVED: Key[bool] = Key("roster/show_archived", False)
LAST_IMPORT_FOLDER: Key[str] = Key("files/last_import_folder", "")
LAST_EXPORT_FOLDER: Key[str] = Key("files/last_export_folder", "")
DESK_USER: Key[str] = Key("desk/user_name", "")
LANGUAGE: Key[str] = Key("ui/language", "")  # "" = follow the system; used once translated
DEMO_OFFERED: Key[bool] = Key("first_run/demo_offered", False)
SCRIPT_MARKERS_FILE: Key[str] = Key("scripts/markers_file", "")  # "" = the shipped list
LAST_SCRIPT_FOLDER: Key[str] = Key("files/last_script_folder", "")
SCRIPTS_LAYOUT: Key[QByteArray] = Key("scripts/splitter_state", QByteArray())
LAST_STATEMENT_FOLDER: Key[str] = Key("files/last_statement_folder", "")
STATEMENTS_HEADER: Key[QByteArray] = Key("statements/header_state", QByteArray())
STATEMENT_LANGUAGES: Key[str] = Key("statements/languages", "en,zh")
LEAK_HEADER: Key[QByteArray] = Key("leak/header_state", QByteArray())
LEAK_SPLITTER: Key[QByteArray] = Key("leak/splitter_state", QByteArray())
RECENT_FILES: Key[str] = Key("files/recent", "[]")  # JSON: [[kind, path], …], newest first


class Settings:
    """Typed access to QSettings; one instance is shared by the window and its views."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def at(cls, path: Path) -> Settings:
        """Preferences kept in one ini file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, key: Key[T]) -> T:
        kind = type(key.default)
        raw = self._q.value(key.name, key.default, type=kind)
        if not isinstance(raw, kind):  # a hand-edited file with a wrong type
            return key.default
        return raw

    def set(self, key: Key[T], value: T) -> None:
        if not isinstance(value, type(key.default)):
            raise TypeError(f"{key.name} takes {type(key.default).__name__}, not {value!r}")
        self._q.setValue(key.name, value)

    def reset(self, key: Key[T]) -> None:
        self._q.remove(key.name)

    def sync(self) -> None:
        self._q.sync()

    @property
    def file_name(self) -> str:
        return self._q.fileName()
