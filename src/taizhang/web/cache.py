"""A small thread-safe LRU for figures that only change when the ledger does.

Keys carry the ledger's data version (the newest audit-log id): any write anywhere,
by this process, another worker or the CLI, moves the version, so nothing stale is served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class VersionedCache:
    def __init__(self, maxsize: int = 256):
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _hit(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
            return False, None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        found, value = self._hit(key)
        if found:
            return value
        # One computation per key: after a write, the 30 requests that arrive together wait for the
        # first one's county dashboard instead of each building it. Other keys are not held up.
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            found, value = self._hit(key)
            if found:
                return value
            try:
                value = compute()
                with self._lock:
                    self._items[key] = value
                    while len(self._items) > self.maxsize:
                        self._items.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
