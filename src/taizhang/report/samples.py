"""Sample reports for tests, benchmarks and demos (pure; no ledger needed).

`township_report()` is a short 2025 summary of a township; `long_report()`
repeats its sections to span several pages; `county_report(n_records)` is a
county summary whose figures point at many records, with a per-township table.
"""

from __future__ import annotations

from datetime import date

from taizhang.report.model import (
    Figure,
    Paragraph,
    Pending,
    Period,
    Provenance,
    ProvenanceTable,
    RecordRef,
    Report,
    Section,
    Table,
)

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
TOWN = "示例乡"
TOWN_IDS = ("U-0101", "U-0101-01", "U-0101-02", "U-0101-03")
TOWN_NAMES = ("示例乡", "东村", "西村", "南村")


def _prov(indicator: str, name: str, n: int, prefix: str, method: str = "计数") -> Provenance:
    records = tuple(RecordRef(f"{prefix}-{i:04d}", f"{name}记录{i}") for i in range(1, n + 1))
    return Provenance(indicator, YEAR, name, TOWN_IDS, TOWN_NAMES, records=records, method=method)


def _fig(fid: str, value: int, measure: str, source, approx=None, kind="actual") -> Figure:
    text = f"{value}余{measure}" if approx == "more_than" else f"{value}{measure}"
    return Figure(fid, value, measure, text, approx=approx, kind=kind, source=source)


def _table() -> ProvenanceTable:
    return ProvenanceTable(
        meetings=_prov("ideology.meeting", "意识形态专题会议", 2, "M"),
        analysis=_prov("ideology.analysis", "意识形态分析研判会", 3, "A"),
        study=_prov("theory.group_study", "理论学习中心组集中学习", 8, "S"),
        lectures=_prov("theory.lecture", "理论宣讲", 36, "L"),
        articles=_prov("news.article", "新闻宣传稿件刊发", 182, "N"),
        boards=_prov("position.board", "宣传展板更新", 13, "B"),
    )


def _achievements() -> Section:
    s1 = Section("意识形态领域管控有力", level=2, paragraphs=[Paragraph.of(
        "乡党委认真贯彻党中央和省委、市委、县委关于加强意识形态工作的决策部署，始终把意识形态工作作为重大政治责任，"
        "纳入重要议事日程。全年共召开意识形态专题会议", _fig("f-meet", 2, "次", "meetings"),
        "，召开分析研判会", _fig("f-anal", 3, "次", "analysis"), "，牢牢把握意识形态工作主导权。")])
    s2 = Section("理论武装工作常抓不懈", level=2, children=[
        Section("健全和完善理论学习中心组学习制度。", level=3, run_in=True, paragraphs=[Paragraph.of(
            "制定下发《党委理论学习中心组2025年学习计划》，全年开展理论学习中心组集中学习",
            _fig("f-study", 8, "次", "study"), "。")]),
        Section("强化基层理论宣讲。", level=3, run_in=True, paragraphs=[Paragraph.of(
            "组建“乡音”宣讲队，深入村组、院坝开展宣讲", _fig("f-lect", 36, "场", "lectures"),
            "，覆盖群众", Pending("宣讲覆盖群众人次", id="p-audience", indicator="theory.lecture.audience"),
            "，推动党的创新理论“飞入寻常百姓家”。")], children=[
            Section("开展“院坝说事”微宣讲", level=4, paragraphs=[Paragraph.of(
                "结合群众关心的政策话题，以拉家常方式讲清讲透惠民政策。")]),
        ]),
    ])
    s3 = Section("新闻宣传工作提质增效", level=2, paragraphs=[Paragraph.of(
        "牢牢把握正确舆论导向，围绕中心工作讲好示例故事，全年在各级媒体刊发稿件",
        _fig("f-news", 182, "篇", "articles"), "，更新宣传展板", _fig("f-board", 13, "块", "boards"),
        "。")])
    return Section("工作完成情况", children=[s1, s2, s3])


def _problems() -> Section:
    return Section("存在问题", paragraphs=[
        Paragraph.of("一是理论学习的深度还不够，部分干部学用结合不紧；二是新闻宣传的原创精品不多，"
                     "网络传播力影响力有待提升；三是基层宣传队伍力量薄弱，专业人才缺乏。"),
    ])


def _plans() -> Section:
    target = Provenance("news.article", Period(date(2026, 1, 1), date(2026, 12, 31)), "新闻宣传稿件刊发",
                        ("U-0101",), ("示例乡",), method="目标值")
    return Section("下一步工作计划", children=[
        Section("持续强化理论武装", level=2, paragraphs=[Paragraph.of(
            "坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，健全完善中心组学习制度。")]),
        Section("全力抓好新闻宣传", level=2, paragraphs=[Paragraph.of(
            "力争全年刊发各类稿件", _fig("f-target", 200, "篇", target, kind="target"), "以上。")]),
    ])


def _village_table(prov: ProvenanceTable) -> Table:
    rows = []
    for uid, name in zip(TOWN_IDS[1:], TOWN_NAMES[1:]):
        key = f"lectures-{uid}"
        base = prov["lectures"]
        records = tuple(r for i, r in enumerate(base.records) if i % 3 == TOWN_IDS.index(uid) - 1)
        prov[key] = Provenance(base.indicator, YEAR, base.indicator_name, (uid,), (name,), records=records)
        rows.append([name, _fig(f"t-{uid}", len(records), "场", key), Pending(f"{name}宣讲覆盖人次")])
    return Table("2025年各村理论宣讲情况", ["村（社区）", "宣讲场次", "覆盖人次"], rows, note="注：覆盖人次待各村补报。")


def township_report() -> Report:
    """A short, realistic township summary of 2025 with a plan for 2026."""
    prov = _table()
    return Report(
        title="示例乡2025年宣传思想文化工作总结及2026年工作计划",
        unit=TOWN, year=2025,
        opening=[Paragraph.of(
            "2025年，全乡宣传思想战线坚持以习近平新时代中国特色社会主义思想为指导，围绕乡党委、政府中心工作，"
            "积极担当、主动作为，为全乡经济社会发展凝聚了强大正能量。现将有关情况总结如下。")],
        sections=[_achievements(), _problems(), _plans()],
        signature_unit="中共示例乡委员会宣传办公室",
        date=date(2026, 1, 5),
        appendices=[_village_table(prov)],
        pending=[Pending("全乡新时代文明实践站点数", id="p-sites", indicator="position.civilization_station",
                         note="台账中无该指标记录")],
        provenance=prov,
    )


FILLER = ("坚持围绕中心、服务大局，把宣传思想工作融入乡村振兴各项任务之中，做到同部署、同推进、同考核，"
          "不断提升工作的针对性和实效性，推动各项任务落地见效。")


def long_report(repeat: int = 6) -> Report:
    """The township report (one-line title, no appendix) with sections repeated, several pages long."""
    report = township_report()
    report.title = "示例乡2025年宣传思想文化工作总结"
    report.appendices = []
    first = report.sections[0]
    extra = []
    for i in range(repeat):
        sub = Section(f"重点工作推进情况之{i + 1}", level=2, paragraphs=[
            Paragraph.of(FILLER * 2, "本阶段共开展相关活动", _fig(f"f-long-{i}", 10 + i, "场", "lectures"), "。"),
            Paragraph.of(FILLER * 3),
        ])
        extra.append(sub)
    first.children.extend(extra)
    return report


def county_report(n_records: int = 30_000, townships: int = 20, indicators: int = 25) -> Report:
    """A county summary: each figure sums one indicator over many records; appendix by township."""
    per = max(1, n_records // (townships * indicators))
    table = ProvenanceTable()
    sections = []
    rows = [[f"第{t + 1}乡镇"] for t in range(townships)]
    header = ["乡镇"]
    for k in range(indicators):
        name = f"指标{k + 1}"
        if k < 6:
            header.append(name)
        recs = tuple(RecordRef(f"R{k:02d}{t:02d}{i:05d}", f"{name}第{t + 1}乡镇活动{i}")
                     for t in range(townships) for i in range(per))
        table[f"k{k}"] = Provenance(f"ind.{k}", YEAR, name, tuple(f"T{t}" for t in range(townships)),
                                    scope_label=f"示例县（含{townships}个乡镇）", records=recs)
        for t in range(townships if k < 6 else 0):
            key = f"k{k}t{t}"
            table[key] = Provenance(f"ind.{k}", YEAR, name, (f"T{t}",), (f"第{t + 1}乡镇",),
                                    records=recs[t * per:(t + 1) * per])
            rows[t].append(_fig(f"c{k}-{t}", per, "次", key))
        paras = [Paragraph.of(FILLER, f"全县{name}累计", _fig(f"f{k}-{j}", len(recs), "次", f"k{k}"),
                              "，较上年有所增长。", FILLER) for j in range(3)]
        sections.append(Section(f"{name}相关工作扎实推进", level=2, paragraphs=paras))
    return Report(
        title="示例县2025年宣传思想文化工作总结", unit="示例县", year=2025,
        opening=[Paragraph.of(FILLER)],
        sections=[Section("工作完成情况", children=sections), _problems()],
        signature_unit="中共示例县委宣传部", date=date(2026, 1, 8),
        appendices=[Table("2025年各乡镇主要指标完成情况", header, rows)],
        provenance=table,
    )
