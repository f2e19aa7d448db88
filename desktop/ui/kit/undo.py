"""Undo commands: each user-visible change is a QUndoCommand whose redo/undo call services.

The services already return what undo needs — ``update_*`` returns the previous values,
deletes are tombstones with ``restore_*`` — so a handful of generic commands cover every
edit (orange-canvas-core's ``document/commands.py`` shape). Consecutive edits of one field
merge into one undo step. A service error never escapes into Qt: the command reports it
through :data:`errors` and removes itself from the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

_FIELD_EDIT_ID = 1001


class _ErrorReporter(QObject):
    """Carries command failures to whoever shows messages (the main window)."""

    failed = Signal(str)


errors = _ErrorReporter()


class ServiceCommand(QUndoCommand):
    """Base: runs ``_do``/``_undo`` and turns a service exception into a message."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.failed = False

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # every service error becomes a message, never a crash
            self.failed = True
            self.setObsolete(True)
            errors.failed.emit(f"{self.text()}: {exc}")

    def redo(self) -> None:
        self._guard(self._do)

    def undo(self) -> None:
        self._guard(self._undo)


class CreateCommand(ServiceCommand):
    """Create a row once; undo tombstones it, redo restores the same row (same id)."""

    def __init__(
        self,
        text: str,
        create: Callable[[], str],
        delete: Callable[[str], None],
        restore: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._create = create
        self._delete = delete
        self._restore = restore
        self.row_id: str | None = None

    def _do(self) -> None:
        if self.row_id is None or self._restore is None:
            self.row_id = self._create()
        else:
            self._restore(self.row_id)

    def _undo(self) -> None:
        if self.row_id is not None:
            self._delete(self.row_id)


class DeleteCommand(ServiceCommand):
    """Tombstone a row; undo restores it. Nothing is asked before deleting."""

    def __init__(
        self,
        text: str,
        row_id: str,
        delete: Callable[[str], None],
        restore: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.row_id = row_id
        self._delete = delete
        self._restore = restore

    def _do(self) -> None:
        self._delete(self.row_id)

    def _undo(self) -> None:
        self._restore(self.row_id)


class UpdateCommand(ServiceCommand):
    """``update(row_id, **values)`` returning the previous values; undo writes those back.

    With ``merge=True`` a following edit of the same fields of the same row joins this
    step (typing a name in three pauses is one undo, not three).
    """

    def __init__(
        self,
        text: str,
        update: Callable[..., Mapping[str, Any]],
        row_id: str,
        values: Mapping[str, Any],
        *,
        merge: bool = False,
    ) -> None:
        super().__init__(text)
        self._update = update
        self.row_id = row_id
        self.values = dict(values)
        self.before: dict[str, Any] | None = None
        self._merge = merge

    def _do(self) -> None:
        before = dict(self._update(self.row_id, **self.values))
        if self.before is None:
            self.before = before

    def _undo(self) -> None:
        if self.before is not None:
            self._update(self.row_id, **self.before)

    def id(self) -> int:
        return _FIELD_EDIT_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, UpdateCommand)
            and other._merge
            and other.row_id == self.row_id
            and other._update is self._update
            and set(other.values) == set(self.values)
            and not other.failed
        ):
            return False
        self.values = dict(other.values)
        if self.before == self.values:
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True


class ResolveCommand(ServiceCommand):
    """Mark a promise kept / broken / released; undo restores status and resolution time."""

    def __init__(self, text: str, resolve: Callable[[str], Mapping[str, Any]], row_id: str) -> None:
        super().__init__(text)
        self._resolve = resolve
        self.row_id = row_id
        self._before: dict[str, Any] | None = None

    def _do(self) -> None:
        self._before = dict(self._resolve(self.row_id))

    def _undo(self) -> None:
        from desktop.services.commitments import update_commitment

        if self._before is not None:
            update_commitment(self.row_id, **self._before)


class SnoozeCommand(ServiceCommand):
    def __init__(self, text: str, row_id: str, until: date) -> None:
        super().__init__(text)
        self.row_id = row_id
        self._until = until
        self._before: date | None = None

    def _do(self) -> None:
        from desktop.services.commitments import snooze

        self._before = snooze(self.row_id, until=self._until)

    def _undo(self) -> None:
        from desktop.services.commitments import update_commitment

        update_commitment(self.row_id, snoozed_until=self._before)


class SetTagsCommand(ServiceCommand):
    def __init__(self, text: str, person_id: str, names: tuple[str, ...]) -> None:
        super().__init__(text)
        self.person_id = person_id
        self._names = names
        self._before: tuple[str, ...] | None = None

    def _do(self) -> None:
        from desktop.services.people import set_tags

        before = set_tags(person_id=self.person_id, names=self._names)
        if self._before is None:
            self._before = before

    def _undo(self) -> None:
        from desktop.services.people import set_tags

        if self._before is not None:
            set_tags(person_id=self.person_id, names=self._before)


class CallCommand(ServiceCommand):
    """Two plain calls for the rare change with no tombstone/update pair (an attendee)."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        super().__init__(text)
        self._do_call = do
        self._undo_call = undo

    def _do(self) -> None:
        self._do_call()

    def _undo(self) -> None:
        self._undo_call()


class BatchCommand(ServiceCommand):
    """A batch already written (an import) as one undo step: the change log between two
    marks is reverted on undo and written again on redo (services.change_sets)."""

    def __init__(self, text: str, after: int, upto: int) -> None:
        super().__init__(text)
        self._after = after
        self._upto = upto
        self._written = True  # pushed after the fact: the first redo has nothing to do

    def _do(self) -> None:
        from desktop.services.change_sets import reapply_batch

        if self._written:
            self._written = False
            return
        reapply_batch(self._after, self._upto)

    def _undo(self) -> None:
        from desktop.services.change_sets import revert_batch

        revert_batch(self._after, self._upto)


def push(stack: QUndoStack, command: ServiceCommand) -> bool:
    """Push ``command`` (which runs it); True when it succeeded."""
    stack.push(command)
    return not command.failed
