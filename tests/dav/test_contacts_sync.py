"""Contacts sync against real CardDAV servers (Radicale and Xandikos) on 127.0.0.1:
first sync both ways, changes on each side, the same field on both, deletions both
ways, confidential fields, a wrong password, a server going down mid-sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import commitments, people
from desktop.services.contacts_sync import account as contacts
from desktop.storage.models import ContactPoint, ImportantDate, Person
from tests.dav import contacts_fixtures
from tests.dav import contacts_helpers as phone
from tests.dav.accounts import DavAccount

# The address-book tests' fixtures (tests/dav/contacts_fixtures.py), taken in here
# rather than from a conftest: each test module names the ones it uses.
memory_keyring = contacts_fixtures.memory_keyring
dav_servers = contacts_fixtures.dav_servers
dav_account = contacts_fixtures.dav_account
dav_server_factory = contacts_fixtures.dav_server_factory


def _connect(account: DavAccount, book: str | None = None) -> None:
    contacts.set_up(account.base_url, account.user, account.password, book)


def _ana() -> str:
    pid = people.create_person(
        full_name="Ana Ruiz",
        organization="Acme",
        headline="Head of Research",
        about="Loves sailing; told me about her divorce",
        how_we_met="PyCon 2024",
        circle="close",
        photo=phone.PHOTO,
    )
    people.add_contact_point(person_id=pid, kind="email", value="ana@acme.test", label="work")
    people.add_contact_point(person_id=pid, kind="phone", value="+34 600 111 222", label="mobile")
    people.add_tag(person_id=pid, name="sailing")
    _birthday(pid, "1985-04-12")
    commitments.make_commitment(owner="me", person_id=pid, description="send the deck")
    return pid


def _birthday(person_id: str, day: str) -> None:
    from desktop.services.store import operation
    from desktop.storage import journal

    save = operation(journal.save)
    save(ImportantDate, None, {"person": person_id, "label": "birthday", "day": day})


def _person(name: str) -> Person:
    return Person.get((Person.full_name == name) & (Person.deleted == False))


def test_first_sync_goes_both_ways(data_dir: Path, dav_account: DavAccount):
    ana = _ana()
    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)

    result = contacts.sync_now()

    assert (result.created, result.uploaded) == (1, 1)
    href, card = phone.card_of(dav_account, "Ana Ruiz")
    text = phone.unfolded(card)
    for expected in (
        "FN:Ana Ruiz",
        "ORG:Acme",
        "TITLE:Head of Research",
        "ana@acme.test",
        "+34 600 111 222",
        "BDAY:19850412",
        "PHOTO",
        f"urn:uuid:{ana}",
    ):
        assert expected in text, expected
    for never in ("sailing", "divorce", "PyCon", "close", "X-RAPPORT", "deck", "NOTE"):
        assert never not in text, never
    ben = _person("Ben Okafor")
    emails = [c.value for c in ContactPoint.select().where(ContactPoint.person == ben.id)]
    assert "ben@example.org" in emails
    assert ben.about == ""  # a phone's note never comes in either
    from desktop.storage.search_index import query_people

    assert [hit.row_id for hit in query_people("Okafor")] == [ben.id]  # searchable at once
    assert contacts.new_from_address_book() == [(ben.id, "Ben Okafor")]
    contacts.dismiss(ben.id)
    assert contacts.new_from_address_book() == []
    assert href.endswith(".vcf")


def test_a_sync_with_nothing_changed_is_one_request(data_dir: Path, dav_account: DavAccount):
    _ana()
    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)
    contacts.sync_now()

    again = contacts.sync_now()

    assert again.requests == 1
    assert (again.downloaded, again.uploaded, again.created, again.updated) == (0, 0, 0, 0)


def test_a_change_on_each_side_reaches_the_other(data_dir: Path, dav_account: DavAccount):
    ana = _ana()
    etag = phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)
    contacts.sync_now()
    people.update_person(ana, organization="Globex")
    href, text = phone.card_of(dav_account, "Ben Okafor")
    changed = text.replace("END:VCARD", "TITLE:Harbour master\r\nEND:VCARD")
    phone.put(dav_account, "ben.vcf", changed.replace("\n", "\r\n").replace("\r\r\n", "\r\n"))
    assert etag  # the phone wrote over its own card

    result = contacts.sync_now()

    assert result.updated == 1 and result.uploaded == 1
    assert _person("Ben Okafor").headline == "Harbour master"
    _href, ana_card = phone.card_of(dav_account, "Ana Ruiz")
    assert "ORG:Globex" in ana_card
    _href, ben_card = phone.card_of(dav_account, "Ben Okafor")
    assert "Typed on the phone" in ben_card  # what Rapport does not manage stays
    assert href == _href


def test_the_same_field_changed_on_both_sides(data_dir: Path, dav_account: DavAccount):
    from desktop.services.sync.conflicts import conflicts, restore_conflict

    ana = _ana()
    _connect(dav_account)
    contacts.sync_now()
    href, text = phone.card_of(dav_account, "Ana Ruiz")
    phone.put(dav_account, href.rsplit("/", 1)[1], text.replace("ORG:Acme", "ORG:Initech"))
    people.update_person(ana, organization="Globex")

    result = contacts.sync_now()

    assert result.conflicts == 1
    assert _person("Ana Ruiz").organization == "Globex"  # Rapport's value is kept …
    assert "ORG:Globex" in phone.card_of(dav_account, "Ana Ruiz")[1]
    [lost] = [c for c in conflicts() if c.row_id == ana]
    assert (lost.field, lost.losing) == ("organization", "Initech")  # … the other restorable
    restore_conflict(lost.id)
    contacts.sync_now()
    assert "ORG:Initech" in phone.card_of(dav_account, "Ana Ruiz")[1]


def test_deletions_both_ways(data_dir: Path, dav_account: DavAccount):
    ana = _ana()
    kept = people.create_person(full_name="Kept Quiet")
    removed = people.create_person(full_name="Gone Fully")
    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)
    contacts.sync_now()
    ben = _person("Ben Okafor").id
    ana_href, _ = phone.card_of(dav_account, "Ana Ruiz")
    phone.delete(dav_account, ana_href)  # deleted on the phone
    people.delete_person(kept)  # deleted here, card stays
    people.delete_person(removed)
    contacts.remove_from_address_book(removed)  # … "also remove from the address book"

    result = contacts.sync_now()

    assert result.gone == 1 and result.removed == 1
    assert Person.get_by_id(ana).deleted is False  # kept, and marked
    assert contacts.no_longer_in_address_book() == [(ana, "Ana Ruiz")]
    texts = "".join(phone.cards(dav_account).values())
    assert "Kept Quiet" in texts and "Gone Fully" not in texts and "Ana Ruiz" not in texts
    assert "Ben Okafor" in texts and Person.get_by_id(ben).deleted is False
    again = contacts.sync_now()  # nobody comes back, nothing more is removed
    assert (again.uploaded, again.removed, again.created) == (0, 0, 0)


def test_a_confidential_field_is_never_uploaded(data_dir: Path, dav_account: DavAccount):
    pid = people.create_person(
        full_name="Cleo Secret",
        organization="Stealth Startup",
        headline="Founder",
        confidential_fields=["organization", "contact_points"],
    )
    people.add_contact_point(person_id=pid, kind="email", value="cleo@private.test")
    _connect(dav_account)
    contacts.sync_now()
    people.update_person(pid, organization="Stealth Startup II", headline="CEO")

    contacts.sync_now()

    everything = "".join(phone.cards(dav_account).values())
    assert "TITLE:CEO" in everything
    assert "Stealth" not in everything and "cleo@private.test" not in everything


def test_a_wrong_password_says_so_clearly(data_dir: Path, dav_account: DavAccount):
    from desktop.sync.errors import AuthenticationFailed

    with pytest.raises(AuthenticationFailed, match="refused the user name or password"):
        contacts.set_up(dav_account.base_url, dav_account.user, "not-the-password")
    assert not contacts.status().configured
    _connect(dav_account)
    contacts.remember_password("changed-since")
    with pytest.raises(AuthenticationFailed):
        contacts.sync_now()
    assert "refused" in (contacts.status().last_error or "")


def test_the_server_going_down_mid_sync_loses_nothing(data_dir: Path, dav_server_factory):
    from desktop.services.contacts_sync.client import DavClient
    from desktop.sync.errors import RemoteUnavailable
    from desktop.sync.retry import RetryPolicy

    server = dav_server_factory("radicale")
    account = server.new_account()
    for n in range(12):
        people.create_person(full_name=f"Person {n:02}")
    phone.put(account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(account)
    real_put = DavClient.put
    calls = []

    def put_then_fail(self, url, card, etag):
        calls.append(url)
        if len(calls) == 5:
            server.stop()  # the server goes away after four uploads
        return real_put(self, url, card, etag)

    quick = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02, timeout=5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DavClient, "put", put_then_fail)
        with pytest.raises(RemoteUnavailable):
            contacts.sync_now(policy=quick)
    assert "try again later" in (contacts.status().last_error or "")
    assert _person("Ben Okafor")  # what had arrived is kept
    server.start()

    contacts.sync_now()

    texts = list(phone.cards(account).values())
    assert len(texts) == 13
    for n in range(12):
        assert sum(f"FN:Person {n:02}" in t for t in texts) == 1
    assert Person.select().where(Person.full_name == "Ben Okafor").count() == 1
    assert contacts.sync_now().requests == 1


def test_a_first_upload_sends_several_puts_at_once(data_dir: Path, dav_account, monkeypatch):
    """The first two PUTs meet at a barrier: one at a time, they never would (the wait
    would break after 30 s and the sync fail). Every card still arrives once, linked."""
    import threading

    from desktop.services.contacts_sync.client import DavClient

    for n in range(9):
        people.create_person(full_name=f"Person {n:02}")
    _connect(dav_account)
    real_put, lock, calls = DavClient.put, threading.Lock(), []
    meet = threading.Barrier(2, timeout=30)

    def put_together(self, url, card, etag):
        with lock:
            calls.append(threading.current_thread().name)
            first_two = len(calls) <= 2
        if first_two:
            meet.wait()
        return real_put(self, url, card, etag)

    monkeypatch.setattr(DavClient, "put", put_together)
    result = contacts.sync_now()

    assert result.uploaded == 9 and len(set(calls[:2])) == 2
    assert len(phone.cards(dav_account)) == 9 and contacts.status().linked == 9
    assert contacts.sync_now().requests == 1  # every ETag was recorded


def test_the_book_is_found_from_the_server_or_its_own_address(data_dir, dav_account):
    for start in (dav_account.base_url, dav_account.addressbook_url):
        books = contacts.find_books(start, dav_account.user, dav_account.password)
        assert [b.url for b in books] == [dav_account.addressbook_url], start


def test_an_address_that_knows_nothing_falls_back_to_well_known(data_dir, dav_account):
    books = contacts.find_books(
        dav_account.base_url + "not-here/", dav_account.user, dav_account.password
    )
    assert [b.url for b in books] == [dav_account.addressbook_url]


def test_a_person_deleted_then_brought_back_keeps_one_card(data_dir: Path, dav_account):
    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)
    contacts.sync_now()
    ben = _person("Ben Okafor").id
    people.delete_person(ben)
    contacts.sync_now()  # the card stays on the phone, no longer synced
    assert len(phone.cards(dav_account)) == 1
    people.restore_person(ben)  # Undo
    people.update_person(ben, headline="Back again")

    contacts.sync_now()

    [text] = phone.cards(dav_account).values()
    assert "TITLE:Back again" in text and "Typed on the phone" in text
    assert contacts.status().linked == 1


def test_a_crash_before_the_state_is_saved_makes_no_duplicates(
    data_dir: Path, dav_account, monkeypatch
):
    from desktop.services.contacts_sync import engine

    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor"))
    _connect(dav_account)
    real_save, calls = engine.state_file.save, []

    def save_fails_once(folder, state):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk full")
        real_save(folder, state)

    monkeypatch.setattr(engine.state_file, "save", save_fails_once)
    with pytest.raises(OSError):
        contacts.sync_now()  # the merge committed; the state file did not follow
    monkeypatch.setattr(engine.state_file, "save", real_save)

    contacts.sync_now()

    assert Person.select().where(Person.full_name == "Ben Okafor").count() == 1
    assert len(phone.cards(dav_account)) == 1 and contacts.status().linked == 1


def test_an_upload_rewrites_only_what_changed(data_dir: Path, dav_account):
    extra = (
        "ORG:Harbour Authority;Operations\r\n"
        "item2.ADR;TYPE=HOME:;;1 Quay Street;Lisbon;;1100-001;Portugal\r\n"
        "item2.X-ABLabel:_$!<Home>!$_\r\n"
        "X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@ben\r\n"
    )
    phone.put(dav_account, "ben.vcf", phone.phone_card("Ben Okafor", extra=extra))
    _connect(dav_account)
    contacts.sync_now()
    ben = _person("Ben Okafor").id
    people.update_person(ben, nickname="Benny")
    people.add_contact_point(person_id=ben, kind="email", value="ben@home.test", label="home")

    assert contacts.sync_now().uploaded == 1

    [card] = phone.cards(dav_account).values()
    text = phone.unfolded(card).upper()  # servers may re-serialise names in upper case
    for kept in (
        "ORG:Harbour Authority;Operations",
        "item2.ADR;TYPE=HOME:;;1 Quay Street;Lisbon;;1100-001;Portugal",
        "item2.X-ABLabel:_$!<Home>!$_",
        "TEL;TYPE=CELL:+1 415 555 0101",
        "X-SOCIALPROFILE",
        "X-ABRELATEDNAMES:Kim",
        "NOTE:Typed on the phone",
    ):
        assert kept.upper() in text, kept
    assert "NICKNAME:BENNY" in text and "BEN@HOME.TEST" in text
    assert text.count("BEN@EXAMPLE.ORG") == 1 and text.count("ADR") == 1
    assert text.startswith("BEGIN:VCARD") and "VERSION:3.0" in text


def test_only_the_chosen_circles_or_tags_travel(data_dir: Path, dav_account):
    people.create_person(full_name="Inner Iris", circle="inner")
    people.create_person(full_name="Network Nia", circle="network", tags=["work"])
    people.create_person(full_name="Far Fred", circle="acquaintance")
    _connect(dav_account)
    contacts.configure(scope="circles", values=["inner"])
    contacts.sync_now()
    assert "Inner Iris" in "".join(phone.cards(dav_account).values())
    assert len(phone.cards(dav_account)) == 1

    contacts.configure(scope="tags", values=["Work"])
    contacts.sync_now()

    texts = "".join(phone.cards(dav_account).values())
    assert "Network Nia" in texts and "Far Fred" not in texts
    assert "Inner Iris" in texts  # who leaves the chosen ones stays in the address book
