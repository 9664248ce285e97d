"""Readable rich view of a Document (`taizhang read --format text`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from taizhang.text.model import Document, OutlineNode

SECTION_NAMES = {"intro": "导语", "achievements": "工作成效", "problems": "存在问题", "plans": "工作计划", "other": "其他"}
APPROX_NAMES = {"more_than": "以上", "about": "约", "at_least": "至少", "at_most": "至多", None: ""}


def _add(tree: Tree, nodes: list[OutlineNode]) -> None:
    for n in nodes:
        style = "dim" if n.inline else "bold"
        branch = tree.add(f"[{style}]{n.marker}[/] {n.title}  [cyan]{SECTION_NAMES.get(n.section, n.section)}[/]",
                          highlight=False)
        _add(branch, n.children)


def render_document(console: Console, doc: Document) -> None:
    m = doc.meta
    console.rule(f"[bold]{doc.path}[/]（{doc.format}）")
    years = "、".join(str(y) for y in m.years) or "—"
    console.print(f"标题：{m.title or '—'}\n单位：{m.unit or '—'}（层级：{m.unit_level or '—'}）  年份：{years}  "
                  f"类型：{m.doc_type}\n清理：删除 {len(doc.removed)} 处噪声（"
                  + "、".join(sorted({r.kind for r in doc.removed})) + "）", highlight=False)
    tree = Tree("[bold]提纲[/]")
    _add(tree, doc.outline)
    console.print(tree)
    for a in doc.anomalies:
        console.print(f"[yellow]编号异常：[/]{a.detail}（位置 {a.start}）", highlight=False)
    table = Table(title="量化指标", show_lines=False)
    for col in ("#", "数量", "数值", "量词", "约数", "性质", "事项", "类型", "章节", "其中"):
        table.add_column(col)
    for i, ind in enumerate(doc.indicators):
        value = "XX" if ind.masked else str(ind.value)
        table.add_row(str(i), ind.qty, value, ind.measure, APPROX_NAMES.get(ind.approx, ind.approx or ""),
                      "目标" if ind.kind == "target" else "实绩", ind.activity, ind.activity_type or "",
                      SECTION_NAMES.get(ind.section, ind.section), "" if ind.parent is None else str(ind.parent))
    console.print(table)
