"""The thin Qt layer that puts a briefing sheet on paper (a printer, a PDF, a preview).

QTextDocument paginates on its own but ignores ``page-break-inside: avoid``, so a
person's block could start at the foot of one page and end on the next — useless in a
hallway. Instead, the header and each person become separate documents laid out for the
real printer (its resolution, its fonts), measured, and placed with QPainter while they
fit; a block that does not fit starts a new page. Only a block taller than a whole page
(which the domain's text limits make unlikely) is sliced, and the result says so.

``QtPrintSupport`` is imported at module level on purpose: PyInstaller then sees it and
bundles the print-support plugin, which a lazy import would hide from its analysis.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.briefing import BriefingSheet, PersonBrief
from desktop.printing.briefing_html import (
    FONT_FAMILY,
    WHO_ROWS,
    footer_text,
    header_html,
    person_compact_html,
    person_html,
    photo_url,
    whos_who_blocks,
)
from desktop.printing.fonts import register_fonts

__all__ = [
    "PAGE_SIZES",
    "PrintResult",
    "configure_printer",
    "ensure_application",
    "render_sheet",
    "save_pdf",
]

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
#: Margins in millimetres: generous enough for any office printer's unprintable edge.
MARGIN_MM = 12.0
_FAMILIES = [name.strip().strip("'") for name in FONT_FAMILY.split(",")]
#: Space between blocks and around the footer, in points.
GAP_PT = 12.0
FOOTER_PT = 7.0


@dataclass(frozen=True, slots=True)
class PrintResult:
    pages: int
    blocks: int  # the header, the who's-who blocks and one per person
    sliced: int  # blocks taller than a page, which had to be cut (normally 0)
    placement: tuple[tuple[int, ...], ...]  # per page: indexes of the blocks on it


def ensure_application() -> QGuiApplication:
    """A Qt application for painting, creating an offscreen one when none exists.

    The CLI prints without a display: ``QT_QPA_PLATFORM=offscreen`` is set first unless
    the user chose a platform, because Qt picks the platform when the application is made.
    """
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A terminal user needs no word from Qt about fonts lacking OpenType tables for
    # scripts the sheet may never use (one line per font and script, on every run):
    # walking the sheet's font list for, say, a Devanagari name, Qt notes at "info"
    # level each bundled font it passes over before the one that has the script.
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.text.font.db.warning=false;qt.text.font.db.info=false"
    )
    return QGuiApplication(sys.argv[:1])


def configure_printer(printer: QPrinter, page_size: str = "A4") -> None:
    """Portrait, the chosen page size, and our margins."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of: {', '.join(PAGE_SIZES)}")
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def _points(printer: QPrinter, pt: float) -> float:
    return pt * printer.resolution() / 72.0


def _base_font() -> QFont:
    """The sheet's font, without ligatures: "conﬁdence" drawn with an ﬁ glyph reads the
    same on paper but breaks search and copy-paste in the PDF (and screen readers)."""
    font = QFont()
    font.setFamilies(_FAMILIES)
    font.setPointSizeF(8)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _document(
    html: str,
    printer: QPrinter,
    width: float,
    photo: PersonBrief | None = None,
    photos: tuple[PersonBrief, ...] = (),
) -> QTextDocument:
    """A document laid out for the printer itself, so measured heights are the real ones."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(_base_font())
    for person in (photo, *photos) if photo is not None else photos:
        if not person.photo:
            continue
        image = QImage.fromData(person.photo)
        if not image.isNull():
            # Grey, like the rest of the sheet: colour photos print muddy on lasers.
            grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            doc.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(photo_url(person.person_id)), grey
            )
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def _paginate(heights: list[float], available: float, gap: float) -> list[list[tuple[int, float]]]:
    """Place blocks top to bottom while they fit; a block that does not fit opens a page."""
    pages: list[list[tuple[int, float]]] = [[]]
    y = 0.0
    for index, height in enumerate(heights):
        if pages[-1] and y + height > available:
            pages.append([])
            y = 0.0
        pages[-1].append((index, y))
        y += height + gap
    return pages


def render_sheet(sheet: BriefingSheet, printer: QPrinter, *, detailed: bool = False) -> PrintResult:
    """Paint ``sheet`` onto ``printer`` (PDF, paper or a print preview's printer).

    Page 1 opens with a who's who of every guest; then one block per person — compact
    (six or more to a page) by default, or the roomy ``detailed`` layout.
    """
    ensure_application()
    register_fonts()
    dpi = printer.resolution()
    paint = printer.pageLayout().paintRectPixels(dpi)
    width, height = float(paint.width()), float(paint.height())
    gap = _points(printer, GAP_PT)
    footer = _points(printer, FOOTER_PT) * 1.6
    available = height - footer - gap

    docs = [_document(header_html(sheet), printer, width)]
    for i, block in enumerate(whos_who_blocks(sheet)):
        rows = sheet.people[i * WHO_ROWS : (i + 1) * WHO_ROWS]
        docs.append(_document(block, printer, width, photos=rows))
    shape = person_html if detailed else person_compact_html
    docs.extend(
        _document(shape(p, today=sheet.printed_on), printer, width, p) for p in sheet.people
    )
    heights = [doc.size().height() for doc in docs]

    # A block taller than a page gets pages of its own, sliced at page height.
    plan: list[list[tuple[int, float, float]]] = []  # (block, y on page, offset in block)
    sliced = 0
    for page in _paginate([min(h, available) for h in heights], available, gap):
        plan.append([])
        for index, y in page:
            plan[-1].append((index, y, 0.0))
            if heights[index] > available:
                sliced += 1
                offset = available
                while offset < heights[index]:
                    plan.append([(index, 0.0, offset)])
                    offset += available

    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("could not start printing (is the output file writable?)")
    try:
        rule = QPen(Qt.GlobalColor.black)
        rule.setWidthF(max(1.0, dpi / 300))
        for number, page in enumerate(plan, start=1):
            if number > 1:
                printer.newPage()
            for index, y, offset in page:
                if index > 0 and offset == 0.0 and y > 0:
                    painter.setPen(rule)
                    painter.drawLine(0, round(y - gap / 2), round(width), round(y - gap / 2))
                painter.save()
                painter.translate(0, y - offset)
                visible = QRectF(0, offset, width, min(heights[index] - offset, available))
                docs[index].drawContents(painter, visible)
                painter.restore()
            _footer(painter, printer, sheet, number, len(plan), width, height, footer)
    finally:
        painter.end()
    placement = tuple(tuple(index for index, _, _ in page) for page in plan)
    return PrintResult(len(plan), len(docs), sliced, placement)


def _footer(
    painter: QPainter,
    printer: QPrinter,
    sheet: BriefingSheet,
    page: int,
    pages: int,
    width: float,
    height: float,
    footer: float,
) -> None:
    font = _base_font()
    font.setPointSizeF(FOOTER_PT)
    painter.save()
    painter.setFont(font)
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(max(1.0, printer.resolution() / 600))
    painter.setPen(pen)
    top = height - footer
    painter.drawLine(0, round(top), round(width), round(top))
    painter.drawText(
        QRectF(0, top, width, footer),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        footer_text(sheet, page, pages),
    )
    painter.restore()


def save_pdf(
    sheet: BriefingSheet,
    path: str | os.PathLike[str],
    *,
    page_size: str = "A4",
    detailed: bool = False,
) -> PrintResult:
    """Write the sheet as a PDF file; returns how it was paginated.

    Qt reports nothing when it cannot write (a full disk leaves a 0-byte file), so the
    PDF is painted into a temporary file, checked (a PDF header, an end-of-file marker)
    and only then moved over ``path``; a device or a pipe (``/dev/stdout``) is written
    to, never replaced. Raises OSError when the result is not a whole PDF.
    """
    target = Path(path)
    if target.is_dir():
        raise OSError(f"{target} is a folder; give a file name such as briefing.pdf")
    regular = not target.exists() or target.is_file()
    folder = target.parent if regular else Path(tempfile.gettempdir())
    handle, name = tempfile.mkstemp(prefix=".briefing-", suffix=".pdf", dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        result = _paint_pdf(sheet, temporary, page_size, detailed)
        _check_pdf(temporary)
        if regular:
            os.replace(temporary, target)
        else:
            with temporary.open("rb") as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
    finally:
        temporary.unlink(missing_ok=True)
    return result


def _paint_pdf(
    sheet: BriefingSheet, target: Path, page_size: str, detailed: bool = False
) -> PrintResult:
    ensure_application()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setCreator("Rapport")
    printer.setDocName(f"Briefing — {sheet.title}")
    configure_printer(printer, page_size)
    return render_sheet(sheet, printer, detailed=detailed)


def _check_pdf(path: Path) -> None:
    """A whole PDF starts with ``%PDF-`` and ends with ``%%EOF``; Qt may leave less."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, size - 1024))
        tail = handle.read()
    if size == 0 or head != b"%PDF-" or b"%%EOF" not in tail:
        raise OSError(
            errno.ENOSPC if size == 0 else errno.EIO,
            f"the PDF could not be written completely ({size} bytes; is the disk full?)",
            str(path),
        )
