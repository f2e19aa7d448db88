"""The "How is this worked out?" window: docs/trust-meter.md, bundled, inside the app.

A score is never a black box: the formula's document ships as a resource
(``resources/docs/trust-meter.md``, carried by the wheel and the PyInstaller bundle) and
opens here at the part that matters — the reasons, or the formula itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import paths

#: Headings of docs/trust-meter.md the window can open at.
REASONS = "Reasons and the next best action"
FORMULA = "The formula, exactly"
WORDS = "Words for scores"


def trust_doc_text() -> str:
    """The bundled document's Markdown (an honest note if a broken install lost it)."""
    try:
        return paths.resource("docs", "trust-meter.md").read_text(encoding="utf-8")
    except OSError:
        return "# The trust meter\n\nThe explanation is missing from this installation."


class TrustDocDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, heading: str = REASONS) -> None:
        super().__init__(parent)
        self.setObjectName("trustDocDialog")
        self.setWindowTitle(self.tr("How the trust meter is worked out"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("trustDocText")
        self.browser.setAccessibleName(self.tr("How the trust meter is worked out"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(trust_doc_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else None
        width, height = 720, 640
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)
        self._heading = heading
        self.show_heading(heading)

    def show_heading(self, heading: str) -> bool:
        """Scroll so that ``heading`` is at the top; False if the document lacks it."""
        document = self.browser.document()
        found = document.find(heading, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            return False
        self.browser.setTextCursor(found)
        top = document.documentLayout().blockBoundingRect(found.block()).top()
        self.browser.verticalScrollBar().setValue(int(top))
        cursor = QTextCursor(found)
        cursor.clearSelection()
        self.browser.setTextCursor(cursor)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The text reflows once the dialog has its size: scroll again to land exactly.
        self.show_heading(self._heading)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
