"""What the user can do on the Events page, as dialogs and undoable commands.

Kept apart from :mod:`desktop.ui.events.page` (the list, the detail pane and the guest
table): each action asks, pushes a command onto the shared undo stack, and tells the
page what to show next. Create, edit, delete and attendee changes are undoable; the
briefing helpers (invite import, focus, debrief, print) open their dialogs from
:mod:`desktop.ui.events.prep_dialogs` and :mod:`desktop.ui.briefing.preview_dialog`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.records import EventView
from desktop.ui.kit.undo import CallCommand, CreateCommand, DeleteCommand, UpdateCommand, push

if TYPE_CHECKING:
    from desktop.ui.events.page import EventsView


class EventActions(QObject):
    """The Events page's actions; dialogs open over the page, commands go on ``stack``."""

    def __init__(self, page: EventsView, stack: QUndoStack) -> None:
        super().__init__(page)
        self.page = page
        self._stack = stack
        self.import_dialog: QWidget | None = None
        self.focus_dialog: QWidget | None = None
        self.debrief_dialog: QWidget | None = None
        self.capture_window: QWidget | None = None

    @property
    def _event(self) -> EventView | None:
        return self.page.current_event()

    # --- Event commands ---------------------------------------------------------------

    def new_event(self) -> str | None:
        from desktop.services import events
        from desktop.ui.events.event_dialog import EventDialog
        from desktop.ui.people.history_actions import run_dialog

        dialog = EventDialog(self.page)
        if not run_dialog(dialog):
            return None
        values = dialog.values()
        command = CreateCommand(
            self.tr("New event %1").replace("%1", values["title"]),
            lambda: events.create_event(**values),
            events.delete_event,
            events.restore_event,
        )
        if push(self._stack, command) and command.row_id:
            self.page.refresh()
            self.page.select_event(command.row_id)
            return command.row_id
        return None

    def edit_event(self) -> None:
        from desktop.services import events
        from desktop.ui.events.event_dialog import EventDialog
        from desktop.ui.people.history_actions import run_dialog

        event = self._event
        if event is None:
            return
        dialog = EventDialog(self.page, existing=event)
        if not run_dialog(dialog):
            return
        values = {k: v for k, v in dialog.values().items() if v != getattr(event, k)}
        if values:
            push(
                self._stack,
                UpdateCommand(self.tr("Edit event"), events.update_event, event.id, values),
            )

    def delete_event(self) -> None:
        from desktop.services import events

        if self._event is not None:
            push(
                self._stack,
                DeleteCommand(
                    self.tr("Delete event %1").replace("%1", self._event.title),
                    self._event.id,
                    events.delete_event,
                    events.restore_event,
                ),
            )

    # --- Attendee commands ------------------------------------------------------------

    def add_attendee(self) -> None:
        from desktop.services import events
        from desktop.ui.events.event_dialog import AttendeeDialog
        from desktop.ui.people.history_actions import run_dialog

        event = self._event
        if event is None:
            return
        dialog = AttendeeDialog(self.page, exclude={a.person_id for a in event.attendees})
        if not run_dialog(dialog):
            return
        values = dialog.values()
        push(
            self._stack,
            CreateCommand(
                self.tr("Add attendee"),
                lambda: events.add_attendee(event_id=event.id, **values),
                events.remove_attendee,
                lambda _row_id: events.add_attendee(event_id=event.id, **values),
            ),
        )

    def remove_attendee(self) -> None:
        from desktop.services import events

        a = self.page.selected_attendee()
        if a is None:
            return
        push(
            self._stack,
            CallCommand(
                self.tr("Remove %1").replace("%1", a.person_name),
                lambda: events.remove_attendee(a.id),
                lambda: events.add_attendee(
                    event_id=a.event_id,
                    person_id=a.person_id,
                    status=a.status,
                    why=a.why,
                    focus=a.focus,
                ),
            ),
        )

    def toggle_met(self) -> None:
        a = self.page.selected_attendee()
        if a is not None:
            self.change_attendance(a.id, "status", "expected" if a.status == "met" else "met")

    def change_attendance(self, attendance_id: str, field: str, value: object) -> None:
        from desktop.services import events

        push(
            self._stack,
            UpdateCommand(
                self.tr("Change attendee"), events.update_attendance, attendance_id, {field: value}
            ),
        )

    # --- Briefing: invites, focus, debrief, print -------------------------------------

    def import_invite(self, path: str | None = None) -> str | None:
        """Choose an .ics file, preview what it adds, and import it; returns the event id."""
        from desktop.services import calendar_import
        from desktop.ui.events.prep_dialogs import ImportPreviewDialog

        title = self.tr("Import invite")
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self.page,
                title,
                "",
                self.tr("Calendar invitations (*.ics);;All files (*)"),
            )
        if not path:
            return None
        try:
            preview = calendar_import.preview_invite(path)
        except (ValueError, LookupError) as exc:
            QMessageBox.warning(self.page, title, self.tr("Nothing was imported.") + f"\n\n{exc}")
            return None
        dialog = ImportPreviewDialog(preview, self.page)
        self.import_dialog = dialog
        try:
            if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
                return None
            keys = dialog.create_keys()
        finally:
            self.import_dialog = None
            dialog.deleteLater()
        from desktop.services.change_sets import change_mark
        from desktop.ui.kit.undo import BatchCommand, push

        before = change_mark()
        try:
            result = calendar_import.apply_invite(preview, create_unmatched=keys)
        except Exception as exc:  # a store error: the transaction rolled back
            QMessageBox.warning(self.page, title, self.tr("Nothing was imported.") + f"\n\n{exc}")
            return None
        # the invite (event, guests, new people) is one Edit ▸ Undo step, like any edit
        name = Path(path).name
        push(self._stack, BatchCommand(self.tr("Import {0}").format(name), before, change_mark()))
        self.page.refresh()
        self.page.select_event(result.event_id)
        return result.event_id

    def suggest_focus(self) -> bool:
        """Show whom to focus on; applying pushes an undoable focus change."""
        from desktop.services import briefing
        from desktop.ui.events.prep_dialogs import FocusCommand, FocusDialog

        event = self._event
        if event is None:
            return False
        try:
            advice = briefing.suggest_focus(event.id)
        except LookupError as exc:
            QMessageBox.information(self.page, self.tr("Suggest focus"), str(exc))
            return False
        dialog = FocusDialog(advice, self.page)
        self.focus_dialog = dialog
        try:
            if dialog.exec() != FocusDialog.DialogCode.Accepted:
                return False
            chosen = dialog.chosen()
        finally:
            self.focus_dialog = None
            dialog.deleteLater()
        ok = push(
            self._stack,
            FocusCommand(
                self.tr("Focus on %1 people").replace("%1", str(len(chosen))),
                event.id,
                chosen,
                briefing.set_focus,
            ),
        )
        self.page.load(event.id)
        return ok

    def debrief(self) -> QWidget | None:
        """List the people met at the event; activating one opens a capture note."""
        from desktop.services import briefing
        from desktop.ui.events.prep_dialogs import DebriefDialog

        event = self._event
        if event is None:
            return None
        try:
            entries = briefing.debrief_list(event.id)
        except LookupError as exc:
            QMessageBox.information(self.page, self.tr("Debrief"), str(exc))
            return None
        dialog = DebriefDialog(event.title, entries, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.personActivated.connect(lambda pid, eid=event.id: self.open_capture(pid, eid))
        dialog.show()
        self.debrief_dialog = dialog
        return dialog

    def open_capture(self, person_id: str, event_id: str) -> QWidget:
        from desktop.ui.capture.window import CaptureWindow

        window = CaptureWindow(
            {"person_ids": [person_id], "event_id": event_id}, self.page.window()
        )
        window.undo_stack = self._stack  # each save is one Edit ▸ Undo step
        window.present()
        self.capture_window = window
        return window

    def print_briefing(self) -> QWidget | None:
        from desktop.ui.briefing.preview_dialog import show_briefing_preview

        if self._event is None:
            return None
        return show_briefing_preview(self.page, event_id=self._event.id)
