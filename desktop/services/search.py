"""Ranked full-text search over people and conversation notes, shared by GUI and CLI."""

from __future__ import annotations

from desktop.domain.records import SearchHit
from desktop.storage import search_index
from desktop.storage.models import database


def _plain(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the FTS markers, returning the text and the matched ranges within it."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    start = -1
    length = 0
    for char in snippet:
        if char == search_index.MARK_START:
            start = length
        elif char == search_index.MARK_END:
            if start >= 0:
                spans.append((start, length))
            start = -1
        else:
            text.append(char)
            length += 1
    return "".join(text), tuple(spans)


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    """People first (best match first), then conversations; ``query`` may be anything typed."""
    hits: list[SearchHit] = []
    people = search_index.query_people(query, limit)
    if people:
        ids = [h.row_id for h in people]
        names = dict(
            database.execute_sql(
                f"SELECT id, full_name FROM person WHERE id IN ({', '.join('?' * len(ids))})",
                ids,
            ).fetchall()
        )
        for hit in people:
            text, spans = _plain(hit.snippet)
            hits.append(
                SearchHit("person", hit.row_id, names.get(hit.row_id, ""), text, spans, hit.row_id)
            )
    conversations = search_index.query_conversations(query, limit)
    if conversations:
        ids = [h.row_id for h in conversations]
        marks = ", ".join("?" * len(ids))
        rows = database.execute_sql(
            "SELECT c.id, c.title, c.happened_at, "
            "(SELECT p.full_name FROM participant pa JOIN person p ON p.id = pa.person_id "
            " WHERE pa.conversation_id = c.id AND pa.deleted = 0 LIMIT 1), "
            "(SELECT pa.person_id FROM participant pa WHERE pa.conversation_id = c.id "
            " AND pa.deleted = 0 LIMIT 1) "
            f"FROM conversation c WHERE c.id IN ({marks})",
            ids,
        ).fetchall()
        info = {r[0]: r[1:] for r in rows}
        for hit in conversations:
            title, happened, who, person_id = info.get(hit.row_id, ("", None, None, None))
            when = str(happened)[:10] if happened else ""
            label = title or f"Conversation with {who or 'someone'}"
            text, spans = _plain(hit.snippet)
            hits.append(
                SearchHit(
                    "conversation",
                    hit.row_id,
                    f"{label} · {when}" if when else label,
                    text,
                    spans,
                    person_id,
                )
            )
    return hits[: limit * 2]
