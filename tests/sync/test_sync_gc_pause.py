"""The cycle collector is paused for a sync cycle's bulk work and always given back."""

from __future__ import annotations

import gc

import pytest

from desktop import gc_pause


@pytest.fixture(autouse=True)
def _automatic_collection():  # type: ignore[no-untyped-def]
    """These tests are about CPython's own collector; the run's policy comes back after."""
    was_on_request = gc_pause.on_request_only()
    gc_pause.collect_automatically()
    yield
    if was_on_request:
        gc_pause.collect_only_on_request()


def test_nested_pauses_give_the_collector_back_once_at_the_end() -> None:
    assert gc.isenabled()
    with gc_pause.paused():
        assert not gc.isenabled()
        with gc_pause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_an_error_inside_gives_it_back_and_a_disabled_collector_stays_off() -> None:
    with pytest.raises(RuntimeError), gc_pause.paused():
        raise RuntimeError("a failed cycle")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_pause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
