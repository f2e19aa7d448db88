"""The GUI thread is the single writer: an import prepared on a worker hands its write
to the GUI thread, so an edit made in the window meanwhile and the import both land."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.services import backups, people
from desktop.services.importing import applying
from desktop.ui.transfer.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_an_import_and_an_edit_in_the_window_both_land(
    qtbot, window, ana: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    backing_up = threading.Event()
    release = threading.Event()
    writers: list[threading.Thread] = []
    real_backup, real_write = backups.backup_before, applying.write_plan

    def slow_backup(*args, **kwargs):  # the worker pauses while the window edits
        backing_up.set()
        assert release.wait(10)
        return real_backup(*args, **kwargs)

    def recording_write(*args, **kwargs):
        writers.append(threading.current_thread())
        return real_write(*args, **kwargs)

    monkeypatch.setattr(backups, "backup_before", slow_backup)
    monkeypatch.setattr(applying, "write_plan", recording_write)

    dialog = ImportDialog(FIXTURES / "vcard_4.0.vcf", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    shown: list[tuple[str, int, int]] = []
    show = dialog._progressed

    def recording_progress(stage: str, done: int, total: int) -> None:
        shown.append((stage, done, total))
        show(stage, done, total)

    dialog._progressed = recording_progress  # type: ignore[method-assign]
    dialog.import_button.click()
    qtbot.waitUntil(backing_up.is_set, timeout=10_000)

    # While the import is under way, the user edits Ana's card in the window.
    window.open_person(ana)
    editor = window.people.person_view.editor
    editor.bindings["headline"].widget.setText("Head of product")
    window.people.person_view.commit_pending()
    release.set()

    qtbot.waitUntil(lambda: bool(dialog.result_ is not None or dialog.error), timeout=15_000)
    assert dialog.error is None, dialog.error
    assert writers == [threading.main_thread()]  # the write ran on the GUI thread
    batches = [done for stage, done, _total in shown if stage == "writing"]
    assert batches == sorted(batches) and len(batches) > 3  # progress between batches
    assert people.get_person(ana).headline == "Head of product"
    names = {name for _id, name in people.all_names()}
    assert "Simone Perreault" in names and "Ana Ruiz" in names


def test_a_worker_cannot_write_but_can_hand_the_write_to_the_gui_thread(qtbot, data_dir) -> None:
    """Workers' connections are read-only: a write that strays onto one fails at once
    (and writes nothing) instead of racing the window's writes; through a WriterBridge
    the same write runs on the GUI thread and lands."""
    from desktop.ui.kit.background import WriterBridge, run_job

    outcome: list[object] = []
    parent = WriterBridge()

    def stray(_progress):
        return people.create_person(full_name="Stray Writer")

    run_job(parent, stray, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert isinstance(outcome[0], Exception) and "readonly" in str(outcome[0]).lower()
    assert "Stray Writer" not in {name for _id, name in people.all_names()}

    outcome.clear()
    threads: list[threading.Thread] = []

    def write(name: str) -> str:
        threads.append(threading.current_thread())
        return people.create_person(full_name=name)

    run_job(
        parent,
        lambda _progress: [parent.call(lambda n=n: write(n)) for n in ("One", "Two")],
        outcome.append,
        outcome.append,
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert isinstance(outcome[0], list), outcome[0]
    assert threads == [threading.main_thread()] * 2
    assert {"One", "Two"} <= {name for _id, name in people.all_names()}


def test_background_readers_cannot_write(qtbot, data_dir) -> None:
    from desktop.ui.kit.background import TaskManager

    manager = TaskManager()
    outcome: list[object] = []
    try:
        manager.run(
            "write",
            lambda: people.create_person(full_name="Reader Writer"),
            outcome.append,
            outcome.append,
        )
        qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    finally:
        manager.shutdown()
    assert isinstance(outcome[0], Exception) and "readonly" in str(outcome[0]).lower()
    assert "Reader Writer" not in {name for _id, name in people.all_names()}
