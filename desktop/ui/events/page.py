"""Events: the list (upcoming first), one event's details and its guest list.

Self-contained on purpose — the briefing work will extend this view (print a sheet
for an event's focus people), so it owns its list, detail pane and attendee table and
talks to the rest of the window through two signals and the shared undo stack.
Every change (create, edit, delete, attendees) is an undoable command.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import AttendanceView, EventView
from desktop.ui.kit import format as fmt
from desktop.ui.kit.icons import icon
from desktop.ui.kit.lines import PAYLOAD_ROLE, Line, LineDelegate, LinesModel
from desktop.ui.kit.style import MARGIN, SPACING, make_muted, scaled_font
from desktop.ui.kit.undo import CallCommand, CreateCommand, DeleteCommand, UpdateCommand, push

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("focus", "name", "status", "why")
RELEVANT = frozenset({"event", "attendance", "person"})


class AttendeesModel(QAbstractTableModel):
    """Guests: focus (checkbox), name, expected/met, why. Edits go out as requests."""

    changeRequested = Signal(str, str, object)  # attendance id, field, value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceView] = []

    def set_attendees(self, rows: tuple[AttendanceView, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attendee(self, row: int) -> AttendanceView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Focus"), self.tr("Name"), self.tr("Status"), self.tr("Why meet them"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "focus":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if a.focus else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("focus") if a.focus else self.tr("no focus")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "name":
                return a.person_name
            if column == "status":
                return self.tr("Met") if a.status == "met" else self.tr("Expected")
            return a.why
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = COLUMNS[index.column()]
        if column == "focus":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == "why":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        a = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "focus" and role == Qt.ItemDataRole.CheckStateRole:
            checked = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
            self.changeRequested.emit(a.id, "focus", bool(checked))
            return True
        if column == "why" and role == Qt.ItemDataRole.EditRole and str(value).strip() != a.why:
            self.changeRequested.emit(a.id, "why", str(value).strip())
            return True
        return False


class EventsView(QWidget):
    openPersonRequested = Signal(str)

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self.setAccessibleName(self.tr("Events"))
        self._stack = stack
        self._event: EventView | None = None
        self._dirty = True
        self.import_dialog: QWidget | None = None
        self.focus_dialog: QWidget | None = None
        self.debrief_dialog: QWidget | None = None
        self.capture_window: QWidget | None = None

        self.list = QListView(self)
        self.list.setObjectName("eventsList")
        self.list.setAccessibleName(self.tr("Events"))
        self.lines = LinesModel(self.list)
        self.list.setModel(self.lines)
        self.list.setItemDelegate(LineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self.edit_event())
        self.list.installEventFilter(self)

        new = self._button(self.tr("&New Event…"), "events", self.new_event, "newEventButton")
        import_button = self._button(
            self.tr("&Import invite (.ics)…"),
            "import",
            self.import_invite,
            "importInviteButton",
            self.tr("Add an event and its guests from a calendar invitation (.ics file)"),
        )
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(MARGIN, MARGIN, 0, MARGIN)
        heading = QLabel(self.tr("Events"), left)
        heading.setFont(scaled_font(self.font(), 1.5, bold=True))
        column.addWidget(heading)
        column.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(import_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.detail = QStackedWidget(self)
        empty = QLabel(
            self.tr("No event chosen. Plan one with “New Event…”: whom to meet, and why."), self
        )
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.addWidget(empty)
        self.detail.addWidget(self._build_detail())

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("eventsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([340, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _button(
        self, text: str, icon_name: str, slot: Any, name: str, tip: str = ""
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if tip:
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    def _build_detail(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(MARGIN * 2, MARGIN, MARGIN * 2, MARGIN)
        layout.setSpacing(SPACING)
        self.title = QLabel(box)
        self.title.setObjectName("eventTitle")
        self.title.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.title.setWordWrap(True)
        self.when = QLabel(box)
        self.when.setObjectName("eventWhen")
        make_muted(self.when)
        self.about = QLabel(box)
        self.about.setObjectName("eventAbout")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(
            self._button(self.tr("&Edit…"), "settings", self.edit_event, "editEventButton")
        )
        actions.addWidget(
            self._button(self.tr("&Delete"), "delete", self.delete_event, "deleteEventButton")
        )
        actions.addStretch(1)
        briefing = QHBoxLayout()
        briefing.addWidget(
            self._button(
                self.tr("Suggest f&ocus"),
                "keep",
                self.suggest_focus,
                "suggestFocusButton",
                self.tr("Suggest the few guests worth most of your time, with reasons"),
            )
        )
        briefing.addWidget(
            self._button(
                self.tr("De&brief"),
                "capture",
                self.debrief,
                "debriefButton",
                self.tr("List the people you met here and write a note about each"),
            )
        )
        briefing.addWidget(
            self._button(
                self.tr("Prin&t briefing…"),
                "print",
                self.print_briefing,
                "printBriefingButton",
                self.tr("Preview and print a briefing sheet for this event's focus people"),
            )
        )
        briefing.addStretch(1)
        self.guests_heading = QLabel(box)
        self.guests_heading.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.attendees = AttendeesModel(box)
        self.attendees.changeRequested.connect(self._change_attendance)
        self.table = QTableView(box)
        self.table.setObjectName("attendeesTable")
        self.table.setAccessibleName(self.tr("Attendees"))
        self.table.setModel(self.attendees)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._attendee_activated)
        self.table.installEventFilter(self)
        guests = QHBoxLayout()
        guests.addWidget(
            self._button(
                self.tr("&Add Attendee…"), "person-add", self.add_attendee, "addAttendeeButton"
            )
        )
        guests.addWidget(
            self._button(self.tr("Met / E&xpected"), "keep", self.toggle_met, "toggleMetButton")
        )
        guests.addWidget(
            self._button(self.tr("&Remove"), "delete", self.remove_attendee, "removeAttendeeButton")
        )
        guests.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addLayout(actions)
        layout.addLayout(briefing)
        layout.addWidget(self.about)
        layout.addSpacing(SPACING)
        layout.addWidget(self.guests_heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(guests)
        return box

    # --- Loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        from desktop.services.events import list_events

        self._dirty = False
        now = datetime.now()
        lines = []
        for e in list_events(now=now):
            upcoming = (e.ends_at or e.starts_at or now) >= now
            detail = " · ".join(
                p
                for p in (fmt.day_and_time(e.starts_at), e.place, self._people(e.attendee_count))
                if p
            )
            badge = fmt.relative_day(e.starts_at) if upcoming else ""
            lines.append(Line(e.id, e.title, detail, badge, None, "event", e))
        current = self._event.id if self._event else None
        self.lines.set_lines(lines)
        if current and not self.select_event(current):
            self._show(None)

    def _people(self, count: int) -> str:
        return self.tr("1 person") if count == 1 else self.tr("%1 people").replace("%1", str(count))

    def select_event(self, event_id: str) -> bool:
        if self._dirty:
            self.refresh()
        row = self.lines.row_of(event_id)
        if row < 0:
            return False
        index = self.lines.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self._load(event_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        payload = current.data(PAYLOAD_ROLE) if current.isValid() else None
        if isinstance(payload, EventView):
            self._load(payload.id)

    def _load(self, event_id: str) -> None:
        from desktop.services.events import get_event

        try:
            self._show(get_event(event_id))
        except LookupError:
            self._show(None)

    def _show(self, event: EventView | None) -> None:
        self._event = event
        if event is None:
            self.detail.setCurrentIndex(0)
            return
        self.detail.setCurrentIndex(1)
        self.title.setText(event.title)
        when = fmt.day_and_time(event.starts_at)
        if event.ends_at:
            when += " – " + (
                f"{event.ends_at:%H:%M}"
                if event.starts_at and event.ends_at.date() == event.starts_at.date()
                else fmt.day_and_time(event.ends_at)
            )
        self.when.setText(" · ".join(p for p in (when, event.place) if p))
        parts = []
        if event.goals:
            parts.append(f"<b>{self.tr('Goals')}</b><br>{html.escape(event.goals)}")
        if event.notes:
            parts.append(f"<b>{self.tr('Notes')}</b><br>{html.escape(event.notes)}")
        self.about.setText("<br><br>".join(parts) or f"<i>{self.tr('No goals or notes yet.')}</i>")
        self.attendees.set_attendees(event.attendees)
        met = sum(1 for a in event.attendees if a.status == "met")
        self.guests_heading.setText(
            self.tr("Guests · %1 expected, %2 met")
            .replace("%1", str(len(event.attendees) - met))
            .replace("%2", str(met))
        )

    def current_event(self) -> EventView | None:
        return self._event

    def on_changes(self, changes: frozenset[tuple[str, str]]) -> None:
        if any(entity in RELEVANT for entity, _ in changes):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
        if self._event is None and self.lines.rowCount():
            self.list.setCurrentIndex(self.lines.index(0))

    # --- Event commands ---------------------------------------------------------------

    def new_event(self) -> str | None:
        from desktop.services import events
        from desktop.ui.events.event_dialog import EventDialog
        from desktop.ui.people.history_actions import run_dialog

        dialog = EventDialog(self)
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
            self.refresh()
            self.select_event(command.row_id)
            return command.row_id
        return None

    def edit_event(self) -> None:
        from desktop.services import events
        from desktop.ui.events.event_dialog import EventDialog
        from desktop.ui.people.history_actions import run_dialog

        event = self._event
        if event is None:
            return
        dialog = EventDialog(self, existing=event)
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
        dialog = AttendeeDialog(self, exclude={a.person_id for a in event.attendees})
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

    def selected_attendee(self) -> AttendanceView | None:
        return self.attendees.attendee(self.table.currentIndex().row())

    def remove_attendee(self) -> None:
        from desktop.services import events

        a = self.selected_attendee()
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
        a = self.selected_attendee()
        if a is not None:
            self._change_attendance(a.id, "status", "expected" if a.status == "met" else "met")

    def _change_attendance(self, attendance_id: str, field: str, value: object) -> None:
        from desktop.services import events

        push(
            self._stack,
            UpdateCommand(
                self.tr("Change attendee"), events.update_attendance, attendance_id, {field: value}
            ),
        )

    def _attendee_activated(self, index: QModelIndex) -> None:
        a = self.attendees.attendee(index.row())
        if a is not None and COLUMNS[index.column()] == "name":
            self.openPersonRequested.emit(a.person_id)

    # --- Briefing: invites, focus, debrief, print -------------------------------------

    def import_invite(self, path: str | None = None) -> str | None:
        """Choose an .ics file, preview what it adds, and import it; returns the event id."""
        from desktop.services import calendar_import
        from desktop.ui.events.prep_dialogs import ImportPreviewDialog

        title = self.tr("Import invite")
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                title,
                "",
                self.tr("Calendar invitations (*.ics);;All files (*)"),
            )
        if not path:
            return None
        try:
            preview = calendar_import.preview_import(path)
        except (ValueError, LookupError) as exc:
            QMessageBox.warning(self, title, self.tr("Nothing was imported.") + f"\n\n{exc}")
            return None
        dialog = ImportPreviewDialog(preview, self)
        self.import_dialog = dialog
        try:
            if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
                return None
            keys = dialog.create_keys()
        finally:
            self.import_dialog = None
            dialog.deleteLater()
        try:
            result = calendar_import.apply_import(preview, create_unmatched=keys)
        except Exception as exc:  # a store error: the transaction rolled back
            QMessageBox.warning(self, title, self.tr("Nothing was imported.") + f"\n\n{exc}")
            return None
        self.refresh()
        self.select_event(result.event_id)
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
            QMessageBox.information(self, self.tr("Suggest focus"), str(exc))
            return False
        dialog = FocusDialog(advice, self)
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
        self._load(event.id)
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
            QMessageBox.information(self, self.tr("Debrief"), str(exc))
            return None
        dialog = DebriefDialog(event.title, entries, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.personActivated.connect(lambda pid, eid=event.id: self.open_capture(pid, eid))
        dialog.show()
        self.debrief_dialog = dialog
        return dialog

    def open_capture(self, person_id: str, event_id: str) -> QWidget:
        from desktop.ui.capture.window import CaptureWindow

        window = CaptureWindow({"person_ids": [person_id], "event_id": event_id}, self.window())
        window.present()
        self.capture_window = window
        return window

    def print_briefing(self) -> QWidget | None:
        from desktop.ui.briefing.preview_dialog import show_briefing_preview

        if self._event is None:
            return None
        return show_briefing_preview(self, event_id=self._event.id)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if watched is self.list and event.key() == Qt.Key.Key_Delete:
                self.delete_event()
                return True
            if (
                watched is self.table
                and event.key() == Qt.Key.Key_Delete
                and self.table.state() != QAbstractItemView.State.EditingState
            ):
                self.remove_attendee()
                return True
        return False
