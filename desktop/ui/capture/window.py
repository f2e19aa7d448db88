"""The quick-capture window: notes right after meeting someone, never a word lost.

Keyboard-first: type the note, glance at the preview, Ctrl+Enter. The note is read as it
is typed (debounced) and the preview shows what will be saved — people, promises both
ways with their due dates, introductions, tags — each guess correctable in place. Only
the draft is written while typing (at most ~0.3 s behind, durably, and every change of
the notes is appended to a journal at once, see :mod:`desktop.services.drafts`);
Ctrl+Enter saves everything in one transaction; Esc hides the window and keeps the draft.

Start-up matters (``rapport capture`` is bound to a global shortcut), so this module
imports Qt and the form only. The parser, the services (Peewee), the name list and
today's events load after the window is on screen; :meth:`attach_store` is the switch.

Public contract (automation and the main window rely on it): objectNames
``captureWindow``, ``captureWho``, ``captureNotes``, ``capturePreview``, ``captureSave``;
``CaptureWindow(prefill=None, parent=None)``; :meth:`present`; :attr:`saved`.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.domain.capture.corrections import Corrections
from desktop.ui.capture import wording
from desktop.ui.capture.form import CaptureForm, paint_alert
from desktop.ui.capture.preview import PreviewPanel
from desktop.ui.kit import style

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from desktop.domain.capture.plan import Candidate, CapturePlan, NameMatch

DRAFT_KEY = "capture"
DRAFT_VERSION = 1
PARSE_DELAY_MS = 200  # debounce: re-read the note once typing pauses
DRAFT_DELAY_MS = 300  # throttle: the draft is never more than this behind the keyboard
CONFIRMATION_MS = 1600
UNDO_OFFER_MS = 8000  # no main window to undo from: the window stays to offer it


class CaptureWindow(QWidget):
    """The capture window. ``prefill`` (optional) starts it with people and an event:

    ``{"people": [{"id": "…", "name": "Ana Ruiz"}, {"name": "Ben Ode"}],
    "person_ids": ["…"], "event_id": "…", "notes": "…", "when": "yesterday evening"}``
    (every key optional). A draft is always restored first; prefilled people are added to
    it and the event is used only if the draft names no place.
    """

    saved = Signal(object)  # CaptureResult, after the commit
    hidden = Signal()  # Esc, the close button, or after a save's confirmation
    storeAttached = Signal()
    firstPainted = Signal()

    def __init__(
        self,
        prefill: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        store_ready: bool = True,
        restored: Mapping[str, Any] | None = None,
        clock: Callable[[], datetime] = datetime.now,
        draft_key: str = DRAFT_KEY,
    ) -> None:
        if isinstance(prefill, QWidget):  # CaptureWindow(main_window) reads naturally too
            prefill, parent = None, prefill
        super().__init__(parent)
        if parent is not None:  # its own window, kept above the main window
            from PySide6.QtCore import Qt

            self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("captureWindow")
        self.setWindowTitle(self.tr("Quick Capture — Rapport"))
        self.setAccessibleName(self.tr("Quick capture"))
        self._clock = clock
        self.draft_key = draft_key  # a note from the inbox folder has a draft of its own
        #: What an empty "when" means when not "now" (a phone note: its file's time).
        self.default_when: datetime | None = None
        #: Saves a plan (``capture.save_capture``'s signature); the inbox review swaps in
        #: one that also moves the note's file to done/.
        self.save_function: Callable[..., Any] | None = None
        self._started_at = clock().replace(second=0, microsecond=0)
        self.corrections = Corrections()
        self._matches: dict[str, NameMatch] = {}
        self._known: tuple[str, ...] = ()
        self._store_ready = False
        self._store_problem = ""
        self._tasks: Any = None
        self._bridge: Any = None
        self._painted = False
        self._dirty = False
        self._journal: Any = None
        self._prefilled: set[str] = set()  # who entries that came with a prefill, not typed
        #: The main window's undo stack: each save becomes one step on it. None (the
        #: stand-alone ``rapport capture``): the window itself offers to undo the last save.
        self.undo_stack: Any = None
        self._last_save: tuple[Any, dict[str, Any]] | None = None
        #: Promises and introductions added by hand in the preview (JSON, kept in the
        #: draft; see desktop.domain.capture_additions).
        self.added: list[dict[str, Any]] = []
        self.plan: CapturePlan | None = None
        self._build()
        self._parse_timer = QTimer(self, singleShot=True, interval=PARSE_DELAY_MS)
        self._parse_timer.timeout.connect(self.replan)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._hide_timer = QTimer(self, singleShot=True, interval=CONFIRMATION_MS)
        self._hide_timer.timeout.connect(self.hide_keeping_draft)
        if restored is None and store_ready:
            from desktop.services import drafts

            restored = drafts.load(draft_key)
        if restored:
            self.restore(restored)
        if store_ready:
            self.attach_store()
        if prefill:
            self.apply_prefill(prefill)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.form = CaptureForm()
        self.form.changed.connect(self._changed)
        self.who, self.notes = self.form.who, self.form.notes
        self.who.queryChanged.connect(self._suggest)
        self.who.personChosen.connect(self._chosen)
        self.preview = PreviewPanel(self.corrections)
        self.preview.corrected.connect(self._corrected)
        self.preview.dropPerson.connect(self._drop_person)
        self.preview.addRequested.connect(self._add_requested)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("captureSave")
        self.save_button.setAutoDefault(False)
        native = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(self.tr("Save everything (%1)").replace("%1", native))
        self.save_button.setAccessibleName(self.tr("Save the conversation"))
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self.tr("&Undo this save"))
        self.undo_button.setObjectName("captureUndo")
        self.undo_button.setAutoDefault(False)
        self.undo_button.setAccessibleName(self.tr("Undo the last save"))
        self.undo_button.clicked.connect(self.undo_last_save)
        self.undo_button.hide()
        self.status = QLabel()
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        hint = QLabel(self.tr("%1 saves · Esc closes, the draft is kept").replace("%1", native))
        hint.setObjectName("captureHint")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(style.SPACING, 0, 0, 0)
        title = QLabel(self.tr("What will be saved"))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        right_box.addWidget(title)
        right_box.addWidget(self.preview, 1)
        splitter = QSplitter()  # horizontal
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.form)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(hint)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        outer.setSpacing(style.SPACING)
        outer.addWidget(splitter, 1)
        outer.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        QShortcut(QKeySequence("Esc"), self, activated=self.hide_keeping_draft)
        self.resize(980, 640)
        splitter.setSizes([500, 480])
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Keyboard order: the form top to bottom, the preview's editors, then Save."""
        chain = [*self.form.focus_chain(), *self.preview.focus_chain(), self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ public API

    def present(self) -> None:
        """Show, raise and focus the notes: ready to type."""
        self._hide_timer.stop()
        if self._is_blank():
            # A fresh capture is "now": not when this (reused) window was first built.
            self._started_at = self._clock().replace(second=0, microsecond=0)
            if self._store_ready:
                self.replan()
        self.show()
        self.raise_()
        self.activateWindow()
        self.notes.setFocus()

    def apply_prefill(self, prefill: Mapping[str, Any]) -> None:
        """Add people (and an event, notes, when) without dropping anything typed."""
        self.forget_untouched_prefill()  # opened from someone else: not the last one too
        people = [dict(p) for p in prefill.get("people") or () if isinstance(p, Mapping)]
        ids = [str(i) for i in prefill.get("person_ids") or ()]
        if ids:
            from desktop.services import people as people_service

            names = people_service.display_names(ids)
            people += [{"id": pid, "name": names[pid]} for pid in ids if pid in names]
        for entry in people:
            name = " ".join(str(entry.get("name") or "").split())
            if not name:
                continue
            self.who.add_entry(name)
            self._prefilled.add(_key(name))
            if entry.get("id"):
                self.corrections.people[_key(name)] = {"choice": str(entry["id"]), "name": name}
        if prefill.get("event_id") and not self.form.where.currentText().strip():
            self.form.choose_event(str(prefill["event_id"]))
            if self._store_ready:
                self._load_events()
        notes = str(prefill.get("notes") or "")
        if notes and notes not in self.notes.toPlainText():
            existing = self.notes.toPlainText()
            self.notes.setPlainText(f"{existing}\n{notes}" if existing.strip() else notes)
        if prefill.get("when") and not self.form.when.text().strip():
            self.form.when.setText(str(prefill["when"]))
        self._changed()

    def forget_untouched_prefill(self) -> None:
        """Drop the people a prefill put in "who" while nothing was written about them:
        the next capture (opened from elsewhere) must not inherit the last person viewed.
        Once the notes say something, the prefill is part of the draft and stays."""
        if not self._prefilled or self.notes.toPlainText().strip():
            return
        kept = [n for n in self.who.entries() if _key(n) not in self._prefilled]
        for key in self._prefilled:
            self.corrections.people.pop(key, None)
        self._prefilled.clear()
        if kept != self.who.entries():
            self.who.set_entries(kept)
            self._changed()

    def attach_store(self) -> None:
        """The store is open: load names and today's events, start saving drafts."""
        if self._store_ready:
            return
        from desktop.services import capture
        from desktop.ui.kit.background import TaskManager
        from desktop.ui.kit.signals import StoreBridge

        self._store_ready = True
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # the draft is written before the end
        self._tasks = TaskManager(self)
        self._bridge = StoreBridge(self)
        self._bridge.changed.connect(self._store_changed)
        self._start_journal()
        self._tasks.run("capture-names", capture.known_names, self._names_loaded)
        self._load_events()
        self.replan()
        if self._dirty:
            self.save_draft()
        self.storeAttached.emit()

    def store_failed(self, message: str) -> None:
        """The store could not be opened: say so; what is typed stays in the window."""
        self._store_problem = message
        self.save_button.setEnabled(False)
        text = self.tr(
            "Your data cannot be opened, so nothing can be saved: %1 "
            "Your note stays in this window — copy it before closing."
        )
        self._show_status(text.replace("%1", message), error=True)

    def is_idle(self) -> bool:
        """No parse, look-up or draft save pending (for tests and scripted use)."""
        timers = (self._parse_timer, self._draft_timer)
        busy = any(t.isActive() for t in timers) or self.who.is_busy()
        return not busy and not (self._tasks is not None and self._tasks.is_busy())

    def shutdown(self) -> None:
        """Save the draft and stop background work (the application is ending): the
        window no longer touches the store, which may be closed next."""
        self.save_draft()
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._bridge is not None:
            self._bridge.close()
            self._bridge = None
        if self._tasks is not None:
            self._tasks.shutdown()
            self._tasks = None
        self._store_ready = False

    # ------------------------------------------------------------------ drafts

    def draft_content(self) -> dict[str, Any]:
        return {
            "v": DRAFT_VERSION,
            **self.form.fields(),
            "corrections": self.corrections.to_json(),
            "added": list(self.added),
            "started_at": self._started_at.isoformat(),
        }

    def restore(self, draft: Mapping[str, Any]) -> None:
        """Put a saved draft back in the form (tolerant of older or damaged drafts)."""
        self.form.set_fields(draft)
        restored = Corrections.from_json(draft.get("corrections"))
        self.corrections.dropped = restored.dropped
        self.corrections.promises = restored.promises
        self.corrections.people = restored.people
        from desktop.domain.capture_additions import clean

        self.added = clean(draft.get("added"))
        with contextlib.suppress(TypeError, ValueError):
            self._started_at = datetime.fromisoformat(str(draft.get("started_at")))
        self._parse_timer.start()

    def save_draft(self) -> None:
        """Write the draft now (throttled while typing; also on hide and quit)."""
        self._draft_timer.stop()
        if not self._store_ready:
            return
        from desktop.services import drafts

        try:
            if self._is_blank():
                drafts.clear(self.draft_key)
            else:
                drafts.save(self.draft_key, self.draft_content())
            if self._journal is not None:
                self._journal.reset(self.notes.toPlainText())  # saved: start afresh
        except Exception as exc:  # a locked file or a full disk: say so, keep trying
            text = self.tr("The draft could not be saved (%1); retrying.")
            self._show_status(text.replace("%1", str(exc)), error=True)
            self._draft_timer.start(2000)
            return
        self._dirty = False

    def _start_journal(self) -> None:
        """Append every change of the notes to a file as it is typed (a kill between two
        throttled draft saves then loses nothing; see desktop.services.drafts)."""
        from desktop.services import drafts

        try:
            journal = drafts.open_journal(self.draft_key)
            if journal is not None:
                journal.reset(self.notes.toPlainText())
        except OSError:
            return  # no journal (a read-only folder): the throttled saves still run
        self._journal = journal
        self.notes.textChanged.connect(self._journal_notes)

    def _journal_notes(self) -> None:
        if self._journal is None:
            return
        try:
            self._journal.record(self.notes.toPlainText())
        except OSError:
            self._journal = None  # a full disk: the draft save will say so

    # ------------------------------------------------------------------ reacting

    def _changed(self) -> None:
        self._hide_timer.stop()
        self._dirty = True
        if not self._draft_timer.isActive():
            self._draft_timer.start()
        self._parse_timer.start()

    def _corrected(self) -> None:
        self._changed()
        self.replan()

    def _is_blank(self) -> bool:
        return self.form.is_empty() and self.corrections.is_empty() and not self.added

    # ------------------------------------------------------------------ added by hand

    def add_promise(self, owner: str = "me", description: str = "", person: str = "") -> None:
        """A promise the note does not say: a new card in the preview, its words focused."""
        self.added.append(
            {"kind": "promise", "owner": owner, "description": description, "person": person}
        )
        self._corrected()
        rows = [r for r in self.preview.promise_rows() if r.key == self._last_added_key()]
        if rows:
            rows[0].description.setFocus()

    def add_person(self, name: str) -> None:
        """Someone who was there, added to "who" (so it reads like any other name)."""
        name = " ".join(name.split())
        if name:
            self.who.add_entry(name)
            self._changed()
            self.replan()

    def add_introduction(
        self, person: str, *, introducer: str = "", to: str = "", done: bool = True
    ) -> None:
        """An introduction the note does not say ("" is you)."""
        if not " ".join(person.split()):
            return
        item = {"kind": "intro", "introducer": introducer, "person": person, "to": to}
        self.added.append({**item, "done": done})
        self._corrected()

    def _last_added_key(self) -> str:
        from desktop.domain.capture.plan import promise_key

        notes = self.notes.toPlainText()
        count = sum(1 for a in self.added if a.get("kind") == "promise")
        return promise_key(notes, (len(notes), len(notes)), count - 1)

    def _add_requested(self, kind: str) -> None:
        if kind == "promise":
            self.add_promise()
            return
        from desktop.ui.capture.add_dialogs import ask_introduction, ask_person

        if kind == "person":
            name = ask_person(self)
            if name:
                self.add_person(name)
        elif kind == "intro":
            names = [p.name for p in self.plan.people] if self.plan else []
            answer = ask_introduction(self, names)
            if answer is not None:
                self.add_introduction(**answer)

    def _drop_person(self, key: str) -> None:
        if not self.who.remove_entry(key):
            self.corrections.dropped.add(f"person:{key}")
        self._corrected()

    def _chosen(self, name: str, candidate: Candidate | None) -> None:
        if candidate is None:
            self.corrections.people[_key(name)] = {"choice": "new"}
        else:
            self.corrections.people[_key(name)] = {
                "choice": candidate.id,
                "name": candidate.name,
                "current_organization": candidate.organization,
            }
        self._corrected()

    def _suggest(self, query: str) -> None:
        if self._tasks is None:
            return
        from desktop.services import capture

        self._tasks.run(
            "capture-who",
            lambda: capture.suggest_people(query),
            lambda found: self.who.show_suggestions(query, found),
        )

    def _names_loaded(self, names: tuple[str, ...]) -> None:
        self._known = names
        self.replan()

    def _load_events(self) -> None:
        from desktop.services import events

        now = self._clock()
        wanted = self.form.pending_event

        def read() -> tuple[list[Any], Any]:
            today = events.events_today(now)
            extra = None
            if wanted and all(e.id != wanted for e in today):
                with contextlib.suppress(LookupError):
                    extra = events.get_event(wanted)
            return today, extra

        def done(found: tuple[list[Any], Any]) -> None:
            self.form.set_events(found[0], now, found[1])
            self.replan()

        self._tasks.run("capture-events", read, done)

    def _store_changed(self, changes: frozenset[tuple[str, str]]) -> None:
        if any(entity == "person" for entity, _ in changes) and self._tasks is not None:
            from desktop.services import capture

            self._matches.clear()  # names may now resolve differently
            self._tasks.run("capture-names", capture.known_names, self._names_loaded)

    def _matched(self, found: dict[str, NameMatch]) -> None:
        self._matches.update(found)
        self.replan()

    # ------------------------------------------------------------------ the plan

    def replan(self) -> CapturePlan:
        """Read the note and the fields again and show the plan (look-ups run behind)."""
        from desktop.domain.capture.parser import parse_capture
        from desktop.domain.capture.plan import build_plan, name_key, names_in
        from desktop.domain.capture.when import resolve_when

        self._parse_timer.stop()
        form = self.form
        happened_at = resolve_when(form.when.text(), self._base_time())
        from desktop.domain.capture_additions import with_additions

        parse = parse_capture(
            self.notes.toPlainText(), now=happened_at or self._base_time(), known_names=self._known
        )
        parse = with_additions(parse, self.added)
        who = self.who.entries()
        missing = [n for n in names_in(parse, who) if name_key(n) not in self._matches]
        if missing and self._tasks is not None:
            from desktop.services import capture

            self._tasks.run("capture-match", lambda: capture.match_names(missing), self._matched)
        plan = build_plan(
            parse,
            who=who,
            matches=self._matches,
            corrections=self.corrections,
            happened_at=happened_at,
            place=form.place(),
            event_id=form.event_id(),
            event_chosen=form.event_chosen(),
            depth=form.depth(),
            extra_tags=[form.tags.text()],
        )
        self.plan = plan
        self._show_when(happened_at)
        self.preview.show_plan(plan, wording.summary(plan, form.where.currentText()))
        if form.who_error.isVisible() and all(p.field != "who" for p in plan.problems):
            form.who_error.hide()
        self._fix_tab_order()
        return plan

    def _base_time(self) -> datetime:
        """What an empty "when" means: the moment of saving (the clock now, to the minute),
        never the moment the window was first opened. A relative "when" ("yesterday
        evening") counts from when this capture was started."""
        if not self.form.when.text().strip():
            if self.default_when is not None:
                return self.default_when.replace(second=0, microsecond=0)
            return self._clock().replace(second=0, microsecond=0)
        return self.default_when or self._started_at

    def _show_when(self, happened_at: datetime | None) -> None:
        from desktop.ui.kit.format import day_and_time

        label = self.form.when_resolved
        label.setText(day_and_time(happened_at) if happened_at else self.tr("not understood"))
        paint_alert(label, happened_at is None)

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save everything in one transaction; False (with the reason shown) if not."""
        if not self._store_ready:
            text = self._store_problem or self.tr("Still opening your data — try again.")
            self._show_status(text, error=True)
            return False
        from desktop.services import capture

        plan = self.replan()
        pending = [p.name for p in plan.people if p.state == "pending"]
        if pending:  # look-ups still running: do them now, the user is waiting anyway
            self._matches.update(capture.match_names(pending))
            plan = self.replan()
        if plan.problems:
            self._show_problems(plan)
            return False
        before = self.draft_content()
        try:
            save = self.save_function or capture.save_capture
            result = save(plan, clear_draft=self.draft_key)
        except Exception as exc:  # rolled back: nothing half-written, the draft stays
            self._show_status(self.tr("Nothing was saved: %1").replace("%1", str(exc)), error=True)
            return False
        self._draft_timer.stop()
        self._dirty = False
        self.form.clear()
        self.corrections.dropped.clear()
        self.corrections.promises.clear()
        self.corrections.people.clear()
        self.added = []
        self._prefilled.clear()
        self._started_at = self._clock().replace(second=0, microsecond=0)
        self.replan()
        self._offer_undo(result, before)
        self.saved.emit(result)
        return True

    def _offer_undo(self, result: Any, before: dict[str, Any]) -> None:
        """One save, one undo step: on the main window's stack when there is one, else
        here (the stand-alone window has no Edit menu), for the last save only."""
        confirmation = wording.confirmation(result)
        if self.undo_stack is not None:
            from desktop.ui.capture.undo import SavedCaptureCommand

            self._last_save = None
            self.undo_button.hide()
            self.undo_stack.push(SavedCaptureCommand(result))
            self._show_status(confirmation + " " + wording.undo_in_main_window())
            self._hide_timer.start(CONFIRMATION_MS)
            return
        self._last_save = (result, before)
        self.undo_button.show()
        self._show_status(confirmation + " " + wording.undo_here())
        self._hide_timer.start(UNDO_OFFER_MS)

    def undo_last_save(self) -> bool:
        """Take back the last save (stand-alone window): everything it created goes (by
        tombstones), and the note comes back into the form to correct and save again."""
        if self._last_save is None or not self._store_ready:
            return False
        from desktop.services import capture

        result, before = self._last_save
        self._hide_timer.stop()
        try:
            capture.undo_capture(result)
        except Exception as exc:
            text = self.tr("The save could not be undone: %1").replace("%1", str(exc))
            self._show_status(text, error=True)
            return False
        self._last_save = None
        self.undo_button.hide()
        if self._is_blank():
            self.restore(before)
            self._changed()
        self._show_status(wording.undone())
        return True

    def _show_problems(self, plan: CapturePlan) -> None:
        first = plan.problems[0]
        who = next((p for p in plan.problems if p.field == "who"), None)
        if who is not None:
            self.form.who_error.setText(wording.problem_text(who.code, who.message))
            self.form.who_error.show()
            self.who.setFocus()
        elif first.field == "when":
            self.form.when.setFocus()
        self._show_status(wording.problems_summary(plan), error=True)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        paint_alert(self.status, error)

    # ------------------------------------------------------------------ hiding

    def hide_keeping_draft(self) -> None:
        """Esc: save the draft now and hide; the next capture starts from it."""
        self._hide_timer.stop()
        if not self._may_lose_words():
            return
        self.forget_untouched_prefill()
        self.save_draft()
        self.hide()
        self.hidden.emit()

    def _may_lose_words(self) -> bool:
        """Only when the store failed can closing lose text: then ask first."""
        if not self._store_problem or self.form.is_empty():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            self.tr("Quick Capture"),
            self.tr(
                "This note cannot be saved because your data cannot be opened. Close and lose it?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_lose_words():
            event.ignore()
            return
        self.forget_untouched_prefill()
        self.save_draft()
        super().closeEvent(event)
        self.hidden.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)


def _key(name: str) -> str:
    """Same as :func:`desktop.domain.capture.plan.name_key`, without importing the planner."""
    import unicodedata

    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()
