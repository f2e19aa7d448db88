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
