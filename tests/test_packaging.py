"""The wheel checker CI relies on (packaging/ci/check_dist.py) catches an incomplete wheel.

CI builds the real wheel and sdist and runs the checker on them (packaging/ci/
check-wheel.sh); building here would cost seconds per run, so these tests prove the
checker itself: it expects the resources, and it fails when one is missing.
"""

from __future__ import annotations

import importlib.util
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_checker():
    # Loaded by path: a top-level "packaging" import would find the PyPI library instead.
    spec = importlib.util.spec_from_file_location(
        "check_dist", ROOT / "packaging" / "ci" / "check_dist.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_dist = _load_checker()


def _wheel(path: Path, names: list[str], entry_points: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
        archive.writestr("rapport_desktop-0.1.0.dist-info/entry_points.txt", entry_points)
    return path


def _sdist(path: Path, names: list[str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            info = tarfile.TarInfo(f"rapport_desktop-0.1.0/{name}")
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    return path


def test_expected_files_cover_code_and_every_resource() -> None:
    expected = check_dist.expected_wheel_files()
    assert "desktop/cli.py" in expected
    assert "desktop/_resources/icons/app.svg" in expected
    assert "desktop/_resources/demo/vocabulary.json" in expected
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file()]
    assert len([e for e in expected if e.startswith("desktop/_resources/")]) == len(resources)


def test_a_complete_wheel_passes(tmp_path: Path) -> None:
    wheel = _wheel(
        tmp_path / "w.whl",
        check_dist.expected_wheel_files(),
        "[console_scripts]\nrapport = desktop.cli:main\n",
    )
    assert check_dist.check_wheel(wheel) == []


@pytest.mark.parametrize("dropped", ["desktop/_resources/icons/app.svg", "desktop/cli.py"])
def test_a_wheel_without_a_file_fails_naming_it(tmp_path: Path, dropped: str) -> None:
    names = [n for n in check_dist.expected_wheel_files() if n != dropped]
    wheel = _wheel(tmp_path / "w.whl", names, "[console_scripts]\nrapport = desktop.cli:main\n")
    assert check_dist.check_wheel(wheel) == [f"w.whl: missing {dropped}"]


def test_a_wheel_without_the_rapport_command_fails(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path / "w.whl", check_dist.expected_wheel_files(), "[console_scripts]\n")
    assert any("console script" in problem for problem in check_dist.check_wheel(wheel))


def test_an_sdist_without_resources_fails(tmp_path: Path) -> None:
    complete = check_dist.expected_sdist_files()
    assert check_dist.check_sdist(_sdist(tmp_path / "ok.tar.gz", complete)) == []
    partial = [n for n in complete if not n.startswith("resources/")]
    problems = check_dist.check_sdist(_sdist(tmp_path / "bad.tar.gz", partial))
    assert "bad.tar.gz: missing resources/icons/app.svg" in problems


def test_setup_py_adds_the_mapped_resources_package() -> None:
    """Package discovery cannot see desktop._resources: setup.py must name it."""
    assert '"desktop._resources"' in (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"desktop._resources" = "resources"' in (ROOT / "pyproject.toml").read_text(
        encoding="utf-8"
    )


def test_ci_runs_the_install_checks() -> None:
    """A merge that drops .ci/run's install block would silently stop testing installs."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for script in ("check-wheel.sh", "check-deb.sh", "check-workflow.sh"):
        assert f"bash packaging/ci/{script}" in ci.splitlines(), script
        assert (ROOT / "packaging" / "ci" / script).is_file()
    for tool in ("desktop-file-utils", "appstream"):
        assert tool in ci


def test_desktop_entry_launches_only_what_the_cli_accepts() -> None:
    """Exec lines run `rapport` or `rapport capture`: the CLI takes no file arguments, so a
    field code such as %F would turn a file dropped on the launcher into a usage error."""
    entry = (ROOT / "packaging" / "linux" / "app.rapport.Rapport.desktop").read_text(
        encoding="utf-8"
    )
    commands = [
        line.split("=", 1)[1].split() for line in entry.splitlines() if line.startswith("Exec=")
    ]
    assert commands and all(cmd in (["rapport"], ["rapport", "capture"]) for cmd in commands)
