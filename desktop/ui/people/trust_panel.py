"""The trust meter with its reasons and the next best action beside it.

A score without its reasons would be a black box; the panel shows both directions'
reasons, each with its sign and weight in words ("+ kept 4 of 5 promises — raises it a
lot", "− no contact for 3 months — lowers it a lot", from
:mod:`desktop.domain.trust_reasons`), a legend of the level words and their bands, one
concrete next action, and a "How is this worked out?" link to the bundled document.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.trust import LEVELS, TrustReading
from desktop.domain.trust_reasons import LOWERS, RAISES, classify_all
from desktop.ui.kit.style import SPACING
from desktop.ui.people.trust_meter import TrustMeter


def _bullets(items: tuple[str, ...]) -> str:
    lines = []
    for reason in classify_all(items):
        words = (
            f" <span style='color:gray'>— {html.escape(reason.words)}</span>"
            if reason.words
            else ""
        )
        weight = "bold" if reason.sign in (RAISES, LOWERS) else "normal"
        lines.append(
            f"<br><span style='font-weight:{weight}'>{reason.mark}</span>&nbsp;"
            f"{html.escape(reason.text)}{words}"
        )
    return "".join(lines)


def legend_text() -> str:
    """ "strained 0–14 · slight 15–29 · … · deep 85–100": the words and their bands."""
    bands = []
    for i, (bound, word) in enumerate(LEVELS):
        top = LEVELS[i + 1][0] - 1 if i + 1 < len(LEVELS) else 100
        bands.append(f"{word} {bound}–{top}")
    return " · ".join(bands)


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
        self.legend = QLabel(self)
        self.legend.setObjectName("trustLegend")
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Trust levels"))
        self.legend.setText(
            self.tr("Levels: %1. + raises a score, − lowers it.").replace("%1", legend_text())
        )
        self.legend.setStyleSheet("color: gray")
        self.how_link = QLabel(self)
        self.how_link.setObjectName("trustHowLink")
        self.how_link.setTextFormat(Qt.TextFormat.RichText)
        self.how_link.setText(
            f"<a href='#reasons'>{html.escape(self.tr('How is this worked out?'))}</a>"
        )
        self.how_link.setAccessibleName(self.tr("How is this worked out?"))
        self.how_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.how_link.linkActivated.connect(lambda _link: self.open_explanation())

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
        layout.addWidget(self.legend)
        layout.addWidget(self.how_link)
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

    def open_explanation(self) -> None:
        """Open the bundled docs/trust-meter.md at its "Reasons" part."""
        from desktop.ui.people.trust_doc import TrustDocDialog

        dialog = TrustDocDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.explanation = dialog  # kept for tests and so it is not collected

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
