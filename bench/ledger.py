"""Ledger speed figures: bulk insert rate, county-year roll-up, provenance query, Excel import rate.

Usage: .venv/bin/python bench/ledger.py [--sqlite-records N] [--pg-records N] [--pg-url URL] [--skip-pg]
Prints what it measured (record counts included); timings are wall-clock on this machine.
Bars (issue 2): roll-up <= 200 ms at 1M records on SQLite, <= 500 ms at 10M on PostgreSQL;
import >= 50k records/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from itertools import islice
from pathlib import Path

from sqlalchemy import create_engine, text

from taizhang.ledger import Ledger, Period, bulk, demo

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


def excel_import(workdir: Path, records: int) -> None:
    print("== Excel 导入（SQLite）==")
    source = Ledger.open(str(workdir / "excel-src.db"))
    load(source, records)
    xlsx = workdir / "ledger.xlsx"
    start = time.perf_counter()
    exported = source.export_xlsx(demo.COUNTY, YEAR, xlsx)
    print(f"  导出 {exported:,} 条：{time.perf_counter() - start:.1f} s")
    dest = Ledger.open(str(workdir / "excel-dst.db"))
    demo.build_units(dest, random.Random(1))
    start = time.perf_counter()
    imported = dest.import_xlsx(xlsx, demo.COUNTY, year=YEAR)
    seconds = time.perf_counter() - start
    print(f"  导入 {imported:,} 条：{seconds:.1f} s，{imported / seconds:,.0f} 条/秒（读表、逐格校验、写库、审计）")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite-records", type=int, default=1_000_000)
    parser.add_argument("--pg-records", type=int, default=2_000_000, help="10M for the issue's bar (slow to load)")
    parser.add_argument("--excel-records", type=int, default=50_000)
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
            excel_import(workdir, args.excel_records)
    if args.pg_records and not args.skip_pg:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.pg_url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            pg = Ledger.open(args.pg_url, schema=schema)
            measure(pg, f"PostgreSQL，{args.pg_records:,} 条", args.pg_records)
            pg.close()
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
