"""``rapport contacts`` from a terminal: set up with the password on standard input,
sync, status as JSON, forget; clear messages and exit codes when something is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.dav import contacts_fixtures

# The address-book tests' fixtures (tests/dav/contacts_fixtures.py), taken in here
# rather than from a conftest: each test module names the ones it uses.
memory_keyring = contacts_fixtures.memory_keyring
dav_servers = contacts_fixtures.dav_servers


#: never the developer's real keyring: secrets on standard input, kept for one run
_NO_KEYRING = "keyring.backends.fail.Keyring"


def _rapport(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "contacts", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": _NO_KEYRING},
    )


def test_contacts_commands_end_to_end(tmp_path: Path, dav_servers):
    account = dav_servers["xandikos"].new_account()
    data = tmp_path / "data"
    early = _rapport(data, "sync")
    assert early.returncode == 1 and "not set up" in early.stderr
    assert json.loads(_rapport(data, "status", "--json").stdout)["configured"] is False
    missing = _rapport(
        data,
        "setup",
        account.base_url,
        "--user",
        account.user,
        "--book",
        "nope",
        stdin=account.password + "\n",
    )
    assert missing.returncode == 1 and "no address book called 'nope'" in missing.stderr

    made = _rapport(
        data,
        "setup",
        account.base_url,
        "--user",
        account.user,
        "--book",
        "addressbook",
        stdin=account.password + "\n",
    )
    assert made.returncode == 0, made.stderr
    assert "Address book synced" in made.stdout
    status = json.loads(_rapport(data, "status", "--json").stdout)
    assert status["configured"] and status["book_url"] == account.addressbook_url
    assert status["last_error"] is None and status["last_sync"]
    again = _rapport(data, "sync", "--json", stdin=account.password + "\n")  # session-only
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["requests"] == 1

    gone = _rapport(data, "forget")
    assert gone.returncode == 0 and "Nobody was deleted" in gone.stdout
    assert json.loads(_rapport(data, "status", "--json").stdout)["configured"] is False
    assert not (data / "address-book.json").exists()
