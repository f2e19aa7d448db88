"""File ▸ Import…: choose a file, see what would happen, then import (or not).

The preview is built on a background thread and shown as counts and lists (new
people, matched people and why, rejected records with the reason, warnings). A CSV
without a known layout gets a column-mapping table that previews again. Import backs
the data up and writes on a background thread; Cancel writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import importing
from desktop.services.importing import CALENDAR_SUFFIXES, ImportPreview, ImportResult
from desktop.ui.kit.background import Job, WriterBridge, error_text, run_job
from desktop.ui.kit.style import ALERT
from desktop.ui.kit.undo import BatchCommand, push
from desktop.ui.transfer import common
from desktop.ui.transfer.common import tr
from desktop.ui.transfer.mapping_table import MappingTable


def _filters() -> str:
    return ";;".join(
        [
            tr("Contacts and backups (*.vcf *.vcard *.csv *.tsv *.json *.ics)"),
            tr("vCard (*.vcf *.vcard)"),
            tr("CSV (*.csv *.tsv)"),
            tr("Rapport or Monica JSON (*.json)"),
            tr("Calendar invitation (*.ics)"),
            tr("All files (*)"),
        ]
    )


class ImportDialog(QDialog):
    """Preview of importing one file; accept() only after the import was written."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("Import {0}").format(path.name))
        self.setAccessibleName(tr("Import"))
        self.setModal(True)
        self.setMinimumSize(620, 480)
        self.path = path
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None
        self.error: str | None = None
        self.job: Job | None = None
        self._layout_read = False
        self.writing = False

        self.source = QLabel(tr("Reading {0}…").format(path.name), self)
        self.source.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(tr("Progress"))
        self.progress.setRange(0, 0)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ALERT.name()}")
        self.problem.setAccessibleName(tr("Problem"))
        self.problem.hide()

        self.summary = QFormLayout()
        self.count_labels: dict[str, QLabel] = {}
        for key, text in (
            ("new_people", tr("New people:")),
            ("matched_people", tr("Matched to people you have:")),
            ("updated_people", tr("…of whom get new details:")),
            ("conversations", tr("Conversations:")),
            ("rejected", tr("Rejected records:")),
        ):
            label = QLabel("–", self)
            label.setAccessibleName(text.rstrip(":"))
            self.count_labels[key] = label
            self.summary.addRow(text, label)

        self.mapping_box = QGroupBox(tr("Columns"), self)
        self.mapping_table = MappingTable(self.mapping_box)
        self.repreview = QPushButton(tr("&Preview again"), self.mapping_box)
        self.repreview.setAccessibleName(tr("Preview again with these columns"))
        self.repreview.clicked.connect(self.start_preview)
        box = QVBoxLayout(self.mapping_box)
        box.addWidget(QLabel(tr("Choose what each column of the file becomes."), self.mapping_box))
        box.addWidget(self.mapping_table)
        box.addWidget(self.repreview)
        self.mapping_box.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Details"))
        self.new_list = self._list(tr("New people"))
        self.matched_list = self._list(tr("Matched people"))
        self.rejected_list = self._list(tr("Rejected records"))
        self.warning_list = self._list(tr("Warnings"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.progress)
        layout.addLayout(self.summary)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.start_preview()

    def _list(self, title: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(title)
        self.tabs.addTab(widget, title)
        return widget

    # -- preview -----------------------------------------------------------------------------
    def start_preview(self) -> None:
        mapping = self.mapping_table.mapping() if not self.mapping_box.isHidden() else None
        read_layout = self.path.suffix.lower() in (".csv", ".tsv") and not self._layout_read
        path = self.path

        def work(progress):  # type: ignore[no-untyped-def]
            layout = importing.inspect_csv(path) if read_layout else None
            return layout, importing.preview_import(
                path, mapping=mapping or None, progress=progress
            )

        self._busy(True)
        self.job = run_job(self, work, self._previewed, self._failed, self._progressed)

    def _previewed(self, outcome) -> None:  # type: ignore[no-untyped-def]
        layout, preview = outcome
        if layout is not None:
            self._layout_read = True
            csv_layout, sample = layout
            if csv_layout.format == "csv":  # no known layout: let the user check the columns
                self.mapping_table.load(csv_layout.headers, csv_layout.mapping, sample)
                self.mapping_box.show()
        self.preview = preview
        self._busy(False)
        self.problem.hide()
        self.error = None
        self.source.setText(
            tr("{0}: {1}, {2} people in the file.").format(
                self.path.name, preview.format_label, preview.counts["people_in_file"]
            )
        )
        for key, label in self.count_labels.items():
            label.setText(str(preview.counts[key]))
        self._fill(self.new_list, [p.incoming.name for p in preview.new_people])
        self._fill(
            self.matched_list,
            [
                tr("{0} → {1} ({2})").format(p.incoming.name, p.matched_name, p.reason)
                for p in preview.matched_people
            ],
        )
        self._fill(self.rejected_list, [f"{r.ref}: {r.reason}" for r in preview.rejected])
        self._fill(self.warning_list, list(preview.warnings))
        self.import_button.setEnabled(preview.changes_anything)
        if not preview.changes_anything:
            self.source.setText(self.source.text() + " " + tr("Importing would change nothing."))

    @staticmethod
    def _fill(widget: QListWidget, lines: list[str]) -> None:
        widget.clear()
        widget.addItems(lines)

    # -- applying ----------------------------------------------------------------------------
    def start_apply(self) -> None:
        if self.preview is None or (self.job is not None and self.job.running):
            return
        preview = self.preview
        self.writing = True
        self._busy(True)
        self.source.setText(tr("Importing… (your data is backed up first)"))
        # The backup copies on the worker; the write itself runs on the GUI thread (the
        # single writer), one transaction whose progress is painted between batches.
        writer = WriterBridge(self)
        self.job = run_job(
            self,
            lambda progress: importing.apply_import(preview, progress=progress, run_db=writer.call),
            self._applied,
            self._failed,
            self._progressed,
        )

    def _applied(self, result: ImportResult) -> None:
        self.writing = False
        self.result_ = result
        self._busy(False)
        self.accept()

    # -- shared ------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.writing = False
        self.error = message
        self._busy(False)
        self.import_button.setEnabled(False)
        self.problem.setText(tr("Nothing was imported: {0}").format(message))
        self.problem.show()
        self.source.setText(tr("{0} could not be imported.").format(self.path.name))

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.source.setText(common.stage_text(stage))
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total))
        if self.writing:
            # Inside the write's transaction on this thread the event loop is not
            # running: paint now (never process events mid-transaction).
            self.source.repaint()
            self.progress.repaint()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.import_button.setEnabled(False)
        self.repreview.setEnabled(not busy)

    def reject(self) -> None:
        if self.writing:
            return  # writing: the import finishes (or fails) as one transaction
        super().reject()


def _run_calendar(parent: QWidget, path: Path) -> bool:
    from desktop.services import calendar_import

    try:
        previews = calendar_import.preview_invites(path)
    except Exception as exc:  # the service names the file and the problem
        common.show_message(parent, tr("Import"), error_text(exc), error=True)
        return False
    lines = [
        tr("{0} ({1}): {2} attendees you know, {3} you don't").format(
            p.event.title,
            p.event.starts_at.strftime("%Y-%m-%d %H:%M"),
            len(p.matched),
            len(p.unmatched),
        )
        for p in previews
    ]
    text = tr("Add these events to Rapport? Attendees you don't know yet are left out.")
    if not common.confirm(parent, tr("Import calendar"), text + "\n\n" + "\n".join(lines)):
        return False
    from desktop.services.change_sets import change_mark

    before = change_mark()
    try:
        for preview in previews:
            calendar_import.apply_invite(preview)
    except Exception as exc:
        common.show_message(parent, tr("Import"), error_text(exc), error=True)
        return push_import_step(parent, path.name, before)  # what did land stays undoable
    push_import_step(parent, path.name, before)
    return bool(previews)


def push_import_step(parent: QWidget, name: str, before: int) -> bool:
    """What was written since the change-log mark ``before`` becomes one Edit ▸ Undo step
    ("Import NAME"), like any edit; True when anything was written."""
    from desktop.services.change_sets import change_mark

    after = change_mark()
    stack = getattr(parent, "undo_stack", None)
    if after > before and stack is not None:
        push(stack, BatchCommand(tr("Import {0}").format(name), before, after))
    return after > before


def run_import(parent: QWidget, path: Path | None = None) -> bool:
    """Import a file (chosen here when ``path`` is None); True when something was written."""
    if path is None:
        path = common.choose_open_file(parent, tr("Import contacts"), _filters())
        if path is None:
            return False
    path = Path(path)
    if path.suffix.lower() in CALENDAR_SUFFIXES:
        return _run_calendar(parent, path)
    from desktop.services.change_sets import change_mark

    before = change_mark()
    dialog = ImportDialog(path, parent)
    try:
        accepted = common.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        result = dialog.result_
        if dialog.job is not None:
            dialog.job.wait(5.0)
    finally:
        dialog.deleteLater()
    written = bool(accepted and result is not None and any(result.written.values()))
    if written:  # one undo step for the whole file, like any edit (Edit ▸ Undo Import …)
        push_import_step(parent, path.name, before)
    return written
