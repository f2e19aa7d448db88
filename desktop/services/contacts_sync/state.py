"""What contacts sync remembers between runs, in ``address-book.json`` in the data folder.

The account (server, user, address book — never the password, which is in the OS
keyring), which people travel, the server's sync-token, and per card: its href, ETag,
UID, the person it is linked to, and the last snapshot of each side (what the merge
compares against). Plus the people new from the address book and those no longer in it,
for Today. Written atomically (a temporary file, flushed, then renamed) and owner-only.

A JSON file rather than a table: it is local to this device (never synchronised), needs
no schema step, and losing it is harmless — the next sync links cards to people again by
their UID and merges.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.storage import private

FILE_NAME = "address-book.json"
SCOPES = ("all", "circles", "tags")
_lock = threading.Lock()


@dataclass
class Account:
    url: str  # what the user typed (or discovered from)
    user: str
    book_url: str
    book_name: str
    account_id: str  # names the keyring entry


@dataclass
class Card:
    person: str
    etag: str
    uid: str
    remote: dict[str, Any]  # snapshot of the card as last read or written
    local: dict[str, Any]  # snapshot of the person when the two last agreed
    detached: bool = False  # the person was deleted here; the card stays, not synced


@dataclass
class ContactsState:
    account: Account | None = None
    scope: str = "all"
    scope_values: list[str] = field(default_factory=list)
    remove_deleted: bool = False  # deleting a person also removes their card
    token: str | None = None
    cards: dict[str, Card] = field(default_factory=dict)  # href → card
    new_people: dict[str, str] = field(default_factory=dict)  # person id → when (ISO)
    gone: dict[str, str] = field(default_factory=dict)  # person id → when (ISO)
    remove_requested: list[str] = field(default_factory=list)  # person ids
    last_sync: str | None = None
    last_error: str | None = None
    last_result: dict[str, int] = field(default_factory=dict)

    def by_person(self) -> dict[str, str]:
        return {card.person: href for href, card in self.cards.items()}

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data; built by hand (``asdict`` deep-copies every snapshot: 10× slower)."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["account"] = asdict(self.account) if self.account else None
        data["cards"] = {href: vars(card) for href, card in self.cards.items()}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ContactsState:
        account = data.get("account")
        cards = {href: Card(**value) for href, value in (data.get("cards") or {}).items()}
        known = {f for f in cls.__dataclass_fields__}
        rest = {k: v for k, v in data.items() if k in known and k not in ("account", "cards")}
        return cls(account=Account(**account) if account else None, cards=cards, **rest)


def state_path(folder: Path) -> Path:
    return folder / FILE_NAME


def load(folder: Path) -> ContactsState:
    path = state_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ContactsState()
    except (OSError, ValueError) as exc:
        raise OSError(f"{path} cannot be read ({exc}); move it away to start over") from exc
    return ContactsState.from_json(data)


def save(folder: Path, state: ContactsState) -> None:
    """Replace the file atomically: a crash leaves the old state or the new, never half."""
    path = state_path(folder)
    temporary = path.with_name(path.name + ".tmp")
    data = json.dumps(state.to_json(), ensure_ascii=False, separators=(",", ":"))
    with _lock:
        handle = private.create_private(temporary)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)


def remove(folder: Path) -> None:
    for path in (state_path(folder), state_path(folder).with_suffix(".json.tmp")):
        path.unlink(missing_ok=True)
