"""Concurrent writers keep the pre-aggregated stats exact (atomic upserts, no lost increments)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from ledger_helpers import lecture

from taizhang.ledger import Period, aggregates


def test_parallel_creates_keep_stats_exact(county):
    def write(i: int) -> int:
        return county.create_record("桃园村" if i % 2 else "石岭村", lecture(f"2025-05-{i % 28 + 1:02d}", i)).id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(write, range(40)))
    assert len(set(ids)) == 40
    value = county.indicator_values("示例县", Period.year(2025))
    assert value["theory_lecture.count"].value == 40
    assert value["theory_lecture.audience"].value == sum(range(40))
    with county.transaction() as s:
        maintained = aggregates.snapshot(s)
        aggregates.rebuild(s)
        assert aggregates.snapshot(s) == maintained
