"""Render the main views to PNG, light and dark, for the docs and for looking at them.

    python tests/screenshots.py [OUTDIR]        (default: docs/screenshots)

A script, not a test: it builds a demo network in a temporary folder (the 200-person
``rapport demo`` network when :func:`desktop.services.demo.build_demo` exists, else a
handful of people made through the services), opens the real main window offscreen and
grabs each view. The dark set forces Fusion with a dark palette, as a dark desktop would.
Nothing touches the user's data or settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_settings = tempfile.mkdtemp(prefix="rapport-shots-config-")
os.environ["XDG_CONFIG_HOME"] = _settings  # QSettings go here, never to the user's

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: E402

SIZE = (1280, 820)
LAPTOP_SIZES = ((1024, 700), (1280, 720))


def fill(folder: Path) -> None:
    """A network to show: the demo when it exists, else a few people by hand."""
    from desktop.services.store import open_store

    open_store(folder)
    try:
        from desktop.services.demo import build_demo
    except ImportError:
        build_demo = None
    if build_demo is not None:
        build_demo(people=200, seed=1)
        return
    from desktop.services import commitments, conversations, events, people

    now = datetime.now()
    ana = people.create_person(
        full_name="Ana Ruiz",
        headline="Product lead",
        organization="Acme",
        circle="close",
        tags=["sailing", "design"],
    )
    ben = people.create_person(full_name="Ben Okafor", organization="Globex", circle="trusted")
    for days, notes, depth in (
        (3, "Sailing trip, hiring a designer", "personal"),
        (40, "Roadmap review", "professional"),
    ):
        conversations.log_conversation(
            participants=[ana], happened_at=now - timedelta(days=days), notes=notes, depth=depth
        )
    commitments.make_commitment(
        owner="me",
        person_id=ana,
        description="send her the deck",
        due=date.today() - timedelta(days=2),
    )
    commitments.make_commitment(owner="them", person_id=ben, description="intro me to Kim")
    events.create_event(title="Harbour Summit", starts_at=now + timedelta(days=4), place="Pier 4")


def dark_palette() -> QPalette:
    """A dark palette as a dark desktop hands it to Qt (bevel shades derived, not set)."""
    # Fields a step lighter than the window, as Windows and GNOME dark themes have them
    # (Fusion outlines boxes with a darker window shade, invisible on a darker base).
    window, base, text = QColor("#202124"), QColor("#2c2e32"), QColor("#e6e6e6")
    p = QPalette(QColor("#3a3d41"), window)  # derives Light, Midlight, Mid, Dark, Shadow
    for role, colour in (
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#313338")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#ffffff")),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb4")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, QColor("#35373b")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8d91")),
        (QPalette.ColorRole.Link, QColor("#7fb2ff")),
    ):
        p.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return p


def settle(app: QApplication, window, seconds: float = 60.0) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        app.processEvents()
        if window.wait_until_idle():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def richest_person() -> str:
    """Someone close with plenty of history, so the person view has something to show."""
    from desktop.services import directory

    close = directory.summaries(sort="trust", circle="close") or directory.summaries(sort="trust")
    return close[0].id


def shoot(app: QApplication, folder: Path, out: Path, theme: str) -> list[Path]:
    from desktop.ui.shell.main_window import MainWindow

    QSettings().clear()
    window = MainWindow(folder)
    window.resize(*SIZE)
    window.show()
    settle(app, window)
    saved: list[Path] = []

    def grab(name: str) -> None:
        settle(app, window, 10)
        path = out / f"{name}-{theme}.png"
        window.grab().save(str(path))
        saved.append(path)

    window.show_view("today")
    grab("today")
    window.open_person(richest_person())
    window.people.person_view.timeline.setCurrentIndex(
        window.people.person_view.timeline.timeline_model.index(1)
    )
    grab("people")
    # The person view on laptop screens (issue #13): 1024×700 and 1280×720 logical px.
    for width, height in LAPTOP_SIZES:
        window.resize(width, height)
        settle(app, window, 10)
        deadline = time.time() + 5
        while window.width() != width and time.time() < deadline:
            window.resize(width, height)
            app.processEvents()
            time.sleep(0.01)
        grab(f"person-{width}x{height}")
    window.resize(*SIZE)
    window.show_view("circles")
    grab("circles")
    window.show_view("network")
    settle(app, window, 30)
    grab("network")
    window.show_view("events")
    grab("events")
    window.show_view("followups")
    grab("followups")
    window.show_view("people")
    window.search.setFocus()
    window.search.setText("sail")
    window.search.textEdited.emit("sail")
    deadline = time.time() + 10
    while not window.search.has_full_results() and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    grab("search")
    window.search.clear()
    window.close()
    return saved


def shoot_empty(app: QApplication, out: Path, theme: str) -> Path:
    from desktop.services.store import close_store, open_store
    from desktop.ui.shell.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="rapport-shots-empty-")) / "data"
    open_store(folder)
    QSettings().clear()
    window = MainWindow(folder)
    window.resize(*SIZE)
    window.show()
    settle(app, window)
    path = out / f"first-run-{theme}.png"
    window.grab().save(str(path))
    window.close()
    close_store()
    return path


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    from desktop import app as composition

    app = composition.create_application()
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    folder = Path(tempfile.mkdtemp(prefix="rapport-shots-")) / "data"
    fill(folder)
    themes = (("light", light), ("dark", dark_palette()))
    saved: list[Path] = []
    for theme, palette in themes:
        app.setPalette(palette)
        saved += shoot(app, folder, out, theme)
    for theme, palette in themes:  # last: each opens its own empty data folder
        app.setPalette(palette)
        saved.append(shoot_empty(app, out, theme))
    saved += briefing_sample(folder, out.parent)
    for path in saved:
        print(path)
    return 0


def briefing_sample(folder: Path, docs: Path) -> list[Path]:
    """docs/briefing-sample.pdf from the demo's busiest coming event, and a PNG per page."""
    import subprocess

    from desktop.printing.printer import save_pdf
    from desktop.services import briefing, events
    from desktop.services.store import open_store

    open_store(folder)
    coming = [e for e in events.list_events() if e.starts_at and e.starts_at > datetime.now()]
    event = max(coming, key=lambda e: e.attendee_count)
    pdf = docs / "briefing-sample.pdf"
    save_pdf(briefing.gather_for_event(event.id), pdf)
    for old in docs.glob("briefing-sample-page*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(docs / "briefing-sample-page")], check=True
    )
    return [pdf, *sorted(docs.glob("briefing-sample-page*.png"))]


if __name__ == "__main__":
    sys.exit(main())
