"""A list of open promises with one-key actions: K kept, B broken, R released, S snooze.

Used by Today ("you owe", "waiting on") and Follow-ups. The keys are list-scoped
actions (they never fire while typing elsewhere); each resolution is one undoable
command, and the line leaves the list at once rather than after the next refresh.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.ui.kit import format as fmt
from desktop.ui.kit.action_specs import make_action
from desktop.ui.kit.lines import PAYLOAD_ROLE, Line, LineDelegate, LinesModel
from desktop.ui.kit.style import ALERT, TRUST_IN_ME
from desktop.ui.people.history_actions import HistoryActions

if TYPE_CHECKING:  # imported where a promise is first shown or opened
    from desktop.domain.records import CommitmentView


def _tr(text: str) -> str:
    return QCoreApplication.translate("PromiseList", text)


def promise_line(c: CommitmentView, today: date) -> Line:
    """One promise as a line: what, with whom and since when, how urgent."""
    translate = _tr
    if c.owner == "me":
        detail = translate("You promised %1").replace("%1", fmt.isolate(c.person_name))
    else:
        detail = translate("%1 promised you").replace("%1", fmt.isolate(c.person_name))
    # When it is due is what matters; when it was made only for promises without a date.
    if c.due is not None:
        detail += " · " + translate("due %1").replace("%1", fmt.short_date(c.due))
    elif c.made_at:
        detail += " · " + translate("since %1").replace("%1", fmt.short_date(c.made_at))
    if c.snoozed_until and c.snoozed_until > today:
        detail += " · " + translate("snoozed until %1").replace(
            "%1", fmt.short_date(c.snoozed_until)
        )
    badge = fmt.due_text(c.due, today) if c.due else ""
    colour = None
    if c.due is not None:
        days = (c.due - today).days
        colour = ALERT if days < 0 else (TRUST_IN_ME.darker(115) if days <= 1 else None)
    return Line(
        key=c.id,
        title=c.description,
        detail=detail,
        badge=badge,
        badge_colour=colour,
        marker="mine" if c.owner == "me" else "theirs",
        payload=c,
    )


class PromiseList(QListView):
    openPersonRequested = Signal(str)
    resolved = Signal(str)  # commitment id, after a successful keep/break/release/snooze

    def __init__(
        self, history: HistoryActions, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._history = history
        self.lines = LinesModel(self)
        self.setModel(self.lines)
        self.setItemDelegate(LineDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.actions_by_id: dict[str, QAction] = {}
        for action_id in ("keep", "break", "release", "snooze"):
            action = make_action(action_id, self)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, a=action_id: self.act(a))
            self.addAction(action)
            self.actions_by_id[action_id] = action
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.activated.connect(lambda index: self._open(index.data(PAYLOAD_ROLE)))

    def set_promises(
        self,
        promises: list[CommitmentView],
        today: date | None = None,
        *,
        group_overdue: bool = False,
    ) -> None:
        """Show ``promises``; ``group_overdue`` puts two or more late ones under one
        "Overdue" heading with a single alert badge, instead of a column of red badges."""
        day = today or date.today()
        current = self.current()
        lines = [promise_line(c, day) for c in promises]
        late = [i for i, c in enumerate(promises) if c.due is not None and c.due < day]
        if group_overdue and len(late) >= 2:
            oldest = max((day - promises[i].due).days for i in late)  # type: ignore[operator]
            heading = Line(
                key="group:overdue",
                title=_tr("Overdue: %1 promises").replace("%1", str(len(late))),
                detail=_tr("the oldest %1 days late").replace("%1", str(oldest)),
                badge=str(len(late)),
                badge_colour=ALERT,
            )
            quiet = [replace(lines[i], badge_colour=None) for i in late]
            rest = [line for i, line in enumerate(lines) if i not in set(late)]
            lines = [heading, *quiet, *rest]
        self.lines.set_lines(lines)
        if current is not None:
            row = self.lines.row_of(current.id)
            if row >= 0:
                self.setCurrentIndex(self.lines.index(row))

    def current(self) -> CommitmentView | None:
        from desktop.domain.records import CommitmentView

        index = self.currentIndex()
        payload = index.data(PAYLOAD_ROLE) if index.isValid() else None
        return payload if isinstance(payload, CommitmentView) else None

    def act(self, how: str) -> bool:
        """keep / break / release / snooze the current promise; the next one becomes current."""
        promise = self.current()
        if promise is None:
            return False
        row = self.currentIndex().row()
        ok = (
            self._history.snooze(promise.id)
            if how == "snooze"
            else self._history.resolve(promise.id, how)
        )
        if ok:
            self.lines.remove_key(promise.id)
            if self.lines.rowCount():
                self.setCurrentIndex(self.lines.index(min(row, self.lines.rowCount() - 1)))
            self.resolved.emit(promise.id)
        return ok

    def _open(self, payload: object) -> None:
        from desktop.domain.records import CommitmentView

        if isinstance(payload, CommitmentView):
            self.openPersonRequested.emit(payload.person_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
            self._open(self.current())
            return
        super().keyPressEvent(event)
