"""The address book's password is kept in the keyring (or this process's memory) only:
a grep of the data folder and the command's output finds it nowhere after the CLI used
it (the settings page's half: tests/ui/test_gui_address_book.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.dav import contacts_fixtures
from tests.dav import contacts_helpers as phone

# The address-book tests' fixtures (tests/dav/contacts_fixtures.py), taken in here
# rather than from a conftest: each test module names the ones it uses.
memory_keyring = contacts_fixtures.memory_keyring
dav_servers = contacts_fixtures.dav_servers


def _files_holding(root: Path, secret: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            try:
                if secret in path.read_bytes():
                    found.append(str(path))
            except OSError:
                pass
    return found


#: never the developer's real keyring: secrets on standard input, kept for one run
_NO_KEYRING = "keyring.backends.fail.Keyring"


def _rapport(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RAPPORT_DEBUG": "1", "PYTHON_KEYRING_BACKEND": _NO_KEYRING},
    )


def test_the_cli_keeps_the_password_out_of_files_and_output(tmp_path: Path, dav_servers):
    account = dav_servers["radicale"].new_account()
    phone.put(account, "ben.vcf", phone.phone_card("Ben Okafor"))
    data = tmp_path / "cli-data"
    runs = [
        _rapport(
            data,
            "contacts",
            "setup",
            account.base_url,
            "--user",
            account.user,
            stdin=account.password + "\n",
        ),
        _rapport(data, "contacts", "sync", stdin=account.password + "\n"),
        _rapport(data, "contacts", "status", "--json"),
        _rapport(
            data,
            "contacts",
            "setup",
            account.base_url,
            "--user",
            account.user,
            stdin="wrong-" + account.password + "\n",
        ),
    ]
    assert [r.returncode for r in runs] == [0, 0, 0, 1], [r.stderr for r in runs]
    assert "1 new" in runs[0].stdout
    assert "refused the user name or password" in runs[3].stderr
    secret = account.password.encode()
    assert _files_holding(tmp_path, secret) == []
    for run in runs:
        assert account.password not in run.stdout + run.stderr


def test_without_a_keyring_the_note_names_the_account_it_is_about(data_dir: Path) -> None:
    """Sync's note speaks of "sync secrets"; the address book's and the calendar's name
    their own password (they share the keyring front)."""
    import keyring
    from keyring.backends import fail

    from desktop.services.calendar_sync import account as calendar
    from desktop.services.contacts_sync import account as contacts
    from desktop.services.contacts_sync import state as state_file
    from desktop.services.sync.secrets import secret_store

    keyring.set_keyring(fail.Keyring())  # the autouse fixture puts the old one back
    current = state_file.ContactsState()
    current.account = state_file.Account("https://dav.test", "me", "https://dav.test/b/", "B", "x")
    state_file.save(data_dir, current)

    store = secret_store()
    assert store.session_only
    book = contacts.status().keyring_problem
    assert book.startswith("no system keyring is available; the address book's password is")
    assert "sync secrets" not in book
    assert "the calendar's password is kept only until Rapport quits" in calendar.keyring_problem()
    assert "sync secrets are kept only" in store.problem
