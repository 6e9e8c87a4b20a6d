"""GUI start-up: the application object, the bundled font, the database, the window.

Errors before the window exists still reach the person as a message: a database that cannot
be opened (locked, newer version, not a database) exits with code 2 after saying why; a bug
is logged and reported by the one exception hook in ui/errors.py.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication

from models.gcpause import freeze_long_lived
from models.resources import CJK_FONT, resource_path
from models.storage.quick import FAST_START_ENV
from ui.binding import keep_none_alive
from ui.i18n import install_language
from ui.settings import APPLICATION, DESK_USER, LANGUAGE, ORGANIZATION, Settings

if TYPE_CHECKING:
    from typing import Protocol

    from models.storage.database import Database
    from ui.main_window import MainWindow
    from ui.quick_start import QuickWindow

    class WindowArgs(Protocol):
        """What opening the window needs from the command line (main.GuiArgs, or the full
        parser's namespace when no command is named)."""

        db: str | None
        exit_after_paint: bool


CJK_FAMILY = "WenQuanYi Micro Hei"
EXIT_AFTER_LOAD_ENV = "CONSENT_DESK_EXIT_AFTER_LOAD"  # "1": --exit-after-paint waits for all


# Latin families tried, in order, when the desktop's font name resolves to a CJK font (on
# many Linux systems fontconfig answers "Sans Serif" with WenQuanYi, whose Latin glyphs set
# "…" as mid-line dots and lack pinyin tone letters such as ǎ).
LATIN_FAMILIES = (
    "Segoe UI",
    "Helvetica Neue",
    "Cantarell",
    "Noto Sans",
    "DejaVu Sans",
    "Liberation Sans",
    "Arial",
)


def latin_family(base: QFont, cjk: str | None) -> str:
    """The desktop UI font's real family, or a Latin one when it resolves to a CJK font."""
    resolved = QFontInfo(base).family()
    cjk_like = {cjk, "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC"}
    if resolved and resolved not in cjk_like:
        return resolved
    available = set(QFontDatabase.families())
    return next((f for f in LATIN_FAMILIES if f in available), resolved or base.family())


def install_fonts(app: QApplication) -> list[str]:
    """Load the shipped CJK font and make it the fallback of the application font.

    Latin text keeps the desktop's own UI font (resolved to a real family, never the CJK one);
    any character it lacks (Chinese, Japanese, Korean) comes from the bundled WenQuanYi Micro
    Hei, so names never show as boxes even on a machine without CJK fonts.
    """
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    cjk = CJK_FAMILY if CJK_FAMILY in families else (families[0] if families else None)
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setPointSizeF(app.font().pointSizeF())
    latin = latin_family(font, cjk)
    font.setFamilies([latin, cjk] if cjk is not None and latin != cjk else [latin])
    app.setFont(font)
    return families


def install_translation(app: QApplication, settings: Settings) -> str:
    """Load the chosen (or the system's) language; returns "en" or "zh_CN" (see ui/i18n.py)."""
    return install_language(app, settings.get(LANGUAGE))


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def make_application(window_start: bool = False) -> QApplication:
    """The application object; at the window's start (`window_start`) the version (a slow
    metadata lookup) and the lasting guard of `None` wait for `set_version` and
    `keep_none_alive` once the window is up."""
    keep_none_alive(for_now=window_start)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(app.translate("App", "Consent Desk"))
    if not window_start:
        set_version(app)
    app.setDesktopFileName("org.consentdesk.ConsentDesk")  # the installed desktop entry
    app.setWindowIcon(window_icon())
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def window_icon() -> QIcon:
    """The app's icon from its rendered sizes (resources/icons, made from consent-desk.svg
    for the installers): no SVG plugin to load before the first paint."""
    icon = QIcon()
    for size in ICON_SIZES:  # sized: no file is read until the icon is drawn
        icon.addFile(str(resource_path("icons", f"consent-desk-{size}.png")), QSize(size, size))
    return icon


def set_version(app: QApplication) -> None:
    from ui.about import app_version

    app.setApplicationVersion(app_version())


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """The one exception hook (ui/errors.py), loaded with the first exception: not on the
    way to the window's first paint."""
    from ui.errors import excepthook

    excepthook(exc_type, exc, tb)


def run_gui(args: WindowArgs) -> int:
    """Open the window on `args.db`; with `args.exit_after_paint`, quit once rows painted."""
    if _no_display():
        sys.stderr.write(
            "consent-desk: no graphical display found (DISPLAY is not set). Run it on a "
            "desktop, or use the command line: consent-desk --help\n"
        )
        return 2
    app = make_application(window_start=True)
    sys.excepthook = _excepthook  # a bug sets up the log file itself (ui/errors.py)
    install_fonts(app)
    settings = Settings()
    install_translation(app, settings)
    exit_after_paint = bool(getattr(args, "exit_after_paint", False))
    quick = None
    if os.environ.get(FAST_START_ENV, "1") != "0":
        from ui.quick_start import open_quick_window

        try:
            quick = open_quick_window(getattr(args, "db", None), settings)
        except Exception:  # the ordinary start below opens (and explains) the database
            import logging  # only now: the first paint does not wait for it

            logging.getLogger("consent_desk.ui").exception("fast start failed")
            quick = None
    if quick is not None:
        return _run_fast(app, quick, args, settings, exit_after_paint)
    keep_none_alive()
    try:
        db = _open_database(args, settings)
    except _NotOpened as e:
        return e.code
    from models.errors import UserError

    try:
        from ui.main_window import MainWindow

        window = MainWindow(db, settings, defer_views=True)
        _after_window(app, window, exit_after_paint)
        window.show()
        return int(app.exec())
    except UserError as e:
        from ui.errors import show_error  # loads with the first error

        show_error(None, e, wait=True)
        return 2
    finally:
        db.close()


class _NotOpened(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _open_database(args: WindowArgs, settings: Settings) -> Database:
    """The database named by `args.db`; a person is told why if it cannot be opened."""
    from models.errors import UserError
    from models.storage.database import Database

    try:
        return Database.open(getattr(args, "db", None), actor=settings.get(DESK_USER) or None)
    except UserError as e:
        from ui.errors import show_error  # loads with the first error

        show_error(None, e, wait=True)
        raise _NotOpened(2) from e
    except Exception as e:
        from ui.errors import report_bug

        report_bug(type(e), e, e.__traceback__, wait=True)
        raise _NotOpened(1) from e


def _after_window(app: QApplication, window: MainWindow, exit_after_paint: bool) -> None:
    """Exit hooks for smoke tests and benchmarks, or the first-run offer and safety checks."""
    from PySide6.QtCore import Qt  # only now: touching `Qt` costs ~15 ms (ui/roster/columns.py)

    from models.logs import enable_crash_log, setup_logging

    setup_logging()  # after the first paint: the log file's set-up is not worth the wait
    enable_crash_log()
    from ui.collector import GuiThreadCollector

    GuiThreadCollector(app)  # collection on this thread only; lives as long as the app
    set_version(app)
    if os.environ.get(EXIT_AFTER_LOAD_ENV) == "1":
        # once the roster painted and the other screens (added right after it) are built
        window.roster_view.first_paint.connect(
            lambda: QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: app.exit(0)))
        )
        return
    if exit_after_paint:
        window.roster_view.first_paint.connect(lambda: app.exit(0))
        return
    # Once the window and its views are built: they live as long as the process, so later
    # collections need not walk them (models/gcpause.py).
    window.roster_view.first_paint.connect(
        lambda: QTimer.singleShot(1000, freeze_long_lived), Qt.ConnectionType.SingleShotConnection
    )
    QTimer.singleShot(0, window.first_start)  # who is at the desk; the demo offer
    QTimer.singleShot(3000, window.safety.start_background_checks)


def _run_fast(
    app: QApplication,
    quick: QuickWindow,
    args: WindowArgs,
    settings: Settings,
    exit_after_paint: bool,
) -> int:
    """Show the first page at once; the main window replaces it once everything loaded."""
    from ui.quick_start import QuickStart

    opened: list[Database] = []
    code: list[int] = []

    def open_window() -> MainWindow | None:
        try:
            db = _open_database(args, settings)
        except _NotOpened as e:
            code.append(e.code)
            return None
        opened.append(db)
        from ui.main_window import MainWindow

        window = MainWindow(db, settings, defer_views=True)
        _after_window(app, window, exit_after_paint)
        return window

    try:
        if exit_after_paint and os.environ.get(EXIT_AFTER_LOAD_ENV) != "1":
            quick.painted.connect(lambda: app.exit(0))
            quick.show()
            return int(app.exec())
        start = QuickStart(quick, open_window)
        start.failed.connect(lambda: app.exit(code[0] if code else 2))
        quick.show()
        result = int(app.exec())
        return result
    except Exception as e:
        from models.errors import UserError  # not on the way to the first paint

        if not isinstance(e, UserError):
            raise
        from ui.errors import show_error  # loads with the first error

        show_error(None, e, wait=True)
        return 2
    finally:
        for db in opened:
            db.close()
