"""The sheet you would bring (issue #13): who's who on page 1, six or more people per page,
promises worded with pronouns, whole sentences, and every script's font embedded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fixtures.briefing_network import TODAY

from desktop.domain.briefing_text import end_on_sentence, object_pronoun, promise_for_reader
from desktop.printing.briefing_html import LAST_MARK

ROOT = Path(__file__).resolve().parents[1]
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="needs poppler-utils (pdftotext, pdffonts)",
)
SCRIPTS = {  # name -> the font that must carry it
    "王小明": "NotoSansCJK",
    "अनीता शर्मा": "NotoSansDevanagari",
    "محمد الأحمد": "NotoSansArabic",
}


def pages_of(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    return [" ".join(p.split()) for p in (pages[:-1] if not pages[-1].strip() else pages)]


def thirty_guests() -> str:
    """An event of 30 guests, each with a pronunciation; returns its id."""
    from desktop.services import commitments, conversations, events, people

    now = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
    event = events.create_event(title="Harbour Night", starts_at=now + timedelta(days=2))
    for i in range(30):
        pid = people.create_person(
            full_name=f"Guest{i:02d} Example",
            pronunciation=f"GEST-{i:02d} eks-AM-pul",
            pronouns="they/them",
            organization="Example Org",
            interests="sailing, jazz and type design",
            help_them="an intro to a designer",
        )
        conversations.log_conversation(
            participants=[pid],
            happened_at=now - timedelta(days=10 + i),
            notes="We talked about the harbour project and a pilot. " * 3,
        )
        commitments.make_commitment(owner="me", person_id=pid, description="send the deck")
        events.add_attendee(event_id=event, person_id=pid, focus=i == 29, why="pilot partner")
    return event


def test_whole_sentences_and_worded_promises() -> None:
    text = "Kids love sailing. She is hiring a designer for the app. And much more to say here."
    assert end_on_sentence(text, 60) == "Kids love sailing. She is hiring a designer for the app."
    assert end_on_sentence("Short note.", 60) == "Short note."
    assert end_on_sentence("a" * 10 + " bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 30).endswith("…")
    assert object_pronoun("She/Her") == ("her", "her")
    assert object_pronoun("") is None
    assert promise_for_reader(
        "me", "send Lina the pricing sheet", first="Lina", pronouns="she/her"
    ) == ("You owe Lina", "send her the pricing sheet")
    assert promise_for_reader("them", "intro me to Marc", first="Lina") == (
        "Lina owes you",
        "intro you to Marc",
    )


@needs_poppler
def test_page_one_is_a_whos_who_and_six_or_more_fit_a_page(data_dir: Path, qapp, tmp_path) -> None:
    from desktop.printing.printer import save_pdf
    from desktop.services.briefing import gather_for_event

    sheet = gather_for_event(thirty_guests(), today=TODAY)
    assert sheet.people[0].name == "Guest29 Example"  # focus first
    for size in ("A4", "Letter"):
        out = tmp_path / f"thirty-{size}.pdf"
        result = save_pdf(sheet, out, page_size=size)
        pages = pages_of(out)
        assert len(pages) == result.pages
        for i in range(30):
            assert f"Guest{i:02d} Example" in pages[0], i
            assert f"GEST-{i:02d} eks-AM-pul" in pages[0], i
        assert pages[0].index("WHO'S WHO") < pages[0].index("Guest29 Example")
        blocks = [page.count(f"{LAST_MARK} Guest") for page in pages]
        assert sum(blocks) == 30
        full = [count for count in blocks[:-1] if count]
        assert full and min(full[1:] or full) >= 6, blocks  # page 1 holds the who's who
        assert result.pages <= 6, blocks
    detailed = save_pdf(sheet, tmp_path / "roomy.pdf", detailed=True)
    assert detailed.pages > result.pages  # the roomy layout is still there


@needs_poppler
def test_promises_carry_pronouns_and_the_reader_is_you(data_dir: Path, qapp, tmp_path) -> None:
    from desktop.printing.printer import save_pdf
    from desktop.services import commitments, conversations, people
    from desktop.services.briefing import gather_for_people

    dev = people.create_person(full_name="Dev Patel", pronouns="he/him")
    conversations.log_conversation(
        participants=[dev],
        happened_at=datetime.combine(TODAY, datetime.min.time()),
        notes="Lunch by the river. " + "He talked about the new office in Porto at length. " * 6,
    )
    commitments.make_commitment(owner="me", person_id=dev, description="send Dev the deck")
    commitments.make_commitment(owner="them", person_id=dev, description="return my book")
    out = tmp_path / "dev.pdf"
    save_pdf(gather_for_people([dev], title="Lunch", today=TODAY), out)
    text = " ".join(pages_of(out))
    assert "You owe Dev: send him the deck" in text
    assert "Dev owes you: return your book" in text
    assert "Lunch by the river." in text and "at length. —" not in text
    last = text.split("Lunch by the river.", 1)[1].split("You owe", 1)[0]
    assert "…" not in last and "length." in last  # ends on a whole sentence


@needs_poppler
def test_every_script_is_embedded_and_brief_is_quiet(tmp_path: Path) -> None:
    from desktop.services import events, people, store

    folder = tmp_path / "data"
    store.open_store(folder)
    try:
        event = events.create_event(
            title="World Café", starts_at=datetime.now() + timedelta(days=1)
        )
        for name in (*SCRIPTS, "Ana Ruiz", "Αλέξης Παπαδόπουλος", "Ольга", "יעל כהן", "สมชาย"):
            events.add_attendee(event_id=event, person_id=people.create_person(full_name=name))
    finally:
        store.close_store()
    out = tmp_path / "world.pdf"
    environment = {**os.environ}
    for name in ("QT_QPA_PLATFORM", "QT_LOGGING_RULES", "DISPLAY", "WAYLAND_DISPLAY"):
        environment.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "brief", "--event", "World Café", "--pdf", str(out),
         "--data-dir", str(folder)],
        capture_output=True, text=True, timeout=120, env=environment, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no font warnings
    fonts = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    embedded = {line.split()[0].split("+")[-1] for line in fonts if " yes " in line}
    for name, font in SCRIPTS.items():
        assert any(e.startswith(font) for e in embedded), (name, font, embedded)
    # Only the bundled fonts: the sheet needs nothing from the machine it prints on.
    assert all(e.startswith("Noto") for e in embedded), embedded


def test_the_font_list_names_every_bundled_family(qapp) -> None:
    from desktop.printing.briefing_html import FONT_FAMILY
    from desktop.printing.fonts import FAMILIES, register_fonts

    registered = set(register_fonts())
    assert registered == set(FAMILIES)
    assert all(f"'{family}'" in FONT_FAMILY for family in FAMILIES)
