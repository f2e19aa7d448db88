"""What the main window's everyday actions do: new person or event, delete, capture, print.

Composed into :class:`~desktop.ui.shell.main_window.MainWindow` (as ``edit_actions``),
which builds and switches the views: this object only turns an action into dialogs,
undoable commands and navigation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop.ui.kit.undo import CreateCommand, push
from desktop.ui.shell.window_part import WindowPart

if TYPE_CHECKING:
    from desktop.ui.capture.window import CaptureWindow


class EditActions(WindowPart):
    """New person or event, delete what has the focus, quick capture, print a briefing."""

    capture_window: CaptureWindow | None = None  # built on first use

    def person_in_context(self) -> str | None:
        """The person the user is looking at: the card shown, or the selected promise's
        or guest's person on Today, Follow-ups and Events."""
        w = self.window
        view = w.current_view()
        if view == "people":
            return w.people.current_person_id()
        if view in ("today", "followups") and w.is_built(view):
            focus = QApplication.focusWidget()
            lists = (w.today.owe, w.today.waiting) if view == "today" else (w.followups.list,)
            for promises in sorted(lists, key=lambda lst: lst is not focus):
                promise = promises.current()
                if promise is not None:
                    return promise.person_id
        if view == "events" and w.is_built("events"):
            guest = w.events.selected_attendee()
            if guest is not None:
                return guest.person_id
        return None

    def for_person(self, act: Callable[[str], object]) -> None:
        """Run ``act(person_id)`` for the person in context, or say how to pick one."""
        person_id = self.person_in_context()
        if person_id is None:
            self.window.show_view("people")
            self.window.statusBar().showMessage(
                self.tr("Choose someone first, then try again."), 6000
            )
            return
        act(person_id)

    def new_person(self, name: str = "") -> str | None:
        """Ask for a name (and a little more), create the person, show their card."""
        from desktop.services import people
        from desktop.ui.people.dialogs.person_dialog import NewPersonDialog
        from desktop.ui.people.history_actions import run_dialog

        w = self.window
        dialog = NewPersonDialog(w, name=name)
        if not run_dialog(dialog):
            return None
        values = dialog.values()
        email = dialog.email_address()
        same_email = people.people_with_email(email)
        existing = list(dict.fromkeys([*same_email, *people.people_named(values["full_name"])]))
        if existing:
            name = existing[0][1] if len(existing) == 1 else values["full_name"]
            choice = self.ask_existing(name, len(existing))
            if choice == "open":
                w.open_person(existing[0][0])
                return existing[0][0]
            if choice != "add":
                return None
        from desktop.ui.settings import keys

        cadence = keys.read_int(keys.DEFAULT_CADENCE, 0)
        if cadence > 0:  # Preferences: a default pace for new people (0: the circle's)
            values.setdefault("cadence_days", cadence)

        def create() -> str:
            person_id = people.create_person(**values)
            if email:
                people.add_contact_point(person_id=person_id, kind="email", value=email)
            return person_id

        command = CreateCommand(
            self.tr("New person %1").replace("%1", values["full_name"]),
            create,
            people.delete_person,
            people.restore_person,
        )
        if not push(w.undo_stack, command) or command.row_id is None:
            return None
        w.open_person(command.row_id)
        w.people.person_view.editor.bindings["headline"].widget.setFocus()
        return command.row_id

    def ask_existing(self, name: str, count: int) -> str | None:
        """ "open" the existing person, "add" another of that name, or None (cancel)."""
        from PySide6.QtWidgets import QMessageBox  # not before the first frame (#15)

        box = QMessageBox(self.window)
        box.setObjectName("personExistsBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already in Rapport"))
        box.setText(
            self.tr("%1 is already in Rapport.").replace("%1", name)
            if count == 1
            else self.tr("%2 people named %1 are already in Rapport.")
            .replace("%1", name)
            .replace("%2", str(count))
        )
        box.setInformativeText(self.tr("Open the existing card, or add someone new?"))
        open_button = box.addButton(self.tr("&Open Existing"), QMessageBox.ButtonRole.AcceptRole)
        add_button = box.addButton(self.tr("&Add Another"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_button else "add" if clicked is add_button else None

    def new_event(self) -> None:
        self.window.show_view("events")
        self.window.events.event_actions.new_event()

    def delete_selected(self) -> None:
        """Delete what has the focus: a person, a timeline entry, an event, a guest."""
        w = self.window
        focus = QApplication.focusWidget()
        if w.is_built("people"):
            view = w.people.person_view
            if focus is w.people.list:
                w.people.delete_person()
                return
            entry = view.timeline.current_entry()
            if focus is view.timeline and entry is not None:
                w.history.delete_entry(entry)
                return
            if focus is view.editor.contacts.table:
                view.editor.contacts.remove_current()
                return
        if w.is_built("events"):
            if focus is w.events.list:
                w.events.event_actions.delete_event()
            elif focus is w.events.table:
                w.events.event_actions.remove_attendee()

    def open_capture(self) -> None:
        """Quick capture; the person in view comes along, so "Met Ana…" needs no name
        typed twice."""
        from desktop.ui.capture.window import CaptureWindow

        w = self.window
        w.captureRequested.emit()
        person = w.people.current_person_id() if w.current_view() == "people" else None
        prefill = {"person_ids": [person]} if person else None
        window = self.capture_window
        if window is None:
            window = CaptureWindow(prefill, w)
            window.undo_stack = w.undo_stack  # each save is one Edit ▸ Undo step
            self.capture_window = window
        elif prefill:
            window.apply_prefill(prefill)
        window.present()

    def print_briefing(self) -> None:
        """Preview and print a briefing: the event in view, else the person in view."""
        from desktop.ui.briefing.preview_dialog import show_briefing_preview

        w = self.window
        event = w.events.current_event() if w.current_view() == "events" else None
        person = w.people.current_person_id()
        if event is None and person is None:
            w.statusBar().showMessage(
                self.tr("Choose an event or a person to brief on first."), 6000
            )
            return
        w.people.person_view.commit_pending()
        if event is not None:
            show_briefing_preview(w, event_id=event.id)
        elif person is not None:
            show_briefing_preview(w, person_ids=[person])

    def close(self) -> None:
        """The window is closing: so is its capture window."""
        if self.capture_window is not None:
            self.capture_window.close()
