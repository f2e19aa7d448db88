"""The app-wide dialogs of the main window: Preferences, Keyboard Shortcuts, About, and
the one non-blocking message box the other actions use.

Composed into :class:`~desktop.ui.shell.main_window.MainWindow` (as ``app_actions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop.ui.kit.action_specs import SPECS, shortcut_text, shortcut_texts, translate
from desktop.ui.shell.window_part import WindowPart

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class AppActions(WindowPart):
    """Preferences, shortcuts, About, and window-modal messages."""

    def message(self, title: str, text: str) -> QMessageBox:
        """A window-modal note that never blocks the caller; the title also goes to the
        status bar."""
        from PySide6.QtWidgets import QMessageBox  # not before the first frame (#15)

        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("messageBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.window.statusBar().showMessage(title, 4000)
        return box

    def show_preferences(self) -> None:
        from desktop.ui.settings.preferences_dialog import PreferencesDialog

        PreferencesDialog(self.window).exec()

    def show_calendar_settings(self) -> None:
        """Settings ▸ Calendar (CalDAV, read only); Today reads the calendar again after."""
        from desktop.ui.calendar_sync.settings_dialog import CalendarSettingsDialog

        CalendarSettingsDialog(self.window).exec()
        if "today" in self.window._built:
            self.window.today.calendar.refresh(force=True)

    def show_shortcuts(self) -> None:
        import html

        rows = []
        for spec in SPECS:
            action = self.window.actions_by_id.get(spec.id)
            if spec.widget_only:
                keys = shortcut_text(spec.id)
            elif action is not None:
                keys = ", ".join(shortcut_texts(spec.id))
            else:
                continue
            if keys:
                label = html.escape(translate(spec.text).replace("&", ""))
                rows.append(
                    f"<tr><td align='right'><b>{html.escape(keys)}</b></td>"
                    f"<td>&nbsp;—&nbsp;{label}</td></tr>"
                )
        self.message(self.tr("Keyboard Shortcuts"), "<table>" + "".join(rows) + "</table>")

    def show_about(self) -> None:
        import html

        from PySide6.QtWidgets import QMessageBox

        from desktop import __version__

        QMessageBox.about(
            self.window,
            self.tr("About Rapport"),
            self.tr(
                "<b>Rapport %1</b><p>Who you know, what you talked about and what you "
                "promised — kept on your own computer.</p><p>Your data: <tt>%2</tt></p>"
            )
            .replace("%1", __version__)
            .replace("%2", html.escape(str(self.window.data_folder))),
        )
