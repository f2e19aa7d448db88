"""Finding the user's address books from what they typed (RFC 6764, RFC 6352 §7.1).

A bare host name becomes ``https://host/``; the address is asked for its
current-user-principal (or, when it knows nothing, ``/.well-known/carddav`` is), the
principal for its addressbook-home-set, and the home for the address books in it. An
address that already is an address book is taken as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from desktop.services.contacts_sync.client import CARDDAV, DAV, DavClient, href_path
from desktop.sync.errors import RemoteNotFound, SyncError

_PROPS = "<d:resourcetype/><d:displayname/><d:current-user-principal/><c:addressbook-home-set/>"


@dataclass(frozen=True)
class Book:
    url: str
    name: str


def normalise_url(text: str) -> str:
    """``dav.example.com`` → ``https://dav.example.com/``; other schemes are refused."""
    text = text.strip()
    if not text:
        raise ValueError("type the address of your address book server")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{text!r} is not an http(s) address")
    return text if parts.path else text + "/"


def _href(item_props: dict, name: str) -> str | None:
    node = item_props.get(name)
    if node is None:
        return None
    link = node.find(f"{DAV}href")
    return (link.text or "").strip() if link is not None and link.text else None


def _is_book(props: dict) -> bool:
    kind = props.get(f"{DAV}resourcetype")
    return kind is not None and kind.find(f"{CARDDAV}addressbook") is not None


def _first(client: DavClient, url: str) -> dict | None:
    """What the typed address says about itself; None when it knows nothing (not found,
    not DAV, or not this user's: 400, 403, 404, 405), so ``/.well-known`` is asked."""
    reply = client.request(
        "PROPFIND",
        url,
        "Looking for your address books",
        headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
        data=(
            '<?xml version="1.0" encoding="utf-8"?>'
            '<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
            f"<d:prop>{_PROPS}</d:prop></d:propfind>"
        ).encode(),
    )
    if reply.status in (400, 403, 404, 405):
        return None
    if reply.status != 207:
        raise client.unexpected(reply, "Looking for your address books", url)
    items = client.multistatus(reply.content, "Looking for your address books", url)
    return items[0].props if items else {}


def _propfind_following(client: DavClient, url: str) -> Any:
    """PROPFIND the well-known address, following redirects *as PROPFIND* (RFC 6764 §5;
    an HTTP library would turn a 302 into a GET)."""
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
        b"<d:current-user-principal/></d:prop></d:propfind>"
    )
    for _hop in range(5):
        reply = client.request(
            "PROPFIND",
            url,
            "Looking for your address books",
            headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
            data=body,
        )
        location = reply.headers.get("Location") or reply.headers.get("location")
        if reply.status not in (301, 302, 303, 307, 308) or not location:
            return reply
        target = urljoin(url, location)
        if urlsplit(target).hostname != urlsplit(url).hostname:
            # the password must not follow a redirect to another host
            raise RemoteNotFound(
                f"{url} sends address book clients to {target}; type that address instead."
            )
        url = target
    return reply


def discover(client: DavClient, url: str) -> list[Book]:
    """The address books the account can see, found from ``url``."""
    url = normalise_url(url)
    props = _first(client, url)
    if props is not None and _is_book(props):
        name = props.get(f"{DAV}displayname")
        return [Book(url, (name.text or "").strip() if name is not None else "")]
    home = _href(props or {}, f"{CARDDAV}addressbook-home-set")
    principal = _href(props or {}, f"{DAV}current-user-principal")
    if not home and not principal:
        well_known = urljoin(url, "/.well-known/carddav")
        reply = _propfind_following(client, well_known)
        if reply.status == 207:
            found = client.multistatus(reply.content, "Looking for your address books", url)
            principal = _href(found[0].props, f"{DAV}current-user-principal") if found else None
        if not principal:
            raise RemoteNotFound(
                f"{url} does not say where your address books are (no CardDAV principal, "
                "no /.well-known/carddav). Type the address book's full address instead."
            )
    if not home:
        principal_url = urljoin(url, principal or "")
        found = client.propfind(
            principal_url, "<c:addressbook-home-set/>", 0, "Looking for your address books"
        )
        home = _href(found[0].props, f"{CARDDAV}addressbook-home-set") if found else None
        if not home:
            raise RemoteNotFound(f"{principal_url} has no address books (no addressbook-home-set).")
    home_url = urljoin(url, home)
    books = []
    listing = client.propfind(
        home_url, "<d:resourcetype/><d:displayname/>", 1, "Listing your address books"
    )
    for item in listing:
        if _is_book(item.props):
            name = item.props.get(f"{DAV}displayname")
            label = (name.text or "").strip() if name is not None else ""
            path = href_path(item.href)
            books.append(Book(urljoin(home_url, path), label or path.rstrip("/").rsplit("/")[-1]))
    return books


def choose(books: list[Book], wanted: str | None) -> Book:
    """The book named (display name or last path part) or the only one; else a clear error."""
    if not books:
        raise RemoteNotFound("the account has no address book; create one on the server first")
    if wanted:
        for book in books:
            last = book.url.rstrip("/").rsplit("/", 1)[-1]
            if wanted in (book.name, last, book.url):
                return book
        names = ", ".join(repr(b.name) for b in books)
        raise RemoteNotFound(f"no address book called {wanted!r}; there are: {names}")
    if len(books) > 1:
        names = ", ".join(repr(b.name) for b in books)
        raise SyncError(f"the account has several address books ({names}); choose one with --book")
    return books[0]
