"""Ledger → `Report`: the year's 工作总结及工作计划 of a unit (pure w.r.t. rendering).

Every number is a `Figure` whose provenance comes from `stats.traced_values` (the
`indicator_values(provenance=True)` of the unit and of each child, from one pass over the
year's records); what the ledger lacks becomes a `Pending` (【待补：…】), never a guess.
二、存在问题 is proposed in `report.problems`.
Sentence patterns and headings come from `data/templates.yaml` (overridable per unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from taizhang.datafile import packaged_mapping, read_mapping
from taizhang.errors import TaizhangError, ValidationError
from taizhang.ledger import Period as LedgerPeriod
from taizhang.report.model import (
    Figure, Paragraph, Pending, Period, Provenance, RecordRef, Report, Section, Table, display_text,
)
from taizhang.report.problems import problems_section
from taizhang.report.query import highlight_lines, record_titles, traced

_SLOT = re.compile(r"\{(\w+)\}")
RECORD_TITLES = 50  # record references (id + title) listed per figure; the count is always exact


@dataclass
class ReportOptions:
    round: bool = False  # 余/多 rounding of large figures
    templates: Path | None = None  # a unit's override file
    problems: list[str] = field(default_factory=list)  # user-entered 存在问题 paragraphs
    plans: list[str] = field(default_factory=list)  # user-entered 下一步工作计划 paragraphs
    date: date | None = None
    title: str | None = None


def load_templates(path: Path | None = None) -> dict:
    base = packaged_mapping("taizhang.report.data", "templates.yaml")
    if path is None:
        return base
    extra = read_mapping(path)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


def rounded(value: float) -> tuple[float, str | None]:
    """526 → (520, "more_than"); values under 20 and already round ones stay exact."""
    v = int(value)
    if v != value or v < 20:
        return value, None
    step = 10 ** max(1, len(str(v)) - 2)
    low = v // step * step
    return (low, "more_than") if low < v else (v, None)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class _Builder:
    def __init__(self, ledger, unit, year: int, options: ReportOptions):
        self.ledger, self.year, self.opt = ledger, year, options
        self.record_limit = RECORD_TITLES
        self.tax = ledger.taxonomy
        self.tpl = load_templates(options.templates)
        self.unit = ledger.unit(unit)
        self.period = LedgerPeriod.year(year)
        self.mperiod = Period(self.period.start, self.period.end)
        self.subtree = ledger.units(under=self.unit.id)
        self.children = ledger.children(self.unit.id)
        if all(u.id != self.unit.id for u in self.subtree):
            self.subtree = [self.unit, *self.subtree]
        # One pass over the year's records gives every figure, its exact record count and its first
        # record ids, for the unit and (for the appendix) each child: no query per figure.
        self.now, self.by_child = traced(ledger, self.unit.id, self.period, limit=RECORD_TITLES,
                                         by_child=bool(self.children))
        self.last = ledger.indicator_values(self.unit.id, LedgerPeriod.year(year - 1))
        self.records = highlight_lines(ledger, self.unit.id, self.period)
        self.draft: dict[str, tuple] = {}
        self.report = Report(options.title or self._fmt(self.tpl["title"]), self.unit.name, year,
                             signature_unit=self.unit.name, date=options.date or date.today())
        self.names = tuple(u.name for u in self.subtree)
        self.used_desc: set[str] = set()
        self.used_titles: set[str] = set()
        self.used_ids: dict[str, int] = {}
        self.ids = tuple(u.id for u in self.subtree)

    # -- helpers ------------------------------------------------------------------------------
    def _fmt(self, pattern: str, **kw) -> str:
        kw = {"unit": self.unit.name, "year": self.year, "next": self.year + 1, **kw}
        return pattern.format_map(_Missing(kw))

    def _prov(self, key: str, indicator: str, name: str, record_ids, method: str, *, unit=None,
              period: Period | None = None, count: int | None = None) -> str:
        """Register a provenance entry (`count`: exact number of records when `record_ids` is capped);
        record titles are filled in by `_finish_provenance`."""
        if key not in self.report.provenance and key not in self.draft:
            ids = tuple(record_ids or ())[:RECORD_TITLES]
            count = len(record_ids or ()) if count is None else count
            if unit is None:
                uids, unames = self.ids, self.names
                scope = f"{self.unit.name}（含{len(self.ids) - 1}个下属单位）" if len(self.ids) > 1 else ""
            else:
                uids, unames, scope = (unit.id,), (unit.name,), ""
            self.draft[key] = (indicator, period or self.mperiod, name, uids, unames, scope, ids, count, method)
        return key

    def _finish_provenance(self) -> None:
        wanted = {i for d in self.draft.values() for i in d[6]}
        titles = {r.id: r.title for r in self.records}
        titles.update(record_titles(self.ledger, wanted - titles.keys()))
        for key, (ind, period, name, uids, unames, scope, ids, count, method) in self.draft.items():
            refs = tuple(RecordRef(i, titles.get(i, "")) for i in ids)
            self.report.provenance[key] = Provenance(ind, period, name, uids, unames, scope, refs, count, method)

    def figure(self, fid: str, value: float, measure: str, source: str, kind="actual") -> Figure:
        n = self.used_ids.get(fid, 0)
        self.used_ids[fid] = n + 1
        fid = f"{fid}#{n + 1}" if n else fid
        approx = None
        if kind == "ratio":
            kind = "actual"
        elif self.opt.round and kind == "actual":
            value, approx = rounded(value)
        value = _num(value)
        return Figure(fid, value, measure, display_text(value, measure, approx), approx, kind, source)

    def value_figure(self, iv, prefix: str = "a") -> Figure:
        method = "计数" if iv.field is None else "求和"
        src = self._prov(f"{prefix}:{iv.indicator}", iv.indicator, iv.label, iv.record_ids, method,
                         count=iv.record_count)
        return self.figure(f"{prefix}.{iv.indicator}", iv.value, iv.measure, src)

    def pattern_spans(self, pattern: str, slots: dict) -> list:
        """Split a pattern on {slot}s: strings stay text, Figure/Pending values become spans."""
        slots = {"unit": self.unit.name, "year": self.year, "next": self.year + 1, **slots}
        spans: list = []
        pos = 0
        for m in _SLOT.finditer(pattern):
            spans.append(pattern[pos:m.start()])
            if m.group(1) not in slots:
                raise ValidationError(f"模板中的占位符“{{{m.group(1)}}}”无法识别", field="templates")
            val = slots[m.group(1)]
            spans.append(val if isinstance(val, (Figure, Pending)) else str(val))
            pos = m.end()
        spans.append(pattern[pos:])
        return [s for s in spans if s != ""]

    # -- sections -----------------------------------------------------------------------------
    def type_clause(self, t) -> list | None:
        count = self.now.get(f"{t.code}.count")
        if count is None or not count.value:
            return None
        slots = {"verb": t.verb, "name": t.name, "count": self.value_figure(count)}
        quantities = {q.field: self.now.get(f"{t.code}.{q.field}") for q in t.quantities}
        for fld, iv in quantities.items():
            slots[fld] = self.value_figure(iv) if iv is not None and iv.value else Pending(
                f"{t.name}{t.quantity(fld).label}", id=f"p.{t.code}.{fld}", indicator=f"{t.code}.{fld}")
        pattern = self.tpl.get("types", {}).get(t.code)
        spans = self.pattern_spans(pattern or self.tpl["type_pattern"], slots)
        if not pattern:
            for q in t.quantities:
                iv = quantities[q.field]
                if iv is not None and iv.value:
                    spans += ["，", *self.pattern_spans(self.tpl["quantity_pattern"],
                                                       {"phrase": q.phrase or q.label, "value": slots[q.field]})]
        last = self.last.get(f"{t.code}.count")
        if last is not None and last.value and last.value != count.value:
            pct = round(abs(count.value - last.value) * 100 / last.value)
            if pct:
                src = self._prov(f"yoy:{t.code}.count", f"{t.code}.count", f"{t.name}（同比）",
                                 count.record_ids, f"同比：本年{_num(count.value)}，上年{_num(last.value)}",
                                 count=count.record_count)
                fig = self.figure(f"yoy.{t.code}.count", pct, "%", src, "ratio")
                key = "yoy_up" if count.value > last.value else "yoy_down"
                spans += self.pattern_spans(self.tpl[key], {"pct": fig})
        return spans

    def highlight_items(self, records) -> list[str]:
        """Up to 3 highlight records as "{title}，{description}"; a description is used once per report."""
        items: list[str] = []
        for r in records:
            title, desc = r.title.strip().rstrip("。；;"), r.description.strip().rstrip("。；;")
            if desc in self.used_desc:
                desc = ""
            text = self._fmt(self.tpl["highlight"], title=title, description=desc) if desc else title
            if title in self.used_titles or len(items) >= 3:
                continue
            self.used_titles.add(title)
            self.used_desc.add(desc)
            items.append(text)
        return items

    def achievements(self) -> Section:
        sec = Section(self.tpl["sections"]["achievements"])
        highlights: dict[str, list] = {}
        for r in self.records:
            if r.highlight:
                highlights.setdefault(self.tax.type(r.type_code).area, []).append(r)
        for area in self.tax.areas:
            clauses = [c for c in (self.type_clause(t) for t in area.types) if c]
            if not clauses:
                continue
            para = Paragraph()
            items = self.highlight_items(highlights.get(area.code, []))
            if items:
                para.add(self.tpl["highlights_lead"] + "；".join(items) + "。")
            para.add(self.tpl["figures_lead"])
            for i, clause in enumerate(clauses):
                para.add(*(["，"] if i else []), *clause)
            para.add("。")
            heading = self.tpl.get("areas", {}).get(area.code) or area.heading
            sec.children.append(Section(heading, [para], level=2))
        if not sec.children:
            sec.paragraphs.append(Paragraph.of(Pending(f"{self.year}年工作完成情况（台账中无本年度记录）",
                                                       id="p.achievements")))
        return sec

    def plan(self) -> Section:
        sec = Section(self.tpl["sections"]["plan"])
        nxt = self.year + 1
        nperiod = Period(date(nxt, 1, 1), date(nxt, 12, 31))
        by_area: dict[str, list] = {}
        for t in self.ledger.targets(self.unit.id, nxt):
            try:
                ind = self.tax.indicator(t.indicator)
                kind = self.tax.type(ind.type_code)
            except ValidationError:
                p = Pending(f"{nxt}年目标“{t.indicator}”的统计口径", id=f"p.t.{t.indicator}", indicator=t.indicator)
                by_area.setdefault("", []).append([p])
                continue
            src = self._prov(f"t:{nxt}:{t.indicator}", t.indicator, ind.label, (), "目标值", unit=self.unit,
                             period=nperiod)
            fig = self.figure(f"t.{nxt}.{t.indicator}", t.value, ind.measure, src, "target")
            name = kind.name if ind.field is None else f"{kind.name}{ind.label}"
            by_area.setdefault(kind.area, []).append(self.pattern_spans(self.tpl["plan_target"], {
                "bound": t.bound, "verb": kind.verb if ind.field is None else "", "name": name, "target": fig}))
        order = [a.code for a in self.tax.areas] + [""]
        for code in order:
            items = by_area.get(code)
            if not items:
                continue
            heading = (self.tpl.get("areas", {}).get(code) or self.tax.area(code).name) if code else "其他目标"
            para = Paragraph.of(self._fmt(self.tpl["plan_lead"]))
            for i, spans in enumerate(items):
                para.add(*(["；"] if i else []), *spans)
            para.add("。")
            sec.children.append(Section(heading, [para], level=2))
        for text in self.opt.plans:
            sec.paragraphs.append(Paragraph.of(text))
        if not sec.children and not sec.paragraphs:
            sec.paragraphs.append(Paragraph.of(Pending(f"{nxt}年工作目标（台账中无{nxt}年目标）", id="p.plan")))
        return sec

    def opening(self) -> list[Paragraph]:
        paras = [Paragraph.of(self._fmt(self.tpl["opening"]))]
        if self.children:
            total = sum(iv.value for iv in self.now.values() if iv.field is None)
            counts = [iv for iv in self.now.values() if iv.field is None]
            ids = [i for iv in counts for i in iv.record_ids[:RECORD_TITLES]][:RECORD_TITLES]
            src = self._prov("a:all.count", "all.count", "各类活动合计", ids, "计数",
                             count=sum(iv.record_count for iv in counts))
            fig = self.figure("a.all.count", total, "次", src)
            paras.append(Paragraph.of(*self.pattern_spans(self.tpl["county_total"], {
                "n": len(self.children), "total": fig})))
        return paras

    def appendix(self) -> Table | None:
        if not self.children:
            return None
        main = sorted((iv for iv in self.now.values() if iv.field is None), key=lambda iv: -iv.value)[:6]
        if not main:
            return None
        table = Table(self._fmt(self.tpl["appendix_title"]), ["单位", *[f"{iv.label}（{iv.measure}）" for iv in main]])
        for child in self.children:
            row: list = [child.name]
            figures = self.by_child.get(child.id, {})
            for iv_main in main:
                ind = iv_main.indicator
                iv = figures.get(ind)
                value, rids, count = (iv.value, iv.record_ids, iv.record_count) if iv else (0, (), 0)
                src = self._prov(f"u{child.id}:{ind}", ind, iv_main.label, rids, "计数", unit=child, count=count)
                row.append(Figure(f"u{child.id}.{ind}", _num(value), "", str(_num(value)), None, "actual", src))
                self.used_ids[f"u{child.id}.{ind}"] = 1
            table.rows.append(row)
        return table

    def build(self) -> Report:
        r = self.report
        r.opening = self.opening()
        r.sections = [self.achievements(), problems_section(self), self.plan()]
        table = self.appendix()
        if table is not None:
            r.appendices.append(table)
        self._finish_provenance()
        return r


class _Missing(dict):
    def __missing__(self, key):
        raise ValidationError(f"模板中的占位符“{{{key}}}”无法识别", field="templates")


def build_report(ledger, unit, year: int, options: ReportOptions | None = None) -> Report:
    """The unit's year report from the ledger; raises TaizhangError (Chinese) for bad input."""
    if not 1900 < int(year) < 2200:
        raise TaizhangError(f"年份“{year}”不正确")
    return _Builder(ledger, unit, int(year), options or ReportOptions()).build()
