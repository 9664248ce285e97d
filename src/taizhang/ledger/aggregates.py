"""Maintenance of `stat_monthly`, the pre-aggregated table roll-ups read.

Every write adds signed deltas keyed (unit, yyyymm, type, field) with an atomic
upsert, so concurrent writers on PostgreSQL cannot lose an increment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from taizhang.ledger.models import MonthlyStat, Record

COUNT_FIELD = "count"
Key = tuple[int, int, str, str]


def month_key(day: date) -> int:
    return day.year * 100 + day.month


def add_record(deltas: dict[Key, float], unit_id: int, type_code: str, day: date,
               quantities: Mapping[str, float], sign: int = 1) -> None:
    month = month_key(day)
    deltas[(unit_id, month, type_code, COUNT_FIELD)] += sign
    for field, value in quantities.items():
        if value:
            deltas[(unit_id, month, type_code, field)] += sign * value


def new_deltas() -> dict[Key, float]:
    return defaultdict(float)


UPSERT_TAIL = ("ON CONFLICT (unit_id, month, type_code, field) "
               "DO UPDATE SET value = stat_monthly.value + excluded.value")


def _apply_sqlite(conn: Connection, rows: list[tuple]) -> None:
    # Driver-level executemany: sqlite3 runs it in C, no per-row SQL compilation.
    conn.exec_driver_sql("INSERT INTO stat_monthly (unit_id, month, type_code, field, value) "
                         f"VALUES (?, ?, ?, ?, ?) {UPSERT_TAIL}", rows)


def _apply_postgres(conn: Connection, rows: list[tuple]) -> None:
    # COPY into a temp table, then one set-based upsert: thousands of keys in one round trip.
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS stat_delta (unit_id integer, month integer, "
                         "type_code varchar(64), field varchar(64), value double precision) ON COMMIT DROP")
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy("COPY stat_delta (unit_id, month, type_code, field, value) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute("INSERT INTO stat_monthly (unit_id, month, type_code, field, value) "
                    f"SELECT unit_id, month, type_code, field, value FROM stat_delta ORDER BY 1, 2, 3, 4 {UPSERT_TAIL}")
        cur.execute("DELETE FROM stat_delta")


def apply(bind: Connection | Session, deltas: Mapping[Key, float]) -> None:
    """Add the deltas; runs in the caller's transaction (keys are unique, so no row is hit twice)."""
    # Sorted keys: two concurrent PostgreSQL writers lock rows in the same order (no deadlock).
    rows = sorted((u, m, t, f, float(v)) for (u, m, t, f), v in deltas.items() if v)
    if not rows:
        return
    conn = bind.connection() if isinstance(bind, Session) else bind
    if conn.dialect.name == "postgresql":
        _apply_postgres(conn, rows)
    else:
        _apply_sqlite(conn, rows)


def rebuild(session: Session, batch: int = 20000) -> int:
    """Recompute the whole table from `record` (repair / consistency check). Returns rows written."""
    deltas = new_deltas()
    query = select(Record.unit_id, Record.type_code, Record.date_start, Record.quantities)
    for unit_id, type_code, day, quantities in session.execute(query.execution_options(yield_per=batch)):
        add_record(deltas, unit_id, type_code, day, quantities or {})
    session.execute(delete(MonthlyStat))
    apply(session, deltas)
    return len(deltas)


def snapshot(session: Session) -> dict[Key, float]:
    rows = session.execute(select(MonthlyStat.unit_id, MonthlyStat.month, MonthlyStat.type_code,
                                  MonthlyStat.field, MonthlyStat.value))
    return {(u, m, t, f): v for u, m, t, f, v in rows if abs(v) > 1e-9}


def iter_keys(records: Iterable[Record]) -> dict[Key, float]:
    deltas = new_deltas()
    for r in records:
        add_record(deltas, r.unit_id, r.type_code, r.date_start, r.quantities or {})
    return deltas
