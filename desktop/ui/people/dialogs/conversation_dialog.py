"""Log or edit a conversation: when, how, how deep, where, notes and who else was there."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ConversationView
from desktop.ui.kit import labels
from desktop.ui.kit.form_dialog import FormDialog, fill_combo, from_qdatetime, to_qdatetime
from desktop.ui.kit.widgets.person_picker import PersonPicker

ID_ROLE = 0x0100


class ConversationDialog(FormDialog):
    """Values for ``log_conversation`` / ``update_conversation`` plus the participants."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        person_id: str,
        person_name: str,
        existing: ConversationView | None = None,
    ) -> None:
        title = self.tr("Edit Conversation") if existing else self.tr("Log Conversation")
        # Say whom it is with: the dialog may open from a shortcut, far from the card.
        title = self.tr("%1 with %2").replace("%1", title).replace("%2", person_name)
        super().__init__(title, "conversationDialog", parent)
        self._person_id = person_id
        self._existing = existing
        self.when = QDateTimeEdit(to_qdatetime(existing.happened_at if existing else None), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_row(self.tr("&When:"), self.when)
        self.kind = QComboBox(self)
        fill_combo(
            self.kind, labels.conversation_kinds(), existing.kind if existing else "in_person"
        )
        self.add_row(self.tr("&How:"), self.kind)
        self.depth = QComboBox(self)
        fill_combo(self.depth, labels.depths(), existing.depth if existing else "professional")
        self.depth.setToolTip(
            self.tr("Depth counts for trust: a few personal talks outweigh many hallway hellos.")
        )
        self.add_row(self.tr("&Depth:"), self.depth)
        self.place = QLineEdit(existing.place if existing else "", self)
        self.place.setPlaceholderText(self.tr("Café, office, city…"))
        self.add_row(self.tr("&Where:"), self.place)
        self.event = QComboBox(self)
        self._fill_events(existing.event_id if existing else None)
        self.add_row(self.tr("E&vent:"), self.event)
        self.title_edit = QLineEdit(existing.title if existing else "", self)
        self.title_edit.setPlaceholderText(self.tr("Optional; the notes' first words do too"))
        self.add_row(self.tr("&Title:"), self.title_edit)
        self.notes = QPlainTextEdit(existing.notes if existing else "", self)
        self.notes.setPlaceholderText(
            self.tr("What you talked about, what matters to them, what to follow up…")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(120)
        self.add_row(self.tr("&Notes:"), self.notes)
        self.confidential = QCheckBox(self.tr("Told in &confidence (left out of briefings)"), self)
        self.confidential.setChecked(bool(existing and existing.confidential))
        self.add_row("", self.confidential, self.tr("Told in confidence"))
        self.tags = QLineEdit(", ".join(existing.tags) if existing else "", self)
        self.tags.setPlaceholderText(self.tr("comma, separated"))
        if existing:
            # The services set a conversation's tags only when it is logged.
            self.tags.setReadOnly(True)
            self.tags.setToolTip(self.tr("Tags are set when a conversation is logged"))
        self.add_row(self.tr("T&ags:"), self.tags)
        self.add_row(self.tr("Also &there:"), self._participants_editor(person_name, existing))
        self.notes.setFocus()

    def _fill_events(self, current: str | None) -> None:
        from desktop.services.events import list_events

        self.event.addItem(self.tr("(none)"), None)
        for event in list_events():
            self.event.addItem(event.title, event.id)
        index = self.event.findData(current) if current else 0
        self.event.setCurrentIndex(max(0, index))

    def _participants_editor(self, person_name: str, existing: ConversationView | None) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.picker = PersonPicker(box, exclude={self._person_id})
        self.picker.setAccessibleName(self.tr("Add someone who was there"))
        add = QPushButton(self.tr("&Add"), box)
        add.setAccessibleName(self.tr("Add participant"))
        add.clicked.connect(self._add_participant)
        self.picker.returnPressed.connect(self._add_participant)
        row.addWidget(self.picker, 1)
        row.addWidget(add)
        self.others = QListWidget(box)
        self.others.setAccessibleName(self.tr("Others who were there"))
        self.others.setMaximumHeight(72)
        self.others.setToolTip(self.tr("Delete removes the selected person"))
        self.others.itemActivated.connect(lambda item: self.others.takeItem(self.others.row(item)))
        layout.addLayout(row)
        layout.addWidget(self.others)
        if existing:
            for pid, name in zip(
                existing.participant_ids, existing.participant_names, strict=False
            ):
                if pid != self._person_id:
                    self._append(pid, name)
        return box

    def _append(self, pid: str, name: str) -> None:
        item = QListWidgetItem(name, self.others)
        item.setData(ID_ROLE, pid)

    def _add_participant(self) -> None:
        pid = self.picker.person_id()
        if pid and pid not in self.participant_ids():
            self._append(pid, self.picker.text().split(" — ")[0])
            self.picker.clear()

    def keyPressEvent(self, event: Any) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Delete and self.others.hasFocus():
            self.others.takeItem(self.others.currentRow())
            return
        super().keyPressEvent(event)

    def participant_ids(self) -> list[str]:
        others = [self.others.item(i).data(ID_ROLE) for i in range(self.others.count())]
        return [self._person_id, *others]

    def values(self) -> dict[str, Any]:
        """Fields for the conversation services (participants and tags apart)."""
        return {
            "happened_at": from_qdatetime(self.when.dateTime()),
            "kind": self.kind.currentData(),
            "depth": self.depth.currentData(),
            "place": self.place.text().strip(),
            "event": self.event.currentData(),
            "title": self.title_edit.text().strip(),
            "notes": self.notes.toPlainText().strip(),
            "confidential": self.confidential.isChecked(),
        }

    def tag_names(self) -> list[str]:
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]
