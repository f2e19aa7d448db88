"""The calendar's local state file and its password handling, without a server."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from desktop.services.calendar_sync import account, files
from desktop.services.calendar_sync.errors import CalendarError, NeedsPassword
from desktop.services.calendar_sync.server import CalendarInfo, normalise_url


@pytest.fixture
def session_only():
    """No working keyring: secrets live in this process's memory only."""
    from desktop.services.sync.secrets import use_secret_store
    from desktop.sync import credentials

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    use_secret_store(None)
    credentials.forget_session()
    yield
    keyring.set_keyring(previous)
    use_secret_store(None)
    credentials.forget_session()


def _account() -> account.CalendarAccount:
    kept = account.CalendarAccount(
        url="https://cal.example.com/dav/",
        user="ana@example.com",
        account_id="acc-1",
        calendars=(CalendarInfo("https://cal.example.com/dav/work/", "Work"),),
    )
    account.save(kept)
    return kept


def test_a_damaged_state_file_is_named(data_dir: Path) -> None:
    (data_dir / files.FILE_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(CalendarError) as caught:
        account.load()
    assert files.FILE_NAME in str(caught.value) and "damaged" in str(caught.value)


def test_writes_replace_the_file_whole(data_dir: Path) -> None:
    _account()
    files.update("answers", {"k": {"answer": "dismissed"}})
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(".calendar-")) == []
    assert account.load() is not None and files.read()["answers"]["k"]["answer"] == "dismissed"


def test_forget_keeps_the_answers(data_dir: Path, session_only) -> None:
    kept = _account()
    account.keep_password(kept, "pw-123-secret")
    files.update("answers", {"k": {"answer": "dismissed"}})
    assert account.forget()
    assert account.load() is None and files.read()["answers"] == {"k": {"answer": "dismissed"}}
    assert not account.forget()  # nothing left to forget


def test_session_only_keeps_the_password_in_memory_only(data_dir: Path, session_only) -> None:
    from desktop.sync import credentials

    kept = _account()
    account.keep_password(kept, "pw-123-secret")
    assert account.password(kept) == "pw-123-secret"
    assert account.keyring_problem()  # said, so the UI and CLI can tell the user
    assert b"pw-123-secret" not in (data_dir / files.FILE_NAME).read_bytes()
    credentials.forget_session()  # the next start
    with pytest.raises(NeedsPassword):
        account.password(kept)


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("cal.example.com", "https://cal.example.com/"),
        ("https://cal.example.com", "https://cal.example.com/"),
        ("http://127.0.0.1:5232/ana/", "http://127.0.0.1:5232/ana/"),
    ],
)
def test_addresses_are_normalised(typed: str, url: str) -> None:
    assert normalise_url(typed) == url


def test_a_non_web_address_is_refused() -> None:
    with pytest.raises(CalendarError):
        normalise_url("ftp://cal.example.com/")
    with pytest.raises(CalendarError):
        normalise_url("  ")


def test_old_answers_are_dropped_when_a_new_one_is_kept(data_dir: Path) -> None:
    from datetime import date

    from desktop.services.calendar_sync import suggestions

    files.update(
        "answers",
        {
            "old": {"answer": "dismissed", "at": "2001-01-01T00:00:00"},
            "recent": {"answer": "dismissed", "at": date.today().isoformat() + "T00:00:00"},
        },
    )
    suggestions._remember("new", suggestions.DISMISSED)
    assert sorted(suggestions.answers()) == ["new", "recent"]
