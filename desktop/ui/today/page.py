"""Today: what I owe (overdue and due first), what I'm waiting on, who is drifting past
their keep-in-touch cadence, which events are coming, and the birthdays (and other dates)
of this week — each line opens its person or event; promises take K/B/R/S right here.

The four lists come from :mod:`desktop.services.today` in one worker task (at 10,000
people they take a few hundred milliseconds), refreshed when a change could alter them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit import format as fmt
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.lazy_refresh import RefreshWhenShown
from desktop.ui.kit.lines import PAYLOAD_ROLE, Line, LineDelegate, LinesModel
from desktop.ui.kit.style import MARGIN, SPACING, make_muted, scaled_font
from desktop.ui.people.history_actions import HistoryActions
from desktop.ui.people.promise_list import PromiseList

if TYPE_CHECKING:  # the records arrive with the first answer, after the first paint
    from desktop.domain.dates import Upcoming  # and so do circles' and dates' rules (#15)
    from desktop.domain.records import CommitmentView, DriftingPerson, EventView
    from desktop.ui.calendar_sync.today_rows import CalendarSuggestions
    from desktop.ui.contacts_sync.today_entry import AddressBookEntry

#: Entities whose changes can alter one of Today's lists.
RELEVANT = frozenset(
    {"commitment", "person", "conversation", "participant", "event", "attendance", "important_date"}
)


class TodayData:
    """Today's lists, read on the worker (a plain class: a dataclass compiles its methods
    when defined, ~0.7 ms before the first frame, #15)."""

    __slots__ = ("dates", "day", "drifting", "owe", "upcoming", "waiting")

    def __init__(
        self,
        owe: list[CommitmentView],
        waiting: list[CommitmentView],
        drifting: list[DriftingPerson],
        upcoming: list[EventView],
        day: date,
        dates: list[Upcoming] | None = None,
    ) -> None:
        self.owe = owe
        self.waiting = waiting
        self.drifting = drifting
        self.upcoming = upcoming
        self.day = day
        self.dates = dates if dates is not None else []


def load_today() -> TodayData:
    from desktop.services import today

    day = date.today()
    return TodayData(
        today.what_i_owe(today=day),
        today.waiting_on(today=day),
        today.drifting(today=day),
        today.upcoming_events(now=datetime.now()),
        day,
        today.dates_this_week(today=day),
    )


class Section(QWidget):
    """A titled list with a friendly line when it is empty."""

    def __init__(
        self, title: str, empty: str, view: QListView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._empty_text = empty
        self.view = view
        self.heading = QLabel(title, self)
        self.heading.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.heading.setBuddy(view)
        view.setAccessibleName(title)
        self.empty = QLabel(self.tr("Loading…"), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        make_muted(self.empty)
        self.empty.setContentsMargins(2, SPACING, 2, 0)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(view)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)  # "Loading…" until the first answer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

    def set_count(self, count: int) -> None:
        self.empty.setText(self._empty_text)
        self.heading.setText(f"{self._title}  ·  {count:,}" if count else self._title)
        self.stack.setCurrentWidget(self.view if count else self.empty)


class TodayView(RefreshWhenShown, QWidget):
    relevant_entities = RELEVANT
    openPersonRequested = Signal(str)
    openEventRequested = Signal(str)
    loaded = Signal()

    def __init__(
        self, tasks: TaskManager, history: HistoryActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.setAccessibleName(self.tr("Today"))
        self._tasks = tasks
        self.init_lazy_refresh()
        self._loaded_once = False
        self._pending = False

        self.title = QLabel(self)
        self.title.setObjectName("todayTitle")
        self.title.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.owe = PromiseList(history, "todayOwe", self)
        self.waiting = PromiseList(history, "todayWaiting", self)
        for promises in (self.owe, self.waiting):
            promises.openPersonRequested.connect(self.openPersonRequested)
            promises.resolved.connect(self._resolved)
        self.drifting = self._lines_view("todayDrifting")
        self.drifting.activated.connect(self._open_drifting)
        self.events = self._lines_view("todayEvents")
        self.events.activated.connect(self._open_event)
        self.dates = self._lines_view("todayDates")
        self.dates.activated.connect(self._open_date)

        self.owe_section = Section(
            self.tr("You owe"),
            self.tr("Nothing owed. Every promise you made is kept or on its way."),
            self.owe,
            self,
        )
        self.waiting_section = Section(
            self.tr("Waiting on"),
            self.tr("Nobody owes you anything right now."),
            self.waiting,
            self,
        )
        self.drifting_section = Section(
            self.tr("Drifting"),
            self.tr("Everyone close is within their keep-in-touch rhythm."),
            self.drifting,
            self,
        )
        self.events_section = Section(
            self.tr("Coming up"), self.tr("No events in the next 30 days."), self.events, self
        )
        self.dates_section = Section(
            self.tr("Birthdays this week"),
            self.tr("No birthdays or other dates in the next seven days."),
            self.dates,
            self,
        )
        hint = QLabel(
            self.tr("K kept · B broken · R released · S snooze a week · Enter opens the person"),
            self,
        )
        hint.setObjectName("todayHint")
        make_muted(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(MARGIN * 2)
        grid.setVerticalSpacing(MARGIN)
        grid.addWidget(self.owe_section, 0, 0)
        grid.addWidget(self.waiting_section, 0, 1)
        grid.addWidget(self.drifting_section, 1, 0)
        grid.addWidget(self.events_section, 1, 1)
        grid.addWidget(self.dates_section, 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN * 2, MARGIN, MARGIN * 2, MARGIN)
        layout.setSpacing(MARGIN)
        layout.addWidget(self.title)
        layout.addLayout(grid, 1)
        layout.addWidget(hint)
        # Two sections hidden until their own reads answer — the calendar's suggestions
        # (#18) and the address book's entry — are built with Today's first answer, after
        # the first frame, or when first asked (#15): see ``calendar``, ``address_book``.
        self._grid, self._layout = grid, layout
        self._calendar: CalendarSuggestions | None = None
        self._address_book: AddressBookEntry | None = None
        self._set_title()

    @property
    def calendar(self) -> CalendarSuggestions:
        """Meetings from the calendar to log (hidden until a calendar is set up, #18)."""
        if self._calendar is None:
            from desktop.ui.calendar_sync.today_rows import CalendarSuggestions

            self._calendar = CalendarSuggestions(self)
            self._calendar.openEventRequested.connect(self.openEventRequested)
            self._grid.addWidget(self._calendar, 3, 0, 1, 2)
        return self._calendar

    @property
    def address_book(self) -> AddressBookEntry:
        """People new from / gone from the phone's address book (hidden when none)."""
        if self._address_book is None:
            from desktop.ui.contacts_sync.today_entry import AddressBookEntry

            self._address_book = AddressBookEntry(parent=self)
            self._address_book.openPersonRequested.connect(self.openPersonRequested)
            self.loaded.connect(self._address_book.refresh)
            self._layout.insertWidget(self._layout.indexOf(self._grid) + 1, self._address_book)
        return self._address_book

    def _lines_view(self, name: str) -> QListView:
        view = QListView(self)
        view.setObjectName(name)
        view.setModel(LinesModel(view))
        view.setItemDelegate(LineDelegate(view))
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setMouseTracking(True)
        return view

    def _set_title(self) -> None:
        now = date.today()
        self.title.setText(
            self.tr("Today · %1").replace(
                "%1", f"{now.strftime('%A')} {now.day} {now.strftime('%B')}"
            )
        )

    # --- Loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self._dirty = False
        self._pending = True
        self._tasks.run("today", load_today, self._apply)

    def is_loaded(self) -> bool:
        return self._loaded_once and not self._dirty and not self._pending

    def _apply(self, data: TodayData) -> None:
        self._pending = False
        self._set_title()
        self.owe.set_promises(data.owe, data.day, group_overdue=True)
        self.waiting.set_promises(data.waiting, data.day)
        self.drifting.model().set_lines([self._drift_line(d) for d in data.drifting])  # type: ignore[attr-defined]
        self.events.model().set_lines([self._event_line(e) for e in data.upcoming])  # type: ignore[attr-defined]
        self.owe_section.set_count(len(data.owe))
        self.waiting_section.set_count(len(data.waiting))
        self.drifting_section.set_count(len(data.drifting))
        self.events_section.set_count(len(data.upcoming))
        self.dates.model().set_lines([self._date_line(u) for u in data.dates])  # type: ignore[attr-defined]
        self.dates_section.set_count(len(data.dates))
        self._loaded_once = True
        # The calendar section is hidden until its own read answers, so asking whether a
        # calendar is set up (a file and five modules) can follow Today's answer, which
        # comes after the first frame (the readers wait for it).
        self.calendar.refresh()
        self.address_book  # noqa: B018  (built now, so Today's answer refreshes it)
        self.loaded.emit()

    def _drift_line(self, d: DriftingPerson) -> Line:
        from desktop.domain import circles

        circle = self.tr(circles.circle(d.circle).label)
        if d.days_since is None:
            detail = self.tr("%1 · never talked").replace("%1", circle)
        else:
            detail = (
                self.tr("%1 · last talked %2, every %3 days")
                .replace("%1", circle)
                .replace("%2", fmt.ago(d.last_contact))
                .replace("%3", str(d.cadence_days))
            )
        late = (d.days_since or 0) - d.cadence_days
        badge = (
            self.tr("%1 days over").replace("%1", str(late))
            if d.days_since is not None and late > 0
            else ""
        )
        return Line(d.id, d.full_name, detail, badge, None, "person", d)

    def _event_line(self, e: EventView) -> Line:
        detail = " · ".join(
            p for p in (e.place, self.tr("%1 people").replace("%1", str(e.attendee_count))) if p
        )
        badge = fmt.relative_day(e.starts_at)
        when = fmt.day_and_time(e.starts_at)
        return Line(e.id, f"{e.title}", f"{when} · {detail}", badge, None, "event", e)

    def _date_line(self, u: Upcoming) -> Line:
        from desktop.domain.dates import when_text

        years = ""
        if u.years:
            years = (self.tr("turns %1") if u.label == "birthday" else self.tr("%1 years")).replace(
                "%1", str(u.years)
            )
        detail = " · ".join(p for p in (self.tr(u.title), years) if p)
        return Line(u.date_id, u.person_name, detail, when_text(u.in_days, u.on), None, "person", u)

    def _open_date(self, index: object) -> None:
        payload = index.data(PAYLOAD_ROLE)  # type: ignore[attr-defined]
        from desktop.domain.dates import Upcoming

        if isinstance(payload, Upcoming):
            self.openPersonRequested.emit(payload.person_id)

    def _resolved(self, _commitment_id: str) -> None:
        for section, promises in (
            (self.owe_section, self.owe),
            (self.waiting_section, self.waiting),
        ):
            section.set_count(promises.lines.rowCount())

    # --- Opening ----------------------------------------------------------------------

    def _open_drifting(self, index: object) -> None:
        from desktop.domain.records import DriftingPerson

        payload = index.data(PAYLOAD_ROLE)  # type: ignore[attr-defined]
        if isinstance(payload, DriftingPerson):
            self.openPersonRequested.emit(payload.id)

    def _open_event(self, index: object) -> None:
        from desktop.domain.records import EventView

        payload = index.data(PAYLOAD_ROLE)  # type: ignore[attr-defined]
        if isinstance(payload, EventView):
            self.openEventRequested.emit(payload.id)
