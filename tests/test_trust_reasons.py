"""Trust reasons shown with their sign and weight in words (issue #13).

The cases run ``assess`` itself, so a change of wording in the meter that the display
no longer understands fails here rather than showing an unmarked line.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desktop.domain.trust import (
    ConversationRecord,
    ExchangeRecord,
    PromiseRecord,
    RelationshipHistory,
    assess,
)
from desktop.domain.trust_reasons import A_LOT, LOWERS, NEUTRAL, RAISES, classify, classify_all

TODAY = date(2024, 6, 1)


def ago(days: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days), time(10, 0))


def shown(reasons: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    return {r.text: (r.sign, r.weight) for r in classify_all(reasons)}


def test_both_directions_carry_signs_both_ways() -> None:
    history = RelationshipHistory(
        name="🌻 Sunny Okafor 🚀",
        promises=(
            *(PromiseRecord(owner="them", status="kept", description="x") for _ in range(4)),
            PromiseRecord(owner="them", status="broken", description="x"),
            PromiseRecord(
                owner="me",
                status="open",
                description="send her the deck",
                due=TODAY - timedelta(days=40),
            ),
        ),
        conversations=(ConversationRecord(happened_at=ago(200), depth="personal"),),
        exchanges=tuple(
            ExchangeRecord(direction="receive", kind="help", happened_at=ago(100)) for _ in range(3)
        ),
        credibility=2,
        cadence_days=30,
    )
    reading = assess(history, today=TODAY)
    mine = shown(reading.reasons_in_them)
    theirs = shown(reading.reasons_theirs)
    assert mine["Sunny kept 4 of 5 promises"][0] == RAISES
    assert any(text.startswith("no contact for") and s == LOWERS for text, (s, _w) in mine.items())
    assert any("credibility 2 of 5" in text and s == LOWERS for text, (s, _w) in mine.items())
    overdue = [text for text in theirs if "deck" in text]
    assert overdue and theirs[overdue[0]] == (LOWERS, A_LOT)  # 40 days late
    assert any("received more" in text and s == LOWERS for text, (s, _w) in theirs.items())
    assert any(s == RAISES for s, _w in theirs.values())  # the deep conversation


def test_no_history_is_neutral_and_unknown_text_is_never_signed() -> None:
    reading = assess(RelationshipHistory(name="Ana"), today=TODAY)
    for reason in classify_all(reading.reasons_in_them + reading.reasons_theirs):
        assert reason.sign == NEUTRAL and reason.mark == "·" and reason.words == ""
    assert classify("something new the meter says").sign == NEUTRAL


def test_marks_and_words() -> None:
    kept = classify("kept 4 of 5 promises")
    assert (kept.mark, kept.words) == ("+", "raises it a lot")
    silent = classify("no contact for 3 months")
    assert (silent.mark, silent.words) == ("\u2212", "lowers it a lot")
    assert classify("2 small-talk chats").words == "raises it a little"
    assert classify("you kept 1 of 4 promises to Ana").sign == LOWERS
