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
LEVEL = 6


def pack(body: Mapping[str, Any]) -> bytes:
    """Compact JSON, zlib-compressed: what every sealed body (segment, snapshot) holds."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(data: bytes, what: str, version: int = FORMAT) -> dict[str, Any]:
    """The body of :func:`pack`, refused (SealError) if unreadable or of another version."""
    try:
        body = json.loads(zlib.decompress(data))
    except (zlib.error, ValueError) as exc:
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
