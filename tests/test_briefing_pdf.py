"""The printed sheet itself: the PDF's text, page sizes, pagination, and the preview dialog.

PDF text is read with poppler's ``pdftotext -layout`` (pages are separated by form
feeds), page sizes with ``pdfinfo``; both come with ``poppler-utils``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from fixtures.briefing_network import SECRET_WORDS, TODAY, build_network, guest_name

from desktop.printing.briefing_html import LAST_MARK

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="needs poppler-utils (pdftotext, pdfinfo)",
)


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_page_size(path: Path) -> str:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"Page size:\s+(.*)", out)
    assert match, out
    return match.group(1)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def sheet(data_dir: Path, qapp):
    from desktop.services.briefing import gather_for_event

    network = build_network(extra_people=10, today=TODAY)
    return gather_for_event(network.event_id, today=TODAY)


@needs_poppler
def test_pdf_holds_the_people_promises_and_dates(sheet, tmp_path: Path) -> None:
    from desktop.printing.printer import save_pdf

    out = tmp_path / "brief.pdf"
    result = save_pdf(sheet, out, detailed=True)  # the roomy layout keeps one line per fact
    assert result.pages >= 3 and result.sliced == 0
    pages = pdf_pages(out)
    assert len(pages) == result.pages
    text = flat("\n".join(pages))
    for name in ("Ana Ruiz", "Cleo Park", "Dev Patel", "Ben Ode", guest_name(0), guest_name(9)):
        assert name in text
    assert (
        "Harbour Summit" in text and "Your goals: Meet two people working on ocean plastics" in text
    )
    assert "Thu 5 Mar 2026, 09:00–17:00 · Pier 4, Lisbon" in text
    late = TODAY - timedelta(days=4)
    assert f"send the deck (due {late.day} {late:%b}) LATE 4 days" in text
    assert "intro to Ben's team (due 11 Mar)" in text
    assert "return your book" in text  # worded for the reader
    assert "Last talked".upper() in text and "Wed 18 Feb 2026 · Lisbon" in text
    assert "NOT MET YET" in text and "Ben Ode (also at Globex)" in text
    assert "3 items told in confidence are not printed — see Rapport" in text


@needs_poppler
def test_pdf_never_prints_a_confidence(sheet, tmp_path: Path) -> None:
    from desktop.printing.printer import save_pdf

    out = tmp_path / "brief.pdf"
    save_pdf(sheet, out)
    text = "\n".join(pdf_pages(out))
    for word in SECRET_WORDS:
        assert word not in text
    assert "thinking of leaving" not in text  # the rest of the confidential note
    assert "two kids" not in text  # the rest of the confidential field


@needs_poppler
def test_every_page_has_page_numbers_and_the_print_date(sheet, tmp_path: Path) -> None:
    from desktop.printing.printer import save_pdf

    out = tmp_path / "brief.pdf"
    pages = pdf_pages(out) if save_pdf(sheet, out) else []
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
        assert "printed Mon 2 Mar 2026" in flat(page)


@needs_poppler
def test_no_person_block_is_split_across_pages(sheet, tmp_path: Path) -> None:
    from desktop.printing.printer import save_pdf

    out = tmp_path / "brief.pdf"
    save_pdf(sheet, out)
    pages = [flat(p) for p in pdf_pages(out)]
    for person in sheet.people:
        first = person.name.split()[0]
        marker = f"{LAST_MARK} {first}:"
        holding = [i for i, page in enumerate(pages) if marker in page]
        assert len(holding) == 1, (person.name, holding)
        assert person.name in pages[holding[0]], f"{person.name}'s block was split"
    # Names mentioned only in their own block appear twice: there and in the who's who.
    for name in [guest_name(i) for i in range(10)] + ["Ana Ruiz", "Dev Patel"]:
        assert sum(page.count(name) for page in pages) == 2, name
        assert name in pages[0]  # the who's who


@needs_poppler
@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_page_size(sheet, tmp_path: Path, size: str, points: str) -> None:
    from desktop.printing.printer import save_pdf

    out = tmp_path / f"brief-{size}.pdf"
    save_pdf(sheet, out, page_size=size)
    assert pdf_page_size(out).startswith(points)


def test_a_block_taller_than_a_page_is_sliced_not_lost(data_dir: Path, qapp, tmp_path) -> None:
    import dataclasses

    from desktop.printing.printer import save_pdf
    from desktop.services.briefing import gather_for_event

    network = build_network(today=TODAY)
    sheet = gather_for_event(network.event_id, today=TODAY)
    giant = dataclasses.replace(
        sheet.people[0], ask_about=tuple(("Line", f"fact {n}") for n in range(150))
    )
    result = save_pdf(
        dataclasses.replace(sheet, people=(giant,)), tmp_path / "giant.pdf", detailed=True
    )
    assert result.sliced == 1
    assert result.pages >= 2


def test_unknown_page_size_is_refused(qapp) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.printing.printer import configure_printer

    with pytest.raises(ValueError, match="A4, Letter"):
        configure_printer(QPrinter(), "A3")


def test_preview_dialog_opens_paints_and_saves(sheet, qtbot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QPushButton

    from desktop.services.events import list_events
    from desktop.ui.briefing.preview_dialog import BriefingPreviewDialog, show_briefing_preview

    event_id = next(e.id for e in list_events() if e.title == "Harbour Summit")
    dialog = show_briefing_preview(None, event_id=event_id)
    assert isinstance(dialog, BriefingPreviewDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.objectName() == "briefingPreview"
    assert dialog.windowTitle() == "Briefing — Harbour Summit"
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    compact = preview.pageCount()
    assert dialog.save_pdf_action.text() == "Save as &PDF…"
    button = dialog.findChild(QPushButton, "savePdfButton")
    assert button is not None and button.isVisible() and button.text() == "Save as PDF…"
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.detailed_action.setChecked(True)
    qtbot.waitUntil(lambda: preview.pageCount() > compact)
    saved = dialog.save_pdf(tmp_path / "from-dialog")
    assert saved == tmp_path / "from-dialog.pdf" and saved.stat().st_size > 1000
    dialog.close()


def test_preview_for_hand_picked_people(data_dir: Path, qtbot) -> None:
    from desktop.ui.briefing.preview_dialog import show_briefing_preview

    network = build_network(today=TODAY)
    dialog = show_briefing_preview(None, person_ids=[network.ana, network.ben])
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [p.name for p in dialog.sheet.people] == ["Ana Ruiz", "Ben Ode"]
    dialog.close()


def test_preview_of_nothing_explains_instead_of_opening(
    data_dir: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.briefing.preview_dialog import show_briefing_preview

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    assert show_briefing_preview(None, event_id="no-such-event") is None
    assert show_briefing_preview(None) is None
    assert told[0] == "no event no-such-event"
    assert "needs an event or at least one person" in told[1]
