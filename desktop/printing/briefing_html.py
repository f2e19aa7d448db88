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
    withheld_note,
)
from desktop.domain.trust import first_name, level_label

__all__ = [
    "FONT_FAMILY",
    "LAST_MARK",
    "STYLESHEET",
    "footer_text",
    "format_day",
    "format_when",
    "header_html",
    "person_html",
    "photo_url",
    "sheet_html",
]

#: Sans-serif faces present on each OS; Qt falls back per glyph for other scripts.
FONT_FAMILY = "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
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


def _promises(brief: PersonBrief, today: date) -> str:
    if not (brief.i_owe or brief.they_owe):
        return ""
    first = _e(first_name(brief.name))
    parts = ["<p class='label'>OPEN PROMISES</p>"]
    for heading, lines, more in (
        (f"You owe {first}:", brief.i_owe, brief.more_i_owe),
        (f"{first} owes you:", brief.they_owe, brief.more_they_owe),
    ):
        if not lines:
            continue
        parts.append(f"<p><i>{heading}</i></p>")
        parts.extend(_promise(line, today) for line in lines)
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
