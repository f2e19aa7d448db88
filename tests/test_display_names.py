"""The first name texts use: never an emoji, a title or a stray symbol (issue #13)."""

from __future__ import annotations

import pytest

from desktop.domain.display_names import first_name
from desktop.domain.trust import first_name as trust_first_name


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("🌻 Sunny Okafor 🚀", "Sunny"),
        ("Dr. Ana Ruiz", "Ana"),
        ("Prof Dr Lina Haddad", "Lina"),
        ("★ Lina", "Lina"),
        ("(Ana) Ruiz", "Ana"),
        ("Jean-Luc Picard", "Jean-Luc"),
        ("O'Neil Brown", "O'Neil"),
        ("王小明", "王小明"),
        ("Ana", "Ana"),
        ("Mrs. ✨", "Mrs"),
    ],
)
def test_first_name_skips_decoration(full: str, expected: str) -> None:
    assert first_name(full) == expected


def test_a_name_of_symbols_only_gives_the_fallback() -> None:
    assert first_name("🚀 ✨", "this person") == "this person"
    assert first_name("") == "them"


def test_the_trust_reasons_use_the_same_rule() -> None:
    assert trust_first_name("🌻 Sunny Okafor 🚀") == "Sunny"
    assert trust_first_name("   ") == "this person"


def test_past_events_are_not_expected_any_more() -> None:
    from datetime import datetime, timedelta

    from desktop.domain import timeline
    from desktop.domain.records import AttendanceView, EventView

    now = datetime(2026, 3, 2, 12, 0)

    def entry(days: int, status: str = "expected") -> str:
        event = EventView("e", "Summit", now + timedelta(days=days), None, "", "", "")
        attendance = AttendanceView("a", "e", "p", "Ana", status, "", False)
        [made] = timeline.build(first_name="Ana", events=[(event, attendance)], now=now)
        return made.title

    assert entry(3) == "Expected at Summit"
    assert entry(-3) == "Invited to Summit"
    assert entry(-3, "met") == "Met at Summit"
