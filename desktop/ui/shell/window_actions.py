"""What the main window's menu and toolbar actions do (new person, capture, delete, …).

Kept apart from :mod:`desktop.ui.shell.main_window`, which builds and switches the views:
this mixin only turns an action into dialogs, undoable commands and navigation.
"""

from __future__ import annotations

import html
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.kit.action_specs import SPECS, shortcut_text, translate
from desktop.ui.kit.undo import CreateCommand, push

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def briefing_available() -> bool:
    """The print action appears only when the briefing preview module is installed."""
    return importlib.util.find_spec("desktop.ui.briefing.preview_dialog") is not None


class WindowActions(_Base):
    """Mixed into MainWindow; relies on its pages, undo stack and status bar."""

    def _person_in_context(self) -> str | None:
        """The person the user is looking at: the card shown, or the selected promise's
        or guest's person on Today, Follow-ups and Events."""
        view = self.current_view()
        if view == "people":
            return self.people.current_person_id()
        if view in ("today", "followups") and view in self._built:
            focus = QApplication.focusWidget()
            lists = (
                (self.today.owe, self.today.waiting) if view == "today" else (self.followups.list,)
            )
            for promises in sorted(lists, key=lambda w: w is not focus):
                promise = promises.current()
                if promise is not None:
                    return promise.person_id
        if view == "events" and "events" in self._built:
            guest = self.events.selected_attendee()
            if guest is not None:
                return guest.person_id
        return None

    def _for_person(self, act: Callable[[str], object]) -> None:
        """Run ``act(person_id)`` for the person in context, or say how to pick one."""
        person_id = self._person_in_context()
        if person_id is None:
            self.show_view("people")
            self.statusBar().showMessage(self.tr("Choose someone first, then try again."), 6000)
            return
        act(person_id)

    def new_person(self, name: str = "") -> str | None:
        """Ask for a name (and a little more), create the person, show their card."""
        from desktop.services import people
        from desktop.ui.people.dialogs.person_dialog import NewPersonDialog
        from desktop.ui.people.history_actions import run_dialog

        dialog = NewPersonDialog(self, name=name)
        if not run_dialog(dialog):
            return None
        values = dialog.values()
        command = CreateCommand(
            self.tr("New person %1").replace("%1", values["full_name"]),
            lambda: people.create_person(**values),
            people.delete_person,
            people.restore_person,
        )
        if not push(self.undo_stack, command) or command.row_id is None:
            return None
        self.open_person(command.row_id)
        self.people.person_view.editor.bindings["headline"].widget.setFocus()
        return command.row_id

    def new_event(self) -> None:
        self.show_view("events")
        self.events.event_actions.new_event()

    def delete_selected(self) -> None:
        """Delete what has the focus: a person, a timeline entry, an event, a guest."""
        focus = QApplication.focusWidget()
        if "people" in self._built:
            view = self.people.person_view
            if focus is self.people.list:
                self.people.delete_person()
                return
            entry = view.timeline.current_entry()
            if focus is view.timeline and entry is not None:
                self.history.delete_entry(entry)
                return
            if focus is view.editor.contacts.table:
                view.editor.contacts.remove_current()
                return
        if "events" in self._built:
            if focus is self.events.list:
                self.events.event_actions.delete_event()
            elif focus is self.events.table:
                self.events.event_actions.remove_attendee()

    def open_capture(self) -> None:
        """Quick capture: the capture window when its module exists, else a short note."""
        self.captureRequested.emit()
        if importlib.util.find_spec("desktop.ui.capture.window") is None:
            self._message(
                self.tr("Quick capture"),
                self.tr(
                    "Quick capture is on its way: a small window for notes right after "
                    "you meet someone."
                ),
            )
            return
        from desktop.ui.capture import window as capture_window

        # The person in view comes along, so "Met Ana…" needs no name typed twice.
        person = self.people.current_person_id() if self.current_view() == "people" else None
        prefill = {"person_ids": [person]} if person else None
        window = self._capture_window
        if window is None:
            window = capture_window.CaptureWindow(prefill, self)
            self._capture_window = window
        elif prefill and hasattr(window, "apply_prefill"):
            window.apply_prefill(prefill)
        if hasattr(window, "present"):
            window.present()
        else:
            window.show()
            window.raise_()
            window.activateWindow()

    def print_briefing(self) -> None:
        """Preview and print a briefing: the event in view, else the person in view."""
        from desktop.ui.briefing.preview_dialog import show_briefing_preview

        event = self.events.current_event() if self.current_view() == "events" else None
        person = self.people.current_person_id()
        if event is None and person is None:
            self.statusBar().showMessage(
                self.tr("Choose an event or a person to brief on first."), 6000
            )
            return
        self.people.person_view.commit_pending()
        if event is not None:
            show_briefing_preview(self, event_id=event.id)
        elif person is not None:
            show_briefing_preview(self, person_ids=[person])

    def load_demo(self) -> None:
        """Fill an empty network with the 200-person demo (first-run offer)."""
        try:
            from desktop.services.demo import build_demo
        except ImportError:
            self._message(
                self.tr("Demo network"),
                self.tr("The demo network is not available in this version."),
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.statusBar().showMessage(self.tr("Creating a demo network of 200 people…"))
        try:
            build_demo(people=200, seed=1)
        except Exception as exc:  # shown, never raised into the event loop
            self._message(self.tr("Demo network"), str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Demo network ready: 200 people to explore."), 8000)
        self.show_view("today")

    def _message(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("messageBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, never blocks the caller
        self.statusBar().showMessage(title, 4000)
        return box

    def show_shortcuts(self) -> None:
        rows = []
        for spec in SPECS:
            action = self.actions_by_id.get(spec.id)
            if spec.widget_only:
                keys = shortcut_text(spec.id)
            elif action is not None:
                keys = ", ".join(s.toString() for s in action.shortcuts())
            else:
                continue
            if keys:
                label = html.escape(translate(spec.text).replace("&", ""))
                rows.append(
                    f"<tr><td><b>{html.escape(keys)}</b></td><td>&nbsp;&nbsp;{label}</td></tr>"
                )
        self._message(self.tr("Keyboard Shortcuts"), "<table>" + "".join(rows) + "</table>")

    def show_about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Rapport"),
            self.tr(
                "<b>Rapport %1</b><p>Who you know, what you talked about and what you "
                "promised — kept on your own computer.</p><p>Your data: <tt>%2</tt></p>"
            )
            .replace("%1", __version__)
            .replace("%2", html.escape(str(self.data_folder))),
        )
