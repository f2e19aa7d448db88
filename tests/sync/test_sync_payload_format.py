"""Issue #15 changed how segment bodies are built and compressed, not what they hold: a
device running the previous version reads them as before."""

from __future__ import annotations

import json
import zlib

from desktop.storage.replication import Group
from desktop.sync import payload


def _groups(count: int) -> list[Group]:
    writes = tuple(
        (
            f"0000000{n:06d}-0000-abcdef0123456789",
            "person",
            f"id-{n}",
            {"full_name": '"Ana \\"Ü\\""'},
        )
        for n in range(count)
    )
    return [
        Group({"abcdef0123456789": "0000000000001-0000-abcdef0123456789"}, writes),
        Group(None, ()),
    ]


def _previous_text(groups: list[Group]) -> bytes:
    """What the previous version put inside a segment (one ``json.dumps`` of the body)."""
    body = {
        "v": payload.FORMAT,
        "groups": [
            {"seen": dict(g.seen) if g.seen is not None else None, "writes": list(g.writes)}
            for g in groups
        ],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_a_segment_body_is_byte_for_byte_what_the_previous_version_wrote() -> None:
    for count in (3, 20_000):  # a small body (level 6) and a bulk one (level 1)
        groups = _groups(count)
        sealed_body = payload.encode_segment(groups)
        assert zlib.decompress(sealed_body) == _previous_text(groups)  # plain zlib, any level
        decoded = payload.decode_segment(sealed_body)
        assert [[tuple(w) for w in g.writes] for g in decoded] == [list(g.writes) for g in groups]
    assert len(_previous_text(_groups(20_000))) >= payload.BULK_BYTES  # the bulk case ran
