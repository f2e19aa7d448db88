"""Names of the files in a vault (SYNC.md "Remote layout"); nothing here touches the network.

Every file is created by exactly one device and never modified afterwards, so no locks
are needed. Segments are fetched by exact name (``seg/<seq // 1000>/<seq>.seg``): no
listing is needed to pull, and a temp file, a "conflicted copy" or an iCloud
placeholder never matches. Snapshots (``snapshots/<device>/<n>.snap`` and their parts)
are found with one listing of ``snapshots/`` and one of each writer's folder there.
"""

from __future__ import annotations

import re

from desktop.sync.errors import UnsafePath

ROOT = "rapport-sync-v1"
VAULT = f"{ROOT}/vault.json"
KEYSLOTS = f"{ROOT}/keyslots"
DEVICES = f"{ROOT}/devices"
ROSTER = f"{ROOT}/roster"  # <n>.ros: the devices' signing keys, signed by the roster key
ROSTER_NAME = re.compile(r"^([0-9]{1,12})\.ros$")
ROSTER_DEVICE = "0" * 16  # the "device" in a roster file's header: it belongs to nobody
ROTATIONS = f"{ROOT}/rotations"  # <new key id>.enc (new key) + .notice (old key): lost devices
DEVICE_ID = re.compile(r"^[0-9a-f]{16}$")
HEX_ID = re.compile(r"^[0-9a-f]{16,32}$")
SLOT_ID = re.compile(r"^[0-9a-f]{16}$")
SLOT_FILE = re.compile(r"^([0-9a-f]{16})\.json$")
BUCKET_SIZE = 1000
# One piece of a path Rapport writes: letters, digits, "-", "_" and dots, never first (so
# neither "." nor ".." nor a hidden temp file), no separators of any platform.
SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$")


def check_path(path: str, *, folder: bool = False) -> str:
    """``path`` if every piece is a name Rapport itself could have written; else UnsafePath.

    Every remote calls this before it reads, writes, lists or deletes, so no name taken
    from the storage (a listing, a JSON field) can reach a file outside the vault, on any
    remote: over WebDAV and S3 a ``../`` would collapse in the URL and land elsewhere in
    the user's account. ``folder`` allows the vault's top ("") and a trailing "/".
    """
    inner = path[:-1] if folder and path.endswith("/") else path
    if folder and inner == "":
        return path
    if not all(SAFE_NAME.match(piece) for piece in inner.split("/")):
        raise UnsafePath(path)
    return path


def safe_names(names: list[str]) -> list[str]:
    """The listed names a remote may hand on: anything else was not written by Rapport."""
    return [name for name in names if SAFE_NAME.match(name)]


def keyslot(slot_id: str) -> str:
    if not SLOT_ID.match(slot_id):
        raise UnsafePath(f"{KEYSLOTS}/{slot_id}.json")
    return f"{KEYSLOTS}/{slot_id}.json"


def device_dir(device_id: str) -> str:
    return f"{DEVICES}/{device_id}"


def device_info(device_id: str) -> str:
    return f"{DEVICES}/{device_id}/device.enc"


def segment(device_id: str, seq: int) -> str:
    return f"{DEVICES}/{device_id}/seg/{seq // BUCKET_SIZE}/{seq}.seg"


SNAPSHOTS = f"{ROOT}/snapshots"
SNAPSHOT_NAME = re.compile(r"^([0-9]{1,12})\.snap$")


def snapshot_dir(device_id: str) -> str:
    return f"{SNAPSHOTS}/{device_id}"


def snapshot(device_id: str, number: int) -> str:
    """A snapshot's manifest: written last, after every part, so listing shows whole ones."""
    return f"{SNAPSHOTS}/{device_id}/{number}.snap"


def snapshot_part(device_id: str, number: int, part: int) -> str:
    """Part ``part`` (1, 2, …) of a snapshot: fetched by exact name, never listed."""
    return f"{SNAPSHOTS}/{device_id}/{number}/{part}.part"


def roster(number: int) -> str:
    """Roster ``number`` (1, 2, …): write-once, the highest verified one is in force."""
    return f"{ROSTER}/{number}.ros"
