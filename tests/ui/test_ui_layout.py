"""The UI's house rules: rooms, not loose files; storage only through services; empty
package ``__init__`` files (importing a room must cost nothing at start-up)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_ui_reaches_storage_only_through_services() -> None:
    offenders = [
        f"{path.relative_to(UI)}: {name}"
        for path in UI.rglob("*.py")
        for name in _imports(path)
        if name == "desktop.storage" or name.startswith("desktop.storage.")
    ]
    assert offenders == []


def test_every_module_lives_in_a_room() -> None:
    loose = [p.name for p in UI.glob("*.py") if p.name != "__init__.py"]
    assert loose == []


def test_package_init_files_import_nothing() -> None:
    busy = [str(p.relative_to(UI)) for p in UI.rglob("__init__.py") if _imports(p)]
    assert busy == []
