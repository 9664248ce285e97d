"""The versioned cache: one computation per key under concurrency, LRU bound, errors not cached."""

from __future__ import annotations

import threading
import time

import pytest

from taizhang.web.cache import VersionedCache


def test_concurrent_misses_compute_once():
    cache = VersionedCache()
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.05)
        return "board"

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(("dashboard", 1), slow))) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["board"] * 16 and len(calls) == 1


def test_bounded_and_errors_are_not_kept():
    cache = VersionedCache(maxsize=2)
    for key in ("a", "b", "c"):
        cache.get(key, lambda k=key: k.upper())
    assert cache.get("a", lambda: "again") == "again"  # "a" was evicted first
    assert cache.get("c", lambda: "not called") == "C"
    with pytest.raises(ZeroDivisionError):
        cache.get("x", lambda: 1 / 0)
    assert cache.get("x", lambda: "ok") == "ok"
