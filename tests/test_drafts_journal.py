"""The notes journal: every change appended at once, replayed over the saved draft."""

from __future__ import annotations

from pathlib import Path

from desktop.services import drafts


def test_replay_rebuilds_every_edit_and_stops_at_a_torn_line(tmp_path: Path) -> None:
    journal = drafts.NotesJournal(tmp_path / "drafts" / "capture.journal")
    journal.reset("Met Ana")
    for text in (
        "Met Ana R",
        "Met Ana Ruiz 😀",
        "Met Ana Ruiz 😀 at PyCon",
        "Met Ruiz 😀 at PyCon",
    ):
        journal.record(text)
    journal.close()
    assert drafts.replay(journal.path) == "Met Ruiz 😀 at PyCon"
    with journal.path.open("ab") as handle:
        handle.write(b'{"p": 3, "r": 0, "a": "lost')  # a kill in the middle of a write
    assert drafts.replay(journal.path) == "Met Ruiz 😀 at PyCon"


def test_peek_prefers_the_journal_over_an_older_saved_draft(data_dir: Path) -> None:
    drafts.save("capture", {"notes": "Met", "when": "yesterday"})
    journal = drafts.open_journal("capture")
    assert journal is not None
    journal.reset("Met")
    journal.record("Met Ana Ruiz")
    journal.close()
    assert drafts.peek(data_dir, "capture") == {"notes": "Met Ana Ruiz", "when": "yesterday"}
    assert drafts.load("capture") == {"notes": "Met Ana Ruiz", "when": "yesterday"}
    drafts.clear("capture")
    assert drafts.peek(data_dir, "capture") is None
