"""Only what pyproject.toml cannot say: the package list.

The read-only resources live at the repository root (``resources/``) and are installed as
the package ``desktop._resources`` (see ``[tool.setuptools.package-dir]``). Automatic
package discovery cannot find a package whose folder is mapped from elsewhere, and
pyproject.toml cannot mix a discovery rule with an extra name — so the list is made here:
every ``desktop*`` package found on disk, plus the mapped one. Without it the wheel would
ship no icons and no demo vocabulary (packaging/ci/check_dist.py checks that it does).
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["desktop", "desktop.*"]), "desktop._resources"])
