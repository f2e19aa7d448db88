"""Hybrid logical clock (HLC) stamps, compared as plain strings.

Format (SYNC.md): ``f"{millis:013d}-{counter:04x}-{device_id}"``. String order equals
causal-then-device order, so merges need no parsing on the hot path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFF
WARN_AHEAD_MS = 5 * 60 * 1000
REFUSE_AHEAD_MS = 7 * 24 * 60 * 60 * 1000


class ClockError(ValueError):
    """A received clock is malformed or implausibly far in the future."""


def format_hlc(millis: int, counter: int, device_id: str) -> str:
    return f"{millis:013d}-{counter:04x}-{device_id}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    try:
        millis, counter, device = stamp.split("-", 2)
        return int(millis), int(counter, 16), device
    except (ValueError, AttributeError) as exc:
        raise ClockError(f"not a clock stamp: {stamp!r}") from exc


@dataclass
class HybridLogicalClock:
    """Send/receive rules of the usual HLC; the caller persists :attr:`last`."""

    device_id: str
    last: str = ""
    wall_ms: Callable[[], int] = lambda: int(time.time() * 1000)

    def _state(self) -> tuple[int, int]:
        if not self.last:
            return 0, 0
        millis, counter, _ = parse_hlc(self.last)
        return millis, counter

    def tick(self) -> str:
        """A new stamp for a local write: strictly greater than every stamp seen so far."""
        last_ms, counter = self._state()
        now = self.wall_ms()
        if now > last_ms:
            millis, counter = now, 0
        else:
            millis, counter = last_ms, counter + 1
            if counter > MAX_COUNTER:  # more than 65,536 writes in one millisecond
                millis, counter = millis + 1, 0
        self.last = format_hlc(millis, counter, self.device_id)
        return self.last

    def receive(self, remote: str) -> bool:
        """Fold a remote stamp into the clock; return True if it was suspiciously far ahead.

        Raises :class:`ClockError` for a stamp more than 7 days ahead (treated as corrupt).
        """
        remote_ms, remote_counter, _ = parse_hlc(remote)
        now = self.wall_ms()
        if remote_ms - now > REFUSE_AHEAD_MS:
            raise ClockError(f"clock stamp {remote} is more than 7 days in the future")
        last_ms, counter = self._state()
        millis = max(last_ms, remote_ms, now)
        if millis == last_ms == remote_ms:
            counter = max(counter, remote_counter) + 1
        elif millis == last_ms:
            counter += 1
        elif millis == remote_ms:
            counter = remote_counter + 1
        else:
            counter = 0
        self.last = format_hlc(millis, counter, self.device_id)
        return remote_ms - now > WARN_AHEAD_MS
