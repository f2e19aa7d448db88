"""Make PySide6's per-module import check cheap; import this before anything from PySide6.

PySide6 (6.4 and later) decides for every module imported in the process whether it
uses PySide — it looks for the word "PySide6" in the module's source — to support
``from __feature__ import …``. It reads that source with ``inspect.getsource``, which
keeps every file's lines in ``linecache`` for the life of the process: ~20 ms of CPU
and ~5 MB for the ~110 modules Rapport has loaded when its main window first paints.
Reading the file's bytes answers the same question in a fifth of the time and keeps
nothing; modules without a ``.py`` file (built-in, compiled, frozen) still get PySide's
own check. The standard library's own modules (``typing``, ``inspect``, ``logging`` …: a
third of those checked, most of the bytes) never name PySide6 and are answered without
reading them. When a PySide6 release no longer has the check, this does nothing.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

import shiboken6  # noqa: F401  (loads shibokensupport, where the check lives)


def install() -> None:
    """Replace the check with the byte search (idempotent, and a no-op if it is gone)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "rapport_fast", False):
        return

    stdlib = os.path.dirname(os.__file__) + os.sep  # where os.py is: the standard library

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        if path.startswith(stdlib) and "-packages" not in path:  # not site-/dist-packages
            return False
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.rapport_fast = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


install()
