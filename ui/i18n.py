"""The interface language: which one is in use, and the one way to show model words in it.

Two sources of words, kept apart on purpose:

- the window's own text (menus, buttons, headers) goes through Qt: `self.tr("…")` in a class,
  `QCoreApplication.translate("Context", "…")` elsewhere; `scripts/update_translations.sh`
  collects it into resources/translations/*.ts and compiles the .qm;
- words that belong to the domain (a stance, a modality, a status, a user error, a validation
  problem) already come from `models/` in both languages. Views show them with `label(value)`,
  `user_message(error)` and `problem_text(problem)` below, which render their catalogue code,
  so the Chinese domain words live in one place.

Dates and numbers are formatted with `QLocale()`, which `install_language` sets to the chosen
language (`date_text`, `number_text`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from models.resources import resource_path

if TYPE_CHECKING:
    from models.errors import FieldProblem, UserError

TRANSLATIONS = resource_path("translations")
SYSTEM = ""  # follow the desktop's language
ENGLISH = "en"
CHINESE = "zh_CN"
CHOICES = (SYSTEM, ENGLISH, CHINESE)

_installed: list[QTranslator] = []


class Labelled(Protocol):
    """A model value that knows its words in both languages (Stance, Modality, Severity…)."""

    @property
    def label(self) -> str: ...

    @property
    def label_zh(self) -> str: ...


# -- which language --------------------------------------------------------------------------


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language to use for a preference: "en" or "zh_CN" (any Chinese desktop → 简体中文)."""
    if choice in (ENGLISH, CHINESE):
        return choice
    system = QLocale.system() if system is None else system
    return CHINESE if system.language() == QLocale.Language.Chinese else ENGLISH


def display_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates and numbers: the desktop's own if it speaks `language`."""
    system = QLocale.system() if system is None else system
    if language == CHINESE:
        if system.language() == QLocale.Language.Chinese:
            return system
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript,
                       QLocale.Country.China)  # fmt: skip
    if system.language() in (QLocale.Language.English, QLocale.Language.C):
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install_language(app: QCoreApplication, choice: str, system: QLocale | None = None) -> str:
    """Load the translations for `choice` (replacing any loaded before); returns the language.

    Views built afterwards speak it; widgets that already exist keep their text, which is why
    the preferences either rebuild the window or ask for a restart.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice, system)
    if language != ENGLISH:
        ours = QTranslator(app)
        if ours.load(f"consent_desk_{language}", str(TRANSLATIONS)):
            app.installTranslator(ours)
            _installed.append(ours)
            qt = QTranslator(app)  # Qt's own words: OK, Cancel, the file dialogs
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_folder):
                app.installTranslator(qt)
                _installed.append(qt)
        else:
            import logging  # only then: the first paint does not wait for it

            logging.getLogger("consent_desk.ui").warning(
                "no translation for %s in %s; using English", language, TRANSLATIONS
            )
            language = ENGLISH
    if language == ENGLISH:
        # English has a translation too, of plural forms only: "%n thing(s)" → "1 thing".
        plurals = QTranslator(app)
        if plurals.load("consent_desk_en", str(TRANSLATIONS)):
            app.installTranslator(plurals)
            _installed.append(plurals)
    QLocale.setDefault(display_locale(language, system))
    return language


def translatable(context: str, text: str) -> str:
    """Mark `text` for the .ts file without translating it yet (Qt's QT_TRANSLATE_NOOP, typed).

    For tables of words kept in a module and translated where they are shown, e.g.
    `{"nudity": translatable("Exclusion", "Nudity")}` then `translate("Exclusion", word)`.
    """
    return text


def current_language() -> str:
    """The language of the loaded translation: "zh_CN", or "en" when none is loaded."""
    return QCoreApplication.translate(
        "Language", "en", "ISO code of this translation, e.g. zh_CN; picks the model's wording"
    )


def is_chinese() -> bool:
    return current_language().startswith("zh")


def model_language() -> str:
    """The language code the models' message catalogue takes: "zh" or "en"."""
    return "zh" if is_chinese() else "en"


# -- words from the models -------------------------------------------------------------------


def pick(english: str, chinese: str) -> str:
    """One of a pair the models give in both languages, for the language in use."""
    return chinese if is_chinese() else english


def label(value: Labelled) -> str:
    """A domain value's words (`Stance.DECLINED` → "Declined all AI use" / "拒绝任何AI使用")."""
    return value.label_zh if is_chinese() else value.label


def user_message(error: UserError) -> str:
    return error.text(model_language())


def problem_text(problem: FieldProblem) -> str:
    """A validation problem (without its field) in the language in use, from its code."""
    return problem.message_in(model_language())


def problem_line(problem: FieldProblem) -> str:
    """ "row 3, native_name: a name is required" / "第 3 行，原文姓名：必须填写名称"."""
    return problem.text(model_language())


# -- dates and numbers -----------------------------------------------------------------------


def _long_date_format(locale: QLocale) -> str:
    """The locale's long date without the weekday: "12 March 1994", "1994年3月12日"."""
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd ", ", dddd", " dddd", "dddd"):
        fmt = fmt.replace(weekday, "")
    return fmt.strip(" ,")


def date_text(day: date | None) -> str:
    """A calendar day as the chosen locale writes it ("" when unknown)."""
    if day is None:
        return ""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _long_date_format(locale))


def number_text(value: int) -> str:
    """A count with the chosen locale's digit grouping (12,345)."""
    return QLocale().toString(value)
