"""Excel import, all-or-nothing, as a two-stage pipeline inside one transaction.

A reader thread parses sheets (python-calamine, without the GIL) and validates rows into
driver tuples; the calling thread writes them batch by batch (sqlite3 and psycopg also
release the GIL while the database works), so parsing, checking and writing overlap.
The first bad cell raises in the calling thread and the transaction rolls back: nothing
is written. Stats deltas are gathered while validating and applied once at the end.
"""

from __future__ import annotations

import gc
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext
from itertools import islice
from pathlib import Path

from taizhang.ledger import aggregates, bulk, units
from taizhang.ledger.excel import check_header, check_sheets, open_workbook, unit_names
from taizhang.ledger.import_rows import SheetRows
from taizhang.ledger.xlsx_reader import XlsxBook
from taizhang.taxonomy import Taxonomy, WorkArea

BATCH_ROWS = 5000
QUEUE_BATCHES = 8  # at most this many validated batches wait for the writer


def import_ledger(ledger, path: Path, unit: units.UnitRef, *, year: int | None = None, actor: str = "system",
                  progress: Callable[[int], None] | None = None) -> int:
    """Import every row of the file under `unit`; returns the number of records written."""
    book = open_workbook(path)
    try:
        present = check_sheets(book, ledger.taxonomy)
        with gc_paused(), ledger.transaction() as session:
            root = units.resolve(session, unit)
            names = unit_names(session, root.id)
            writer = bulk.ImportWriter(session, actor)
            deltas = aggregates.new_deltas()
            context = ImportContext(ledger.taxonomy, root.name, names, year, book.date1904, writer, deltas)
            with closing(in_background(validated_batches(book, present, context), QUEUE_BATCHES)) as batches:
                for batch in batches:  # a write error closes the stream: the reader thread stops first
                    writer.write(batch)
                    if progress:
                        progress(len(batch))
            aggregates.apply(session, deltas)
            return writer.count
    finally:
        book.close()


class ImportContext:
    """What validating needs besides the file: taxonomy, unit names, year, driver representation."""

    def __init__(self, taxonomy: Taxonomy, root_name: str, names: dict[str, list[int]], year: int | None,
                 date1904: bool, writer: bulk.ImportWriter, deltas: dict):
        self.taxonomy, self.root_name, self.names, self.year = taxonomy, root_name, names, year
        self.date1904, self.postgres, self.tail, self.deltas = date1904, writer.postgres, writer.tail, deltas


def validated_batches(book: XlsxBook, present: dict[str, WorkArea], ctx: ImportContext) -> Iterator[list[tuple]]:
    """Lists of record tuples, each from up to BATCH_ROWS rows of one sheet, blank rows left out."""
    for sheet, area in present.items():
        rows = book.sheet_rows(sheet)
        header = next(rows, None)
        if header is None:
            continue  # an untouched empty sheet
        parser = SheetRows(ctx.taxonomy, area, sheet, check_header(sheet, header, area), ctx.root_name, ctx.names,
                           ctx.year, ctx.date1904, postgres=ctx.postgres, tail=ctx.tail, deltas=ctx.deltas)
        row_no = 2
        while chunk := list(islice(rows, BATCH_ROWS)):
            # map/filter drive the per-row call from C: no Python loop body per row
            batch = list(filter(None, map(parser.row, range(row_no, row_no + len(chunk)), chunk)))
            row_no += len(chunk)
            if batch:
                yield batch


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the import (process-wide, restored after).

    An import allocates millions of short-lived lists and tuples without reference cycles
    (freed by reference counting); the collector's passes over them measured ~10% of its CPU.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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

    worker = threading.Thread(target=work, name="xlsx-import-reader", daemon=True)
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

