"""The preview's cards: a person, a promise, an introduction — each correctable in place.

Imported on the first plan with something in it, not before the window is on screen.
Every edit goes into the panel's shared corrections and is announced with its
``corrected`` signal; updating a card never overwrites a field the user is typing in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from desktop.ui.capture.form import muted_label, paint_alert
from desktop.ui.kit import style

if TYPE_CHECKING:
    from desktop.domain.capture.plan import (
        CapturePlan,
        PlannedIntroduction,
        PlannedPerson,
        PlannedPromise,
    )
    from desktop.ui.capture.preview import PreviewPanel

NO_DATE = QDate(2000, 1, 1)  # QDateEdit's minimum, shown as "No date"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    paint_alert(label)
    label.hide()
    return label


def drop_button(tip: str, on_click: Callable[[], None]) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.clicked.connect(lambda _checked=False: on_click())
    return button


def _shrinkable(combo: QComboBox) -> None:
    """A combo sized by a few characters, not by its longest item: cards must fit."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(9)


def _set_text(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the user is typing in this field right now."""
    if not edit.hasFocus() and edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


class _Row(QFrame):
    """A card on the preview: one person, promise or introduction."""

    def __init__(self, panel: PreviewPanel, key: str) -> None:
        super().__init__()
        self.panel = panel
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)


class PersonRow(_Row):
    """A person met or mentioned: existing, new (organization and headline inline), or
    one of several candidates to choose from."""

    def __init__(self, panel: PreviewPanel, key: str) -> None:
        super().__init__(panel, key)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.state = muted_label(QLabel())
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Which person"))
        _shrinkable(self.choice)
        self.choice.activated.connect(self._chosen)
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(self.tr("Organization"))
        self.organization.setAccessibleName(self.tr("Organization"))
        self.organization.textEdited.connect(lambda text: self._fix("organization", text))
        self.headline = QLineEdit()
        self.headline.setPlaceholderText(self.tr("Headline, e.g. “CTO at Acme”"))
        self.headline.setAccessibleName(self.tr("Headline"))
        self.headline.textEdited.connect(lambda text: self._fix("headline", text))
        self.drop = drop_button(self.tr("Leave this person out"), self._drop)
        grid = QGridLayout(self)
        grid.setContentsMargins(
            style.SPACING, style.SPACING // 2, style.SPACING // 2, style.SPACING
        )
        grid.setHorizontalSpacing(style.SPACING)
        grid.setVerticalSpacing(style.SPACING // 2)
        top = QHBoxLayout()
        top.setSpacing(style.SPACING)
        top.addWidget(self.name)
        top.addWidget(self.state, 1)
        top.addWidget(self.drop)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.choice, 1, 0, 1, 2)
        grid.addWidget(self.organization, 2, 0)
        grid.addWidget(self.headline, 2, 1)

    def editors(self) -> list[QWidget]:
        return [self.drop, self.choice, self.organization, self.headline]

    def update_from(self, person: PlannedPerson) -> None:
        self.name.setText(person.name)
        self.drop.setToolTip(self.tr("Leave %1 out").replace("%1", person.name))
        self.drop.setAccessibleName(self.drop.toolTip())
        self.state.setText(self._state_text(person))
        self._fill_choices(person)
        editable = person.is_new or person.fills_organization
        self.organization.setVisible(editable)
        self.headline.setVisible(person.is_new)
        _set_text(self.organization, person.organization)
        _set_text(self.headline, person.headline)

    def _state_text(self, person: PlannedPerson) -> str:
        role = "" if person.participant else self.tr(" · mentioned")
        if person.state == "pending":
            return self.tr("looking up…")
        if person.is_new:
            return self.tr("new person") + role
        if person.fills_organization:
            return self.tr("in your network · adds the organization") + role
        detail = f" · {person.organization}" if person.organization else ""
        return self.tr("in your network") + detail + role

    def _fill_choices(self, person: PlannedPerson) -> None:
        show = len(person.candidates) > 1 or (person.is_new and bool(person.candidates))
        self.choice.setVisible(show)
        if not show:
            return
        wanted = [(c.id, f"{c.name} — {c.organization}" if c.organization else c.name)
                  for c in person.candidates]  # fmt: skip
        wanted.append(("new", self.tr("A new person called “%1”").replace("%1", person.key)))
        current = person.person_id or "new"
        items = [
            (self.choice.itemData(i), self.choice.itemText(i)) for i in range(self.choice.count())
        ]
        if items != wanted:
            self.choice.blockSignals(True)
            self.choice.clear()
            for data, text in wanted:
                self.choice.addItem(text, data)
            self.choice.blockSignals(False)
        index = self.choice.findData(current)
        if index >= 0 and index != self.choice.currentIndex():
            self.choice.setCurrentIndex(index)

    def _chosen(self, index: int) -> None:
        data = self.choice.itemData(index)
        fix = self.panel.corrections.people.setdefault(self.key, {})
        fix["choice"] = str(data)
        label = self.choice.itemText(index).split(" — ")[0]
        if data != "new":
            fix["name"] = label
        self.panel.corrected.emit()

    def _fix(self, name: str, text: str) -> None:
        self.panel.corrections.people.setdefault(self.key, {})[name] = text
        self.panel.corrected.emit()

    def _drop(self) -> None:
        self.panel.dropPerson.emit(self.key)


class PromiseRow(_Row):
    """One promise: who owes, what, to or from whom, and by when — all editable."""

    def __init__(self, panel: PreviewPanel, key: str) -> None:
        super().__init__(panel, key)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("I owe"), "me")
        self.owner.addItem(self.tr("They owe"), "them")
        self.owner.setAccessibleName(self.tr("Who owes this"))
        self.owner.activated.connect(self._owner)
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("What was promised"))
        self.description.textEdited.connect(lambda text: self._fix("description", text))
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Promised to or by"))
        _shrinkable(self.person)
        self.person.activated.connect(self._person)
        self.due = QDateEdit()
        self.due.setAccessibleName(self.tr("Due date"))
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText(self.tr("No date"))
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.due.dateChanged.connect(self._due)
        self.due_source = muted_label(QLabel())
        self.drop = drop_button(self.tr("Drop this promise"), self._drop)
        self.error = _error_label()
        grid = QGridLayout(self)
        grid.setContentsMargins(
            style.SPACING, style.SPACING // 2, style.SPACING // 2, style.SPACING
        )
        grid.setHorizontalSpacing(style.SPACING)
        grid.setVerticalSpacing(style.SPACING // 2)
        grid.addWidget(self.owner, 0, 0)
        grid.addWidget(self.description, 0, 1)
        grid.addWidget(self.drop, 0, 2)
        grid.addWidget(self.person, 1, 0)
        grid.addWidget(self.due, 1, 1, 1, 2)
        grid.addWidget(self.due_source, 2, 1, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)

    def editors(self) -> list[QWidget]:
        return [self.owner, self.description, self.drop, self.person, self.due]

    def update_from(self, promise: PlannedPromise, plan: CapturePlan, problem: str) -> None:
        self.owner.setCurrentIndex(0 if promise.owner == "me" else 1)
        _set_text(self.description, promise.description)
        self._fill_people(plan, promise.person_key)
        if not self.due.hasFocus():
            self.due.blockSignals(True)
            self.due.setDate(QDate(promise.due) if promise.due else NO_DATE)
            self.due.blockSignals(False)
        if promise.due_text:
            source = self.tr("from “%1”").replace("%1", promise.due_text)
        elif promise.edited and "due" in self.panel.corrections.promises.get(self.key, {}):
            source = self.tr("set by you")
        else:
            source = ""
        self.due_source.setText(source)
        self.due_source.setVisible(bool(source))
        self.setToolTip(self.tr("From your note: %1").replace("%1", promise.source))
        self.error.setText(problem)
        self.error.setVisible(bool(problem))

    def _fill_people(self, plan: CapturePlan, current: str | None) -> None:
        wanted = [("", self.tr("Choose…"))] + [(p.key, p.name) for p in plan.people]
        items = [
            (self.person.itemData(i), self.person.itemText(i)) for i in range(self.person.count())
        ]
        if items != wanted:
            self.person.blockSignals(True)
            self.person.clear()
            for data, text in wanted:
                self.person.addItem(text, data)
            self.person.blockSignals(False)
        index = max(0, self.person.findData(current or ""))
        if index != self.person.currentIndex():
            self.person.setCurrentIndex(index)

    def _fix(self, name: str, value: str) -> None:
        self.panel.corrections.promises.setdefault(self.key, {})[name] = value
        self.panel.corrected.emit()

    def _owner(self, index: int) -> None:
        self._fix("owner", str(self.owner.itemData(index)))
        self.panel.focus_after_move = (self.key, "owner")

    def _person(self, index: int) -> None:
        self._fix("person", str(self.person.itemData(index) or ""))

    def _due(self, day: QDate) -> None:
        self._fix("due", "" if day == NO_DATE else day.toPython().isoformat())

    def _drop(self) -> None:
        self.panel.corrections.dropped.add(f"promise:{self.key}")
        self.panel.corrected.emit()


class IntroductionRow(_Row):
    def __init__(self, panel: PreviewPanel, key: str) -> None:
        super().__init__(panel, key)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.drop = drop_button(self.tr("Drop this introduction"), self._drop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(
            style.SPACING, style.SPACING // 2, style.SPACING // 2, style.SPACING // 2
        )
        layout.addWidget(self.text, 1)
        layout.addWidget(self.drop)

    def editors(self) -> list[QWidget]:
        return [self.drop]

    def update_from(self, intro: PlannedIntroduction) -> None:
        introducer, person, to = intro.names
        me = self.tr("you")
        if intro.done:
            text = self.tr("%1 introduced %2 to %3")
        else:
            text = self.tr("%1 will introduce %2 to %3 — kept as a promise")
        self.text.setText(
            text.replace("%1", introducer or self.tr("You"))
            .replace("%2", person)
            .replace("%3", to or me)
        )

    def _drop(self) -> None:
        self.panel.corrections.dropped.add(f"intro:{self.key}")
        self.panel.corrected.emit()
