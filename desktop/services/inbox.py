"""The inbox folder: notes written on a phone, read with the capture parser, saved or
dismissed here.

The user points Rapport at a folder that a sync tool (Syncthing, Nextcloud, Dropbox,
iCloud Drive, OneDrive) keeps in step with their phone. Every ``.txt`` or ``.md`` file
in it is a note to review; once saved or dismissed it is MOVED into ``done/`` inside the
folder (never deleted: the file is the user's, and a sync tool shows a deletion on the
phone as data loss), with " (2)" and so on added when the name is taken.

Never read twice: what was seen is remembered in the local draft table (not synced: a
file path means nothing on another laptop) by name, size and modification time, with
its text; a file that has not changed is not opened again, and one whose note was saved
stays "done" even if a sync tool puts the original back. The file's modification time is
the note's default "when" (written on the phone after the meeting, synced minutes later).

No Qt here: the window (``desktop.ui.capture.inbox``) watches the folder and calls these;
``rapport inbox`` (``desktop.commands.inbox``) does the same from a terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.services import drafts
from desktop.services.store import operation

SUFFIXES = (".txt", ".md")
DONE = "done"
SEEN_KEY = "inbox-seen"  # the draft row that remembers what was seen
MAX_BYTES = 1_000_000  # a note, not a book: larger files are listed but not read
MAX_REMEMBERED = 5_000  # "done" entries kept; the oldest are forgotten first


@dataclass(frozen=True, slots=True)
class InboxNote:
    """One note file waiting in the inbox."""

    name: str  # the file's name in the folder (its identity, with size and mtime)
    path: Path
    size: int
    modified: datetime  # the note's default "when"
    text: str
    problem: str = ""  # why it cannot be read ("" when it could)

    @property
    def identity(self) -> str:
        return seen_key(self.name, self.size, self.modified)


@dataclass(frozen=True, slots=True)
class Review:
    """What saving a note would do, and what stops ``--save-all`` from saving it."""

    note: InboxNote
    plan: Any  # CapturePlan
    parse: Any  # CaptureParse
    reasons: tuple[str, ...] = field(default=())

    @property
    def ready(self) -> bool:
        """At least one person and nothing unsure: saved as it is by ``--save-all``."""
        return not self.reasons


def seen_key(name: str, size: int, modified: datetime) -> str:
    return f"{name}\x1f{size}\x1f{modified.isoformat()}"


def is_note_file(path: Path) -> bool:
    """A note: .txt/.md, not hidden, not a sync tool's temporary or conflict copy in
    the making ("~", ".tmp", ".part", Syncthing's ".syncthing.*")."""
    name = path.name
    if name.startswith((".", "~")) or name.endswith(("~", ".tmp", ".part")):
        return False
    return path.suffix.lower() in SUFFIXES and path.is_file()


# ------------------------------------------------------------------------ listing


def list_notes(folder: Path) -> list[InboxNote]:
    """The notes waiting in ``folder``, oldest first; ``done/`` and non-notes ignored.

    A file whose name, size and time were seen before is not read again (its text comes
    from the remembered copy); one already saved or dismissed is not listed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"the inbox folder {folder} does not exist")
    seen = _seen()
    files: dict[str, dict[str, Any]] = seen.setdefault("files", {})
    notes: list[InboxNote] = []
    changed = False
    for path in sorted(folder.iterdir()):
        if not is_note_file(path):
            continue
        try:
            stat = path.stat()
        except OSError:
            continue  # gone between listing and looking: the next scan sees it
        modified = datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
        key = seen_key(path.name, stat.st_size, modified)
        entry = files.get(key)
        if entry is not None and entry.get("state") == "done":
            continue
        if entry is None:
            text, problem = _read(path, stat.st_size)
            entry = files[key] = {"state": "new", "text": text, "problem": problem}
            changed = True
        notes.append(
            InboxNote(
                path.name,
                path,
                stat.st_size,
                modified,
                str(entry.get("text") or ""),
                str(entry.get("problem") or ""),
            )
        )
    live = {n.identity for n in notes}
    for key in [k for k, v in files.items() if v.get("state") == "new" and k not in live]:
        del files[key]  # replaced or removed: nothing to remember about it
        changed = True
    if changed:
        _remember(seen)
    notes.sort(key=lambda n: (n.modified, n.name))
    return notes


def _read(path: Path, size: int) -> tuple[str, str]:
    """The note's text (UTF-8, a BOM allowed), or why it cannot be read."""
    if size > MAX_BYTES:
        return "", f"too large for a note ({size:,} bytes); open it and copy what matters"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", f"cannot be read: {exc.strerror or exc}"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        # A phone's notes app writes UTF-8; anything else is shown, never refused.
        return data.decode("cp1252", errors="replace"), ""


# ------------------------------------------------------------------------ reviewing


def review(note: InboxNote, *, names: Any = None) -> Review:
    """Plan the note as the capture window would, "when" being the file's time."""
    from desktop.services import capture

    parse, plan = capture.prepare_note(note.text, now=note.modified, names=names)
    return Review(note, plan, parse, tuple(_reasons(note, plan)))


def review_all(folder: Path) -> list[Review]:
    from desktop.services import capture

    names = capture.known_names()
    return [review(note, names=names) for note in list_notes(folder)]


def _reasons(note: InboxNote, plan: Any) -> Iterable[str]:
    """What a person must look at before this note is saved (empty: nothing)."""
    if note.problem:
        yield note.problem
        return
    if not note.text.strip():
        yield "the note is empty"
        return
    from desktop.services import capture

    if capture.needs_person(plan):
        yield "who was this with? nobody is named"
    for problem in plan.problems:
        if problem.code != "no_person":
            yield problem.message
    for person in plan.people:
        if person.state == "pending":
            yield f"{person.name!r} has not been looked up"
        elif person.is_new and person.candidates:
            names = ", ".join(c.name for c in person.candidates[:3])
            yield f"{person.name!r}: a new person, or one of {names}?"


# ------------------------------------------------------------------------ finishing


def save_note(note: InboxNote, plan: Any, *, clear_draft: str | None = None) -> Any:
    """Save the note's plan and move its file to ``done/``. The save and the memory that
    the note is done are one transaction: a crash before the move never saves it twice."""
    result = _save_and_remember(note, plan, clear_draft)
    move_to_done(note.path)
    return result


@operation
def _save_and_remember(note: InboxNote, plan: Any, clear_draft: str | None) -> Any:
    from desktop.services import capture

    result = capture.save_capture(plan, clear_draft=clear_draft)
    _mark_done([note])
    return result


def save_ready(folder: Path) -> tuple[list[Review], list[Review]]:
    """Save every note that needs no correction; returns (saved, left for the user)."""
    saved: list[Review] = []
    left: list[Review] = []
    for item in review_all(folder):
        if item.ready:
            save_note(item.note, item.plan)
            saved.append(item)
        else:
            left.append(item)
    return saved, left


def dismiss(note: InboxNote) -> Path:
    """Not worth saving: the file goes to ``done/`` (kept, never deleted)."""
    _mark_done([note])
    return move_to_done(note.path)


def move_to_done(path: Path) -> Path:
    """Move ``path`` into ``done/`` beside it, never replacing a file already there."""
    done = path.parent / DONE
    done.mkdir(exist_ok=True)
    target = done / path.name
    number = 2
    while target.exists():
        target = done / f"{path.stem} ({number}){path.suffix}"
        number += 1
    if not path.exists():
        return target  # moved already (by us, or the user): nothing to do
    try:
        os.link(path, target)  # fails rather than overwrite a file that appeared meanwhile
        path.unlink()
    except OSError:
        if target.exists():
            raise
        path.rename(target)  # a file system without hard links (FAT on a stick)
    return target


# ------------------------------------------------------------------------ memory


def _seen() -> dict[str, Any]:
    return dict(drafts.load(SEEN_KEY) or {})


def _remember(seen: dict[str, Any]) -> None:
    files = seen.get("files", {})
    done = [k for k, v in files.items() if v.get("state") == "done"]
    for key in done[: max(0, len(done) - MAX_REMEMBERED)]:
        del files[key]
    drafts.save(SEEN_KEY, seen)


def _mark_done(notes: Iterable[InboxNote]) -> None:
    seen = _seen()
    files = seen.setdefault("files", {})
    for note in notes:
        files.pop(note.identity, None)
        files[note.identity] = {"state": "done"}  # the text is saved or dismissed: forget it
    _remember(seen)
