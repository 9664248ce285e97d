"""二、存在问题: proposals from the data (each marked as a proposal), then the user's own text.

Proposed from the ledger: targets missed, work areas with no or little activity, and
activity counts down on last year. Thresholds live in the templates data
(`problem_rules`), so a unit can tune them without code.
"""

from __future__ import annotations

from taizhang.errors import ValidationError
from taizhang.ledger import Period as LedgerPeriod
from taizhang.ledger.stats import progress_of
from taizhang.report.model import Paragraph, Pending, Period, Section
from taizhang.report.query import traced_indicators


def problems_section(b) -> Section:
    """The section for builder `b` (a `report.build._Builder`)."""
    mark = b.tpl["proposal_mark"]
    sec = Section(b.tpl["sections"]["problems"])
    proposals = [*_missed_targets(b), *_idle_and_little(b), *_down_on_last_year(b)]
    sec.paragraphs.extend(Paragraph.of(mark, *spans) for spans in proposals)
    sec.paragraphs.extend(Paragraph.of(text) for text in b.opt.problems)
    if not sec.paragraphs:
        sec.paragraphs.append(Paragraph.of(Pending("存在问题", id="p.problems")))
    return sec


RULES = ("little_activity", "down_min_pct", "down_max")  # their values: templates.yaml `problem_rules`


def _rules(b) -> dict[str, int]:
    given = b.tpl.get("problem_rules")
    if not isinstance(given, dict):
        raise ValidationError("模板中的“problem_rules”应为键值表", field="templates")
    for key in given.keys() - set(RULES):
        raise ValidationError(f"模板中的“problem_rules”没有“{key}”一项（可用：{'、'.join(RULES)}）",
                              field="templates")
    for key in RULES:
        value = given.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"模板中的“problem_rules.{key}”应为非负整数", field="templates")
    return given


def _missed_targets(b) -> list[list]:
    known, out = [], []
    for t in b.ledger.targets(b.unit.id, b.year):
        try:
            b.tax.indicator(t.indicator)
            known.append(t)
        except ValidationError:  # a target on an indicator the taxonomy dropped: say so, never guess
            out.append([Pending(f"{b.year}年目标“{t.indicator}”的完成情况", id=f"p.t{b.year}.{t.indicator}",
                                indicator=t.indicator)])
    # Progress from the figures at hand: the ledger's own `progress` would recount the year twice.
    for p in progress_of(b.tax, known, b.now, b.last):
        if p.actual >= p.target:
            continue
        src_t = b._prov(f"t:{b.year}:{p.indicator}", p.indicator, p.label, (), "目标值", unit=b.unit)
        iv = b.now.get(p.indicator)
        actual = (b.value_figure(iv) if iv is not None and iv.value
                  else b.figure(f"a.{p.indicator}", 0, p.measure,
                                b._prov(f"a:{p.indicator}", p.indicator, p.label, (), "计数")))
        target = b.figure(f"t.{b.year}.{p.indicator}", p.target, p.measure, src_t, "target")
        out.append(b.pattern_spans(b.tpl["problem_target"], {
            "label": p.label, "bound": p.bound, "target": target, "actual": actual}))
    return out


def _idle_and_little(b) -> list[list]:
    """Areas without any record, and areas with fewer than `little_activity` records."""
    least = _rules(b)["little_activity"]
    out = []
    for area in b.tax.areas:
        counts = [iv for iv in b.now.values() if iv.area == area.code and iv.field is None and iv.value]
        total = sum(iv.value for iv in counts)
        if not total:
            out.append([b._fmt(b.tpl["problem_idle"], area=area.name)])
        elif total < least:
            ids = [i for iv in counts for i in iv.record_ids]
            src = b._prov(f"area:{area.code}.count", f"area:{area.code}", f"{area.name}各类活动合计", ids, "计数",
                          count=sum(iv.record_count for iv in counts))
            fig = b.figure(f"a.area.{area.code}.count", total, "次", src)
            out.append(b.pattern_spans(b.tpl["problem_little"], {"area": area.name, "count": fig}))
    return out


def _down_on_last_year(b) -> list[list]:
    """Activity counts down by at least `down_min_pct` on last year, largest drops first."""
    rules = _rules(b)
    drops = []
    for ind, last in b.last.items():
        if last.field is not None or not last.value or not last.area:
            continue
        now = b.now.get(ind)
        value = now.value if now is not None else 0
        pct = round((last.value - value) * 100 / last.value)
        if value < last.value and pct >= rules["down_min_pct"]:
            drops.append((last.value - value, pct, ind, now, last))
    drops.sort(key=lambda d: (-d[0], d[2]))
    drops = drops[:rules["down_max"]]
    if not drops:
        return []
    period = LedgerPeriod.year(b.year - 1)
    before = traced_indicators(b.ledger, b.unit.id, period, [d[2] for d in drops], limit=b.record_limit)
    last_period = Period(period.start, period.end)
    out = []
    for _, pct, ind, now, last in drops:
        kind = b.tax.type(last.type_code)
        actual = (b.value_figure(now) if now is not None
                  else b.figure(f"a.{ind}", 0, last.measure, b._prov(f"a:{ind}", ind, last.label, (), "计数")))
        old = before[ind]
        src = b._prov(f"ly:{ind}", ind, f"{last.label}（上年）", old.record_ids, "计数", count=old.record_count,
                      period=last_period)
        fig_last = b.figure(f"ly.{ind}", old.value, last.measure, src)
        # Same source key as the 同比 figure of 工作完成情况: one comparison, one source.
        src_pct = b._prov(f"yoy:{ind}", ind, f"{last.label}（同比）", now.record_ids if now else (),
                          f"同比：本年{_int(actual.value)}，上年{_int(old.value)}",
                          count=now.record_count if now else 0)
        fig_pct = b.figure(f"down.{ind}", pct, "%", src_pct, "ratio")
        out.append(b.pattern_spans(b.tpl["problem_down"], {
            "label": last.label, "name": kind.name, "verb": kind.verb, "actual": actual, "last": fig_last,
            "pct": fig_pct}))
    return out


def _int(value):
    return int(value) if float(value).is_integer() else value
