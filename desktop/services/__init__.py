"""Use cases: what the UI and the CLI call. Verb-named, keyword-only, one transaction each.

No Qt here. Services read and write through :mod:`desktop.storage` and the pure rules
of :mod:`desktop.domain`, and tell listeners what changed after each commit.
"""
