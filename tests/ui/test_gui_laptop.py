"""The person view on a laptop screen (issue #13): 1024×700 and 1280×720 logical pixels.

Each size must show the search field, both trust gauges, every button label in full and
every combo's whole value, with no horizontal scrollbar in the person view.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.services import conversations, people

LONG_NAME = "🌻 Maria Fernanda de los Ángeles Villanueva-Okafor 🚀"
NOTE = "Talked about her sailing trip to the Azores. " * 12 + "She ends with this sentence."

NAMED = (
    "searchField",
    "trustMeter",
    "logConversationButton",
    "newPromiseButton",
    "recordExchangeButton",
    "field_full_name",
    "field_circle",
    "field_cadence_days",
    "field_credibility",
    "timeline",
    "timelineReader",
    "personTrustToggle",
    "personDetailsToggle",
)


@pytest.fixture
def maria(data_dir) -> str:
    pid = people.create_person(
        full_name=LONG_NAME,
        headline="Head of partnerships",
        organization="Harbour Labs",
        circle="acquaintance",
        cadence_days=60,
        credibility=4,
    )
    conversations.log_conversation(
        participants=[pid],
        happened_at=datetime.now() - timedelta(days=3),
        notes=NOTE,
        depth="personal",
    )
    return pid


def _rect_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _settle(qtbot, window, *, narrow: bool = True) -> None:
    qtbot.wait(50)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    if narrow:  # the compact card reaches the window's minimum size on the next pass
        qtbot.waitUntil(lambda: window.minimumSize().width() <= 1024, timeout=5_000)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 720)])
def test_the_person_view_fits_a_laptop_screen(window, qtbot, maria, size) -> None:
    window.open_person(maria)
    _settle(qtbot, window)  # the page is built and laid out, as after a click
    window.resize(*size)
    _settle(qtbot, window)
    assert (window.width(), window.height()) == size
    inside = window.rect()
    for name in NAMED:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.isVisible(), name
        assert inside.contains(_rect_in_window(widget, window)), (name, widget.geometry())
    view = window.people.person_view
    for area in view.findChildren(QAbstractScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), area.objectName()
    toolbar = window.findChild(QToolBar, "mainToolBar")
    for button in [*view.findChildren(QAbstractButton), *toolbar.findChildren(QAbstractButton)]:
        icon_only = (
            isinstance(button, QToolButton)
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if button.isVisible() and button.text() and not icon_only:
            assert button.width() >= button.sizeHint().width(), (button.objectName(), button.text())
    extension = window.findChild(QAbstractButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing fell into "»"
    for combo in view.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText():
            needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
            assert combo.width() >= needed + 20, (combo.objectName(), combo.currentText())


def test_a_long_name_elides_and_shows_in_full_in_a_tooltip(window, qtbot, maria) -> None:
    window.open_person(maria)
    _settle(qtbot, window)  # the page is built and laid out, as after a click
    window.resize(1024, 700)
    _settle(qtbot, window)
    name = window.people.person_view.editor.name_edit
    assert name.text() == LONG_NAME
    assert name.toolTip() == LONG_NAME
    assert name.is_elided()


def test_the_card_adapts_below_1100_pixels(window, qtbot, maria) -> None:
    window.open_person(maria)
    _settle(qtbot, window)
    editor = window.people.person_view.editor
    window.resize(1024, 700)
    _settle(qtbot, window)
    assert editor.is_compact()
    window.resize(1600, 900)
    _settle(qtbot, window, narrow=False)
    assert not editor.is_compact()
    assert window.minimumSize().width() <= 1024  # the wide layout never widens the window
    window.resize(1024, 700)  # straight from wide to a laptop, as a restored geometry does
    _settle(qtbot, window)
    assert window.width() == 1024 and editor.is_compact()


def test_a_note_is_read_in_full_in_place(window, qtbot, maria) -> None:
    window.open_person(maria)
    view = window.people.person_view
    entry = next(e for e in view.timeline.timeline_model._rows if not isinstance(e, str))
    assert view.select_entry(entry.ref_id)
    assert "She ends with this sentence." in view.reader.toPlainText()


def test_folded_sections_are_remembered(make_window, qtbot, maria) -> None:
    first = make_window()
    first.open_person(maria)
    section = first.people.person_view.editor.details_section
    assert not section.is_open()  # details fold away by default: the timeline gets room
    section.header.click()
    assert section.is_open()
    first.close()
    second = make_window()
    second.open_person(maria)
    assert second.people.person_view.editor.details_section.is_open()


def test_shortcuts_window_reads_like_a_manual(window, qtbot) -> None:
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtGui import QKeySequence

    from desktop.ui.kit.action_specs import readable_keys

    assert readable_keys(QKeySequence("Ctrl+Del")) == "Ctrl+Delete"
    assert readable_keys(QKeySequence("Esc")) == "Escape"
    qtbot.keyClick(window, _Qt.Key.Key_F1)
    box = window.findChild(QWidget, "messageBox")
    text = box.text()
    box.close()
    assert "<b>Ctrl+Z</b>" in text and "—&nbsp;Undo" in text
    assert "<b>Ctrl+P</b>" in text and "Print Briefing" in text
