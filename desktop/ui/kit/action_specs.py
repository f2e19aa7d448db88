"""Every main-window action declared once: text, shortcut, tip, icon, objectName.

Menus, the toolbar and tests all refer to actions by id, so a shortcut or a wording is
changed in exactly one place (the Picard ``ui/mainwindow/actions.py`` idea). Texts are
English source strings translated in the ``actions`` context when the action is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.kit.icons import icon

Key = QKeySequence.StandardKey | str


class ActionSpec:
    """One action's declaration. A plain class with read-only use, not a dataclass: making
    a dataclass compiles its methods, ~1 ms of the main window's start-up (#15)."""

    __slots__ = ("checkable", "data", "icon", "id", "shortcuts", "text", "tip", "widget_only")

    def __init__(
        self,
        id: str,  # the action's id, as menus and tests name it
        text: str,  # with a mnemonic (&)
        tip: str,
        shortcuts: Sequence[Key] = (),
        icon: str | None = None,
        # Single-letter shortcuts (K, B, R, S) must only fire inside their list.
        widget_only: bool = False,
        checkable: bool = False,
        data: object = None,
    ) -> None:
        self.id = id
        self.text = text
        self.tip = tip
        self.shortcuts = shortcuts
        self.icon = icon
        self.widget_only = widget_only
        self.checkable = checkable
        self.data = data

    def __repr__(self) -> str:
        return f"ActionSpec({self.id!r})"


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "new_person", "&New Person…", "Add someone to your network", ("Ctrl+N",), "person-add"
    ),
    ActionSpec(
        "capture",
        "Quick &Capture…",
        "Jot down a meeting while it is fresh",
        ("Ctrl+Shift+N",),
        "capture",
    ),
    ActionSpec(
        "new_event",
        "New &Event…",
        "Plan an event and whom to meet there",
        ("Ctrl+Shift+E",),
        "events",
    ),
    ActionSpec(
        "print_briefing",
        "&Print Briefing…",
        "Print a one-page briefing",
        ("Ctrl+P",),
        "print",
    ),
    ActionSpec(
        "demo_data",
        "Load &Demo Network",
        "Fill an empty network with 200 sample people",
        (),
        "import",
    ),
    ActionSpec(
        "quit",
        "&Quit",
        "Close Rapport (everything is already saved)",
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        None,
    ),
    # Edit
    ActionSpec("undo", "&Undo", "Undo the last change", (QKeySequence.StandardKey.Undo,), "undo"),
    ActionSpec(
        "redo",
        "&Redo",
        "Redo what was undone",
        (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"),
        "redo",
    ),
    ActionSpec(
        "delete",
        "&Delete",
        "Delete the selected entry (you can undo it)",
        (QKeySequence.StandardKey.Delete,),
        "delete",
    ),
    ActionSpec(
        "find", "&Find…", "Search people and conversation notes", ("Ctrl+F", "Ctrl+K"), "search"
    ),
    # View
    ActionSpec(
        "view_today", "&Today", "What needs you today", ("Ctrl+1",), "today", checkable=True
    ),
    ActionSpec(
        "view_people", "&People", "Everyone in your network", ("Ctrl+2",), "people", checkable=True
    ),
    ActionSpec(
        "view_events",
        "&Events",
        "Events and whom to meet there",
        ("Ctrl+3",),
        "events",
        checkable=True,
    ),
    ActionSpec(
        "view_followups",
        "&Follow-ups",
        "Every open promise, both ways",
        ("Ctrl+4",),
        "followups",
        checkable=True,
    ),
    ActionSpec(
        "view_circles",
        "&Circles",
        "Your 5 / 15 / 50 / 150 circles of closeness",
        ("Ctrl+5",),
        "circles",
        checkable=True,
    ),
    ActionSpec(
        "view_network",
        "&Who knows whom",
        "Who knows whom, and who can introduce you",
        ("Ctrl+6",),
        "network",
        checkable=True,
    ),
    ActionSpec(
        "sort_name", "Sort by &Name", "Sort people by name", (), None, checkable=True, data="name"
    ),
    ActionSpec(
        "sort_last_contact",
        "Sort by &Last Contact",
        "Most recently met first",
        (),
        None,
        checkable=True,
        data="last_contact",
    ),
    ActionSpec(
        "sort_trust",
        "Sort by &Trust",
        "Strongest mutual trust first",
        (),
        None,
        checkable=True,
        data="trust",
    ),
    # Person
    ActionSpec(
        "log_conversation",
        "&Log Conversation…",
        "Write down what you talked about",
        ("Ctrl+L",),
        "conversation",
    ),
    ActionSpec(
        "new_promise",
        "New &Promise…",
        "Note a promise, yours or theirs",
        ("Ctrl+Shift+P",),
        "promise",
    ),
    ActionSpec(
        "record_exchange",
        "Record E&xchange…",
        "Note help, an introduction or a gift that went one way",
        ("Ctrl+E",),
        "trust",
    ),
    ActionSpec("choose_photo", "Choose P&hoto…", "Set the person's photo", (), "photo"),
    ActionSpec(
        "delete_person",
        "Delete Perso&n",
        "Remove this person (you can undo it)",
        ("Ctrl+Shift+Backspace",),
        "delete",
    ),
    ActionSpec("keep", "Mark &Kept", "The promise was kept", ("K",), "keep", widget_only=True),
    ActionSpec(
        "break", "Mark &Broken", "The promise was broken", ("B",), "break", widget_only=True
    ),
    ActionSpec(
        "release",
        "&Release",
        "Both agree it no longer matters",
        ("R",),
        "release",
        widget_only=True,
    ),
    ActionSpec(
        "snooze",
        "&Snooze a Week",
        "Hide it from Today for a week",
        ("S",),
        "snooze",
        widget_only=True,
    ),
    # Help
    ActionSpec(
        "shortcuts",
        "&Keyboard Shortcuts",
        "Every shortcut at a glance",
        (QKeySequence.StandardKey.HelpContents, "F1"),
        None,
    ),
    ActionSpec("about", "&About Rapport", "Version and credits", (), None),
    ActionSpec(
        "preferences",
        "&Preferences…",
        "When Rapport reminds you of promises and drifting relationships",
        (QKeySequence.StandardKey.Preferences,),
        "settings",
    ),
    ActionSpec(
        "restore_backup",
        "&Restore from Backup…",
        "Go back to an automatic backup (the current data is backed up first)",
        (),
        None,
    ),
    # Bringing data in and out
    ActionSpec(
        "import_file",
        "&Import…",
        "Bring in contacts from vCard, CSV (LinkedIn, Google, Outlook), Monica or a backup",
        ("Ctrl+I",),
        "import",
    ),
    ActionSpec(
        "export_file",
        "&Export…",
        "Export contact cards, a spreadsheet, Markdown notes or a complete backup",
        ("Ctrl+Shift+S",),
        "export",
    ),
    ActionSpec(
        "duplicates",
        "Possible &Duplicates…",
        "People who may be the same person, and merging them",
        (),
        None,
    ),
    # Sync
    ActionSpec(
        "sync_now", "Sync &Now", "Exchange changes with your other devices", ("F5",), "sync"
    ),
    ActionSpec(
        "sync_settings",
        "S&ync Settings…",
        "End-to-end encrypted sync between your own devices",
        (),
        "settings",
    ),
    ActionSpec(
        "calendar_settings",
        "C&alendar Settings…",
        "Meetings from your CalDAV calendar (read only), offered in Today",
        (),
        "settings",
    ),
    ActionSpec(
        "sync_conflicts",
        "Sync &Conflicts…",
        "Values that lost a concurrent edit, ready to restore",
        (),
        None,
    ),
)
BY_ID = {spec.id: spec for spec in SPECS}

#: Menus as data: ``None`` is a separator.
MENUS: tuple[tuple[str, str, tuple[str | None, ...]], ...] = (
    (
        "file",
        "&File",
        (
            "new_person",
            "new_event",
            "capture",
            None,
            "import_file",
            "export_file",
            None,
            "print_briefing",
            None,
            "sync_now",
            "sync_settings",
            "sync_conflicts",
            "calendar_settings",
            None,
            "demo_data",
            None,
            "quit",
        ),
    ),
    ("edit", "&Edit", ("undo", "redo", None, "delete", None, "find", None, "preferences")),
    (
        "view",
        "&View",
        (
            "view_today",
            "view_people",
            "view_events",
            "view_followups",
            "view_circles",
            "view_network",
            None,
            "sort_name",
            "sort_last_contact",
            "sort_trust",
        ),
    ),
    (
        "person",
        "&Person",
        (
            "log_conversation",
            "new_promise",
            "record_exchange",
            None,
            "choose_photo",
            None,
            "duplicates",
            None,
            "delete_person",
        ),
    ),
    ("help", "&Help", ("shortcuts", None, "restore_backup", None, "about")),
)
TOOLBAR: tuple[str | None, ...] = (
    "new_person",
    "log_conversation",
    "new_promise",
    "capture",
    None,
    "undo",
    "redo",
)


def translate(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def _sequence(key: Key) -> list[QKeySequence]:
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


def apply_spec(action: QAction, spec: ActionSpec) -> QAction:
    """Give ``action`` the declared text, shortcuts, tips, icon and objectName."""
    action.setObjectName(f"action_{spec.id}")
    action.setText(translate(spec.text))
    tip = translate(spec.tip)
    action.setStatusTip(tip)
    shortcuts: list[QKeySequence] = []
    for key in spec.shortcuts:
        for sequence in _sequence(key):
            if sequence not in shortcuts and not sequence.isEmpty():
                shortcuts.append(sequence)
    action.setShortcuts(shortcuts)
    shown = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
    action.setToolTip(f"{action.text().replace('&', '').rstrip('…')} ({shown})" if shown else tip)
    if spec.icon:
        action.setIcon(icon(spec.icon))
    if spec.widget_only:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setCheckable(spec.checkable)
    if spec.data is not None:
        action.setData(spec.data)
    return action


def make_action(action_id: str, parent: QObject) -> QAction:
    """A new QAction built from the spec ``action_id``."""
    return apply_spec(QAction(parent), BY_ID[action_id])


#: Qt's short key names, as people read them on a keycap or in a manual.
_READABLE_KEYS = {
    "Del": "Delete",
    "Ins": "Insert",
    "Esc": "Escape",
    "PgUp": "Page Up",
    "PgDown": "Page Down",
    "Return": "Enter",
    "Backtab": "Shift+Tab",
}


def readable_keys(sequence: QKeySequence) -> str:
    """A shortcut as a person reads it ("Ctrl+Shift+Delete"), in the platform's style."""
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return "+".join(_READABLE_KEYS.get(part, part) for part in text.split("+")) if text else ""


def shortcut_texts(action_id: str) -> list[str]:
    """Every declared shortcut of an action as people read them, for the shortcuts window.

    A standard key contributes only its first binding (Ctrl+Z for Undo), not the
    platform's extras (Alt+Backspace, the "Undo" media key) that read as noise.
    """
    texts: list[str] = []
    for key in BY_ID[action_id].shortcuts:
        sequences = [s for s in _sequence(key) if not s.isEmpty()][:1]
        for sequence in sequences:
            text = readable_keys(sequence)
            if text and text not in texts:
                texts.append(text)
    return texts


def shortcut_text(action_id: str) -> str:
    """The first shortcut of an action, as the platform writes it (for hints and help)."""
    for key in BY_ID[action_id].shortcuts:
        for sequence in _sequence(key):
            if not sequence.isEmpty():
                return readable_keys(sequence)
    return ""
