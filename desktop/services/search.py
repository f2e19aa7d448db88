"""Ranked full-text search over people and conversation notes, shared by GUI and CLI."""

from __future__ import annotations

from desktop.domain.records import SearchHit
from desktop.domain.snippets import fold, make_snippet, query_words
from desktop.storage import search_index
from desktop.storage.models import database
from desktop.storage.sql import placeholders

MIN_NOTE_PREFIX = 3  # one or two letters match most notes: wait for a third


def _rows(sql: str, ids: list[str]) -> dict[str, tuple]:
    marks = placeholders(ids)
    return {row[0]: row[1:] for row in database.execute_sql(sql.format(marks=marks), ids)}


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    """People first (best match first), then conversations; ``query`` may be anything typed.

    Each hit carries a plain-text snippet and the ranges of the matched words in it.
    """
    words = query_words(query)
    if not words:
        return []
    hits: list[SearchHit] = []
    people = search_index.query_people(query, limit)
    if people:
        info = _rows(
            "SELECT id, full_name, nickname, organization, headline, interests, about, "
            "working_on FROM person WHERE id IN ({marks})",
            [h.row_id for h in people],
        )
        for hit in people:
            name, *details = info.get(hit.row_id, ("",))
            context = " · ".join(part for part in details if part)
            snippet, spans = make_snippet(_best_field(name, details, words), words)
            if not spans:
                snippet, spans = make_snippet(context, words)
            hits.append(SearchHit("person", hit.row_id, name, snippet, spans, hit.row_id))
    if max(len(w) for w in words) < MIN_NOTE_PREFIX:
        return hits
    conversations = search_index.query_conversations(query, limit)
    if conversations:
        info = _rows(
            "SELECT c.id, c.title, c.happened_at, c.notes, c.place, "
            "(SELECT p.full_name FROM participant pa JOIN person p ON p.id = pa.person_id "
            " WHERE pa.conversation_id = c.id AND pa.deleted = 0 LIMIT 1), "
            "(SELECT pa.person_id FROM participant pa WHERE pa.conversation_id = c.id "
            " AND pa.deleted = 0 LIMIT 1) FROM conversation c WHERE c.id IN ({marks})",
            [h.row_id for h in conversations],
        )
        for hit in conversations:
            title, happened, notes, place, who, person_id = info.get(
                hit.row_id, ("", None, "", "", None, None)
            )
            when = str(happened)[:10] if happened else ""
            label = title or f"Conversation with {who or 'someone'}"
            snippet, spans = make_snippet(f"{notes} {place}".strip(), words)
            hits.append(
                SearchHit(
                    "conversation",
                    hit.row_id,
                    f"{label} · {when}" if when else label,
                    snippet,
                    spans,
                    person_id,
                )
            )
    return hits


def _best_field(name: str, details: list[str], words: list[str]) -> str:
    """The first field that contains a match (the name, else the first detail that does)."""
    for text in (name, *details):
        if text and any(word in fold(text) for word in words) and make_snippet(text, words)[1]:
            return text
    return name
