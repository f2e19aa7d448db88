"""Lists of people typed in lower case at a gathering (``desktop.domain.capture.lower_lists``),
through the parser and on their own: fresh notes, none of them in the corpus."""

from __future__ import annotations

import pytest

from desktop.domain.capture.lower_lists import lower_case_list
from tests.capture_notes import read


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # relations before first names, "+" and "and" between them, a title kept out
            "funeral today. met his sons tunde + femi and his sister chief ada obi who flew in.",
            ["Tunde", "Femi", "Ada Obi"],
        ),
        (  # a relation's full name in brackets; "the guy who runs the place, hamid"
            "soft play. met zara's mum (chloe bennett) + chloe's partner sam, and the guy who "
            "runs the place, hamid.",
            ["Chloe Bennett", "Sam", "Hamid"],
        ),
        (  # a heading, a first name the table does not know, then a relation
            "dog park regulars today: bernie + his wife gloria (2 pugs), and a new guy, kenji.",
            ["Bernie", "Gloria", "Kenji"],
        ),
        (  # "… were all there" after the list
            "visited dom after his op. his wife kate, his physio ifeoma + his business "
            "partner rav were all there.",
            ["Dom", "Kate", "Ifeoma", "Rav"],
        ),
        (  # "5 of us." then the list; particles inside a name
            "supper club hosted by ana de la cruz - 5 of us. ana, her cousin beto, beto's gf "
            "priya nair.",
            ["Ana de la Cruz", "Beto", "Priya Nair"],
        ),
        (  # a plan to meet someone is no meeting
            "coffee w/ tomas novak (skoda); wants to meet our cto marek next week",
            ["Tomas Novak"],
        ),
        (  # "2 other dads, X and Y": a number and a plural relation; a last name the table
            # does not know ending the list
            "school gate chat w/ priya's mum anjali and 2 other dads, kofi mensah and luca ferri.",
            ["Anjali", "Kofi Mensah", "Luca Ferri"],
        ),
        (  # "team lead was …"; accents typed in lower case
            "beach cleanup. team lead was marta kowalczyk, her bf piotr + a student called "
            "ines araújo.",
            ["Marta Kowalczyk", "Piotr", "Ines Araújo"],
        ),
        (  # a possessive typed without its apostrophe; "rev." before the vicar's name
            "wake after nan's funeral. talked to her neighbour bridget walsh, bridgets son "
            "declan + the vicar rev. john appleby.",
            ["Bridget Walsh", "Declan", "John Appleby"],
        ),
        (  # "o'neill" is saved "O'Neill"
            "u9s match. met the other coach dan o'neill + his asst coach fatima.",
            ["Dan O'Neill", "Fatima"],
        ),
        (  # what someone is, after a comma, is no other person; "check with" is a plan
            "bbq at the rowing club — met tom hughes, retired pilot, great stories. told him "
            "i'd check with hamish.",
            ["Tom Hughes"],
        ),
        (  # "from feedzai" after a name, "an investor, olu adebayo"
            "websummit afterparty - met joão pereira from feedzai, his cofounder marta + an "
            "investor, olu adebayo, partner at tlcom.",
            ["João Pereira", "Marta", "Olu Adebayo"],
        ),
        (  # written with capitals: the other rules read it, this one stays out of the way
            "Met his daughters Ngozi and Adaeze at the wake.",
            ["Ngozi", "Adaeze"],
        ),
    ],
)
def test_lower_case_lists_through_the_parser(text: str, people: list[str]) -> None:
    assert list(read(text).people) == people


def test_a_list_ends_at_the_first_item_that_is_no_one() -> None:
    text = "his wife kate + his physio ifeoma who flew in from lagos"
    assert [n.name for n in lower_case_list(text, 0, len(text))] == ["Kate", "Ifeoma"]


def test_a_verb_after_a_first_name_is_no_family_name() -> None:
    text = "sam wants a party"
    assert [n.name for n in lower_case_list(text, 0, len(text))] == ["Sam"]


def test_names_start_where_they_are_written() -> None:
    text = "met his wife kate"
    names = lower_case_list(text, 4, len(text))
    assert [(n.name, text[n.start : n.start + 4]) for n in names] == [("Kate", "kate")]


def test_a_nickname_with_the_full_name_in_brackets_is_that_person() -> None:
    result = read(
        "dinner w/ the crew: hamza and big mike (michael o'brien). mike still owes me a tenner."
    )
    assert list(result.people) == ["Hamza", "Michael O'Brien"]
    assert [(c.owner, c.person_name, c.description) for c in result.commitments] == [
        ("them", "Michael O'Brien", "a tenner")
    ]


def test_two_possessives_and_accents_in_a_relation() -> None:
    result = read(
        "xmas drinks. met our neighbour's brother gareth riley, gareth's wife yuki, + their "
        "lodger bashir. dinner w/ the uni crew: hamza, his fiancée leyla."
    )
    assert sorted(result.people) == ["Bashir", "Gareth Riley", "Hamza", "Leyla", "Yuki"]
