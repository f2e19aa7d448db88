"""The three pictures of #17: trust over time, circles, who knows whom (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QListWidget

NOW = datetime.now().replace(microsecond=0)


def _mouse(widget, kind: QEvent.Type, at: QPoint, buttons) -> None:  # type: ignore[no-untyped-def]
    """A real mouse event with buttons held (QTest's mouseMove cannot hold a button)."""
    event = QMouseEvent(
        kind,
        QPointF(at),
        QPointF(widget.mapToGlobal(at)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def chain(data_dir: Path) -> dict[str, str]:
    """Ben (trusted) shared a conversation with Carl (barely known); Carl introduced Dana."""
    from desktop.services import commitments, conversations, introductions, people

    ben = people.create_person(full_name="Ben Ortiz", credibility=5, circle="inner")
    carl = people.create_person(full_name="Carl Berg", circle="close")
    dana = people.create_person(full_name="Dana Lee", pronouns="she/her")
    for day in range(4):
        conversations.log_conversation(
            participants=[ben], depth="personal", happened_at=NOW - timedelta(days=day + 1)
        )
    for day in range(2):
        promise = commitments.make_commitment(
            owner="them",
            person_id=ben,
            description="send the paper",
            made_at=NOW - timedelta(days=40),
        )
        commitments.keep(promise, when=NOW - timedelta(days=10 * day + 2))
    conversations.log_conversation(participants=[ben, carl], happened_at=NOW - timedelta(days=3))
    introductions.record_introduction(introducer_id=carl, person_id=dana)
    return {"ben": ben, "carl": carl, "dana": dana}


def test_the_sidebar_offers_circles_and_who_knows_whom(chain, window) -> None:
    sidebar = window.findChild(QListWidget, "sidebar")
    texts = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert texts[-2:] == ["Circles", "Who knows whom"]


def test_trust_over_time_shows_the_history_and_hovering_a_mark_says_what_happened(
    chain, window, qtbot
) -> None:
    from desktop.services import trust

    window.open_person(chain["ben"])
    section = window.people.person_view.trust_chart_section
    assert not section.is_open()  # folded by default: the timeline gets the height (#13)
    section.header.click()  # the user unfolds "Trust over time"
    chart = window.people.person_view.trust_chart
    qtbot.waitUntil(lambda: bool(chart.points()), timeout=5000)
    assert chart.accessibleName() == "Trust over time"
    assert chart.points()[-1].in_them == trust.reading_for(chain["ben"]).in_them
    kept = [m for m in chart.marks() if m.kind == "kept"]
    assert len(kept) == 2
    at = chart.mark_position(kept[-1]).toPoint()
    assert chart.isVisible() and chart.mark_at(QPointF(at)) is kept[-1], (chart.size(), at)
    _mouse(chart, QEvent.Type.MouseMove, at, Qt.MouseButton.NoButton)
    qtbot.waitUntil(lambda: chart.toolTip() == kept[-1].describe(), timeout=3000)
    assert "Ben kept a promise: send the paper" in chart.toolTip()
    assert "Ben kept a promise" in chart.accessibleDescription()


def test_dragging_a_person_to_another_ring_changes_their_circle_and_undo_puts_it_back(
    chain, window, qtbot
) -> None:
    from desktop.services import people

    window.show_view("circles")
    view = window.circles
    qtbot.waitUntil(lambda: chain["ben"] in view.dots, timeout=5000)
    assert view.counts["inner"] == 1 and view.counts["close"] == 1
    assert "Inner circle 1 of about 5" in view.summary.text()
    canvas = view.canvas
    dot = view.dots[chain["ben"]]
    start = canvas.mapFromScene(dot.scenePos())
    end = canvas.mapFromScene(QPointF(0, -(view_radius("inner") + view_radius("close")) / 2))
    viewport = canvas.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        _mouse(
            viewport,
            QEvent.Type.MouseMove,
            start + (end - start) * step / 5,
            Qt.MouseButton.LeftButton,
        )
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    assert people.get_person(chain["ben"]).circle == "close"
    qtbot.waitUntil(
        lambda: view.dots.get(chain["ben"]) and view.dots[chain["ben"]].circle == "close",
        timeout=5000,
    )
    assert window.undo_stack.undoText().startswith("Move Ben Ortiz to Close")
    window.undo_stack.undo()
    assert people.get_person(chain["ben"]).circle == "inner"
    qtbot.waitUntil(
        lambda: view.dots.get(chain["ben"]) and view.dots[chain["ben"]].circle == "inner",
        timeout=5000,
    )


def view_radius(key: str) -> float:
    from desktop.ui.circles.page import RADII

    return RADII[key]


def test_clicking_a_person_on_the_rings_opens_them(chain, window, qtbot) -> None:
    window.show_view("circles")
    view = window.circles
    qtbot.waitUntil(lambda: chain["carl"] in view.dots, timeout=5000)
    at = view.canvas.mapFromScene(view.dots[chain["carl"]].scenePos())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: window.current_view() == "people", timeout=3000)
    assert window.people.person_view.person_id() == chain["carl"]


def test_who_can_introduce_me_follows_the_warmest_known_chain(chain, window, qtbot) -> None:
    window.show_view("network")
    view = window.network_view
    qtbot.waitUntil(lambda: view.network is not None, timeout=10_000)
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.set_target(chain["dana"])
    assert view.answer.text().startswith("Ask Ben, who knows Carl, who knows Dana.")
    assert view.path == (chain["ben"], chain["carl"], chain["dana"])
    assert set(view.shown) >= {chain["ben"], chain["carl"], chain["dana"]}
    assert view.canvas.accessibleDescription() == view.answer.text()
