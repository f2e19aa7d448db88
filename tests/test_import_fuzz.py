"""Hostile input: every parser either reads a file or refuses it with ImportFileError.

Random bytes, truncated and bit-flipped real files, huge fields, emoji, right-to-left
text, JSON of the wrong shape. Nothing may raise anything else, hang, or crash the
planner that runs on what a parser accepted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.importing import ImportFileError, parse_file, preview_import
from desktop.services.importing.csv_files import parse_csv
from desktop.services.importing.monica import parse_monica
from desktop.services.importing.rapport_json import parse_rapport
from desktop.services.importing.records import ParsedFile
from desktop.services.importing.vcard import parse_vcard

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SAMPLES = {p.name: p.read_bytes() for p in sorted(FIXTURES.iterdir())}
PARSERS = {
    "vcard": lambda data: parse_vcard(data, "fuzz.vcf", region="US"),
    "csv": lambda data: parse_csv(data, "fuzz.csv", region="US"),
    "monica": lambda data: parse_monica(data, "fuzz.json"),
    "rapport": lambda data: parse_rapport(data, "fuzz.json"),
    "auto": lambda data: parse_file(data, "fuzz.dat", region="US"),
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from('🚀👩‍👩‍👧مرحباשלום\u202e\x00;:,\\="'),
    max_size=200,
)


OUTCOMES = ("read", "refused")


def _survives(parser: str, data: bytes) -> str:
    """ "read" or "refused" (with a message): never a crash, never unstorable text."""
    try:
        parsed = PARSERS[parser](data)
    except ImportFileError as exc:
        assert str(exc)
        return "refused"
    assert isinstance(parsed, ParsedFile)
    for person in parsed.people:
        assert person.name and len(person.name) <= 500
        person.name.encode("utf-8")  # storable: no lone surrogates
    for rejection in parsed.rejected:
        assert rejection.ref and rejection.reason
    return "read"


@pytest.mark.parametrize("parser", sorted(PARSERS))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(parser, data):
    assert _survives(parser, data) in OUTCOMES


@pytest.mark.parametrize("parser", sorted(PARSERS))
@FUZZ
@given(
    name=st.sampled_from(sorted(SAMPLES)),
    cut=st.integers(min_value=0, max_value=5000),
    flips=st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 255)), max_size=8),
)
def test_truncated_and_corrupted_real_files(parser, name, cut, flips):
    data = bytearray(SAMPLES[name][:cut])
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    assert _survives(parser, bytes(data)) in OUTCOMES


@FUZZ
@given(
    fields=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "FN",
                    "N",
                    "EMAIL",
                    "TEL",
                    "ADR",
                    "NOTE",
                    "PHOTO",
                    "ORG",
                    "CATEGORIES",
                    "BDAY",
                    "X-ABLabel",
                    "item1.URL",
                ]
            ),
            TEXT,
        ),
        max_size=12,
    )
)
def test_vcards_with_wild_values(fields):
    lines = ["BEGIN:VCARD", "VERSION:3.0"] + [f"{k};TYPE=WORK:{v}" for k, v in fields]
    data = "\r\n".join([*lines, "END:VCARD"]).encode("utf-8", "surrogatepass")
    assert _survives("vcard", data) in OUTCOMES


def _csv_line(cells: list[str]) -> str:
    """One CSV record, every cell quoted: by hand, because Python 3.10's ``csv.writer``
    refuses to write a NUL ("need to escape, but no escapechar set")."""
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells) + "\r\n"


@FUZZ
@given(
    rows=st.lists(st.lists(TEXT, min_size=1, max_size=6), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-16"]),  # UTF-16: NULs reach the csv module
)
def test_csv_with_wild_cells(rows, encoding):
    header = ["First Name", "Last Name", "Email Address", "Company", "Position", "Notes"]
    text = "".join(_csv_line(row) for row in [header, *rows])
    assert _survives("csv", text.encode(encoding, "surrogatepass")) in OUTCOMES


def _utf16(text: str) -> bytes:
    """UTF-16 with a BOM, as Excel writes it: the way a NUL gets past decode()'s check
    for binary files and into the csv module."""
    return text.encode("utf-16")


def test_a_nul_byte_refuses_only_its_row():
    # Python 3.10's csv raises "line contains NUL" and 3.11+ reads NUL as a character:
    # docs/formats.md promises the row is refused, on every version.
    data = _utf16(
        "First Name,Last Name,Email Address\r\n"
        "Ana,Ruiz,ana@example.org\r\n"
        "Ben,Ok\x00afor,ben@example.org\r\n"
        'Cleo,Diaz,"cleo@example.org"\r\n'
    )
    parsed = parse_csv(data, "nul.csv", region="US")
    assert [p.name for p in parsed.people] == ["Ana Ruiz", "Cleo Diaz"]
    [refused] = parsed.rejected
    assert refused.ref == "line 3" and "NUL" in refused.reason


def test_a_nul_in_a_multi_line_cell_refuses_that_record_and_keeps_counting_lines():
    data = _utf16(
        'First Name,Last Name,Notes\r\nAna,Ruiz,"two\r\nli\x00nes"\r\nCleo,Diaz,\r\nDev,,\x00\r\n'
    )
    parsed = parse_csv(data, "nul.csv", region="US")
    assert [p.name for p in parsed.people] == ["Cleo Diaz"]
    assert [r.ref for r in parsed.rejected] == ["line 2", "line 5"]


@pytest.mark.parametrize("zeroed", range(6))
def test_a_truncated_utf16_sample_with_a_nul_is_read_or_refused(zeroed):
    # What hypothesis found on 3.10: the UTF-16 sample cut after 6 bytes, one byte zeroed.
    data = bytearray(SAMPLES["utf16_contacts.csv"][:6])
    data[zeroed] = 0
    assert _survives("csv", bytes(data)) in OUTCOMES


def test_a_nul_in_the_header_line_is_read_like_any_character():
    parsed = parse_csv(_utf16("First Name,No\x00tes\r\nAna,hi\r\n"), "nul.csv")
    assert parsed.details["columns"] == {"First Name": "first_name", "No\x00tes": "notes"}
    [ana] = parsed.people
    assert (ana.name, ana.fields["about"]) == ("Ana", "hi")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(
    contact=st.dictionaries(st.sampled_from(["uuid", "properties", "data"]), JSON),
    props=st.dictionaries(
        st.sampled_from(
            [
                "first_name",
                "last_name",
                "tags",
                "birthdate",
                "avatar",
                "first_met_through",
                "stay_in_touch_frequency",
                "is_dead",
            ]
        ),
        JSON,
    ),
)
def test_monica_with_wrong_shapes(contact, props):
    contact = {**contact, "properties": {**props, "first_name": props.get("first_name", "Ana")}}
    root = {
        "version": "1.0-preview.1",
        "account": {"data": [{"count": 1, "type": "contact", "values": [contact]}]},
    }
    assert _survives("monica", json.dumps(root).encode()) in OUTCOMES


@FUZZ
@given(
    row=st.dictionaries(
        st.sampled_from(
            [
                "id",
                "full_name",
                "circle",
                "photo",
                "created",
                "cadence_days",
                "person_id",
                "kind",
                "value",
            ]
        ),
        JSON,
    ),
    list_name=st.sampled_from(
        ["people", "contact_points", "tags", "conversations", "commitments", "attendances"]
    ),
)
def test_rapport_export_with_wrong_shapes(row, list_name):
    root = {"format": "rapport-export", "format_version": 1, list_name: [row]}
    assert _survives("rapport", json.dumps(root).encode()) in OUTCOMES


def test_deeply_nested_json_is_refused_not_crashed():
    assert _survives("auto", b"[" * 100_000 + b"]" * 100_000) == "refused"
    assert _survives("monica", b'{"account": ' * 50_000) == "refused"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    name=st.sampled_from(sorted(SAMPLES)), cut=st.integers(0, 5000), noise=st.binary(max_size=64)
)
def test_planner_copes_with_whatever_a_parser_accepted(tmp_path_factory, name, cut, noise):
    from desktop.services import store

    folder = tmp_path_factory.getbasetemp() / "fuzz-store"
    store.open_store(folder)
    try:
        data = SAMPLES[name][:cut] + noise
        try:
            preview = preview_import(Path(name), data=data, region="US")
        except (ImportFileError, ValueError):
            return
        assert preview.counts["people_in_file"] >= 0
        preview.as_dict()
    finally:
        store.close_store()
