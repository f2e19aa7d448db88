"""The main window as a whole: its named parts, actions and shortcuts, views, state."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListView, QListWidget, QPushButton, QSplitter, QWidget

from desktop.ui.people.trust_meter import TrustMeter

NAMED = {
    "sidebar": QListWidget,
    "peopleList": QListView,
    "personView": QWidget,
    "timeline": QListView,
    "trustMeter": TrustMeter,
    "todayView": QWidget,
    "followUpsView": QWidget,
    "eventsView": QWidget,
    "searchField": QWidget,
}


def test_every_named_part_exists_once(window) -> None:
    assert window.objectName() == "mainWindow"
    for name, kind in NAMED.items():
        found = window.findChildren(kind, name)
        assert len(found) == 1, name


def test_sidebar_lists_the_views_in_order(window) -> None:
    sidebar = window.findChild(QListWidget, "sidebar")
    texts = [sidebar.item(i).text() for i in range(sidebar.count())]
    # #17 added Circles and Who knows whom after the first four.
    assert texts == ["Today", "People", "Events", "Follow-ups", "Circles", "Who knows whom"]


def test_main_shortcuts_are_declared(window) -> None:
    expected = {
        "new_person": "Ctrl+N",
        "log_conversation": "Ctrl+L",
        "new_promise": "Ctrl+Shift+P",
        "print_briefing": "Ctrl+P",
        "capture": "Ctrl+Shift+N",
        "view_today": "Ctrl+1",
        "view_followups": "Ctrl+4",
    }
    for action_id, key in expected.items():
        shortcuts = window.actions_by_id[action_id].shortcuts()
        assert QKeySequence(key) in shortcuts, action_id
    find = window.actions_by_id["find"].shortcuts()
    assert QKeySequence("Ctrl+F") in find and QKeySequence("Ctrl+K") in find
    for action in window.actions_by_id.values():
        assert action.text() and action.statusTip(), action.objectName()


def test_every_action_is_in_a_menu(window) -> None:
    in_menus = {a for menu in window.menuBar().findChildren(QWidget) for a in menu.actions()}
    for action_id, action in window.actions_by_id.items():
        assert action in in_menus, action_id


def test_ctrl_k_focuses_search(window, qtbot) -> None:
    window.people.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_view_shortcuts_switch_pages(window, qtbot, ana) -> None:
    window._check_empty()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.events
    assert window.current_view() == "events"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.followups


def test_first_run_offers_demo_data(window, qtbot) -> None:
    assert window.pages.currentWidget() is window.welcome
    demo = window.welcome.findChild(QPushButton, "emptyDemo")
    assert demo.isVisible() and demo.accessibleName()
    demo.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.today, timeout=20_000)
    qtbot.waitUntil(lambda: window.people.model.visible_count() == 200, timeout=20_000)
    assert not window.actions_by_id["demo_data"].isEnabled()


def test_window_remembers_view_sort_and_splitters(make_window, ana, qtbot) -> None:
    first = make_window()
    first.show_view("events")
    first.people.set_sort("trust")
    first.people.splitter.setSizes([450, 800])
    saved = first.people.splitter.sizes()
    first.close()
    assert QSettings().value("window/lastView") == "events"
    second = make_window()
    assert second.current_view() == "events"
    assert second.people.sort_key() == "trust"
    assert second.actions_by_id["sort_trust"].isChecked()
    restored = second.findChild(QSplitter, "peopleSplitter").sizes()
    assert abs(restored[0] - saved[0]) <= 2


def test_accessible_names_on_controls(window, qtbot, ana) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QSpinBox,
    )

    window.open_person(ana)
    missing = []
    for kind in (
        QLineEdit,
        QPlainTextEdit,
        QComboBox,
        QSpinBox,
        QAbstractItemView,
        QAbstractButton,
    ):
        for widget in window.findChildren(kind):
            if not widget.isVisibleTo(window) or isinstance(widget, QHeaderView):
                continue
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QSpinBox)):
                continue  # the editor inside a combo or spin box speaks through its owner
            spoken = widget.accessibleName()
            if not spoken and isinstance(widget, QAbstractButton):
                spoken = widget.text()  # a button's label is its accessible name
            if not spoken:
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, missing


def test_capture_opens_the_capture_window_with_the_person_in_view(window, qtbot, ana) -> None:
    window.open_person(ana)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    capture = window.findChild(QWidget, "captureWindow")
    assert capture is not None
    qtbot.waitUntil(capture.isVisible)
    capture.close()


def test_f1_lists_every_shortcut(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = window.findChild(QWidget, "messageBox")
    assert box is not None
    text = box.text()
    for key in ("Ctrl+N", "Ctrl+L", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+K", "Ctrl+Shift+N"):
        assert key in text
    assert "<b>K</b>" in text and "Mark Kept" in text
    box.close()


def test_print_briefing_is_in_the_file_menu_with_its_shortcut(window) -> None:
    action = window.actions_by_id["print_briefing"]
    assert QKeySequence("Ctrl+P") in action.shortcuts()  # Ctrl+P prints, as everywhere
    file_menu = window.menuBar().findChild(QWidget, "menu_file")
    assert action in file_menu.actions()


def test_demo_without_the_demo_module_says_so(window, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "desktop.services.demo", None)  # import fails
    window.welcome.demo_button.click()
    box = window.findChild(QWidget, "messageBox")
    assert box is not None and box.windowTitle() == "Demo network"
    assert window.pages.currentWidget() is window.welcome
    box.close()


def test_icons_are_crisp_and_missing_ones_are_empty(qapp) -> None:
    from PySide6.QtCore import QSize

    from desktop.ui.kit.icons import icon

    people = icon("people")
    assert not people.isNull()
    pixmap = people.pixmap(QSize(20, 20), 2.0)
    assert (pixmap.width(), pixmap.height()) == (40, 40)  # drawn for the screen's ratio
    assert icon("no-such-icon").isNull()
