"""The capture form: who, where, when, notes, depth and tags, and nothing else.

The form holds and shows values; the window decides what they mean. It is built before
the first paint of ``rapport capture``, so it imports Qt and the small "who" field only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.capture.who import WhoField
from desktop.ui.kit import style

#: The conversation depths, as stored (``desktop.storage.models.DEPTHS``, not imported
#: here to keep Peewee off the start-up path; a test keeps the two equal).
DEPTHS = ("small_talk", "professional", "personal")
DEFAULT_DEPTH = "professional"


def paint_alert(label: QLabel, on: bool = True) -> None:
    """Error text in the alert colour (readable on light and dark), or back to normal."""
    if not on:
        label.setPalette(QPalette())  # nothing set: inherit the window's palette again
        return
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, style.ALERT)
    label.setPalette(palette)


def muted_label(label: QLabel) -> QLabel:
    """Secondary text: the text colour faded toward the background, in light and dark."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, style.muted(label.palette()))
    label.setPalette(palette)
    return label


class CaptureForm(QWidget):
    """The left half of the capture window; :attr:`changed` on every user edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where_touched = False  # the user chose or typed a place: keep it
        self.pending_event: str | None = None  # a drafted or prefilled event, not listed yet
        self.events_loaded = False
        self.preselect_today = True  # a note from the phone was not written at today's event
        self._today: list[Any] = []
        self._today_now = datetime.min
        self.who = WhoField()
        self.who.textEdited.connect(self._edited)
        self.who_error = QLabel()
        self.who_error.setObjectName("captureWhoError")
        self.who_error.setWordWrap(True)
        self.who_error.hide()
        self.where = QComboBox()
        self.where.setObjectName("captureWhere")
        self.where.setEditable(True)
        self.where.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.where.setAccessibleName(self.tr("Where: an event today or a place"))
        self.where.lineEdit().setPlaceholderText(self.tr("An event today, or a place"))
        self.where.addItem("", None)
        self.where.lineEdit().textEdited.connect(self._where_edited)
        self.where.activated.connect(self._where_edited)
        self.when = QLineEdit()
        self.when.setObjectName("captureWhen")
        self.when.setAccessibleName(self.tr("When"))
        self.when.setPlaceholderText(self.tr("now, or “yesterday evening”"))
        self.when.textEdited.connect(self._edited)
        self.when_resolved = QLabel()
        self.when_resolved.setObjectName("captureWhenResolved")
        self.when_resolved.setAccessibleName(self.tr("When, as understood"))
        sample = "Wed 30 Sep 2026, 18:00 "
        self.when_resolved.setMinimumWidth(self.fontMetrics().horizontalAdvance(sample))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("captureNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr(
            "Met Ana Ruiz (Acme) at PyCon — kids love sailing. I'll send her the deck "
            "by Friday. She'll intro me to Ben. #python"
        ))  # fmt: skip
        self.notes.textChanged.connect(self._edited)
        self.depth_group = QButtonGroup(self)
        depth_row = self._depth_buttons()
        self.tags = QLineEdit()
        self.tags.setObjectName("captureTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("e.g. python, hiring — or #tags in the notes"))
        self.tags.textEdited.connect(self._edited)
        self._restoring = False
        self._layout(depth_row)
        paint_alert(self.who_error)

    def _depth_buttons(self) -> QHBoxLayout:
        labels = {
            "small_talk": (self.tr("S&mall talk"), "captureDepthSmallTalk"),
            "professional": (self.tr("&Professional"), "captureDepthProfessional"),
            "personal": (self.tr("Perso&nal"), "captureDepthPersonal"),
        }
        row = QHBoxLayout()
        for index, depth in enumerate(DEPTHS):
            text, name = labels[depth]
            button = QRadioButton(text)
            button.setObjectName(name)
            button.setAccessibleName(self.tr("Depth: %1").replace("%1", text.replace("&", "")))
            self.depth_group.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)
        self.depth_group.button(DEPTHS.index(DEFAULT_DEPTH)).setChecked(True)
        self.depth_group.idToggled.connect(lambda _id, on: on and self._edited())
        return row

    def _layout(self, depth_row: QHBoxLayout) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setSpacing(style.SPACING)
        form.setContentsMargins(0, 0, style.SPACING, 0)
        who_box = QVBoxLayout()
        who_box.setSpacing(2)
        who_box.addWidget(self.who)
        who_box.addWidget(self.who_error)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.when_resolved)
        rows: Sequence[tuple[str, Any, QWidget]] = (
            (self.tr("&Who"), who_box, self.who),
            (self.tr("Wh&ere"), self.where, self.where),
            (self.tr("W&hen"), when_row, self.when),
            (self.tr("N&otes"), self.notes, self.notes),
            (self.tr("&Depth"), depth_row, self.depth_group.checkedButton()),
            (self.tr("&Tags"), self.tags, self.tags),
        )
        for text, field, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)

    def focus_chain(self) -> list[QWidget]:
        depth = self.depth_group.checkedButton() or self.depth_group.button(1)
        return [self.who, self.where, self.when, self.notes, depth, self.tags]

    # ------------------------------------------------------------------ values

    def depth(self) -> str:
        return DEPTHS[max(0, self.depth_group.checkedId())]

    def event_id(self) -> str | None:
        """The chosen event, if the "where" shows one (else the text is a place)."""
        index = self.where.currentIndex()
        if index > 0 and self.where.itemText(index) == self.where.currentText():
            return str(self.where.itemData(index))
        if self.pending_event and not self.events_loaded:
            return self.pending_event  # not listed yet: keep the drafted or prefilled one
        return None

    def event_chosen(self) -> bool:
        """Whether the user (or whoever opened capture for an event) chose the event; an
        event only preselected because it happens today yields to a place in the note."""
        return self.where_touched

    def place(self) -> str:
        return "" if self.event_id() else self.where.currentText()

    def fields(self) -> dict[str, Any]:
        """The form as a draft's fields."""
        return {
            "notes": self.notes.toPlainText(),
            "who": self.who.text(),
            "where": self.where.currentText(),
            "event_id": self.event_id(),
            "event_chosen": self.where_touched,
            "when": self.when.text(),
            "depth": self.depth(),
            "tags": self.tags.text(),
        }

    def is_empty(self) -> bool:
        texts = (self.notes.toPlainText(), self.who.text(), self.where.currentText(),
                 self.when.text(), self.tags.text())  # fmt: skip
        return not any(t.strip() for t in texts)

    def set_fields(self, draft: Mapping[str, Any]) -> None:
        """Fill the form from a draft without announcing edits (tolerant of old drafts)."""
        self._restoring = True
        try:
            self.notes.setPlainText(str(draft.get("notes") or ""))
            self.who.setText(str(draft.get("who") or ""))
            self.when.setText(str(draft.get("when") or ""))
            self.tags.setText(str(draft.get("tags") or ""))
            if draft.get("depth") in DEPTHS:
                self.depth_group.button(DEPTHS.index(draft["depth"])).setChecked(True)
            where = str(draft.get("where") or "")
            if where:
                self.where.setEditText(where)
                self.where_touched = True
            if draft.get("event_id"):
                self.pending_event = str(draft["event_id"])
                self.where_touched = bool(draft.get("event_chosen", True))
        finally:
            self._restoring = False
        cursor = self.notes.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.notes.setTextCursor(cursor)

    def clear(self) -> None:
        """Empty the form after a save (not an edit: nothing is announced)."""
        self._restoring = True
        try:
            for edit in (self.who, self.when, self.tags):
                edit.clear()
            self.notes.clear()
            self.where.setCurrentIndex(0)
            self.where.setEditText("")
            self.depth_group.button(DEPTHS.index(DEFAULT_DEPTH)).setChecked(True)
            self.where_touched = False
            self.pending_event = None
            if self._today and self.preselect_today:  # the next capture: today's event again
                self.where.setCurrentIndex(1 + _happening(self._today, self._today_now))
        finally:
            self._restoring = False
        self.who_error.hide()

    # ------------------------------------------------------------------ events

    def set_events(self, events: Sequence[Any], now: datetime, extra: Any = None) -> None:
        """List today's events; keep a typed place; otherwise pick the one on now.

        ``extra`` is the drafted or prefilled event when it is not today's (a debrief of
        yesterday's meetup), so it can still be shown and chosen.
        """
        current = self.where.currentText()
        self._today, self._today_now = list(events), now
        self._restoring = True
        try:
            while self.where.count() > 1:
                self.where.removeItem(1)
            for event in [*events, *([extra] if extra is not None else [])]:
                self.where.addItem(event.title, event.id)
            if self.pending_event and self.where.findData(self.pending_event) > 0:
                self.where.setCurrentIndex(self.where.findData(self.pending_event))
            elif self.where_touched:
                self.where.setEditText(current)
            elif events and self.preselect_today:
                self.where.setCurrentIndex(1 + _happening(events, now))
        finally:
            self._restoring = False
        self.events_loaded = True

    def choose_event(self, event_id: str) -> None:
        self.pending_event = event_id
        self.where_touched = True
        index = self.where.findData(event_id)
        if index > 0:
            self.where.setCurrentIndex(index)

    # ------------------------------------------------------------------ edits

    def _edited(self, *_args: object) -> None:
        if not self._restoring:
            self.changed.emit()

    def _where_edited(self, *_args: object) -> None:
        if not self._restoring:
            self.where_touched = True
            self.changed.emit()


def _happening(events: Sequence[Any], now: datetime) -> int:
    """Index of the event going on at ``now``, else the first of the day."""
    for index, event in enumerate(events):
        if event.starts_at and event.starts_at <= now <= (event.ends_at or event.starts_at):
            return index
    return 0
