"""Rich tables for `taizhang stats` and `target list` (presentation only; figures come from services)."""

from __future__ import annotations

from rich.table import Table

from taizhang.ledger.stats import RECORDS, Period, Progress


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _yoy(now: float, before: float) -> str:
    if not before:
        return "—" if not now else "新增"
    change = (now - before) / before * 100
    color = "green" if change >= 0 else "red"
    return f"[{color}]{change:+.1f}%[/]"


def _ratio(p: Progress | None) -> str:
    if p is None or p.ratio is None:
        return ""
    color = "green" if p.met else ("yellow" if p.ratio >= 0.8 else "red")
    return f"[{color}]{p.ratio * 100:.0f}%[/]"


def by_area(ledger, unit: str, year: int) -> Table:
    root = ledger.unit(unit)
    compared = ledger.compare_last_year(root.id, Period.year(year))
    progress = {p.indicator: p for p in ledger.progress(root.id, year)}
    table = Table(title=f"{root.name}{year}年宣传思想工作台账统计（含下级单位）", show_lines=False)
    for col, justify in (("工作领域", "left"), ("指标", "left"), (f"{year}年", "right"),
                         (f"{year - 1}年同期", "right"), ("同比", "right"), ("目标", "right"), ("完成率", "right")):
        table.add_column(col, justify=justify, overflow="fold", no_wrap=justify == "right")
    for area in ledger.taxonomy.areas:
        first = True
        for ind in ledger.taxonomy.indicators():
            if ledger.taxonomy.type(ind.type_code).area != area.code:
                continue
            now, before = compared.get(ind.id, (0, 0))
            target = progress.get(ind.id)
            if not now and not before and target is None:
                continue
            label = f"{ind.label}（{ind.measure}）" if ind.field is None else f"  其中{ind.label}（{ind.measure}）"
            table.add_row(area.name if first else "", label, _num(now), _num(before), _yoy(now, before),
                          f"{target.bound}{_num(target.target)}" if target else "", _ratio(target),
                          end_section=False)
            first = False
        if not first:
            table.add_section()
    return table


def by_month(ledger, unit: str, year: int) -> Table:
    root = ledger.unit(unit)
    rollup = ledger.rollup(root.id, year, by=("area", "month"), indicators=False)
    table = Table(title=f"{root.name}{year}年各月台账记录数（条）")
    table.add_column("工作领域")
    for m in range(1, 13):
        table.add_column(f"{m}月", justify="right")
    table.add_column("合计", justify="right")
    for area in ledger.taxonomy.areas:
        counts = [rollup.cells.get((area.code, year * 100 + m), {}).get(RECORDS, 0) for m in range(1, 13)]
        if any(counts):
            table.add_row(area.name, *[_num(c) for c in counts], _num(sum(counts)))
    return table


def by_unit(ledger, unit: str, year: int) -> Table:
    root = ledger.unit(unit)
    rollup = ledger.rollup(root.id, year, by=("unit", "area"), indicators=False)
    areas = [a for a in ledger.taxonomy.areas if any(k[1] == a.code for k in rollup.cells)]
    table = Table(title=f"{root.name}{year}年各单位台账记录数（条，含下级）")
    table.add_column("单位")
    for area in areas:
        table.add_column(area.name[:6], justify="right")
    table.add_column("合计", justify="right")
    for unit_id, name in rollup.unit_names.items():
        counts = [rollup.cells.get((unit_id, a.code), {}).get(RECORDS, 0) for a in areas]
        if any(counts):
            table.add_row(name + ("（本级）" if unit_id == root.id else ""), *[_num(c) for c in counts],
                          _num(sum(counts)))
    return table


def progress_table(progress: list[Progress], title: str) -> Table:
    table = Table(title=title)
    for col in ("编号", "指标", "目标", "完成", "完成率", "上年同期", "出处"):
        table.add_column(col)
    for p in progress:
        table.add_row(str(p.target_id), f"{p.label}（{p.measure}）", f"{p.bound}{_num(p.target)}", _num(p.actual),
                      _ratio(p), _num(p.last_year), p.source)
    return table
