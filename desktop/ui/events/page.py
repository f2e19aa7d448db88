"""Events: the list (upcoming first), one event's details and its guest list.

It owns its list, detail pane and guest table and talks to the rest of the window
through a signal and the shared undo stack. What the buttons do — every change an
undoable command — lives in :mod:`desktop.ui.events.actions`; the guest table's model
in :mod:`desktop.ui.events.attendees_model`.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import AttendanceView, EventView
from desktop.ui.events.actions import EventActions
from desktop.ui.events.attendees_model import COLUMNS, AttendeesModel
from desktop.ui.kit import format as fmt
from desktop.ui.kit.icons import icon
from desktop.ui.kit.lines import PAYLOAD_ROLE, Line, LineDelegate, LinesModel
from desktop.ui.kit.style import MARGIN, SPACING, make_muted, scaled_font

RELEVANT = frozenset({"event", "attendance", "person"})


class EventsView(QWidget):
    openPersonRequested = Signal(str)

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self.setAccessibleName(self.tr("Events"))
        self._event: EventView | None = None
        self._dirty = True
        self.event_actions = EventActions(self, stack)

        self.list = QListView(self)
        self.list.setObjectName("eventsList")
        self.list.setAccessibleName(self.tr("Events"))
        self.lines = LinesModel(self.list)
        self.list.setModel(self.lines)
        self.list.setItemDelegate(LineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self.event_actions.edit_event())
        self.list.installEventFilter(self)

        new = self._button(
            self.tr("&New Event…"), "events", self.event_actions.new_event, "newEventButton"
        )
        import_button = self._button(
            self.tr("&Import invite (.ics)…"),
            "import",
            self.event_actions.import_invite,
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
            self._button(
                self.tr("&Edit…"), "settings", self.event_actions.edit_event, "editEventButton"
            )
        )
        actions.addWidget(
            self._button(
                self.tr("&Delete"), "delete", self.event_actions.delete_event, "deleteEventButton"
            )
        )
        actions.addStretch(1)
        briefing = QHBoxLayout()
        briefing.addWidget(
            self._button(
                self.tr("Suggest f&ocus"),
                "keep",
                self.event_actions.suggest_focus,
                "suggestFocusButton",
                self.tr("Suggest the few guests worth most of your time, with reasons"),
            )
        )
        briefing.addWidget(
            self._button(
                self.tr("De&brief"),
                "capture",
                self.event_actions.debrief,
                "debriefButton",
                self.tr("List the people you met here and write a note about each"),
            )
        )
        briefing.addWidget(
            self._button(
                self.tr("Prin&t briefing…"),
                "print",
                self.event_actions.print_briefing,
                "printBriefingButton",
                self.tr("Preview and print a briefing sheet for this event's focus people"),
            )
        )
        briefing.addStretch(1)
        self.guests_heading = QLabel(box)
        self.guests_heading.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.attendees = AttendeesModel(box)
        self.attendees.changeRequested.connect(self.event_actions.change_attendance)
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
                self.tr("&Add Attendee…"),
                "person-add",
                self.event_actions.add_attendee,
                "addAttendeeButton",
            )
        )
        guests.addWidget(
            self._button(
                self.tr("Met / E&xpected"), "keep", self.event_actions.toggle_met, "toggleMetButton"
            )
        )
        guests.addWidget(
            self._button(
                self.tr("&Remove"),
                "delete",
                self.event_actions.remove_attendee,
                "removeAttendeeButton",
            )
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
        self.load(event_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        payload = current.data(PAYLOAD_ROLE) if current.isValid() else None
        if isinstance(payload, EventView):
            self.load(payload.id)

    def load(self, event_id: str) -> None:
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

    def selected_attendee(self) -> AttendanceView | None:
        return self.attendees.attendee(self.table.currentIndex().row())

    def _attendee_activated(self, index: QModelIndex) -> None:
        a = self.attendees.attendee(index.row())
        if a is not None and COLUMNS[index.column()] == "name":
            self.openPersonRequested.emit(a.person_id)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if watched is self.list and event.key() == Qt.Key.Key_Delete:
                self.event_actions.delete_event()
                return True
            if (
                watched is self.table
                and event.key() == Qt.Key.Key_Delete
                and self.table.state() != QAbstractItemView.State.EditingState
            ):
                self.event_actions.remove_attendee()
                return True
        return False
