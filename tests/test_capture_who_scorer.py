"""The learned scorer of who was there: its weights, its candidates, what it adds and
what it must never add, and the trainer's labels and determinism."""

from __future__ import annotations

import math
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop.domain.capture import who_scorer as ws
from desktop.domain.capture.parser import _known, parse_capture, read_by_rules, rules_view
from desktop.domain.capture.rules import EnglishRules

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import train_who_scorer as trainer
from bench_capture_quality import CORPUS, load

NOW = datetime(2026, 12, 7, 18, 0)


def people(text: str, known: tuple[str, ...] = ()) -> list[str]:
    return list(parse_capture(text, now=NOW, known_names=known).people)


def rules_people(text: str) -> list[str]:
    return list(read_by_rules(text, NOW, [], EnglishRules()).people)


def test_the_weights_ship_with_the_package_and_load() -> None:
    model = ws.model()
    assert math.isfinite(model.bias)
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 1000
    assert {"coffee", "the", "meeting"} <= model.common  # learned, and the rules' own list
    assert "first_name" in model.weights and model.weights["first_name"] > 0
    assert model.weights.get("quoted", 0) < 0  # a quoted nickname is no second person
    assert model.context is not None and 0.5 < model.context.threshold <= 1.0
    assert not any(f.startswith("rules_people=") for f in model.context.weights)


def _template(feature: str) -> str:
    """ "w-1=met" -> "w-1", "L:with" -> "L", "first_name" -> "first_name"."""
    for mark in ("=", ":"):
        if mark in feature:
            return feature.split(mark)[0]
    return feature


def test_every_weight_belongs_to_a_feature_the_scorer_still_makes() -> None:
    """A renamed or dropped feature makes the shipped weights stale: retrain."""
    made: set[str] = set()
    rare = {"text": "Met Ana Ruiz and Ben Ode. Sam wasn't there.", "known": []}
    for note in [*load(CORPUS / "train.json"), rare]:
        known = _known(tuple(note.get("known") or ()))
        view = rules_view(read_by_rules(note["text"], NOW, known, EnglishRules()), known)
        toks = ws.tokens(note["text"])
        for span in ws.spans(note["text"], toks, ws.model().common):
            made.update(
                _template(f) for f in ws.features(note["text"], toks, span, view, ws.model().common)
            )
    shipped = {_template(f) for f in ws.model().weights}
    assert shipped <= made | {"before", "after"}  # "before:w-1=to" reads as "before"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Met Ana de los Santos at the fair", "Ana de los Santos"),
        ("Coffee with Pieter van den Broek", "Pieter van den Broek"),
        ("bbq at ola berg's place", "ola berg"),
        ("Saw Aoife McCarthy-Byrne again", "Aoife McCarthy-Byrne"),
    ],
)
def test_candidates_cover_names_with_particles_hyphens_and_lower_case(text: str, name: str) -> None:
    found = {s.name for s in ws.spans(text, ws.tokens(text), ws.model().common)}
    assert name in found


def test_a_possessive_is_no_part_of_the_name() -> None:
    text = "Met Ken's business partner"
    spans = ws.spans(text, ws.tokens(text))
    ken = [s for s in spans if s.name == "Ken"]
    assert ken and ken[0].possessive


@pytest.mark.parametrize(
    ("text", "added"),
    [
        # a host named with "-san" only, before the rules' people
        ("Dinner by Yuko-san home. Was there her husband Taro Sato, both from Honda.", "Yuko"),
        # someone named only by a first name, with a relative, who acts
        ("Concert night. Kojo and his wife invited us to lunch.", "Kojo"),
    ],
)
def test_the_scorer_adds_people_the_rules_passed_over(text: str, added: str) -> None:
    assert added not in rules_people(text)
    assert added in people(text)


@pytest.mark.parametrize(
    ("text", "not_met"),
    [
        ("leaving drinks. mia & leo there, sam couldnt come. mia will send pics", "Sam"),
        ("Met Ingrid Svensson. She reports to Hakan Berg. Hakan will decide by June.", "Hakan"),
    ],
)
def test_the_scorer_never_overrules_a_rule_that_says_not_met(text: str, not_met: str) -> None:
    assert not any(p.split()[0] == not_met for p in people(text))


def test_no_guesses_in_a_script_without_capitals() -> None:
    assert people("פגשתי את דנה בכנס. אשלח לה את המצגת") == []


def test_a_first_name_added_is_the_one_contact_of_that_name() -> None:
    text = "Dinner by Yuko-san home. Was there her husband Taro Sato, both from Honda."
    assert "Yuko Sato" in people(text, known=("Yuko Sato", "Ben Ode"))
    assert "Yuko" in people(text, known=("Yuko Sato", "Yuko Abe"))  # two Yukos: as written


def test_the_rules_people_come_first_then_the_scorers() -> None:
    text = "Dinner by Yuko-san home. Was there her husband Taro Sato, both from Honda."
    assert people(text) == ["Taro Sato", "Yuko"]


# ------------------------------------------------------------------ the trainer


def test_a_lone_first_name_is_labelled_met_unless_the_full_name_is_right_there() -> None:
    text = "Met Lina Haas. Lina will send it."
    toks = ws.tokens(text)
    spans = {(s.start, s.name): s for s in ws.spans(text, toks)}
    inside = spans[(4, "Lina")]  # the "Lina" of "Lina Haas"
    later = spans[(text.rindex("Lina"), "Lina")]
    assert trainer.label(spans[(4, "Lina Haas")], text, ["Lina Haas"]) == 1
    assert trainer.label(inside, text, ["Lina Haas"]) == 0
    assert trainer.label(later, text, ["Lina Haas"]) == 1
    assert trainer.label(spans[(4, "Lina Haas")], text, ["Ola Berg"]) == 0


def test_training_is_deterministic_and_learns_a_separable_signal() -> None:
    data = [(["w-1=met", "first_name"], 1), (["w-1=from", "shape=Xx"], 0)] * 30
    first = trainer.train(data)
    assert first == trainer.train(data)
    bias, weights = first
    assert ws.probability(["w-1=met", "first_name"], bias, weights) > 0.9
    assert ws.probability(["w-1=from", "shape=Xx"], bias, weights) < 0.1


def test_common_words_leave_out_every_word_of_a_name() -> None:
    notes = [{"note": {"text": f"coffee with ola {k}", "people": ["Ola Berg"]}} for k in "abc"]
    common = trainer.common_words(notes)
    assert "coffee" in common and "with" in common
    assert "ola" not in common  # part of a name in the annotations


def test_a_person_the_scorer_adds_is_met_for_the_rest_of_the_reading() -> None:
    """The note is read again with them met, so "him" can be them."""
    text = (
        "Concert night. Kojo and his wife invited us to lunch. "
        "I'll bring him the wine list tomorrow."
    )
    assert read_by_rules(text, NOW, [], EnglishRules()).commitments[0].person_name is None
    parse = parse_capture(text, now=NOW)
    assert "Kojo" in parse.people
    assert [(c.owner, c.person_name) for c in parse.commitments] == [("me", "Kojo")]


@pytest.mark.parametrize("word", ["They'll", "She'd", "Didn't", "We're"])
def test_a_contracted_word_is_never_part_of_a_name(word: str) -> None:
    text = f"Met Ana Ruiz. {word} see."
    assert all(word not in s.name for s in ws.spans(text, ws.tokens(text)))


def test_the_second_model_reads_someone_described_who_acts_as_met() -> None:
    """The first model learned from what the rules left out, where "his apprentice X"
    is mostly only talked about; the second, from every name, sees him act."""
    text = "Plumber came round to quote for the bathroom. His apprentice Kieran made us tea."
    assert rules_people(text) == ["Plumber"]
    assert people(text) == ["Kieran"]  # and "Plumber" is a trade, no one's name


def test_a_name_of_everyday_words_only_is_no_one() -> None:
    view = ws.view_of(["Plumber", "Office", "Grace"], [], "", [], [], ["Rust Cohle"])
    assert ws.everyday_words("Plumber", view)
    assert ws.everyday_words("Office", view)
    assert not ws.everyday_words("Grace", view)  # a first name, whatever else it means
    assert not ws.everyday_words("Rust Cohle", view)  # a contact


def test_a_lower_case_word_no_first_name_table_knows_needs_more_certainty() -> None:
    assert people("bought bread from the new baker, nice chat.") == []


def test_a_lower_case_role_before_a_first_name_is_no_part_of_the_candidate() -> None:
    text = "tiler marek novak came round. he'll start monday"
    names = {s.name for s in ws.spans(text, ws.tokens(text), ws.model().common)}
    assert "marek novak" in names
    assert "tiler marek novak" not in names and "tiler marek" not in names


def test_a_tag_names_no_one() -> None:
    assert people("Met Ana Ruiz at the meetup. #python #sailing") == ["Ana Ruiz"]
    assert all(t.text != "python" for t in ws.tokens("talk #python"))
