"""The cycle collector pauses for bulk reads and always comes back as it was."""

from __future__ import annotations

import gc
import threading
from datetime import date
from pathlib import Path

import pytest

from desktop import gc_pause
from desktop.services import people, trust


@pytest.fixture
def collector_on():  # type: ignore[no-untyped-def]
    """CPython's automatic collection for the test, then the policy the run had before."""
    was_on_request = gc_pause.on_request_only()
    gc_pause.collect_automatically()
    yield
    if was_on_request:  # as it was before the test, whatever the test did to it
        gc_pause.collect_only_on_request()
    else:
        gc_pause.collect_automatically()


def test_paused_switches_the_collector_off_and_back_on(collector_on) -> None:  # type: ignore[no-untyped-def]
    with gc_pause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_already_off_stays_off(collector_on) -> None:  # type: ignore[no-untyped-def]
    gc.disable()
    with gc_pause.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_pauses_nest_across_threads_and_the_last_one_out_restores(collector_on) -> None:  # type: ignore[no-untyped-def]
    inside, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with gc_pause.paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=worker)
    with gc_pause.paused():
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the worker's pause still runs
    leave.set()
    thread.join(10)
    assert gc.isenabled()


def test_an_error_inside_still_restores(collector_on) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), gc_pause.paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_bulk_trust_reads_without_the_collector(data_dir: Path, collector_on, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    people.create_person(full_name="Ana Ruiz")
    seen: list[bool] = []
    real = trust.assess

    def assess(history, *, today):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(history, today=today)

    monkeypatch.setattr(trust, "assess", assess)
    trust.readings_for_all(today=date(2026, 11, 20))
    assert seen == [False]
    assert gc.isenabled()
