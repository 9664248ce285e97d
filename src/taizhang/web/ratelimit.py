"""Login rate limiting: at most N failures per (username, client address) in a sliding window.

In memory, per process (each uvicorn worker counts its own attempts).
"""

from __future__ import annotations

import threading
import time
from collections import deque


class LoginLimiter:
    def __init__(self, attempts: int, window: float, clock=time.monotonic):
        self.attempts, self.window, self.clock = attempts, window, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        now = self.clock()
        q = self._failures.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked_for(self, username: str, address: str) -> int:
        """Seconds until another attempt is allowed (0: allowed now)."""
        with self._lock:
            q = self._recent((username.strip().lower(), address))
            if len(q) < self.attempts:
                return 0
            return max(1, int(self.window - (self.clock() - q[0])) + 1)

    def failed(self, username: str, address: str) -> None:
        with self._lock:
            self._recent((username.strip().lower(), address)).append(self.clock())
            if len(self._failures) > 10_000:  # drop idle keys so a scan cannot grow memory forever
                for key in [k for k, v in self._failures.items() if not v][:5_000]:
                    del self._failures[key]

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), address), None)
