"""GUI start-up: the application object, the bundled font, the database, the window.

Errors before the window exists still reach the person as a message: a database that cannot
be opened (locked, newer version, not a database) exits with code 2 after saying why; a bug
is logged and reported by the one exception hook in ui/errors.py.
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from models.errors import UserError
from models.logs import enable_crash_log, setup_logging
from models.resources import CJK_FONT, resource_path
from models.storage.database import Database
from ui.about import app_version
from ui.errors import install_excepthook, report_bug, show_error
from ui.i18n import install_language
from ui.settings import APPLICATION, DESK_USER, LANGUAGE, ORGANIZATION, Settings

CJK_FAMILY = "WenQuanYi Micro Hei"


def install_fonts(app: QApplication) -> list[str]:
    """Load the shipped CJK font and make it the fallback of the application font.

    Latin text keeps the desktop's own font; any character it lacks (Chinese, Japanese,
    Korean) comes from the bundled WenQuanYi Micro Hei, so names never show as boxes even on
    a machine without CJK fonts.
    """
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    cjk = CJK_FAMILY if CJK_FAMILY in families else (families[0] if families else None)
    if cjk is not None:
        font = QFont(app.font())
        base = font.family()
        font.setFamilies([base, cjk] if base != cjk else [cjk])
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


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(app.translate("App", "Consent Desk"))
    app.setApplicationVersion(app_version())
    app.setDesktopFileName("org.consentdesk.ConsentDesk")  # the installed desktop entry
    app.setWindowIcon(QIcon(str(resource_path("icons", "consent-desk.svg"))))
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on `args.db`; with `args.exit_after_paint`, quit once rows painted."""
    if _no_display():
        sys.stderr.write(
            "consent-desk: no graphical display found (DISPLAY is not set). Run it on a "
            "desktop, or use the command line: consent-desk --help\n"
        )
        return 2
    app = make_application()
    setup_logging()
    enable_crash_log()
    install_excepthook()
    install_fonts(app)
    settings = Settings()
    install_translation(app, settings)
    exit_after_paint = bool(getattr(args, "exit_after_paint", False))
    try:
        db = Database.open(getattr(args, "db", None), actor=settings.get(DESK_USER) or None)
    except UserError as e:
        show_error(None, e, wait=True)
        return 2
    except Exception as e:
        report_bug(type(e), e, e.__traceback__, wait=True)
        return 1
    try:
        from ui.main_window import MainWindow

        window = MainWindow(db, settings, defer_views=True)
        if exit_after_paint:
            window.roster_view.first_paint.connect(lambda: app.exit(0))
        window.show()
        if not exit_after_paint and window.should_offer_demo():
            QTimer.singleShot(0, window.offer_demo)
        if not exit_after_paint:
            QTimer.singleShot(3000, window.safety.start_background_checks)
        return int(app.exec())
    except UserError as e:
        show_error(None, e, wait=True)
        return 2
    finally:
        db.close()
