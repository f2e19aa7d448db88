"""Hybrid logical clock rules (SYNC.md): monotonic, causal, refusing absurd futures."""

from __future__ import annotations

import pytest

from desktop.storage.hlc import ClockError, HybridLogicalClock, format_hlc, parse_hlc


class FakeWall:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def test_format_sorts_as_strings() -> None:
    assert format_hlc(5, 1, "b") < format_hlc(5, 2, "a") < format_hlc(6, 0, "a")
    assert parse_hlc(format_hlc(1234, 0x1F, "dev")) == (1234, 0x1F, "dev")


def test_tick_is_strictly_increasing_even_when_the_wall_clock_goes_back() -> None:
    wall = FakeWall(1_000)
    clock = HybridLogicalClock("dev", wall_ms=wall)
    first = clock.tick()
    second = clock.tick()
    wall.now = 500  # the OS clock jumped back
    third = clock.tick()
    assert first < second < third
    assert parse_hlc(third)[0] == 1_000


def test_receive_moves_past_a_remote_stamp() -> None:
    wall = FakeWall(1_000)
    clock = HybridLogicalClock("a", wall_ms=wall)
    clock.tick()
    warned = clock.receive(format_hlc(2_000, 3, "b"))
    assert not warned
    assert clock.tick() > format_hlc(2_000, 3, "b")


def test_receive_warns_on_five_minutes_and_refuses_seven_days_ahead() -> None:
    wall = FakeWall(10_000_000)
    clock = HybridLogicalClock("a", wall_ms=wall)
    assert clock.receive(format_hlc(10_000_000 + 6 * 60_000, 0, "fast")) is True
    with pytest.raises(ClockError, match="7 days"):
        clock.receive(format_hlc(10_000_000 + 8 * 24 * 3_600_000, 0, "broken"))


def test_malformed_stamp_is_a_clock_error() -> None:
    with pytest.raises(ClockError):
        parse_hlc("not-a-clock")
