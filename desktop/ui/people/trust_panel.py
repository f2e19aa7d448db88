"""The trust meter with its reasons and the next best action beside it.

A score without its reasons would be a black box; the panel shows both directions'
reasons ("kept 4 of 5 promises", "you owe Ana the deck, 12 days late") and one concrete
next action, from :func:`desktop.services.trust.reading_for`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.trust import TrustReading
from desktop.ui.kit.style import SPACING
from desktop.ui.people.trust_meter import TrustMeter


def _bullets(items: tuple[str, ...]) -> str:
    return "".join(f"<br>•&nbsp;{html.escape(item)}" for item in items)


class TrustPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustPanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.meter = TrustMeter(self)
        self.next_action = QLabel(self)
        self.next_action.setObjectName("nextAction")
        self.next_action.setWordWrap(True)
        self.next_action.setTextFormat(Qt.TextFormat.RichText)
        self.next_action.setAccessibleName(self.tr("Next best action"))
        self.next_action.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons_in_them = self._reason_label("reasonsInThem", self.tr("Why you trust them"))
        self.reasons_theirs = self._reason_label("reasonsTheirs", self.tr("Why they trust you"))

        reasons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._reasons = reasons
        reasons.setSpacing(SPACING * 2)
        reasons.addWidget(self.reasons_in_them, 1, Qt.AlignmentFlag.AlignTop)
        reasons.addWidget(self.reasons_theirs, 1, Qt.AlignmentFlag.AlignTop)
        # The meter is created here but placed by the owner (beside the person's name);
        # this panel lays out what explains it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(reasons)
        layout.addWidget(self.next_action)
        layout.addStretch(1)

    def _reason_label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(accessible)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_compact(self, compact: bool) -> None:
        """Stack the two directions' reasons when the pane is narrow (beside the meter)."""
        self._reasons.setDirection(
            QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight
        )

    def show_reading(self, first_name: str, reading: TrustReading) -> None:
        self.meter.set_reading(first_name, reading.in_them, reading.their_trust_in_me)
        name = html.escape(first_name)
        self.reasons_in_them.setText(
            f"<b>{self.tr('Why you trust %1').replace('%1', name)}</b>"
            + _bullets(reading.reasons_in_them)
        )
        self.reasons_theirs.setText(
            f"<b>{self.tr('Why %1 trusts you').replace('%1', name)}</b>"
            + _bullets(reading.reasons_theirs)
        )
        self.next_action.setText(f"<b>{self.tr('Next:')}</b> {html.escape(reading.next_action)}")

    def clear(self) -> None:
        self.meter.clear()
        for label in (self.reasons_in_them, self.reasons_theirs, self.next_action):
            label.clear()
