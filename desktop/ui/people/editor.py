"""The editable card of one person: every field of the data model, saved as you go.

Each editor is bound to its field (:mod:`desktop.ui.kit.widgets.field_binding`); a change
becomes an undoable command — consecutive edits of one field merge into one undo step —
and a reload never overwrites typing that is not saved yet. The photo, tags, contact
points, "told in confidence" marks and introductions have their own commands. The two
trust gauges sit beside the name; their reasons and the next action below it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import circles
from desktop.domain.records import PersonCard
from desktop.ui.kit import labels
from desktop.ui.kit.form_dialog import fill_combo
from desktop.ui.kit.style import MARGIN, SPACING, scaled_font
from desktop.ui.kit.undo import CreateCommand, DeleteCommand, SetTagsCommand, UpdateCommand, push
from desktop.ui.kit.widgets.contact_points import ContactPointsEditor
from desktop.ui.kit.widgets.elided_line_edit import ElidedLineEdit
from desktop.ui.kit.widgets.field_binding import FieldBinding
from desktop.ui.kit.widgets.photo import PhotoWidget
from desktop.ui.kit.widgets.section import Section
from desktop.ui.people.trust_panel import TrustPanel

#: Keep-in-touch choices, in days (a stored value outside these gets its own item).
CADENCES = (7, 14, 21, 30, 45, 60, 90, 180, 365)
#: Free-text fields that can be marked "told in confidence".
PRIVATE_CAPABLE = (
    "how_we_met",
    "about",
    "interests",
    "family",
    "working_on",
    "help_them",
    "help_me",
)


def fit_combo(combo: QComboBox) -> None:
    """Make ``combo`` at least as wide as its longest item, so no value is ever cut."""
    policy = combo.sizeAdjustPolicy()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    width = combo.sizeHint().width()
    combo.setSizeAdjustPolicy(policy)
    combo.setMinimumWidth(width)


class PersonEditor(QWidget):
    openPersonRequested = Signal(str)
    reloadRequested = Signal()  # a save was refused: show the stored values again

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personCard")
        self._stack = stack
        self._person_id: str | None = None
        self._card: PersonCard | None = None
        self.bindings: dict[str, FieldBinding] = {}
        self._private: dict[str, QCheckBox] = {}
        self._build()

    def person_id(self) -> str | None:
        return self._person_id

    def _line(self, field: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder or accessible)
        self._bind(field, edit)
        return edit

    def _text(self, field: str, accessible: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        self._bind(field, edit)
        return edit

    def _bind(self, field: str, widget: QWidget) -> None:
        binding = FieldBinding(field, widget)
        binding.commitRequested.connect(self._commit_field)
        self.bindings[field] = binding

    def _build(self) -> None:
        card = self
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        self._header = QHBoxLayout()
        header = self._header
        header.setSpacing(MARGIN)
        self.photo = PhotoWidget(card, size=72)
        self.photo.photoChosen.connect(self._photo_chosen)
        header.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        identity = QVBoxLayout()
        identity.setSpacing(4)
        self.name_edit = ElidedLineEdit(self)
        self.name_edit.setObjectName("field_full_name")
        self.name_edit.setAccessibleName(self.tr("Full name"))
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self._bind("full_name", self.name_edit)
        self.name_edit.setFont(scaled_font(self.font(), 1.45, bold=True))
        self.name_edit.setFrame(False)
        self.name_edit.setMinimumWidth(120)
        identity.addWidget(self.name_edit)
        work = QHBoxLayout()
        work.addWidget(
            self._line("headline", self.tr("Headline"), self.tr("Headline — what they do")), 3
        )
        work.addWidget(self._line("organization", self.tr("Organization")), 2)
        identity.addLayout(work)
        identity.addLayout(self._closeness_row())
        self.tags_edit = QLineEdit(card)
        self.tags_edit.setObjectName("field_tags")
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, comma separated"))
        self._tag_model = QStringListModel(self)
        completer = QCompleter(self._tag_model, self.tags_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self._bind("tags", self.tags_edit)
        self._tags_row = QHBoxLayout()
        self._tags_row.addWidget(self.tags_edit, 1)
        identity.addLayout(self._tags_row)
        header.addLayout(identity, 1)
        self.trust = TrustPanel(card)
        # Wide: the gauges sit beside the name. Compact (a laptop): they move down,
        # beside the reasons, so the name and fields keep their width (set_compact).
        header.addWidget(self.trust.meter, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.trust_section = Section(
            "personTrust", self.tr("Why these scores"), self.trust, open_by_default=True,
            parent=self,
        )  # fmt: skip
        self._trust_row = QHBoxLayout()
        self._trust_row.setSpacing(MARGIN)
        self._trust_row.addWidget(self.trust_section, 1)
        layout.addLayout(self._trust_row)
        details = QWidget(self)
        details.setObjectName("personDetails")
        details.setLayout(self._details())
        self.details_section = Section(
            "personDetails", self.tr("Details"), details, open_by_default=False, parent=self
        )
        layout.addWidget(self.details_section)
        contacts = QWidget(self)
        column = QVBoxLayout(contacts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.contacts)
        self.contacts_section = Section(
            "personContacts",
            self.tr("Contact points"),
            contacts,
            open_by_default=False,
            parent=self,
        )
        layout.addWidget(self.contacts_section)
        layout.addStretch(1)
        self._compact = False
        # Start compact: its minimum width is the smaller one, so a window first shown
        # on a small screen is never held wider than the screen; wide comes on resize.
        self.set_compact(True)

    def is_compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Lay the card out for a narrow pane (a laptop) or a wide one; idempotent.

        Compact: the gauges leave the name's row for the row of their reasons, the
        reasons stack, and the details form becomes one column — so nothing is clipped
        and no horizontal scrollbar appears at 1024 px.
        """
        if compact == self._compact:
            return
        self._compact = compact
        meter = self.trust.meter
        if compact:
            self._header.removeWidget(meter)
            self._trust_row.insertWidget(0, meter, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self._trust_row.removeWidget(meter)
            self._header.addWidget(meter, 0, Qt.AlignmentFlag.AlignTop)
        self.trust.set_compact(compact)
        # Compact: credibility joins the tags' row, so three combos never share one.
        (self._closeness if compact else self._tags_row).removeWidget(self.credibility)
        if compact:
            self._tags_row.addWidget(self.credibility)
        else:
            self._closeness.addWidget(self.credibility, 3)
        columns = 1 if compact else 2
        for i, block in enumerate(self._detail_blocks):
            self._details_grid.removeWidget(block)
            self._details_grid.addWidget(
                block, i // columns, i % columns, Qt.AlignmentFlag.AlignTop
            )
        self._details_grid.setColumnStretch(1, 0 if compact else 1)

    def _closeness_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.circle_combo = QComboBox(self)
        self.circle_combo.setObjectName("field_circle")
        self.circle_combo.setAccessibleName(self.tr("Circle"))
        self.circle_combo.setToolTip(
            self.tr("How close you are; each circle suggests how often to keep in touch")
        )
        fill_combo(self.circle_combo, labels.circle_choices())
        self._bind("circle", self.circle_combo)
        self.cadence = QComboBox(self)
        self.cadence.setObjectName("field_cadence_days")
        self.cadence.setAccessibleName(self.tr("Keep in touch every"))
        self.cadence.setToolTip(self.tr("How often to keep in touch; by default the circle's pace"))
        self.cadence.addItem("", None)  # the circle's pace, worded by _update_cadence_hint
        for days in CADENCES:
            self.cadence.addItem(self._cadence_text(days), days)
        self._bind("cadence_days", self.cadence)
        self.circle_combo.currentIndexChanged.connect(self._update_cadence_hint)
        self.credibility = QComboBox(self)
        self.credibility.setObjectName("field_credibility")
        self.credibility.setAccessibleName(self.tr("Credibility"))
        self.credibility.setToolTip(
            self.tr("Your own judgement of how credible they are, 1 (doubtful) to 5 (fully)")
        )
        fill_combo(
            self.credibility,
            [
                (None, self.tr("Not rated")),  # type: ignore[list-item]
                (1, self.tr("Credibility 1/5")),  # type: ignore[list-item]
                (2, self.tr("Credibility 2/5")),  # type: ignore[list-item]
                (3, self.tr("Credibility 3/5")),  # type: ignore[list-item]
                (4, self.tr("Credibility 4/5")),  # type: ignore[list-item]
                (5, self.tr("Credibility 5/5")),  # type: ignore[list-item]
            ],
        )
        self._bind("credibility", self.credibility)
        # Each combo is as wide as its longest choice, so its value always shows whole.
        for combo in (self.circle_combo, self.cadence, self.credibility):
            fit_combo(combo)
        row.addWidget(self.circle_combo, 2)
        row.addWidget(self.cadence, 2)
        row.addWidget(self.credibility, 3)
        self._closeness = row
        return row

    def _cadence_text(self, days: int) -> str:
        return self.tr("Every %1 days").replace("%1", str(days))

    def _update_cadence_hint(self) -> None:
        circle = circles.circle(self.circle_combo.currentData() or circles.DEFAULT_CIRCLE)
        self.cadence.setItemText(
            0, self.tr("Circle pace (%1 d)").replace("%1", str(circle.cadence_days))
        )
        fit_combo(self.cadence)

    def _offer_cadence(self, days: int | None) -> None:
        """A stored cadence that is not one of the usual choices still gets its item."""
        if days and self.cadence.findData(days) < 0:
            self.cadence.addItem(self._cadence_text(days), days)
            fit_combo(self.cadence)

    def _private_box(self, field: str) -> QCheckBox:
        box = QCheckBox(self.tr("in confidence"), self)
        box.setObjectName(f"private_{field}")
        box.setAccessibleName(self.tr("Told in confidence"))
        box.setToolTip(self.tr("Left out of printed briefings and exports for others"))
        box.setFont(scaled_font(self.font(), 0.85))
        box.toggled.connect(self._private_toggled)
        self._private[field] = box
        return box

    def _block(self, caption: str, field: str | None, editor: QWidget) -> QWidget:
        """A caption above its editor; free-text fields get an "in confidence" box."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        top = QHBoxLayout()
        label = QLabel(caption, box)
        label.setBuddy(editor)
        label.setFont(scaled_font(self.font(), 0.9, bold=True))
        top.addWidget(label)
        top.addStretch(1)
        if field in PRIVATE_CAPABLE:
            top.addWidget(self._private_box(field))
        column.addLayout(top)
        column.addWidget(editor)
        return box

    def _details(self) -> QGridLayout:
        blocks = [
            self._block(self.tr("Nickname"), None, self._line("nickname", self.tr("Nickname"))),
            self._block(
                self.tr("Pronounced"),
                None,
                self._line(
                    "pronunciation", self.tr("Pronunciation"), self.tr("how to say the name")
                ),
            ),
            self._block(self.tr("Pronouns"), None, self._line("pronouns", self.tr("Pronouns"))),
            self._block(
                self.tr("Location"),
                None,
                self._line("location", self.tr("Location"), self.tr("City, country")),
            ),
            self._block(
                self.tr("How we met"),
                "how_we_met",
                self._text(
                    "how_we_met", self.tr("How we met"), self.tr("Where and how you first met")
                ),
            ),
            self._block(self.tr("Introduced by"), None, self._introduced_by()),
            self._block(self.tr("Dates"), None, self._dates_block()),
        ]
        for field, label, placeholder in (
            ("about", self.tr("About"), self.tr("Who they are, what they care about")),
            ("interests", self.tr("Interests"), self.tr("Sailing, jazz, type design…")),
            ("family", self.tr("Family"), self.tr("Partner, kids, pets — what they share")),
            ("working_on", self.tr("Working on"), self.tr("What they are busy with now")),
            ("help_them", self.tr("How I can help"), self.tr("How you could help them")),
            ("help_me", self.tr("How they can help"), self.tr("How they could help you")),
        ):
            blocks.append(self._block(label, field, self._text(field, label, placeholder)))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(MARGIN * 2)
        grid.setVerticalSpacing(SPACING)
        for i, block in enumerate(blocks):
            grid.addWidget(block, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        self._detail_blocks = blocks
        self._details_grid = grid
        self.contacts = ContactPointsEditor(self)
        self.contacts.addRequested.connect(self._add_contact)
        self.contacts.editRequested.connect(self._edit_contact)
        self.contacts.deleteRequested.connect(self._delete_contact)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _dates_block(self) -> QWidget:
        from desktop.ui.people.dates_block import DatesBlock

        self.dates = DatesBlock(self._stack, self)
        return self.dates

    def _introduced_by(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.introducers = QLabel(box)
        self.introducers.setObjectName("introducedBy")
        self.introducers.setTextFormat(Qt.TextFormat.RichText)
        self.introducers.linkActivated.connect(self.openPersonRequested)
        self.introducers.setAccessibleName(self.tr("Introduced by"))
        add = QPushButton(self.tr("Add…"), box)
        add.setAccessibleName(self.tr("Add who introduced you"))
        add.clicked.connect(self._add_introducer)
        row.addWidget(self.introducers, 1)
        row.addWidget(add)
        return box

    def load(self, card: PersonCard, *, force: bool = False) -> None:
        """Show ``card``; ``force`` also replaces unsaved typing (another person shown)."""
        self._person_id = card.id
        self._card = card
        self._offer_cadence(card.cadence_days)
        for field, binding in self.bindings.items():
            value = ", ".join(card.tags) if field == "tags" else getattr(card, field)
            binding.load(value, force=force)
        self._update_cadence_hint()
        self.photo.set_person(card.full_name, card.photo)
        for field, box in self._private.items():
            box.blockSignals(True)
            box.setChecked(field in card.confidential_fields)
            box.blockSignals(False)
        self.contacts.set_points(card.contact_points)
        self.dates.set_person(card.id)
        links = [
            f"<a href='{i.introducer_id}'>{html.escape(i.introducer_name)}</a>"
            if i.introducer_id
            else html.escape(i.introducer_name)
            for i in card.introduced_by
        ]
        self.introducers.setText(", ".join(links) if links else self.tr("<i>nobody recorded</i>"))

    def set_known_tags(self, tags: list[str]) -> None:
        self._tag_model.setStringList(tags)

    def commit_pending(self) -> None:
        for binding in self.bindings.values():
            binding.commit()

    def _commit_field(self, field: str, value: object) -> None:
        pid = self._person_id
        if pid is None:
            return
        if field == "tags":
            names = tuple(t.strip() for t in str(value).split(",") if t.strip())
            ok = push(self._stack, SetTagsCommand(self.tr("Edit tags"), pid, names))
        else:
            from desktop.services.people import update_person

            label = field.replace("_", " ")
            ok = push(
                self._stack,
                UpdateCommand(
                    self.tr("Edit %1").replace("%1", label),
                    update_person,
                    pid,
                    {field: value},
                    merge=True,
                ),
            )
        if not ok:
            self.reloadRequested.emit()

    def _photo_chosen(self, data: bytes | None) -> None:
        from desktop.services.people import update_person

        if self._person_id:
            text = self.tr("Change photo") if data else self.tr("Remove photo")
            push(self._stack, UpdateCommand(text, update_person, self._person_id, {"photo": data}))

    def _private_toggled(self) -> None:
        from desktop.services.people import update_person

        if not self._person_id or self._card is None:
            return
        others = {f for f in self._card.confidential_fields if f not in self._private}
        chosen = others | {f for f, box in self._private.items() if box.isChecked()}
        push(
            self._stack,
            UpdateCommand(
                self.tr("Mark told in confidence"),
                update_person,
                self._person_id,
                {"confidential_fields": tuple(sorted(chosen))},
            ),
        )

    def _add_contact(self, kind: str, label: str, value: str) -> None:
        from desktop.services import people

        pid = self._person_id
        if pid:
            push(
                self._stack,
                CreateCommand(
                    self.tr("Add contact point"),
                    lambda: people.add_contact_point(
                        person_id=pid, kind=kind, value=value, label=label
                    ),
                    people.delete_contact_point,
                    people.restore_contact_point,
                ),
            )

    def _edit_contact(self, contact_id: str, field: str, value: str) -> None:
        from desktop.services import people

        push(
            self._stack,
            UpdateCommand(
                self.tr("Edit contact point"),
                people.update_contact_point,
                contact_id,
                {field: value},
            ),
        )

    def _delete_contact(self, contact_id: str) -> None:
        from desktop.services import people

        push(
            self._stack,
            DeleteCommand(
                self.tr("Remove contact point"),
                contact_id,
                people.delete_contact_point,
                people.restore_contact_point,
            ),
        )

    def _add_introducer(self) -> None:
        from desktop.services import introductions
        from desktop.ui.people.dialogs.introducer_dialog import IntroducerDialog
        from desktop.ui.people.history_actions import run_dialog

        pid = self._person_id
        if not pid or self._card is None:
            return
        dialog = IntroducerDialog(self, person_id=pid, first_name=self._card.first_name)
        if not run_dialog(dialog):
            return
        introducer, note = dialog.introducer_id(), dialog.note()
        push(
            self._stack,
            CreateCommand(
                self.tr("Record introduction"),
                lambda: introductions.record_introduction(
                    introducer_id=introducer, person_id=pid, note=note
                ),
                introductions.delete_introduction,
            ),
        )
