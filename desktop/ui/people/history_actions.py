"""What the user can do to a relationship's history, as dialogs + undoable commands.

Log a conversation, make a promise, record an exchange, edit or delete any of them, and
resolve or snooze a promise. The person view, the timeline, Today, Follow-ups and the
main window's actions all come here, so each change is built (and undone) one way.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.kit.undo import (
    CallCommand,
    CreateCommand,
    DeleteCommand,
    ResolveCommand,
    SnoozeCommand,
    UpdateCommand,
    push,
)

if TYPE_CHECKING:
    from desktop.domain.timeline import TimelineEntry

RESOLUTIONS = ("keep", "break", "release", "reopen")
SNOOZE_DAYS = 7


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; one seam so tests and scripts can drive dialogs."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def _first_name(person_id: str) -> tuple[str, str]:
    from desktop.services.people import get_person

    card = get_person(person_id)
    return card.full_name, card.first_name


class HistoryActions(QObject):
    """Turns intents into commands on ``stack``; dialogs are parented to ``window``."""

    openEventRequested = Signal(str)

    def __init__(self, window: QWidget, stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack

    # --- Conversations ----------------------------------------------------------------

    def log_conversation(self, person_id: str) -> str | None:
        """Ask for a conversation with ``person_id``; returns its id once logged."""
        from desktop.services import conversations
        from desktop.ui.people.dialogs.conversation_dialog import ConversationDialog

        full, _first = _first_name(person_id)
        dialog = ConversationDialog(self._window, person_id=person_id, person_name=full)
        if not run_dialog(dialog):
            return None
        values, participants, tags = dialog.values(), dialog.participant_ids(), dialog.tag_names()
        command = CreateCommand(
            self.tr("Log conversation with %1").replace("%1", full),
            lambda: conversations.log_conversation(participants=participants, tags=tags, **values),
            conversations.delete_conversation,
            conversations.restore_conversation,
        )
        return command.row_id if push(self._stack, command) else None

    def edit_conversation(self, conversation_id: str, person_id: str) -> bool:
        from desktop.services import conversations
        from desktop.ui.people.dialogs.conversation_dialog import ConversationDialog

        existing = conversations.get_conversation(conversation_id)
        full, _first = _first_name(person_id)
        dialog = ConversationDialog(
            self._window, person_id=person_id, person_name=full, existing=existing
        )
        if not run_dialog(dialog):
            return False
        values = {
            k: v
            for k, v in dialog.values().items()
            if v != (existing.event_id if k == "event" else getattr(existing, k, None))
        }
        participants = dialog.participant_ids()
        before = list(existing.participant_ids)
        same_people = set(participants) == set(before)
        if not values and same_people:
            return True
        self._stack.beginMacro(self.tr("Edit conversation"))
        if values:
            push(
                self._stack,
                UpdateCommand(
                    self.tr("Edit conversation"),
                    conversations.update_conversation,
                    conversation_id,
                    values,
                ),
            )
        if not same_people:
            push(
                self._stack,
                CallCommand(
                    self.tr("Change who was there"),
                    lambda: conversations.set_participants(
                        conversation_id=conversation_id, person_ids=participants
                    ),
                    lambda: conversations.set_participants(
                        conversation_id=conversation_id, person_ids=before
                    ),
                ),
            )
        self._stack.endMacro()
        return True

    # --- Promises ---------------------------------------------------------------------

    def new_promise(self, person_id: str) -> str | None:
        from desktop.services import commitments
        from desktop.ui.people.dialogs.promise_dialog import PromiseDialog

        full, first = _first_name(person_id)
        dialog = PromiseDialog(self._window, first_name=first)
        if not run_dialog(dialog):
            return None
        values = dialog.values()
        text = (
            self.tr("Promise to %1") if values["owner"] == "me" else self.tr("Promise from %1")
        ).replace("%1", full)
        command = CreateCommand(
            text,
            lambda: commitments.make_commitment(person_id=person_id, **values),
            commitments.delete_commitment,
            commitments.restore_commitment,
        )
        return command.row_id if push(self._stack, command) else None

    def edit_promise(self, commitment_id: str) -> bool:
        from desktop.services import commitments
        from desktop.ui.people.dialogs.promise_dialog import PromiseDialog

        existing = commitments.get_commitment(commitment_id)
        _full, first = _first_name(existing.person_id)
        dialog = PromiseDialog(self._window, first_name=first, existing=existing)
        if not run_dialog(dialog):
            return False
        values = {k: v for k, v in dialog.values().items() if v != getattr(existing, k)}
        if values:
            push(
                self._stack,
                UpdateCommand(
                    self.tr("Edit promise"), commitments.update_commitment, commitment_id, values
                ),
            )
        return True

    def resolve(self, commitment_id: str, how: str) -> bool:
        """``how``: keep, break, release or reopen — one undo step."""
        from desktop.services import commitments

        calls = {
            "keep": (commitments.keep, self.tr("Mark promise kept")),
            "break": (commitments.break_, self.tr("Mark promise broken")),
            "release": (commitments.release, self.tr("Release promise")),
            "reopen": (commitments.reopen, self.tr("Reopen promise")),
        }
        resolve, text = calls[how]
        return push(self._stack, ResolveCommand(text, resolve, commitment_id))

    def snooze(self, commitment_id: str, days: int = SNOOZE_DAYS) -> bool:
        until = date.today() + timedelta(days=days)
        return push(self._stack, SnoozeCommand(self.tr("Snooze promise"), commitment_id, until))

    # --- Exchanges --------------------------------------------------------------------

    def record_exchange(self, person_id: str) -> str | None:
        from desktop.services import exchanges
        from desktop.ui.people.dialogs.exchange_dialog import ExchangeDialog

        full, first = _first_name(person_id)
        dialog = ExchangeDialog(self._window, first_name=first)
        if not run_dialog(dialog):
            return None
        values = dialog.values()
        command = CreateCommand(
            self.tr("Exchange with %1").replace("%1", full),
            lambda: exchanges.record_exchange(person_id=person_id, **values),
            exchanges.delete_exchange,
            exchanges.restore_exchange,
        )
        return command.row_id if push(self._stack, command) else None

    def edit_exchange(self, exchange_id: str, person_id: str) -> bool:
        from desktop.services import exchanges

        existing = next(
            (e for e in exchanges.exchanges_with(person_id) if e.id == exchange_id), None
        )
        if existing is None:
            return False
        from desktop.ui.people.dialogs.exchange_dialog import ExchangeDialog

        _full, first = _first_name(person_id)
        dialog = ExchangeDialog(self._window, first_name=first, existing=existing)
        if not run_dialog(dialog):
            return False
        values = {k: v for k, v in dialog.values().items() if v != getattr(existing, k)}
        if values:
            push(
                self._stack,
                UpdateCommand(
                    self.tr("Edit exchange"), exchanges.update_exchange, exchange_id, values
                ),
            )
        return True

    # --- Timeline entries -------------------------------------------------------------

    def edit_entry(self, entry: TimelineEntry, person_id: str) -> bool:
        if entry.ref_kind == "conversation":
            return self.edit_conversation(entry.ref_id, person_id)
        if entry.ref_kind == "commitment":
            return self.edit_promise(entry.ref_id)
        if entry.ref_kind == "exchange":
            return self.edit_exchange(entry.ref_id, person_id)
        if entry.ref_kind == "event":
            self.openEventRequested.emit(entry.ref_id)
            return True
        return False

    def delete_entry(self, entry: TimelineEntry) -> bool:
        """Delete without asking; the undo stack brings it back."""
        from desktop.services import commitments, conversations, exchanges

        table: dict[str, tuple[Any, Any, str]] = {
            "conversation": (
                conversations.delete_conversation,
                conversations.restore_conversation,
                self.tr("Delete conversation"),
            ),
            "commitment": (
                commitments.delete_commitment,
                commitments.restore_commitment,
                self.tr("Delete promise"),
            ),
            "exchange": (
                exchanges.delete_exchange,
                exchanges.restore_exchange,
                self.tr("Delete exchange"),
            ),
        }
        if entry.ref_kind == "introduction":
            return self._delete_introduction(entry.ref_id)
        if entry.ref_kind not in table:
            return False
        delete, restore, text = table[entry.ref_kind]
        return push(self._stack, DeleteCommand(text, entry.ref_id, delete, restore))

    def _delete_introduction(self, introduction_id: str) -> bool:
        # There is no restore_introduction service: undo records the same introduction
        # again (a new row), which reads the same everywhere.
        from desktop.services import introductions
        from desktop.services.ui_queries import introduction_fields

        fields = introduction_fields(introduction_id)
        if fields is None:
            return False
        state = {"id": introduction_id}

        def again() -> None:
            state["id"] = introductions.record_introduction(**fields)  # type: ignore[arg-type]

        return push(
            self._stack,
            CallCommand(
                self.tr("Delete introduction"),
                lambda: introductions.delete_introduction(state["id"]),
                again,
            ),
        )
