"""Markdown export: a folder with one file per person (card and timeline) and an index.

Plain text that outlives any app: readable in a text editor, renderable by any Markdown
viewer, greppable. Confidential conversations and fields are left out unless asked for
(the timeline's entries carry the conversation's confidentiality).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from desktop.services.exporting.common import ExportPerson

FIELD_LABELS = (
    ("nickname", "Nickname"),
    ("pronunciation", "Pronunciation"),
    ("pronouns", "Pronouns"),
    ("headline", "Headline"),
    ("organization", "Organization"),
    ("location", "Location"),
    ("how_we_met", "How we met"),
    ("circle", "Circle"),
    ("cadence_days", "Keep in touch every (days)"),
    ("interests", "Interests"),
    ("family", "Family"),
    ("working_on", "Working on"),
    ("help_them", "How I can help"),
    ("help_me", "How they can help"),
)
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def inline(text: str) -> str:
    """Text safe inside a Markdown line or table cell."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def block(text: str) -> str:
    """Multi-line text as Markdown paragraphs (special characters escaped)."""
    return "\n".join(_SPECIAL.sub(r"\\\1", line) for line in str(text).splitlines())


def file_name(person: ExportPerson) -> str:
    folded = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60]
    return f"{slug or 'person'}-{person.id.replace('-', '')[-8:]}.md"


def person_page(person: ExportPerson, include_confidential: bool) -> str:
    from desktop.services.timeline import timeline_of

    f = person.fields
    out = [f"# {inline(person.name)}", ""]
    rows = [(label, f.get(name)) for name, label in FIELD_LABELS if f.get(name) not in (None, "")]
    if rows:
        out += ["| | |", "|---|---|"]
        out += [f"| {label} | {inline(str(value))} |" for label, value in rows]
        out.append("")
    if person.tags:
        out += ["Tags: " + ", ".join(f"`{t.replace('`', '')}`" for t in person.tags), ""]
    if person.contacts:
        out += ["## Contact", ""]
        for kind, label, value in person.contacts:
            shown = f"{kind} ({label})" if label else kind
            out.append(f"- {inline(shown)}: {inline(value)}")
        out.append("")
    if person.dates:
        from desktop.domain.dates import normalise_day, shown, title_of

        out += ["## Dates", ""]
        for label, day in person.dates:
            text = shown(day) if normalise_day(day) else day
            out.append(f"- {inline(title_of(label))}: {inline(text)}")
        out.append("")
    if f.get("about"):
        out += ["## About", "", block(str(f["about"])), ""]
    entries = [e for e in timeline_of(person.id) if include_confidential or not e.confidential]
    if entries:
        out += ["## Timeline", ""]
        month = ""
        for entry in entries:
            label = entry.when.strftime("%B %Y") if entry.when.year > 1 else "Undated"
            if label != month:
                out += ["", f"### {label}", ""]
                month = label
            day = entry.when.strftime("%Y-%m-%d") if entry.when.year > 1 else ""
            flag = " *(in confidence)*" if entry.confidential else ""
            out.append(f"- **{day}** {inline(entry.title)}{flag}".replace("**** ", ""))
            if entry.detail:
                out += ["  " + line for line in block(entry.detail).splitlines()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_folder(
    people: list[ExportPerson],
    folder: Path,
    *,
    include_confidential: bool,
    progress: Callable[[str, int, int], None] | None = None,
) -> int:
    """Write ``index.md`` and one page per person into ``folder``; returns files written."""
    report = progress or (lambda stage, done, total: None)
    folder.mkdir(parents=True, exist_ok=True)
    index = ["# People", ""]
    for number, person in enumerate(people, 1):
        name = file_name(person)
        (folder / name).write_text(person_page(person, include_confidential), encoding="utf-8")
        where = person.fields.get("organization")
        index.append(
            f"- [{inline(person.name)}]({name})" + (f" — {inline(where)}" if where else "")
        )
        if number % 100 == 0:
            report("writing", number, len(people))
    (folder / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    report("writing", len(people), len(people))
    return len(people) + 1
