"""The lock that makes a process *the* Rapport of a data folder, without QtNetwork.

Being the instance is a ``QLockFile`` held for the life of the process (see
:mod:`desktop.ui.shell.single_instance`). Taking it needs only QtCore, so ``rapport`` takes
it before opening the store and starts listening for later launches (QtNetwork, a
tenth of a bare window's start-up) after its first frame. A later launch that finds the
lock taken but nobody listening yet waits for the socket, as it always has.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QLockFile

from desktop.ui.shell.instance_probe import server_name


def lock_file(data_folder: Path) -> QLockFile:
    lock = QLockFile(str(Path(QDir.tempPath()) / f"{server_name(data_folder)}.lock"))
    lock.setStaleLockTime(0)  # never stale by age, only when its owner is gone
    return lock


def try_claim(data_folder: Path) -> QLockFile | None:
    """The folder's lock if no other process holds it (keep it alive to stay the instance)."""
    lock = lock_file(data_folder)
    return lock if lock.tryLock(0) else None
