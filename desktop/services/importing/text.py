"""Turning a file's bytes into clean text, and imported strings into safe field values.

Address books arrive in every encoding their exporter liked: UTF-8 with or without a
byte-order mark, UTF-16 (Outlook, Excel "Unicode text"), Windows-1252 (older Outlook
and Excel on Windows). Decoding is decided once per file, strictly, so a wrong guess
shows up as an error instead of as mojibake in someone's name.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime

from desktop.services.importing.records import ImportFileError

MAX_FIELD = 100_000  # characters kept of one imported text field
MAX_NAME = 500
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, source: str, *, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; raises ImportFileError for binary data."""
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ImportFileError(f"{source}: cannot be read as {encoding} ({exc})") from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name + (" with BOM" if "8" in name else "")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"{source}: starts like {name} text but is not valid {name} "
                    f"(byte {exc.start + len(bom)})"
                ) from exc
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 4:
        # UTF-16 without a BOM: every other byte of Latin text is zero.
        name = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"{source}: this is not a text file") from exc
    if sample.count(0) > 2 or (b"\x00" in sample and not _mostly_text(sample)):
        # A stray NUL in an otherwise textual file is the row's problem, not the file's:
        # CSV refuses just that row (docs/formats.md).
        raise ImportFileError(f"{source}: this is not a text file (it holds binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = legacy_encoding(data)
    if guessed is not None:
        return data.decode(guessed), guessed
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise ImportFileError(f"{source}: this is not a text file in a known encoding")
    return text, "windows-1252"


def _mostly_text(sample: bytes) -> bool:
    printable = sum(1 for b in sample if b >= 0x20 or b in (9, 10, 13))
    return printable >= len(sample) * 0.98


#: Legacy encodings tried, in order, for a file that is not UTF-8.
_LEGACY = ("cp1252", "cp932", "euc_jp", "gb18030", "big5", "euc_kr", "latin-1")
_CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _plausibility(text: str, encoding: str) -> float:
    """How much the non-ASCII characters of a decoding look like real writing (0…1).

    Latin encodings: accented letters standing inside words. Far-East encodings: CJK
    characters. Mojibake (Shift_JIS read as Windows-1252: "ˆÀ“¡ƒ") is punctuation and
    symbols in runs, and scores low.
    """
    import unicodedata

    odd = [c for c in text if ord(c) > 127]
    if not odd:
        return 1.0
    if encoding in ("cp1252", "latin-1"):
        good = 0
        for index, char in enumerate(text):
            if ord(char) <= 127:
                continue
            before = text[index - 1] if index else " "
            letter = unicodedata.category(char).startswith("L") and char not in "ƒˆ˜ªº"
            if letter and (before.isascii() or unicodedata.category(before).startswith("L")):
                good += 1
            elif char in "€£§°±²³µ·«»–—‘’“”…•´¿¡×":
                good += 0.5
        runs = len(re.findall("[^\x00-\x7f]{3,}", text))
        return max(0.0, good / len(odd) - runs * 3 / len(odd))
    return sum(1 for c in odd if _CJK.match(c)) / len(odd)


def legacy_encoding(data: bytes) -> str | None:
    """The most plausible legacy encoding of a non-UTF-8 file, or None if none fits."""
    best: tuple[float, str] | None = None
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, name)
        if best is None or score > best[0] + 0.05:
            best = (score, name)
    if best is None or best[0] < 0.5:
        return None
    return {"cp1252": "windows-1252"}.get(best[1], best[1])


def clean(value: object, limit: int = MAX_FIELD, *, strip: bool = True) -> str:
    """A string safe to store: no control characters or lone surrogates, bounded length.

    ``strip=False`` keeps surrounding whitespace (our own exports, read back exactly).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return (text.strip() if strip else text)[:limit]


def clean_name(value: object) -> str:
    return " ".join(clean(value, MAX_NAME * 2).split())[:MAX_NAME]


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y%m%d",
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d.%m.%y",
    "%b %d %Y",
    "%d %b, %Y",
)


def parse_date(text: str) -> date | None:
    """A calendar date from the shapes exporters write; None when it is not one."""
    value = text.strip()[:40]
    if not value:
        return None
    if "T" in value or ":" in value:
        moment = parse_datetime(value)
        return moment.date() if moment else None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_datetime(text: str) -> datetime | None:
    """A local, naive datetime (UTC stamps are converted to local time); None if unreadable."""
    value = text.strip()[:40]
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        day = parse_date(value) if "T" not in value and ":" not in value else None
        return datetime(day.year, day.month, day.day) if day else None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            moment = moment.replace(tzinfo=None)
    return moment.replace(microsecond=0)


def birthday_text(text: str) -> str:
    """ISO birthday for Person.about ("1985-04-12", or "--04-12" when the year is unknown)."""
    value = text.strip()[:40]
    match = re.fullmatch(r"--(\d\d)-?(\d\d)", value)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        return f"--{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""
    day = parse_date(value.split("T")[0] if "T" in value else value)
    if day is None:
        return ""
    if day.year in (1604, 1900, 1):  # Apple and Outlook mark an unknown year this way
        return f"--{day.month:02d}-{day.day:02d}"
    return day.isoformat()


def split_birthday(year: str, month: str, day: str) -> str:
    """A birthday from separate year/month/day cells ("" when they make no date).

    The year may be missing (``--MM-DD``); months may be written as names ("Jan").
    """
    year, month, day = year.strip(), month.strip(), day.strip()
    try:
        month_no = int(month) if month.isdigit() else datetime.strptime(month[:3], "%b").month
        day_no = int(day)
        year_no = int(year) if year else 0
    except ValueError:
        return ""
    try:
        date(year_no or 2000, month_no, day_no)  # 2000: a leap year, so 29 February stands
    except ValueError:
        return ""
    if not year_no or year_no in (1604, 1900, 1):
        return f"--{month_no:02d}-{day_no:02d}"
    return f"{year_no:04d}-{month_no:02d}-{day_no:02d}"
