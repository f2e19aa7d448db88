"""The capture plan (guesses + look-ups + corrections) and the "when" reader, without a
database: names are resolved by hand-made :class:`NameMatch` values, as the services
would. "Now" is Wednesday 25 November 2026, 18:00, like the parser's tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.capture.parser import parse_capture
from desktop.domain.capture.plan import (
    Candidate,
    Corrections,
    NameMatch,
    build_plan,
    name_key,
    names_in,
    normalise_tags,
)
from desktop.domain.capture.when import resolve_when

NOW = datetime(2026, 11, 25, 18, 0)
FRI = date(2026, 11, 27)


def plan_for(text: str, *, who=(), matches=None, corrections=None, known=("Ana Ruiz",), **kwargs):
    parse = parse_capture(text, now=NOW, known_names=known)
    return build_plan(
        parse,
        who=who,
        matches=matches or {},
        corrections=corrections,
        happened_at=NOW,
        **kwargs,
    )


def existing(query: str, pid: str, name: str, organization: str = "") -> NameMatch:
    return NameMatch(query, pid, name, organization, (Candidate(pid, name, organization),))


def new(query: str, *candidates: Candidate) -> NameMatch:
    return NameMatch(query, None, query, "", candidates)


# ------------------------------------------------------------------------ people


def test_fuzzy_who_entry_and_the_same_person_in_the_note_are_one_participant() -> None:
    matches = {
        "ana r": existing("ana r", "id-ana", "Ana Ruiz", "Acme"),
        "ana ruiz": existing("Ana Ruiz", "id-ana", "Ana Ruiz", "Acme"),
    }
    plan = plan_for(
        "Met Ana Ruiz at PyCon. I'll send her the deck by Friday.", who=["ana r"], matches=matches
    )
    assert [(p.name, p.person_id, p.state) for p in plan.people] == [
        ("Ana Ruiz", "id-ana", "existing")
    ]
    promise = plan.promises[0]
    assert (promise.owner, promise.description, promise.due, promise.person_key) == (
        "me",
        "send her the deck",
        FRI,
        plan.people[0].key,
    )
    assert plan.problems == ()


def test_unknown_names_are_new_people_with_the_guessed_organization() -> None:
    plan = plan_for(
        "Met Ben Ode from Initech at the Berlin meetup.", matches={"ben ode": new("Ben Ode")}
    )
    (ben,) = plan.people
    assert (ben.name, ben.is_new, ben.organization, ben.state) == (
        "Ben Ode",
        True,
        "Initech",
        "new",
    )
    assert (plan.place, plan.place_from_notes) == ("Berlin meetup", True)


def test_names_not_looked_up_yet_are_pending_not_new() -> None:
    plan = plan_for("Met Ben Ode.")
    assert plan.people[0].state == "pending"


def test_existing_person_gets_a_blank_organization_filled_never_overwritten() -> None:
    blank = plan_for(
        "Met Ana Ruiz from Globex.", matches={"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz")}
    )
    assert (blank.people[0].organization, blank.people[0].fills_organization) == ("Globex", True)
    kept = plan_for(
        "Met Ana Ruiz from Globex.",
        matches={"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz", "Acme")},
    )
    assert (kept.people[0].organization, kept.people[0].fills_organization) == ("Acme", False)


def test_choosing_among_candidates_and_choosing_new() -> None:
    twins = (Candidate("a1", "Ana Ruiz", "Acme"), Candidate("a2", "Ana Ruiz", "Globex"))
    matches = {"ana ruiz": NameMatch("Ana Ruiz", None, "Ana Ruiz", "", twins)}
    undecided = plan_for("Met Ana Ruiz.", matches=matches)
    assert undecided.people[0].is_new and len(undecided.people[0].candidates) == 2
    chosen = Corrections(people={"ana ruiz": {"choice": "a2"}})
    plan = plan_for("Met Ana Ruiz.", matches=matches, corrections=chosen)
    assert (plan.people[0].person_id, plan.people[0].organization) == ("a2", "Globex")
    forced = Corrections(people={"ana ruiz": {"choice": "new", "organization": "Initech"}})
    plan = plan_for("Met Ana Ruiz.", matches=matches, corrections=forced)
    assert (plan.people[0].is_new, plan.people[0].organization) == (True, "Initech")


def test_dropping_a_person_leaves_their_promise_asking_for_someone() -> None:
    matches = {"ben ode": new("Ben Ode"), "carla gomez": new("Carla Gomez")}
    text = "Met Ben Ode and Carla Gomez. Ben will send the slides."
    plan = plan_for(text, matches=matches, corrections=Corrections(dropped={"person:ben ode"}))
    assert [p.name for p in plan.people] == ["Carla Gomez"]
    assert plan.promises[0].person_key is None
    assert "promise_without_person" in [p.code for p in plan.problems]


def test_a_person_only_mentioned_in_a_promise_is_saved_but_not_a_participant() -> None:
    matches = {"ben ode": new("Ben Ode"), "carl young": existing("Carl", "c", "Carl Young")}
    plan = plan_for(
        "Met Ben Ode. I'll call Carl next week.", matches=matches, known=("Carl Young",)
    )
    roles = {p.name: p.participant for p in plan.people}
    assert roles == {"Ben Ode": True, "Carl Young": False}
    assert [p.name for p in plan.participants] == ["Ben Ode"]
    assert plan.promises[0].person_key == "carl young"


def test_a_promise_naming_someone_unknown_goes_to_them_not_to_the_person_met() -> None:
    for who, text in (
        (["Ben Ode"], "I'll call Carl Young."),
        ([], "Met Ben Ode. I'll call Carl Young."),
    ):
        plan = plan_for(text, who=who, matches={"ben ode": new("Ben Ode")})
        assert plan.promises[0].person_key == "carl young", text
        carl = next(p for p in plan.people if p.key == "carl young")
        assert (carl.participant, carl.source) == (False, "mentioned")  # not met


def test_a_promise_naming_nobody_with_nobody_met_has_a_problem() -> None:
    plan = plan_for("I'll call them back.", matches={})
    assert plan.promises[0].person_key is None
    assert "promise_without_person" in [p.code for p in plan.problems]


def test_a_promise_naming_nobody_goes_to_the_one_person_in_the_who_field() -> None:
    plan = plan_for(
        "I'll send her the deck by Friday.", who=["Ben Ode"], matches={"ben ode": new("Ben Ode")}
    )
    assert plan.promises[0].person_key == "ben ode"
    assert plan.problems == ()


def test_names_in_lists_every_name_a_plan_needs() -> None:
    parse = parse_capture(
        "Met Ana Ruiz. She'll intro me to Ben Ode. I'll call Carl Young.", now=NOW
    )
    # Carl Young is the other party of "I'll call Carl Young", met or not
    assert names_in(parse, ["dan"]) == ["dan", "Ana Ruiz", "Carl Young", "Ben Ode"]


# ------------------------------------------------------------------------ promises


def test_corrections_change_due_owner_description_and_person() -> None:
    matches = {"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz"), "ben ode": new("Ben Ode")}
    text = "Met Ana Ruiz and Ben Ode. I'll send Ana the deck by Friday."
    first = plan_for(text, matches=matches)
    key = first.promises[0].key
    fixes = Corrections(
        promises={
            key: {
                "due": "2026-12-01",
                "owner": "them",
                "description": "send me the deck",
                "person": "ben ode",
            }
        }
    )
    promise = plan_for(text, matches=matches, corrections=fixes).promises[0]
    assert (promise.due, promise.due_text, promise.owner) == (date(2026, 12, 1), "", "them")
    assert (promise.description, promise.person_key, promise.edited) == (
        "send me the deck",
        "ben ode",
        True,
    )
    no_date = Corrections(promises={key: {"due": ""}})
    assert plan_for(text, matches=matches, corrections=no_date).promises[0].due is None


def test_dropped_guesses_stay_dropped_across_rereads() -> None:
    text = "Met Ana Ruiz. I'll send her the deck by Friday. #python #hiring"
    matches = {"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz")}
    key = plan_for(text, matches=matches).promises[0].key
    fixes = Corrections(dropped={f"promise:{key}", "tag:hiring"})
    plan = plan_for(text + " Lovely chat.", matches=matches, corrections=fixes)
    assert plan.promises == ()
    assert plan.tags == ("python",)


def test_editing_the_sentence_rereads_it() -> None:
    matches = {"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz")}
    key = plan_for("Met Ana Ruiz. I'll send her the deck.", matches=matches).promises[0].key
    fixes = Corrections(dropped={f"promise:{key}"})
    plan = plan_for("Met Ana Ruiz. I'll send her the slides.", matches=matches, corrections=fixes)
    assert [p.description for p in plan.promises] == ["send her the slides"]


def test_planned_introduction_becomes_a_promise_done_one_an_introduction() -> None:
    matches = {
        "ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz"),
        "carl young": new("Carl Young"),
        "ben ode": new("Ben Ode"),
    }
    plan = plan_for(
        "Met Ana Ruiz. Ana can introduce me to Ben Ode. Ana introduced me to Carl Young.",
        matches=matches,
    )
    planned = [i for i in plan.introductions if not i.done]
    done = [i for i in plan.introductions if i.done]
    assert planned and done
    assert planned[0].names == ("Ana Ruiz", "Ben Ode", None)
    promise = next(p for p in plan.promises if p.key == planned[0].promise_key)
    assert (promise.owner, promise.person_key) == ("them", "ana ruiz")
    assert promise.description == "introduce me to Ben Ode"
    assert done[0].names == ("Ana Ruiz", "Carl Young", None)
    assert "carl young" in {p.key for p in plan.people}  # saved: the introduction needs him
    assert "ben ode" not in {p.key for p in plan.people}  # only in a promise's words


def test_problems_no_person_and_unreadable_when() -> None:
    parse = parse_capture("Lovely chat about sailing.", now=NOW)
    plan = build_plan(parse, happened_at=None)
    assert {p.code for p in plan.problems} == {"no_person", "unreadable_when"}
    assert plan.notes == "Lovely chat about sailing."


def test_tags_from_the_field_and_the_note_are_merged() -> None:
    assert normalise_tags(["#Python, hiring  #python", "Café"]) == ("python", "hiring", "café")
    plan = plan_for(
        "Met Ana Ruiz #sailing",
        extra_tags=["python, #Sailing"],
        matches={"ana ruiz": existing("Ana Ruiz", "a", "Ana Ruiz")},
    )
    assert plan.tags == ("sailing", "python")


def test_corrections_survive_json_and_damaged_json_gives_none() -> None:
    fixes = Corrections(dropped={"tag:x"}, promises={"k": {"due": ""}}, people={"p": {"a": "b"}})
    assert Corrections.from_json(fixes.to_json()) == fixes
    assert Corrections.from_json("garbage") == Corrections()
    assert Corrections.from_json({"dropped": "x", "promises": [1]}) == Corrections()


def test_name_key_is_case_space_and_accent_form_insensitive() -> None:
    assert name_key("  Ana   RUIZ ") == name_key("ana ruiz")
    assert name_key("Jose\u0301") == name_key("Jos\u00e9")


# ------------------------------------------------------------------------ when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", datetime(2026, 11, 25, 18, 0)),
        ("now", datetime(2026, 11, 25, 18, 0)),
        ("yesterday evening", datetime(2026, 11, 24, 19, 0)),
        ("last Tuesday", datetime(2026, 11, 24, 12, 0)),
        ("wednesday", datetime(2026, 11, 18, 12, 0)),  # said on a Wednesday: a week ago
        ("this morning", datetime(2026, 11, 25, 9, 0)),
        ("2 hours ago", datetime(2026, 11, 25, 16, 0)),
        ("yesterday at 3pm", datetime(2026, 11, 24, 15, 0)),
        ("yesterday, 6.30pm", datetime(2026, 11, 24, 18, 30)),
        ("last night", datetime(2026, 11, 24, 21, 0)),
        ("at 9", datetime(2026, 11, 25, 9, 0)),
        ("20 Nov 18:30", datetime(2026, 11, 20, 18, 30)),  # dateparser
        ("Nov 3rd", datetime(2026, 11, 3, 12, 0)),  # dateparser, a day at noon
    ],
)
def test_when_phrases(text: str, expected: datetime) -> None:
    assert resolve_when(text, NOW) == expected


def test_when_refuses_what_it_cannot_read() -> None:
    assert resolve_when("the day the music died", NOW) is None
    assert resolve_when("25:00", NOW) is None
    assert resolve_when("!!!", NOW) is None


def test_corrections_compare_by_value_and_are_not_hashable() -> None:
    """A plain class since #15 (no dataclasses import before the capture window's first
    paint); it keeps a dataclass's behaviour: defaults of its own, ``==`` by value."""
    first, second = Corrections(), Corrections()
    first.dropped.add("tag:x")
    assert second.dropped == set()  # no shared default
    assert first != second
    assert Corrections(people={"a": {"choice": "new"}}) == Corrections(
        people={"a": {"choice": "new"}}
    )
    assert Corrections() != object()
    assert "people={}" in repr(Corrections())
    with pytest.raises(TypeError):
        hash(Corrections())
