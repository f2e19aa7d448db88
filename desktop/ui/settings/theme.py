"""Light, dark or the system's look: the Preferences' theme, applied to the application.

Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``); where
the platform ignores the request (no theme plugin, offscreen), a Fusion palette stands in
so the choice still shows. "System" hands the decision back to the desktop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.settings import keys

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """A dark palette as a dark desktop hands it to Qt."""
    window, base, text = QColor("#202124"), QColor("#2c2e32"), QColor("#e6e6e6")
    palette = QPalette(QColor("#3a3d41"), window)
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#303236")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6")),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb6")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#8ab4f8")),
    ):
        palette.setColor(role, colour)
    return palette


def current_theme() -> str:
    theme = keys.read_text(keys.THEME, "system")
    return theme if theme in THEMES else "system"


def apply_theme(theme: str | None = None) -> str:
    """Apply ``theme`` (default: the saved one) to the running application; returns it."""
    theme = theme if theme in THEMES else current_theme()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return theme
    hints = QGuiApplication.styleHints()
    wanted = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
        "system": Qt.ColorScheme.Unknown,
    }[theme]
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(wanted)
    if theme == "system":
        original = app.property("rapportOriginalStyle")
        if original:  # undo our stand-in: the desktop's own style and palette again
            app.setStyle(str(original))
            app.setPalette(app.style().standardPalette())
            app.setProperty("rapportOriginalStyle", None)
        return theme
    if hints.colorScheme() != wanted:  # the platform ignored the request: paint it ourselves
        if not app.property("rapportOriginalStyle"):
            app.setProperty("rapportOriginalStyle", app.style().name())
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    return theme
