"""One sync cycle (SYNC.md): preflight, push, pull — resumable at every step.

The engine does the network and crypto work itself and reaches the database only
through ``run_db(fn)``, so the GUI can run every SQLite statement on its own thread
(single writer) while uploads and downloads happen on a worker thread. The CLI and the
tests pass a plain call.
"""

from __future__ import annotations

import platform
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from desktop import __version__, gc_pause
from desktop.storage import outbox, replication, replication_values
from desktop.storage import replication_snapshot as rs
from desktop.storage.replication import Group
from desktop.sync import layout, snapshot, state, timings
from desktop.sync.crypto import KIND_DEVICE, KIND_SEGMENT, SealError, sealed_key_id
from desktop.sync.errors import SyncError, VaultMismatch
from desktop.sync.payload import decode_segment, encode_json, encode_segment
from desktop.sync.session import SyncSession
from desktop.sync.vault import read_vault

SEGMENT_CHANGES = 20_000  # changes per sealed segment (~1–2 MB compressed at most)
APPLY_BATCH = 250_000  # changes applied per transaction when catching up on a backlog
BACKUP_ABOVE = 5_000  # changes in one received segment that justify a backup first
# How long an update may be missing while later ones of the same device are there before
# the user is told that device is stuck (a folder sync may still be copying it).
GAP_GRACE_SECONDS = 3600.0


@dataclass
class CycleResult:
    pushed: int = 0
    pushed_segments: int = 0
    pulled: int = 0  # new changes received
    pulled_segments: int = 0
    conflicts: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    refused: int = 0  # updates from other devices that were refused (not applied)
    stuck: int = 0  # devices whose updates wait behind one missing from the vault

    @property
    def needs_attention(self) -> bool:
        """Something was refused or is stuck: the CLI exits non-zero, the app shows it."""
        return bool(self.refused or self.stuck)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        text = (
            f"pushed {self.pushed} changes ({self.pushed_segments} segments), "
            f"pulled {self.pulled} ({self.pulled_segments} segments), "
            f"{self.conflicts} conflicts"
        )
        return text


class SyncEngine:
    """Segments: push this device's, pull the others'. Everything shared with the snapshot
    code (remote, keys, sealing, database hook, backup) lives in ``self.session``."""

    def __init__(
        self,
        session: SyncSession,
        *,
        segment_changes: int = SEGMENT_CHANGES,
        apply_batch: int = APPLY_BATCH,
        snapshot_changes: int = snapshot.SNAPSHOT_CHANGES,
        snapshot_segments: int = snapshot.SNAPSHOT_SEGMENTS,
        snapshot_part_changes: int = snapshot.PART_CHANGES,
        gap_grace_seconds: float | None = None,
    ) -> None:
        self.session = session
        self.gap_grace_seconds = (
            GAP_GRACE_SECONDS if gap_grace_seconds is None else gap_grace_seconds
        )
        self.remote = session.remote
        self.config = session.config
        self.db = session.db
        self.segment_changes = segment_changes
        self.apply_batch = apply_batch
        self.snapshot_limits = snapshot.Limits(
            changes=snapshot_changes, segments=snapshot_segments, part_changes=snapshot_part_changes
        )

    # -- the cycle --------------------------------------------------------------------
    def run_cycle(self) -> CycleResult:
        with gc_pause.paused():  # millions of short-lived rows at a first push or a join
            return self._run_cycle()

    def _run_cycle(self) -> CycleResult:
        started = time.monotonic()
        result = CycleResult()
        vault = read_vault(self.remote)
        if vault.vault_id != self.config.vault_id:
            raise VaultMismatch(
                f"{self.remote.description} now holds a different vault than the one this "
                "device belongs to. Nothing was changed. Check the sync settings."
            )
        origin = self.db(state.own_origin)
        self._announce(origin)
        with timings.phase("push_s"):
            prepared = self._push(origin, result)
        with timings.phase("pull_s"):
            self._pull(origin, result)
        result.warnings.extend(n for n in self.session.notes if n not in result.warnings)
        with timings.phase("search_index_s"):
            if self.db(replication_values.rebuild_search_if_stale):
                self.session.publish()
        # compaction: new devices start from it
        with timings.phase("snapshot_s"):
            snapshot.maybe_write(self.session, origin, self.snapshot_limits, prepared)
        result.seconds = round(time.monotonic() - started, 3)
        return result

    def _announce(self, origin: str) -> None:
        """Write this device's encrypted name card once (write-once, like everything)."""
        if self.db(lambda: state.get(state.INFO_WRITTEN)) == self.config.device_id:
            return
        info = {
            "name": self.config.device_name,
            "platform": platform.system(),
            "app_version": __version__,
            "hlc_device": origin,
            "joined": datetime.now().replace(microsecond=0).isoformat(),
        }
        path = layout.device_info(self.config.device_id)
        if not self.remote.exists(path):
            self.remote.write(path, self.session.seal(encode_json(info), KIND_DEVICE))
        self.db(lambda: state.put(state.INFO_WRITTEN, self.config.device_id))

    # -- push -------------------------------------------------------------------------
    def _push(self, origin: str, result: CycleResult) -> snapshot.Prepared | None:
        """Upload what waits; the first push after turning sync on also prepares the
        snapshot's parts from what it reads (returned; None otherwise)."""
        me = self.config.device_id
        pushed = self.db(outbox.pushed_seq)
        if pushed and not self.remote.exists(layout.segment(me, pushed)):
            raise SyncError(
                f"This device's earlier uploads are missing from {self.remote.description} "
                "(the vault was emptied or restored from an old copy?). Nothing was changed "
                "here. Check the vault, or forget this device and join again."
            )
        whole = self.db(outbox.whole_log_unsent)
        prepared = (
            snapshot.Prepared(
                log_max=whole, own_origin=origin, part_changes=self.snapshot_limits.part_changes
            )
            if whole
            else None
        )
        while True:
            batch = self.db(
                lambda: outbox.next_batch(
                    own_origin=origin, limit=self.segment_changes, prepare=prepared is not None
                )
            )
            if batch is None:
                if prepared is not None:
                    prepared.finish()
                return prepared
            path = layout.segment(me, batch.seq)
            if not self._already_uploaded(path, batch):
                sealed = self.session.seal(encode_segment(batch.groups), KIND_SEGMENT, batch.seq)
                self.remote.write(path, sealed)
            self.db(partial(outbox.confirm_pushed, batch.seq))
            if prepared is not None:
                prepared.add(batch)
            result.pushed += batch.size
            result.pushed_segments += 1

    def _already_uploaded(self, path: str, batch: outbox.Batch) -> bool:
        """A segment under this number exists (we died after uploading): same content?"""
        existing = self.remote.read(path)
        if existing is None:
            return False
        try:
            groups = decode_segment(
                self.session.open(existing, KIND_SEGMENT, self.config.device_id, batch.seq)
            )
        except SealError:
            return False  # our own half-written upload: write it again
        theirs = [tuple(w) for g in groups for w in g.writes]
        ours = [tuple(w) for g in batch.groups for w in g.writes]
        if theirs != ours:
            raise SyncError(
                f"Segment {batch.seq} of this device already exists in the vault with other "
                "changes (this data folder was restored from an older copy?). Nothing was "
                "uploaded. Forget this device and join the vault again."
            )
        return True

    # -- pull -------------------------------------------------------------------------
    def _pull(self, origin: str, result: CycleResult) -> None:
        had_data = self.db(rs.has_data)  # any change at all: one row, not a count of them
        snapshot.start_from_snapshot(self.session, origin, result)  # a new device: skip the replay
        others = [
            d
            for d in self.remote.list_dir(layout.DEVICES)
            if layout.DEVICE_ID.match(d) and d != self.config.device_id
        ]
        roster = self.session.trust.roster
        if roster is not None:  # oldest member first: a device that re-joined under a new
            # folder is read in the order it wrote (the merge's dedup relies on that)
            members = roster.members
            others.sort(key=lambda d: (members[d].since if d in members else 1 << 62, d))
        for device_id in others:
            self._pull_device(device_id, origin, result, had_data)

    def _pull_device(
        self, device_id: str, origin: str, result: CycleResult, had_data: bool
    ) -> None:
        roster = self.session.trust.roster
        if roster is not None and device_id not in roster.members:
            if self.remote.exists(layout.segment(device_id, 1)):
                result.refused += 1
                result.warnings.append(
                    f"Updates in the vault's folder of device {device_id} were not applied: "
                    "that device is not in the vault's device roster. If it is one of yours, "
                    "type the passphrase on it once (Settings ▸ Sync, or 'rapport sync "
                    "unlock') and they will follow; otherwise someone holding a key may have "
                    "planted them."
                )
            return
        name = self.session.device_name(device_id)
        if name is None:
            return
        device = self.db(partial(state.device, device_id))
        if device is None:  # named but not (yet) recorded: nothing of it to pull
            return
        cursor = device.cursor
        single = False  # after a refused batch: one segment at a time to isolate the bad one
        while True:
            first = cursor + 1
            groups, last = self._fetch(device_id, name, first, result, single)
            if not groups:
                return
            size = sum(g.size for g in groups)
            if had_data and size > BACKUP_ABOVE and not self.session.backed_up:
                self.session.backup()
            try:
                applied = self.db(
                    partial(
                        replication.apply_segments,
                        sender=device_id,
                        first=first,
                        last=last,
                        groups=groups,
                        own_origin=origin,
                    )
                )
            except replication.SegmentRejected as exc:
                if last == first:
                    result.refused += 1
                    result.warnings.append(f"Update {first} from {name} was refused: {exc}.")
                    return
                single = True
                continue
            self.session.publish()
            result.pulled += applied.received
            result.pulled_segments += last - first + 1
            result.conflicts += applied.conflicts
            if applied.fast_clock:
                fast = self.db(partial(state.name_of_origin, applied.fast_clock))
                warning = (
                    f"The clock of {fast} is more than 5 minutes fast; its changes were "
                    "accepted, but please correct its date and time."
                )
                if warning not in result.warnings:
                    result.warnings.append(warning)
            cursor = last

    def _fetch(
        self, device_id: str, name: str, first: int, result: CycleResult, single: bool
    ) -> tuple[list[Group], int]:
        """Consecutive verified segments from ``first`` (up to APPLY_BATCH changes)."""
        groups: list[Group] = []
        seq, size = first, 0
        while size < self.apply_batch and not (single and seq > first):
            data = self.remote.read(layout.segment(device_id, seq))
            if data is None:  # not there (yet): nothing more from this device this time
                if seq == first:
                    self._check_gap(device_id, name, seq, result)
                break
            if seq > self.session.revoked.get(device_id, seq):
                result.refused += 1
                result.warnings.append(
                    f"{name} was removed from this vault; its update {seq} and any later ones "
                    "were refused and not applied."
                )
                break
            keys = self.session.keys_for(device_id)
            every = self.session.keys
            if len(keys) < len(every) and sealed_key_id(data) in every.keys() - keys:
                result.refused += 1
                result.warnings.append(
                    f"Update {seq} from {name} was sealed with a key retired when a lost "
                    "device was removed, by a device that was not in the vault then; it was "
                    "refused and not applied."
                )
                break
            try:
                more = decode_segment(
                    self.session.open(data, KIND_SEGMENT, device_id, seq, keys=keys)
                )
            except SealError as exc:
                result.refused += 1
                result.warnings.append(
                    f"Update {seq} from {name} could not be verified: {exc}. It was not "
                    "applied; sync will try it again (if it was altered, it never will be)."
                )
                break
            groups.extend(more)
            size += sum(g.size for g in more)
            seq += 1
        return groups, seq - 1

    def _check_gap(self, device_id: str, name: str, seq: int, result: CycleResult) -> None:
        """Update ``seq`` is missing: if a later one is there, the device is stuck behind a
        hole (a deleted file, a folder in its place). Silent during the grace period — a
        folder sync may still be copying — then a warning saying which device and since
        when. The first sighting is remembered in the sync state."""
        key = f"gap:{device_id}"
        if not self.remote.exists(layout.segment(device_id, seq + 1)):
            if self.db(lambda: state.get(key)) is not None:
                self.db(lambda: state.drop(key))  # the hole was filled, or nothing follows
            return
        now = datetime.now().replace(microsecond=0)
        seen = self.db(lambda: state.get(key))
        since = None
        if seen:
            number, _, when = seen.partition("@")
            if number == str(seq):
                try:
                    since = datetime.fromisoformat(when)
                except ValueError:
                    since = None
        if since is None:
            since = now
            self.db(lambda: state.put(key, f"{seq}@{since.isoformat()}"))
        if (now - since).total_seconds() < self.gap_grace_seconds:
            return
        result.stuck += 1
        result.warnings.append(
            f"Updates from {name} are stuck since {since:%Y-%m-%d %H:%M}: its update {seq} is "
            "missing from the vault although later ones are there (deleted, or replaced by a "
            "folder?). Its later updates wait until it is back; if it never comes back, that "
            "device can forget sync and join again."
        )
