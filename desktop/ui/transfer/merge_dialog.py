"""Tools ▸ Possible duplicates…: pairs that may be one person, dismissed or merged.

Merging shows both cards side by side with a choice per differing field and what moves;
the merge is an undoable command whose undo is :func:`duplicates.unmerge`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import duplicates
from desktop.services.duplicates import DuplicatePair, MergeProposal, MergeRecord
from desktop.ui.kit.background import Job, error_text, run_job
from desktop.ui.kit.undo import ServiceCommand
from desktop.ui.transfer import common
from desktop.ui.transfer.common import tr


def _shown(value: Any) -> str:
    return tr("(empty)") if value in (None, "") else str(value)


class MergeCommand(ServiceCommand):
    """Merge on (first) redo; undo un-merges; redo merges again with the same choices."""

    def __init__(self, keep_id: str, other_id: str, choices: dict[str, str], text: str) -> None:
        super().__init__(text)
        self.keep_id, self.other_id, self.choices = keep_id, other_id, choices
        self.record: MergeRecord | None = None

    def _do(self) -> None:
        self.record = duplicates.merge_people(self.keep_id, self.other_id, choices=self.choices)

    def _undo(self) -> None:
        if self.record is not None:
            duplicates.unmerge(self.record)
            self.record = None


class MergeDialog(QDialog):
    """Both cards side by side: one radio pair per differing field, and what moves."""

    def __init__(self, proposal: MergeProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(tr("Merge {0} and {1}").format(proposal.keep_name, proposal.other_name))
        self.setAccessibleName(tr("Merge two people"))
        self.setModal(True)
        self.proposal = proposal
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("<b>Field</b>"), self), 0, 0)
        grid.addWidget(QLabel(tr("<b>Keep: {0}</b>").format(proposal.keep_name), self), 0, 1)
        grid.addWidget(QLabel(tr("<b>Merge in: {0}</b>").format(proposal.other_name), self), 0, 2)
        for row, choice in enumerate(proposal.fields, start=1):
            name = choice.name.replace("_", " ")
            grid.addWidget(QLabel(name, self), row, 0)
            group = QButtonGroup(self)
            for column, (side, value) in enumerate(
                (("keep", choice.keep_value), ("other", choice.other_value)), start=1
            ):
                radio = QRadioButton(_shown(value), self)
                radio.setObjectName(f"{choice.name}:{side}")
                radio.setAccessibleName(tr("{0}: {1}").format(name, _shown(value)))
                radio.setChecked(side == choice.suggested)
                group.addButton(radio)
                radio.setProperty("side", side)
                grid.addWidget(radio, row, column)
            self.groups[choice.name] = group
        if not proposal.fields:
            grid.addWidget(QLabel(tr("Their details do not differ."), self), 1, 0, 1, 3)
        moving = ", ".join(f"{count} {entity}" for entity, count in proposal.moves.items() if count)
        self.moves = QLabel(
            tr("Moving to {0}: {1}.").format(proposal.keep_name, moving or tr("nothing else")), self
        )
        self.moves.setWordWrap(True)
        note = QLabel(
            tr("{0} is then removed; Undo brings everything back.").format(proposal.other_name),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        merge = buttons.addButton(tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setAccessibleName(tr("Merge"))
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.moves)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, str]:
        out = {}
        for name, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                out[name] = str(button.property("side"))
        return out


class DuplicatesDialog(QDialog):
    """The list of possible duplicate pairs, computed in the background."""

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(tr("Possible duplicates"))
        self.setAccessibleName(tr("Possible duplicates"))
        self.setMinimumSize(560, 380)
        self.undo_stack = undo_stack
        self.job: Job | None = None
        self.pairs: list[DuplicatePair] = []
        self.status = QLabel(tr("Looking for people who may be the same…"), self)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Possible duplicate pairs"))
        self.list.currentRowChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda _item: self.merge_selected())
        self.dismiss_button = QPushButton(tr("&Not the same person"), self)
        self.dismiss_button.setAccessibleName(tr("Not the same person"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.merge_button = QPushButton(tr("&Merge…"), self)
        self.merge_button.setAccessibleName(tr("Merge"))
        self.merge_button.clicked.connect(self.merge_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self._selection_changed()
        self.refresh()

    def refresh(self) -> None:
        self.merge_button.setEnabled(False)
        self.dismiss_button.setEnabled(False)
        self.job = run_job(self, lambda _p: duplicates.find_duplicates(), self._found, self._failed)

    def is_loading(self) -> bool:
        return self.job is not None and self.job.running

    def _found(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = pairs
        self.list.clear()
        for pair in pairs:
            item = QListWidgetItem(
                tr("{0} and {1} — {2}").format(
                    pair.first_name, pair.second_name, "; ".join(pair.reasons)
                )
            )
            self.list.addItem(item)
        if pairs:
            self.status.setText(tr("{0} possible duplicate pairs.").format(len(pairs)))
            self.list.setCurrentRow(0)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.status.setText(tr("No possible duplicates found."))
        self._selection_changed()

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.status.setText(tr("Could not look for duplicates: {0}").format(message))

    def _selection_changed(self, *_args: object) -> None:
        has = self.current_pair() is not None
        self.merge_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def current_pair(self) -> DuplicatePair | None:
        row = self.list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _drop_current(self) -> None:
        row = self.list.currentRow()
        self.list.takeItem(row)
        del self.pairs[row]
        self._selection_changed()

    def dismiss_selected(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        try:
            duplicates.dismiss(pair.first_id, pair.second_id)
        except Exception as exc:
            common.show_message(self, tr("Possible duplicates"), error_text(exc), error=True)
            return
        self._drop_current()

    def merge_selected(self) -> MergeCommand | None:
        pair = self.current_pair()
        if pair is None:
            return None
        try:
            proposal = duplicates.propose_merge(pair.first_id, pair.second_id)
        except Exception as exc:
            common.show_message(self, tr("Merge"), error_text(exc), error=True)
            return None
        dialog = MergeDialog(proposal, self)
        try:
            if common.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            choices = dialog.choices()
        finally:
            dialog.deleteLater()
        command = MergeCommand(
            pair.first_id,
            pair.second_id,
            choices,
            tr("Merge {0} into {1}").format(pair.second_name, pair.first_name),
        )
        if self.undo_stack is not None:
            self.undo_stack.push(command)  # push() runs the first redo: the merge
        else:
            command.redo()
        if command.failed or command.record is None:
            common.show_message(self, tr("Merge"), tr("The merge did not happen."), error=True)
            return None
        self.refresh()
        return command


def show_duplicates(parent: QWidget, undo_stack: QUndoStack | None = None) -> None:
    """Show possible duplicate pairs; merges go onto ``undo_stack`` (undoable)."""
    dialog = DuplicatesDialog(parent, undo_stack)
    try:
        common.exec_dialog(dialog)
        if dialog.job is not None:
            dialog.job.wait(5.0)
    finally:
        dialog.deleteLater()
