"""Smaller things a polished app gets right (issue #13): preferences and their effects."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.services import people
from tests.ui.conftest import answer_next_dialog


def test_preferences_theme_cadence_and_paper(window, qtbot) -> None:
    from desktop.ui.briefing.preview_dialog import default_page_size
    from desktop.ui.settings import keys
    from desktop.ui.settings.preferences_dialog import PreferencesDialog
    from desktop.ui.settings.theme import apply_theme

    style = QApplication.instance().style().name()
    dialog = PreferencesDialog(window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.cadence.setCurrentIndex(dialog.cadence.findData(30))
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    try:
        dialog.accept()
        assert keys.read_text(keys.THEME, "") == "dark"
        app = QApplication.instance()
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        assert default_page_size() == "Letter"

        def fill(new) -> None:
            new.findChild(QLineEdit).setText("Noor Haddad")

        answer_next_dialog(qtbot, fill)
        pid = window.edit_actions.new_person()
        assert people.get_person(pid).cadence_days == 30
    finally:
        apply_theme("system")
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() >= 128
    assert QApplication.instance().style().name() == style


def test_log_conversation_says_who_it_is_with(window, qtbot, ana) -> None:
    titles: list[str] = []
    answer_next_dialog(qtbot, lambda d: titles.append(d.windowTitle()), accept=False)
    window.history.log_conversation(ana)
    assert titles == ["Log Conversation with Ana Ruiz"]


def test_follow_ups_empty_state_and_buttons(window, qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop.services import commitments

    window.show_view("followups")
    view = window.followups
    qtbot.waitUntil(view.is_loaded, timeout=5000)
    buttons = [b for b in view.findChildren(QPushButton) if b.objectName().startswith("followUps_")]
    assert len(buttons) == 4
    assert view.empty.isVisible() and not view.list.isVisible()
    assert "No open promises" in view.empty.text()
    assert not any(b.isEnabled() for b in buttons)  # nothing to act on
    pid = people.create_person(full_name="Lina Haddad")
    commitments.make_commitment(owner="me", person_id=pid, description="send the deck")
    qtbot.waitUntil(lambda: view.list.isVisible(), timeout=5000)
    assert not view.empty.isVisible()
    assert all(b.isEnabled() for b in buttons)  # the first promise is chosen
    view.direction.setCurrentIndex(view.direction.findData("them"))
    assert view.empty.isVisible() and "Nobody owes you" in view.empty.text()
    assert not any(b.isEnabled() for b in buttons)


def test_today_shows_due_dates_and_groups_the_overdue(window, qtbot) -> None:
    from datetime import date, timedelta

    from desktop.services import commitments

    pid = people.create_person(full_name="Lina Haddad")
    for days in (3, 9, 40):
        commitments.make_commitment(
            owner="me",
            person_id=pid,
            description=f"late {days}",
            due=date.today() - timedelta(days=days),
        )
    commitments.make_commitment(
        owner="me", person_id=pid, description="soon", due=date.today() + timedelta(days=2)
    )
    window.show_view("today")
    qtbot.waitUntil(window.today.is_loaded, timeout=5000)
    lines = window.today.owe.lines.lines()
    assert lines[0].key == "group:overdue" and lines[0].title == "Overdue: 3 promises"
    assert "40 days late" in lines[0].detail
    late = [line for line in lines if line.title.startswith("late")]
    assert len(late) == 3 and all(line.badge_colour is None for line in late)
    soon = next(line for line in lines if line.title == "soon")
    assert "due " in soon.detail  # when it is due, not when it was made


def test_adding_someone_by_an_existing_email_offers_them(window, qtbot, monkeypatch) -> None:
    lina = people.create_person(full_name="Lina Haddad")
    people.add_contact_point(person_id=lina, kind="email", value="Lina@Kite.example")
    asked: list[tuple[str, int]] = []
    monkeypatch.setattr(
        window.edit_actions, "ask_existing", lambda name, n: asked.append((name, n)) or "open"
    )

    def fill(new) -> None:
        new.findChild(QLineEdit).setText("L. Haddad")
        new.email.setText(" lina@kite.example ")

    answer_next_dialog(qtbot, fill)
    assert window.edit_actions.new_person() == lina
    assert asked == [("Lina Haddad", 1)]
    monkeypatch.setattr(window.edit_actions, "ask_existing", lambda name, n: None)

    def fill_new(new) -> None:
        new.findChild(QLineEdit).setText("Omar Haddad")
        new.email.setText("omar@kite.example")

    answer_next_dialog(qtbot, fill_new)
    omar = window.edit_actions.new_person()
    assert [c.value for c in people.get_person(omar).contact_points] == ["omar@kite.example"]
