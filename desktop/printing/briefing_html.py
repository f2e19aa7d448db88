"""The briefing sheet as HTML for QTextDocument: pure text in, pure text out.

QTextDocument understands a subset of HTML 4 and CSS 2 — tables, but no flexbox, no
floats, no ``page-break-inside``. So the layout is built from tables, and the sheet is
cut into separate documents: one header and one block per person. The print layer
(:mod:`desktop.printing.printer`) measures each block and places it whole on a page;
nothing here knows about pages.

Black and white on purpose: most sheets come out of an office laser printer. Meaning is
carried by words, bold and shapes (a checkbox per promise, "LATE" in capitals, bars
with numbers) rather than by colour. Every string from the user is escaped.

No Qt here, so tests can read the HTML without a display.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from html import escape

from desktop.domain.briefing import (
    BriefingSheet,
    LastTalk,
    PersonBrief,
    PromiseLine,
    shorten,
    withheld_note,
)
from desktop.domain.briefing_text import promise_for_reader
from desktop.domain.display_names import first_name
from desktop.domain.trust import level_label

__all__ = [
    "FONT_FAMILY",
    "LAST_MARK",
    "STYLESHEET",
    "WHO_ROWS",
    "footer_text",
    "format_day",
    "format_when",
    "header_html",
    "person_compact_html",
    "person_html",
    "photo_url",
    "sheet_html",
    "whos_who_blocks",
    "whos_who_html",
]

#: The bundled Noto Sans faces (desktop/printing/fonts.py), one per script, then common
#: system faces: Qt falls back per glyph along this list, so every name prints whole.
FONT_FAMILY = (
    "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Devanagari', "
    "'Noto Sans Thai', 'Noto Sans CJK SC', 'Noto Sans Symbols2', 'Noto Sans Math', "
    "'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
)
#: Every person block ends with "Notes on Ana: ____" (a place to write by hand at the
#: event); tests pair it with the name to prove a block was never split across pages.
LAST_MARK = "Notes on"
#: Width of a trust bar, in CSS pixels (scaled to the printer by Qt).
BAR_WIDTH = 84
PHOTO_SIZE = 52
TRUST_WIDTH = 230

STYLESHEET = f"""
body {{ font-family: {FONT_FAMILY}; font-size: 8.5pt; color: #000000; }}
p {{ margin-top: 0px; margin-bottom: 1px; }}
td {{ vertical-align: top; }}
.title {{ font-size: 15pt; font-weight: bold; margin-bottom: 2px; }}
.when {{ font-size: 9pt; margin-bottom: 2px; }}
.goals {{ font-size: 9pt; margin-top: 3px; }}
.advice {{ font-size: 8pt; font-style: italic; margin-top: 3px; }}
.name {{ font-size: 11pt; font-weight: bold; }}
.aka {{ font-size: 8pt; font-weight: normal; font-style: italic; }}
.focus {{ font-size: 7pt; font-weight: bold; }}
.sub {{ font-size: 8.5pt; }}
.how {{ font-size: 8pt; color: #333333; }}
.label {{ font-size: 7pt; font-weight: bold; color: #333333; margin-top: 3px; }}
.trust {{ font-size: 7pt; }}
.barcell {{ font-size: 3pt; }}
.initials {{ font-size: 15pt; font-weight: bold; white-space: nowrap; }}
.late {{ font-weight: bold; }}
.quiet {{ color: #444444; }}
.withheld {{ font-size: 7pt; font-style: italic; margin-top: 2px; }}
.notes {{ font-size: 7pt; color: #444444; margin-top: 3px; }}
.who {{ font-size: 7.5pt; }}
.whohead {{ font-size: 6.5pt; font-weight: bold; color: #333333; }}
.small-initials {{ font-size: 6.5pt; font-weight: bold; }}
.cname {{ font-size: 9.5pt; font-weight: bold; }}
.compact {{ font-size: 7.5pt; }}
"""


# --- formatting ----------------------------------------------------------------------------


def format_day(day: date | None) -> str:
    """ "Wed 3 Dec 2025": unambiguous on both sides of the Atlantic."""
    if day is None:
        return "undated"
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_when(starts: datetime | None, ends: datetime | None) -> str:
    """An event's date and time span, as short as it can be while staying exact."""
    if starts is None:
        return ""
    text = f"{format_day(starts.date())}, {starts:%H:%M}"
    if ends is None:
        return text
    if ends.date() == starts.date():
        return f"{text}–{ends:%H:%M}"
    return f"{text} – {format_day(ends.date())}, {ends:%H:%M}"


def _short_day(day: date, today: date) -> str:
    return f"{day.day} {day:%b}" if day.year == today.year else f"{day.day} {day:%b %Y}"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _document(body: str) -> str:
    return (
        "<html><head><meta charset='utf-8'>"
        f"<style>{STYLESHEET}</style></head><body>{body}</body></html>"
    )


def photo_url(person_id: str) -> str:
    """The resource name under which the print layer registers a person's photo."""
    return f"rapport-photo:{person_id}"


# --- the header ------------------------------------------------------------------------------


def header_html(sheet: BriefingSheet) -> str:
    """Event title, date, place and the user's goals, plus a count and any gentle note."""
    parts = [f"<p class='title'>{_e(sheet.title)}</p>"]
    when = format_when(sheet.starts_at, sheet.ends_at)
    line = " · ".join(_e(x) for x in (when, sheet.place) if x)
    if line:
        parts.append(f"<p class='when'>{line}</p>")
    if sheet.goals.strip():
        parts.append(f"<p class='goals'><b>Your goals:</b> {_e(' '.join(sheet.goals.split()))}</p>")
    focus = sum(1 for p in sheet.people if p.focus)
    count = len(sheet.people)
    summary = f"{count} {'person' if count == 1 else 'people'}"
    if focus:
        summary += f", {focus} in focus (listed first)"
    parts.append(f"<p class='how'>{summary}</p>")
    if sheet.note:
        parts.append(f"<p class='advice'>{_e(sheet.note)}</p>")
    return _document("".join(parts))


def footer_text(sheet: BriefingSheet, page: int, pages: int) -> str:
    """The line at the foot of every page: what, when printed, and where in the stack."""
    return (
        f"{sheet.title} — Rapport briefing, printed {format_day(sheet.printed_on)}"
        f" — page {page} of {pages}"
    )


# --- one person ---------------------------------------------------------------------------------


def _bar(score: int) -> str:
    """A printed bar: a black-outlined box filled in dark grey in proportion to the score.

    Cells get widths in pixels and a non-breaking space at a tiny size: QTextDocument
    ignores percentage widths of empty cells in a shrink-to-fit table.
    """
    filled = round(BAR_WIDTH * max(0, min(100, score)) / 100)
    cells = []
    if filled:
        cells.append(f"<td width='{filled}' bgcolor='#303030' class='barcell'>&nbsp;</td>")
    if filled < BAR_WIDTH:
        cells.append(f"<td width='{BAR_WIDTH - filled}' class='barcell'>&nbsp;</td>")
    return (
        f"<table width='{BAR_WIDTH}' cellspacing='0' cellpadding='0' border='1' "
        "style='border-style: solid; border-color: #000000; border-collapse: collapse;'>"
        f"<tr>{''.join(cells)}</tr></table>"
    )


def _trust(brief: PersonBrief) -> str:
    """Both directions, each as words, a number, a bar and the level's name."""
    first = _e(first_name(brief.name))
    rows = [
        f"<tr><td class='trust'>{label}&nbsp;</td>"
        f"<td class='trust' align='right'><b>{score}</b>&nbsp;</td>"
        f"<td width='{BAR_WIDTH}' style='padding-top: 2px'>{_bar(score)}</td>"
        f"<td class='trust quiet'>&nbsp;{level_label(score)}</td></tr>"
        for label, score in (
            (f"You → {first}", brief.trust_in_them),
            (f"{first} → you", brief.their_trust),
        )
    ]
    return f"<table cellspacing='0' cellpadding='0'>{''.join(rows)}</table>"


def _portrait(brief: PersonBrief) -> str:
    if brief.photo:
        return (
            f"<img src='{_e(photo_url(brief.person_id))}' width='{PHOTO_SIZE}' "
            f"height='{PHOTO_SIZE}'>"
        )
    return (
        f"<table border='1' cellspacing='0' cellpadding='9' width='{PHOTO_SIZE}' "
        "style='border-style: solid; border-color: #000000; border-collapse: collapse;'>"
        f"<tr><td align='center' class='initials'>{_e(brief.initials)}</td></tr></table>"
    )


def _promise(line: PromiseLine, today: date) -> str:
    text = f"☐ {_e(line.text)}"
    if line.due is not None:
        text += f" <span class='quiet'>(due {_short_day(line.due, today)})</span>"
    if line.late:
        days = line.days_late
        text += f" <span class='late'>LATE&nbsp;{days}&nbsp;day{'s' if days != 1 else ''}</span>"
    return f"<p>{text}</p>"


def _worded(brief: PersonBrief, owner: str, line: PromiseLine) -> PromiseLine:
    """``line`` as the reader says it ("send her the deck", "return your book")."""
    _who, text = promise_for_reader(
        owner, line.text, first=first_name(brief.name), full_name=brief.name,
        pronouns=brief.pronouns,
    )  # fmt: skip
    return PromiseLine(text, line.due, line.days_late)


def _promises(brief: PersonBrief, today: date) -> str:
    if not (brief.i_owe or brief.they_owe):
        return ""
    first = _e(first_name(brief.name))
    parts = ["<p class='label'>OPEN PROMISES</p>"]
    for owner, heading, lines, more in (
        ("me", f"You owe {first}:", brief.i_owe, brief.more_i_owe),
        ("them", f"{first} owes you:", brief.they_owe, brief.more_they_owe),
    ):
        if not lines:
            continue
        parts.append(f"<p><i>{heading}</i></p>")
        parts.extend(_promise(_worded(brief, owner, line), today) for line in lines)
        if more:
            parts.append(f"<p class='quiet'>… and {more} more in Rapport</p>")
    return "".join(parts)


def _last_talk(talk: LastTalk | None) -> str:
    if talk is None:  # not met yet, or every conversation was told in confidence
        return ""
    where = f" · {_e(talk.where)}" if talk.where else ""
    summary = f" — {_e(talk.summary)}" if talk.summary else ""
    return f"<p class='label'>LAST TALKED</p><p><b>{format_day(talk.when)}</b>{where}{summary}</p>"


def _section(label: str, body: str) -> str:
    return f"<p class='label'>{label}</p><p>{body}</p>" if body else ""


def _names(items: Iterable[str]) -> str:
    return ", ".join(_e(x) for x in items)


def person_html(brief: PersonBrief, *, today: date) -> str:
    """One person's block: identity and trust on top, then two columns of what matters."""
    aka = f" <span class='aka'>{_e(brief.also_known)}</span>" if brief.also_known else ""
    focus = " <span class='focus'>&nbsp;★ FOCUS</span>" if brief.focus else ""
    identity = [f"<p class='name'>{_e(brief.name)}{aka}{focus}</p>"]
    work = " · ".join(_e(x) for x in (brief.headline, brief.organization) if x)
    if work:
        identity.append(f"<p class='sub'>{work}</p>")
    how = brief.how_we_know
    if brief.introduced_by:
        how += " · introduced by " + ", ".join(brief.introduced_by)
    identity.append(f"<p class='how'>{_e(how)}</p>")
    identity.append(f"<p class='how'>{_e(brief.ask_line)}</p>" if brief.ask_line else "")

    left = []
    if not brief.met:
        left.append("<p class='label'>NOT MET YET</p>")
    left.append(_section("WHY MEET", _e(brief.why_meet)))
    left.extend((_last_talk(brief.last_talk), _promises(brief, today)))
    if brief.warm_paths:
        who = "; ".join(f"<b>{_e(w.name)}</b> ({_e(w.reason)})" for w in brief.warm_paths)
        left.append(_section("WHO COULD INTRODUCE YOU", who))
    right = []
    if brief.ask_about:
        right.append("<p class='label'>ASK ABOUT</p>")
        right.extend(f"<p><i>{_e(label)}:</i> {_e(text)}</p>" for label, text in brief.ask_about)
    right.append(_section("HOW YOU CAN HELP", _e(brief.help_them)))
    if brief.dates_near:
        right.append(_section("DATES", "<br>".join(_e(d) for d in brief.dates_near)))

    secret = withheld_note(brief.withheld)
    tail = f"<p class='withheld'>{_e(secret)}</p>" if secret else ""
    tail += f"<p class='notes'>{LAST_MARK} {_e(first_name(brief.name))}: {'_' * 90}</p>"
    indent = f"<td width='{PHOTO_SIZE + 8}'></td>"
    body = (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td width='{PHOTO_SIZE}'>{_portrait(brief)}</td>"
        f"<td style='padding-left: 8px'>{''.join(identity)}</td>"
        f"<td width='{TRUST_WIDTH}' align='right'>{_trust(brief)}</td>"
        "</tr></table>"
        "<table width='100%' cellspacing='0' cellpadding='0'>"
        f"<tr>{indent}"
        f"<td width='50%' style='padding-right: 12px'>{''.join(left)}</td>"
        f"<td width='50%'>{''.join(right)}</td></tr>"
        f"<tr>{indent}<td colspan='2'>{tail}</td></tr>"
        "</table>"
    )
    return _document(body)


def sheet_html(sheet: BriefingSheet) -> str:
    """The whole sheet as one document (for a quick look or an HTML export; not paginated)."""
    blocks = [header_html(sheet)]
    blocks.extend(person_html(p, today=sheet.printed_on) for p in sheet.people)
    bodies = [b.split("<body>", 1)[1].rsplit("</body>", 1)[0] for b in blocks]
    return _document("<hr>".join(bodies))


# --- page 1: who's who ----------------------------------------------------------------------

#: Rows per who's-who block: the print layer places blocks whole, so a long guest list
#: breaks between rows, never through one.
WHO_ROWS = 6
WHO_PHOTO = 22
#: Column widths (percent) shared by every who's-who block, so the columns line up.
WHO_COLUMNS = (25, 17, 8, 18, 32)


def _mini_portrait(brief: PersonBrief) -> str:
    if brief.photo:
        return (
            f"<img src='{_e(photo_url(brief.person_id))}' width='{WHO_PHOTO}' height='{WHO_PHOTO}'>"
        )
    return (
        f"<table border='1' cellspacing='0' cellpadding='1' width='{WHO_PHOTO}' "
        "style='border-style: solid; border-color: #000000; border-collapse: collapse;'>"
        f"<tr><td align='center' class='small-initials' style='white-space: nowrap'>"
        f"{_e(brief.initials)}</td></tr></table>"
    )


def whos_who_html(people: tuple[PersonBrief, ...], *, first: bool) -> str:
    """A table of guests: portrait, name (and nickname), how to say it, pronouns,
    organization and one line of why — page 1 of the sheet, focus people first."""
    rows = []
    if first:
        labels = ("WHO'S WHO", "SAY IT", "PRONOUNS", "ORGANIZATION", "WHY MEET")
        rows.append(
            f"<tr><td width='{WHO_PHOTO + 6}'></td>"
            + "".join(
                f"<td width='{w}%' class='whohead'>{label}</td>"
                for label, w in zip(labels, WHO_COLUMNS, strict=True)
            )
            + "</tr>"
        )
    for p in people:
        star = "★ " if p.focus else ""
        nick = f" <i>“{_e(p.nickname)}”</i>" if p.nickname else ""
        # One line per guest wherever it can be: a whole event fits on page 1.
        cells = (
            f"<b>{star}{_e(p.name)}</b>{nick}",
            _e(shorten(p.pronunciation, 30)),
            _e(p.pronouns),
            _e(shorten(p.organization, 26)),
            _e(shorten(p.why_line, 44)),
        )
        rows.append(
            f"<tr><td width='{WHO_PHOTO + 6}'>{_mini_portrait(p)}</td>"
            + "".join(
                f"<td width='{w}%' class='who'>{cell}</td>"
                for cell, w in zip(cells, WHO_COLUMNS, strict=True)
            )
            + "</tr>"
        )
    return _document(
        "<table width='100%' cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>"
    )


def whos_who_blocks(sheet: BriefingSheet) -> list[str]:
    """The who's who cut into blocks of :data:`WHO_ROWS` guests."""
    people = sheet.people
    return [
        whos_who_html(people[i : i + WHO_ROWS], first=i == 0)
        for i in range(0, len(people), WHO_ROWS)
    ]


# --- compact blocks (the default): six or more people per page --------------------------------


def _compact_promises(brief: PersonBrief, today: date) -> str:
    parts = []
    first = _e(first_name(brief.name))
    for owner, lines, more in (
        ("me", brief.i_owe, brief.more_i_owe),
        ("them", brief.they_owe, brief.more_they_owe),
    ):
        for line in lines[:2]:
            worded = _worded(brief, owner, line)
            who = f"You owe {first}" if owner == "me" else f"{first} owes you"
            text = f"☐ <i>{who}:</i> {_e(worded.text)}"
            if line.due is not None:
                text += f" <span class='quiet'>(due {_short_day(line.due, today)})</span>"
            if line.late:
                days = line.days_late
                plural = "s" if days != 1 else ""
                text += f" <span class='late'>LATE&nbsp;{days}&nbsp;day{plural}</span>"
            parts.append(f"<p>{text}</p>")
        extra = more + max(0, len(lines) - 2)
        if extra:
            parts.append(f"<p class='quiet'>… and {extra} more in Rapport</p>")
    return "".join(parts)


def person_compact_html(brief: PersonBrief, *, today: date) -> str:
    """One person in a few lines: who, trust both ways, then three short columns."""
    first = _e(first_name(brief.name))
    aka_parts = [f"“{_e(brief.nickname)}”" if brief.nickname else ""]
    if brief.pronunciation:
        aka_parts.append(f"say {_e(brief.pronunciation)}")
    aka_parts.append(_e(brief.pronouns))
    aka = " · ".join(x for x in aka_parts if x)
    aka = f" <span class='aka'>{aka}</span>" if aka else ""
    focus = " <span class='focus'>&nbsp;★ FOCUS</span>" if brief.focus else ""
    trust = (
        f"You → {first} <b>{brief.trust_in_them}</b> {level_label(brief.trust_in_them)} · "
        f"{first} → you <b>{brief.their_trust}</b> {level_label(brief.their_trust)}"
    )
    work = " · ".join(_e(x) for x in (brief.headline, brief.organization) if x)
    how = brief.how_we_know
    if brief.introduced_by:
        how += " · introduced by " + ", ".join(brief.introduced_by)
    sub = " · ".join(x for x in (work, _e(how)) if x)

    left = []
    if not brief.met:
        left.append("<p class='label'>NOT MET YET</p>")
    if brief.why_meet:
        left.append(f"<p><b>Why:</b> {_e(brief.why_meet)}</p>")
    talk = brief.last_talk
    if talk is not None:
        where = f" · {_e(talk.where)}" if talk.where else ""
        summary = f" — {_e(talk.summary)}" if talk.summary else ""
        left.append(f"<p><b>Last: {format_day(talk.when)}</b>{where}{summary}</p>")
    if brief.warm_paths:
        who = "; ".join(f"{_e(w.name)} ({_e(w.reason)})" for w in brief.warm_paths)
        left.append(f"<p><b>Intro via:</b> {who}</p>")
    if brief.ask_line:  # "Ask Ben, who knows her": the warmest way in to this guest
        left.append(f"<p><b>{_e(brief.ask_line)}</b></p>")
    middle = _compact_promises(brief, today)
    right = []
    if brief.ask_about:
        asks = "; ".join(f"<i>{_e(label)}:</i> {_e(text)}" for label, text in brief.ask_about[:3])
        right.append(f"<p><b>Ask about:</b> {asks}</p>")
    if brief.help_them:
        right.append(f"<p><b>You can help:</b> {_e(brief.help_them)}</p>")
    if brief.dates_near:  # a birthday or another date within two weeks of the event
        right.append(f"<p><b>Dates:</b> {'; '.join(_e(d) for d in brief.dates_near)}</p>")
    secret = withheld_note(brief.withheld)
    tail = f"<span class='withheld'>{_e(secret)}</span> " if secret else ""
    tail += f"{LAST_MARK} {first}: {'_' * 70}"
    body = (
        "<table width='100%' cellspacing='0' cellpadding='0' class='compact'><tr>"
        f"<td><span class='cname'>{_e(brief.name)}</span>{aka}{focus}</td>"
        f"<td align='right' class='trust'>{trust}</td></tr>"
        f"<tr><td colspan='2' class='how'>{sub}</td></tr></table>"
        "<table width='100%' cellspacing='0' cellpadding='0' class='compact'><tr>"
        f"<td width='36%' style='padding-right: 8px'>{''.join(left)}</td>"
        f"<td width='32%' style='padding-right: 8px'>{middle}</td>"
        f"<td width='32%'>{''.join(right)}</td></tr>"
        f"<tr><td colspan='3' class='notes'>{tail}</td></tr></table>"
    )
    return _document(body)
