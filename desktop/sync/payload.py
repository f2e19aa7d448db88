"""What goes inside a sealed file: compressed JSON, validated on the way back in.

A segment is ``{"v": 1, "groups": [{"seen": {origin: hlc} | null, "writes": [[hlc,
entity, row_id, {field: value_json, …}], …]}]}`` — one entry per local save, so a new
row's stamp and id are written once, not once per field. Values stay the change log's
JSON text, so a change round-trips byte for byte. ``seen`` tells receivers what the
writer had seen, to tell a concurrent edit (a conflict) from a later one.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.storage.replication import Group
from desktop.sync.crypto import SealError

FORMAT = 1
LEVEL = 6  # small bodies (an everyday segment): the smallest upload
BULK_LEVEL = 1  # large ones (a first push, a snapshot part): speed (issue #15)
BULK_BYTES = 1 << 20
# Measured on a 200,000-change snapshot part (9.3 MB of JSON): level 6 takes 1.2 s for
# 1.78 MB, level 1 0.36 s for 2.17 MB. At 10,000 people a vault's creation compresses
# ~600 MB of JSON, so level 6 cost ~13 s of it. Any level inflates the same way: the
# wire format and today's readers are unchanged.


def pack(body: Mapping[str, Any]) -> bytes:
    """Compact JSON, zlib-compressed: what every sealed body (segment, snapshot) holds."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(text, LEVEL if len(text) < BULK_BYTES else BULK_LEVEL)


# The most a sealed body may hold once decompressed. A snapshot part (200,000 changes)
# is a few tens of MB of JSON; this stops a compression bomb sealed by a key holder
# (a few MB that would inflate to gigabytes) before it fills the laptop's memory.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


def megabytes(count: int) -> str:
    """A size limit for a message: "256 MB", or "0.95 MB" for small test limits."""
    return f"{count / 1048576:.3g} MB"


def inflate(data: bytes, limit: int | None = None) -> bytes:
    """zlib-decompress at most ``limit`` bytes; SealError for more, or for damaged data."""
    limit = MAX_UNPACKED_BYTES if limit is None else limit
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise SealError(f"its contents are unreadable ({exc.__class__.__name__})") from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise SealError(f"its contents would take more than {megabytes(limit)}")
    if not inflater.eof:
        raise SealError("its contents are unreadable (truncated)")
    return out


def unpack(data: bytes, what: str, version: int = FORMAT) -> dict[str, Any]:
    """The body of :func:`pack`, refused (SealError) if unreadable or of another version."""
    text = inflate(data)  # its own SealError: too large, damaged or truncated
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise SealError(f"its contents are unreadable ({exc.__class__.__name__})") from exc
    if not isinstance(body, dict) or body.get("v") != version:
        raise SealError(f"written by a newer Rapport ({what} format)")
    return body


def encode_segment(groups: Sequence[Group]) -> bytes:
    body = {
        "v": FORMAT,
        "groups": [
            {"seen": dict(g.seen) if g.seen is not None else None, "writes": list(g.writes)}
            for g in groups
        ],
    }
    return pack(body)


def decode_segment(data: bytes) -> list[Group]:
    """Structure checks only; each change's fields are checked where they are used."""
    body = unpack(data, "segment")
    groups = []
    for group in body.get("groups", []):
        seen = group.get("seen") if isinstance(group, dict) else None
        writes = group.get("writes") if isinstance(group, dict) else None
        if seen is not None and not (
            isinstance(seen, dict) and all(isinstance(v, str) for v in seen.values())
        ):
            raise SealError("malformed seen-vector")
        if not isinstance(writes, list) or not all(type(w) is list and len(w) == 4 for w in writes):
            raise SealError("malformed writes")
        groups.append(Group(seen, writes))  # lists of 4: unpacked like tuples
    return groups


def encode_json(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode_json(data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except ValueError as exc:
        raise SealError("unreadable JSON") from exc
    if not isinstance(value, dict):
        raise SealError("unexpected JSON")
    return value
