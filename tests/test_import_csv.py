"""CSV import: LinkedIn, Google, Outlook (Windows-1252, ';'), UTF-16, and any CSV by mapping."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.services.importing import (
    ImportFileError,
    inspect_csv,
    parse_mapping,
    preview_import,
    propose_mapping,
)
from desktop.services.importing.csv_files import parse_csv
from desktop.services.importing.text import decode

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _parse(name: str, **options):
    return parse_csv((FIXTURES / name).read_bytes(), name, **options)


def _people(parsed):
    return {p.name: p for p in parsed.people}


def _contacts(person):
    return {(c.kind, c.label, c.value) for c in person.contacts}


def test_linkedin_connections_with_notes_preamble():
    parsed = _parse("linkedin_connections.csv")
    assert parsed.format == "linkedin"
    assert parsed.details["header_line"] == 4  # after "Notes:", the paragraph, a blank line
    people = _people(parsed)
    assert set(people) == {"Ana Ruiz", "Priya Raman", "Tomás Herrera", "Yusuf Demir"}
    priya = people["Priya Raman"]
    assert priya.fields["organization"] == "Globex, Inc."  # quoted comma kept
    assert priya.fields["headline"] == "Staff Engineer"
    assert priya.fields["how_we_met"] == "Connected on LinkedIn on 2023-01-03"
    assert ("url", "linkedin", "https://www.linkedin.com/in/priya-raman-42") in _contacts(priya)
    assert ("email", "", "tomas@initech.example") in _contacts(people["Tomás Herrera"])
    [ghost] = parsed.rejected
    assert ghost.ref == "line 8" and "no name" in ghost.reason


def test_google_contacts_csv_pairs_labels_and_multi_values():
    parsed = _parse("google_contacts.csv", region="US")
    assert parsed.format == "google_csv"
    ben = _people(parsed)["Ben Okafor"]
    contacts = _contacts(ben)
    assert ("email", "work", "ben@okafor-consulting.example") in contacts  # "* Work"
    assert ("email", "home", "ben.okafor@gmail.example") in contacts
    # " ::: " packs two numbers into one cell.
    assert ("phone", "mobile", "+14155550132") in contacts
    assert ("phone", "mobile", "+14155550100") in contacts
    assert ("address", "work", "500 Market St, San Francisco, CA 94105, USA") in contacts
    assert ("url", "profile", "https://github.com/benokafor") in contacts
    assert [t.name for t in ben.tags] == ["Mentors", "Robotics"]  # not "* myContacts"
    assert [(d.label, d.day) for d in ben.dates] == [("birthday", "1979-11-03")]
    assert _people(parsed)["Mei Lin"].fields["nickname"] == "Mei-Mei"
    [orphan] = parsed.rejected
    assert orphan.ref == "line 6"  # Ben's formatted address spans three physical lines


def test_outlook_csv_in_windows_1252_with_semicolons():
    parsed = _parse("outlook_contacts.csv", region="DE")
    assert parsed.format == "outlook_csv"
    assert parsed.details["encoding"] == "windows-1252"
    assert parsed.details["delimiter"] == ";"
    juergen = _people(parsed)["Jürgen Müller"]  # "Title" (Herr) is a prefix, not a job
    assert juergen.fields["headline"] == "Vertriebsleiter, Vertrieb"
    assert juergen.fields["organization"] == "Contoso GmbH"
    contacts = _contacts(juergen)
    assert ("phone", "mobile", "+491712345678") in contacts
    assert ("phone", "work", "+49301234567") in contacts
    assert ("address", "work", "Hauptstraße 1, Berlin, 10115, Deutschland") in contacts
    assert {t.name for t in juergen.tags} == {"Kunden", "Fußball"}
    assert ("birthday", "1975-08-30") in [(d.label, d.day) for d in juergen.dates]
    assert _people(parsed)["Élodie Fournier"].fields["location"] == "Lyon, France"
    assert [r.ref for r in parsed.rejected] == ["line 4"]


def test_utf16_tab_separated_with_scripts_and_emoji():
    parsed = _parse("utf16_contacts.csv", region="US")
    assert parsed.details["encoding"].startswith("utf-16")
    assert parsed.details["delimiter"] == "tab"
    people = _people(parsed)
    assert set(people) == {"Οδυσσέας Ελύτης", "محمد الأحمد", "Zoë 🚀 Adams"}
    assert ("phone", "", "+966501234567") in _contacts(people["محمد الأحمد"])
    assert people["محمد الأحمد"].fields["organization"] == "شركة المثال"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"name\n\xc3\xa9", "utf-8"),
        (codecs.BOM_UTF8 + b"name\n\xc3\xa9", "utf-8 with BOM"),
        (codecs.BOM_UTF16_LE + "name\né".encode("utf-16-le"), "utf-16-le"),
        ("name\néàü".encode("utf-16-be"), "utf-16-be"),
        (b"name\n\xe9t\xe9", "windows-1252"),
    ],
)
def test_encoding_detection(data, expected):
    text, used = decode(data, "x.csv")
    assert used == expected
    assert text.startswith("name")


def test_any_csv_through_a_proposed_and_corrected_mapping(tmp_path, data_dir):
    path = tmp_path / "club.csv"
    path.write_text(
        "Member|Mail|Firm|Mobile number|Shoe size\n"
        "Ana Ruiz|ana@club.example|Acme|+34 612 34 56 78|38\n"
        "Ben Okafor|ben@club.example|Okafor Consulting||44\n",
        encoding="utf-8",
    )
    layout, sample = inspect_csv(path)
    assert layout.delimiter == "|"
    assert layout.mapping["Mail"] == "email"
    assert layout.mapping["Firm"] == "organization"
    assert layout.mapping["Shoe size"] == "ignore"
    assert layout.ignored_columns == ["Member", "Shoe size"]  # "Member" needs the user
    assert sample[0][0] == "Ana Ruiz"
    preview = preview_import(
        path, mapping=parse_mapping("Member=full_name,Mobile number=phone:mobile")
    )
    assert preview.counts["new_people"] == 2
    ana = next(p for p in preview.new_people if p.incoming.name == "Ana Ruiz")
    assert ("phone", "mobile", "+34612345678") in {
        (c.kind, c.label, c.value) for c in ana.new_contacts
    }


def test_propose_mapping_knows_the_big_exporters_and_fuzzy_headers():
    mapping = propose_mapping(["Firstname ", "E-mail adress", "Job Title", "Title", "Organisation"])
    assert mapping == {
        "Firstname ": "first_name",
        "E-mail adress": "email",
        "Job Title": "headline",
        "Title": "name_prefix",
        "Organisation": "organization",
    }


def test_bad_mapping_is_a_clear_error(tmp_path, data_dir):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="unknown field 'shoe'"):
        parse_mapping("a=shoe")
    with pytest.raises(ValueError, match="no column named 'zzz'"):
        preview_import(path, mapping={"zzz": "email"})


def test_unmapped_csv_rejects_rows_and_says_how_to_map(tmp_path, data_dir):
    path = tmp_path / "numbers.csv"
    path.write_text("x,y\n1,2\n3,4\n")
    preview = preview_import(path)
    assert preview.counts["rejected"] == 2
    assert any("--map" in w for w in preview.warnings)


def test_csv_that_is_json_is_refused(tmp_path, data_dir):
    path = tmp_path / "contacts.csv"
    path.write_text('{"people": []}')
    with pytest.raises(ImportFileError, match="not a CSV file"):
        preview_import(path)


def test_huge_field_rejects_only_its_row(tmp_path, data_dir):
    path = tmp_path / "big.csv"
    path.write_text(
        "Name,Email,Notes\nAna,ana@x.example,short\nBen,ben@x.example," + "x" * 200_000 + "\n"
        "Cleo,cleo@x.example,fine\n"
    )
    preview = preview_import(path)
    assert {p.incoming.name for p in preview.new_people} == {"Ana", "Cleo"}
    assert [r.ref for r in preview.rejected] == ["line 3"]
    assert "cannot be read" in preview.rejected[0].reason
