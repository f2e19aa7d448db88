"""Notes from the phone in the main window: "3 notes from your phone" on Today, a list to
review them, and the same capture window and preview to correct and save each.

:class:`InboxWatcher` watches the folder chosen in Preferences with a
``QFileSystemWatcher`` *and* rescans it every :data:`RESCAN_MS` (sync tools often write a
temporary file and rename it over the note, which a watcher may miss, and network
folders send no events at all); a scan is a directory listing, and a file already seen
is not read again (:mod:`desktop.services.inbox`). Scans run on the GUI thread: the
service remembers what it saw in the database, and the background readers never write.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.kit import style
from desktop.ui.settings import keys

if TYPE_CHECKING:
    from desktop.services.inbox import InboxNote
    from desktop.ui.capture.window import CaptureWindow

RESCAN_MS = 30_000
SETTLE_MS = 400  # a file being written fires several events: scan once they stop


def inbox_folder() -> Path | None:
    """The folder chosen in Preferences, or None."""
    value = keys.read_text(keys.INBOX_FOLDER, "")
    return Path(value) if value.strip() else None


def draft_key(note: InboxNote) -> str:
    """Each phone note keeps its own draft while it is being corrected."""
    digest = hashlib.sha1(note.identity.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"inbox-{digest}"


class InboxWatcher(QObject):
    """Keeps :attr:`notes` in step with the inbox folder; :attr:`changed` when they change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notes: list[InboxNote] = []
        self.problem = ""
        self.folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.schedule)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.rescan)
        self._periodic = QTimer(self, interval=RESCAN_MS)
        self._periodic.timeout.connect(self.rescan)
        self._periodic.start()

    def schedule(self, *_args: object) -> None:
        self._settle.start()

    def rescan(self) -> None:
        """Read the setting and the folder again; announce a change in what waits."""
        from desktop.services import inbox

        self._settle.stop()
        folder = inbox_folder()
        if folder != self.folder:
            if self._watcher.directories():
                self._watcher.removePaths(self._watcher.directories())
            self.folder = folder
            if folder is not None and folder.is_dir():
                self._watcher.addPath(str(folder))
        before = [(n.identity, n.problem) for n in self.notes], self.problem
        try:
            self.notes = inbox.list_notes(folder) if folder is not None else []
            self.problem = ""
        except (OSError, ValueError) as exc:  # unplugged drive, folder renamed
            self.notes = []
            self.problem = str(exc)
        if ([(n.identity, n.problem) for n in self.notes], self.problem) != before:
            self.changed.emit()


class InboxBanner(QFrame):
    """ "3 notes from your phone  [Review…]" — shown only while notes wait."""

    reviewRequested = Signal()

    def __init__(self, watcher: InboxWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.watcher = watcher
        self.label = QLabel()
        self.label.setObjectName("inboxBannerText")
        self.button = QPushButton(self.tr("&Review…"))
        self.button.setObjectName("inboxReview")
        self.button.setAccessibleName(self.tr("Review the notes from your phone"))
        self.button.clicked.connect(self.reviewRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(style.SPACING, style.SPACING // 2, style.SPACING, style.SPACING // 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        watcher.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        count = len(self.watcher.notes)
        if count == 1:
            text = self.tr("1 note from your phone is waiting to be saved.")
        else:
            text = self.tr("%1 notes from your phone are waiting to be saved.").replace(
                "%1", str(count)
            )
        self.label.setText(text)
        self.setVisible(count > 0)


class InboxDialog(QDialog):
    """The waiting notes, oldest first: open one in the capture window, or dismiss it
    (its file moves to done/; nothing is deleted)."""

    openRequested = Signal(object)  # InboxNote

    def __init__(self, watcher: InboxWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxDialog")
        self.setWindowTitle(self.tr("Notes from your phone"))
        self.watcher = watcher
        self.list = QListWidget()
        self.list.setObjectName("inboxList")
        self.list.setAccessibleName(self.tr("Notes waiting"))
        self.list.itemActivated.connect(lambda _item: self._open())
        self.open_button = QPushButton(self.tr("&Open and save…"))
        self.open_button.setObjectName("inboxOpen")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setObjectName("inboxDismiss")
        self.dismiss_button.setToolTip(self.tr("Not worth saving: the file moves to done/"))
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        watcher.changed.connect(self.refresh)
        self.resize(560, 360)
        self.refresh()

    def refresh(self) -> None:
        from desktop.ui.kit.format import day_and_time

        current = self.current()
        self.list.clear()
        for note in self.watcher.notes:
            first = next((ln.strip() for ln in note.text.splitlines() if ln.strip()), "")
            text = f"{day_and_time(note.modified)} · {note.name}\n{first[:120]}"
            if note.problem:
                text += f"\n{note.problem}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, note)
            self.list.addItem(item)
            if current is not None and note.identity == current.identity:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        folder = self.watcher.folder
        self.where.setText(
            self.watcher.problem
            or self.tr("From %1. Saved or dismissed notes move to its done folder.").replace(
                "%1", str(folder or "")
            )
        )
        has = self.list.count() > 0
        self.open_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def current(self) -> InboxNote | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _open(self) -> None:
        note = self.current()
        if note is not None:
            self.openRequested.emit(note)

    def dismiss_current(self) -> None:
        from desktop.services import inbox

        note = self.current()
        if note is None:
            return
        try:
            inbox.dismiss(note)
        except OSError as exc:
            self.where.setText(self.tr("Could not move the file: %1").replace("%1", str(exc)))
            return
        self.watcher.rescan()


class Inbox(QObject):
    """Wires the watcher, the banner on Today, the review list and the capture windows
    of one main window (``window.inbox``)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = InboxWatcher(self)
        self.dialog: InboxDialog | None = None
        self.capture_windows: dict[str, CaptureWindow] = {}
        window.installEventFilter(self)  # back from Preferences: the folder may be new
        # The first look at the folder (and the services it needs) waits for the first
        # frame: the banner appears a moment after it, like Today's lists.
        window.after_first_paint(self.watcher.rescan)

    def banner(self, parent: QWidget) -> InboxBanner:
        banner = InboxBanner(self.watcher, parent)
        banner.reviewRequested.connect(self.review)
        return banner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.watcher.schedule()
        return False

    def review(self) -> InboxDialog:
        if self.dialog is None:
            self.dialog = InboxDialog(self.watcher, self.window)
            self.dialog.openRequested.connect(self.open_note)
        self.watcher.rescan()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def open_note(self, note: InboxNote) -> CaptureWindow:
        """The note in a capture window of its own: same parser, same preview; "when"
        is the file's time; saving moves the file to done/ and is one undo step."""
        from desktop.services import drafts, inbox
        from desktop.ui.capture.window import CaptureWindow

        key = draft_key(note)
        window = self.capture_windows.get(key)
        if window is None:
            restored = drafts.load(key)  # corrections made earlier are kept
            window = CaptureWindow(self.window, restored=restored or {}, draft_key=key)
            window.form.preselect_today = False
            window.default_when = note.modified
            window.undo_stack = self.window.undo_stack
            window.save_function = lambda plan, clear_draft=None, n=note: inbox.save_note(
                n, plan, clear_draft=clear_draft
            )
            window.setWindowTitle(self.tr("Note from your phone: %1").replace("%1", note.name))
            if not restored:
                window.apply_prefill({"notes": note.text})
            window.saved.connect(lambda _result, k=key: self._saved(k))
            self.capture_windows[key] = window
        window.present()
        return window

    def _saved(self, key: str) -> None:
        window = self.capture_windows.pop(key, None)
        if window is not None:
            window.hidden.connect(window.deleteLater)
        self.watcher.rescan()

    def close(self) -> None:
        for window in self.capture_windows.values():
            window.close()
