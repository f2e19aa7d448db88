"""Which typed names are taken as someone already known (issue #19, "Mario/Maria").

Two names that differ by a letter are usually two people: only the full name (ignoring
case and accents), a known nickname or a first name nobody else has is taken.
"""

from __future__ import annotations

from pathlib import Path

from desktop.cli import main
from desktop.services import capture, people, store


def test_a_name_one_letter_away_is_a_new_person(data_dir: Path) -> None:
    maria = people.create_person(full_name="Maria Garcia")
    found = capture.match_names(["Mario Garcia", "Maria Garcia", "MARÍA garcía"])
    assert found["mario garcia"].person_id is None
    assert [c.id for c in found["mario garcia"].candidates] == [maria]  # offered, not taken
    assert found["maria garcia"].person_id == maria
    assert found["maría garcía"].person_id == maria  # case and accents do not matter


def test_nickname_and_unique_first_name(data_dir: Path) -> None:
    robert = people.create_person(full_name="Robert Smith", nickname="Bob")
    ana = people.create_person(full_name="Ana Ruiz")
    people.create_person(full_name="Ben Ode")
    people.create_person(full_name="Ben Adler")
    found = capture.match_names(["Bob Smith", "Bob", "Ana", "Ben", "Ana R", "Robert Smyth"])
    assert found["bob smith"].person_id == robert
    assert found["bob"].person_id == robert
    assert found["ana"].person_id == ana
    assert found["ana r"].person_id == ana
    assert found["ben"].person_id is None  # two Bens: the user picks
    assert {c.name for c in found["ben"].candidates} == {"Ben Ode", "Ben Adler"}
    assert found["robert smyth"].person_id is None


def test_note_with_a_similar_name_files_a_new_person_and_says_so(tmp_path, capsys) -> None:
    folder = tmp_path / "data"
    store.open_store(folder)
    maria = people.create_person(full_name="Maria Garcia")
    store.close_store()
    code = main(["note", "Coffee", "--with", "Mario Garcia", "--data-dir", str(folder), "--json"])
    store.close_store()
    out, err = capsys.readouterr()
    assert code == 0
    assert "'Mario Garcia' is a new person" in err
    import json

    saved = json.loads(out)
    assert [(p["name"], p["new"]) for p in saved["people"]] == [("Mario Garcia", True)]
    assert saved["people"][0]["id"] != maria
