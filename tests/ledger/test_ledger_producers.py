"""Producers beside their consumer, in a thread and in a forked process: items arrive in order,
errors surface in the caller with what they carry, stops are clean."""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from taizhang.errors import ImportRowError, TaizhangError
from taizhang.ledger.producers import THREAD_NAME, can_fork, in_background, in_child_process

forks = pytest.mark.skipif(not can_fork(), reason="forking needs Linux and a single-threaded process")


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
    assert not [t for t in threading.enumerate() if t.name == THREAD_NAME]


@forks
def test_child_items_arrive_in_order_and_whole():
    rows = [[(n, "理论宣讲", "2025-03-05", None, "标题" * n)] * 3 for n in range(200)]
    assert list(in_child_process(iter(rows), 4)) == rows


@forks
def test_child_error_is_raised_in_the_caller_with_its_sheet_row_and_column():
    def items():
        yield 1
        raise ImportRowError("单位不能为空", sheet="理论武装", row=7, column="单位")

    got = []
    with pytest.raises(ImportRowError) as caught:
        for item in in_child_process(items(), 2):
            got.append(item)
    assert got == [1]
    assert (caught.value.sheet, caught.value.row, caught.value.column) == ("理论武装", 7, "单位")
    assert caught.value.message == "工作表“理论武装”第7行“单位”列：单位不能为空"


@forks
def test_child_error_that_cannot_be_pickled_still_reports_what_it_said():
    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def items():
        raise Unpicklable("坏了")
        yield

    with pytest.raises(TaizhangError, match="Unpicklable: 坏了"):
        list(in_child_process(items(), 2))


@forks
def test_child_that_dies_is_reported_not_awaited_for_ever():
    def items():
        yield 1
        os._exit(3)

    got = []
    with pytest.raises(TaizhangError, match="后台读取进程意外退出（退出码 3）"):
        for item in in_child_process(items(), 2):
            got.append(item)
    assert got in ([], [1])  # the child may die before it sends what its thread produced


@forks
def test_caller_stopping_early_stops_the_child():
    def items():
        n = 0
        while True:
            yield [n] * 1000  # fills the pipe: the child blocks until stopped
            n += 1

    stream = in_child_process(items(), 2)
    assert next(stream) == [0] * 1000
    stream.close()  # what an error while writing does to the loop over the stream
    assert multiprocessing.active_children() == []


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
