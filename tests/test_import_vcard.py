"""vCard import: real-world-shaped files from phones, Google, Outlook and RFC 6350."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest

from desktop.services import people
from desktop.services.importing import ImportFileError, apply_import, preview_import
from desktop.services.importing.vcard import MAX_PHOTO, parse_vcard
from desktop.services.importing.vcard_lexer import cards, parse_line

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _by_name(parsed):
    return {p.name: p for p in parsed.people}


def _contacts(person):
    return {(c.kind, c.label, c.value) for c in person.contacts}


def test_iphone_vcard_3_with_photo_labels_and_social_profiles():
    parsed = parse_vcard((FIXTURES / "iphone_3.0.vcf").read_bytes(), "iphone.vcf", region="ES")
    ana = _by_name(parsed)["Ana María Ruiz"]
    assert parsed.format_label == "vCard 3.0"
    assert ana.fields["nickname"] == "Anita"
    assert ana.fields["organization"] == "Acme Robotics"
    assert ana.fields["photo"].startswith(b"\xff\xd8\xff")  # the embedded JPEG, kept as is
    assert ana.fields["pronunciation"] == "AH-nah roo-EETH"
    assert ana.fields["family"] == "Spouse: Luis Ruiz"
    # Apple marks a birthday without a year with 1604.
    assert [(d.label, d.day) for d in ana.dates] == [("birthday", "--05-12")]
    assert "🐍" in ana.fields["about"] and "sailing, two kids" in ana.fields["about"]
    contacts = _contacts(ana)
    assert ("email", "other", "ana.ruiz@acme.example") in contacts  # X-ABLabel _$!<Other>!$_
    assert ("phone", "mobile", "+34612345678") in contacts  # E.164
    assert ("phone", "signal", "+34910000000") in contacts  # a custom Apple label
    assert ("url", "homepage", "https://anaruiz.example") in contacts
    assert ("social", "linkedin", "https://www.linkedin.com/in/anaruiz") in contacts
    assert ("social", "skype", "ana.ruiz") in contacts  # IMPP skype:… without the scheme
    assert ("address", "home", "Calle Mayor 1, 3º B, Madrid, 28013, Spain") in contacts
    originals = {c.original for c in ana.contacts if c.kind == "phone"}
    assert "+34 612 34 56 78" in originals  # the number as written is kept
    assert "王芳" in _by_name(parsed)
    [rejected] = parsed.rejected
    assert rejected.ref == "card at line 44"
    assert "no name" in rejected.reason


def test_google_vcard_3_skips_system_groups_and_unescapes_urls():
    parsed = parse_vcard((FIXTURES / "google_3.0.vcf").read_bytes(), "google.vcf", region="US")
    ben = _by_name(parsed)["Ben Okafor"]
    assert [t.name for t in ben.tags] == ["Mentors", "Robotics"]  # not "myContacts"
    assert ("url", "", "https://github.com/benokafor") in _contacts(ben)  # "https\://"
    assert ("phone", "mobile", "+14155550132") in _contacts(ben)  # national, region US
    assert ben.fields["location"] == "San Francisco, USA"
    chloe = _by_name(parsed)["Chloé Dubois"]
    # A French national number is not valid in the US: kept as written, not made "+1…".
    assert ("phone", "mobile", "06 12 34 56 78") in _contacts(chloe)


def test_outlook_vcard_2_1_quoted_printable_soft_breaks_and_charset():
    parsed = parse_vcard((FIXTURES / "outlook_2.1.vcf").read_bytes(), "outlook.vcf", region="DE")
    assert parsed.details["encoding"] == "windows-1252"
    juergen = _by_name(parsed)["Jürgen Müller"]
    assert juergen.fields["about"].startswith(
        "Großer Fußballfan. Trifft sich gern zum Mittagessen, "
        "am liebsten beim Italiener um die Ecke."
    )  # the "=" soft line break joined, Windows-1252 decoded
    assert "Zweite Zeile." in juergen.fields["about"]
    assert ("birthday", "1975-08-30") in [(d.label, d.day) for d in juergen.dates]
    contacts = _contacts(juergen)
    assert ("phone", "work", "+49301234567") in contacts  # 2.1 bare TEL;WORK;VOICE
    assert ("phone", "mobile", "+491712345678") in contacts  # national, region DE
    assert ("phone", "work fax", "+49301234568") in contacts
    assert ("address", "work", "Hauptstraße 1, 2. OG, Berlin, 10115, Deutschland") in contacts
    assert juergen.fields["headline"] == "Vertriebsleiter, Vertrieb"
    assert "Zofia Nowak" in _by_name(parsed)


def test_vcard_4_data_uri_photo_pronouns_related_and_uid():
    parsed = parse_vcard((FIXTURES / "vcard_4.0.vcf").read_bytes(), "v4.vcf", region="CA")
    [simone] = parsed.people
    assert parsed.format_label == "vCard 4.0"
    assert simone.id_hint == "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"  # urn:uuid UID kept
    assert simone.fields["photo"].startswith(b"\x89PNG")
    assert simone.fields["pronouns"] == "she/her"
    assert simone.fields["family"] == "Spouse: Marc Perreault"
    assert simone.fields["interests"] == "reading, rock climbing"
    assert ("birthday", "--02-03") in [(d.label, d.day) for d in simone.dates]
    contacts = _contacts(simone)
    assert ("phone", "work", "+14186569254") in contacts  # tel: URI with ;ext= stripped
    assert ("email", "work", "simone.perreault@viagenie.example") in contacts
    assert {t.name for t in simone.tags} == {"IETF", "Standards"}


def test_lexer_agrees_with_vobject_on_the_fixtures_vobject_can_read():
    """The linear lexer must read what the reference parser reads (names and emails).

    vobject itself fails on Outlook's 2.1 file (a quoted-printable ADR without a CHARSET
    raises UnicodeDecodeError), one more reason it is not the import's parser.
    """
    vobject = pytest.importorskip("vobject")
    compared = 0
    for path in sorted(FIXTURES.glob("*.vcf")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            theirs = [
                (
                    c.fn.value if "fn" in c.contents else "",
                    sorted(e.value for e in c.contents.get("email", [])),
                )
                for c in vobject.readComponents(text, ignoreUnreadable=True)
            ]
        except (UnicodeDecodeError, vobject.base.ParseError):
            continue
        ours = [
            (
                next((p.value for p in card.props if p.name == "FN"), ""),
                sorted(p.value for p in card.props if p.name == "EMAIL"),
            )
            for card in cards(text)
        ]
        assert ours == theirs, path.name
        compared += 1
    assert compared >= 3


def test_hostile_line_that_hangs_vobject_is_read_in_linear_time():
    line = "A;" * 50_000  # vobject's line regex backtracks exponentially on this
    started = time.perf_counter()
    assert parse_line(line, 1) is None
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n" + line + "\r\nEND:VCARD\r\n"
    parsed = parse_vcard(card.encode(), "evil.vcf")
    assert time.perf_counter() - started < 2
    assert [p.name for p in parsed.people] == ["Ana"]
    assert any("unreadable line" in w for w in parsed.warnings)


def test_truncated_card_is_rejected_with_its_line(data_dir):
    text = (FIXTURES / "google_3.0.vcf").read_text()
    cut = text[: text.rindex("ORG:")]  # the second card loses its END:VCARD
    parsed = parse_vcard(cut.encode(), "cut.vcf")
    assert [p.name for p in parsed.people] == ["Ben Okafor"]
    [rejected] = parsed.rejected
    assert rejected.ref == "card at line 17" and "cut short" in rejected.reason


def test_large_photo_is_left_out_with_a_note():
    big = b"\xff\xd8\xff" + b"\x00" * (MAX_PHOTO + 10)
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
        + base64.b64encode(big).decode()
        + "\r\nEND:VCARD\r\n"
    )
    parsed = parse_vcard(card.encode(), "big.vcf")
    assert "photo" not in parsed.people[0].fields
    assert any("larger than 64 KB" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    "data",
    [b"", b"hello world", b"\x89PNG\r\n\x1a\n\x00\x00binary", b'{"a": 1}'],
)
def test_a_file_that_is_not_a_vcard_gets_a_clear_error(tmp_path, data_dir, data):
    path = tmp_path / "contacts.vcf"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=r"contacts\.vcf: "):
        preview_import(path)


def test_importing_the_iphone_file_creates_people_with_everything(data_dir):
    result = apply_import(preview_import(FIXTURES / "iphone_3.0.vcf", region="ES"))
    assert result.written["people"] == 2
    ana_id = people.resolve_person("Ana María Ruiz")
    card = people.get_person(ana_id)
    assert card.photo and card.photo.startswith(b"\xff\xd8")
    assert card.nickname == "Anita"
    assert {p.kind for p in card.contact_points} == {"email", "phone", "url", "social", "address"}
    assert result.backup is not None and result.backup.exists()
