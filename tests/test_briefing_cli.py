"""``rapport brief`` end to end: real subprocesses, no display, PDFs checked with poppler."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fixtures.briefing_network import SECRET_WORDS, Network, build_network

ROOT = Path(__file__).resolve().parents[1]
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="needs poppler-utils (pdftotext, pdfinfo)",
)


def rapport(*args: str, data: Path, env: dict[str, str] | None = None):
    environment = {**os.environ, **(env or {})}
    environment.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
        check=False,
    )


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def network_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Network]]:
    from desktop.services import store

    folder = tmp_path_factory.mktemp("brief-cli")
    store.open_store(folder)
    try:
        network = build_network(extra_people=3)  # dated from the real today, as the CLI is
    finally:
        store.close_store()
    yield folder, network


@needs_poppler
def test_brief_an_event_by_title(network_dir, tmp_path: Path) -> None:
    folder, _ = network_dir
    out = tmp_path / "summit.pdf"
    result = rapport("brief", "--event", "harbour summit", "--pdf", str(out), data=folder)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        rf"Wrote {re.escape(str(out))}: 7 people on \d pages \(A4\)\.\n", result.stdout
    )
    text = " ".join(pdf_text(out).split())
    for name in ("Ana Ruiz", "Cleo Park", "Dev Patel", "Ben Ode", "Zed00 Walker"):
        assert name in text
    late = date.today() - timedelta(days=4)
    assert "You owe Ana: send the deck" in text and "LATE 4 days" in text
    assert f"(due {late.day} {late:%b})" in text
    assert "Dev owes you: return your book" in text
    for word in SECRET_WORDS:
        assert word not in text


@needs_poppler
def test_brief_hand_picked_people_on_letter(network_dir, tmp_path: Path) -> None:
    folder, _ = network_dir
    out = tmp_path / "two.pdf"
    result = rapport(
        "brief",
        "--people",
        "Ana Ruiz, dev patel",
        "--pdf",
        str(out),
        "--page-size",
        "Letter",
        "--title",
        "Lunch with friends",
        "--json",
        data=folder,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary == {
        "pdf": str(out),
        "title": "Lunch with friends",
        "people": 2,
        "pages": 1,
        "page_size": "Letter",
    }
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "612 x 792" in info
    text = pdf_text(out)
    assert "Lunch with friends" in text and "Ana Ruiz" in text and "Dev Patel" in text
    assert "Cleo Park" not in text


def test_brief_by_event_id_is_accepted(network_dir, tmp_path: Path) -> None:
    folder, network = network_dir
    out = tmp_path / "by-id.pdf"
    result = rapport("brief", "--event", network.event_id, "--pdf", str(out), data=folder)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--event", "Harbor Sumit"),
            "rapport: no event called 'Harbor Sumit'; did you mean 'Harbour Summit'?",
        ),
        (
            ("--people", "Ana Ruiz, Ben Odd"),
            "rapport: no one matches 'Ben Odd' exactly; did you mean: Ben Ode",
        ),
    ],
)
def test_unknown_names_fail_with_one_line_and_near_matches(
    network_dir, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    folder, _ = network_dir
    out = tmp_path / "never.pdf"
    result = rapport("brief", *args, "--pdf", str(out), data=folder)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert not out.exists()


def test_usage_errors_exit_2(network_dir, tmp_path: Path) -> None:
    folder, _ = network_dir
    out = str(tmp_path / "x.pdf")
    assert (
        rapport("brief", "--pdf", out, data=folder).returncode == 2
    )  # neither --event nor --people
    both = rapport("brief", "--event", "a", "--people", "b", "--pdf", out, data=folder)
    assert both.returncode == 2
    size = rapport("brief", "--event", "a", "--pdf", out, "--page-size", "A3", data=folder)
    assert size.returncode == 2


def test_an_unwritable_destination_is_one_line(network_dir, tmp_path: Path) -> None:
    folder, _ = network_dir
    out = tmp_path / "no-such-folder" / "x.pdf"
    result = rapport("brief", "--people", "Ana Ruiz", "--pdf", str(out), data=folder)
    assert result.returncode == 1
    assert "does not exist" in result.stderr and result.stderr.count("\n") == 1
