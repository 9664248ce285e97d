"""Plain helpers shared by the ledger tests (importable: tests/ledger is on sys.path)."""

from __future__ import annotations


def lecture(day: str = "2025-03-04", audience: int = 100, **extra) -> dict:
    data = {"activity_type": "理论宣讲", "date_start": day, "title": "党的二十届三中全会精神专题宣讲",
            "place": "村党群服务中心", "quantities": {"受众人次": audience}}
    data.update(extra)
    return data
