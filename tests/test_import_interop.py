"""Regressions from the real-world corpus (issue #14), each with a small file of our own.

Every test reproduces one defect the corpus of other projects' test files found: emails
dropped by unknown headers, mojibake from legacy encodings, valid files refused, wrong
merges, and smaller losses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.importing import preview_import
from desktop.services.importing.csv_files import parse_csv
from desktop.services.importing.csv_mapping import propose_mapping, value_kind
from desktop.services.importing.vcard import parse_vcard


def _emails(person) -> set[str]:
    return {c.value for c in person.contacts if c.kind == "email"}


def _by_name(parsed) -> dict:
    return {p.name: p for p in parsed.people}


# -- CSV headers from Thunderbird, Roundcube and home-made exports -------------------------
@pytest.mark.parametrize(
    ("header", "spec"),
    [
        ("Primary Email", "email"),
        ("Secondary Email", "email"),
        ("Email Home", "email:home"),
        ("Email Work", "email:work"),
        ("Email Other", "email:other"),
        ("Contact Email", "email"),
        ("Business", "organization"),
        ("Work City", "city:work"),
        ("Work Country", "country:work"),
        ("Mobile Number", "phone:mobile"),
        ("Correo electrónico", "email"),
        ("Adresse e-mail", "email"),
        ("E-Mail-Adresse", "email"),
        ("Téléphone portable", "phone:mobile"),
        ("Fecha de nacimiento", "birthday"),
        ("Geburtsdatum", "birthday"),
        ("Date de naissance", "birthday"),
        ("Birth Year", "birth_year"),
        ("Email (home)", "email:home"),
        ("Phone - iPhone", "phone:mobile"),
        ("Work email", "email:work"),
        ("Telefon privat", "phone:home"),
        ("Courriel travail", "email:work"),
        ("Teléfono trabajo", "phone:work"),
        ("Email 3", "email"),
    ],
)
def test_headers_are_mapped_by_meaning(header: str, spec: str) -> None:
    assert propose_mapping([header, "Display Name"])[header] == spec


def test_thunderbird_csv_keeps_both_emails_and_the_split_birthday() -> None:
    data = (
        b"First Name,Last Name,Display Name,Primary Email,Secondary Email,Work City,"
        b"Work Country,Birth Year,Birth Month,Birth Day\n"
        b"Ana,Ruiz,Ana Ruiz,ana@x.example,ana.home@y.example,Lyon,France,1985,4,12\n"
        b"Ben,Oka,Ben Oka,ben@x.example,,,,,11,3\n"
    )
    parsed = parse_csv(data, "tb.csv")
    people = _by_name(parsed)
    assert _emails(people["Ana Ruiz"]) == {"ana@x.example", "ana.home@y.example"}
    assert [(d.label, d.day) for d in people["Ana Ruiz"].dates] == [("birthday", "1985-04-12")]
    assert [(d.label, d.day) for d in people["Ben Oka"].dates] == [("birthday", "--11-03")]
    assert people["Ana Ruiz"].fields["location"] == "Lyon, France"  # the work address counts


def test_day_first_birthday_is_read_and_an_unreadable_one_is_reported() -> None:
    data = b"Name,Email,Birthday\nAna,a@x.example,20/01/1991\nBen,b@x.example,soon\n"
    parsed = parse_csv(data, "b.csv")
    people = _by_name(parsed)
    assert [(d.label, d.day) for d in people["Ana"].dates] == [("birthday", "1991-01-20")]
    assert not people["Ben"].dates
    assert any("'soon'" in w for w in parsed.warnings)


def test_a_csv_of_one_email_column_is_a_csv() -> None:
    parsed = parse_csv(b"Primary Email\none@x.example\ntwo@x.example\n", "one.csv")
    assert sorted(p.name for p in parsed.people) == ["one@x.example", "two@x.example"]


def test_a_csv_without_header_row_loses_nobody() -> None:
    data = b"Ana Ruiz,Ana,Ruiz,ana@x.example\nBen Oka,Ben,Oka,ben@x.example\n"
    parsed = parse_csv(data, "nohead.csv")
    assert sorted(p.name for p in parsed.people) == ["Ana Ruiz", "Ben Oka"]
    assert sorted(e for p in parsed.people for e in _emails(p)) == [
        "ana@x.example",
        "ben@x.example",
    ]


def test_unknown_header_is_offered_by_its_values_and_ignored_columns_are_warned() -> None:
    data = (
        "Name,Kontaktweg,Rufnummer,Jour,Lieblingsfarbe\n"
        "Ana,ana@x.example,+33 6 12 34 56 78,1985-04-12,blau\n"
        "Ben,ben@x.example,+33 6 98 76 54 32,1979-11-03,grün\n"
    ).encode()
    parsed = parse_csv(data, "odd.csv")
    assert parsed.details["guessed_columns"] == {
        "Kontaktweg": "email",
        "Rufnummer": "phone",
        "Jour": "birthday",
    }
    assert _emails(_by_name(parsed)["Ana"]) == {"ana@x.example"}
    assert parsed.details["ignored_columns"] == ["Lieblingsfarbe"]
    assert any("Lieblingsfarbe" in w and "ignored" in w for w in parsed.warnings)
    empty = parse_csv(b"Name,Email,Unused\nAna,a@x.example,\n", "empty.csv")
    assert empty.details["ignored_columns"] == ["Unused"]
    assert not any("ignored" in w for w in empty.warnings)  # nothing of it is lost


def test_value_kinds() -> None:
    assert value_kind(["a@b.example", "", "c@d.example"]) == "email"
    assert value_kind(["+49 30 1234567", "(555) 123-4567"]) == "phone"
    assert value_kind(["1985-04-12", "12.03.1990"]) == "birthday"
    assert value_kind(["blue", "green"]) == ""


def test_shift_jis_csv_is_not_mojibake() -> None:
    data = "Display Name,Primary Email\n名無しの権兵衛,n@x.example\n".encode("shift_jis")
    parsed = parse_csv(data, "sjis.csv")
    assert [p.name for p in parsed.people] == ["名無しの権兵衛"]
    assert parsed.details["encoding"] == "cp932"


def test_latin1_csv_is_still_windows_1252() -> None:
    data = "Name,Email\nRenée Müller,r@x.example\nÅsa Björk,a@x.example\n".encode("cp1252")
    parsed = parse_csv(data, "latin.csv")
    assert sorted(p.name for p in parsed.people) == ["Renée Müller", "Åsa Björk"]


def test_nul_in_one_row_refuses_only_that_row() -> None:
    data = b"Name,Email\nAna\x00 Ruiz,ana@x.example\nBen,ben@x.example\n"
    parsed = parse_csv(data, "nul.csv")
    assert [p.name for p in parsed.people] == ["Ben"]
    assert [r.ref for r in parsed.rejected] == ["line 2"]


def test_one_giant_line_is_refused_cleanly() -> None:
    from desktop.services.importing.records import ImportFileError

    with pytest.raises(ImportFileError, match="not look like a CSV"):
        parse_csv(b"A" * 300_000, "huge.csv")


# -- vCard ---------------------------------------------------------------------------------
def test_fold_inside_a_utf8_character_is_unfolded_before_decoding() -> None:
    name = "βγδεαβγδ" * 4
    raw = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEND:VCARD\r\n".encode()
    cut = raw.index(b"FN:") + 3 + 5  # in the middle of a two-byte character
    data = raw[:cut] + b"\r\n " + raw[cut:]
    [person] = parse_vcard(data, "fold.vcf").people
    assert person.name == name


def test_shift_jis_values_of_a_21_card_are_decoded_by_their_charset() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:"
        + "安藤ロイド".encode("shift_jis")
        + b";;;;\r\nNOTE;CHARSET=UTF-8:"
        + "café".encode()
        + b"\r\nEND:VCARD\r\n"
    )
    [person] = parse_vcard(data, "sjis.vcf").people
    assert person.name == "安藤ロイド"
    assert person.fields["about"] == "café"


def test_21_backslash_that_escapes_nothing_is_kept() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A;B\\C\\;D:E\\\\\r\nEND:VCARD\r\n"
    [person] = parse_vcard(data, "bs.vcf").people
    assert person.name == "A;B\\C;D:E\\"


def test_nested_card_keeps_the_outer_card() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Outer\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Inner\r\nEND:VCARD\r\n"
        b"TEL:123456789\r\nEND:VCARD\r\n"
    )
    parsed = parse_vcard(data, "nest.vcf")
    assert sorted(p.name for p in parsed.people) == ["Inner", "Outer"]
    outer = _by_name(parsed)["Outer"]
    assert [c.value for c in outer.contacts if c.kind == "phone"]
    assert not parsed.rejected


def test_alternate_language_and_phonetic_names_are_kept(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "alt.vcf"
    path.write_bytes(
        "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        "FN;ALTID=1;LANGUAGE=ja:山田太郎\r\n"
        "FN;ALTID=1;LANGUAGE=en:Taro Yamada\r\n"
        "N;ALTID=1;LANGUAGE=ja:山田;太郎;;;\r\n"
        "N;ALTID=1;LANGUAGE=en:Yamada;Taro;;;\r\n"
        "X-PHONETIC-FIRST-NAME:たろう\r\n"
        "END:VCARD\r\n".encode()
    )
    preview = preview_import(path)
    [plan] = preview.new_people
    assert plan.incoming.name == "山田太郎"
    assert "Taro Yamada" in plan.incoming.fields["nickname"]
    assert "たろう" in plan.incoming.fields["pronunciation"]
    from desktop.services import importing, search

    importing.apply_import(preview)
    assert [h.title for h in search.search("Yamada") if h.type == "person"] == ["山田太郎"]


def test_shared_office_phone_does_not_merge_two_people(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "office.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nTEL;TYPE=WORK:+1 415 555 0100\r\n"
        b"END:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Oka\r\nTEL;TYPE=WORK:+1 415 555 0100\r\n"
        b"END:VCARD\r\n"
    )
    preview = preview_import(path)
    assert sorted(p.incoming.name for p in preview.new_people) == ["Ana Ruiz", "Ben Oka"]
    from desktop.services import importing, people

    importing.apply_import(preview)
    people.create_person(full_name="Cleo Dar")
    again = tmp_path / "again.vcf"
    again.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Vo\r\nTEL:+1 415 555 0100\r\nEND:VCARD\r\n"
    )
    assert [p.incoming.name for p in preview_import(again).new_people] == ["Dana Vo"]


# -- iCalendar -----------------------------------------------------------------------------
def _ics(*lines: str, head: tuple[str, ...] = ()) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", *head, "BEGIN:VEVENT", *lines, "END:VEVENT"]
    return ("\r\n".join([*body, "END:VCALENDAR"]) + "\r\n").encode("utf-8")


def test_single_occurrence_without_its_series_is_an_event(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invites

    data = _ics(
        "UID:occ-1",
        "RECURRENCE-ID:20310329T160000",
        "DTSTART:20310329T160000",
        "DTEND:20310329T162500",
        "SUMMARY:Planning",
    )
    [preview] = preview_invites(data)
    assert preview.event.title == "Planning"


def test_latin1_calendar_is_not_mojibake(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invites

    data = _ics("UID:l1", "DTSTART:20310101T100000", "SUMMARY:Event Två").decode()
    [preview] = preview_invites(data.encode("latin-1"))
    assert preview.event.title == "Event Två"


def test_an_impossible_zone_offset_does_not_refuse_the_calendar(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invites

    zone = (
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:STANDARD",
        "DTSTART:18930401T000000",
        "TZOFFSETFROM:+5328",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
    )
    data = _ics("UID:z1", "DTSTART;TZID=Europe/Berlin:20311202T080000", "SUMMARY:Z", head=zone)
    [preview] = preview_invites(data)
    assert preview.event.title == "Z"


def test_calendar_messages_show_no_python_internals(data_dir: Path) -> None:
    from desktop.services.calendar_import import preview_invites

    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20310101T1000\r\nEND:VEVENT\r\n"
    data += b"END:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    try:
        preview_invites(data)
    except ValueError as exc:
        assert "b'" not in str(exc) and "vDDD" not in str(exc) and "Parameters(" not in str(exc)


def test_ics_file_errors_exit_2_like_other_formats(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(bad), "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "no event" in done.stderr


def test_monica_yearly_reminder_becomes_a_date() -> None:
    import json

    from desktop.services.importing.monica import parse_monica

    contact = {
        "uuid": "c1",
        "properties": {"first_name": "Ana", "last_name": "Ruiz"},
        "data": [
            {
                "type": "reminder",
                "values": [
                    {
                        "uuid": "r1",
                        "properties": {
                            "initial_date": "2024-06-01",
                            "title": "Wedding anniversary",
                            "frequency_type": "year",
                            "frequency_number": 1,
                        },
                    }
                ],
            }
        ],
    }
    root = {
        "version": "1.0-preview.1",
        "account": {"data": [{"type": "contact", "values": [contact]}]},
    }
    parsed = parse_monica(json.dumps(root).encode(), "monica.json")
    [ana] = parsed.people
    assert [(d.label, d.day) for d in ana.dates] == [("Wedding anniversary", "--06-01")]


def test_mapping_step_offers_a_column_recognised_by_its_values(tmp_path: Path) -> None:
    from desktop.services.importing import inspect_csv

    path = tmp_path / "odd.csv"
    path.write_bytes(b"Name,Kontaktweg\nAna,ana@x.example\nBen,ben@x.example\n")
    layout, sample = inspect_csv(path)
    assert layout.mapping == {"Name": "full_name", "Kontaktweg": "email"}
    assert len(sample) == 2
