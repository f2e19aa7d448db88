"""Important dates (#14): the rules, the schema step that migrates ``Birthday:`` lines,
import from every format, the export round trip, ``show --json``, Today, reminders and
the briefing sheet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import peewee as pw
import pytest

from desktop.domain import dates as rules
from desktop.domain.briefing import dates_near

ROOT = Path(__file__).resolve().parent.parent


# -- rules -----------------------------------------------------------------------------------
def test_days_are_normalised_with_or_without_a_year() -> None:
    assert rules.normalise_day("1985-04-12") == "1985-04-12"
    assert rules.normalise_day("19850412") == "1985-04-12"
    assert rules.normalise_day("--0412") == "--04-12"
    assert rules.normalise_day("--02-29") == "--02-29"
    assert rules.normalise_day("1985-02-29") is None
    assert rules.normalise_day("April") is None


def test_next_occurrence_and_years() -> None:
    today = date(2031, 3, 1)
    assert rules.next_occurrence("1990-03-01", today) == today
    assert rules.next_occurrence("--02-29", date(2031, 3, 1)) == date(2032, 2, 29)
    assert rules.next_occurrence("--02-29", date(2031, 2, 1)) == date(2031, 2, 28)
    rows = [
        ("d1", "p1", "Ana", "birthday", "1990-03-03"),
        ("d2", "p2", "Ben", "anniversary", "--03-01"),
        ("d3", "p3", "Cleo", "birthday", "1980-05-01"),
    ]
    coming = rules.upcoming(rows, today, 6)
    assert [(u.person_name, u.in_days, u.years) for u in coming] == [
        ("Ben", 0, None),
        ("Ana", 2, 41),
    ]
    assert coming[1].describe() == "Ana's birthday in 2 days (Mon 3 Mar) (turns 41)"


def test_dates_near_an_event() -> None:
    event = date(2031, 6, 10)
    near = dates_near(
        [("birthday", "1990-06-13"), ("anniversary", "--06-10"), ("birthday", "1990-08-01")],
        event,
        today=date(2031, 6, 1),
    )
    assert near == (
        "Anniversary 10 June — on the day of the event",
        "Birthday 13 June — 3 days after the event, turns 41",
    )


# -- the schema step and its migration -------------------------------------------------------
def test_step_4_turns_birthday_lines_into_dates_after_a_backup(tmp_path: Path) -> None:
    from desktop.storage import clocks, schema
    from desktop.storage.db import close_database, open_database
    from desktop.storage.models import Change, ImportantDate, Person, database

    path = tmp_path / "data" / "rapport.sqlite3"
    path.parent.mkdir()
    old = pw.SqliteDatabase(str(path))
    database.initialize(old)  # step 2 creates the draft table from its model
    for version in (1, 2, 3):
        schema.STEPS[version](old)
    old.execute_sql("INSERT INTO meta (key, value) VALUES ('device_id', 'dev1')")
    old.execute_sql(
        "INSERT INTO person (id, updated, deleted, full_name, nickname, pronunciation, pronouns, "
        "headline, organization, location, how_we_met, about, interests, family, working_on, "
        "help_them, help_me, circle, confidential_fields) VALUES ('p1', '0000000000001-0000-dev1', "
        "0, 'Ana Ruiz', '', '', '', '', '', '', '', ?, '', '', '', '', '', 'close', '')",
        ("Loves sailing.\nBirthday: 1985-04-12\nAnniversary: --06-01",),
    )
    old.execute_sql("PRAGMA user_version = 3")
    old.close()
    try:
        open_database(path)
        rows = sorted((d.label, d.day) for d in ImportantDate.select())
        assert rows == [("anniversary", "--06-01"), ("birthday", "1985-04-12")]
        assert Person.get_by_id("p1").about == "Loves sailing."
        # written through the journal: every field clocked, so sync carries the dates
        # (the rows are the state: step 6 keeps no log entry for values still in force)
        for day in ImportantDate.select():
            assert {"deleted", "person", "day"} <= set(clocks.of_row(ImportantDate, day.id))
        assert Change.select().where(Change.entity == "important_date").count() == 0
        assert list((path.parent / "backups").glob("*before-v4*"))
    finally:
        close_database()


def test_frozen_schema_matches_the_models(data_dir: Path) -> None:
    """A new database (every frozen step run) has the tables today's models declare."""
    from desktop.storage.conversation_fts import LOCAL_COLUMNS
    from desktop.storage.models import SYNCED_MODELS, database

    for model in SYNCED_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in database.get_columns(table)} - LOCAL_COLUMNS.get(table, set())
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model


# -- import, export, show --------------------------------------------------------------------
def _import(path: Path):
    from desktop.services import importing

    return importing.apply_import(importing.preview_import(path))


def _dates_of(name: str) -> list[tuple[str, str]]:
    from desktop.services import dates, people

    return [(d.label, d.day) for d in dates.dates_of(people.resolve_person(name))]


def test_vcard_bday_anniversary_and_labelled_apple_dates(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "dates.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nBDAY:1604-05-12\r\n"
        "ANNIVERSARY:20100612\r\nitem1.X-ABDATE:2019-09-01\r\n"
        "item1.X-ABLabel:Started at Acme\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    _import(path)
    assert _dates_of("Ana Ruiz") == [
        ("birthday", "--05-12"),
        ("anniversary", "2010-06-12"),
        ("started at acme", "2019-09-01"),
    ]
    _import(path)  # the same file again adds nothing
    assert len(_dates_of("Ana Ruiz")) == 3


@pytest.mark.parametrize("fmt", ["vcf", "csv", "json"])
def test_export_round_trip_keeps_the_dates(data_dir: Path, tmp_path: Path, fmt: str) -> None:
    from desktop.services import dates, people, store
    from desktop.services.exporting import export_data

    ana = people.create_person(full_name="Ana Ruiz")
    dates.add_date(person_id=ana, label="birthday", day="1985-04-12")
    dates.add_date(person_id=ana, label="anniversary", day="--06-01")
    dates.add_date(person_id=ana, label="Daughter's graduation", day="2031-07-04")
    out = tmp_path / f"out.{fmt}"
    export_data(fmt, out)
    if fmt == "json":
        listed = json.loads(out.read_text(encoding="utf-8"))["dates"]
        assert {(d["label"], d["day"]) for d in listed} >= {("birthday", "1985-04-12")}
    store.close_store()
    store.open_store(tmp_path / "other")
    _import(out)
    got = set(_dates_of("Ana Ruiz"))
    assert {("birthday", "1985-04-12"), ("anniversary", "--06-01")} <= got
    assert {label.casefold() for label, _ in got} == {
        "birthday",
        "anniversary",
        "daughter's graduation",
    }


def test_show_json_lists_dates(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    data = tmp_path / "d"
    card = tmp_path / "a.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Ruiz\r\nBDAY:--0412\r\nEND:VCARD\r\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )

    assert run("import", str(card)).returncode == 0
    shown = run("show", "Ana Ruiz", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["dates"] == [{"label": "birthday", "date": "--04-12"}]


# -- Today, reminders, briefing, merge -------------------------------------------------------
def test_today_reminders_and_briefing_show_the_dates(data_dir: Path) -> None:
    from desktop.services import briefing, dates, people, reminders, today

    day = date(2031, 3, 1)
    ana = people.create_person(full_name="Ana Ruiz")
    ben = people.create_person(full_name="Ben Oka")
    dates.add_date(person_id=ana, label="birthday", day="1990-03-02")
    dates.add_date(person_id=ben, label="birthday", day="--03-09")  # eight days: not this week
    week = today.dates_this_week(today=day)
    assert [(u.person_name, u.in_days) for u in week] == [("Ana Ruiz", 1)]
    reminder = reminders.dates_ahead(day)
    assert reminder is not None and reminder.person_id == ana
    assert reminder.title == "Birthday tomorrow"
    assert reminders.dates_ahead(day, days_before=8).message.startswith("Ben Oka's birthday")
    assert reminders.dates_ahead(date(2031, 3, 3)) is None
    sheet = briefing.gather_for_people([ana, ben], today=day)
    assert sheet.people[0].dates_near == ("Birthday 2 March — 1 day after today, turns 41",)
    assert sheet.people[1].dates_near == ("Birthday 9 March — 8 days after today",)
    from desktop.printing.briefing_html import person_compact_html, person_html

    assert "Birthday 2 March" in person_html(sheet.people[0], today=day)  # detailed
    assert "Birthday 2 March" in person_compact_html(sheet.people[0], today=day)  # default


def test_deleted_person_and_deleted_date_are_not_shown(data_dir: Path) -> None:
    from desktop.services import dates, people, today

    day = date(2031, 3, 1)
    ana = people.create_person(full_name="Ana Ruiz")
    first = dates.add_date(person_id=ana, label="birthday", day="--03-02")
    assert today.dates_this_week(today=day)
    dates.delete_date(first)
    assert not today.dates_this_week(today=day)
    dates.restore_date(first)
    people.delete_person(ana)
    assert not today.dates_this_week(today=day)


def test_a_bad_day_is_refused(data_dir: Path) -> None:
    from desktop.services import dates, people

    ana = people.create_person(full_name="Ana Ruiz")
    with pytest.raises(ValueError, match="not a date"):
        dates.add_date(person_id=ana, label="birthday", day="31 February")


def test_merging_people_moves_their_dates(data_dir: Path) -> None:
    from desktop.services import dates, duplicates, people

    ana = people.create_person(full_name="Ana Ruiz")
    other = people.create_person(full_name="Ana M. Ruiz")
    dates.add_date(person_id=ana, label="birthday", day="1985-04-12")
    dates.add_date(person_id=other, label="birthday", day="1985-04-12")
    dates.add_date(person_id=other, label="anniversary", day="--06-01")
    duplicates.merge_people(ana, other)
    assert [(d.label, d.day) for d in dates.dates_of(ana)] == [
        ("birthday", "1985-04-12"),
        ("anniversary", "--06-01"),
    ]


def test_markdown_export_lists_the_dates(data_dir: Path, tmp_path: Path) -> None:
    from desktop.services import dates, people
    from desktop.services.exporting import export_data

    ana = people.create_person(full_name="Ana Ruiz")
    dates.add_date(person_id=ana, label="birthday", day="--04-12")
    export_data("markdown", tmp_path / "md")
    [page] = (tmp_path / "md").glob("ana-ruiz-*.md")
    assert "## Dates\n\n- Birthday: 12 April\n" in page.read_text(encoding="utf-8")
