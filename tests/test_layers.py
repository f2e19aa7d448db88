"""The layer map of docs/architecture.md ("Layers"), checked on every import under desktop/.

Each module's imports are read with ``ast`` — every ``import`` and ``from … import`` node,
including the lazy ones inside functions and those under ``TYPE_CHECKING`` — and each must
be allowed by the map below. The map is the one in docs/architecture.md: change both
together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"

QT = "qt"  # PySide6 / shiboken6, whatever the module
FRONT_DOOR = ("cli", "commands", "app")

# layer → the layers it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("storage", "services", "sync", "ui", "printing", *FRONT_DOOR, QT),
    "storage": ("services", "sync", "ui", "printing", *FRONT_DOOR, QT),
    "services": ("ui", *FRONT_DOOR, QT),
    "sync": ("services", "ui", "printing", *FRONT_DOOR, QT),
}
# The UI reaches storage only through services (services/store.py owns connections).
UI_FORBIDDEN = ("storage",)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Every module this file imports, anywhere in it (relative imports resolved)."""
    if source is None:
        source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # `from desktop import sync` imports the subpackage, not a name
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def layer_of(module: str) -> str | None:
    """The layer a module belongs to: desktop's first part, or "qt"; None if neither."""
    top = module.split(".")
    if top[0] in ("PySide6", "shiboken6"):
        return QT
    if top[0] != "desktop" or len(top) < 2:
        return None
    return top[1]


def breaches(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    """``file: module`` for every import under desktop/<layer> that reaches a forbidden layer."""
    folder = DESKTOP / layer
    files = sorted(folder.rglob("*.py")) if folder.is_dir() else [DESKTOP / f"{layer}.py"]
    found = []
    for path in files:
        for module in sorted(imported_modules(path)):
            if layer_of(module) in forbidden:
                found.append(f"{path.relative_to(ROOT)}: {module}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_core_layers_import_only_downwards(layer: str) -> None:
    assert breaches(layer, FORBIDDEN[layer]) == []


def test_the_ui_reaches_storage_only_through_services() -> None:
    assert breaches("ui", UI_FORBIDDEN) == []


def test_the_walk_sees_lazy_relative_and_type_checking_imports() -> None:
    """The checker itself: an import hidden in a function, behind TYPE_CHECKING or written
    relatively is still an import, and each lands in its layer."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.storage.models import Person\n"
        "def later():\n"
        "    import PySide6.QtWidgets\n"
        "    from ..services import people\n"
        "    from . import trust\n"
    )
    found = imported_modules(DESKTOP / "domain" / "not_written.py", source)
    assert {
        "desktop.storage.models",
        "PySide6.QtWidgets",
        "desktop.services.people",
        "desktop.domain.trust",
    } <= found
    assert [layer_of(m) for m in ("desktop.storage.models", "PySide6.QtWidgets")] == [
        "storage",
        QT,
    ]
    assert layer_of("desktop.cli") == "cli" and layer_of("peewee") is None
