"""Guard against PySide6 6.12.0's none_dealloc crash on CPython <= 3.11 (STACK-NOTES.md).

Every void call dropped a reference to None; ~5,000 calls killed the process. The
dependency pin keeps us off that release; this test proves the installed one survives.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText(str(i))
    app.processEvents()
print("survived", label.text())
"""


def test_twenty_thousand_void_calls_survive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 19999" in result.stdout
