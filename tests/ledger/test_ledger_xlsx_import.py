"""The import pipeline's background stage: items arrive in order, errors surface in the caller, stops are clean."""

from __future__ import annotations

import threading

import pytest

from taizhang.ledger.xlsx_import import in_background


def test_items_arrive_in_order():
    assert list(in_background(iter(range(100)), maxsize=2)) == list(range(100))


def test_worker_error_is_raised_in_the_caller():
    def items():
        yield 1
        raise ValueError("第3行有错")

    got = []
    with pytest.raises(ValueError, match="第3行有错"):
        for item in in_background(items(), maxsize=1):
            got.append(item)
    assert got == [1]


def test_caller_stopping_early_stops_and_closes_the_worker():
    closed = threading.Event()

    def items():
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    stream = in_background(items(), maxsize=1)
    assert next(stream) == 0
    stream.close()  # what an error while writing does to the loop over the stream
    assert closed.is_set()
    assert not [t for t in threading.enumerate() if t.name == "xlsx-import-reader"]


def test_gc_pause_restores_the_collector_state():
    import gc

    from taizhang.ledger.xlsx_import import gc_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # an application that turned it off keeps it off
    finally:
        gc.enable()
