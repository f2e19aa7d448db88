"""Who knows whom, the warmest path, "Ask Ben, who knows him" and trust over time (#17)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.network import build_graph, neighbourhood, warmest_path
from desktop.domain.trust import ConversationRecord, RelationshipHistory, assess
from desktop.printing.briefing_html import person_compact_html, person_html
from desktop.services import (
    briefing,
    commitments,
    conversations,
    introductions,
    network,
    people,
    trust,
    trust_timeline,
)

TODAY = date.today()
NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)


def _known_chain() -> dict[str, str]:
    """Ben (trusted, ~66) was in a room with Carl (barely known, ~21); Carl introduced Dana
    to you, and you have never talked with Dana."""
    ben = people.create_person(full_name="Ben Ortiz", credibility=5)
    carl = people.create_person(full_name="Carl Berg", pronouns="he/him")
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
            made_at=NOW - timedelta(days=30),
        )
        commitments.keep(promise, when=NOW - timedelta(days=day + 2))
    conversations.log_conversation(participants=[ben, carl], happened_at=NOW - timedelta(days=3))
    introductions.record_introduction(introducer_id=carl, person_id=dana)
    return {"ben": ben, "carl": carl, "dana": dana}


def test_a_room_counts_less_than_a_one_on_one_in_the_stored_meter(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz")
    eva = people.create_person(full_name="Eva Ruiz")
    crowd = [people.create_person(full_name=f"Guest {i}") for i in range(9)]
    conversations.log_conversation(participants=[ana], depth="personal", happened_at=NOW)
    conversations.log_conversation(participants=[eva, *crowd], depth="personal", happened_at=NOW)
    history = trust.history_for(eva, today=TODAY)
    assert [c.people for c in history.conversations] == [10]
    assert trust.reading_for(ana).in_them > trust.reading_for(eva).in_them


def test_the_warmest_path_goes_through_the_friend_you_trust(data_dir: Path) -> None:
    ids = _known_chain()
    assert trust.reading_for(ids["ben"]).in_them >= 60
    assert trust.reading_for(ids["carl"]).in_them < 30
    net = network.load_network()
    answer = network.who_can_introduce(net, ids["dana"])
    assert answer is not None
    # Ben 0.66 × tie Ben–Carl 0.5 × tie Carl–Dana 0.75 ≈ 0.25 beats asking Carl ≈ 0.16.
    assert answer.people == (ids["ben"], ids["carl"], ids["dana"])
    assert answer.sentence() == "Ask Ben, who knows Carl, who knows Dana."
    assert 0.2 < answer.warmth < 0.3
    assert network.who_can_introduce(net, ids["ben"]) is not None  # via Carl, lukewarm
    alone = people.create_person(full_name="Nobody Known")
    assert network.who_can_introduce(network.load_network(), alone) is None


def test_the_briefing_says_whom_to_ask(data_dir: Path) -> None:
    ids = _known_chain()
    sheet = briefing.gather_for_people([ids["carl"], ids["dana"]], today=TODAY)
    carl, dana = sheet.people
    assert carl.ask_line == "Ask Ben, who knows him"
    assert dana.ask_line == ""  # only Carl knows her, and you barely know Carl
    assert "Ask Ben, who knows him" in person_html(carl, today=TODAY)  # detailed sheet
    assert "Ask Ben, who knows him" in person_compact_html(carl, today=TODAY)  # default


def test_trust_over_time_marks_what_moved_it(data_dir: Path) -> None:
    ids = _known_chain()
    points, marks = trust_timeline.over_time(ids["ben"], today=TODAY)
    assert points[-1].in_them == trust.reading_for(ids["ben"]).in_them
    assert points[0].in_them <= points[-1].in_them
    kept = [m for m in marks if m.kind == "kept"]
    assert len(kept) == 2 and all(m.in_them_delta > 0 for m in kept)
    assert "Ben kept a promise: send the paper" in kept[0].describe()
    # One mark a day: two of the four deep talks share a day with a kept promise.
    assert sum("a deep conversation" in m.text for m in marks) == 4
    assert sum(1 for m in marks if m.kind == "deep") == 2


def test_a_long_silence_is_marked_with_its_cost() -> None:
    from desktop.domain.trust_history import trust_over_time

    day = date(2024, 6, 1)
    talks = tuple(
        ConversationRecord(datetime(2022, 1, 1) + timedelta(days=d), "personal")
        for d in (0, 5, 700)
    )
    history = RelationshipHistory(name="Ana Ruiz", conversations=talks, cadence_days=30)
    points, marks = trust_over_time(history, today=day)
    silence = [m for m in marks if m.kind == "silence"]
    assert len(silence) == 1 and silence[0].in_them_delta < 0
    assert points[-1].in_them == assess(history, today=day).in_them


def test_graph_neighbourhood_and_path_rules() -> None:
    graph = build_graph([("a", "b")], [["b", "c"], ["c", "d"], [f"x{i}" for i in range(50)]])
    assert "x1" not in graph  # a hall of fifty says nothing about who knows whom
    assert neighbourhood(graph, "a", steps=2) == ["a", "b", "c"]
    found = warmest_path(graph, {"a": 90}, "d")
    assert found is not None
    assert found[0] == ["a", "b", "c", "d"]
    assert found[1] == pytest.approx(0.9 * 0.75 * 0.5 * 0.5)  # trust a, then each tie
    assert warmest_path(graph, {"a": 90}, "zz") is None
