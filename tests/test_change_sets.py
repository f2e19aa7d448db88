"""Undo/redo of a batch of writes from the change log (an import as one step, issue #13)."""

from __future__ import annotations

from pathlib import Path

from desktop.services import people
from desktop.services.change_sets import change_mark, reapply_batch, revert_batch


def test_a_batch_reverts_updates_and_hides_what_it_created(data_dir: Path) -> None:
    ana = people.create_person(full_name="Ana Ruiz", organization="Acme")
    before = change_mark()
    people.update_person(ana, organization="Globex", headline="CTO")
    point = people.add_contact_point(person_id=ana, kind="email", value="ana@globex.example")
    ben = people.create_person(full_name="Ben Ode")
    upto = change_mark()
    assert upto > before

    revert_batch(before, upto)
    card = people.get_person(ana)
    assert (card.organization, card.headline) == ("Acme", "")
    assert card.contact_points == ()
    assert not people.person_exists(ben)

    reapply_batch(before, upto)
    card = people.get_person(ana)
    assert (card.organization, card.headline) == ("Globex", "CTO")
    assert [c.id for c in card.contact_points] == [point]
    assert people.person_exists(ben)
