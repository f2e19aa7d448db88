"""Sync decides "the disk is full" by SQLite's result code, not by a word in a message (#15)."""

from __future__ import annotations

import sqlite3

import peewee as pw
import pytest

from desktop.sync.errors import LocalStoreFull
from desktop.sync.session import SyncSession, direct


def _session() -> SyncSession:
    session = SyncSession.__new__(SyncSession)
    session.run_db = direct
    return session


def _error(message: str, code: int | None) -> pw.OperationalError:
    raw = sqlite3.OperationalError(message)
    if code is not None:
        raw.sqlite_errorcode = code  # what sqlite3 sets (Python 3.11+)
    try:
        raise pw.OperationalError(raw) from raw  # peewee wraps sqlite3's errors
    except pw.OperationalError as wrapped:
        return wrapped


def _failing(exc: BaseException):
    def fn():
        raise exc

    return fn


def test_a_column_called_full_name_is_not_a_full_disk() -> None:
    error = _error("no such column: full_name", 1)  # SQLITE_ERROR
    with pytest.raises(pw.OperationalError) as raised:
        _session().db(_failing(error))
    assert raised.value is error and not isinstance(raised.value, LocalStoreFull)


def test_sqlite_full_is_a_full_disk_whatever_the_message_says() -> None:
    error = _error("the storage ran out of room", 13)  # SQLITE_FULL
    with pytest.raises(LocalStoreFull, match="disk holding your Rapport data is full"):
        _session().db(_failing(error))


def test_a_full_disk_hidden_behind_the_failed_rollback_is_still_found() -> None:
    try:
        try:
            raise _error("database or disk is full", 13)
        except pw.OperationalError:
            raise _error("cannot rollback - no transaction is active", 1)  # noqa: B904
    except pw.OperationalError as exc:
        error = exc
    with pytest.raises(LocalStoreFull):
        _session().db(_failing(error))


def test_without_codes_only_sqlites_exact_message_counts() -> None:
    """Python 3.10's sqlite3 has no result codes: the exact SQLITE_FULL text stands in."""
    with pytest.raises(LocalStoreFull):
        _session().db(_failing(_error("database or disk is full", None)))
    other = _error("table full_name_history is full of rows", None)
    with pytest.raises(pw.OperationalError) as raised:
        _session().db(_failing(other))
    assert raised.value is other
