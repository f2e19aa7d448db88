"""Every item model in the UI passes pytest-qt's model tester (Qt's QAbstractItemModelTester),
filled with real rows and after its rows change."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import datetime, timedelta

from PySide6.QtCore import QAbstractItemModel

import desktop.ui
from desktop.domain.records import SearchHit
from desktop.services import events, people, timeline
from desktop.ui.events.attendees_model import AttendeesModel
from desktop.ui.kit.lines import Line, LinesModel
from desktop.ui.kit.rows_model import RowsModel
from desktop.ui.kit.widgets.contact_points import ContactPointsModel
from desktop.ui.kit.widgets.person_picker import NamesModel
from desktop.ui.people.model import PeopleModel
from desktop.ui.people.timeline import TimelineModel
from desktop.ui.search.results import HitsModel

#: The models checked here (PeopleModel in test_gui_people.py; RowsModel is their base).
CHECKED = {
    AttendeesModel,
    ContactPointsModel,
    HitsModel,
    LinesModel,
    NamesModel,
    PeopleModel,
    RowsModel,
    TimelineModel,
}


def test_every_item_model_of_the_ui_is_checked() -> None:
    found = set()
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == module.__name__:
                found.add(cls)
    assert found - CHECKED == set(), "add a qtmodeltester check for these models"


def test_lines_model(qtmodeltester) -> None:
    model = LinesModel()
    qtmodeltester.check(model)
    model.set_lines([Line(f"k{i}", f"Title {i}", "detail", "badge") for i in range(4)])
    qtmodeltester.check(model)
    model.set_lines([Line(f"k{i}", f"New {i}") for i in range(4)])  # same keys: data changed
    model.remove_key("k2")
    qtmodeltester.check(model)
    assert [line.key for line in model.lines()] == ["k0", "k1", "k3"]


def test_hits_model(qtmodeltester) -> None:
    model = HitsModel()
    model.set_hits(
        [
            SearchHit("person", "p1", "Ana Ruiz", "Ana Ruiz", ((0, 3),)),
            SearchHit("conversation", "c1", "Coffee", "we talked sailing", ((11, 18),), "p1"),
        ]
    )
    qtmodeltester.check(model)
    assert model.hits[1].person_id == "p1"


def test_names_model(qtmodeltester) -> None:
    model = NamesModel([("p1", "Ana Ruiz", "Acme"), ("p2", "Ben Okafor", "")])
    qtmodeltester.check(model)
    assert model.index(0).data() == "Ana Ruiz — Acme"


def test_timeline_model(qtmodeltester, data_dir, ana: str) -> None:
    model = TimelineModel()
    model.set_entries(timeline.timeline_of(ana))
    assert model.entry_count() >= 2
    qtmodeltester.check(model)


def test_attendees_model(qtmodeltester, data_dir, ana: str) -> None:
    ben = people.create_person(full_name="Ben Okafor")
    event_id = events.create_event(title="Summit", starts_at=datetime.now() + timedelta(days=2))
    events.add_attendee(event_id=event_id, person_id=ana, why="hiring", focus=True)
    events.add_attendee(event_id=event_id, person_id=ben, status="met")
    model = AttendeesModel()
    model.set_attendees(events.get_event(event_id).attendees)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    qtmodeltester.check(model)


def test_contact_points_model(qtmodeltester, data_dir, ana: str) -> None:
    people.add_contact_point(person_id=ana, kind="email", value="ana@example.org", label="work")
    people.add_contact_point(person_id=ana, kind="phone", value="+34 600 000 000")
    model = ContactPointsModel()
    model.set_points(people.get_person(ana).contact_points)
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    qtmodeltester.check(model)
