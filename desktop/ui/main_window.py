"""The main window (first cut: the data folder and what it holds)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.services import directory


class MainWindow(QMainWindow):
    def __init__(self, data_folder: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Rapport")
        count = directory.people_count()
        label = QLabel(f"{count} people in {data_folder}")
        label.setMargin(24)
        self.setCentralWidget(label)
