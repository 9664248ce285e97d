"""Excel import, all-or-nothing, as a two-stage pipeline inside one transaction.

A producer parses sheets (python-calamine) and validates rows into driver tuples; the
calling thread writes them batch by batch. The producer is a forked child process where
that is safe (the CLI), else a thread (see `producers`), so parsing, checking and writing
overlap. The first bad cell raises in the calling thread and the transaction rolls back:
nothing is written. Each batch carries the monthly-stat deltas of its rows, applied once at
the end.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from taizhang.ledger import aggregates, bulk, producers, units
from taizhang.ledger.excel import check_header, check_sheets, open_workbook, unit_names
from taizhang.ledger.import_rows import SheetRows
from taizhang.ledger.xlsx_reader import XlsxBook
from taizhang.taxonomy import Taxonomy, WorkArea

BATCH_ROWS = 5000
QUEUE_BATCHES = 8  # at most this many validated batches wait for the writer
# A fork costs a few milliseconds per 100 MB of this process; below this size the file is
# read in a thread, which a small file keeps busy for less than the fork would cost.
FORK_MIN_BYTES = 256 * 1024


def import_ledger(ledger, path: Path, unit: units.UnitRef, *, year: int | None = None, actor: str = "system",
                  progress: Callable[[int], None] | None = None, fork: bool | None = None) -> int:
    """Import every row of the file under `unit`; returns the number of records written.

    `fork` chooses the producer (None: a child process when safe and the file is not small).
    """
    book = open_workbook(path)
    try:
        present = check_sheets(book, ledger.taxonomy)
        if fork is None:
            fork = producers.can_fork() and path.stat().st_size >= FORK_MIN_BYTES
        with gc_paused(), ledger.transaction() as session:
            root = units.resolve(session, unit)
            writer = bulk.ImportWriter(session, actor)
            context = ImportContext(ledger.taxonomy, root.name, unit_names(session, root.id), year, book.date1904,
                                    writer.postgres, writer.tail)
            batches = validated_batches(book, present, context)
            produce = producers.in_child_process if fork else producers.in_background
            stream = produce(batches, QUEUE_BATCHES)
            deltas = aggregates.new_deltas()
            with closing(stream):  # a write error closes the stream: the producer stops first
                for rows, batch_deltas in stream:
                    writer.write(rows)
                    for key, value in batch_deltas.items():
                        deltas[key] += value
                    if progress:
                        progress(len(rows))
            aggregates.apply(session, deltas)
            return writer.count
    finally:
        book.close()


@dataclass(frozen=True)
class ImportContext:
    """What validating needs besides the file: taxonomy, unit names, year, driver representation."""

    taxonomy: Taxonomy
    root_name: str
    names: dict[str, list[int]]
    year: int | None
    date1904: bool
    postgres: bool
    tail: tuple  # what every record tuple ends with: created_by, created_at, updated_by, updated_at


def validated_batches(book: XlsxBook, present: dict[str, WorkArea],
                      ctx: ImportContext) -> Iterator[tuple[list[tuple], dict[aggregates.Key, float]]]:
    """(record tuples, their monthly-stat deltas), each from up to BATCH_ROWS rows of one sheet.

    Blank rows are left out; a sheet's first bad cell raises ImportRowError.
    """
    deltas = aggregates.new_deltas()  # every sheet's parser adds to it; emptied after each batch
    for sheet, area in present.items():
        rows = book.sheet_rows(sheet)
        header = next(rows, None)
        if header is None:
            continue  # an untouched empty sheet
        parser = SheetRows(ctx.taxonomy, area, sheet, check_header(sheet, header, area), ctx.root_name, ctx.names,
                           ctx.year, ctx.date1904, postgres=ctx.postgres, tail=ctx.tail, deltas=deltas)
        row_no = 2
        while chunk := list(islice(rows, BATCH_ROWS)):
            # map/filter drive the per-row call from C: no Python loop body per row
            batch = list(filter(None, map(parser.row, range(row_no, row_no + len(chunk)), chunk)))
            row_no += len(chunk)
            if batch:
                yield batch, dict(deltas)
                deltas.clear()


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
