"""Bounded retries with exponential backoff and jitter for flaky servers.

Nextcloud answers 423 Locked and 5xx under load; a laptop drops off Wi-Fi. A few spaced
attempts ride those out; after the last one the cycle stops with a message and the next
scheduled cycle resumes where this one stopped.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from desktop.sync.errors import RemoteUnavailable

T = TypeVar("T")


class Transient(Exception):
    """A failure worth another attempt (connection refused, timeout, 423, 429, 5xx)."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 8.0
    timeout: float = 30.0  # seconds per request (connect and read)

    def delay(self, attempt: int) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


def with_retries(
    action: Callable[[], T],
    policy: RetryPolicy,
    what: str,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    for attempt in range(policy.attempts):
        try:
            return action()
        except Transient as exc:
            if attempt + 1 >= policy.attempts:
                raise RemoteUnavailable(
                    f"{what}: {exc} (tried {policy.attempts} times; will try again later)"
                ) from None
            sleep(policy.delay(attempt))
    raise AssertionError("unreachable")
