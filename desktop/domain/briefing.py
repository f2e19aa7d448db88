"""What a printed briefing says about each person: selected, shortened, and discreet.

The sheet is read standing in a hallway, so every block answers the same questions in
the same order — who is this, how do I know them, what did we last talk about, what is
open between us, what can I ask, how can I help — and every text is cut to a length
that keeps three or four people on a page.

Discretion is a rule, not a setting: anything the user marked "told in confidence" never
reaches paper. A confidential conversation is skipped entirely (not even its date), and
so are promises made in it; fields named in ``PersonCard.confidential_fields`` are left
out. Each block then says how many such items were held back, so the user knows to look
in Rapport rather than trusting an incomplete sheet.

Pure (no Qt, no database): :mod:`desktop.services.briefing` gathers the records and
:mod:`desktop.printing` turns the result into paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain import circles
from desktop.domain.briefing_text import end_on_sentence
from desktop.domain.dates import next_occurrence, normalise_day, shown, title_of
from desktop.domain.records import (
    AttendanceView,
    CommitmentView,
    ConversationView,
    PersonCard,
)

__all__ = [
    "MAX_PROMISES",
    "MAX_WARM_PATHS",
    "SUMMARY_CHARS",
    "BriefingSheet",
    "BriefingSource",
    "LastTalk",
    "PersonBrief",
    "PromiseLine",
    "WarmPath",
    "WarmPathCandidate",
    "initials",
    "rank_warm_paths",
    "shape_person",
    "shorten",
    "withheld_note",
]

#: Open promises shown per direction; the rest are counted ("and 2 more").
MAX_PROMISES = 3
#: Contacts suggested as introducers for someone not met yet.
MAX_WARM_PATHS = 3
#: Length of the last conversation's summary, and of any other single line of text.
SUMMARY_CHARS = 180
LINE_CHARS = 110
#: Recent conversations whose tags and titles become "topics to ask about".
TOPIC_CONVERSATIONS = 3
MAX_TOPICS = 5

#: Card fields offered as things to ask about, in print order; any may be confidential.
ASK_FIELDS = (
    ("about", "About"),
    ("interests", "Interests"),
    ("family", "Family"),
    ("working_on", "Working on"),
)


@dataclass(frozen=True, slots=True)
class PromiseLine:
    text: str
    due: date | None
    days_late: int  # 0 when not late

    @property
    def late(self) -> bool:
        return self.days_late > 0


@dataclass(frozen=True, slots=True)
class LastTalk:
    when: date | None
    where: str
    summary: str


@dataclass(frozen=True, slots=True)
class WarmPathCandidate:
    """A contact who might introduce the user to someone they have not met yet."""

    person_id: str
    name: str
    link: str  # "introduction" (a recorded introduction involves both) | "organization"
    detail: str  # e.g. the shared organization's name
    circle: str  # the contact's circle with me: closer circles are easier to ask
    conversations: int  # how often I have talked with the contact


@dataclass(frozen=True, slots=True)
class WarmPath:
    person_id: str
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class BriefingSource:
    """Everything gathered about one person; the input of :func:`shape_person`."""

    card: PersonCard
    conversations: Sequence[ConversationView]  # all of them (confidential too), newest first
    promises: Sequence[CommitmentView]  # open promises both ways
    trust_in_them: int
    their_trust: int
    attendance: AttendanceView | None = None
    warm_paths: Sequence[WarmPathCandidate] = ()
    ask_line: str = ""  # "Ask Ben, who knows her" (#17), from the network service
    dates: Sequence[tuple[str, str]] = ()  # (label, YYYY-MM-DD or --MM-DD)
    around: date | None = None  # the event's day (None: today)


@dataclass(frozen=True, slots=True)
class PersonBrief:
    """One person's block on the sheet, already shortened and stripped of confidences."""

    person_id: str
    name: str
    initials: str
    photo: bytes | None
    also_known: str  # nickname, pronunciation, pronouns
    headline: str
    organization: str
    how_we_know: str
    introduced_by: tuple[str, ...]
    trust_in_them: int
    their_trust: int
    focus: bool
    met: bool  # any conversation at all, confidential ones included
    last_talk: LastTalk | None
    i_owe: tuple[PromiseLine, ...]
    they_owe: tuple[PromiseLine, ...]
    more_i_owe: int
    more_they_owe: int
    ask_about: tuple[tuple[str, str], ...]  # (label, text)
    help_them: str
    why_meet: str
    warm_paths: tuple[WarmPath, ...]
    withheld: int  # items told in confidence that are not printed
    ask_line: str = ""  # "Ask Ben, who knows her": the warmest contact who knows them
    # The who's who on page 1 and promises worded with pronouns (issue #13).
    nickname: str = ""
    pronunciation: str = ""
    pronouns: str = ""
    why_line: str = ""  # one line of why to meet them: the user's reason, else who they are
    dates_near: tuple[str, ...] = ()  # "Birthday 12 April — 3 days after the event"


@dataclass(frozen=True, slots=True)
class BriefingSheet:
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    goals: str
    people: tuple[PersonBrief, ...]
    printed_on: date
    note: str = ""  # e.g. the "quality over quantity" note of a long focus list
    event_id: str | None = None


# --- small text helpers ------------------------------------------------------------------


def shorten(text: str, width: int = LINE_CHARS) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-—") + "…"


def initials(name: str) -> str:
    """Two letters for the photo box ("Ana Ruiz" -> "AR"); one for one-word names."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def withheld_note(count: int) -> str:
    """The per-person line that admits what the sheet leaves out."""
    if count <= 0:
        return ""
    if count == 1:
        return "1 item told in confidence is not printed — see Rapport"
    return f"{count} items told in confidence are not printed — see Rapport"


# --- selection --------------------------------------------------------------------------


def _visible(card: PersonCard, name: str) -> str:
    if name in card.confidential_fields:
        return ""
    return " ".join(str(getattr(card, name) or "").split())


def _withheld_fields(card: PersonCard) -> int:
    """Confidential fields that hold something (an empty secret is no item)."""
    count = 0
    for name in card.confidential_fields:
        if name == "full_name":  # a name is needed to print a block at all
            continue
        if getattr(card, name, None):
            count += 1
    return count


def _promise_lines(
    promises: Iterable[CommitmentView], owner: str, today: date
) -> tuple[tuple[PromiseLine, ...], int]:
    lines = [
        PromiseLine(shorten(p.description, LINE_CHARS), p.due, p.days_late(today))
        for p in promises
        if p.owner == owner and p.status == "open"
    ]
    lines.sort(key=lambda p: (-p.days_late, p.due is None, p.due or date.max, p.text.casefold()))
    return tuple(lines[:MAX_PROMISES]), max(0, len(lines) - MAX_PROMISES)


def _last_talk(conversation: ConversationView) -> LastTalk:
    when = conversation.happened_at.date() if conversation.happened_at else None
    where = conversation.event_title or conversation.place or conversation.kind.replace("_", " ")
    text = conversation.notes
    if conversation.title:
        text = f"{conversation.title}. {text}" if text else conversation.title
    return LastTalk(when, where, end_on_sentence(text, SUMMARY_CHARS))


def _topics(conversations: Sequence[ConversationView]) -> str:
    topics: list[str] = []
    for conversation in conversations[:TOPIC_CONVERSATIONS]:
        for topic in (conversation.title, *conversation.tags):
            topic = " ".join(topic.split())
            if topic and topic.casefold() not in {t.casefold() for t in topics}:
                topics.append(topic)
    return ", ".join(topics[:MAX_TOPICS])


def _also_known(card: PersonCard) -> str:
    parts = []
    nickname = _visible(card, "nickname")
    if nickname and nickname.casefold() != card.first_name.casefold():
        parts.append(f"goes by “{nickname}”")
    pronunciation = _visible(card, "pronunciation")
    if pronunciation:
        parts.append(f"say {pronunciation}")
    pronouns = _visible(card, "pronouns")
    if pronouns:
        parts.append(pronouns)
    return " · ".join(parts)


def _how_we_know(card: PersonCard) -> str:
    parts = [circles.circle(card.circle).label]
    how = _visible(card, "how_we_met")
    if how:
        parts.append(shorten(how, LINE_CHARS))
    return " · ".join(parts)


def rank_warm_paths(candidates: Iterable[WarmPathCandidate]) -> tuple[WarmPath, ...]:
    """Who among my contacts could introduce me to someone I have not met yet.

    The heuristic, strongest evidence first:

    1. **A recorded introduction** that involves both of them (the contact introduced
       them to someone, was introduced to them, or introduced them to me): the contact
       certainly knows them.
    2. **The same organization** (compared case- and space-insensitively): colleagues
       usually know each other, or know who does.

    Within each kind, contacts closer to me come first (inner circle before
    acquaintances — asking a favour is easiest of those who know me best), then those I
    have talked with most. Contacts I have never talked with are left out: I cannot ask
    a stranger for an introduction. A person appears once, under their best reason.
    """
    order = {c.key: i for i, c in enumerate(circles.CIRCLES)}
    best: dict[str, WarmPathCandidate] = {}
    for candidate in candidates:
        if candidate.conversations <= 0:
            continue
        known = best.get(candidate.person_id)
        if known is None or (candidate.link == "introduction" and known.link != "introduction"):
            best[candidate.person_id] = candidate
    ranked = sorted(
        best.values(),
        key=lambda c: (
            c.link != "introduction",
            order.get(c.circle, len(order)),
            -c.conversations,
            c.name.casefold(),
        ),
    )
    paths = []
    for c in ranked[:MAX_WARM_PATHS]:
        if c.link == "introduction":
            reason = c.detail or "knows them (a recorded introduction)"
        else:
            reason = f"also at {c.detail}" if c.detail else "same organization"
        paths.append(WarmPath(c.person_id, c.name, reason))
    return tuple(paths)


def shape_person(source: BriefingSource, *, today: date) -> PersonBrief:
    """One person's block: chosen, shortened and with every confidence left out."""
    card = source.card
    shared = [c for c in source.conversations if not c.confidential]
    secret_ids = {c.id for c in source.conversations if c.confidential}
    promises = [p for p in source.promises if p.conversation_id not in secret_ids]
    withheld = len(secret_ids) + _withheld_fields(card) + (len(source.promises) - len(promises))
    i_owe, more_mine = _promise_lines(promises, "me", today)
    they_owe, more_theirs = _promise_lines(promises, "them", today)

    ask: list[tuple[str, str]] = []
    for name, label in ASK_FIELDS:
        text = _visible(card, name)
        if text:
            ask.append((label, shorten(text, LINE_CHARS)))
    topics = _topics(shared)
    if topics:
        ask.append(("Recent topics", shorten(topics, LINE_CHARS)))

    met = bool(source.conversations)
    attendance = source.attendance
    why = " ".join(attendance.why.split()) if attendance else ""
    photo = None if "photo" in card.confidential_fields else card.photo
    nickname = _visible(card, "nickname")
    why_line = why or _visible(card, "headline") or _how_we_know(card)
    return PersonBrief(
        person_id=card.id,
        name=card.full_name,
        initials=initials(card.full_name),
        photo=photo,
        also_known=_also_known(card),
        headline=shorten(_visible(card, "headline"), 80),
        organization=shorten(_visible(card, "organization"), 60),
        how_we_know=_how_we_know(card),
        introduced_by=tuple(
            i.introducer_name for i in card.introduced_by if i.introducer_id is not None
        ),
        trust_in_them=max(0, min(100, source.trust_in_them)),
        their_trust=max(0, min(100, source.their_trust)),
        focus=bool(attendance and attendance.focus),
        met=met,
        last_talk=_last_talk(shared[0]) if shared else None,
        i_owe=i_owe,
        they_owe=they_owe,
        more_i_owe=more_mine,
        more_they_owe=more_theirs,
        ask_about=tuple(ask),
        help_them=shorten(_visible(card, "help_them"), LINE_CHARS),
        why_meet=shorten(why, LINE_CHARS),
        warm_paths=() if met else rank_warm_paths(source.warm_paths),
        withheld=withheld,
        ask_line=source.ask_line,
        nickname=shorten(nickname, 40) if nickname.casefold() != card.first_name.casefold() else "",
        pronunciation=shorten(_visible(card, "pronunciation"), 50),
        pronouns=shorten(_visible(card, "pronouns"), 20),
        why_line=shorten(why_line, 70),
        dates_near=()
        if "dates" in card.confidential_fields
        else dates_near(source.dates, source.around or today, today=today),
    )


DATES_WINDOW = 14  # days either side of the event in which a birthday is worth a word


def dates_near(dates: Iterable[tuple[str, str]], around: date, *, today: date) -> tuple[str, ...]:
    """The dates that fall within two weeks of ``around`` (the event), said against it."""
    out: list[tuple[int, str]] = []
    reference = "the event" if around != today else "today"
    for label, day in dates:
        if normalise_day(day) is None:
            continue
        when = next_occurrence(day, around - timedelta(days=DATES_WINDOW))
        gap = (when - around).days
        if abs(gap) > DATES_WINDOW:
            continue
        if gap == 0:
            relation = f"on the day of {reference}" if reference == "the event" else "today"
        else:
            count = f"{abs(gap)} day{'s' if abs(gap) != 1 else ''}"
            relation = f"{count} {'after' if gap > 0 else 'before'} {reference}"
        year = day[:4] if not day.startswith("--") else ""
        turning = ""
        if year and label == "birthday" and when.year > int(year):
            turning = f", turns {when.year - int(year)}"
        text = f"{title_of(label)} {shown(day).rsplit(' ', 1)[0] if year else shown(day)}"
        out.append((gap, f"{text} — {relation}{turning}"))
    return tuple(text for _, text in sorted(out))
