"""The Events view's briefing helpers: import an invite, suggest focus, debrief.

Kept apart from :mod:`desktop.ui.events.page` so the view stays small; each dialog only
shows what a service returned and hands the user's choice back to the view, which
does the writing (and pushes undo commands).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit.style import SPACING, make_muted, scaled_font
from desktop.ui.kit.undo import ServiceCommand

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class FocusCommand(ServiceCommand):
    """Set an event's focus list; undo restores the focus it replaced."""

    def __init__(
        self,
        text: str,
        event_id: str,
        person_ids: Iterable[str],
        set_focus: Callable[..., frozenset[str]],
    ) -> None:
        super().__init__(text)
        self.event_id = event_id
        self.person_ids = frozenset(person_ids)
        self._set_focus = set_focus
        self.previous: frozenset[str] | None = None

    def _do(self) -> None:
        before = self._set_focus(event_id=self.event_id, person_ids=self.person_ids)
        if self.previous is None:
            self.previous = before

    def _undo(self) -> None:
        if self.previous is not None:
            self._set_focus(event_id=self.event_id, person_ids=self.previous)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(parent.font(), 1.05, bold=True))
    return label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ImportPreviewDialog(QDialog):
    """What an invitation would add: matched attendees (and how), and whom to create."""

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import invite"))
        self.preview = preview
        event = preview.event
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        title = QLabel(event.title, self)
        title.setFont(scaled_font(self.font(), 1.3, bold=True))
        title.setWordWrap(True)
        layout.addWidget(title)
        when = f"{event.starts_at:%a %d %b %Y, %H:%M}"
        summary = QLabel(" · ".join(p for p in (when, event.place) if p), self)
        make_muted(summary)
        layout.addWidget(summary)
        if preview.existing_event_id:
            note = QLabel(
                self.tr("This event is already in Rapport: its guest list will be completed."),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)

        layout.addWidget(_heading(self.tr("Already known"), self))
        self.matched = QListWidget(self)
        self.matched.setObjectName("importMatched")
        self.matched.setAccessibleName(self.tr("Attendees already known"))
        for match in preview.matched:
            how = (
                self.tr("by email")
                if match.how == "email"
                else self.tr("by %1").replace("%1", match.how)
            )
            item = QListWidgetItem(f"{match.person_name} — {match.attendee.name} ({how})")
            item.setData(PERSON_ROLE, match.person_id)
            self.matched.addItem(item)
        if not preview.matched:
            self.matched.addItem(self.tr("Nobody on the invite is known yet."))
        layout.addWidget(self.matched)

        layout.addWidget(_heading(self.tr("New to Rapport"), self))
        self.create_boxes: dict[str, QCheckBox] = {}
        for attendee in preview.unmatched:
            label = attendee.name + (f" <{attendee.email}>" if attendee.email else "")
            box = QCheckBox(self.tr("Create %1 as a new person").replace("%1", label), self)
            box.setChecked(True)
            box.setAccessibleName(self.tr("Create %1 as new person").replace("%1", attendee.name))
            maybe = preview.maybe.get(attendee.key) if preview.maybe else None
            tip = self.tr("Add this attendee to Rapport as a new person.")
            if maybe:
                names = ", ".join(name for _pid, name in maybe)
                tip += " " + self.tr("Similar to: %1").replace("%1", names)
                box.setText(box.text() + " " + self.tr("(maybe %1?)").replace("%1", names))
            box.setToolTip(tip)
            self.create_boxes[attendee.key] = box
            layout.addWidget(box)
        if not preview.unmatched:
            layout.addWidget(QLabel(self.tr("Everyone on the invite is already known."), self))
        if preview.declined:
            declined = QLabel(
                self.tr("%1 declined and will not be added.").replace("%1", str(preview.declined)),
                self,
            )
            make_muted(declined)
            layout.addWidget(declined)
        layout.addStretch(1)
        self.buttons = _buttons(self, self.tr("&Import"))
        layout.addWidget(self.buttons)
        self.resize(520, 460)

    def create_keys(self) -> set[str]:
        """The unmatched attendees (by ``Attendee.key``) to create as new people."""
        return {key for key, box in self.create_boxes.items() if box.isChecked()}


class FocusDialog(QDialog):
    """The suggested few to focus on, each with reasons; Apply makes them the focus."""

    def __init__(self, advice: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusDialog")
        self.setWindowTitle(self.tr("Suggest focus"))
        self.advice = advice
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        intro = QLabel(self.tr("Whom to make time for — uncheck anyone you'd rather not."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.note = QLabel(advice.note, self)
        self.note.setObjectName("focusNote")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(advice.note))
        layout.addWidget(self.note)
        self.list = QListWidget(self)
        self.list.setObjectName("focusSuggestions")
        self.list.setAccessibleName(self.tr("Suggested focus"))
        self.list.setWordWrap(True)
        for s in advice.suggestions:
            reasons = "; ".join(s.reasons) if s.reasons else self.tr("no particular reason")
            text = f"{s.name}\n    {reasons}"
            if s.already_focus:
                text += " · " + self.tr("already in focus")
            item = QListWidgetItem(text)
            item.setData(PERSON_ROLE, s.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(reasons)
            self.list.addItem(item)
        if not advice.suggestions:
            layout.addWidget(QLabel(self.tr("Nobody on the guest list yet."), self))
        layout.addWidget(self.list, 1)
        self.buttons = _buttons(self, self.tr("&Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(advice.suggestions))
        layout.addWidget(self.buttons)
        self.resize(520, 380)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(PERSON_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class DebriefDialog(QDialog):
    """People met at an event; activating one opens a capture note about them."""

    personActivated = Signal(str)

    def __init__(self, title: str, entries: Iterable[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debriefDialog")
        self.setWindowTitle(self.tr("Debrief: %1").replace("%1", title))
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        intro = QLabel(
            self.tr("Write it down while it is fresh. Press Enter or double-click a person."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("debriefList")
        self.list.setAccessibleName(self.tr("People met"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries = list(entries)
        for e in self.entries:
            parts = [e.name]
            if e.organization:
                parts.append(e.organization)
            text = " · ".join(parts)
            text += "  ✓ " + self.tr("noted") if e.noted else "  — " + self.tr("no note yet")
            item = QListWidgetItem(text)
            item.setData(PERSON_ROLE, e.person_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(e.why or e.prefill)
            if e.noted:
                make_font = item.font()
                make_font.setItalic(True)
                item.setFont(make_font)
            self.list.addItem(item)
        if not self.entries:
            layout.addWidget(QLabel(self.tr("Nobody is marked as met at this event yet."), self))
        else:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, 360)

    def _activated(self, item: QListWidgetItem) -> None:
        person_id = item.data(PERSON_ROLE)
        if person_id:
            self.personActivated.emit(person_id)
