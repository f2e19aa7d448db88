"""Write a data folder as the first Rapport release left it (schema 1, one person).

CI's .deb upgrade test installs a newer package over an older one, but both carry the same
bundle; this file stands in for data written by an older release, so the test also proves
that the installed program upgrades it (after a backup) and keeps what was in it. The
schema is read from desktop/storage/schema.py's frozen V1_SCHEMA without importing the
app, so only the standard library is needed.

Usage: python3 packaging/ci/make_old_data.py FOLDER   (prints the current schema version)
"""

from __future__ import annotations

import ast
import sqlite3
import sys
from pathlib import Path

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "desktop" / "storage" / "schema.py"
PERSON = "José Núñez"


def _assignment(tree: ast.Module, name: str) -> ast.expr:
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            assert node.value is not None
            return node.value
    raise LookupError(f"{name} not found in {SCHEMA_FILE}")


def main(folder: Path) -> int:
    tree = ast.parse(SCHEMA_FILE.read_text(encoding="utf-8"))
    v1 = ast.literal_eval(_assignment(tree, "V1_SCHEMA"))
    steps = _assignment(tree, "STEPS")
    assert isinstance(steps, ast.Dict)
    latest = max(ast.literal_eval(key) for key in steps.keys if key is not None)
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / "rapport.sqlite3") as raw:
        for statement in v1:
            raw.execute(statement)
        raw.execute(
            "INSERT INTO person (id, updated, deleted, full_name, nickname, pronunciation, "
            "headline, organization, location, how_we_met, about, interests, family, "
            "working_on, help_them, help_me, circle, confidential_fields) VALUES "
            "('p1', '0000000000001-0000-dev', 0, ?, '', '', '', 'Acme', '', '', "
            "'', '', '', '', '', '', 'close', '')",
            (PERSON,),
        )
        raw.execute("PRAGMA user_version = 1")
    print(latest)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
