"""Ranked full-text search over people and conversation notes, shared by GUI and CLI."""

from __future__ import annotations

from desktop.domain.records import SearchHit
from desktop.domain.snippets import fold, make_snippet, query_words
from desktop.storage import search_index
from desktop.storage.models import database
from desktop.storage.sql import placeholders

MIN_NOTE_PREFIX = 3  # one or two letters match most notes: wait for a third
MIN_PHONE_DIGITS = 5  # fewer digits match too many numbers to mean "this phone"
#: Why a person matched, by field: shown before the snippet ("works at: Acme").
FIELD_LABELS = ("goes by", "organization", "headline", "interests", "about", "working on")
_PHONE_CHARS = frozenset("0123456789+-(). /")


def _day(moment: object) -> str:
    """The app's date format ("12 Mar 2024"), from a stored date or timestamp text."""
    from datetime import date, datetime

    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment[:10]
    if isinstance(moment, (date, datetime)):
        return f"{moment.day} {moment:%b %Y}"
    return ""


def _contact_hits(query: str, limit: int) -> list[SearchHit]:
    """People found by an email address or a phone number, in any format typed.

    An email matches by its text ("ana@acme", "@globex.example"); a phone by its digits,
    so "+1 (415) 555-0132", "415.555.0132" and "4155550132" all find +14155550132.
    """
    text = query.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    is_phone = len(digits) >= MIN_PHONE_DIGITS and set(text) <= _PHONE_CHARS
    if "@" not in text and not is_phone:
        return []
    rows = database.execute_sql(
        "SELECT cp.person_id, cp.kind, cp.value, p.full_name FROM contact_point cp "
        "JOIN person p ON p.id = cp.person_id WHERE cp.deleted = 0 AND p.deleted = 0 "
        "AND cp.kind IN ('email', 'phone')"
    ).fetchall()
    hits: list[SearchHit] = []
    wanted = text.casefold()
    for person_id, kind, value, name in rows:
        if kind == "email" and "@" in text:
            start = value.casefold().find(wanted)
            if start < 0:
                continue
            spans = ((start + 7, start + 7 + len(wanted)),)
        elif kind == "phone" and is_phone:
            stored = "".join(ch for ch in value if ch.isdigit())
            if digits not in stored and not stored.endswith(digits.lstrip("0")):
                continue
            spans = ((7, 7 + len(value)),)
        else:
            continue
        snippet = f"{kind}: {value}"  # "email: " and "phone: " are both 7 characters
        hits.append(SearchHit("person", person_id, name, snippet, spans, person_id))
        if len(hits) >= limit:
            break
    return hits


def _rows(sql: str, ids: list[str]) -> dict[str, tuple]:
    marks = placeholders(ids)
    return {row[0]: row[1:] for row in database.execute_sql(sql.format(marks=marks), ids)}


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    """People first (best match first), then conversations; ``query`` may be anything typed.

    Each hit carries a plain-text snippet and the ranges of the matched words in it.
    """
    hits: list[SearchHit] = _contact_hits(query, limit)
    words = query_words(query)
    if not words:
        return hits
    found = {h.id for h in hits}
    people = [h for h in search_index.query_people(query, limit) if h.row_id not in found]
    if people:
        info = _rows(
            "SELECT id, full_name, nickname, organization, headline, interests, about, "
            "working_on FROM person WHERE id IN ({marks})",
            [h.row_id for h in people],
        )
        for hit in people:
            name, *details = info.get(hit.row_id, ("",))
            context = " · ".join(part for part in details if part)
            label, best = _best_field(name, details, words)
            snippet, spans = make_snippet(best, words)
            if spans and label:  # say why: "organization: Acme"
                shift = len(label) + 2
                snippet = f"{label}: {snippet}"
                spans = tuple((a + shift, b + shift) for a, b in spans)
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
            when = _day(happened) if happened else ""
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


def _best_field(name: str, details: list[str], words: list[str]) -> tuple[str, str]:
    """(label, text) of the first field that contains a match: the name (no label), else
    the first detail that does, labelled by :data:`FIELD_LABELS`."""
    for label, text in (("", name), *zip(FIELD_LABELS, details, strict=False)):
        if text and any(word in fold(text) for word in words) and make_snippet(text, words)[1]:
            return label, text
    return "", name
