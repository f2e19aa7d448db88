"""The capture preview: what will be saved, with every guess correctable in place.

The plan is rebuilt on every (debounced) keystroke, so rows are kept by key and updated
in place: a row being edited keeps its widgets and its focus, and a value the user is
typing is never overwritten. Every edit is written into the shared
:class:`~desktop.domain.capture.plan.Corrections` and announced with :attr:`corrected`;
the window re-plans, and the preview shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.capture.form import muted_label
from desktop.ui.kit import style

if TYPE_CHECKING:  # the planner and the cards load after ``rapport capture`` is on screen
    from desktop.domain.capture.corrections import Corrections
    from desktop.domain.capture.plan import CapturePlan
    from desktop.ui.capture.rows import IntroductionRow, PersonRow, PromiseRow


class _Section(QWidget):
    """A titled list of rows kept by key."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.rows: dict[str, QWidget] = {}
        self.body = QVBoxLayout()
        self.body.setSpacing(style.SPACING // 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACING // 2)
        layout.addWidget(self.title)
        layout.addLayout(self.body)

    def sync(self, keys: list[str], make: Callable[[str], QWidget]) -> None:
        """Keep exactly ``keys``' rows, in that order, reusing the rows that exist."""
        for key in list(self.rows):
            if key not in keys:
                row = self.rows.pop(key)
                self.body.removeWidget(row)
                row.deleteLater()
        for index, key in enumerate(keys):
            row = self.rows.get(key)
            if row is None:
                row = self.rows[key] = make(key)
            if self.body.indexOf(row) != index:
                self.body.removeWidget(row)  # (a no-op for a new row)
                self.body.insertWidget(index, row)
        self.setVisible(bool(keys))

    def ordered(self) -> list[QWidget]:
        items = (self.body.itemAt(i) for i in range(self.body.count()))
        return [item.widget() for item in items if item is not None and item.widget()]


class PreviewPanel(QScrollArea):
    """What will be saved (objectName ``capturePreview``), correctable in place."""

    corrected = Signal()
    dropPerson = Signal(str)
    addRequested = Signal(str)  # "promise" | "person" | "intro": added by hand

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capturePreview")
        self.setAccessibleName(self.tr("Preview of what will be saved"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.corrections = corrections
        self.focus_after_move: tuple[str, str] | None = None
        content = QWidget()
        content.setObjectName("capturePreviewContent")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("capturePreviewSummary")
        self.empty = muted_label(QLabel(self.tr(
            "As you type, this shows who you met, what each of you promised and by when, "
            "introductions and #tags. Correct anything here before saving; nothing is "
            "saved until you press Ctrl+Enter."
        )))  # fmt: skip
        self.empty.setWordWrap(True)
        self.empty.setObjectName("capturePreviewEmpty")
        self.people = _Section(self.tr("People"))
        self.mine = _Section(self.tr("I promised"))
        self.theirs = _Section(self.tr("They promised"))
        self.intros = _Section(self.tr("Introductions"))
        self.tags = _Section(self.tr("Tags"))
        self.tag_row = QHBoxLayout()
        self.tag_row.setSpacing(style.SPACING // 2)
        self.tag_row.addStretch(1)
        self.tags.body.addLayout(self.tag_row)
        self.tag_buttons: dict[str, QWidget] = {}
        self.add_row = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, text, name, tip in (
            ("promise", self.tr("+ Prom&ise"), "capturePreviewAddPromise",
             self.tr("Add a promise the note does not say")),
            ("person", self.tr("+ Pe&rson"), "capturePreviewAddPerson",
             self.tr("Add someone who was there")),
            ("intro", self.tr("+ Introdu&ction"), "capturePreviewAddIntro",
             self.tr("Add an introduction")),
        ):  # fmt: skip
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=kind: self.addRequested.emit(k))
            self.add_row.addWidget(button)
            self.add_buttons[kind] = button
        self.add_row.addStretch(1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(style.SPACING, style.SPACING, style.MARGIN, style.SPACING)
        layout.setSpacing(style.MARGIN)
        for widget in (self.empty, self.summary, self.people, self.mine, self.theirs,
                       self.intros, self.tags):  # fmt: skip
            layout.addWidget(widget)
        layout.addLayout(self.add_row)
        layout.addStretch(1)
        self.setWidget(content)
        self.plan: CapturePlan | None = None

    # ---------------------------------------------------------------- rendering

    def show_plan(self, plan: CapturePlan, summary: str) -> None:
        from desktop.ui.capture.rows import IntroductionRow, PersonRow

        if self.plan is None:  # first plan: settings that need the (slow) Qt namespace
            from PySide6.QtCore import Qt

            # Cards fit the width (their editors shrink); only the height scrolls.
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self.plan = plan
        from desktop.ui.capture.wording import problem_text

        problems = {p.field: problem_text(p.code, p.message) for p in plan.problems}
        has_content = bool(plan.people or plan.promises or plan.introductions or plan.tags)
        self.empty.setVisible(not has_content)
        self.summary.setVisible(has_content)
        self.summary.setText(summary)
        self.people.sync([p.key for p in plan.people], lambda k: PersonRow(self, k))
        for person in plan.people:
            self.people.rows[person.key].update_from(person)  # type: ignore[attr-defined]
        self._promises(plan, problems)
        self.intros.sync([i.key for i in plan.introductions], lambda k: IntroductionRow(self, k))
        for intro in plan.introductions:
            self.intros.rows[intro.key].update_from(intro)  # type: ignore[attr-defined]
        self._tags(plan.tags)

    def _promises(self, plan: CapturePlan, problems: dict[str, str]) -> None:
        from desktop.ui.capture.rows import PromiseRow

        by_owner = {"me": self.mine, "them": self.theirs}
        for owner, section in by_owner.items():
            keys = [p.key for p in plan.promises if p.owner == owner]
            other = by_owner["them" if owner == "me" else "me"]

            def make(key: str, other: _Section = other) -> QWidget:
                row = other.rows.pop(key, None)  # moving to the other owner keeps the row
                if row is None:
                    return PromiseRow(self, key)
                other.body.removeWidget(row)
                return row

            section.sync(keys, make)
        for promise in plan.promises:
            row = by_owner[promise.owner].rows[promise.key]
            row.update_from(promise, plan, problems.get(f"promise:{promise.key}", ""))  # type: ignore[attr-defined]
        if self.focus_after_move:
            key, _ = self.focus_after_move
            self.focus_after_move = None
            for section in by_owner.values():
                if key in section.rows:
                    section.rows[key].owner.setFocus()  # type: ignore[attr-defined]

    def _tags(self, tags: tuple[str, ...]) -> None:
        for tag in list(self.tag_buttons):
            if tag not in tags:
                button = self.tag_buttons.pop(tag)
                self.tag_row.removeWidget(button)
                button.deleteLater()
        for index, tag in enumerate(tags):
            button = self.tag_buttons.get(tag)
            if button is None:
                from desktop.ui.capture.rows import drop_button

                tip = self.tr("Drop the tag %1").replace("%1", tag)
                button = drop_button(tip, lambda t=tag: self._drop_tag(t))
                button.setText(f"#{tag}  ✕")
                button.setAutoRaise(False)
                self.tag_buttons[tag] = button
            if self.tag_row.indexOf(button) != index:
                self.tag_row.removeWidget(button)
                self.tag_row.insertWidget(index, button)
        self.tags.setVisible(bool(tags))

    def _drop_tag(self, tag: str) -> None:
        self.corrections.dropped.add(f"tag:{tag}")
        self.corrected.emit()

    # ---------------------------------------------------------------- for tests and tools

    def promise_rows(self) -> list[PromiseRow]:
        """Rows in display order: mine, then theirs."""
        from desktop.ui.capture.rows import PromiseRow

        return [
            r for s in (self.mine, self.theirs) for r in s.ordered() if isinstance(r, PromiseRow)
        ]

    def person_rows(self) -> list[PersonRow]:
        from desktop.ui.capture.rows import PersonRow

        return [r for r in self.people.ordered() if isinstance(r, PersonRow)]

    def focus_chain(self) -> list[QWidget]:
        """The preview's editors in reading order, for the window's tab order."""
        if not self.plan:
            return []
        rows: list[QWidget] = [*self.person_rows(), *self.promise_rows()]
        rows += self.introduction_rows()
        chain = [w for row in rows for w in row.editors()]  # type: ignore[attr-defined]
        chain += [self.tag_buttons[t] for t in (self.plan.tags if self.plan else ())]
        return chain + list(self.add_buttons.values())

    def introduction_rows(self) -> list[IntroductionRow]:
        from desktop.ui.capture.rows import IntroductionRow

        return [r for r in self.intros.ordered() if isinstance(r, IntroductionRow)]
