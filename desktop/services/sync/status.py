"""What the user sees of sync at a glance: configured or not, last result, pending changes,
unseen conflicts, keyring trouble. No Qt, no network."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from desktop.services.sync.secrets import secret_store
from desktop.storage import outbox
from desktop.storage.sync_tables import Conflict
from desktop.sync import state


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    target: str = ""
    device_name: str = ""
    vault_id: str = ""
    automatic: bool = True
    last_sync_at: str | None = None
    last_error: str | None = None
    last_result: dict[str, Any] | None = None
    pending: int = 0
    unseen_conflicts: int = 0
    keyring_problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def status(*, check_keyring: bool = True) -> SyncStatus:
    config = state.load_config()
    if config is None:
        return SyncStatus(configured=False, pending=outbox.pending_count())
    result = state.get(state.LAST_RESULT)
    problem = None
    if check_keyring:
        store = secret_store()
        problem = store.problem if store.session_only else None
    return SyncStatus(
        configured=True,
        target=config.target.describe(),
        device_name=config.device_name,
        vault_id=config.vault_id,
        automatic=state.get(state.AUTOMATIC) != "0",
        last_sync_at=state.get(state.LAST_SYNC),
        last_error=state.get(state.LAST_ERROR),
        last_result=json.loads(result) if result else None,
        pending=outbox.pending_count(),
        unseen_conflicts=Conflict.select().where(Conflict.seen == False).count(),
        keyring_problem=problem,
    )
