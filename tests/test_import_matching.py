"""Matching, idempotence, and the one-transaction promise of every import."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.importing import apply_import, applying, preview_import
from desktop.storage.models import Change, ContactPoint, Tag, database

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ALL = sorted(p.name for p in FIXTURES.iterdir())


def _table_counts() -> dict[str, int]:
    tables = [
        name
        for (name,) in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%index%'"
        )
    ]
    return {t: database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.parametrize("name", ALL)
def test_reimporting_the_same_file_changes_nothing(data_dir, name):
    first = apply_import(preview_import(FIXTURES / name, region="US"))
    assert first.written["people"] >= 1
    before = _table_counts()
    changes = Change.select().count()
    again = apply_import(preview_import(FIXTURES / name, region="US"))
    assert again.written["people"] == 0
    assert again.written["updated_people"] == 0
    assert again.backup is None  # nothing to write, nothing to back up
    assert _table_counts() == before
    assert Change.select().count() == changes  # not one new change-log entry


def test_every_fixture_in_one_data_folder_then_all_again(data_dir):
    for name in ALL:
        apply_import(preview_import(FIXTURES / name, region="US"))
    before, changes = _table_counts(), Change.select().count()
    for name in ALL:
        preview = preview_import(FIXTURES / name, region="US")
        assert not preview.changes_anything, name
    assert (_table_counts(), Change.select().count()) == (before, changes)


def test_matching_by_email_adds_new_contact_points_and_tags_once(data_dir):
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme Robotics")
    people.add_contact_point(person_id=ana, kind="email", value="ANA.RUIZ@acme.example")
    people.add_tag(person_id=ana, name="robotics")
    preview = preview_import(FIXTURES / "iphone_3.0.vcf", region="ES")
    [match] = preview.matched_people
    assert match.person_id == ana
    assert match.reason == "same email ana.ruiz@acme.example"
    apply_import(preview)
    card = people.get_person(ana)
    emails = [p.value for p in card.contact_points if p.kind == "email"]
    assert sorted(emails) == ["ANA.RUIZ@acme.example", "anita@mail.example"]  # not twice
    assert card.full_name == "Ana Ruiz"  # a matched person keeps their name
    assert card.nickname == "Anita"  # empty fields are filled
    assert card.photo is not None


def test_matching_by_phone_in_another_notation(data_dir):
    pid = people.create_person(full_name="J. Müller")
    people.add_contact_point(person_id=pid, kind="phone", value="+49 30 1234567")
    preview = preview_import(FIXTURES / "outlook_2.1.vcf", region="DE")
    match = next(p for p in preview.matched_people if p.person_id == pid)
    assert match.reason == "same phone +49301234567"


def test_fuzzy_name_at_the_same_organization(data_dir):
    pid = people.create_person(full_name="Tomas Herrera", organization="Initech Inc.")
    other = people.create_person(full_name="Tomás Herrera", organization="Globex")
    preview = preview_import(FIXTURES / "linkedin_connections.csv")
    match = next(p for p in preview.matched_people if p.incoming.name == "Tomás Herrera")
    assert match.person_id == pid  # not the namesake at another company
    assert match.person_id != other
    assert match.reason.startswith("similar name at the same organization")


def test_same_name_without_organization_matches_but_different_orgs_do_not(data_dir):
    plain = people.create_person(full_name="Yusuf Demir")
    people.create_person(full_name="Priya Raman", organization="Umbrella")
    preview = preview_import(FIXTURES / "linkedin_connections.csv")
    matched = {p.incoming.name: p for p in preview.matched_people}
    assert matched["Yusuf Demir"].person_id == plain
    assert matched["Yusuf Demir"].reason == "the same name"
    assert "Priya Raman" not in matched  # Umbrella is not Globex


def test_duplicates_inside_one_file_are_combined(tmp_path, data_dir):
    path = tmp_path / "dupes.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEMAIL:ana@x.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana R.\nEMAIL:ANA@x.example\nTEL:+34 612 34 56 78\n"
        "END:VCARD\n"
    )
    preview = preview_import(path)
    [plan] = preview.plan.people
    assert plan.combined == ["card at line 6"]
    assert {c.kind for c in plan.new_contacts} == {"email", "phone"}


def test_preview_writes_nothing(data_dir):
    before, changes = _table_counts(), Change.select().count()
    preview_import(FIXTURES / "monica_v4.json")
    assert (_table_counts(), Change.select().count()) == (before, changes)


def test_a_failure_while_writing_leaves_nothing_behind(data_dir, monkeypatch):
    people.create_person(full_name="Already Here")
    before, changes = _table_counts(), Change.select().count()
    original = applying._index

    def broken(plan, bulk):
        original(plan, bulk)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(applying, "_index", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        apply_import(preview_import(FIXTURES / "monica_v4.json"))
    assert _table_counts() == before
    assert Change.select().count() == changes
    assert ContactPoint.select().count() == 0 and Tag.select().count() == 0


def test_a_backup_is_taken_before_each_import(data_dir):
    people.create_person(full_name="Before Import")
    result = apply_import(preview_import(FIXTURES / "google_3.0.vcf"))
    assert result.backup is not None
    assert result.backup.parent == data_dir / "backups"
    assert "before-import" in result.backup.name


def test_changes_between_preview_and_apply_are_taken_into_account(data_dir):
    preview = preview_import(FIXTURES / "google_3.0.vcf")
    assert preview.counts["new_people"] == 2
    apply_import(preview_import(FIXTURES / "google_3.0.vcf"))  # someone imported meanwhile
    result = apply_import(preview)
    assert result.written["people"] == 0
    assert len(people.all_names()) == 2
