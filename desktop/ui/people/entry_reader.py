"""The reading pane under a person's timeline: the selected entry, in full.

The timeline paints two lines per entry so a relationship's history reads at a glance;
a note is read in full here, in place, without opening an editor dialog.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from desktop.domain.timeline import TimelineEntry
from desktop.ui.kit import format as fmt


class EntryReader(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineReader")
        self.setAccessibleName(self.tr("Selected entry, in full"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setOpenLinks(False)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.show_entry(None)

    def show_entry(self, entry: TimelineEntry | None) -> None:
        """Show ``entry``'s date, title and whole text (None: a hint what this pane is)."""
        if entry is None:
            self.setHtml(
                "<p style='color:gray'>"
                + html.escape(self.tr("Select an entry in the timeline to read it in full here."))
                + "</p>"
            )
            return
        when = fmt.day_and_time(entry.when if entry.when.year > 1 else None)
        parts = [
            f"<p><b>{html.escape(entry.title)}</b><br>"
            f"<span style='color:gray'>{html.escape(when)}</span></p>"
        ]
        if entry.detail:
            paragraphs = [p for p in entry.detail.split("\n") if p.strip()]
            parts.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        if entry.confidential:
            parts.append(f"<p><i>{html.escape(self.tr('Told in confidence.'))}</i></p>")
        self.setHtml("".join(parts))
