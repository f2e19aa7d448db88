"""The People page: filters, the card list, and the selected person's view beside it.

Loading is staged so the window paints at once even at 10,000 people: one screenful of
name-sorted cards from a cheap query, then every card (still without trust) from the
worker, then the full summaries (trust, last contact, dues) when the worker has them.
Afterwards, store notifications refresh only the cards of the people they touch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import PersonSummary
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.style import SPACING, make_muted
from desktop.ui.kit.undo import DeleteCommand, push
from desktop.ui.people.delegate import PersonCardDelegate
from desktop.ui.people.history_actions import HistoryActions
from desktop.ui.people.model import ID_ROLE, PeopleModel

if TYPE_CHECKING:
    from desktop.ui.people.person_view import PersonView

FIRST_PAGE = 40
#: More touched people than this in one notification: reload everything in the worker.
BULK_CHANGE = 150


class PeopleList(QListView):
    """The virtualized card list (objectName ``peopleList``)."""

    deleteRequested = Signal(str)

    def __init__(self, model: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleList")
        self.setAccessibleName(self.tr("People"))
        self.setModel(model)
        self.card_delegate = PersonCardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setMinimumWidth(300)

    def keyPressEvent(self, event: object) -> None:
        key = event.key()  # type: ignore[attr-defined]
        index = self.currentIndex()
        if key == Qt.Key.Key_Delete and index.isValid():
            self.deleteRequested.emit(index.data(ID_ROLE))
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


class PeoplePage(QWidget):
    personShown = Signal(str)
    rowsReplaced = Signal()  # a new list of everyone arrived (the search re-reads names)

    def __init__(
        self,
        tasks: TaskManager,
        stack: QUndoStack,
        history: HistoryActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        self._tasks = tasks
        self._stack = stack
        self._pending_changes: set[str] = set()
        self._full_loading = False
        self.model = PeopleModel(self)

        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("peopleSort")
        self.sort_combo.setAccessibleName(self.tr("Sort people by"))
        for key, text in (
            ("name", self.tr("By name")),
            ("last_contact", self.tr("By last contact")),
            ("trust", self.tr("By trust")),
        ):
            self.sort_combo.addItem(text, key)
        self.sort_combo.currentIndexChanged.connect(self._sort_chosen)
        self.circle_combo = QComboBox(self)
        self.circle_combo.setObjectName("circleFilter")
        self.circle_combo.setAccessibleName(self.tr("Show circle"))
        self.circle_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.circle_combo.setMinimumContentsLength(12)
        self.circle_combo.currentIndexChanged.connect(self._filter_chosen)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tagFilter")
        self.tag_combo.setAccessibleName(self.tr("Show tag"))
        self.tag_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_combo.setMinimumContentsLength(8)
        self.tag_combo.currentIndexChanged.connect(self._filter_chosen)
        self.circle_note = QLabel(self)
        self.circle_note.setObjectName("circleNote")
        self.circle_note.setWordWrap(True)
        self.circle_note.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("peopleCount")
        self.count_label.setAccessibleName(self.tr("How many people are shown"))
        make_muted(self.count_label)

        self.list = PeopleList(self.model, self)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.deleteRequested.connect(self.delete_person)
        self._history = history
        self._person_view: PersonView | None = None
        self._known_tags: list[str] = []
        #: The person view's saved splitter, applied when it is built.
        self.person_splitter_state: QByteArray | bytes | None = None
        # Until a person is first shown, what the person view would show with nobody
        # chosen: its card, timeline and trust chart are built then (after the first
        # frame at start-up), not before it.
        self._person_slot = QLabel(
            self.tr("Choose someone on the left to see their card and history."), self
        )
        self._person_slot.setObjectName("personSlot")
        self._person_slot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._person_slot.setWordWrap(True)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(SPACING, SPACING, 0, 0)
        column.setSpacing(SPACING // 2)
        filters = QHBoxLayout()
        filters.addWidget(self.circle_combo, 3)
        filters.addWidget(self.tag_combo, 2)
        filters.addWidget(self.sort_combo, 2)
        column.addLayout(filters)
        column.addWidget(self.circle_note)
        column.addWidget(self.list, 1)
        column.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("peopleSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._person_slot)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._filters_timer = QTimer(self)
        self._filters_timer.setSingleShot(True)
        self._filters_timer.setInterval(200)  # one refresh for a burst of edits
        self._filters_timer.timeout.connect(self.refresh_filters)
        self._filling_filters = False

    @property
    def person_view(self) -> PersonView:
        """The selected person's card and timeline, built the first time it is needed."""
        if self._person_view is None:
            from desktop.ui.people.person_view import PersonView

            view = PersonView(self._stack, self._history, self)
            view.openPersonRequested.connect(self.select_person)
            view.set_known_tags(self._known_tags)
            if self.person_splitter_state is not None:
                view.splitter.restoreState(self.person_splitter_state)
            self._person_view = view
            self.splitter.replaceWidget(1, view)  # same place and size as the stand-in
            self.splitter.setStretchFactor(1, 1)  # the stretch lived on the stand-in
            self._person_slot.deleteLater()
        return self._person_view

    def has_person_view(self) -> bool:
        """Whether the person view exists yet (asking for it would build it)."""
        return self._person_view is not None

    # --- Loading ----------------------------------------------------------------------

    def start_loading(self) -> None:
        """First screenful now; every card, then full summaries, from the worker."""
        from desktop.services import ui_queries

        self.model.set_rows(ui_queries.quick_summaries(limit=FIRST_PAGE), complete=False)
        self._update_count()
        self._filters_timer.start()
        self._tasks.run("people.quick", ui_queries.quick_summaries, self._quick_loaded)
        self.reload_full()

    def reload_full(self) -> None:
        from desktop.services import directory

        self._full_loading = True
        self._update_count()
        self._tasks.run("people.full", directory.summaries, self._full_loaded, self._load_failed)

    def _quick_loaded(self, rows: list[PersonSummary]) -> None:
        if not self.model.is_complete():
            self._apply_rows(rows, complete=False)

    def _full_loaded(self, rows: list[PersonSummary]) -> None:
        self._full_loading = False
        self._apply_rows(rows, complete=True)
        pending, self._pending_changes = self._pending_changes, set()
        self._refresh_people(pending)
        self._update_count()

    def _load_failed(self, error: BaseException) -> None:
        self._full_loading = False
        self.count_label.setText(
            self.tr("Could not read the network: %1").replace("%1", str(error))
        )

    def _apply_rows(self, rows: list[PersonSummary], *, complete: bool) -> None:
        current = self.current_person_id()
        self.model.set_rows(rows, complete=complete)
        if current:
            self._select_row_of(current, scroll=False)
        self._update_count()
        self.rowsReplaced.emit()

    def is_loading(self) -> bool:
        return self._full_loading

    # --- Filters ----------------------------------------------------------------------

    def refresh_filters(self) -> None:
        """Circle sizes against their natural limits, and the tags in use."""
        from desktop.services import directory, people

        sizes = directory.circle_sizes()
        tags = people.all_tags()
        circle, tag = self.model.filters()
        self._filling_filters = True
        try:
            self.circle_combo.clear()
            total = sum(count for _c, count, _n in sizes)
            self.circle_combo.addItem(self.tr("All circles (%1)").replace("%1", f"{total:,}"), None)
            notes = {}
            for c, count, note in sizes:
                if c.limit is None:
                    text = (
                        self.tr("%1 (%2)")
                        .replace("%1", self.tr(c.label))
                        .replace("%2", f"{count:,}")
                    )
                else:
                    text = (
                        self.tr("%1 — %2 of about %3")
                        .replace("%1", self.tr(c.label))
                        .replace("%2", f"{count:,}")
                        .replace("%3", str(c.limit))
                    )
                if note:
                    text += " ⚠"
                    notes[c.key] = note
                self.circle_combo.addItem(text, c.key)
                self.circle_combo.setItemData(
                    self.circle_combo.count() - 1, note or text, Qt.ItemDataRole.ToolTipRole
                )
            self.circle_combo.setCurrentIndex(max(0, self.circle_combo.findData(circle)))
            self.tag_combo.clear()
            self.tag_combo.addItem(self.tr("All tags"), None)
            for name, count in tags:
                self.tag_combo.addItem(f"#{name} ({count:,})", name)
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag)))
        finally:
            self._filling_filters = False
        shown = notes.get(circle or "") or (
            next(iter(notes.values())) if notes and not circle else ""
        )
        self.circle_note.setText(shown)
        self.circle_note.setVisible(bool(shown))
        self._known_tags = [name for name, _ in tags]
        if self._person_view is not None:
            self._person_view.set_known_tags(self._known_tags)

    def _filter_chosen(self) -> None:
        if self._filling_filters:
            return
        self.model.set_filter(
            circle=self.circle_combo.currentData(), tag=self.tag_combo.currentData()
        )
        self._reselect()
        self.refresh_filters()
        self._update_count()

    def _sort_chosen(self) -> None:
        self.model.set_sort(self.sort_combo.currentData())
        self._reselect()

    def set_sort(self, sort: str) -> None:
        index = self.sort_combo.findData(sort)
        if index >= 0:
            self.sort_combo.setCurrentIndex(index)

    def sort_key(self) -> str:
        return str(self.sort_combo.currentData())

    def clear_filters(self) -> None:
        self.model.set_filter(circle=None, tag=None)
        self._filling_filters = True
        self.circle_combo.setCurrentIndex(0)
        self.tag_combo.setCurrentIndex(0)
        self._filling_filters = False
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.visible_count()
        total = len(self.model.summaries())
        if shown == total:
            text = (
                self.tr("%1 people").replace("%1", f"{total:,}")
                if total != 1
                else self.tr("1 person")
            )
        else:
            text = (
                self.tr("%1 of %2 people").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
            )
        if self._full_loading and not self.model.is_complete():
            text += " · " + self.tr("reading trust…")
        self.count_label.setText(text)

    # --- Selection --------------------------------------------------------------------

    def current_person_id(self) -> str | None:
        return self._person_view.person_id() if self._person_view is not None else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pid = current.data(ID_ROLE) if current.isValid() else None
        if pid and pid != self.current_person_id():
            self.person_view.show_person(pid)
            self.personShown.emit(pid)

    def _select_row_of(self, person_id: str, *, scroll: bool = True, centre: bool = False) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if scroll:
            hint = QAbstractItemView.ScrollHint
            self.list.scrollTo(index, hint.PositionAtCenter if centre else hint.EnsureVisible)
        return True

    def _reselect(self) -> None:
        current = self.current_person_id()
        if current and self._select_row_of(current):
            return
        if self.model.rowCount() and not current:
            return
        self.list.scrollToTop()

    def select_person(self, person_id: str) -> None:
        """Show ``person_id``: select their card (clearing filters that hide them)."""
        if self.model.summary(person_id) is None:
            from desktop.services.ui_queries import summary_of

            summary = summary_of(person_id)
            if summary is None:
                return
            self.model.upsert(summary)
        if not self._select_row_of(person_id, centre=True):
            self.clear_filters()
            self._select_row_of(person_id, centre=True)
        self.person_view.show_person(person_id)
        self.personShown.emit(person_id)

    def select_first(self) -> None:
        if self.model.rowCount() and self.current_person_id() is None:
            self.list.setCurrentIndex(self.model.index(0))

    # --- Changes ----------------------------------------------------------------------

    def on_changes(self, touched: set[str], changes: frozenset[tuple[str, str]]) -> None:
        if self._person_view is not None:
            self._person_view.on_changes(touched, changes)
        if any(entity in ("person", "tag") for entity, _ in changes):
            self._filters_timer.start()
        if not touched:
            return
        if self._full_loading:
            self._pending_changes |= touched
        if len(touched) > BULK_CHANGE:
            self.reload_full()
            return
        self._refresh_people(touched)

    def _refresh_people(self, person_ids: set[str]) -> None:
        from desktop.services.ui_queries import summary_of

        for pid in person_ids:
            summary = summary_of(pid)
            if summary is None:
                self.model.remove(pid)
                self.list.card_delegate.avatars.forget(pid)
            else:
                self.list.card_delegate.avatars.forget(pid)
                self.model.upsert(summary)
        current = self.current_person_id()
        if current and current in person_ids:
            self._select_row_of(current, scroll=False)
        self._update_count()

    def delete_person(self, person_id: str | None = None) -> None:
        """Delete (tombstone) a person; Undo brings them back. Only a person linked to an
        address-book card is asked about first (removing the card reaches the phone)."""
        from desktop.services import people
        from desktop.services.contacts_sync import account as contacts

        pid = person_id or self.current_person_id()
        if not pid:
            return
        row = self.model.row_of(pid)
        name = self.model.summary(pid).full_name if self.model.summary(pid) else ""
        delete, restore = people.delete_person, people.restore_person
        linked = _address_book_link(pid)
        if linked is not None:  # linked to a phone card: ask what happens to it
            from desktop.ui.contacts_sync.delete_choice import ask

            remove = ask(self, name, linked)
            if remove is None:
                return

            def delete_and_choose(row_id: str) -> None:
                people.delete_person(row_id)
                contacts.choose_on_delete(row_id, remove)

            def restore_and_withdraw(row_id: str) -> None:
                people.restore_person(row_id)
                contacts.withdraw_delete_choice(row_id)

            delete, restore = delete_and_choose, restore_and_withdraw
        if push(
            self._stack,
            DeleteCommand(
                self.tr("Delete %1").replace("%1", name),
                pid,
                delete,
                restore,
            ),
        ):
            following = (
                self.model.person_at(min(row, self.model.rowCount() - 1)) if row >= 0 else None
            )
            if following is not None:
                self.select_person(following.id)
            else:
                self.person_view.show_person(None)


def _address_book_link(person_id: str) -> bool | None:
    """None when the person has no address-book card; else the remembered default of
    "also remove from the address book". A broken state file never blocks a deletion."""
    from desktop.services.contacts_sync import account as contacts

    try:
        if not contacts.linked_to_card(person_id):
            return None
        return contacts.remove_by_default()
    except Exception:  # unreadable address-book state: delete as before, card kept
        return None
