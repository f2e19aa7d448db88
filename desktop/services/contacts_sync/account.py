"""Contacts sync's front for the CLI and the UI: set up, sync, status, forget, and what
Today shows (people new from the address book, people no longer in it).

The password lives in the OS keyring only (``carddav:<account id>``), with sync's
session-only fallback when no keyring works: never in settings, logs or the data folder.
No Qt; keyring, requests and the XML parser are imported when first used.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.services.contacts_sync import state as state_file
from desktop.services.contacts_sync.state import SCOPES, Account, ContactsState
from desktop.storage.models import Person, database

if TYPE_CHECKING:
    from desktop.services.contacts_sync.discovery import Book
    from desktop.services.contacts_sync.engine import SyncResult
    from desktop.sync.retry import RetryPolicy


def data_folder() -> Path:
    """The open store's data folder (where ``address-book.json`` lives)."""
    return Path(database.obj.database).parent


#: What the keyring keeps for the address book, as its notes name it.
SECRET = "the address book's password"


def password_key(account_id: str) -> str:
    return f"carddav:{account_id}"


def _store():  # -> SecretStore
    from desktop.services.sync.secrets import secret_store

    return secret_store()


def find_books(url: str, user: str, password: str, policy: RetryPolicy | None = None) -> list[Book]:
    """The address books the account can see (discovered from a host name or any URL)."""
    from desktop.services.contacts_sync.client import DavClient
    from desktop.services.contacts_sync.discovery import discover

    client = DavClient(user, password, policy)
    try:
        return discover(client, url)
    finally:
        client.close()


def set_up(
    url: str,
    user: str,
    password: str,
    book: str | None = None,
    *,
    policy: RetryPolicy | None = None,
    folder: Path | None = None,
) -> Account:
    """Check the account, choose the book and remember it (the password in the keyring).

    A different account or book than before starts afresh (links to the old one are
    dropped; nobody is deleted anywhere)."""
    from desktop.services.contacts_sync.discovery import choose, normalise_url

    folder = folder or data_folder()
    if not user.strip():
        raise ValueError("type the user name of the address book account")
    chosen = choose(find_books(url, user, password, policy), book)
    current = state_file.load(folder)
    same = (
        current.account is not None
        and current.account.book_url == chosen.url
        and current.account.user == user
    )
    if current.account is not None and not same:
        _store().delete(password_key(current.account.account_id))
        current = ContactsState(scope=current.scope, scope_values=current.scope_values)
    account_id = current.account.account_id if same and current.account else uuid.uuid4().hex
    current.account = Account(normalise_url(url), user, chosen.url, chosen.name, account_id)
    _store().set(password_key(account_id), password)
    state_file.save(folder, current)
    return current.account


def configure(
    *,
    scope: str | None = None,
    values: list[str] | None = None,
    remove_deleted: bool | None = None,
    folder: Path | None = None,
) -> ContactsState:
    """Which people travel (everyone, chosen circles or tags) and what a deletion does."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    if scope is not None:
        if scope not in SCOPES:
            raise ValueError(f"choose who travels from: {', '.join(SCOPES)}")
        current.scope = scope
    if values is not None:
        current.scope_values = [v.strip() for v in values if v.strip()]
    if remove_deleted is not None:
        current.remove_deleted = remove_deleted
    state_file.save(folder, current)
    return current


def password(folder: Path | None = None) -> str | None:
    current = state_file.load(folder or data_folder())
    if current.account is None:
        return None
    return _store().get(password_key(current.account.account_id))


def remember_password(secret: str, folder: Path | None = None) -> None:
    """Keep a password typed again (session-only mode, or after it changed)."""
    current = state_file.load(folder or data_folder())
    if current.account is not None:
        _store().set(password_key(current.account.account_id), secret)


def sync_now(
    *,
    policy: RetryPolicy | None = None,
    progress: Callable[[str], None] | None = None,
    folder: Path | None = None,
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> SyncResult:
    """One sync; raises a SyncError subclass with a clear message when it cannot run.

    ``run_db`` runs the database step where the caller wants it (the app: its GUI
    thread, the single writer); by default, right here."""
    from desktop.services.contacts_sync.client import DavClient
    from desktop.services.contacts_sync.engine import synchronise
    from desktop.sync.errors import NeedsSecret, NotConfigured

    folder = folder or data_folder()
    current = state_file.load(folder)
    if current.account is None:
        raise NotConfigured("The address book is not set up (rapport contacts setup).")
    secret = _store().get(password_key(current.account.account_id))
    if secret is None:
        why = _store().problem_for(SECRET) or "the address book's password is not in the keyring"
        raise NeedsSecret("password", why)
    client = DavClient(current.account.user, secret, policy)
    try:
        if run_db is None:
            return synchronise(folder, client, progress)
        return synchronise(folder, client, progress, run_db)
    finally:
        client.close()


@dataclass(frozen=True)
class ContactsStatus:
    configured: bool
    server: str = ""
    user: str = ""
    book: str = ""
    book_url: str = ""
    scope: str = "all"
    scope_values: tuple[str, ...] = ()
    remove_deleted: bool = False
    linked: int = 0
    new_people: int = 0
    gone: int = 0
    last_sync: str | None = None
    last_error: str | None = None
    last_result: dict[str, int] | None = None
    keyring_problem: str | None = None
    has_password: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["scope_values"] = list(self.scope_values)
        return data


def status(folder: Path | None = None, *, check_keyring: bool = True) -> ContactsStatus:
    current = state_file.load(folder or data_folder())
    if current.account is None:
        return ContactsStatus(False, scope=current.scope)
    has_password, problem = False, None
    if check_keyring:
        store = _store()
        has_password = store.get(password_key(current.account.account_id)) is not None
        problem = store.problem_for(SECRET)
    return ContactsStatus(
        True,
        current.account.url,
        current.account.user,
        current.account.book_name,
        current.account.book_url,
        current.scope,
        tuple(current.scope_values),
        current.remove_deleted,
        sum(1 for c in current.cards.values() if c.person and not c.detached),
        len(current.new_people),
        len(current.gone),
        current.last_sync,
        current.last_error,
        dict(current.last_result) or None,
        problem,
        has_password,
    )


def forget(folder: Path | None = None) -> bool:
    """Stop syncing: drop the password and the state; nobody is deleted anywhere."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    if current.account is None:
        state_file.remove(folder)
        return False
    _store().delete(password_key(current.account.account_id))
    state_file.remove(folder)
    return True


# -- what Today shows ----------------------------------------------------------------------
def _names(ids: list[str]) -> list[tuple[str, str]]:
    if not ids:
        return []
    query = Person.select(Person.id, Person.full_name).where(
        Person.id.in_(ids) & (Person.deleted == False)
    )
    return sorted(((p.id, p.full_name) for p in query), key=lambda item: item[1].casefold())


def new_from_address_book(folder: Path | None = None) -> list[tuple[str, str]]:
    """(id, name) of people the address book brought in, until the user has seen them."""
    return _names(list(state_file.load(folder or data_folder()).new_people))


def no_longer_in_address_book(folder: Path | None = None) -> list[tuple[str, str]]:
    """(id, name) of people whose card was deleted on the phone; kept here."""
    return _names(list(state_file.load(folder or data_folder()).gone))


def dismiss(person_id: str, folder: Path | None = None) -> None:
    """The user has seen this person in Today: stop listing them there."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    was_new = current.new_people.pop(person_id, None)
    was_gone = current.gone.pop(person_id, None)
    if was_new or was_gone:
        state_file.save(folder, current)


def remove_from_address_book(person_id: str, folder: Path | None = None) -> None:
    """The user deleted this person and chose "also remove from the address book"."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    if person_id not in current.remove_requested:
        current.remove_requested.append(person_id)
        state_file.save(folder, current)


def linked_to_card(person_id: str, folder: Path | None = None) -> bool:
    """Whether deleting this person raises the question of their address-book card."""
    current = state_file.load(folder or data_folder())
    if current.account is None:
        return False
    return any(c.person == person_id and not c.detached for c in current.cards.values())


def remove_by_default(folder: Path | None = None) -> bool:
    """The answer the user gave last time (the delete question's checkbox starts there)."""
    return state_file.load(folder or data_folder()).remove_deleted


def choose_on_delete(person_id: str, remove: bool, folder: Path | None = None) -> None:
    """The user deleted a linked person and answered "also remove from the address book".

    The answer is kept for this person alone (a "no" detaches the card now, so a later
    "yes" for someone else cannot sweep it away at the next sync) and remembered as the
    default for the next deletion."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    if remove:
        if person_id not in current.remove_requested:
            current.remove_requested.append(person_id)
    else:
        if person_id in current.remove_requested:
            current.remove_requested.remove(person_id)
        for card in current.cards.values():
            if card.person == person_id:
                card.detached = True
    current.remove_deleted = remove
    state_file.save(folder, current)


def withdraw_delete_choice(person_id: str, folder: Path | None = None) -> None:
    """The deletion was undone: the person's card is theirs again, not to be removed."""
    folder = folder or data_folder()
    current = state_file.load(folder)
    if person_id in current.remove_requested:
        current.remove_requested.remove(person_id)
        state_file.save(folder, current)
