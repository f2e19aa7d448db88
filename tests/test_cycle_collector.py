"""Reference cycles are collected on the GUI thread only, never on a worker (gc_pause, ui/kit).

A worker that frees a cycle holding a Qt object destroys that object off the GUI thread;
on Python 3.13 the suite crashed that way ("Garbage-collecting" under a worker's query).
"""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from desktop import gc_pause


class _Node:
    """A small object that can sit in a reference cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _make_cycle(freed_on: list[str]) -> None:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    weakref.finalize(first, lambda: freed_on.append(threading.current_thread().name))


@pytest.fixture
def on_request():  # type: ignore[no-untyped-def]
    """Collection on request only (as in the app), then the run's policy back."""
    was_on_request = gc_pause.on_request_only()
    gc_pause.collect_only_on_request()
    yield
    if not was_on_request:
        gc_pause.collect_automatically()


_kept: list[list[int]] = []


def _allocate_past_every_threshold() -> None:
    """Keep enough new containers alive that CPython's first threshold is passed."""
    _kept.extend([i] for i in range(gc.get_threshold()[0] * 3))


@pytest.fixture(autouse=True)
def _drop_kept():  # type: ignore[no-untyped-def]
    yield
    _kept.clear()


def test_a_worker_that_allocates_a_lot_never_collects_a_cycle(on_request) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    freed_on: list[str] = []
    _make_cycle(freed_on)
    worker = threading.Thread(target=_allocate_past_every_threshold, name="worker")
    worker.start()
    worker.join(10)
    assert freed_on == []  # CPython would have collected it on the worker by now
    assert gc_pause.collect_due() is not None
    assert freed_on == [threading.main_thread().name]


def test_nothing_is_due_below_the_first_threshold(on_request) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    assert gc_pause.collect_due() is None


def test_a_pause_defers_the_due_collection_and_never_switches_automatic_back_on(on_request) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    freed_on: list[str] = []
    with gc_pause.paused():
        _make_cycle(freed_on)
        _allocate_past_every_threshold()
        assert gc_pause.collect_due() is None  # bulk work runs: not now
    assert not gc.isenabled()  # the pause ended, automatic collection stays off
    _allocate_past_every_threshold()
    assert gc_pause.collect_due() is not None
    assert freed_on == [threading.main_thread().name]


def test_handing_collection_back_to_cpython_during_a_pause_waits_for_its_end(on_request) -> None:  # type: ignore[no-untyped-def]
    with gc_pause.paused():
        gc_pause.collect_automatically()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc_pause.collect_only_on_request()
    assert not gc.isenabled()


def test_the_application_collects_on_its_own_thread_on_a_timer(qtbot, on_request) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_application
    from desktop.ui.kit.cycle_collector import CycleCollector

    app = create_application()
    assert QApplication.instance() is app
    create_application()
    collectors = app.findChildren(CycleCollector)
    assert len(collectors) == 1  # once per application, however often it is asked
    gc.collect()
    freed_on: list[str] = []
    _make_cycle(freed_on)
    _allocate_past_every_threshold()
    qtbot.waitUntil(lambda: freed_on != [], timeout=5 * collectors[0].interval() + 2000)
    assert freed_on == [threading.main_thread().name]
