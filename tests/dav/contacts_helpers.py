"""Helpers for the contacts sync tests: what a phone does to the address book (PUT and
DELETE raw vCards straight on the server), and reading the book back."""

from __future__ import annotations

import uuid

import requests

from tests.dav.accounts import DavAccount

PHOTO = b"\x89PNG\r\n\x1a\n" + b"rapport-test-photo" * 4


def phone_card(name: str, *, uid: str | None = None, extra: str = "") -> str:
    """A vCard 3.0 as a phone writes it (Apple-style labels, a NOTE, a group)."""
    given, _, family = name.partition(" ")
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
        f"UID:{uid or uuid.uuid4()}\r\n"
        f"N:{family};{given};;;\r\nFN:{name}\r\n"
        "EMAIL;TYPE=INTERNET;TYPE=WORK:{mail}\r\n"
        "TEL;TYPE=CELL:+1 415 555 0101\r\n"
        "item1.X-ABRELATEDNAMES:Kim\r\nitem1.X-ABLabel:_$!<Spouse>!$_\r\n"
        "NOTE:Typed on the phone\r\n"
        f"{extra}"
        "END:VCARD\r\n"
    ).replace("{mail}", f"{given.lower()}@example.org")


def put(account: DavAccount, name: str, text: str, etag: str | None = None) -> str:
    headers = {"Content-Type": "text/vcard; charset=utf-8"}
    if etag:
        headers["If-Match"] = etag
    answer = requests.put(
        account.addressbook_url + name,
        data=text.encode("utf-8"),
        headers=headers,
        auth=(account.user, account.password),
        timeout=30,
    )
    assert answer.status_code in (201, 204), answer.text
    return answer.headers.get("ETag", "")


def delete(account: DavAccount, href: str) -> None:
    url = account.base_url.rstrip("/") + href if href.startswith("/") else href
    answer = requests.delete(url, auth=(account.user, account.password), timeout=30)
    assert answer.status_code in (200, 204), answer.text


def cards(account: DavAccount) -> dict[str, str]:
    """href → vCard text of every card in the account's address book."""
    from desktop.services.contacts_sync.client import DavClient

    client = DavClient(account.user, account.password)
    try:
        listing = client.changes(account.addressbook_url, None)
        return {
            h: t
            for h, (_e, t) in client.fetch(account.addressbook_url, list(listing.changed)).items()
        }
    finally:
        client.close()


def card_of(account: DavAccount, fragment: str) -> tuple[str, str]:
    """(href, text) of the one card whose text contains ``fragment``."""
    found = [(h, t) for h, t in cards(account).items() if fragment in t]
    assert len(found) == 1, f"{len(found)} cards contain {fragment!r}"
    return found[0]


def unfolded(text: str) -> str:
    return text.replace("\r\n ", "").replace("\n ", "")
