"""The main window: sidebar (Today, People, Events, Follow-ups, Circles, Who knows whom),
search, menus, undo.

It composes the views and owns what they share — the undo stack, the background
readers, the bridge from store notifications to Qt — and nothing else: each view loads
and refreshes itself. To paint first, only the view on screen is built during
construction; the others are built right after the first paint (or the moment anything
asks for them). The window remembers its geometry, splitters and last view, and never
loses typing on close.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.kit.action_specs import MENUS, SPECS, TOOLBAR, apply_spec, translate
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.icons import icon
from desktop.ui.kit.signals import StoreBridge
from desktop.ui.kit.undo import errors
from desktop.ui.people.history_actions import HistoryActions
from desktop.ui.search.field import SearchField
from desktop.ui.settings import keys
from desktop.ui.shell.app_actions import AppActions
from desktop.ui.shell.edit_actions import EditActions
from desktop.ui.shell.file_actions import FileActions
from desktop.ui.shell.sync_actions import SyncActions

if TYPE_CHECKING:
    from desktop.domain.records import SearchHit
    from desktop.services.store import FirstLook
    from desktop.ui.capture.inbox import Inbox
    from desktop.ui.circles.page import CirclesView
    from desktop.ui.events.page import EventsView
    from desktop.ui.followups.page import FollowUpsView
    from desktop.ui.kit.empty_state import EmptyState
    from desktop.ui.network.page import NetworkView
    from desktop.ui.people.page import PeoplePage
    from desktop.ui.shell.session import DesktopSession
    from desktop.ui.today.page import TodayView

VIEWS = ("today", "people", "events", "followups", "circles", "network")
PAGES = (*VIEWS, "welcome")
SORTS = ("name", "last_contact", "trust")


class MainWindow(QMainWindow):
    """Builds and switches the views; what its actions do lives in composed objects:
    ``edit_actions``, ``file_actions``, ``sync_actions``, ``app_actions`` and
    ``history`` (a relationship's history)."""

    captureRequested = Signal()
    #: The store's full open, deferred past the first frame, refused the file (it changed
    #: since the first look): the message to show; the window is not usable.
    storeRefused = Signal(str)

    def __init__(self, data_folder: Path, first_look: FirstLook | None = None) -> None:
        """``first_look``: the first frame's values read without peewee when the store's
        full open waits for that frame (``services.store.open_after_first_look``)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.data_folder = data_folder
        self.setAcceptDrops(True)  # a contacts file dropped anywhere is imported
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        # Three readers, so a slow bulk load never delays Today or a search; held until
        # the first frame is drawn, so no read competes with it for the interpreter.
        self.bulk_tasks = TaskManager(self, cache_kib=2048, keep_connection=False, held=True)
        self.view_tasks = TaskManager(self, cache_kib=4096, held=True)
        self.search_tasks = TaskManager(self, cache_kib=8192, held=True)
        self._starting = True  # until the first frame is on screen
        self._after_paint: list[Callable[[], None]] = []
        self.bridge = StoreBridge(self)
        self.history = HistoryActions(self, self.undo_stack)
        self.edit_actions = EditActions(self)
        self._inbox: Inbox | None = None  # notes from the phone (#12): after the first frame
        self.after_first_paint(lambda: self.inbox)
        self.file_actions = FileActions(self)
        self.sync_actions = SyncActions(self)
        self.app_actions = AppActions(self)
        self.session: DesktopSession | None = None  # set by the session that serves it
        self.actions_by_id: dict[str, QAction] = {}
        self._built: dict[str, QWidget] = {}
        self._to_build: list[str] = []
        self._closed = False

        self._build_actions()
        self._build_chrome()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().setObjectName("statusBar")
        self.bridge.changed.connect(self._on_changes)
        errors.failed.connect(self._show_problem)
        self.history.openEventRequested.connect(self.open_event)

        self.resize(1280, 820)
        # Nothing read before the first paint needs an upgrade yet (version 1), and the
        # write is a file sync: after the first frame. A migration of keys read here
        # would have to run here instead.
        self.after_first_paint(keys.upgrade)
        self._restore_geometry()
        self._network_empty = not (
            first_look.has_people if first_look is not None else self._has_people()
        )
        self.actions_by_id["demo_data"].setEnabled(self._network_empty)
        # The first frame shows the view the user left, built now; the other views, and
        # whatever else waits for the first paint (sync, the draft offer), come after it.
        # "person": People's person view, when no person has built it by then.
        self._to_build = ["people", "today", "followups", "events", "welcome", "person"]
        self.show_view(keys.read_text(keys.LAST_VIEW, "today"))
        self.installEventFilter(self)
        QTimer.singleShot(500, self._finish_start)  # also when no paint ever comes (hidden)

    # --- Building -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        for spec in SPECS:
            if spec.widget_only:
                continue  # K/B/R/S live on their lists
            if spec.id == "undo":
                action = self.undo_stack.createUndoAction(self, translate("&Undo"))
            elif spec.id == "redo":
                action = self.undo_stack.createRedoAction(self, translate("&Redo"))
            else:
                action = QAction(self)
            apply_spec(action, spec)
            self.addAction(action)
            self.actions_by_id[spec.id] = action
        a = self.actions_by_id
        edit, files, sync, app = (
            self.edit_actions,
            self.file_actions,
            self.sync_actions,
            self.app_actions,
        )
        for_person = edit.for_person
        a["new_person"].triggered.connect(lambda: edit.new_person())
        a["capture"].triggered.connect(edit.open_capture)
        a["new_event"].triggered.connect(edit.new_event)
        a["delete"].triggered.connect(edit.delete_selected)
        a["print_briefing"].triggered.connect(edit.print_briefing)
        a["demo_data"].triggered.connect(files.load_demo)
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self.focus_search)
        a["log_conversation"].triggered.connect(lambda: for_person(self.history.log_conversation))
        a["new_promise"].triggered.connect(lambda: for_person(self.history.new_promise))
        a["record_exchange"].triggered.connect(lambda: for_person(self.history.record_exchange))
        a["choose_photo"].triggered.connect(
            lambda: for_person(lambda _p: self.people.person_view.editor.photo.choose())
        )
        a["delete_person"].triggered.connect(lambda: for_person(self.people.delete_person))
        a["shortcuts"].triggered.connect(app.show_shortcuts)
        a["about"].triggered.connect(app.show_about)
        a["preferences"].triggered.connect(app.show_preferences)
        a["calendar_settings"].triggered.connect(app.show_calendar_settings)
        a["import_file"].triggered.connect(lambda: files.import_file())
        a["export_file"].triggered.connect(files.export_file)
        a["duplicates"].triggered.connect(files.show_duplicates)
        a["restore_backup"].triggered.connect(files.restore_backup)
        a["sync_now"].triggered.connect(sync.sync_now)
        a["sync_settings"].triggered.connect(sync.show_settings)
        a["sync_conflicts"].triggered.connect(sync.show_conflicts)
        views = QActionGroup(self)
        for view in VIEWS:
            action = a[f"view_{view}"]
            views.addAction(action)
            action.triggered.connect(lambda _=False, v=view: self.show_view(v))
        sorts = QActionGroup(self)
        for key in SORTS:
            action = a[f"sort_{key}"]
            sorts.addAction(action)
            action.triggered.connect(lambda _=False, k=key: self.people.set_sort(k))
        sort = keys.read_text(keys.PEOPLE_SORT, "name")
        a[f"sort_{sort if sort in SORTS else 'name'}"].setChecked(True)

    def _build_chrome(self) -> None:
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.sidebar.setFixedWidth(176)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setSpacing(2)
        for view in VIEWS:
            action = self.actions_by_id[f"view_{view}"]
            item = QListWidgetItem(icon(view), action.text().replace("&", ""), self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, view)
            item.setToolTip(action.toolTip())
            item.setSizeHint(QSize(160, 36))
        self.sidebar.currentRowChanged.connect(
            lambda row: self.show_view(VIEWS[row]) if row >= 0 else None
        )
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.search = SearchField(
            self,
            lambda: [(s.id, s.full_name) for s in self.people.model.summaries()],
            self._run_search,
        )
        self.search.hitChosen.connect(self.open_hit)
        central = QWidget(self)
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # Start with the sections list focused (arrow keys switch views); Ctrl+K searches.
        self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_menus(self) -> None:
        for menu_id, title, items in MENUS:
            menu = self.menuBar().addMenu(translate(title))
            menu.setObjectName(f"menu_{menu_id}")
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif item in self.actions_by_id:
                    menu.addAction(self.actions_by_id[item])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in TOOLBAR:
            if item is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions_by_id[item])
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    # --- Pages, built on demand ---------------------------------------------------------

    def _page(self, name: str) -> Any:
        page = self._built.get(name)
        if page is None:
            page = self._make_page(name)
            self._built[name] = page
            if name in self._to_build:
                self._to_build.remove(name)
        return page

    def _make_page(self, name: str) -> QWidget:
        if name == "today":
            from desktop.ui.today.page import TodayView

            page: QWidget = TodayView(self.view_tasks, self.history, self.pages)
            if self._inbox is not None:
                self._add_inbox_banner(page)
            page.openPersonRequested.connect(self.open_person)
            page.openEventRequested.connect(self.open_event)
        elif name == "people":
            from desktop.ui.people.page import PeoplePage

            page = PeoplePage(self.bulk_tasks, self.undo_stack, self.history, self.pages)
            self._restore_splitter("people", page.splitter)
            page.person_splitter_state = keys.read_bytes(keys.SPLITTER_PREFIX + "person")
            page.set_sort(keys.read_text(keys.PEOPLE_SORT, "name"))
            page.sort_combo.currentIndexChanged.connect(self._sort_changed)
            page.rowsReplaced.connect(self.search.names_changed)
            page.start_loading()
        elif name == "events":
            from desktop.ui.events.page import EventsView

            page = EventsView(self.undo_stack, self.pages)
            self._restore_splitter("events", page.splitter)
            page.openPersonRequested.connect(self.open_person)
        elif name == "followups":
            from desktop.ui.followups.page import FollowUpsView

            page = FollowUpsView(self.view_tasks, self.history, self.pages)
            page.openPersonRequested.connect(self.open_person)
        elif name == "circles":
            from desktop.ui.circles.page import CirclesView

            page = CirclesView(self.view_tasks, self.undo_stack, self.pages)
            page.openPersonRequested.connect(self.open_person)
        elif name == "network":
            from desktop.ui.network.page import NetworkView

            page = NetworkView(self.bulk_tasks, self.pages)
            page.openPersonRequested.connect(self.open_person)
        elif name == "welcome":
            from desktop.ui.kit.empty_state import EmptyState

            page = EmptyState(self.pages)
            page.addPersonRequested.connect(lambda: self.edit_actions.new_person())
            page.demoRequested.connect(self.file_actions.load_demo)
            page.importRequested.connect(self.actions_by_id["import_file"].trigger)
        else:
            raise KeyError(name)
        self.pages.addWidget(page)
        return page

    @property
    def today(self) -> TodayView:
        return self._page("today")

    @property
    def people(self) -> PeoplePage:
        return self._page("people")

    @property
    def events(self) -> EventsView:
        return self._page("events")

    @property
    def followups(self) -> FollowUpsView:
        return self._page("followups")

    @property
    def circles(self) -> CirclesView:
        return self._page("circles")

    @property
    def network_view(self) -> NetworkView:
        return self._page("network")

    @property
    def welcome(self) -> EmptyState:
        return self._page("welcome")

    def is_built(self, name: str) -> bool:
        """Whether page ``name`` exists yet (asking for it would build it)."""
        return name in self._built

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)  # one look at the first paint, then out of the way
            QTimer.singleShot(0, self._finish_start)
        return False

    @property
    def inbox(self) -> Inbox:
        """Notes from the phone's inbox folder (#12): made after the first frame (its
        module, watcher and dialog types cost ~5 ms, and its first look at the folder
        waits for the frame anyway), or when something asks for it earlier; its banner
        joins Today then ("3 notes from your phone"; hidden until the folder is read)."""
        if self._inbox is None:
            from desktop.ui.capture.inbox import Inbox

            self._inbox = Inbox(self)
            today = self._built.get("today")
            if today is not None:
                self._add_inbox_banner(today)
        return self._inbox

    def _add_inbox_banner(self, today: QWidget) -> None:
        today.layout().insertWidget(1, self.inbox.banner(today))

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the first frame is on screen (at once if it already is)."""
        if self._starting:
            self._after_paint.append(work)
        else:
            work()

    def _finish_start(self) -> None:
        """After the first frame: what waited for it, then the other views one by one."""
        if not self._starting or self._closed:
            return
        self._starting = False
        if not self._open_deferred_store():
            return
        for tasks in (self.view_tasks, self.bulk_tasks, self.search_tasks):
            tasks.release()
        waiting, self._after_paint = self._after_paint, []
        for work in waiting:
            QTimer.singleShot(0, work)
        QTimer.singleShot(0, self._build_next)

    def _open_deferred_store(self) -> bool:
        """The store's full open, when it waited for the first frame: before any reader
        starts or anything that waited runs (an earlier use of the store opened it)."""
        from desktop.services import store

        refused = store.open_deferred()
        if refused:
            self._to_build.clear()  # nothing more starts over a refused file
            self.storeRefused.emit(refused)
            return False
        return True

    def _build_next(self) -> None:
        """Build one remaining page per event-loop turn, so input stays responsive."""
        if self._to_build and not self._closed:
            if self._to_build[0] == "person":
                self._to_build.pop(0)
                self.people.person_view  # noqa: B018  (built on first use)
            else:
                self._page(self._to_build[0])
            QTimer.singleShot(0, self._build_next)

    # --- Views --------------------------------------------------------------------------

    def current_view(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "today"

    def show_view(self, view: str) -> None:
        if view not in VIEWS:
            view = "today"
        row = VIEWS.index(view)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # re-enters through currentRowChanged
            return
        self.actions_by_id[f"view_{view}"].setChecked(True)
        if self._network_empty and view in ("today", "people"):
            self.pages.setCurrentWidget(self.welcome)
            return
        self.pages.setCurrentWidget(self._page(view))
        if view == "people":
            # Choosing the first card opens a whole person (their card, timeline, trust
            # history): at start-up that waits for the first frame, which shows the list.
            self.after_first_paint(self.people.select_first)

    def open_person(self, person_id: str) -> None:
        self.show_view("people")
        self.people.select_person(person_id)

    def open_event(self, event_id: str) -> None:
        self.show_view("events")
        self.events.select_event(event_id)

    def open_hit(self, hit: SearchHit) -> None:
        """A search hit: the person, or the conversation selected in its person's timeline."""
        if not hit.person_id:
            return
        self.open_person(hit.person_id)
        if hit.type == "conversation":
            self.people.person_view.select_entry(hit.id)
            self.people.person_view.timeline.setFocus()
        else:
            self.people.list.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self, query: str, deliver: Any) -> None:
        from desktop.services.search import search

        self.search_tasks.run("search", lambda: search(query), deliver)

    # --- Changes ------------------------------------------------------------------------

    def _on_changes(self, changes: frozenset[tuple[str, str]]) -> None:
        if self._closed:
            return
        built = self._built
        if "people" in built:
            from desktop.services.ui_queries import people_touched

            built["people"].on_changes(people_touched(changes), changes)
        for name in ("today", "followups", "events", "circles", "network"):
            if name in built:
                built[name].on_changes(changes)
        if any(entity == "person" for entity, _ in changes):
            self.search.names_changed()
            self._check_empty()

    def _check_empty(self) -> None:
        empty = not self._has_people()
        if empty != self._network_empty:
            self._network_empty = empty
            self.show_view(self.current_view())
        self.actions_by_id["demo_data"].setEnabled(empty)

    @staticmethod
    def _has_people() -> bool:
        from desktop.services.ui_queries import has_people

        return has_people()

    def _show_problem(self, message: str) -> None:
        self.statusBar().showMessage(message, 12000)

    # --- State --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = keys.read_bytes(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._fit_default_size()
        state = keys.read_bytes(keys.STATE)
        if state is not None:
            self.restoreState(state, keys.STATE_VERSION)

    def _fit_default_size(self) -> None:
        """First run: the default size, but never larger than the screen's free area (a
        1366×768 laptop at 125 % leaves about 1090×615), centred on it."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if self.width() <= area.width() and self.height() <= area.height():
            return
        self.resize(self.size().boundedTo(area.size()))
        self.move(area.center() - self.rect().center())

    @staticmethod
    def _restore_splitter(name: str, splitter: QSplitter) -> None:
        saved = keys.read_bytes(keys.SPLITTER_PREFIX + name)
        if saved is not None:
            splitter.restoreState(saved)

    def _sort_changed(self) -> None:
        key = self.people.sort_key()
        if f"sort_{key}" in self.actions_by_id:
            self.actions_by_id[f"sort_{key}"].setChecked(True)

    def save_state(self) -> None:
        keys.write(keys.GEOMETRY, self.saveGeometry())
        keys.write(keys.STATE, self.saveState(keys.STATE_VERSION))
        keys.write(keys.LAST_VIEW, self.current_view())
        built = self._built
        if "people" in built:
            keys.write(keys.SPLITTER_PREFIX + "people", built["people"].splitter.saveState())
            if built["people"].has_person_view():  # else the saved one still stands
                keys.write(
                    keys.SPLITTER_PREFIX + "person",
                    built["people"].person_view.splitter.saveState(),
                )
            keys.write(keys.PEOPLE_SORT, built["people"].sort_key())
        if "events" in built:
            keys.write(keys.SPLITTER_PREFIX + "events", built["events"].splitter.saveState())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.file_actions.accepts_drop(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.file_actions.drop(event):
            super().dropEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            if "people" in self._built and self._built["people"].has_person_view():
                self._built["people"].person_view.commit_pending()  # never lose typing
            self.save_state()
            self._closed = True
            self._to_build.clear()
            self.bridge.close()
            self.sync_actions.stop()
            for tasks in (self.bulk_tasks, self.view_tasks, self.search_tasks):
                tasks.shutdown(timeout=3.0)
            self.edit_actions.close()
            if self._inbox is not None:
                self._inbox.close()
        super().closeEvent(event)

    def wait_until_idle(self) -> bool:
        """True when every page is built and no background read is pending (tests, benchmarks)."""
        if (self._starting or self._to_build) and not self._closed:
            return False
        return not any(t.is_busy() for t in (self.bulk_tasks, self.view_tasks, self.search_tasks))
