"""Running one sync cycle (preflight, push, pull) and recording how it went.

No Qt. ``sync_now`` reaches the network and must run off the GUI thread; it takes a
``run_db`` hook so its database work can still run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from desktop.services.store import publish
from desktop.services.sync.membership import check as check_roster
from desktop.services.sync.membership import local_roster, pinned
from desktop.services.sync.rotations import check_rotations
from desktop.services.sync.run_db import RunDb, direct
from desktop.services.sync.secrets import key_ring, remote_secret, secret_store
from desktop.sync import state

if TYPE_CHECKING:
    from desktop.sync.engine import CycleResult
    from desktop.sync.retry import RetryPolicy


def sync_now(
    *,
    run_db: RunDb = direct,
    policy: RetryPolicy | None = None,
    segment_changes: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> CycleResult:
    """Run one cycle (preflight, push, pull); status is recorded either way.

    ``progress(what, done, total)`` reports long database work (loading a snapshot when
    joining); it is called from inside ``run_db``.
    """
    from desktop.sync.engine import SEGMENT_CHANGES, SyncEngine
    from desktop.sync.errors import NeedsSecret, NotConfigured, SyncError
    from desktop.sync.session import SyncSession

    config = run_db(state.load_config)
    if config is None:
        raise NotConfigured()
    try:
        data_key = key_ring(config)
        secret = remote_secret(config)
        if config.target.needs_secret and secret is None:
            why = secret_store().problem or "it is not in the keyring"
            raise NeedsSecret(config.target.secret_name, why)
        remote = config.target.open(secret, policy)
        try:
            public = run_db(partial(pinned, config.vault_id))
            kept = run_db(partial(local_roster, config.vault_id))
            revoked, retired, warnings = check_rotations(
                remote,
                config,
                data_key,
                run_db,
                roster_public=public,
                former=kept.former if kept else (),
            )
            trust, signing_key, more = check_roster(remote, config, data_key, run_db)
            session = SyncSession(
                remote=remote,
                config=config,
                data_key=data_key,
                run_db=run_db,
                publish=lambda: run_db(publish),
                revoked=revoked,
                retired=retired,
                progress=progress,
                signing_key=signing_key,
                trust=trust,
            )
            engine = SyncEngine(session, segment_changes=segment_changes or SEGMENT_CHANGES)
            result = engine.run_cycle()
            result.warnings[:0] = [*warnings, *more]
        finally:
            remote.close()
    except SyncError as exc:
        run_db(partial(state.record_error, str(exc)))
        raise
    except Exception as exc:
        run_db(partial(state.record_error, f"Unexpected problem: {exc.__class__.__name__}"))
        raise
    run_db(lambda: state.record_success(result.to_json()))
    return result
