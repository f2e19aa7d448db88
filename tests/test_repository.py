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


def _supported_pythons() -> list[tuple[int, int]]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.findall(r'"Programming Language :: Python :: 3\.(\d+)"', text)
    return sorted((3, int(minor)) for minor in found)


def test_classifiers_list_every_supported_python_from_requires_python_on() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    minors = [minor for _, minor in _supported_pythons()]
    assert minors == list(range(minors[0], minors[-1] + 1)) and len(minors) >= 2
    assert f'requires-python = ">=3.{minors[0]}"' in text
    assert '"Programming Language :: Python :: 3 :: Only"' in text


def test_ci_runs_the_readme_test_command_again_on_the_oldest_and_newest_python() -> None:
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    readme = _readme_commands()[1]
    # The README's words with only the interpreter and the environment's folder swapped.
    again = readme.replace("python3 -m venv .venv", '"$python" -m venv "$venv"')
    again = again.replace(".venv/", '"$venv"/')
    assert again.count("$venv") == 3 and "python3" not in again
    assert ci.index(readme) < ci.index(again)  # the plain README command stays first
    for command in (readme, again):  # a failed venv or pip step stops CI too
        assert ci[ci.index(command) - 1] == "{" and ci[ci.index(command) + 1] == "} || exit 1"
    supported = _supported_pythons()
    oldest, newest = (f"{major}.{minor}" for major, minor in (supported[0], supported[-1]))
    assert f"for minor in {oldest} {newest}; do" in ci
    assert 'venv=".venv-$minor"' in ci
    assert ".venv-*/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_pyside_pin_guards_python_311_and_older() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pins = [line for line in text.splitlines() if line.strip().startswith("'PySide6")]
    assert any("<6.12" in pin and 'python_version < "3.12"' in pin for pin in pins)
    assert 'name = "rapport-desktop"' in text
    assert 'rapport = "desktop.cli:main"' in text
