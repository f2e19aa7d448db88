"""The briefing's print preview: the very same pages as the PDF, plus print and save.

The main window calls :func:`show_briefing_preview` with an event or a hand-picked list
of people. The dialog paints through :func:`desktop.printing.printer.render_sheet`, so
what the preview shows is exactly what the printer and the PDF get — one rendering path,
no second layout to drift apart. Printing is the preview toolbar's own Print button
(it opens the system's print dialog); "Save as PDF…" is added next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QToolBar,
    QWidget,
)

from desktop.domain.briefing import BriefingSheet
from desktop.printing.printer import configure_printer, render_sheet
from desktop.ui.kit import icons

__all__ = ["BriefingPreviewDialog", "default_page_size", "show_briefing_preview"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefingPreviewDialog", text)


def default_page_size() -> str:
    """The page size chosen in Preferences; "auto": Letter where the locale measures in
    US customary units, else A4."""
    from desktop.ui.settings import keys

    chosen = keys.read_text(keys.PAPER_SIZE, "auto")
    if chosen in ("A4", "Letter"):
        return chosen
    system = QLocale().measurementSystem()
    return "Letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "A4"


def _safe_file_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(keep.split())[:60] or "briefing"


class BriefingPreviewDialog(QPrintPreviewDialog):
    """A print preview of one briefing sheet, with a Save-as-PDF action."""

    def __init__(self, sheet: BriefingSheet, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, default_page_size())
        super().__init__(printer, parent)
        self._printer = printer  # the dialog does not own it; keep it alive with us
        self.sheet = sheet
        self.setObjectName("briefingPreview")
        self.setWindowTitle(self.tr("Briefing — %1").replace("%1", sheet.title))
        self.setAccessibleName(self.tr("Briefing print preview"))
        self.paintRequested.connect(self._paint)

        self.save_pdf_action = QAction(icons.icon("export"), self.tr("Save as &PDF…"), self)
        self.save_pdf_action.setObjectName("savePdfAction")
        self.save_pdf_action.setStatusTip(self.tr("Save this briefing as a PDF file"))
        self.save_pdf_action.setToolTip(self.tr("Save as PDF"))
        self.save_pdf_action.triggered.connect(lambda: self.save_pdf())
        self.detailed_action = QAction(self.tr("&Detailed layout"), self)
        self.detailed_action.setObjectName("detailedLayoutAction")
        self.detailed_action.setCheckable(True)
        self.detailed_action.setToolTip(
            self.tr("One roomy block per person instead of six or more to a page")
        )
        self.detailed_action.toggled.connect(self._relayout)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_pdf_action)
        else:  # a future Qt without the toolbar: keep the action reachable by keyboard
            self.addAction(self.save_pdf_action)
        # Labelled buttons below the pages: the toolbar's icons overflow on a laptop, and
        # saving a PDF is what most people come here for.
        row = QHBoxLayout()
        self.detailed_box = QCheckBox(self.detailed_action.text(), self)
        self.detailed_box.setObjectName("detailedLayoutBox")
        self.detailed_box.setToolTip(self.detailed_action.toolTip())
        self.detailed_box.toggled.connect(self.detailed_action.setChecked)
        self.detailed_action.toggled.connect(self.detailed_box.setChecked)
        self.save_pdf_button = QPushButton(icons.icon("export"), self.tr("Save as PDF…"), self)
        self.save_pdf_button.setObjectName("savePdfButton")
        self.save_pdf_button.setDefault(True)
        self.save_pdf_button.clicked.connect(self.save_pdf_action.trigger)
        row.addWidget(self.detailed_box)
        row.addStretch(1)
        row.addWidget(self.save_pdf_button)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.addLayout(row)

    def _relayout(self) -> None:
        preview = self.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        render_sheet(self.sheet, printer, detailed=self.detailed_action.isChecked())

    def save_pdf(self, path: str | Path | None = None) -> Path | None:
        """Save the sheet as a PDF, in the page size chosen in the preview; returns the path."""
        if path is None:
            suggested = str(Path.home() / f"{_safe_file_name(self.sheet.title)}.pdf")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save Briefing as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        pdf = QPrinter(QPrinter.PrinterMode.HighResolution)
        pdf.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        pdf.setOutputFileName(str(target))
        pdf.setCreator("Rapport")
        pdf.setDocName(self.windowTitle())
        pdf.setPageLayout(self._printer.pageLayout())
        try:
            render_sheet(self.sheet, pdf, detailed=self.detailed_action.isChecked())
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        return target


def fit_to_screen(dialog: QWidget, parent: QWidget | None) -> None:
    """A roomy preview, but never taller or wider than the screen it opens on."""
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    width, height = 900, 1000
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 40)
        height = min(height, room.height() - 40)
    dialog.resize(width, height)


def _gather(event_id: str | None, person_ids: Sequence[str] | None) -> BriefingSheet:
    from desktop.services import briefing

    if event_id is not None:
        return briefing.gather_for_event(event_id)
    if person_ids:
        return briefing.gather_for_people(person_ids)
    raise ValueError("a briefing needs an event or at least one person")


def show_briefing_preview(
    parent: QWidget | None,
    *,
    event_id: str | None = None,
    person_ids: Sequence[str] | None = None,
) -> BriefingPreviewDialog | None:
    """Open the print preview of an event's (or some people's) briefing, non-modally.

    Returns the dialog (it deletes itself when closed), or None after telling the user
    why there is nothing to show (no such event or person, nobody on the list).
    """
    title = _tr("Briefing")
    try:
        sheet = _gather(event_id, person_ids)
    except (LookupError, ValueError) as exc:
        QMessageBox.information(parent, title, str(exc))
        return None
    if not sheet.people:
        QMessageBox.information(
            parent, title, _tr("Nobody is on this event's list yet — add people to brief on.")
        )
        return None
    dialog = BriefingPreviewDialog(sheet, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(dialog, parent)
    dialog.show()
    return dialog
