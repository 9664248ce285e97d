"""Ledger speed figures: bulk insert rate, county-year roll-up, provenance query, Excel import rate.

Usage: .venv/bin/python bench/ledger.py [--sqlite-records N] [--pg-records N] [--excel-records N]
                                        [--pg-url URL] [--skip-pg]
Prints what it measured (record counts included); timings are wall-clock on this machine, with
the process's CPU time beside them where the machine is shared. The Excel import is measured
end to end on an exported county-year ledger (every work-area sheet), on SQLite and PostgreSQL,
with each phase also timed alone.
Bars (issue 2): roll-up <= 200 ms at 1M records on SQLite, <= 500 ms at 10M on PostgreSQL;
import >= 50k records/s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path

from sqlalchemy import create_engine, select, text

from taizhang.ledger import Ledger, Period, bulk, demo
from taizhang.ledger.models import Record

YEAR = 2025
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    """(first call, median of the following `repeat` calls) in milliseconds."""
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(runs)


def per_unit_rate(units: list[demo.DemoUnit]) -> int:
    return sum(sum(u.rates.values()) for u in units)


def load(ledger: Ledger, records: int) -> tuple[int, float, float]:
    """Build the demo county and stream about `records` records of YEAR.

    Returns (count, seconds spent inserting incl. stats maintenance and commit, seconds generating).
    """
    units = demo.build_units(ledger, random.Random(1))
    scale = records / per_unit_rate(units)
    rng = random.Random(2)
    rows = (r for u in units for r in demo.unit_records(rng, ledger.taxonomy, u, YEAR, scale))
    count, insert_s, gen_s = 0, 0.0, 0.0
    session_cm = ledger.transaction()
    session = session_cm.__enter__()
    while True:
        start = time.perf_counter()
        batch = list(islice(rows, 50_000))
        gen_s += time.perf_counter() - start
        if not batch:
            break
        start = time.perf_counter()
        count += bulk.insert_records(session, batch, batch_size=50_000)
        insert_s += time.perf_counter() - start
        if count % 1_000_000 < len(batch):
            print(f"    … {count:,} 条", file=sys.stderr, flush=True)
    start = time.perf_counter()
    session_cm.__exit__(None, None, None)
    insert_s += time.perf_counter() - start
    return count, insert_s, gen_s


def measure(ledger: Ledger, label: str, records: int) -> None:
    print(f"== {label} ==")
    count, seconds, gen_seconds = load(ledger, records)
    print(f"  批量写入 {count:,} 条记录：{seconds:.1f} s，{count / seconds:,.0f} 条/秒"
          f"（含月度汇总表维护与提交；另有生成数据 {gen_seconds:.1f} s 不计入）")
    first, median = timed(lambda: ledger.rollup(demo.COUNTY, YEAR, by=("unit", "area", "month")))
    cells = len(ledger.rollup(demo.COUNTY, YEAR, by=("unit", "area", "month")).cells)
    print(f"  县年度汇总（单位×领域×月，{cells} 格，每格含全部指标）：首次 {first:.0f} ms，中位 {median:.0f} ms")
    first, median = timed(lambda: ledger.rollup(demo.COUNTY, YEAR, by=("unit", "area", "month"), indicators=False))
    print(f"  县年度汇总（单位×领域×月，每格仅记录条数）：首次 {first:.0f} ms，中位 {median:.0f} ms")
    first, median = timed(lambda: ledger.indicator_values(demo.COUNTY, Period.year(YEAR)))
    print(f"  县年度全部指标值：首次 {first:.0f} ms，中位 {median:.0f} ms")
    town = demo.TOWNS[3]
    value = ledger.indicator_value(town, Period.month(YEAR, 3), "theory_lecture.audience", provenance=True)
    first, median = timed(lambda: ledger.indicator_value(town, Period.month(YEAR, 3), "theory_lecture.audience",
                                                         provenance=True))
    print(f"  溯源查询（{town}3月受众人次 = {value.value:,.0f}，{len(value.record_ids):,} 条记录）："
          f"首次 {first:.0f} ms，中位 {median:.0f} ms")


def server_cpu(ledger: Ledger):
    """CPU seconds used so far by the PostgreSQL backend serving `ledger` (None: SQLite, or server elsewhere).

    The engine is fresh and used by one thread, so its single pooled connection serves every call.
    """
    if ledger.engine.dialect.name != "postgresql":
        return None
    with ledger.engine.connect() as conn:
        stat = Path(f"/proc/{conn.exec_driver_sql('SELECT pg_backend_pid()').scalar()}/stat")
    if not stat.exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    return read


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the import's reading process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class Clock:
    """Wall and CPU seconds of a block: this process (all threads, finished child processes included),
    and the database server's backend if given."""

    def __init__(self, server=None):
        self.server = server

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        self.server_cpu = self.server() if self.server else None
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, cpu_seconds() - self.cpu
        if self.server:
            self.server_cpu = self.server() - self.server_cpu

    def rate(self, rows: int) -> str:
        text = f"{self.wall:.2f} s（{rows / self.wall:,.0f} 条/秒），CPU {self.cpu:.2f} s（{rows / self.cpu:,.0f} 条/CPU秒）"
        if self.server_cpu is not None:
            text += f"，数据库服务器 CPU {self.server_cpu:.2f} s"
        return text


def fresh_county(target) -> Ledger:
    """An empty database of `target` (a SQLite path or a PostgreSQL schema) holding the demo county's units."""
    ledger = target() if callable(target) else Ledger.open(str(target))
    demo.build_units(ledger, random.Random(1))
    return ledger


def import_phases(xlsx: Path, make_ledger) -> None:
    """Each phase alone (read, validate, write), then the real pipelined import, end to end."""
    from taizhang.ledger import aggregates, units, xlsx_import
    from taizhang.ledger.excel import check_sheets, open_workbook, unit_names

    with Clock() as read:
        book = open_workbook(xlsx)
        rows = sum(1 for sheet in book.sheetnames for _ in book.sheet_rows(sheet))
        book.close()
    ledger = make_ledger()
    with ledger.transaction() as session, Clock() as checked:
        book = open_workbook(xlsx)
        root = units.resolve(session, demo.COUNTY)
        writer = bulk.ImportWriter(session, "bench")
        ctx = xlsx_import.ImportContext(ledger.taxonomy, root.name, unit_names(session, root.id), YEAR,
                                        book.date1904, writer.postgres, writer.tail)
        batches = list(xlsx_import.validated_batches(book, check_sheets(book, ledger.taxonomy), ctx))
        book.close()
    deltas = aggregates.new_deltas()
    for _, batch_deltas in batches:
        for key, value in batch_deltas.items():
            deltas[key] += value
    batches = [rows for rows, _ in batches]
    records = sum(map(len, batches))
    with Clock(server_cpu(ledger)) as write:
        with ledger.transaction() as session:
            writer = bulk.ImportWriter(session, "bench")
            for batch in batches:
                writer.write(batch)
            aggregates.apply(session, deltas)
    ledger.close()
    del batches
    print(f"  读表（解压与解析 {rows:,} 行）：{read.rate(rows)}")
    print(f"  读表+校验（{records:,} 条）：{checked.rate(records)}；其中校验约 {checked.cpu - read.cpu:.2f} CPU s")
    print(f"  写库（记录、逐条审计、月度汇总表、提交）：{write.rate(records)}")
    for fork, how in ((True, "读表校验在子进程"), (False, "读表校验在线程")):
        ledger = make_ledger()
        with Clock(server_cpu(ledger)) as total:
            imported = ledger.import_xlsx(xlsx, demo.COUNTY, year=YEAR, fork=fork)
        with ledger.transaction() as session:
            exact = aggregates.snapshot(session) == dict(aggregates.iter_keys(session.scalars(select(Record))))
        ledger.close()
        print(f"  端到端导入 {imported:,} 条（打开文件→解析→校验→写库含审计与汇总→提交，{how}，与写库并行）："
              f"{total.rate(imported)}；汇总表与重算{'一致' if exact else '不一致！'}")


def excel_import(workdir: Path, records: int, pg_url: str | None) -> None:
    source = Ledger.open(str(workdir / "excel-src.db"))
    load(source, records)
    xlsx = workdir / "ledger.xlsx"
    with Clock() as clock:
        exported = source.export_xlsx(demo.COUNTY, YEAR, xlsx)
    source.close()
    print(f"== Excel 导入（{exported:,} 条的县年度台账，{len(source.taxonomy.areas)} 个工作领域表，"
          f"{xlsx.stat().st_size / 1e6:.1f} MB）==")
    print(f"  导出：{clock.rate(exported)}")
    counter = iter(range(1_000_000))
    print(" SQLite：")
    import_phases(xlsx, lambda: fresh_county(workdir / f"excel-dst-{next(counter)}.db"))
    if pg_url:
        print(" PostgreSQL：")
        with ExitStack() as schemas:
            def make() -> Ledger:  # each measurement starts from a fresh schema
                return fresh_county(lambda: Ledger.open(pg_url, schema=schemas.enter_context(pg_schema(pg_url))))
            import_phases(xlsx, make)


@contextmanager
def pg_schema(url: str):
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite-records", type=int, default=1_000_000)
    parser.add_argument("--pg-records", type=int, default=2_000_000, help="10M for the issue's bar (slow to load)")
    parser.add_argument("--excel-records", type=int, default=100_000)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--skip-pg", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="taizhang-bench-") as tmp:
        workdir = Path(tmp)
        if args.sqlite_records:
            lite = Ledger.open(str(workdir / "bench.db"))
            measure(lite, f"SQLite，{args.sqlite_records:,} 条", args.sqlite_records)
            lite.close()
        if args.excel_records:
            excel_import(workdir, args.excel_records, None if args.skip_pg else args.pg_url)
    if args.pg_records and not args.skip_pg:
        with pg_schema(args.pg_url) as schema:
            pg = Ledger.open(args.pg_url, schema=schema)
            measure(pg, f"PostgreSQL，{args.pg_records:,} 条", args.pg_records)
            pg.close()


if __name__ == "__main__":
    main()
