"""The trust meter explains itself (issue #13): signs, legend, the bundled document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.ui.people.trust_doc import REASONS, TrustDocDialog, trust_doc_text

ROOT = Path(__file__).resolve().parents[2]


def plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText().replace("\u00a0", " ")


def test_the_bundled_document_is_the_repository_one() -> None:
    bundled = paths.resource("docs", "trust-meter.md").read_text(encoding="utf-8")
    assert bundled == (ROOT / "docs" / "trust-meter.md").read_text(encoding="utf-8"), (
        "resources/docs/trust-meter.md is stale: cp docs/trust-meter.md resources/docs/"
    )
    assert REASONS in trust_doc_text()


def test_reasons_carry_signs_and_the_legend_names_the_bands(window, qtbot, ana) -> None:
    window.open_person(ana)
    panel = window.people.person_view.editor.trust
    theirs = plain(panel.reasons_theirs.text())
    assert "\u2212 you promised Ana you'd send her the deck" in theirs  # overdue: lowers
    assert "lowers it" in theirs
    mine = plain(panel.reasons_in_them.text())
    assert "+ 1 deep conversation" in mine and "raises it" in mine
    legend = panel.legend.text()
    for band in ("strained 0–14", "solid 50–69", "deep 85–100"):
        assert band in legend
    assert "How is this worked out?" in panel.how_link.text()


def test_the_link_opens_the_document_at_the_reasons(window, qtbot, ana) -> None:
    window.open_person(ana)
    panel = window.people.person_view.editor.trust
    panel.how_link.linkActivated.emit("#reasons")
    dialog = panel.explanation
    qtbot.waitExposed(dialog)
    try:
        browser = dialog.browser
        assert "The trust meter" in browser.toPlainText()
        top_block = browser.cursorForPosition(browser.viewport().rect().topLeft()).block()
        near_top = [top_block.text(), top_block.next().text(), top_block.previous().text()]
        assert any(REASONS in text for text in near_top), near_top
        assert browser.verticalScrollBar().value() > 0
    finally:
        dialog.close()


def test_the_card_bars_say_what_they_are(window, qtbot, ana) -> None:
    from desktop.services import people

    model = window.people.model
    pid = people.create_person(full_name="🌻 Sunny Okafor 🚀")
    qtbot.waitUntil(lambda: model.row_of(pid) >= 0 and model.row_of(ana) >= 0)
    qtbot.waitUntil(window.wait_until_idle, timeout=10_000)
    index = model.index(model.row_of(pid))
    spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "You → Sunny " in spoken and "Sunny → you " in spoken
    assert "You → Sunny " in tip


def test_credibility_not_rated(window, qtbot, ana) -> None:
    window.open_person(ana)
    combo = window.people.person_view.editor.credibility
    assert combo.currentText() == "Not rated"
    assert combo.itemText(combo.findData(4)) == "Credibility 4/5"


def test_document_dialog_fits_the_screen(qapp: QApplication) -> None:
    dialog = TrustDocDialog(None)
    room = qapp.primaryScreen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.deleteLater()
