"""The calendar account: where the server is, who the user is there, which calendars to
read — and its password, kept in the OS keyring only.

The password goes where sync's secrets go (``desktop.services.sync.secrets``): the
system keyring, or, when none works, this process's memory only ("session-only": asked
again at each start). Never in settings, the data folder or a log line.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop.services.calendar_sync import files, server
from desktop.services.calendar_sync.errors import NeedsPassword, NotConfigured


@dataclass(frozen=True)
class CalendarAccount:
    url: str
    user: str
    account_id: str
    calendars: tuple[server.CalendarInfo, ...] = ()
    chosen: tuple[str, ...] = ()  # calendar URLs to read; all when empty
    my_addresses: tuple[str, ...] = ()  # the user's own emails (their attendee entries)
    last_error: str = ""
    last_read_at: str = ""

    @property
    def reading(self) -> list[str]:
        urls = [c.url for c in self.calendars]
        chosen = [u for u in self.chosen if u in urls]
        return chosen or urls

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "user": self.user,
            "account_id": self.account_id,
            "calendars": [{"url": c.url, "name": c.name} for c in self.calendars],
            "chosen": list(self.chosen),
            "my_addresses": list(self.my_addresses),
            "last_error": self.last_error,
            "last_read_at": self.last_read_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CalendarAccount:
        return cls(
            url=str(data["url"]),
            user=str(data.get("user", "")),
            account_id=str(data.get("account_id") or uuid.uuid4()),
            calendars=tuple(
                server.CalendarInfo(str(c["url"]), str(c.get("name", "")))
                for c in data.get("calendars", [])
            ),
            chosen=tuple(str(u) for u in data.get("chosen", [])),
            my_addresses=tuple(str(a) for a in data.get("my_addresses", [])),
            last_error=str(data.get("last_error", "")),
            last_read_at=str(data.get("last_read_at", "")),
        )


#: What the keyring keeps for the calendar, as its notes name it.
SECRET = "the calendar's password"


def secret_key(account_id: str) -> str:
    return f"calendar:{account_id}"


def _store() -> Any:
    from desktop.services.sync.secrets import secret_store

    return secret_store()


def load() -> CalendarAccount | None:
    data = files.read().get("account")
    return CalendarAccount.from_json(data) if isinstance(data, dict) and data.get("url") else None


def require() -> CalendarAccount:
    account = load()
    if account is None:
        raise NotConfigured()
    return account


def save(account: CalendarAccount) -> None:
    files.update("account", account.to_json())


def password(account: CalendarAccount) -> str:
    value = _store().get(secret_key(account.account_id))
    if value is None:
        raise NeedsPassword(_store().problem_for(SECRET) or "it is not in the keyring")
    return value


def keep_password(account: CalendarAccount, value: str) -> None:
    """Give this run the password (session-only mode asks at each start)."""
    _store().set(secret_key(account.account_id), value)


def keyring_problem() -> str | None:
    store = _store()
    return store.problem_for(SECRET) if store.session_only else None


def setup(
    url: str, user: str, secret: str, *, chosen: Sequence[str] | None = None
) -> CalendarAccount:
    """Check the account against the server, list its calendars, then keep it.

    Nothing is kept when the server refuses (a wrong password leaves the old set-up, if
    any, as it was). ``chosen``: calendar URLs to read (default: all of them).
    """
    found = server.discover(url, user, secret)
    old = load()
    account_id = old.account_id if old is not None else str(uuid.uuid4())
    addresses = list(found.addresses)
    own = user.strip().casefold()
    if "@" in own:
        addresses.insert(0, own)
    if old is not None:
        addresses.extend(old.my_addresses)  # typed in the settings: kept
    account = CalendarAccount(
        url=found.url,
        user=user,
        account_id=account_id,
        calendars=found.calendars,
        # set up again (a new password): keep the calendars chosen before
        chosen=tuple(chosen if chosen is not None else (old.chosen if old else ())),
        my_addresses=tuple(dict.fromkeys(addresses)),
    )
    keep_password(account, secret)
    save(account)
    return account


def choose(urls: Sequence[str]) -> CalendarAccount:
    account = replace(require(), chosen=tuple(urls))
    save(account)
    return account


def set_my_addresses(addresses: Sequence[str]) -> CalendarAccount:
    from desktop.domain.meetings import clean_email

    clean = tuple(dict.fromkeys(a for a in (clean_email(x) for x in addresses) if a))
    account = replace(require(), my_addresses=clean)
    save(account)
    return account


def forget() -> bool:
    """Remove the account and its password (answers to past suggestions are kept, so a
    dismissed meeting stays dismissed if the calendar is set up again)."""
    account = load()
    if account is None:
        return False
    _store().delete(secret_key(account.account_id))
    files.update("account", None)
    return True


def note_read(*, error: str = "", at: str = "") -> None:
    """Remember the last read's outcome for the status line."""
    account = load()
    if account is None:
        return
    save(replace(account, last_error=error, last_read_at=at or account.last_read_at))
