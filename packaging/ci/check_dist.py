"""Check that a built wheel and sdist hold everything Rapport needs at run time.

A wheel that imports fine but lacks its icons or the demo vocabulary only fails when a
user clicks something, so CI compares the archives against the source tree instead:
every module and data file under ``desktop/`` and every file under ``resources/``
(installed as the package ``desktop._resources``, see setup.py) must be in the wheel, the
``rapport``
entry point must be declared, and the sdist must carry the same files so that a wheel
built from it (what ``python -m build`` does) is complete too.

Usage: ``python packaging/ci/check_dist.py DIST_FOLDER`` (stdlib only, no install needed).
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_PARTS = {"__pycache__", ".DS_Store"}
ENTRY_POINT = "rapport = desktop.cli:main"


def _source_files(root: Path, folder: str) -> list[str]:
    """Files under ``root/folder`` as POSIX paths relative to that folder."""
    base = root / folder
    return sorted(
        path.relative_to(base).as_posix()
        for path in base.rglob("*")
        if path.is_file() and not SKIPPED_PARTS & set(path.parts) and path.suffix != ".pyc"
    )


def expected_wheel_files(root: Path = ROOT) -> list[str]:
    """Archive paths a complete wheel must contain."""
    # modules, and the data files beside them (the capture parser's learned weights: a
    # wheel without them parses every note to nothing)
    modules = [
        f"desktop/{name}"
        for name in _source_files(root, "desktop")
        if name.endswith((".py", ".json"))
    ]
    resources = [f"desktop/_resources/{name}" for name in _source_files(root, "resources")]
    return modules + resources


def expected_sdist_files(root: Path = ROOT) -> list[str]:
    """Paths (below the sdist's top folder) a complete sdist must contain."""
    modules = [
        f"desktop/{name}"
        for name in _source_files(root, "desktop")
        if name.endswith((".py", ".json"))
    ]
    resources = [f"resources/{name}" for name in _source_files(root, "resources")]
    return [*modules, *resources, "pyproject.toml", "setup.py", "README.md"]


def missing(expected: Iterable[str], present: Iterable[str]) -> list[str]:
    have = set(present)
    return [name for name in expected if name not in have]


def check_wheel(wheel: Path, root: Path = ROOT) -> list[str]:
    """Problems with ``wheel``, one line each (empty when it is complete)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        problems = [
            f"{wheel.name}: missing {name}" for name in missing(expected_wheel_files(root), names)
        ]
        entry_points = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points[0]).decode("utf-8") if entry_points else ""
    if ENTRY_POINT not in text.replace("  ", " "):
        problems.append(f"{wheel.name}: no console script '{ENTRY_POINT}'")
    return problems


def check_sdist(sdist: Path, root: Path = ROOT) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    return [f"{sdist.name}: missing {name}" for name in missing(expected_sdist_files(root), names)]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    dist = Path(argv[0])
    wheels = sorted(dist.glob("rapport_desktop-*.whl"))
    sdists = sorted(dist.glob("rapport_desktop-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(
            f"expected one wheel and one sdist in {dist}, found {wheels + sdists}", file=sys.stderr
        )
        return 1
    problems = check_wheel(wheels[0]) + check_sdist(sdists[0])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(
        f"{wheels[0].name}: {len(expected_wheel_files())} run-time files present; "
        f"{sdists[0].name}: complete"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
