"""The learned resolver of whom a promise is with (``promise_person``)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.capture import promise_person as pp
from desktop.domain.capture.parser import _parse, parse_capture
from desktop.domain.capture.promise_finder import Model
from desktop.domain.capture.results import ParsedCommitment
from desktop.domain.capture.rules import EnglishRules

NOW = datetime(2026, 3, 4, 18, 0)


def _people(text: str, *, resolver: bool = True, known: tuple[str, ...] = ()) -> list[str | None]:
    rules = EnglishRules()
    rules.learned_person = resolver
    return [c.person_name for c in _parse(text, NOW, known, rules).commitments]


@pytest.mark.parametrize(
    ("text", "rules_say", "person"),
    [
        (
            "Met Petra Vogel at the trade fair. I'll get our engineer Tomasz to check the pump "
            "and report back to her by Friday.",
            "Tomasz",
            "Petra Vogel",
        ),
        (
            "Site visit with Joanna Kerr. I'll ask our surveyor Dev to measure the loft and "
            "report back to her on Monday.",
            "Dev",
            "Joanna Kerr",
        ),
    ],
)
def test_the_resolver_gives_the_promise_to_whom_the_pronoun_means(
    text: str, rules_say: str, person: str
) -> None:
    assert _people(text, resolver=False) == [rules_say]  # the rules take the name in the words
    assert _people(text) == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the name in the promise's words, the pronoun only in the aside after them
        (
            "Met Ada Park at the fintech meetup. Need to send Omar the link tomorrow, fair play "
            "to her.",
            "Omar",
        ),
        # "her new hire Omar": whose, not to whom
        ("1:1 w/ Hannah Schmidt. Need to send her new hire Omar the onboarding doc tmrw.", "Omar"),
        (
            "Dinner with Marta Ruiz. Promised to ask Jonas about the flat and get back to her by "
            "Thursday.",
            "Marta Ruiz",
        ),
    ],
)
def test_what_the_rules_read_right_stays(text: str, person: str) -> None:
    assert _people(text, resolver=False) == [person]
    assert _people(text) == [person]


def test_a_name_is_found_in_its_short_forms_nicknames_initials_and_titles() -> None:
    text = (
        'Call w/ Chukwuemeka "Emeka" Eze (Flutterwave). Emeka: send keys. Big Davie (David '
        "McAllister) is in. Rafa will call. jo wright + dev. FM to circulate. Sato-san agreed."
    )

    def written(name: str) -> list[str]:
        return [text[a:b] for a, b in pp._mentions(text, name)]

    assert written("Chukwuemeka Eze") == ['Chukwuemeka "Emeka" Eze', "Emeka"]
    assert written("David McAllister") == ["Davie (David McAllister"]
    assert written("Rafaela Souza") == ["Rafa"]
    assert written("Jo Wright") == ["jo wright"]
    assert written("Fiona MacLeod") == ["FM"]
    assert written("Hiroshi Sato") == ["Sato-san"]
    assert written("Flutterwave Team") == ["Flutterwave"]
    assert written("Mo Ng") == []  # no word of the note is either name


def test_a_lone_title_stands_for_the_one_it_was_written_with() -> None:
    text = "Lunch with Pastor Emmanuel Osei and his wife Abena. Pastor asked me to do the accounts."
    promise = ParsedCommitment("me", "do the accounts", None, None, "", (52, len(text)))
    everyone = pp.candidates(text, ("Emmanuel Osei", "Abena"), [promise], [], (), spans=False)
    osei = next(c for c in everyone if c.name == "Emmanuel Osei")
    assert text.index("Pastor asked") in [a for a, _b in osei.mentions]


def test_a_contact_is_a_candidate_only_where_the_note_names_them() -> None:
    known = (*(f"Person{i} Surname{i}" for i in range(2_000)), "Ben Ode")
    text = "Met Ana Ruiz. I'll send Ben the deck by Friday."
    promise = ParsedCommitment("me", "send Ben the deck", "Ana Ruiz", None, "", (14, len(text)))
    names = [c.name for c in pp.candidates(text, ("Ana Ruiz",), [promise], [], known)]
    assert "Ben Ode" in names
    assert not any(n.startswith("Person") for n in names)


def test_the_resolver_only_ever_picks_someone_of_the_note() -> None:
    text = "Coffee with Lena Park and Tom Fisch. She will send me the slides, he owes me a call."
    rules = EnglishRules()
    parse = _parse(text, NOW, (), rules)
    everyone = {c.name for c in pp.candidates(text, parse.people, parse.commitments, [], ())}
    always = Model(bias=0.0, threshold=-1.0, weights={"in_sentence&them": 5.0})
    for item in pp.resolve(text, parse.people, parse.commitments, [], (), always):
        assert item.person_name in everyone


def test_without_a_candidate_the_promises_stay_as_read() -> None:
    item = ParsedCommitment("me", "call the plumber", None, None, "", (0, 20))
    assert pp.resolve("call the plumber asap", (), [item], [], ()) == [item]


def test_the_shipped_weights_trust_the_rules_and_the_words() -> None:
    model = pp.model()
    assert 0.0 <= model.threshold < 1.0
    assert model.weights["rules&me"] > 0 and model.weights["rules&them"] > 0
    assert model.weights["in_words&me"] > 0  # "send Omar the link": Omar
    assert model.weights["agree_latest=True&me"] > model.weights["agree_latest=False&me"]


def test_the_parser_never_raises_with_the_resolver_on_odd_input() -> None:
    for text in ("", "her", "She'll", "\u202eMet Ana\u202c. send her it", "x" * 5000, "🙂 " * 300):
        parse = parse_capture(text, now=NOW)
        assert parse.notes == text


def test_the_mention_index_counts_the_others_between_and_their_gender() -> None:
    def cand(name: str, at: tuple[int, ...], gender: str | None) -> pp.Candidate:
        return pp.Candidate(
            name, tuple((a, a + 3) for a in at), True, False, False, False, gender, False
        )

    ana, ben, eva, kim = (
        cand("Ana", (0, 50), "f"),
        cand("Ben", (10, 60), "m"),
        cand("Eva", (20,), "f"),
        cand("Kim", (30,), None),
    )
    marks = pp.Marks.of([ana, ben, eva, kim])
    assert marks.at == (0, 10, 20, 30, 50, 60)
    assert marks.others_between(1, 50, me=0, enough=9) == 3  # Ben, Eva, Kim
    assert marks.others_between(1, 50, me=0, enough=2) == 2  # counted up to enough
    assert marks.others_between(21, 50, me=0, enough=9) == 1  # Kim only
    assert marks.gender_between("f", 11, 50) and not marks.gender_between("f", 21, 50)
    assert marks.gender_between("m", 51, 61) and not marks.gender_between("m", 11, 60)


def test_a_crowded_note_is_read_whole() -> None:
    names = [f"{a} {b}" for a in ("Ana", "Ben", "Eva", "Tom") for b in ("Ruiz", "Ode", "Lund")]
    text = f"Met {', '.join(names)}. " + " ".join(f"I'll send {n} the deck." for n in names)
    parse = parse_capture(text, now=NOW)
    assert [c.person_name for c in parse.commitments] == names
