"""The agreement benchmark scores a second annotation of corpus notes like a proposal."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))

import capture_agreement
from bench_capture_quality import CORPUS

SECOND = CORPUS / "agreement" / "second-annotator-heldout23-25.json"


def _corpus_note(note_id: str) -> dict:
    for path in sorted(CORPUS.glob("*.json")):
        for note in json.loads(path.read_text("utf-8")):
            if note["id"] == note_id:
                return note
    raise AssertionError(note_id)


def test_the_second_annotation_is_of_the_corpus_notes_unchanged() -> None:
    second = json.loads(SECOND.read_text("utf-8"))
    assert len(second) == 60
    for note in second:
        original = _corpus_note(note["id"])
        assert (note["text"], note["today"]) == (original["text"], original["today"])


def test_an_identical_annotation_agrees_fully_and_a_changed_date_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = copy.deepcopy(_corpus_note("h24-005"))
    moved = copy.deepcopy(same)
    moved["promises"][0]["due"] = "2030-01-01"
    for notes, promises in (([same], "1.000  recall  1.000"), ([moved], "recall  0.")):
        path = tmp_path / "second.json"
        path.write_text(json.dumps(notes), "utf-8")
        assert capture_agreement.main([str(path)]) == 0
        out = capsys.readouterr().out
        line = next(line for line in out.splitlines() if line.strip().startswith("promises"))
        assert promises in line


def test_a_note_not_in_the_corpus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "second.json"
    path.write_text(json.dumps([{"id": "nope-001"}]), "utf-8")
    assert capture_agreement.main([str(path)]) == 2
