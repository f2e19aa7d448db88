"""The Preferences row for the inbox folder: where notes written on the phone arrive.

Its own widget so the dialog gains one row and one line in ``accept`` (other rows are
added by other work). The folder is stored under :data:`keys.INBOX_FOLDER`; the main
window's :class:`~desktop.ui.capture.inbox.InboxWatcher` reads it on its next scan.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.ui.settings import keys


class InboxFolderField(QWidget):
    """A path field with "Choose…"; empty means no inbox."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(keys.read_text(keys.INBOX_FOLDER, ""))
        self.edit.setObjectName("preferencesInboxFolder")
        self.edit.setAccessibleName(self.tr("Inbox folder for notes from your phone"))
        self.edit.setPlaceholderText(self.tr("None — e.g. a Syncthing or Dropbox folder"))
        self.edit.setClearButtonEnabled(True)
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setObjectName("preferencesInboxChoose")
        self.choose.setAccessibleName(self.tr("Choose the inbox folder"))
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose)

    def _choose(self) -> None:
        start = self.edit.text().strip() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Inbox folder for notes from your phone"), start
        )
        if folder:
            self.edit.setText(folder)

    def save(self) -> None:
        text = self.edit.text().strip()
        keys.write(keys.INBOX_FOLDER, str(Path(text).expanduser()) if text else "")
