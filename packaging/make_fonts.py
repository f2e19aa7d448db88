"""Build the briefing's bundled fonts: Noto Sans subsets, from Debian's font packages.

    apt-get download fonts-noto-core fonts-noto-cjk
    dpkg-deb -x fonts-noto-core_*.deb FOLDER && dpkg-deb -x fonts-noto-cjk_*.deb FOLDER
    pip install fonttools   # build time only; the app never imports it
    python packaging/make_fonts.py FOLDER

writes ``resources/fonts/*.ttf`` / ``*.otf``. A briefing must print every guest's name in
its own script on a machine that has no such fonts installed (no boxes, no black bars),
so the sheet carries its own: Latin/Greek/Cyrillic, Arabic, Hebrew, Devanagari, Thai and
CJK, plus the few symbols the sheet draws (☐ ★ → −). Whole fonts would weigh ~21 MB (CJK alone 19 MB); the subsets keep each script's
letters, marks and shaping rules (GSUB/GPOS, needed for Arabic and Devanagari) and, for
CJK, the characters of the common national standards — GB 2312 level 1 (simplified
Chinese), JIS X 0208 level 1 (Japanese kanji), all kana, and the 2,350 Hangul
syllables of KS X 1001. The fonts are under the SIL Open Font License 1.1
(resources/fonts/OFL.txt), which allows subsetting and bundling.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"

LATIN = "U+0000-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,U+0500-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2212,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2610-2612,U+2713-2717,U+FB00-FB06"
SCRIPTS = {
    "NotoSans-Regular.ttf": LATIN,
    "NotoSans-Bold.ttf": LATIN,
    "NotoSansArabic-Regular.ttf": "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+0020-0040",
    "NotoSansHebrew-Regular.ttf": "U+0590-05FF,U+FB1D-FB4F,U+200C-200F,U+0020-0040",
    "NotoSansDevanagari-Regular.ttf": "U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF,U+200C-200D,U+25CC,U+0020-0040",
    "NotoSansThai-Regular.ttf": "U+0E00-0E7F,U+200B-200D,U+25CC,U+0020-0040",
    # The sheet's own marks: ☐ (a promise to tick), ★ (focus), ✓; → ← and − (trust, signs).
    "NotoSansSymbols2-Regular.ttf": "U+2605,U+2606,U+2610-2612,U+2713-2717,U+0020",
    "NotoSansMath-Regular.ttf": "U+2190-2195,U+2212,U+0020",
}


def _decoded(encoding: str, lead: range, trail: range) -> str:
    chars = []
    for first in lead:
        for second in trail:
            try:
                chars.append(bytes((first, second)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def cjk_text() -> str:
    """The CJK characters kept: common national-standard sets (see the module doc)."""
    hanzi = _decoded("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))  # GB 2312 level 1
    kanji = _decoded("shift_jis", range(0x88, 0x99), range(0x40, 0xFD))  # JIS level 1
    hangul = _decoded("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))  # KS X 1001 Hangul
    kana = "".join(chr(c) for c in range(0x3040, 0x3100))
    punctuation = "".join(chr(c) for c in range(0x3000, 0x3040)) + "".join(
        chr(c) for c in range(0xFF00, 0xFFF0)
    )
    return "".join(sorted(set(hanzi + kanji + hangul + kana + punctuation)))


def main(folder: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    source = Path(folder) / "usr" / "share" / "fonts"
    OUT.mkdir(parents=True, exist_ok=True)
    options = ["--layout-features=*", "--no-hinting", "--desubroutinize", "--name-IDs=*"]
    for name, unicodes in SCRIPTS.items():
        subset.main(
            [str(source / "truetype" / "noto" / name), f"--unicodes={unicodes}",
             f"--output-file={OUT / name}", *options]
        )  # fmt: skip
    collection = TTCollection(str(source / "opentype" / "noto" / "NotoSansCJK-Regular.ttc"))
    for font in collection.fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            whole = OUT / "NotoSansCJKsc-whole.otf"
            font.save(str(whole))
            break
    else:
        raise SystemExit("Noto Sans CJK SC is not in the collection")
    chars = OUT / "cjk-chars.txt"
    chars.write_text(cjk_text(), encoding="utf-8")
    try:
        subset.main(
            [str(whole), f"--text-file={chars}", "--unicodes=U+0020-007E",
             f"--output-file={OUT / 'NotoSansCJKsc-Regular.otf'}", *options]
        )  # fmt: skip
    finally:
        whole.unlink(missing_ok=True)
        chars.unlink(missing_ok=True)
    for path in sorted(OUT.glob("Noto*")):
        print(f"{path.name:32} {path.stat().st_size / 1024:8.0f} KiB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/noto")
