"""The main window's first frame (#15): the real view, with nothing competing for it.

What the first frame shows is the view the user left, built during construction — not
a placeholder over which it appears later. What it does not need waits for that frame:
the readers' queries, sync's status, the automatic choice of a first person.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop.ui.kit.background import TaskManager


def _unshown_window(qtbot, data_dir: Path, last_view: str | None = None):
    from desktop.ui.settings import keys
    from desktop.ui.shell.main_window import MainWindow

    if last_view:
        QSettings().setValue(keys.LAST_VIEW, last_view)
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    return window


def test_the_view_is_built_before_the_first_frame(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    window = _unshown_window(qtbot, data_dir, "today")
    assert window.pages.currentWidget() is window.today  # already there, nothing in between
    assert window.findChild(QWidget, "startingPlaceholder") is None
    window.resize(1280, 820)
    window.show()  # Today asks for its lists as it is shown …
    assert window.view_tasks.is_busy()
    assert not window.view_tasks._thread.is_alive()  # … and the reader waits for the frame
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert window.pages.currentWidget() is window.today
    assert window.today.owe.lines.rowCount() == 1  # the answer arrived after the frame


def test_people_shows_its_list_first_and_then_the_first_person(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    window = _unshown_window(qtbot, data_dir, "people")
    page = window.pages.currentWidget()
    assert page is window.people
    assert page.model.rowCount() >= 1  # the first screenful of cards is in the first frame
    assert page.current_person_id() is None  # opening a whole person waits for it
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert page.current_person_id() == ana


def test_people_builds_the_person_view_with_the_first_person(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    """The first frame shows what the person view shows with nobody chosen; its card,
    timeline and trust chart are built when the first person is shown, after it."""
    window = _unshown_window(qtbot, data_dir, "people")
    page = window.people
    assert not page.has_person_view()
    assert page.splitter.widget(1).objectName() == "personSlot"
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert page.has_person_view()
    assert page.splitter.widget(1) is page.person_view
    assert page.person_view.person_id() == ana


def test_the_person_splitter_is_restored_when_the_view_is_built(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    def shown(window):
        window.resize(1280, 820)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
        return window.people.person_view.splitter

    first = _unshown_window(qtbot, data_dir, "people")
    splitter = shown(first)
    total = sum(splitter.sizes())
    splitter.setSizes([total // 5, total - total // 5])
    saved = splitter.sizes()
    first.save_state()
    first.hide()
    second = _unshown_window(qtbot, data_dir, "people")
    assert not second.people.has_person_view()
    second.save_state()  # closing before any person was shown keeps the saved sizes
    third = _unshown_window(qtbot, data_dir, "people")
    assert shown(third).sizes() == saved


def test_work_after_the_first_paint_runs_once_in_order(
    qtbot, data_dir: Path, settings_names: None
) -> None:
    window = _unshown_window(qtbot, data_dir)
    done: list[str] = []
    window.after_first_paint(lambda: done.append("a"))
    window.after_first_paint(lambda: done.append("b"))
    assert done == []
    window.show()
    qtbot.waitUntil(lambda: done == ["a", "b"], timeout=5_000)
    window.after_first_paint(lambda: done.append("c"))  # painted already: at once
    assert done == ["a", "b", "c"]


def test_a_held_reader_starts_nothing_until_released(qtbot, data_dir: Path) -> None:
    tasks = TaskManager(cache_kib=256, held=True)
    ran: list[str] = []
    results: list[int] = []
    tasks.run("k", lambda: ran.append(threading.current_thread().name) or 7, results.append)
    qtbot.wait(100)
    assert ran == [] and tasks.is_busy()
    tasks.release()
    qtbot.waitUntil(lambda: results == [7], timeout=5_000)
    assert ran == ["rapport-reader"]
    tasks.shutdown()


def test_a_reader_never_asked_starts_no_thread(qtbot, data_dir: Path) -> None:
    tasks = TaskManager(cache_kib=256)
    assert not tasks._thread.is_alive()
    tasks.shutdown()  # nothing to join


def test_sync_off_never_counts_the_change_log(qtbot, data_dir: Path, monkeypatch) -> None:
    """Counting pending changes reads the whole log (0.4 s at 10,000 people): with sync
    off, neither start-up nor an edit may do it on the GUI thread."""
    from desktop.services import people
    from desktop.storage import outbox
    from desktop.ui.sync.controller import SyncController
    from desktop.ui.sync.status import SyncStatusWidget

    counted: list[int] = []
    original = outbox.pending_count
    monkeypatch.setattr(outbox, "pending_count", lambda: counted.append(1) or original())
    controller = SyncController()
    status = SyncStatusWidget(controller)
    controller.start()
    people.create_person(full_name="Ben Okafor")  # an edit: the controller hears of it
    assert status.label.text() == "Sync off"
    assert counted == []
    assert not SyncController.is_configured()
    controller.shutdown(final_sync=False)


def test_pysides_import_check_gives_its_own_answers_from_the_bytes() -> None:
    """PySide6 asks of every imported module whether its source says "PySide6"; the
    byte search must answer as ``inspect.getsource`` would, without filling linecache."""
    import inspect
    import json
    import linecache
    import sys

    import pytest

    from desktop.domain import trust
    from desktop.ui.kit import pyside_import, style

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no per-module check")
    pyside_import.install()
    check = feature._mod_uses_pyside
    assert getattr(check, "rapport_fast", False)
    for module in (style, trust, json, sys):
        expected = "PySide6" in inspect.getsource(module) if hasattr(module, "__file__") else False
        linecache.clearcache()
        assert check(module) is expected, module.__name__
        assert style.__file__ not in linecache.cache


def test_pysides_import_check_answers_the_standard_library_without_reading_it(
    monkeypatch,
) -> None:
    """The standard library never names PySide6: its modules (typing, inspect …, a
    third of those checked before the first frame) are answered without opening them."""
    import inspect
    import sys
    import typing

    import pytest

    from desktop.ui.kit import pyside_import, style

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no per-module check")
    pyside_import.install()
    check = feature._mod_uses_pyside
    opened: list[str] = []
    real_open = open

    def spy(path: object, *args: object, **kwargs: object) -> object:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(pyside_import, "open", spy, raising=False)
    assert check(typing) is False and check(inspect) is False
    assert opened == []
    assert check(style) is True  # Rapport's own modules are still read
    assert opened == [style.__file__]


def test_the_first_paint_report_names_qt_types_already_made() -> None:
    """The start-up test reads ``loaded``: a Qt type named before the frame must show."""
    from PySide6.QtWidgets import QStyle

    from desktop.ui.shell.session import AFTER_FIRST_PAINT_QT_TYPES, loaded_before_now

    assert QStyle.StateFlag.State_Selected  # made now, as painting a row would
    assert "PySide6.QtWidgets.QStyle" in AFTER_FIRST_PAINT_QT_TYPES
    assert "PySide6.QtWidgets.QStyle" in loaded_before_now()


def test_two_line_rows_still_paint_with_qstyle_imported_late(qtbot) -> None:
    """LineDelegate imports QStyle when it paints (after Today's first frame): a row with
    a marker and a badge, selected, draws its panel and text."""
    from PySide6.QtWidgets import QListView

    from desktop.ui.kit.lines import Line, LineDelegate, LinesModel

    view = QListView()
    qtbot.addWidget(view)
    model = LinesModel(view)
    model.set_lines(
        [Line("a", "Send Ana the deck", "Ana Ruiz · due Friday", badge="overdue", marker="mine")]
    )
    view.setModel(model)
    view.setItemDelegate(LineDelegate(view))
    view.resize(360, 120)
    view.setCurrentIndex(model.index(0))
    image = view.grab().toImage()
    assert not image.isNull()
    background = image.pixelColor(image.width() - 2, image.height() - 2)
    row = view.visualRect(model.index(0))
    colours = {
        image.pixelColor(x, y).name()
        for x in range(row.left(), row.right(), 3)
        for y in range(row.top(), row.bottom(), 3)
    }
    assert len(colours - {background.name()}) > 3  # something was drawn in the row


# --- The store without peewee before the first frame (#15) ------------------------------


def _deferred(data_dir: Path):
    """Close the fixture's store and start as ``rapport`` does on the plain case: the
    first look read without peewee, the full open deferred past the first frame."""
    from desktop.services import store

    store.close_store()
    look = store.first_look(data_dir)
    assert look is not None
    store.open_after_first_look(data_dir)
    return look


def test_the_store_opens_after_the_first_frame_before_any_reader(
    qtbot, data_dir: Path, settings_names: None, ana: str, monkeypatch
) -> None:
    from desktop.services import store
    from desktop.storage import front_door
    from desktop.ui.shell.main_window import MainWindow

    look = _deferred(data_dir)
    assert look.has_people
    window = MainWindow(data_dir, look)
    qtbot.addWidget(window)
    opened: list[bool] = []
    open_store = store.open_store
    monkeypatch.setattr(
        store,
        "open_store",
        lambda *a, **k: opened.append(window.view_tasks._thread.is_alive()) or open_store(*a, **k),
    )
    assert window.pages.currentWidget() is window.today  # people: not the welcome page
    window.resize(1280, 820)
    window.show()
    assert front_door.has_deferred_open() and opened == []  # not before the frame
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert opened == [False]  # once, before the readers started
    assert not front_door.has_deferred_open()
    assert window.today.owe.lines.rowCount() == 1  # read through the store it opened


def test_an_empty_network_shows_the_welcome_page_from_the_first_look(
    qtbot, data_dir: Path, settings_names: None
) -> None:
    from desktop.storage import front_door
    from desktop.ui.shell.main_window import MainWindow

    look = _deferred(data_dir)
    assert not look.has_people
    window = MainWindow(data_dir, look)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.welcome
    assert front_door.has_deferred_open()
    window.show()
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    assert not front_door.has_deferred_open()


def test_a_file_refused_after_the_frame_starts_nothing_over_it(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    """The file changed between the first look and the full open (another program made
    it newer): the window says so through ``storeRefused``; no reader ever starts."""
    import sqlite3

    from desktop import paths
    from desktop.storage import schema
    from desktop.ui.shell.main_window import MainWindow

    look = _deferred(data_dir)
    window = MainWindow(data_dir, look)
    qtbot.addWidget(window)
    with sqlite3.connect(paths.database_path(data_dir)) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    refused: list[str] = []
    window.storeRefused.connect(refused.append)
    window.show()
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert "newer Rapport" in refused[0]
    qtbot.wait(50)
    assert not window.view_tasks._thread.is_alive()
    assert window.view_tasks.is_busy()  # Today's question still waits, never asked


def test_people_reads_its_first_screenful_through_the_full_open(
    qtbot, data_dir: Path, settings_names: None, ana: str
) -> None:
    """People's first screenful is read before the frame: that read runs the deferred
    full open first (the first look serves Today and Welcome only)."""
    from desktop.storage import front_door
    from desktop.ui.settings import keys
    from desktop.ui.shell.main_window import MainWindow

    look = _deferred(data_dir)
    QSettings().setValue(keys.LAST_VIEW, "people")
    window = MainWindow(data_dir, look)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.people
    assert window.people.model.rowCount() == 1
    assert not front_door.has_deferred_open()  # opened by that read, before any frame
