"""Exports: lossless JSON round trip, vCard round trip, CSV, Markdown, and discretion."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.services import (
    commitments,
    conversations,
    events,
    exchanges,
    introductions,
    people,
    store,
)
from desktop.services.demo import build_demo
from desktop.services.exporting import ExportError, export_data
from desktop.services.exporting.json_format import LISTS
from desktop.services.importing import apply_import, preview_import
from desktop.storage.models import SYNCED_MODELS

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
    b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
    b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
CARD_FIELDS = (
    "full_name",
    "nickname",
    "pronunciation",
    "pronouns",
    "headline",
    "organization",
    "location",
    "how_we_met",
    "about",
    "interests",
    "family",
    "working_on",
    "help_them",
    "help_me",
    "circle",
    "cadence_days",
    "photo",
)


def _snapshot() -> dict[str, dict[str, dict]]:
    """Every live row of every record type, by id, without the sync clock."""
    out = {}
    for model in SYNCED_MODELS:
        rows = {}
        for row in model.select().where(model.deleted == False).dicts():
            row.pop("updated")
            rows[row["id"]] = row
        out[model._meta.table_name] = rows
    return out


def _as_exported(snapshot: dict[str, dict[str, dict]]) -> dict[str, dict[str, dict]]:
    """The documented export rules applied to a snapshot: rows hanging on a tombstone
    are left out, optional references to one become null."""
    live = {table: set(rows) for table, rows in snapshot.items()}
    required = {"person": "person", "introducer": "person", "other": "person"}
    optional = {"conversation": "conversation", "event": "event"}
    out: dict[str, dict[str, dict]] = {}
    for table, rows in snapshot.items():
        kept = {}
        for row_id, row in rows.items():
            row = dict(row)
            if any(row.get(c) and row[c] not in live[t] for c, t in required.items()):
                continue
            if (
                table in ("participant", "attendance", "tag")
                and any(row.get(c) and row[c] not in live[t] for c, t in optional.items())
                and not (table == "tag" and row.get("person"))
            ):
                continue
            for column, target in optional.items():
                if row.get(column) and row[column] not in live[target]:
                    row[column] = None
            kept[row_id] = row
        out[table] = kept
    return out


def _rich_network() -> dict[str, str]:
    """A demo network plus the awkward cases: photo, confidential, tombstones, odd text."""
    build_demo(people=25, seed=7, now=datetime(2024, 5, 1, 12, 0))
    ana = people.create_person(
        full_name="Ana “Ani” Ruiz-Ω",
        nickname="Ani",
        pronouns="she/her",
        pronunciation="AH-nah",
        organization="Acme; Research, Inc.",
        headline="Head of R\\D",
        about="Line one\nBirthday: 1985-04-12\nمرحبا 👋 — trailing space ",
        family="Two kids; partner Luis",
        confidential_fields="family",
        photo=PNG,
        circle="close",
        cadence_days=30,
        credibility=4,
        tags=["sailing", "robotics"],
    )
    people.add_contact_point(person_id=ana, kind="email", value="ana@acme.example", label="work")
    people.add_contact_point(person_id=ana, kind="phone", value="+34612345678", label="mobile")
    people.add_contact_point(person_id=ana, kind="phone", value="+34910000000", label="signal")
    people.add_contact_point(
        person_id=ana, kind="social", value="@ana@mastodon.example", label="mastodon"
    )
    people.add_contact_point(
        person_id=ana, kind="address", value="Calle Mayor 1, Madrid", label="home"
    )
    people.add_contact_point(person_id=ana, kind="url", value="https://ana.example", label="")
    ben = people.create_person(full_name="Ben Okafor")
    gone = people.create_person(full_name="Gone Person")
    people.add_contact_point(person_id=gone, kind="email", value="gone@example.org")
    people.delete_person(gone)
    event = events.create_event(title="PyCon", starts_at=datetime(2024, 5, 17, 9, 0))
    events.add_attendee(event_id=event, person_id=ana, why="robot arm", focus=True)
    secret = conversations.log_conversation(
        participants=[ana, ben],
        happened_at=datetime(2024, 4, 2, 18, 30),
        notes="Told me about the acquisition.",
        depth="personal",
        confidential=True,
        event=event,
        tags=["deal"],
    )
    deleted_talk = conversations.log_conversation(participants=[ana], notes="oops")
    conversations.delete_conversation(deleted_talk)
    commitments.make_commitment(
        owner="me",
        person_id=ana,
        description="Send the deck",
        due=date(2024, 4, 9),
        conversation_id=secret,
    )
    commitments.make_commitment(
        owner="them", person_id=ana, description="Intro to Ben", conversation_id=deleted_talk
    )
    exchanges.record_exchange(person_id=ana, direction="give", kind="advice", description="CV")
    introductions.record_introduction(introducer_id=ben, person_id=ana)
    return {"ana": ana, "ben": ben, "secret": secret, "gone": gone}


def test_full_json_export_round_trips_losslessly_into_an_empty_folder(tmp_path):
    store.open_store(tmp_path / "source")
    try:
        ids = _rich_network()
        before = _snapshot()
        export_data("json", tmp_path / "all.json")
    finally:
        store.close_store()
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert document["format"] == "rapport-export" and document["format_version"] == 1
    assert [name for name, _ in LISTS] == [k for k in document if k in dict(LISTS)]
    assert ids["gone"] not in {p["id"] for p in document["people"]}  # tombstones left out
    orphan = [c for c in document["contact_points"] if c["person_id"] == ids["gone"]]
    assert orphan == []  # …and rows hanging on them
    promise = next(c for c in document["commitments"] if c["description"] == "Intro to Ben")
    assert promise["conversation_id"] is None  # a deleted conversation's reference is nulled
    store.open_store(tmp_path / "target")
    try:
        result = apply_import(preview_import(tmp_path / "all.json"))
        assert not result.preview.rejected
        after = _snapshot()
    finally:
        store.close_store()
    before = _as_exported(before)
    for table, rows in before.items():
        assert after[table] == rows, table  # every record, every field, the same ids


def test_vcard_export_round_trips_through_our_own_import(tmp_path):
    store.open_store(tmp_path / "source")
    try:
        _rich_network()
        source = {p["id"]: p for p in _snapshot()["person"].values()}
        contacts = {
            pid: sorted((c.kind, c.label, c.value) for c in people.get_person(pid).contact_points)
            for pid in source
        }
        tags = {pid: sorted(people.person_tags(pid)) for pid in source}
        export_data("vcf", tmp_path / "all.vcf", include_confidential=True)
    finally:
        store.close_store()
    text = (tmp_path / "all.vcf").read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
    store.open_store(tmp_path / "target")
    try:
        result = apply_import(preview_import(tmp_path / "all.vcf"))
        assert result.written["people"] == len(source) and not result.preview.rejected
        for pid, row in source.items():
            card = people.get_person(pid)  # the UID keeps the id
            for name in CARD_FIELDS:
                assert getattr(card, name) == row[name], (row["full_name"], name)
            assert sorted((c.kind, c.label, c.value) for c in card.contact_points) == contacts[pid]
            assert sorted(card.tags) == tags[pid]
        again = preview_import(tmp_path / "all.vcf")
        assert not again.changes_anything
    finally:
        store.close_store()


def test_exports_for_other_people_leave_confidential_material_out(data_dir, tmp_path):
    ids = _rich_network()
    export_data("vcf", tmp_path / "shared.vcf")
    export_data("csv", tmp_path / "shared.csv")
    export_data("markdown", tmp_path / "md")
    vcf = (tmp_path / "shared.vcf").read_text(encoding="utf-8")
    assert "Two kids" not in vcf and "Ana" in vcf
    rows = list(csv.DictReader((tmp_path / "shared.csv").open(encoding="utf-8-sig")))
    ana = next(r for r in rows if r["Full Name"].startswith("Ana"))
    assert "Two kids" not in json.dumps(rows)
    assert ana["Email 1"] == "ana@acme.example" and ana["Email 1 Label"] == "work"
    page = next((tmp_path / "md").glob("ana-ani-ruiz-*.md")).read_text(encoding="utf-8")
    assert "acquisition" not in page and "Two kids" not in page
    assert "Send the deck" in page  # the promise itself is not confidential
    export_data("markdown", tmp_path / "mine", include_confidential=True)
    page = next((tmp_path / "mine").glob("ana-ani-ruiz-*.md")).read_text(encoding="utf-8")
    assert "acquisition" in page and "(in confidence)" in page and "Two kids" in page
    everything = tmp_path / "all.json"
    export_data("json", everything)
    assert "acquisition" in everything.read_text(encoding="utf-8")  # the user's own backup
    assert ids["secret"] in everything.read_text(encoding="utf-8")


def test_csv_export_comes_back_through_the_csv_import(tmp_path):
    store.open_store(tmp_path / "source")
    try:
        _rich_network()
        export_data("csv", tmp_path / "people.csv", include_confidential=True)
        names = sorted(name for _, name in people.all_names())
    finally:
        store.close_store()
    store.open_store(tmp_path / "target")
    try:
        preview = preview_import(tmp_path / "people.csv")
        assert preview.parsed.details["ignored_columns"] == []
        apply_import(preview)
        assert sorted(name for _, name in people.all_names()) == names
        ana = people.get_person(people.resolve_person("Ana “Ani” Ruiz-Ω"))
        assert ana.circle == "close" and ana.organization == "Acme; Research, Inc."
        assert ("phone", "signal", "+34910000000") in {
            (c.kind, c.label, c.value) for c in ana.contact_points
        }
    finally:
        store.close_store()


def test_csv_export_drops_a_nul_stored_in_a_field(data_dir, tmp_path):
    # Capture stores every character typed, NUL too; Python 3.10's csv.writer refuses it.
    people.create_person(full_name="Ana\x00 Ruiz", about="line\x00one")
    export_data("csv", tmp_path / "people.csv", include_confidential=True)
    text = (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    assert "\x00" not in text
    [ana] = csv.DictReader(text.splitlines(keepends=True))
    assert (ana["Full Name"], ana["Notes"]) == ("Ana Ruiz", "lineone")


def test_markdown_export_writes_an_index_and_a_page_per_person(data_dir, tmp_path):
    _rich_network()
    result = export_data("markdown", tmp_path / "md")
    pages = sorted((tmp_path / "md").glob("*.md"))
    assert result.counts["files"] == len(pages) == len(people.all_names()) + 1
    index = (tmp_path / "md" / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# People") and "Ben Okafor" in index
    page = next(p for p in pages if p.name.startswith("ana-")).read_text(encoding="utf-8")
    assert page.startswith("# Ana")
    assert "## Timeline" in page and "You promised Ana" in page


def test_export_to_an_impossible_place_is_a_clear_error(data_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot be written"):
        export_data("json", blocker / "sub" / "all.json")
    with pytest.raises(ExportError, match="needs a folder"):
        export_data("markdown", blocker)
    with pytest.raises(ValueError, match="unknown export format"):
        export_data("pdf", tmp_path / "x.pdf")


def test_a_failed_export_leaves_the_previous_file_alone(data_dir, tmp_path, monkeypatch):
    target = tmp_path / "all.json"
    target.write_text("previous good export")
    from desktop.services.exporting import json_export

    def broken(handle, progress=None):
        handle.write("{half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_export, "write", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_data("json", target)
    assert target.read_text() == "previous good export"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".all.json")]


def test_reimporting_our_json_into_the_same_folder_changes_nothing(data_dir, tmp_path):
    from desktop.storage.models import Change

    _rich_network()
    export_data("json", tmp_path / "all.json")
    changes = Change.select().count()
    preview = preview_import(tmp_path / "all.json")
    assert not preview.changes_anything
    assert preview.counts["matched_people"] == len(people.all_names())
    apply_import(preview)
    assert Change.select().count() == changes


def test_json_rows_with_bad_values_are_rejected_by_position(data_dir, tmp_path):
    document = {
        "format": "rapport-export",
        "format_version": 1,
        "people": [
            {"id": "p1", "full_name": "Ana", "circle": "best friends"},
            {"id": "p2", "full_name": "Ben", "cadence_days": "often"},
            {"id": "p3", "full_name": "Cleo"},
        ],
        "contact_points": [{"id": "c1", "person_id": "nobody", "kind": "email", "value": "x@y"}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    preview = preview_import(path)
    reasons = {r.ref: r.reason for r in preview.rejected}
    assert reasons["people[0]"].startswith("circle must be one of")
    assert reasons["people[1]"] == "cadence_days must be a whole number"
    assert reasons["contact_points[0]"] == "refers to a person not in the file"
    assert [p.incoming.name for p in preview.new_people] == ["Cleo"]


def test_a_newer_export_format_is_refused(data_dir, tmp_path):
    from desktop.services.importing import ImportFileError

    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": "rapport-export", "format_version": 99, "people": []}))
    with pytest.raises(ImportFileError, match="newer Rapport"):
        preview_import(path)


def test_export_paths_are_relative_to_nothing_surprising(data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    people.create_person(full_name="Solo")
    result = export_data("csv", Path("out.csv"))
    assert (tmp_path / "out.csv").exists() and result.people == 1
