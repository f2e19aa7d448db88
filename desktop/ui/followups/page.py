"""Follow-ups: every open promise, both directions, with one-key resolution.

K kept, B broken, R released, S snooze a week (Today hides snoozed promises; this
list keeps them, marked, so nothing open is ever out of sight). Enter opens the person.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.records import CommitmentView
from desktop.ui.kit.action_specs import shortcut_text
from desktop.ui.kit.background import TaskManager
from desktop.ui.kit.icons import icon
from desktop.ui.kit.lazy_refresh import RefreshWhenShown
from desktop.ui.kit.style import MARGIN, make_muted, scaled_font
from desktop.ui.people.history_actions import HistoryActions
from desktop.ui.people.promise_list import PromiseList

RELEVANT = frozenset({"commitment", "person"})


def load_open() -> list[CommitmentView]:
    from desktop.services.commitments import open_commitments

    return open_commitments()


class FollowUpsView(RefreshWhenShown, QWidget):
    relevant_entities = RELEVANT
    openPersonRequested = Signal(str)
    loaded = Signal()

    def __init__(
        self, tasks: TaskManager, history: HistoryActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsView")
        self.setAccessibleName(self.tr("Follow-ups"))
        self._tasks = tasks
        self._all: list[CommitmentView] = []
        self.init_lazy_refresh()
        self._loaded_once = False
        self._pending = False

        title = QLabel(self.tr("Follow-ups"), self)
        title.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.direction = QComboBox(self)
        self.direction.setObjectName("followUpsDirection")
        self.direction.setAccessibleName(self.tr("Which promises"))
        self.direction.addItem(self.tr("Both ways"), None)
        self.direction.addItem(self.tr("What I owe"), "me")
        self.direction.addItem(self.tr("What others owe me"), "them")
        self.direction.currentIndexChanged.connect(self._show)
        self.count = QLabel(self)
        make_muted(self.count)
        self.list = PromiseList(history, "followUpsList", self)
        self.list.setAccessibleName(self.tr("Open promises"))
        self.list.openPersonRequested.connect(self.openPersonRequested)
        self.list.resolved.connect(self._resolved)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.count)
        header.addWidget(self.direction)
        self.empty = QLabel(self)
        self.empty.setObjectName("followUpsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        make_muted(self.empty)
        self.buttons: list[QPushButton] = []
        buttons = QHBoxLayout()
        for action_id, text, icon_name in (
            ("keep", self.tr("Kept"), "keep"),
            ("break", self.tr("Broken"), "break"),
            ("release", self.tr("Released"), "release"),
            ("snooze", self.tr("Snooze a week"), "snooze"),
        ):
            key = shortcut_text(action_id)
            button = QPushButton(icon(icon_name), f"{text} ({key})", self)
            button.setObjectName(f"followUps_{action_id}")
            button.setAccessibleName(text)
            button.setToolTip(self.list.actions_by_id[action_id].statusTip())
            button.clicked.connect(lambda _=False, a=action_id: self._act(a))
            button.setEnabled(False)  # nothing chosen yet: nothing to act on
            self.buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN * 2, MARGIN, MARGIN * 2, MARGIN)
        layout.setSpacing(MARGIN)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_state())

    def _act(self, how: str) -> None:
        self.list.setFocus()
        self.list.act(how)

    def refresh(self) -> None:
        self._dirty = False
        self._pending = True
        self._tasks.run("followups", load_open, self._apply)

    def is_loaded(self) -> bool:
        return self._loaded_once and not self._dirty and not self._pending

    def _apply(self, promises: list[CommitmentView]) -> None:
        self._pending = False
        self._all = promises
        self._loaded_once = True
        self._show()
        self.loaded.emit()

    def _show(self) -> None:
        owner = self.direction.currentData()
        shown = [c for c in self._all if owner is None or c.owner == owner]
        self.list.set_promises(shown, date.today())
        if self.list.lines.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.list.lines.index(0))
        self._count(len(shown))
        self._update_state()

    def _count(self, shown: int) -> None:
        self.count.setText(self.tr("%1 open").replace("%1", f"{shown:,}"))

    def _update_state(self) -> None:
        """An empty state instead of an empty list; buttons only with a promise chosen."""
        rows = self.list.lines.rowCount()
        owner = self.direction.currentData()
        if owner == "me":
            text = self.tr("You owe nobody anything right now.")
        elif owner == "them":
            text = self.tr("Nobody owes you anything right now.")
        else:
            text = self.tr("No open promises.")
        self.empty.setText(
            text
            + "\n\n"
            + self.tr(
                "Promises made in a conversation, a capture note or with New Promise "
                "(Ctrl+Shift+P) wait here until they are kept, broken or released."
            )
        )
        self.empty.setVisible(rows == 0 and self._loaded_once)
        self.list.setVisible(not self.empty.isVisible())
        chosen = self.list.current() is not None
        for button in self.buttons:
            button.setEnabled(chosen)

    def _resolved(self, commitment_id: str) -> None:
        self._all = [c for c in self._all if c.id != commitment_id]
        self._count(self.list.lines.rowCount())
        self._update_state()
