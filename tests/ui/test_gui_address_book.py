"""The Qt side of address-book sync: Settings ▸ Address book against a real Radicale,
the sync's threads (network on a worker, the merge on the GUI thread), the status-bar
line, Today's "new from your address book" entry, and the password kept out of the
settings, the data folder and the logs.

Here, not in tests/dav, because GUI tests run after tests/sync (whose keyring test must
be the first to write QSettings in the session); the real servers come from tests/dav.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services import people
from desktop.services.contacts_sync import account as contacts
from tests.dav import contacts_helpers as phone
from tests.dav.accounts import DavServer, start_server
from tests.dav.contacts_fixtures import memory_keyring  # noqa: F401 (autouse: an empty keyring)


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DavServer]:
    server = start_server("radicale", tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


def test_settings_page_connects_finds_the_book_and_syncs(qtbot, window, radicale):
    from desktop.services.contacts_sync import engine
    from desktop.ui.contacts_sync.hookup import install
    from desktop.ui.contacts_sync.settings_page import AddressBookDialog

    account = radicale.new_account()
    people.create_person(full_name="Ana Ruiz", organization="Acme")
    phone.put(account, "ben.vcf", phone.phone_card("Ben Okafor"))
    hookup = install(window, start=False)
    merged_on: list[str] = []
    real_apply = engine._apply

    def apply(*args, **kwargs):
        merged_on.append(threading.current_thread().name)
        return real_apply(*args, **kwargs)

    engine._apply = apply
    try:
        dialog = AddressBookDialog(hookup.controller, window)
        qtbot.addWidget(dialog)
        dialog.server.setText(account.base_url)
        dialog.user.setText(account.user)
        dialog.password.setText(account.password)
        dialog.find.click()
        qtbot.waitUntil(lambda: dialog.choice.count() == 1 and not dialog.busy, timeout=20_000)
        assert dialog.choice.currentData() == account.addressbook_url
        with qtbot.waitSignal(hookup.controller.finished, timeout=30_000):
            dialog.connect_button.click()
    finally:
        engine._apply = real_apply
    assert merged_on == [threading.main_thread().name]  # the merge ran on the GUI thread
    assert dialog.password.text() == ""  # kept in the keyring, not in the field
    assert dialog.result.text().startswith("Synced: 1 new")
    assert "Ana Ruiz" in "".join(phone.cards(account).values())
    qtbot.waitUntil(lambda: "synced" in hookup.label.text(), timeout=5_000)
    assert window.findChild(type(hookup.action), "action_address_book") is hookup.action
    status = contacts.status()
    assert status.configured and status.linked == 2


def test_today_shows_who_is_new_from_the_address_book(qtbot, window, data_dir: Path, radicale):
    account = radicale.new_account()
    phone.put(account, "ben.vcf", phone.phone_card("Ben Okafor"))
    contacts.set_up(account.base_url, account.user, account.password)
    contacts.sync_now()
    window.show_view("today")
    today = window._built["today"]
    today.refresh()
    entry = today.address_book
    qtbot.waitUntil(entry.isVisible, timeout=5_000)
    [line] = [entry.people.item(i).text() for i in range(entry.people.count())]
    assert line == "Ben Okafor — new from your address book"
    opened: list[str] = []
    entry.openPersonRequested.connect(opened.append)
    entry.people.setFocus()
    qtbot.keyClick(entry.people, Qt.Key.Key_Return)
    assert opened == [contacts.new_from_address_book()[0][0]]
    entry.dismiss.click()
    assert not entry.isVisible() and contacts.new_from_address_book() == []


def _files_holding(root: Path, secret: bytes) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and secret in p.read_bytes()]


def test_the_settings_page_keeps_it_out_of_settings_and_logs(
    qtbot,
    window,
    data_dir: Path,
    radicale,
    caplog,
):
    from PySide6.QtCore import QSettings

    from desktop.ui.contacts_sync.hookup import install
    from desktop.ui.contacts_sync.settings_page import AddressBookDialog

    caplog.set_level(logging.DEBUG)
    account = radicale.new_account()
    people.create_person(full_name="Ana Ruiz")
    hookup = install(window, start=False)
    dialog = AddressBookDialog(hookup.controller, window)
    qtbot.addWidget(dialog)
    dialog.server.setText(account.base_url)
    dialog.user.setText(account.user)
    dialog.password.setText(account.password)
    with qtbot.waitSignal(hookup.controller.finished, timeout=30_000):
        dialog.connect_button.click()
    window.save_state()
    QSettings().sync()
    settings_file = Path(QSettings().fileName())
    assert contacts.status().has_password  # it is in the (test) keyring …
    secret = account.password.encode()
    assert _files_holding(data_dir, secret) == []  # … and nowhere else
    assert not settings_file.exists() or secret not in settings_file.read_bytes()
    assert account.password not in caplog.text
    assert all(account.password not in str(r.args) for r in caplog.records)


class _Answers:
    """Answers the delete question when it appears: tick or untick the box, then Delete
    (or Cancel). Records what the box offered, so a test can check the remembered default."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.offered: list[bool] = []

    def next(self, remove: bool | None) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QPushButton

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer)
                return
            assert box.objectName() == "deleteLinkedPersonBox"
            check = box.findChild(QCheckBox, "alsoRemoveFromAddressBook")
            self.offered.append(check.isChecked())
            if remove is None:
                box.reject()
                return
            check.setChecked(remove)
            box.findChild(QPushButton, "deleteLinkedPersonButton").click()

        QTimer.singleShot(0, answer)


def test_deleting_a_linked_person_asks_about_the_card(qtbot, window, data_dir: Path, radicale):
    from PySide6.QtWidgets import QApplication

    from desktop.storage.models import Person

    account = radicale.new_account()
    ana = people.create_person(full_name="Ana Ruiz")
    ben = people.create_person(full_name="Ben Okafor")
    cleo = people.create_person(full_name="Cleo Park")
    contacts.set_up(account.base_url, account.user, account.password)
    contacts.sync_now()
    dan = people.create_person(full_name="Dan Unlinked")  # no card: nothing to ask
    answers = _Answers(qtbot)

    answers.next(None)  # Cancel keeps the person
    window.people.delete_person(ana)
    assert Person.get_by_id(ana).deleted is False
    answers.next(True)
    window.people.delete_person(ana)
    answers.next(False)
    window.people.delete_person(ben)
    answers.next(True)
    window.people.delete_person(cleo)
    window.undo_stack.undo()  # Cleo comes back: her card is hers again
    window.people.delete_person(dan)  # no question: a modal here would never return
    assert QApplication.activeModalWidget() is None

    assert answers.offered == [False, False, True, False]  # the last answer is remembered
    assert contacts.remove_by_default() is True
    result = contacts.sync_now()
    texts = "".join(phone.cards(account).values())
    assert result.removed == 1
    assert "Ana Ruiz" not in texts  # deleted here and "also remove" chosen
    assert "Ben Okafor" in texts and "Cleo Park" in texts  # "no", and an undone delete


def test_a_wrong_password_stays_said_in_the_dialog(qtbot, window, data_dir: Path, radicale):
    """The refusal is shown on its own line; the status line's refresh after the
    background step (in the same call as the handler) used to overwrite it at once."""
    from desktop.ui.contacts_sync.hookup import install
    from desktop.ui.contacts_sync.settings_page import AddressBookDialog

    account = radicale.new_account()
    hookup = install(window, start=False)
    dialog = AddressBookDialog(hookup.controller, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText(account.base_url)
    dialog.user.setText(account.user)
    dialog.password.setText("not-the-password")
    dialog.find.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)  # the status refresh follows
    assert "refused the user name or password" in dialog.message.text()
    assert dialog.message.isVisible()

    dialog.password.setText(account.password)
    dialog.find.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.message.text().startswith("Found 1 address book")
