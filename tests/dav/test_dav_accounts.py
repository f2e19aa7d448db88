"""The DAV test servers themselves: each answers, refuses a wrong password, and gives a
fresh account an empty address book and an empty calendar."""

from __future__ import annotations

import requests

from tests.dav import contacts_fixtures
from tests.dav.accounts import DavAccount

# The address-book tests' fixtures (tests/dav/contacts_fixtures.py), taken in here
# rather than from a conftest: each test module names the ones it uses.
memory_keyring = contacts_fixtures.memory_keyring
dav_servers = contacts_fixtures.dav_servers
dav_account = contacts_fixtures.dav_account


_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>'
)


def _listing(account: DavAccount, url: str) -> requests.Response:
    return requests.request(
        "PROPFIND",
        url,
        auth=(account.user, account.password),
        headers={"Depth": "1", "Content-Type": "application/xml"},
        data=_PROPFIND,
        timeout=30,
    )


def test_a_fresh_account_has_an_empty_address_book_and_calendar(dav_account: DavAccount):
    kind, base_url, user, password = dav_account
    assert kind in ("radicale", "xandikos")
    assert base_url.startswith("http://127.0.0.1:") and user and password
    book = _listing(dav_account, dav_account.addressbook_url)
    assert book.status_code == 207, book.text
    assert b"addressbook" in book.content
    assert b".vcf" not in book.content
    calendar = _listing(dav_account, dav_account.calendar_url)
    assert calendar.status_code == 207, calendar.text
    assert b"calendar" in calendar.content and b".ics" not in calendar.content


def test_a_wrong_password_is_refused(dav_account: DavAccount):
    answer = requests.request(
        "PROPFIND",
        dav_account.addressbook_url,
        auth=(dav_account.user, dav_account.password + "x"),
        headers={"Depth": "0"},
        timeout=30,
    )
    assert answer.status_code == 401
