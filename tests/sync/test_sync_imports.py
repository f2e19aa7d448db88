"""Start-up stays fast: the sync UI and services import no keyring, crypto or HTTP code
until sync is actually used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("keyring", "cryptography", "argon2", "requests", "requests_aws4auth", "urllib3")


def test_sync_modules_import_nothing_heavy_until_used() -> None:
    code = (
        "import sys\n"
        "import desktop.app, desktop.cli\n"
        "import desktop.services.sync.cycle, desktop.services.sync.setup\n"
        "import desktop.services.sync.devices, desktop.services.sync.conflicts\n"
        "import desktop.ui.sync.controller, desktop.ui.sync.status\n"
        "import desktop.ui.sync.settings_dialog, desktop.ui.sync.conflicts\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
