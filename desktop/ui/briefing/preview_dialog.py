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
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget

from desktop.domain.briefing import BriefingSheet
from desktop.printing.printer import configure_printer, render_sheet
from desktop.ui.kit import icons

__all__ = ["BriefingPreviewDialog", "default_page_size", "show_briefing_preview"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefingPreviewDialog", text)


def default_page_size() -> str:
    """Letter where the locale measures in US customary units, else A4."""
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
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_pdf_action)
        else:  # a future Qt without the toolbar: keep the action reachable by keyboard
            self.addAction(self.save_pdf_action)

    def _paint(self, printer: QPrinter) -> None:
        render_sheet(self.sheet, printer)

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
            render_sheet(self.sheet, pdf)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        return target


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
    dialog.resize(900, 1000)
    dialog.show()
    return dialog
