"""The transfer dialogs (import, export, duplicates and merge, restore), driven offscreen.

``common.exec_dialog`` is replaced by a driver that shows the dialog, acts on it as a
user would (waiting for its background work) and returns the result code, so no test
blocks in a modal ``exec()``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.storage.models import Person
from desktop.ui.transfer import common
from desktop.ui.transfer.export_dialog import run_export
from desktop.ui.transfer.import_dialog import ImportDialog, run_import
from desktop.ui.transfer.merge_dialog import DuplicatesDialog, MergeDialog, show_duplicates
from desktop.ui.transfer.restore_dialog import RestoreDialog, restore_from_backup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
WAIT = 15_000

Driver = Callable[[QDialog], int]


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch, qtbot) -> Callable[[dict[str, Driver]], list[str]]:
    """Install drivers by dialog objectName; returns the names of the dialogs that ran."""

    def install(drivers: dict[str, Driver]) -> list[str]:
        seen: list[str] = []

        def fake_exec(dialog: QDialog) -> int:
            seen.append(dialog.objectName())
            dialog.show()
            qtbot.waitExposed(dialog)
            try:
                return drivers[dialog.objectName()](dialog)
            finally:
                dialog.hide()

        monkeypatch.setattr(common, "exec_dialog", fake_exec)
        return seen

    return install


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        common, "show_message", lambda _p, _t, text, error=False: shown.append((text, error))
    )
    return shown


def live_names() -> list[str]:
    return sorted(p.full_name for p in Person.select().where(Person.deleted == False))


def accept_import(qtbot, checks: Callable[[ImportDialog], None] | None = None) -> Driver:
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportDialog)
        qtbot.waitUntil(lambda: bool(dialog.preview is not None or dialog.error), timeout=WAIT)
        assert dialog.error is None, dialog.error
        if checks is not None:
            checks(dialog)
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        qtbot.waitUntil(lambda: bool(dialog.result() != 0 or dialog.error), timeout=WAIT)
        return dialog.result()

    return run


def test_import_vcard_adds_people(qtbot, data_dir, parent, drive) -> None:
    def checks(dialog: ImportDialog) -> None:
        assert dialog.preview.counts["new_people"] >= 1
        assert dialog.count_labels["new_people"].text() == str(dialog.preview.counts["new_people"])
        assert dialog.new_list.count() == dialog.preview.counts["new_people"]
        assert dialog.mapping_box.isHidden()  # not a CSV

    seen = drive({"importDialog": accept_import(qtbot, checks)})
    assert live_names() == []
    assert run_import(parent, FIXTURES / "vcard_4.0.vcf") is True
    assert len(seen) == 1
    assert "Simone Perreault" in live_names()


def test_import_csv_with_column_mapping(qtbot, data_dir, parent, drive, tmp_path) -> None:
    source = tmp_path / "odd.csv"
    source.write_text(
        "Who,Reach me,Firm,Colour\n"
        "Zora Quinn,zora@quinn.example,Quinn Labs,blue\n"
        "Yusuf Varga,yusuf@varga.example,Varga & Co,green\n",
        encoding="utf-8",
    )

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportDialog)
        qtbot.waitUntil(lambda: bool(dialog.preview is not None or dialog.error), timeout=WAIT)
        assert not dialog.mapping_box.isHidden()  # unknown layout: the columns are shown
        table = dialog.mapping_table
        assert table.rowCount() == 4
        assert "Zora Quinn" in table.item(0, 2).text()  # first values previewed
        for header, field in (
            ("Who", "full_name"),
            ("Reach me", "email"),
            ("Firm", "organization"),
            ("Colour", "ignore"),
        ):
            combo = table.combo(header)
            combo.setCurrentIndex(combo.findData(field))
        first = dialog.preview
        dialog.repreview.click()
        qtbot.waitUntil(
            lambda: bool(dialog.preview is not first and not dialog.job.running), timeout=WAIT
        )
        assert dialog.error is None
        assert dialog.preview.counts["new_people"] == 2
        dialog.import_button.click()
        qtbot.waitUntil(lambda: bool(dialog.result() != 0), timeout=WAIT)
        return dialog.result()

    drive({"importDialog": run})
    assert run_import(parent, source) is True
    people = {p.full_name: p for p in Person.select().where(Person.deleted == False)}
    assert set(people) == {"Zora Quinn", "Yusuf Varga"}
    assert people["Zora Quinn"].organization == "Quinn Labs"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.vcf", None, "no such file"),
        ("empty.csv", b"", "empty"),
        ("broken.json", b"{not json", "not valid JSON"),
    ],
)
def test_unreadable_file_shows_error_and_imports_nothing(
    qtbot, data_dir, parent, drive, tmp_path, name, content, expected
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    errors: list[str] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportDialog)
        qtbot.waitUntil(lambda: bool(dialog.error is not None), timeout=WAIT)
        assert not dialog.problem.isHidden()
        errors.append(dialog.problem.text())
        assert not dialog.import_button.isEnabled()
        assert "Traceback" not in dialog.problem.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return dialog.result()

    drive({"importDialog": run})
    assert run_import(parent, path) is False
    assert expected in errors[0]
    assert live_names() == []


def test_cancel_import_writes_nothing(qtbot, data_dir, parent, drive) -> None:
    def run(dialog: QDialog) -> int:
        qtbot.waitUntil(lambda: bool(dialog.preview is not None), timeout=WAIT)
        dialog.reject()
        return dialog.result()

    drive({"importDialog": run})
    assert run_import(parent, FIXTURES / "google_3.0.vcf") is False
    assert live_names() == []


def test_export_json_writes_file(
    qtbot, data_dir, ana, parent, drive, messages, monkeypatch, tmp_path
):
    target = tmp_path / "out" / "backup.json"
    monkeypatch.setattr(common, "choose_save_file", lambda *_a: target)

    def run(dialog: QDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData("json"))
        assert not dialog.confidential.isEnabled()  # JSON always holds everything
        assert "always" in dialog.note.text()
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        assert dialog.confidential.isEnabled()
        dialog.format.setCurrentIndex(dialog.format.findData("json"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(
            lambda: bool(dialog.result() != 0 or not dialog.problem.isHidden()), timeout=WAIT
        )
        return dialog.result()

    drive({"exportDialog": run})
    assert run_export(parent) is True
    assert target.is_file()
    assert "Ana Ruiz" in json.dumps(json.loads(target.read_text(encoding="utf-8")))
    assert messages and str(target) in messages[-1][0]


def test_duplicates_merge_and_undo(qtbot, data_dir, ana, parent, drive) -> None:
    from desktop.services import people

    twin = people.create_person(full_name="Ana Ruiz", organization="Acme", headline="Designer")
    stack = QUndoStack()
    outcome: dict[str, object] = {}

    def merge(dialog: QDialog) -> int:
        assert isinstance(dialog, MergeDialog)
        assert "headline" in dialog.groups
        other = dialog.findChild(QWidget, "headline:other")
        other.click()  # take the twin's headline
        assert dialog.choices()["headline"] == "other"
        outcome["headline"] = other.text()
        return QDialog.DialogCode.Accepted

    def duplicates(dialog: QDialog) -> int:
        assert isinstance(dialog, DuplicatesDialog)
        qtbot.waitUntil(lambda: bool(not dialog.is_loading()), timeout=WAIT)
        assert dialog.list.count() == 1
        assert "Ana Ruiz" in dialog.list.item(0).text()
        assert {dialog.pairs[0].first_id, dialog.pairs[0].second_id} == {ana, twin}
        assert dialog.pairs[0].reasons
        outcome["command"] = dialog.merge_selected()
        qtbot.waitUntil(lambda: bool(not dialog.is_loading()), timeout=WAIT)
        outcome["after"] = dialog.list.count()
        return QDialog.DialogCode.Rejected

    seen = drive({"duplicatesDialog": duplicates, "mergeDialog": merge})
    show_duplicates(parent, stack)
    assert seen == ["duplicatesDialog", "mergeDialog"]
    assert outcome["command"] is not None and outcome["after"] == 0
    assert stack.count() == 1
    assert live_names() == ["Ana Ruiz"]
    kept = Person.get(Person.deleted == False)
    assert kept.headline == outcome["headline"]
    assert outcome["headline"] in ("Designer", "Product lead")
    stack.undo()
    assert live_names() == ["Ana Ruiz", "Ana Ruiz"]
    assert Person.get_by_id(ana).headline == "Product lead"
    stack.redo()
    assert live_names() == ["Ana Ruiz"]


def test_dismiss_pair(qtbot, data_dir, ana, parent, drive) -> None:
    from desktop.services import duplicates, people

    people.create_person(full_name="Ana Ruiz", organization="Acme")

    def run(dialog: QDialog) -> int:
        qtbot.waitUntil(lambda: bool(not dialog.is_loading()), timeout=WAIT)
        assert dialog.list.count() == 1
        dialog.dismiss_button.click()
        assert dialog.list.count() == 0
        return QDialog.DialogCode.Rejected

    drive({"duplicatesDialog": run})
    show_duplicates(parent)
    assert duplicates.find_duplicates() == []
    assert len(live_names()) == 2


def test_restore_lists_backups_and_restores(
    qtbot, data_dir, ana, parent, drive, messages, monkeypatch
) -> None:
    from desktop.services import backups, people

    backups.backup_now(data_dir, reason="manual")
    people.create_person(full_name="Later Person")
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or True)

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, RestoreDialog)
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 1).text() == "made by you"
        assert dialog.table.item(0, 2).text() == "1"  # people in the backup
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        return dialog.result()

    drive({"restoreDialog": run})
    assert sorted(live_names()) == ["Ana Ruiz", "Later Person"]
    assert restore_from_backup(parent, data_dir) is True
    assert "backed up first" in asked[0]
    assert live_names() == ["Ana Ruiz"]
    reasons = [b.reason for b in backups.list_backups(data_dir, counts=False)]
    assert "before-restore" in reasons


def test_restore_without_backups_says_so(data_dir, parent, messages) -> None:
    assert restore_from_backup(parent, data_dir) is False
    assert messages == [("There are no backups yet.", False)]


def test_import_calendar_file_adds_event(data_dir, ana, parent, messages, monkeypatch) -> None:
    from desktop.storage.models import Event

    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or True)
    before = Event.select().where(Event.deleted == False).count()
    assert run_import(parent, FIXTURES.parent / "harbour_summit.ics") is True
    assert asked and "attendees" in asked[0]
    assert Event.select().where(Event.deleted == False).count() > before
    assert messages == []


def test_import_broken_calendar_shows_error(data_dir, parent, messages, tmp_path) -> None:
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\nnonsense\n", encoding="utf-8")
    assert run_import(parent, path) is False
    assert messages and messages[0][1] is True
    assert "Traceback" not in messages[0][0]


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".vcf", ".csv", ".json")),
)
def test_every_fixture_previews(qtbot, data_dir, parent, name) -> None:
    dialog = ImportDialog(FIXTURES / name, parent)
    qtbot.waitUntil(lambda: bool(dialog.preview is not None or dialog.error), timeout=WAIT)
    assert dialog.error is None
    assert dialog.preview.counts["people_in_file"] >= 1
    assert dialog.import_button.isEnabled()
    assert dialog.rejected_list.count() == dialog.preview.counts["rejected"]
    dialog.reject()
    assert live_names() == []


def test_an_import_is_one_undoable_step(qtbot, data_dir, ana, drive) -> None:
    """Issue #13: undo takes the whole file back out; redo brings it back."""
    from PySide6.QtGui import QUndoStack

    from desktop.services import people

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.undo_stack = QUndoStack(parent)  # as the main window has
    before = live_names()
    drive({"importDialog": accept_import(qtbot)})
    assert run_import(parent, FIXTURES / "vcard_4.0.vcf") is True
    imported = live_names()
    assert "Simone Perreault" in imported and len(imported) > len(before)
    assert parent.undo_stack.count() == 1
    assert parent.undo_stack.undoText() == "Import vcard_4.0.vcf"
    parent.undo_stack.undo()
    assert live_names() == before
    assert people.get_person(ana).full_name == "Ana Ruiz"  # untouched by the undo
    parent.undo_stack.redo()
    assert live_names() == imported
