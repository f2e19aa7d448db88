"""A small CardDAV client over ``requests``: PROPFIND, REPORT (sync-collection and
addressbook-multiget), and ETag-conditioned PUT and DELETE (RFC 6352, RFC 6578).

Retries and the status → error mapping are the sync remotes' own (``RetryPolicy``,
``AuthenticationFailed``, ``RemoteUnavailable``); answers are parsed with defusedxml.
Messages name the server and what was being done, never the password.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from xml.sax.saxutils import escape

from desktop.sync.errors import AuthenticationFailed, RemoteNotFound, SyncError
from desktop.sync.remotes.base import RETRY_STATUSES, parse_xml
from desktop.sync.retry import RetryPolicy, Transient, with_retries

DAV = "{DAV:}"
CARDDAV = "{urn:ietf:params:xml:ns:carddav}"
MAX_BODY = 64 * 1024 * 1024
MULTIGET_BATCH = 200


class TokenExpired(SyncError):
    """The server no longer knows our sync-token (RFC 6578 valid-sync-token): list anew."""


@dataclass(frozen=True)
class Reply:
    status: int
    reason: str
    headers: dict[str, str]
    content: bytes


@dataclass
class DavResponse:
    """One ``<d:response>`` of a multistatus: its href, status and properties found."""

    href: str
    status: int
    props: dict[str, Any] = field(default_factory=dict)  # "{ns}name" → Element


@dataclass(frozen=True)
class Changes:
    """What a sync-collection (or a full listing) said: changed hrefs with their ETags,
    removed hrefs, and the token to send next time (None: the server gives none)."""

    token: str | None
    changed: dict[str, str]
    removed: list[str]
    full: bool  # True: ``changed`` lists every card (a first sync, or the token expired)


def _status_code(text: str | None) -> int:
    parts = (text or "").split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def href_path(url_or_href: str) -> str:
    """The decoded path of an href or URL: how cards are compared and stored."""
    return unquote(urlsplit(url_or_href).path)


class DavClient:
    """One account's HTTP session per thread: Basic auth, timeouts, bounded retries.

    ``requests.Session`` is not thread-safe, and the first upload sends its PUTs from a
    small pool (:mod:`engine`), so each thread that uses the client gets its own session
    (its own kept-alive connection); :meth:`close` closes them all."""

    def __init__(self, user: str, password: str | None, policy: RetryPolicy | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self._auth = (user, password or "")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list[Any] = []

    @property
    def session(self) -> Any:  # requests.Session
        """This thread's session (made on first use)."""
        session = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = requests.Session()
            session.auth = self._auth
            session.headers["User-Agent"] = "Rapport-contacts/1"
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    def request(
        self,
        method: str,
        url: str,
        what: str,
        *,
        headers: dict[str, str] | None = None,
        data: bytes | None = None,
        follow: bool = False,
    ) -> Reply:
        import requests

        label = urlsplit(url).netloc or url

        def attempt() -> Reply:
            try:
                response = self.session.request(
                    method,
                    url,
                    headers=headers,
                    data=data,
                    timeout=self.policy.timeout,
                    allow_redirects=follow,
                )
            except requests.Timeout:
                raise Transient(f"{label} did not answer in time") from None
            except requests.ConnectionError:
                raise Transient(f"cannot reach {label}") from None
            if response.status_code in RETRY_STATUSES:
                raise Transient(f"{label} answered {response.status_code} {response.reason}")
            content = response.content
            if len(content) > MAX_BODY:
                raise SyncError(f"{what}: {label} sent more than {MAX_BODY >> 20} MB; not read.")
            return Reply(
                response.status_code, response.reason or "", dict(response.headers), content
            )

        reply = with_retries(attempt, self.policy, what)
        if reply.status == 401:
            raise AuthenticationFailed(
                f"{label} refused the user name or password (401). Check them; many "
                "services (iCloud, Fastmail, Google) need an app-specific password."
            )
        return reply

    def unexpected(self, reply: Reply, what: str, url: str) -> SyncError:
        if reply.status == 403:
            return AuthenticationFailed(f"{what}: {urlsplit(url).netloc} refused access (403).")
        if reply.status == 404:
            return RemoteNotFound(f"{what}: {url} does not exist on the server.")
        return SyncError(f"{what}: the server answered {reply.status} {reply.reason}".strip())

    # -- WebDAV reads ------------------------------------------------------------------------
    def propfind(self, url: str, props: str, depth: int, what: str) -> list[DavResponse]:
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
            f"<d:prop>{props}</d:prop></d:propfind>"
        ).encode()
        reply = self.request(
            "PROPFIND",
            url,
            what,
            headers={"Depth": str(depth), "Content-Type": "application/xml; charset=utf-8"},
            data=body,
        )
        if reply.status != 207:
            raise self.unexpected(reply, what, url)
        return self.multistatus(reply.content, what, url)

    def multistatus(self, content: bytes, what: str, url: str) -> list[DavResponse]:
        root = parse_xml(content, what, urlsplit(url).netloc)
        found = []
        for node in root.iter(f"{DAV}response"):
            href = (node.findtext(f"{DAV}href") or "").strip()
            status = _status_code(node.findtext(f"{DAV}status"))
            props: dict[str, Any] = {}
            for propstat in node.findall(f"{DAV}propstat"):
                if _status_code(propstat.findtext(f"{DAV}status")) != 200:
                    continue
                for prop in propstat.findall(f"{DAV}prop"):
                    for child in prop:
                        props[child.tag] = child
                status = status or 200
            found.append(DavResponse(href, status, props))
        return found

    # -- address books -----------------------------------------------------------------------
    def changes(self, book_url: str, token: str | None) -> Changes:
        """Cards changed and removed since ``token`` (every card when None): one REPORT."""
        what = "Asking the address book what changed"
        token_xml = f"<d:sync-token>{escape(token)}</d:sync-token>" if token else "<d:sync-token/>"
        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">'
            f"{token_xml}<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
            "</d:sync-collection>"
        ).encode()
        reply = self.request(
            "REPORT",
            book_url,
            what,
            headers={"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
            data=body,
        )
        if token and reply.status in (403, 409, 412) and b"valid-sync-token" in reply.content:
            raise TokenExpired("the address book's sync token expired")
        if reply.status in (400, 403, 405, 501) and not token:
            return self._listing(book_url)  # no sync-collection: a PROPFIND listing instead
        if reply.status != 207:
            raise self.unexpected(reply, what, book_url)
        root = parse_xml(reply.content, what, urlsplit(book_url).netloc)
        new_token = (root.findtext(f"{DAV}sync-token") or "").strip() or None
        own = href_path(book_url).rstrip("/")
        changed: dict[str, str] = {}
        removed: list[str] = []
        for item in self.multistatus(reply.content, what, book_url):
            path = href_path(item.href)
            if path.rstrip("/") == own:
                continue
            if item.status == 404:
                removed.append(path)
            elif f"{DAV}getetag" in item.props:
                changed[path] = (item.props[f"{DAV}getetag"].text or "").strip()
        return Changes(new_token, changed, removed, full=not token)

    def _listing(self, book_url: str) -> Changes:
        items = self.propfind(
            book_url, "<d:getetag/><d:resourcetype/>", 1, "Listing the address book"
        )
        own = href_path(book_url).rstrip("/")
        changed = {
            href_path(i.href): (i.props[f"{DAV}getetag"].text or "").strip()
            for i in items
            if href_path(i.href).rstrip("/") != own and f"{DAV}getetag" in i.props
        }
        return Changes(None, changed, [], full=True)

    def fetch(self, book_url: str, hrefs: Sequence[str]) -> dict[str, tuple[str, str]]:
        """href → (etag, vCard text) for the given cards (addressbook-multiget, batched)."""
        found: dict[str, tuple[str, str]] = {}
        what = "Downloading contacts"
        for start in range(0, len(hrefs), MULTIGET_BATCH):
            batch = hrefs[start : start + MULTIGET_BATCH]
            links = "".join(f"<d:href>{escape(h)}</d:href>" for h in batch)
            body = (
                '<?xml version="1.0" encoding="utf-8"?><c:addressbook-multiget xmlns:d="DAV:" '
                'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/>'
                f"<c:address-data/></d:prop>{links}</c:addressbook-multiget>"
            ).encode()
            reply = self.request(
                "REPORT",
                book_url,
                what,
                headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
                data=body,
            )
            if reply.status != 207:
                raise self.unexpected(reply, what, book_url)
            for item in self.multistatus(reply.content, what, book_url):
                data = item.props.get(f"{CARDDAV}address-data")
                etag = item.props.get(f"{DAV}getetag")
                if data is not None and data.text:
                    found[href_path(item.href)] = (
                        (etag.text or "").strip() if etag is not None else "",
                        data.text,
                    )
        return found

    def etag(self, url: str) -> str:
        items = self.propfind(url, "<d:getetag/>", 0, "Reading a contact's version")
        for item in items:
            if f"{DAV}getetag" in item.props:
                return (item.props[f"{DAV}getetag"].text or "").strip()
        return ""

    # -- writes ------------------------------------------------------------------------------
    def put(self, url: str, card: str, etag: str | None) -> str | None:
        """Create (``etag`` None: only if absent) or replace (only if unchanged) a card.

        Returns the new ETag, or None when the server has a newer card than ``etag`` (or a
        card already at that address): the next sync reads it and merges first.
        """
        headers = {"Content-Type": "text/vcard; charset=utf-8"}
        headers["If-Match" if etag else "If-None-Match"] = etag or "*"
        what = "Uploading a contact"
        reply = self.request("PUT", url, what, headers=headers, data=card.encode("utf-8"))
        if reply.status == 412:
            return None
        if reply.status not in (200, 201, 204):
            raise self.unexpected(reply, what, url)
        new = reply.headers.get("ETag") or reply.headers.get("etag")
        return new.strip() if new else self.etag(url)

    def delete(self, url: str, etag: str | None) -> bool:
        """Delete a card only if it is still the version we know; False if it changed."""
        headers = {"If-Match": etag} if etag else {}
        what = "Removing a contact from the address book"
        reply = self.request("DELETE", url, what, headers=headers)
        if reply.status == 412:
            return False
        if reply.status not in (200, 204, 404, 410):
            raise self.unexpected(reply, what, url)
        return True


def absolute(base: str, href: str) -> str:
    return urljoin(base, href)
