"""Who knows whom stays current cheaply: a promise or exchange write re-reads only the trust
it moved, and that equals what a full re-read of the network gives."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from desktop.services import (
    commitments,
    conversations,
    exchanges,
    introductions,
    network,
    people,
    store,
    trust,
)

NOW = datetime.now().replace(microsecond=0)


def _chain() -> dict[str, str]:
    """Ben and Carl (judged credible, talked with, and with each other); Dana, introduced by
    Carl, talked with you."""
    ben = people.create_person(full_name="Ben Ortiz", credibility=5)
    carl = people.create_person(full_name="Carl Berg", credibility=5)
    dana = people.create_person(full_name="Dana Lee")
    for day in range(3):
        for pid in (ben, carl):
            conversations.log_conversation(
                participants=[pid], depth="personal", happened_at=NOW - timedelta(days=day + 1)
            )
    conversations.log_conversation(participants=[ben, carl], happened_at=NOW - timedelta(days=3))
    conversations.log_conversation(participants=[dana], happened_at=NOW - timedelta(days=5))
    introductions.record_introduction(introducer_id=carl, person_id=dana)
    return {"ben": ben, "carl": carl, "dana": dana}


def _written(action) -> frozenset[tuple[str, str]]:  # type: ignore[no-untyped-def]
    heard: list[frozenset[tuple[str, str]]] = []
    unsubscribe = store.subscribe(heard.append)
    try:
        action()
    finally:
        unsubscribe()
    return frozenset().union(*heard)


def test_trust_writes_do_not_need_a_reload_and_graph_writes_do(data_dir: Path) -> None:
    chain = _chain()
    promise = _written(
        lambda: commitments.make_commitment(owner="them", person_id=chain["ben"], description="x")
    )
    assert not network.needs_reload(promise) and network.moves_trust(promise)
    talk = _written(lambda: conversations.log_conversation(participants=[chain["carl"]]))
    assert network.needs_reload(talk)


def test_fresh_trust_equals_a_reload_after_promises_and_exchanges(data_dir: Path) -> None:
    chain = _chain()
    loaded = network.load_network()
    assert set(loaded.trust_in) >= {chain["ben"], chain["carl"], chain["dana"]}

    def carl_keeps_his_word() -> None:
        for day in range(6):
            kept = commitments.make_commitment(
                owner="them", person_id=chain["carl"], description="send the paper"
            )
            commitments.keep(kept, when=NOW - timedelta(days=day))
        exchanges.record_exchange(person_id=chain["carl"], direction="receive", kind="help")

    changes = _written(carl_keeps_his_word)
    assert not network.needs_reload(changes)
    fresh = network.with_fresh_trust(loaded, changes)
    reloaded = network.load_network()
    assert fresh.trust_in == reloaded.trust_in
    assert fresh.trust_in[chain["carl"]] > max(50, loaded.trust_in[chain["carl"]])
    # Dana's vouch moved with Carl's trust, though nothing of hers was written
    assert fresh.trust_in[chain["dana"]] != loaded.trust_in[chain["dana"]]
    assert fresh.graph is loaded.graph and fresh.names is loaded.names


def test_fresh_trust_for_nobody_shown_is_the_same_network(data_dir: Path) -> None:
    _chain()
    stranger = people.create_person(full_name="Eve Stranger")
    loaded = network.load_network()
    changes = _written(
        lambda: exchanges.record_exchange(person_id=stranger, direction="give", kind="gift")
    )
    assert network.with_fresh_trust(loaded, changes) is loaded
    assert trust.readings_of([]) == {}
