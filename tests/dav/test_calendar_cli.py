"""``rapport calendar …`` end to end in real subprocesses, against a real Radicale; and
the app password never lands in the data folder, the settings or the logs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.dav.calendar_data import calendar, day_at, event, utc
from tests.dav.servers import DavServer

# No keyring in the subprocesses: session-only, so the password is read at each run.
SESSION_ONLY = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def rapport(*args: str, data: Path, home: Path, stdin: str = "", timeout: int = 120):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **SESSION_ONLY,
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _files_containing(root: Path, secret: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            try:
                if secret in path.read_bytes():
                    found.append(str(path))
            except OSError:
                pass
    return found


def test_setup_suggestions_forget(radicale: DavServer, tmp_path: Path) -> None:
    data, home = tmp_path / "data", tmp_path / "home"
    card = tmp_path / "ana.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nN:Ruiz;Ana;;;\r\n"
        b"EMAIL:Ana@Example.com\r\nEND:VCARD\r\n"
    )
    added = rapport("import", str(card), data=data, home=home)
    assert added.returncode == 0, added.stderr
    cal = radicale.make_calendar("Team")
    lunch = day_at(-2, 11)
    radicale.put_ics(
        cal,
        calendar(
            event(
                "cli-lunch",
                "Lunch",
                start=f":{utc(lunch)}",
                end=f":{utc(lunch + timedelta(hours=1))}",
                attendees=[(radicale.user, "ACCEPTED"), ("ana@example.com", "ACCEPTED")],
            )
        ),
    )
    wrong = rapport(
        "calendar", "setup", radicale.base_url, "--user", radicale.user,
        data=data, home=home, stdin="nope\n",
    )  # fmt: skip
    assert wrong.returncode == 1
    assert "refused the user name or password" in wrong.stderr
    setup = rapport(
        "calendar", "setup", radicale.base_url, "--user", radicale.user, "--calendar", "Team",
        data=data, home=home, stdin=radicale.password + "\n",
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    assert "Team (reading)" in setup.stdout
    listed = rapport(
        "calendar", "suggestions", "--json", data=data, home=home, stdin=radicale.password + "\n"
    )
    assert listed.returncode == 0, listed.stderr
    (item,) = json.loads(listed.stdout)
    assert item["title"] == "Lunch" and item["kind"] == "meal"
    assert item["person_id"] and item["starts_at"]
    plain = rapport("calendar", "suggestions", data=data, home=home, stdin=radicale.password + "\n")
    assert "Did you meet Ana Ruiz" in plain.stdout

    secret = radicale.password.encode()
    # The grep: the password is nowhere on disk — data folder, settings, logs, caches.
    assert _files_containing(data, secret) == []
    assert _files_containing(home, secret) == []
    for result in (setup, listed, plain):
        assert radicale.password not in result.stdout + result.stderr

    forgot = rapport("calendar", "forget", data=data, home=home)
    assert forgot.returncode == 0 and "removed" in forgot.stdout
    after = rapport("calendar", "suggestions", data=data, home=home)
    assert after.returncode == 1 and "No calendar is set up" in after.stderr
