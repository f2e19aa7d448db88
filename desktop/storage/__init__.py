"""Persistence: Peewee models over SQLite, schema upgrades, the change journal and FTS5.

No Qt here: the CLI, the tests and the sync engine use the store headless.
"""
