"""One person: the editable card (:mod:`desktop.ui.people.editor`) above their timeline.

The view decides whom to show and when to reload — when a store notification concerns
the person — and carries the timeline's requests (log, promise, exchange, edit, delete)
to :class:`desktop.ui.people.history_actions.HistoryActions`. Switching person or closing the
window first saves whatever is still only typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import PersonCard
from desktop.ui.kit.icons import icon
from desktop.ui.kit.style import MARGIN, SPACING, scaled_font
from desktop.ui.kit.widgets.section import Section
from desktop.ui.people.editor import PersonEditor
from desktop.ui.people.entry_reader import EntryReader
from desktop.ui.people.history_actions import HistoryActions
from desktop.ui.people.timeline import TimelineList
from desktop.ui.people.trust_chart import TrustChart

#: Below this width (logical pixels) the person view uses its compact layout.
COMPACT_WIDTH = 760


class PersonView(QWidget):
    openPersonRequested = Signal(str)

    def __init__(
        self, stack: QUndoStack, history: HistoryActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personView")
        self.setAccessibleName(self.tr("Person"))
        self._stack = stack
        self._history = history
        self._person_id: str | None = None
        self._card: PersonCard | None = None
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.timeout.connect(self.refresh)

        self._pages = QStackedLayout(self)
        self._placeholder = QLabel(
            self.tr("Choose someone on the left to see their card and history."), self
        )
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setObjectName("personPlaceholder")
        self._pages.addWidget(self._placeholder)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("personSplitter")
        self.splitter.setChildrenCollapsible(False)
        self._pages.addWidget(self.splitter)

        scroll = QScrollArea(self.splitter)
        scroll.setObjectName("personCardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor = PersonEditor(stack, scroll)
        self.editor.openPersonRequested.connect(self.openPersonRequested)
        self.editor.reloadRequested.connect(lambda: self.refresh(force=True))
        scroll.setWidget(self.editor)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self._build_timeline())
        # The timeline is the heart of a relationship: it gets most of the height.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 420])
        self._adapt(0)  # compact until the first resize says there is room

    def _build_timeline(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("timelineBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, 0)
        # Trust over time (#17), folded by default and remembered: on a laptop the
        # timeline below it is what needs the height (#13).
        self.trust_chart = TrustChart(box)
        self.trust_chart_section = Section(
            "trustChart", self.tr("Trust over time"), self.trust_chart, open_by_default=False
        )
        layout.addWidget(self.trust_chart_section)
        # Title and buttons share a row when there is room; on a laptop the buttons
        # take a row of their own rather than be elided ("Log c…ation").
        self._header_box = QWidget(box)
        self._header_box.setObjectName("timelineHeader")
        self._timeline_header = QGridLayout(self._header_box)
        self._timeline_header.setContentsMargins(0, 0, 0, 0)
        self.timeline_title = QLabel(self.tr("Timeline"), box)
        self.timeline_title.setFont(scaled_font(self.font(), 1.0, bold=True))
        self._timeline_buttons = QHBoxLayout()
        self._timeline_buttons.setContentsMargins(0, 0, 0, 0)
        self._timeline_buttons.addStretch(1)
        self._buttons: list[QToolButton] = []
        for text, icon_name, slot, name in (
            (
                self.tr("Log conversation"),
                "conversation",
                self.log_conversation,
                "logConversationButton",
            ),
            (self.tr("New promise"), "promise", self.new_promise, "newPromiseButton"),
            (self.tr("Record exchange"), "trust", self.record_exchange, "recordExchangeButton"),
        ):
            button = QToolButton(box)
            button.setObjectName(name)
            button.setText(text)
            button.setIcon(icon(icon_name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(text)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            self._buttons.append(button)
            self._timeline_buttons.addWidget(button)
        self._timeline_header.addWidget(self.timeline_title, 0, 0)
        self._timeline_header.addLayout(self._timeline_buttons, 0, 1)
        layout.addWidget(self._header_box)
        self.timeline_splitter = QSplitter(Qt.Orientation.Vertical, box)
        self.timeline_splitter.setObjectName("timelineSplitter")
        self.timeline_splitter.setChildrenCollapsible(False)
        self.timeline = TimelineList(self.timeline_splitter)
        self.timeline.editRequested.connect(self._edit_entry)
        self.timeline.deleteRequested.connect(self._history.delete_entry)
        self.timeline.resolveRequested.connect(lambda e, how: self._history.resolve(e.ref_id, how))
        self.reader = EntryReader(self.timeline_splitter)
        self.timeline.selectionModel().currentChanged.connect(
            lambda *_: self.reader.show_entry(self.timeline.current_entry())
        )
        self.timeline_splitter.addWidget(self.timeline)
        self.timeline_splitter.addWidget(self.reader)
        self.timeline_splitter.setStretchFactor(0, 3)
        self.timeline_splitter.setStretchFactor(1, 1)
        layout.addWidget(self.timeline_splitter, 1)
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._adapt(event.size().width())

    def _adapt(self, width: int) -> None:
        """Below :data:`COMPACT_WIDTH` the card and the timeline header rearrange."""
        compact = width < COMPACT_WIDTH
        self.editor.set_compact(compact)
        header = self._timeline_header
        header.removeWidget(self.timeline_title)
        header.removeItem(self._timeline_buttons)
        header.addWidget(self.timeline_title, 0, 0)
        header.addLayout(self._timeline_buttons, 1 if compact else 0, 0 if compact else 1)
        # The header never asks for more than the buttons' own row: the wide layout (title
        # beside them) is only used when there is room, so it must not widen the window —
        # a window shrinking from wide to a laptop size is never held back by it.
        spacing = self._timeline_buttons.spacing()
        needed = sum(b.sizeHint().width() for b in self._buttons) + spacing * len(self._buttons)
        self._header_box.setMinimumWidth(needed)

    def person_id(self) -> str | None:
        return self._person_id

    def card(self) -> PersonCard | None:
        return self._card

    def show_person(self, person_id: str | None) -> None:
        """Show ``person_id`` (None: the placeholder), saving unsaved edits first."""
        if person_id == self._person_id:
            return
        self.commit_pending()
        self._person_id = person_id
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> None:
        from desktop.services import people, timeline, trust_timeline, ui_queries

        pid = self._person_id
        if pid is None:
            self._card = None
            self.editor.trust.clear()
            self.trust_chart.clear()
            self._pages.setCurrentWidget(self._placeholder)
            return
        try:
            card = people.get_person(pid)
        except LookupError:
            self._person_id = None
            self.refresh()
            return
        self._card = card
        self._pages.setCurrentWidget(self.splitter)
        self.editor.load(card, force=force)
        self.editor.trust.show_reading(card.first_name, ui_queries.reading_of(pid))
        self.trust_chart.set_history(*trust_timeline.over_time(pid))  # ~1 ms a person
        self._load_timeline(timeline.timeline_of(pid))

    def _load_timeline(self, entries: list) -> None:
        current = self.timeline.current_entry()
        self.timeline.timeline_model.set_entries(entries)
        self.timeline_title.setText(self.tr("Timeline (%1)").replace("%1", str(len(entries))))
        if current is not None:
            self.timeline.select_ref(current.ref_id)
        self.reader.show_entry(self.timeline.current_entry())

    def on_changes(self, people_touched: set[str], changes: frozenset[tuple[str, str]]) -> None:
        """Reload soon if a notification concerns this person (or an event they attend)."""
        if self._person_id is None:
            return
        if self._person_id in people_touched or any(e == "event" for e, _ in changes):
            self._reload_timer.start(0)

    def commit_pending(self) -> None:
        """Save whatever is still only in an editor (closing, switching person)."""
        self.editor.commit_pending()

    def set_known_tags(self, tags: list[str]) -> None:
        self.editor.set_known_tags(tags)

    def log_conversation(self) -> None:
        if self._person_id:
            self.commit_pending()
            self._history.log_conversation(self._person_id)

    def new_promise(self) -> None:
        if self._person_id:
            self.commit_pending()
            self._history.new_promise(self._person_id)

    def record_exchange(self) -> None:
        if self._person_id:
            self.commit_pending()
            self._history.record_exchange(self._person_id)

    def _edit_entry(self, entry: object) -> None:
        if self._person_id:
            self._history.edit_entry(entry, self._person_id)  # type: ignore[arg-type]

    def select_entry(self, ref_id: str) -> bool:
        return self.timeline.select_ref(ref_id)
