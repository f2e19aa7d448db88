"""The friendly first-run page: what Rapport is for, and three ways to begin.

Most people arrive with contacts in another app, so importing them (File ▸ Import) is
offered here beside adding one person and trying the demo network.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.kit.icons import icon
from desktop.ui.kit.style import SPACING, scaled_font


class EmptyState(QWidget):
    addPersonRequested = Signal()
    demoRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel(self.tr("Your network starts with one person"), self)
        title.setFont(scaled_font(self.font(), 1.6, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        body = QLabel(
            self.tr(
                "Rapport keeps who you know, what you talked about and what each of you "
                "promised — on this computer only. Add someone you met recently, bring in "
                "your contacts from another app, or look around a sample network first."
            ),
            self,
        )
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setFixedWidth(520)  # a fixed width lets the wrapped text get its full height
        self.add_button = QPushButton(icon("person-add"), self.tr("&Add a Person"), self)
        self.add_button.setObjectName("emptyAddPerson")
        self.add_button.setAccessibleName(self.tr("Add a person"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.addPersonRequested)
        self.import_button = QPushButton(icon("import"), self.tr("&Import Your Contacts…"), self)
        self.import_button.setObjectName("emptyImport")
        self.import_button.setAccessibleName(self.tr("Import your contacts"))
        self.import_button.setToolTip(
            self.tr("From a vCard or CSV file (phone, Google, Outlook, LinkedIn) or Monica")
        )
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button = QPushButton(icon("import"), self.tr("Try a &Demo Network"), self)
        self.demo_button.setObjectName("emptyDemo")
        self.demo_button.setAccessibleName(self.tr("Load a demo network of 200 people"))
        self.demo_button.setToolTip(
            self.tr("Adds 200 made-up people with conversations and promises to explore")
        )
        self.demo_button.clicked.connect(self.demoRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(SPACING)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(body)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(SPACING * 2)
        layout.addLayout(buttons)
        layout.addStretch(3)
