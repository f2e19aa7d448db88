"""People: create, edit as you go, undo/redo, delete, sort and filter, the list model."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop.services import people
from desktop.ui.people.model import BATCH, ID_ROLE, PeopleModel
from tests.ui.conftest import answer_next_dialog


def _fill_new_person(name: str, organization: str = ""):
    def fill(dialog) -> None:
        dialog.findChild(QLineEdit).setText(name)  # the name field comes first
        dialog.organization.setText(organization)
        dialog.tags.setText("climbing, PyCon")

    return fill


def test_ctrl_n_creates_a_person_and_shows_their_card(window, qtbot) -> None:
    seen = answer_next_dialog(qtbot, _fill_new_person("Chiara Bassi", "Initech"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].objectName() == "newPersonDialog"
    pid = window.people.current_person_id()
    assert pid is not None
    card = people.get_person(pid)
    assert (card.full_name, card.organization, card.tags) == (
        "Chiara Bassi",
        "Initech",
        ("climbing", "pycon"),
    )
    listed = window.people.model
    row = listed.row_of(pid)
    assert listed.data(listed.index(row), Qt.ItemDataRole.DisplayRole) == "Chiara Bassi"
    assert window.people.person_view.editor.name_edit.text() == "Chiara Bassi"
    assert window.pages.currentWidget() is window.people  # the welcome page is gone
    window.undo_stack.undo()
    assert not people.person_exists(pid)
    qtbot.waitUntil(lambda: window.people.model.row_of(pid) == -1)


def test_a_nameless_person_is_refused_with_a_message(window, qtbot) -> None:
    problems = []

    def fill(dialog) -> None:
        dialog.name.setText("   ")
        dialog.buttons.accepted.emit()
        problems.append(dialog.problem.text())

    answer_next_dialog(qtbot, fill, accept=False)
    window.edit_actions.new_person()
    assert "name" in problems[0]
    assert people.all_names() == []


def test_field_edits_save_as_you_go_and_undo_in_one_step(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    headline = view.findChild(QLineEdit, "field_headline")
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClicks(headline, "Head of Design")
    qtbot.keyClick(headline, Qt.Key.Key_Return)  # editingFinished
    assert people.get_person(ana).headline == "Head of Design"
    qtbot.keyClicks(headline, " at Acme")
    qtbot.keyClick(headline, Qt.Key.Key_Return)
    assert people.get_person(ana).headline == "Head of Design at Acme"
    assert window.undo_stack.count() == 1  # consecutive edits of one field merge
    window.undo_stack.undo()
    assert people.get_person(ana).headline == "Product lead"
    qtbot.waitUntil(lambda: headline.text() == "Product lead")
    window.undo_stack.redo()
    assert people.get_person(ana).headline == "Head of Design at Acme"


def test_typing_pauses_save_and_card_list_follows(window, qtbot, ana) -> None:
    window.open_person(ana)
    about = window.people.person_view.findChild(QPlainTextEdit, "field_about")
    about.setFocus()
    qtbot.keyClicks(about, "Designs boats")
    qtbot.waitUntil(lambda: people.get_person(ana).about == "Designs boats", timeout=3000)
    name = window.people.person_view.editor.name_edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Ana Ruiz Garcia")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    model = window.people.model
    qtbot.waitUntil(lambda: model.data(model.index(model.row_of(ana))) == "Ana Ruiz Garcia")


def test_every_editable_field_has_an_editor(window, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    editors = set(view.editor.bindings) | {"photo", "confidential_fields"}
    assert set(people.EDITABLE_FIELDS) <= editors


def test_circle_credibility_and_cadence(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    view.editor.circle_combo.setCurrentIndex(view.editor.circle_combo.findData("inner"))
    view.editor.credibility.setCurrentIndex(view.editor.credibility.findData(4))
    view.editor.cadence.setCurrentIndex(view.editor.cadence.findData(21))
    card = people.get_person(ana)
    assert (card.circle, card.credibility, card.cadence_days) == ("inner", 4, 21)
    for _ in range(3):
        window.undo_stack.undo()
    card = people.get_person(ana)
    assert (card.circle, card.credibility, card.cadence_days) == ("close", None, None)


def test_confidential_marks_and_tags(window, qtbot, ana) -> None:
    window.open_person(ana)
    view = window.people.person_view
    view.editor._private["family"].setChecked(True)
    assert "family" in people.get_person(ana).confidential_fields
    view.editor.tags_edit.setText("sailing, design")
    view.editor.tags_edit.editingFinished.emit()
    assert people.get_person(ana).tags == ("design", "sailing")
    window.undo_stack.undo()
    assert people.get_person(ana).tags == ("python", "sailing")


def test_contact_points_add_edit_delete_undo(window, qtbot, ana) -> None:
    window.open_person(ana)
    contacts = window.people.person_view.editor.contacts
    contacts.kind.setCurrentIndex(contacts.kind.findData("email"))
    contacts.label.setText("work")
    contacts.value.setText("ana@acme.example")
    contacts.value.returnPressed.emit()
    [point] = people.get_person(ana).contact_points
    assert (point.kind, point.label, point.value) == ("email", "work", "ana@acme.example")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    contacts.model.setData(contacts.model.index(0, 2), "ana@ruiz.example")
    assert people.get_person(ana).contact_points[0].value == "ana@ruiz.example"
    contacts.table.setCurrentIndex(contacts.model.index(0, 0))
    contacts.remove.click()
    assert people.get_person(ana).contact_points == ()
    window.undo_stack.undo()
    assert people.get_person(ana).contact_points[0].value == "ana@ruiz.example"


def test_photo_is_stored_as_a_small_png(window, qtbot, ana) -> None:
    window.open_person(ana)
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    window.people.person_view.editor.photo.use_image(image)
    stored = QImage.fromData(people.get_person(ana).photo)
    assert (stored.width(), stored.height()) == (256, 256)
    window.undo_stack.undo()
    assert people.get_person(ana).photo is None


def test_delete_key_deletes_without_asking_and_undo_restores(window, qtbot, ana, ben) -> None:
    window.open_person(ana)
    window.people.list.setFocus()
    qtbot.keyClick(window.people.list, Qt.Key.Key_Delete)
    assert not people.person_exists(ana)
    qtbot.waitUntil(lambda: window.people.model.row_of(ana) == -1)
    assert window.people.current_person_id() == ben  # the next card is shown
    window.undo_stack.undo()
    assert people.person_exists(ana)
    qtbot.waitUntil(lambda: window.people.model.row_of(ana) >= 0)


def test_sort_and_filter_by_circle_and_tag(window, qtbot, ana, ben) -> None:
    page = window.people
    page.refresh_filters()
    circle_texts = [page.circle_combo.itemText(i) for i in range(page.circle_combo.count())]
    assert any("of about 15" in t for t in circle_texts)  # sizes against natural limits
    page.circle_combo.setCurrentIndex(page.circle_combo.findData("network"))
    assert [page.model.person_at(r).id for r in range(page.model.rowCount())] == [ben]
    page.circle_combo.setCurrentIndex(0)
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("sailing"))
    assert [page.model.person_at(r).id for r in range(page.model.rowCount())] == [ana]
    page.tag_combo.setCurrentIndex(0)
    page.set_sort("trust")
    assert page.model.sort_key() == "trust"
    scores = [
        s.trust_in_them + s.their_trust_in_me for s in (page.model.person_at(r) for r in range(2))
    ]
    assert scores == sorted(scores, reverse=True)


def test_a_crowded_circle_gets_a_gentle_note(window, qtbot) -> None:
    for i in range(6):
        people.create_person(full_name=f"Friend {i}", circle="inner")
    window.show_view("people")
    window.people.refresh_filters()
    assert window.people.circle_note.isVisibleTo(window)
    assert "Inner circle holds 6 people" in window.people.circle_note.text()


def test_people_model_passes_qt_model_tester(qtmodeltester, data_dir) -> None:
    from desktop.services import directory

    for i in range(5):
        people.create_person(full_name=f"Person {i}", tags=["t"] if i % 2 else [])
    model = PeopleModel()
    model.set_rows(directory.summaries(), complete=True)
    qtmodeltester.check(model)
    model.set_filter(circle=None, tag="t")
    qtmodeltester.check(model)


def test_people_model_fetches_lazily(data_dir) -> None:
    from desktop.domain.records import PersonSummary

    rows = [
        PersonSummary(str(i), f"Name {i:04}", "", "", "network", (), None, 0, 0, 0, False)
        for i in range(BATCH * 2 + 10)
    ]
    model = PeopleModel()
    model.set_rows(rows, complete=False)
    assert model.rowCount() == BATCH and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == BATCH * 2
    assert model.row_of(str(BATCH * 2 + 5)) == BATCH * 2 + 5  # fetches up to a wanted row
    assert model.data(model.index(3), ID_ROLE) == "3"
    assert model.data(model.index(3)) == "Name 0003"


def test_photo_can_be_dropped_on_the_card(window, qtbot, ana) -> None:
    import PySide6
    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    window.open_person(ana)
    photo = window.people.person_view.editor.photo
    image = QImage(300, 500, QImage.Format.Format_ARGB32)
    image.fill(QColor("orange"))
    mime = QMimeData()
    mime.setImageData(image)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt 6.12 takes a QPointF and deprecates the QPoint constructor, the only one older Qt
    # has (and PySide6 stays below 6.12 on Python <= 3.11).
    where = QPoint(10, 10).toPointF() if PySide6.__version_info__ >= (6, 12) else QPoint(10, 10)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(photo, enter)
    assert enter.isAccepted()  # images are welcome
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(photo, drop)
    stored = QImage.fromData(people.get_person(ana).photo)
    assert (stored.width(), stored.height()) == (256, 256)
    assert stored.pixelColor(128, 128).name() == QColor("orange").name()


def test_introduced_by_is_recorded_and_lifts_trust(window, qtbot, ana, ben) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop.services import ui_queries

    people.update_person(ben, credibility=5)
    window.open_person(ana)
    view = window.people.person_view
    before = view.editor.trust.meter.trustInThem

    def fill(dialog) -> None:
        dialog.picker.setText("Ben Okafor")
        dialog.note_edit.setText("met at his studio")

    answer_next_dialog(qtbot, fill)
    add = next(
        b for b in view.findChildren(QPushButton) if b.accessibleName() == "Add who introduced you"
    )
    add.click()
    [intro] = people.get_person(ana).introduced_by
    assert intro.introducer_id == ben
    qtbot.waitUntil(lambda: "Ben Okafor" in view.editor.introducers.text())
    reading = ui_queries.reading_of(ana)
    assert view.editor.trust.meter.trustInThem == reading.in_them >= before
    window.undo_stack.undo()
    assert people.get_person(ana).introduced_by == ()


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo(window, qtbot, ana) -> None:
    window.open_person(ana)
    window.people.list.setFocus()
    qtbot.keyClick(window.people.list, Qt.Key.Key_Delete)
    assert not people.person_exists(ana)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people.person_exists(ana)
    assert window.actions_by_id["redo"].isEnabled()
    assert "Delete Ana Ruiz" in window.actions_by_id["redo"].text()
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not people.person_exists(ana)
