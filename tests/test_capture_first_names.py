"""The first-name hint (``desktop.domain.capture.first_names``): a hand-written table, used
only to tell whom "she"/"he" means when the note never says."""

from __future__ import annotations

import pytest

from desktop.domain.capture import first_names
from desktop.domain.capture.first_names import hinted_gender
from tests.capture_notes import promises, read


def test_no_name_is_in_both_lists_and_all_are_single_lower_case_words() -> None:
    assert not first_names.FEMALE & first_names.MALE
    for name in first_names.FEMALE | first_names.MALE:
        assert name == name.casefold() and " " not in name


@pytest.mark.parametrize("name", ["Alex", "Sam", "Andrea", "Jean", "Kim", "Yuki", "Nikita"])
def test_names_used_for_both_hint_nothing(name: str) -> None:
    assert hinted_gender(name) is None


def test_the_hint_reads_the_first_word_case_folded() -> None:
    assert hinted_gender("Margaret O'Neill") == "f"
    assert hinted_gender("KWAME Mensah") == "m"
    assert hinted_gender("") is None


def test_the_hint_breaks_a_tie_recency_cannot() -> None:
    note = (
        "Cardiology study day. Margaret O'Neill chaired. Afterwards her deputy, Kwame "
        "Mensah, joined us. Before the speeches, she asked me to send the protocol to her."
    )
    assert promises(read(note)) == [("me", "Margaret O'Neill", "send the protocol to her", None)]


def test_what_the_note_says_wins_over_the_hint() -> None:
    # "his startup" tells that the Maria of this note is a "he": the note beats any table
    note = (
        "Met Maria Santos and Ana Ruiz. Maria is raising for his startup. I'll send him the deck."
    )
    assert promises(read(note)) == [("me", "Maria Santos", "send him the deck", None)]
