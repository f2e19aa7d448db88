"""The first-run page offers the three ways people start: add, import, or try a demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QPushButton

from desktop.ui.transfer import common
from desktop.ui.transfer.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_import_your_contacts_opens_the_import_flow(window, qtbot, monkeypatch) -> None:
    assert window.pages.currentWidget() is window.welcome
    button = window.welcome.findChild(QPushButton, "emptyImport")
    assert button is not None and button.isVisible()
    assert button.accessibleName() == "Import your contacts"
    names = [b.objectName() for b in window.welcome.findChildren(QPushButton)]
    assert {"emptyAddPerson", "emptyImport", "emptyDemo"} <= set(names)

    asked: list[tuple[str, str]] = []
    vcard = next(FIXTURES.glob("*.vcf"))

    def fake_choose(_parent, title: str, filters: str) -> Path:
        asked.append((title, filters))
        return vcard

    shown: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        shown.append(dialog)
        if isinstance(dialog, ImportDialog) and dialog.job is not None:
            dialog.job.wait(5.0)
        return QDialog.DialogCode.Rejected  # the user looks at the preview and cancels

    monkeypatch.setattr(common, "choose_open_file", fake_choose)
    monkeypatch.setattr(common, "exec_dialog", fake_exec)
    triggered: list[bool] = []
    window.actions_by_id["import_file"].triggered.connect(lambda *_: triggered.append(True))

    button.click()

    assert triggered == [True]  # the same File ▸ Import action as the menu and Ctrl+I
    assert len(asked) == 1
    title, filters = asked[0]
    assert title == "Import contacts"
    for pattern in ("*.vcf", "*.csv", "*.json"):  # vCard, CSV, Monica
        assert pattern in filters
    assert len(shown) == 1 and isinstance(shown[0], ImportDialog)


def test_cancelling_the_file_dialog_changes_nothing(window, monkeypatch) -> None:
    monkeypatch.setattr(common, "choose_open_file", lambda *_a: None)
    monkeypatch.setattr(common, "exec_dialog", lambda _d: _no_dialog())
    window.welcome.findChild(QPushButton, "emptyImport").click()
    assert window.pages.currentWidget() is window.welcome


def _no_dialog() -> int:
    raise AssertionError("no import dialog may open when the file dialog is cancelled")
