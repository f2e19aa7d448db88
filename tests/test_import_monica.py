"""Monica v4 JSON export: people, how-we-met, history and promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.services import commitments, conversations, exchanges, people
from desktop.services.importing import ImportFileError, apply_import, preview_import
from desktop.services.importing.monica import parse_monica

FIXTURES = Path(__file__).parent / "fixtures" / "import"
MONICA = FIXTURES / "monica_v4.json"


def test_monica_contacts_become_people_without_the_users_own_card():
    parsed = parse_monica(MONICA.read_bytes(), "monica.json", region="ES")
    names = {p.name for p in parsed.people}
    assert names == {"Ana María Ruiz", "Ben Okafor", "Luis Ruiz"}  # not "Robin Example" (me)
    [nameless] = parsed.rejected
    assert nameless.ref == "contact 5" and "no name" in nameless.reason
    ana = next(p for p in parsed.people if p.name == "Ana María Ruiz")
    assert ana.fields["headline"] == "Head of Research"
    assert ana.fields["organization"] == "Acme Robotics"
    assert ana.fields["cadence_days"] == 30
    assert ana.fields["photo"].startswith(b"\x89PNG")
    assert ana.fields["how_we_met"] == "Met through Ben Okafor on 2019-06-01"
    about = ana.fields["about"]
    for line in (
        "Food preferences: Vegetarian",
        "Note (2024-02-10): Her daughter starts university in September.",
        "Life event 2022-09-01: New job — Joined Acme Robotics",
        "Reminder every year from 2024-04-12: Ana's birthday",
    ):
        assert line in about
    assert [(d.label, d.day) for d in ana.dates] == [("birthday", "1985-04-12")]
    assert "Pet: Brisa (dog)" in ana.fields["family"]
    assert "Spouse of Luis Ruiz" in ana.fields["family"]
    assert ana.fields["help_them"].startswith("Gift idea: Robot kit for her daughter")
    contacts = {(c.kind, c.label, c.value) for c in ana.contacts}
    assert ("email", "", "ana.ruiz@acme.example") in contacts
    assert ("phone", "", "+34612345678") in contacts
    assert ("social", "twitter", "anaruiz") in contacts
    assert ("address", "home", "Calle Mayor 1, Madrid, 28013, ES") in contacts


def test_monica_import_maps_history_onto_conversations_promises_and_exchanges(data_dir):
    result = apply_import(preview_import(MONICA, region="ES"))
    assert result.written["people"] == 3
    ana = people.resolve_person("Ana María Ruiz")
    ben = people.resolve_person("Ben Okafor")
    talks = conversations.conversations_with(ana)
    kinds = sorted(c.kind for c in talks)
    assert kinds == ["call", "email", "in_person", "meal"]  # call, message thread, 2 activities
    dinner = next(c for c in talks if c.kind == "meal")
    assert dinner.title == "Dinner at Casa Lucio"
    assert set(dinner.participant_ids) == {ana, ben}  # one activity, two participants
    thread = next(c for c in talks if c.kind == "email")
    assert "Me: Sure, sending it tonight." in thread.notes
    assert "Ana: Can you send me the paper?" in thread.notes
    call = next(c for c in talks if c.kind == "call")
    assert "Mood: happy, grateful" in call.notes
    promises = {(c.owner, c.description, c.status) for c in commitments.commitments_with(ana)}
    assert ("me", "Send Ana the sailing club details — She asked at dinner", "open") in promises
    assert ("me", "Return her book", "kept") in promises
    assert ("me", "Ask about the conference talk — She presents in Lisbon", "open") in promises
    assert ("me", "Pay back 40 EUR", "open") in promises  # in_debt: I owe Ana
    assert ("them", "Pay me back 15 EUR", "kept") in promises
    given = {(e.direction, e.kind) for e in exchanges.exchanges_with(ana)}
    assert given == {("give", "gift"), ("receive", "gift")}
    [intro] = people.get_person(ana).introduced_by
    assert intro.introducer_id == ben
    assert set(people.get_person(ana).tags) == {"friends", "robotics"}


def test_monica_reimport_adds_nothing(data_dir):
    apply_import(preview_import(MONICA, region="ES"))
    again = preview_import(MONICA, region="ES")
    counts = again.counts
    assert counts["new_people"] == 0 and counts["updated_people"] == 0
    assert counts["conversations"] == counts["commitments"] == counts["exchanges"] == 0
    assert counts["already_present"] == 4 + 5 + 2 + 1  # talks, promises, gifts, introduction


@pytest.mark.parametrize(
    "document",
    [{"account": "nope"}, {"people": []}, [1, 2, 3], {"version": "1", "account": {"data": 5}}],
)
def test_json_that_is_not_a_monica_export_is_refused(tmp_path, data_dir, document):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportFileError, match=r"export\.json"):
        preview_import(path)


def test_plural_collection_types_are_accepted_too(tmp_path, data_dir):
    root = json.loads(MONICA.read_text())
    for collection in root["account"]["data"]:
        collection["type"] += "s" if not collection["type"].endswith("y") else ""
    path = tmp_path / "plural.json"
    path.write_text(json.dumps(root))
    preview = preview_import(path, region="ES")
    assert preview.counts["new_people"] == 3
