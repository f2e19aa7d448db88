"""The who-knows-whom view on screen stays current without re-reading everyone per write."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

NOW = datetime.now().replace(microsecond=0)


@pytest.fixture
def pair(data_dir: Path) -> dict[str, str]:
    from desktop.services import conversations, people

    ben = people.create_person(full_name="Ben Ortiz", credibility=5)
    carl = people.create_person(full_name="Carl Berg")
    for day in range(3):
        conversations.log_conversation(
            participants=[ben], depth="personal", happened_at=NOW - timedelta(days=day + 1)
        )
    conversations.log_conversation(participants=[ben, carl], happened_at=NOW - timedelta(days=2))
    return {"ben": ben, "carl": carl}


@pytest.fixture
def counted_loads(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    from desktop.services import network

    calls: list[int] = []
    real = network.load_network

    def load_network():  # type: ignore[no-untyped-def]
        calls.append(1)
        return real()

    monkeypatch.setattr(network, "load_network", load_network)
    return calls


def _shown(window, qtbot):  # type: ignore[no-untyped-def]
    window.show_view("network")
    view = window.network_view
    qtbot.waitUntil(lambda: view.network is not None and view.target is not None, timeout=10_000)
    return view


def test_a_kept_promise_moves_trust_without_rereading_the_network(
    pair, window, qtbot, counted_loads
) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import commitments

    view = _shown(window, qtbot)
    counted_loads.clear()
    before = view.network.trust_in[pair["ben"]]
    graph = view.network.graph
    for day in range(3):
        promise = commitments.make_commitment(
            owner="them", person_id=pair["ben"], description="send the paper"
        )
        commitments.keep(promise, when=NOW - timedelta(days=day))
    qtbot.waitUntil(lambda: view.network.trust_in[pair["ben"]] > before, timeout=10_000)
    assert view.network.graph is graph
    assert counted_loads == []


def test_a_burst_of_graph_writes_rereads_the_network_once(
    pair, window, qtbot, counted_loads
) -> None:  # type: ignore[no-untyped-def]
    view = _shown(window, qtbot)
    counted_loads.clear()
    for n in range(5):  # as a capture or an import reports its rows
        view.on_changes(frozenset({("conversation", f"c{n}"), ("participant", f"p{n}")}))
    assert view._reload_timer.isActive()
    qtbot.waitUntil(lambda: counted_loads == [1] and not view.busy.isVisible(), timeout=10_000)
    assert not view._reload_timer.isActive()  # nothing else is due: one reload it stays
    assert counted_loads == [1]


def test_writes_that_touch_neither_graph_nor_trust_change_nothing(
    pair, window, qtbot, counted_loads
) -> None:  # type: ignore[no-untyped-def]
    view = _shown(window, qtbot)
    counted_loads.clear()
    view.on_changes(frozenset({("tag", "t1"), ("attendance", "a1")}))
    assert not view._reload_timer.isActive() and not view._trust_timer.isActive()
    assert counted_loads == []
