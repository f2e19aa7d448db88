"""The repository's promises to contributors: the README's two commands and CI agree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "the README starts with a shell block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```sh") < 40  # right after the title
    install_and_launch, install_and_test = _readme_commands()
    assert install_and_launch.endswith("rapport")
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_pyside_pin_guards_python_311_and_older() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pins = [line for line in text.splitlines() if line.strip().startswith("'PySide6")]
    assert any("<6.12" in pin and 'python_version < "3.12"' in pin for pin in pins)
    assert 'name = "rapport-desktop"' in text
    assert 'rapport = "desktop.cli:main"' in text
