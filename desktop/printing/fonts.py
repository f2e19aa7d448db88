"""The briefing's own fonts: registered with Qt before a sheet is laid out.

A guest list mixes scripts — "Ana Ruiz", "Αλέξης", "محمد الأحمد", "अनीता", "王小明" — and a
bare machine may have a font for none but the first: Qt then prints boxes, and a PDF
viewer black bars. The sheet carries Noto Sans subsets (resources/fonts, built by
packaging/make_fonts.py; OFL) and names them all in its font list, so Qt falls back per
glyph through them and embeds each one that it uses in the PDF.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from desktop import paths

#: Families in fallback order: Latin/Greek/Cyrillic first, then each other script.
FAMILIES = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
    "Noto Sans CJK SC",
    "Noto Sans Symbols2",
    "Noto Sans Math",
)


@cache
def register_fonts() -> tuple[str, ...]:
    """Add the bundled fonts to Qt's database (once per process); returns their families.

    Needs a Qt application. A missing or damaged file is skipped: the sheet then falls
    back to the system's fonts for that script rather than failing to print.
    """
    families: list[str] = []
    folder = paths.resource("fonts")
    for path in sorted(folder.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))
