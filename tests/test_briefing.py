"""The briefing's selection (pure), focus suggestions, debrief list and the HTML text."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fixtures.briefing_network import SECRET_WORDS, TODAY, build_network

from desktop.domain.briefing import (
    MAX_PROMISES,
    WarmPathCandidate,
    initials,
    rank_warm_paths,
    shorten,
    withheld_note,
)
from desktop.domain.focus import (
    FOCUS_COMFORT,
    FocusCandidate,
    capture_prefill,
    focus_note,
    suggest,
)

# --- pure rules ------------------------------------------------------------------------------


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("short text", 40) == "short text"
    cut = shorten("the quick brown fox jumps over the lazy dog " * 5, 40)
    assert len(cut) <= 40 and cut.endswith("…") and " " in cut
    assert shorten("  many   spaces\nand lines ", 40) == "many spaces and lines"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Ana Ruiz", "AR"), ("Ludwig van Beethoven", "LB"), ("Cher", "C"), ("刘艳", "刘"), ("", "?")],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_withheld_note_counts_in_words() -> None:
    assert withheld_note(0) == ""
    assert withheld_note(1) == "1 item told in confidence is not printed — see Rapport"
    assert withheld_note(2) == "2 items told in confidence are not printed — see Rapport"


def _path(pid: str, link: str, circle: str = "network", talks: int = 1) -> WarmPathCandidate:
    return WarmPathCandidate(
        pid, pid.title(), link, "Acme" if link == "organization" else "", circle, talks
    )


def test_warm_paths_prefer_introductions_then_closeness_then_history() -> None:
    paths = rank_warm_paths(
        [
            _path("olga", "organization", "inner", 9),
            _path("ian", "introduction", "acquaintance", 1),
            _path("stranger", "introduction", "inner", 0),  # never talked: cannot ask
            _path("nina", "organization", "network", 30),
            _path("carl", "organization", "close", 2),
            _path("olga", "introduction", "inner", 9),  # the better reason wins
        ]
    )
    assert [p.name for p in paths] == ["Olga", "Ian", "Carl"]
    assert paths[0].reason == "knows them (a recorded introduction)"
    assert paths[2].reason == "also at Acme"


def test_focus_suggestion_weighs_reasons_and_keeps_the_users_choice() -> None:
    candidates = [
        FocusCandidate("a", "Ana", why="ask about seeds"),
        FocusCandidate("b", "Ben", i_owe=1, overdue=1),
        FocusCandidate("c", "Cleo", they_owe=1),
        FocusCandidate("d", "Dev", drifting=True),
        FocusCandidate("e", "Eve"),  # no reason: never suggested
        FocusCandidate("f", "Fay", focus=True),  # the user's pick: always kept, first
    ]
    picked = suggest(candidates, limit=4)
    assert [s.name for s in picked] == ["Fay", "Ana", "Ben", "Dev"]
    assert picked[0].already_focus
    assert picked[1].reasons == ("why: ask about seeds",)
    assert picked[2].reasons == ("you owe them 1 promise", "1 promise is late")
    assert all(s.name != "Eve" for s in suggest(candidates, limit=10))


def test_focus_note_is_gentle_and_only_for_long_lists() -> None:
    assert focus_note(FOCUS_COMFORT) == ""
    note = focus_note(FOCUS_COMFORT + 2)
    assert note.startswith("Quality over quantity: 7 people in focus.")


def test_capture_prefill_reads_like_a_note() -> None:
    assert capture_prefill("Ana Ruiz", "Acme", "PyCon") == "Met Ana Ruiz (Acme) at PyCon — "
    assert capture_prefill("Ana Ruiz", "", "") == "Met Ana Ruiz — "


# --- gathering from the store -----------------------------------------------------------------


@pytest.fixture
def network(data_dir: Path):
    return build_network(today=TODAY)


def _by_name(sheet):
    return {p.name: p for p in sheet.people}


def test_event_sheet_puts_focus_first_then_most_to_do(network) -> None:
    from desktop.services.briefing import gather_for_event

    sheet = gather_for_event(network.event_id, today=TODAY)
    assert sheet.title == "Harbour Summit"
    assert sheet.place == "Pier 4, Lisbon"
    assert sheet.goals == "Meet two people working on ocean plastics"
    assert sheet.printed_on == TODAY
    names = [p.name for p in sheet.people]
    assert names[0] == "Ana Ruiz"  # focus
    # Cleo has a "why" and a warm introduction (4 + 2), Dev owes me and drifts (1.5 + 2),
    # Ben has nothing to do.
    assert names[1:] == ["Cleo Park", "Dev Patel", "Ben Ode"]


def test_a_person_block_holds_every_section(network) -> None:
    from desktop.services.briefing import gather_for_event

    ana = _by_name(gather_for_event(network.event_id, today=TODAY))["Ana Ruiz"]
    assert ana.focus and ana.met
    assert ana.photo is not None
    assert ana.also_known == "goes by “Anita” · say AH-na roo-EETH · she/her"
    assert (ana.headline, ana.organization) == ("Staff engineer", "Acme")
    assert "PyCon 2023 hallway track" in ana.how_we_know
    assert ana.introduced_by == ("Ben Ode",)
    assert 0 <= ana.trust_in_them <= 100 and 0 <= ana.their_trust <= 100
    assert ana.last_talk is not None
    assert ana.last_talk.when == TODAY - timedelta(days=12)
    assert ana.last_talk.where == "Lisbon"
    assert ana.last_talk.summary.startswith("Talked about the harbour cleanup")
    (mine,) = ana.i_owe
    assert (mine.text, mine.due, mine.days_late, mine.late) == (
        "send the deck",
        TODAY - timedelta(days=4),
        4,
        True,
    )
    (theirs,) = ana.they_owe
    assert (theirs.text, theirs.due, theirs.late) == (
        "intro to Ben's team",
        TODAY + timedelta(days=9),
        False,
    )
    labels = dict(ana.ask_about)
    assert labels["Interests"] == "sailing, sourdough"
    assert labels["Working on"] == "a search engine for seeds"
    assert labels["Recent topics"] == "ocean plastics, sailing"
    assert ana.help_them == "an intro to climate investors"
    assert ana.why_meet == "ask about the seed search"


def test_confidences_never_reach_the_sheet_but_are_counted(network) -> None:
    from desktop.services.briefing import gather_for_event

    ana = _by_name(gather_for_event(network.event_id, today=TODAY))["Ana Ruiz"]
    printed = repr(dataclasses.replace(ana, photo=None))
    for word in SECRET_WORDS:
        assert word not in printed
    assert "Family" not in dict(ana.ask_about)  # a field marked confidential
    # The confidential conversation is newer, yet the last talk shown is the open one.
    assert ana.last_talk is not None and ana.last_talk.where == "Lisbon"
    # One conversation, one field, one promise made in that conversation.
    assert ana.withheld == 3


def test_someone_not_met_yet_gets_why_and_who_could_introduce(network) -> None:
    from desktop.services.briefing import gather_for_event

    cleo = _by_name(gather_for_event(network.event_id, today=TODAY))["Cleo Park"]
    assert not cleo.met and cleo.last_talk is None
    assert cleo.why_meet == "her soil research"
    assert [(w.name, w.reason) for w in cleo.warm_paths] == [("Ben Ode", "also at Globex")]


def test_promises_beyond_the_limit_are_counted(data_dir: Path) -> None:
    from desktop.services import commitments, people
    from desktop.services.briefing import gather_for_people

    pid = people.create_person(full_name="Busy Bee")
    for n in range(MAX_PROMISES + 2):
        commitments.make_commitment(
            owner="me", person_id=pid, description=f"task {n}", due=TODAY + timedelta(days=n)
        )
    (bee,) = gather_for_people([pid], today=TODAY).people
    assert [p.text for p in bee.i_owe] == ["task 0", "task 1", "task 2"]
    assert bee.more_i_owe == 2


def test_hand_picked_sheet_keeps_order_and_drops_duplicates(network) -> None:
    from desktop.services.briefing import gather_for_people
    from desktop.services.people import PersonNotFound

    sheet = gather_for_people([network.dev, network.ana, network.dev], title="Lunch", today=TODAY)
    assert [p.name for p in sheet.people] == ["Dev Patel", "Ana Ruiz"]
    assert sheet.title == "Lunch" and sheet.starts_at is None
    assert not any(p.focus for p in sheet.people)
    with pytest.raises(PersonNotFound):
        gather_for_people(["no-such-id"])


def test_suggest_focus_explains_each_pick(network) -> None:
    from desktop.services.briefing import suggest_focus

    advice = suggest_focus(network.event_id, today=TODAY)
    assert advice.focus_count == 1 and advice.note == ""
    picks = {s.name: s for s in advice.suggestions}
    assert advice.suggestions[0].name == "Ana Ruiz"
    assert "why: her soil research" in picks["Cleo Park"].reasons
    assert "not met yet — Ben Ode could introduce you" in picks["Cleo Park"].reasons
    assert "drifting: past your keep-in-touch rhythm" in picks["Dev Patel"].reasons
    assert "they owe you 1 promise" in picks["Dev Patel"].reasons
    assert "Ben Ode" not in picks


def test_set_focus_returns_the_old_focus_and_a_long_list_gets_a_note(data_dir: Path) -> None:
    from desktop.services.briefing import gather_for_event, set_focus, suggest_focus

    network = build_network(extra_people=FOCUS_COMFORT + 1, today=TODAY)
    everyone = [network.ana, network.cleo, network.dev, *network.extra]
    before = set_focus(event_id=network.event_id, person_ids=everyone)
    assert before == frozenset({network.ana})
    advice = suggest_focus(network.event_id, today=TODAY)
    assert advice.focus_count == len(everyone)
    assert advice.note.startswith(f"Quality over quantity: {len(everyone)} people in focus")
    assert gather_for_event(network.event_id, today=TODAY).note == advice.note
    set_focus(event_id=network.event_id, person_ids=before)
    assert suggest_focus(network.event_id, today=TODAY).focus_count == 1


def test_debrief_lists_who_was_met_and_whether_noted(network) -> None:
    from desktop.services import conversations
    from desktop.services.briefing import debrief_list

    (entry,) = debrief_list(network.event_id)
    assert (entry.name, entry.noted) == ("Dev Patel", False)
    assert entry.prefill == "Met Dev Patel (Initech) at Harbour Summit — "
    conversations.log_conversation(
        participants=[network.dev], event=network.event_id, happened_at=datetime(2026, 3, 5, 12)
    )
    assert debrief_list(network.event_id)[0].noted


def test_unknown_event_raises_lookup_error(data_dir: Path) -> None:
    from desktop.services.briefing import debrief_list, gather_for_event, suggest_focus

    for call in (gather_for_event, suggest_focus, debrief_list):
        with pytest.raises(LookupError):
            call("no-such-event")


# --- the HTML (pure, no Qt) -----------------------------------------------------------------------


def test_html_escapes_and_carries_every_section(network) -> None:
    from desktop.printing.briefing_html import (
        LAST_MARK,
        footer_text,
        format_when,
        header_html,
        person_html,
        sheet_html,
    )
    from desktop.services import people
    from desktop.services.briefing import gather_for_event

    people.update_person(network.ben, headline="<script>alert(1)</script> & co")
    sheet = gather_for_event(network.event_id, today=TODAY)
    ben = _by_name(sheet)["Ben Ode"]
    html = person_html(ben, today=TODAY)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; co" in html
    assert f"{LAST_MARK} Ben:" in html
    ana = person_html(_by_name(sheet)["Ana Ruiz"], today=TODAY)
    for text in (
        "LAST TALKED",
        "OPEN PROMISES",
        "ASK ABOUT",
        "HOW YOU CAN HELP",
        "WHY MEET",
        "LATE&nbsp;4&nbsp;days",
        "★ FOCUS",
        "rapport-photo:",
        "3 items told in confidence are not printed",
    ):
        assert text in ana
    cleo = person_html(_by_name(sheet)["Cleo Park"], today=TODAY)
    assert "NOT MET YET" in cleo and "WHO COULD INTRODUCE YOU" in cleo
    header = header_html(sheet)
    assert "Harbour Summit" in header and "Your goals:" in header and "Pier 4, Lisbon" in header
    assert "4 people, 1 in focus" in header
    assert footer_text(sheet, 2, 3).endswith("page 2 of 3")
    assert "printed Mon 2 Mar 2026" in footer_text(sheet, 1, 1)
    assert format_when(datetime(2026, 3, 5, 9), datetime(2026, 3, 5, 17)) == (
        "Thu 5 Mar 2026, 09:00–17:00"
    )
    whole = sheet_html(sheet)
    assert whole.count(LAST_MARK) == 4
    for word in SECRET_WORDS:
        assert word not in whole


def test_today_is_the_default_day(network) -> None:
    from desktop.services.briefing import gather_for_people

    assert gather_for_people([network.ana]).printed_on == date.today()
