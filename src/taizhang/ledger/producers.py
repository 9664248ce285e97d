"""Run a producing iterator beside its consumer: in a worker thread or in a forked process.

The Excel import reads and checks rows (Python code, holding the GIL) while it writes the
previous batch (the database driver). In a thread the two overlap only where the driver
releases the GIL; a forked child process reads and checks on the other core while this
process writes, which measured about 1.4x the import throughput of the thread on a
2-core machine (`bench/ledger.py`). Forking is only safe in a process with one thread: a
lock another thread holds at the fork stays held in the child for ever. `can_fork()`
decides, and the thread is the fallback (the web app serves requests from a thread pool).
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, nullcontext

from taizhang.errors import TaizhangError

THREAD_NAME = "taizhang-producer"


def can_fork() -> bool:
    """Whether a forked child would start from a consistent copy of this process."""
    return sys.platform == "linux" and threading.active_count() == 1


def in_background(items: Iterator, maxsize: int) -> Iterator:
    """Run the iterator in a worker thread and yield its items here; its exception is raised here.

    When the consumer stops early (an error while writing), the worker is told to stop and joined.
    """
    channel: queue.Queue = queue.Queue(maxsize)
    stop = threading.Event()
    done = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                channel.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            with closing(items) if hasattr(items, "close") else nullcontext():
                for item in items:
                    if not put((item, None)):
                        return
            put((done, None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which re-raises it
            put((None, exc))

    worker = threading.Thread(target=work, name=THREAD_NAME, daemon=True)
    worker.start()
    try:
        while True:
            item, error = channel.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        worker.join()


def in_child_process(items: Iterator, maxsize: int) -> Iterator:
    """Iterate `items` in a forked child process and yield its items here, pickled through a pipe.

    The child inherits `items` (typically a generator not started yet) with the rest of this
    process's memory, so only the items cross the pipe. Inside the child a thread runs up to
    `maxsize` items ahead of the pipe: a slow item (a large sheet parsed whole) then does not
    stall the consumer. The child's exception is raised here; when the consumer stops early,
    the child is stopped. Call only where `can_fork()`.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_produce, args=(items, maxsize, sender), name=THREAD_NAME, daemon=True)
    child.start()
    sender.close()  # the child now holds the only writing end: its death reads as EOF here
    finished = False
    try:
        while True:
            try:
                kind, payload = receiver.recv()
            except EOFError:
                child.join()
                raise TaizhangError(f"后台读取进程意外退出（退出码 {child.exitcode}）", status=500) from None
            if kind == "error":
                raise payload
            if kind == "end":
                finished = True
                return
            yield payload
    finally:
        receiver.close()
        if not finished:
            child.terminate()
        child.join()


def _produce(items: Iterator, maxsize: int, sender) -> None:
    """The child's side of `in_child_process` (it exits through os._exit: no clean-up of the parent's state)."""
    try:
        for item in in_background(items, maxsize):
            sender.send(("item", item))
        sender.send(("end", None))
    except BrokenPipeError:
        return  # the consumer stopped early
    except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which re-raises it
        _send_error(sender, exc)


def _send_error(sender, exc: BaseException) -> None:
    try:
        sender.send(("error", exc))
    except BrokenPipeError:
        pass
    except Exception:  # noqa: BLE001 - the error itself cannot be pickled: send what it said
        sender.send(("error", TaizhangError(f"后台读取出错：{type(exc).__name__}: {exc}", status=500)))
