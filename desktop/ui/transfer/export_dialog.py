"""File ▸ Export…: a format, whether confidential things go along, where it goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QProgressBar, QWidget

from desktop.services.exporting import ExportResult, export_data
from desktop.ui.kit.background import Job, error_text, run_job
from desktop.ui.kit.form_dialog import FormDialog
from desktop.ui.transfer import common
from desktop.ui.transfer.common import tr

#: format code -> (file suffix, or "" for a folder)
SUFFIXES = {"vcf": ".vcf", "csv": ".csv", "json": ".json", "markdown": ""}


class ExportDialog(FormDialog):
    """Collects the format, the confidential choice and the destination, then exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Export"), "exportDialog", parent)
        self.format = QComboBox(self)
        for code, text in (
            ("vcf", tr("vCard 4.0 (contacts apps)")),
            ("csv", tr("CSV (spreadsheets)")),
            ("json", tr("Full JSON backup (everything)")),
            ("markdown", tr("Markdown folder (one note per person)")),
        ):
            self.format.addItem(text, code)
        self.add_row(tr("&Format:"), self.format)
        self.confidential = QCheckBox(tr("Include things told in &confidence"), self)
        self.add_row("", self.confidential, tr("Include things told in confidence"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.add_row("", self.note, tr("About this format"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.add_row("", self.progress, tr("Progress"))
        self.target: Path | None = None
        self.outcome: ExportResult | None = None
        self.job: Job | None = None
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.choose_and_export)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        full = self.chosen_format() == "json"
        self.confidential.setEnabled(not full)
        if full:
            self.note.setText(
                tr("The JSON backup always holds everything, things told in confidence included.")
            )
        else:
            self.note.setText(
                tr(
                    "Meant for other apps: confidential material is left out "
                    "unless you tick the box."
                )
            )

    def choose_and_export(self) -> None:
        fmt = self.chosen_format()
        if fmt == "markdown":
            target = common.choose_folder(self, tr("Export to folder"))
        else:
            suggested = f"rapport-{date.today().isoformat()}{SUFFIXES[fmt]}"
            target = common.choose_save_file(
                self,
                tr("Export to file"),
                suggested,
                tr("{0} files (*{1})").format(fmt.upper(), SUFFIXES[fmt]),
            )
        if target is None:
            return
        self.export_to(target)

    def export_to(self, target: Path) -> None:
        fmt, confidential = self.chosen_format(), self.confidential.isChecked()
        self.target = target
        self.problem.hide()
        self.progress.show()
        self.buttons.setEnabled(False)
        self.job = run_job(
            self,
            lambda progress: export_data(
                fmt, target, include_confidential=confidential, progress=progress
            ),
            self._done,
            self._failed,
        )

    def _done(self, outcome: ExportResult) -> None:
        self.outcome = outcome
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.problem.setText(tr("Nothing was exported: {0}").format(message))
        self.problem.show()

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return
        super().reject()


def run_export(parent: QWidget) -> bool:
    """Ask for a format and a place, export there; True when the export was written."""
    dialog = ExportDialog(parent)
    try:
        accepted = common.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        outcome = dialog.outcome
    finally:
        dialog.deleteLater()
    if not accepted or outcome is None:
        return False
    common.show_message(
        parent,
        tr("Export"),
        tr("Exported {0} people to {1}").format(outcome.people, outcome.path),
    )
    return True
