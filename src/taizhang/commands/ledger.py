"""Ledger commands: init, unit, record, target, stats, export, import, demo. Thin: parse, call, print."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from taizhang.commands.common import actor_name, console, open_ledger
from taizhang.errors import ValidationError

unit_app = typer.Typer(help="单位：添加、查看单位树。", no_args_is_help=True)
record_app = typer.Typer(help="台账记录：添加、查看、删除。", no_args_is_help=True)
target_app = typer.Typer(help="目标：设定、查看年度目标及完成进度。", no_args_is_help=True)


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def _bar(description: str, *, auto_refresh: bool = True) -> Progress:
    return Progress(TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=False, auto_refresh=auto_refresh)


# -- init / units ----------------------------------------------------------------------------

def init(ctx: typer.Context) -> None:
    """创建或升级台账数据库（执行数据库迁移）。"""
    open_ledger(ctx)
    console.print(f"台账数据库已就绪：{ctx.obj['db']}")


@unit_app.command("add")
def unit_add(ctx: typer.Context, name: str = typer.Argument(..., help="单位名称"),
             level: str = typer.Option(..., "--level", "-l", help="层级：县区/乡镇街道/部门/村社区/学校/企业…"),
             parent: str = typer.Option(None, "--parent", "-p", help="上级单位名称或编号")) -> None:
    """添加单位。"""
    unit = open_ledger(ctx).add_unit(name, level, parent, actor=actor_name())
    console.print(f"已添加单位“{unit.name}”（编号 {unit.id}，{unit.level}）")


@unit_app.command("list")
def unit_list(ctx: typer.Context, under: str = typer.Option(None, "--under", "-u", help="只看此单位及下级")) -> None:
    """以树形列出单位。"""
    all_units = open_ledger(ctx).units(under)
    if not all_units:
        console.print("还没有单位。可用 `taizhang unit add` 添加，或 `taizhang demo` 生成示例县。")
        return
    nodes: dict[int, Tree] = {}
    roots: list[Tree] = []
    for u in all_units:
        label = f"{u.name} [dim]（{u.level}，编号 {u.id}）[/]"
        parent = nodes.get(u.parent_id) if u.parent_id else None
        nodes[u.id] = parent.add(label) if parent else Tree(label)
        if parent is None:
            roots.append(nodes[u.id])
    for root in roots:
        console.print(root)


# -- records ---------------------------------------------------------------------------------

def _parse_qty(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise ValidationError(f"数量“{item}”格式应为 名称=数值，如 受众人次=120", field="quantities")
        key, value = item.split("=", 1)
        out[key.strip()] = value.strip()
    return out


@record_app.command("add")
def record_add(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u", help="单位名称或编号"),
               kind: str = typer.Option(..., "--type", "-t", help="活动类型（名称或代码）"),
               day: str = typer.Option(..., "--date", "-d", help="开始日期 YYYY-MM-DD"),
               end: str = typer.Option(None, "--end", help="结束日期 YYYY-MM-DD"),
               title: str = typer.Option(..., "--title", help="标题"),
               place: str = typer.Option("", "--place", help="地点"),
               description: str = typer.Option("", "--desc", help="内容摘要 / 亮点说明"),
               participants: str = typer.Option("", "--participants", help="参加人员"),
               qty: list[str] = typer.Option([], "--qty", "-q", help="数量，如 受众人次=120，可多次"),
               highlight: bool = typer.Option(False, "--highlight", help="标记为亮点"),
               evidence: list[Path] = typer.Option([], "--evidence", "-e", help="佐证材料文件，可多次")) -> None:
    """添加一条台账记录。"""
    data = {"activity_type": kind, "date_start": day, "date_end": end, "title": title, "place": place,
            "description": description, "participants": participants, "highlight": highlight,
            "quantities": _parse_qty(qty)}
    record = open_ledger(ctx).create_record(unit, data, actor=actor_name(), evidence_files=evidence)
    console.print(f"已添加台账记录（编号 {record.id}）")


@record_app.command("list")
def record_list(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u"),
                year: int = typer.Option(None, "--year", "-y"),
                kind: str = typer.Option(None, "--type", "-t", help="只看此活动类型"),
                limit: int = typer.Option(50, "--limit", "-n", help="最多显示条数")) -> None:
    """列出单位（含下级）的台账记录。"""
    from taizhang.ledger import Period

    ledger = open_ledger(ctx)
    rows = ledger.records(unit, Period.year(year) if year else None, [kind] if kind else None, limit)
    names = {u.id: u.name for u in ledger.units(unit)}
    table = Table(title=f"{ledger.unit(unit).name}台账记录" + (f"（{year}年）" if year else ""))
    for col in ("编号", "日期", "单位", "活动类型", "标题", "数量", "亮点"):
        table.add_column(col)
    for r in rows:
        kind_obj = ledger.taxonomy.type(r.type_code)
        qty = "，".join(f"{kind_obj.quantity(f).label}{_num(v)}" for f, v in (r.quantities or {}).items())
        table.add_row(str(r.id), r.date_start.isoformat(), names.get(r.unit_id, str(r.unit_id)), kind_obj.name,
                      r.title, qty, "★" if r.highlight else "")
    console.print(table)


@record_app.command("delete")
def record_delete(ctx: typer.Context, record_id: int = typer.Argument(..., help="记录编号")) -> None:
    """删除一条台账记录（留有审计记录）。"""
    open_ledger(ctx).delete_record(record_id, actor=actor_name())
    console.print(f"已删除台账记录（编号 {record_id}）")


# -- targets ---------------------------------------------------------------------------------

@target_app.command("set")
def target_set(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u"),
               year: int = typer.Option(..., "--year", "-y"),
               indicator: str = typer.Option(..., "--indicator", "-i", help="指标，如 theory_lecture.count"),
               value: float = typer.Option(..., "--value", "-v"),
               bound: str = typer.Option("至少", "--bound", "-b", help="至少/不少于/力争/约"),
               source: str = typer.Option("", "--source", help="目标出处（计划原句）")) -> None:
    """设定（或修改）年度目标。"""
    target = open_ledger(ctx).set_target(unit, year, indicator, value, bound=bound, source=source, actor=actor_name())
    console.print(f"已设定目标：{target.indicator} {target.bound}{_num(target.value)}（编号 {target.id}）")


@target_app.command("list")
def target_list(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u"),
                year: int = typer.Option(..., "--year", "-y")) -> None:
    """列出年度目标及完成进度。"""
    from taizhang.commands.ledger_tables import progress_table

    ledger = open_ledger(ctx)
    console.print(progress_table(ledger.progress(unit, year), f"{ledger.unit(unit).name}{year}年目标"))


# -- stats / excel / demo --------------------------------------------------------------------

def stats(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u"),
          year: int = typer.Option(..., "--year", "-y"),
          by: str = typer.Option("area", "--by", help="area（按工作领域）/ month（按月）/ unit（按下级单位）")) -> None:
    """统计台账：各项指标、同比与目标完成进度。"""
    from taizhang.commands import ledger_tables

    builders = {"area": ledger_tables.by_area, "month": ledger_tables.by_month, "unit": ledger_tables.by_unit}
    if by not in builders:
        raise ValidationError(f"--by 应为 area、month 或 unit，而不是“{by}”", field="by")
    console.print(builders[by](open_ledger(ctx), unit, year))


def export(ctx: typer.Context, unit: str = typer.Option(..., "--unit", "-u"),
           year: int = typer.Option(..., "--year", "-y"),
           out: Path = typer.Option(..., "--out", "-o", help="输出 .xlsx 文件")) -> None:
    """导出单位年度台账为 Excel（无记录时即为空白模板）。"""
    count = open_ledger(ctx).export_xlsx(unit, year, out)
    console.print(f"已导出 {count} 条记录到 {out}")


def import_(ctx: typer.Context, path: Path = typer.Argument(..., help=".xlsx 文件"),
            unit: str = typer.Option(..., "--unit", "-u", help="台账所属单位（行中单位须在其范围内）"),
            year: int = typer.Option(None, "--year", "-y", help="只接受该年度的记录")) -> None:
    """从 Excel 导入台账：全部成功才写入，任何一行有错则不写入。"""
    ledger = open_ledger(ctx)
    # Redrawn on each written batch rather than by rich's refresh thread: with no other thread
    # running, the import may read the file in a forked process (see ledger/producers.py).
    with _bar("读取表格", auto_refresh=False) as bar:
        task = bar.add_task("read", total=None)

        def advance(rows: int) -> None:
            bar.advance(task, rows)
            bar.refresh()

        rows_read = ledger.import_xlsx(path, unit, year=year, actor=actor_name(), progress=advance)
        bar.update(task, total=rows_read, completed=rows_read)
    console.print(f"已导入 {rows_read} 条记录")


def demo(ctx: typer.Context, if_absent: bool = typer.Option(False, "--if-absent", help="示例县已存在时跳过"),
         scale: float = typer.Option(1.0, "--scale", help="记录数倍数（压测用，可很大）"),
         year: int = typer.Option(2025, "--year", help="演示年度（同时生成上一年度）"),
         seed: int = typer.Option(20250101, "--seed", help="随机种子（相同种子生成相同数据）")) -> None:
    """生成虚构的“示例县”演示台账（两个年度的记录和两年的目标）。"""
    from taizhang.ledger import demo as demo_mod

    ledger = open_ledger(ctx)
    if ledger.find_unit(demo_mod.COUNTY) is not None:
        if if_absent:
            console.print("示例县已存在，跳过生成。")
            _demo_accounts(ledger)
            return
        raise ValidationError("数据库中已有“示例县”，如需重建请换一个数据库文件", field="unit")
    if scale <= 0:
        raise ValidationError("--scale 必须大于 0", field="scale")
    with _bar("生成示例县台账") as bar:
        task = bar.add_task("demo", total=None)
        summary = demo_mod.generate(ledger, year=year, scale=scale, seed=seed,
                                    progress=lambda n: bar.advance(task, n),
                                    on_total=lambda n: bar.update(task, total=n))
        bar.update(task, total=summary.records, completed=summary.records)
    console.print(f"已生成示例县：{summary.units} 个单位，{summary.records} 条记录，{summary.targets} 项目标")
    _demo_accounts(ledger)


def _demo_accounts(ledger) -> None:
    """The demo logins of the web app (idempotent; also when the county already exists)."""
    from taizhang.ledger.demo_accounts import create_demo_accounts

    created = create_demo_accounts(ledger)
    if created:
        console.print(f"已创建 {created} 个演示账号（密码均为 demo2025），可用 `taizhang serve` 启动网页版")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(unit_app, name="unit")
    app.add_typer(record_app, name="record")
    app.add_typer(target_app, name="target")
    app.command("stats")(stats)
    app.command("export")(export)
    app.command("import")(import_)
    app.command("demo")(demo)
