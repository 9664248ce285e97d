"""The 数据来源清单 as plain data (pure): one row per figure, in reading order.

Figures often share a source (a county total and its sentence repeated, a key in
`Report.provenance`); `SourceList` lists each source once under a key, so the
records of a county-wide indicator are written once, not once per figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from taizhang.report.model import Provenance, Report
from taizhang.report.walk import FigureUse, iter_figures, iter_pending

COLUMNS = ("编号", "数字", "所在句子", "指标", "期间", "单位范围", "台账记录")
CELL_LIMIT = 32767  # Excel's limit on the characters of a cell


@dataclass
class SourceList:
    uses: list[FigureUse]
    keys: list[str | None]  # per use: the key of its source in `sources`
    sources: dict[str, Provenance]


def collect_sources(report: Report) -> SourceList:
    """Every figure with its source key; inline sources get keys "src-1", "src-2"… by identity."""
    uses, keys, sources = [], [], {}
    inline: dict[int, str] = {}
    for use in iter_figures(report):
        src, prov = use.figure.source, use.provenance
        if prov is None:
            key = None
        elif isinstance(src, str):
            key = src
        else:
            key = inline.get(id(prov))
            if key is None:
                key = inline[id(prov)] = f"src-{len(inline) + 1}"
        if key is not None:
            sources.setdefault(key, prov)
        uses.append(use)
        keys.append(key)
    return SourceList(uses, keys, sources)


def records_cell(prov: Provenance | None, limit: int = CELL_LIMIT) -> str:
    """All record ids/titles as given ("共3条：R1 标题；R2 标题；R3 标题"), cut to fit `limit`."""
    if prov is None:
        return "未标注来源"
    if not prov.records:
        return prov.records_label()
    head = f"共{prov.count}条："
    parts: list[str] = []
    size = len(head)
    for i, rec in enumerate(prov.records):
        label = rec.label()
        if size + len(label) + 24 > limit:
            parts.append(f"……（另{prov.count - i}条见“台账记录”表）")
            break
        parts.append(label)
        size += len(label) + 1
    return head + "；".join(parts)


def indicator_cell(prov: Provenance) -> str:
    return prov.indicator_label() + (f"（{prov.indicator}）" if prov.indicator_name else "")


def source_row(use: FigureUse, cache: dict[int, tuple] | None = None) -> tuple:
    """The figure's row under `COLUMNS`; `cache` shares the source cells between figures of one source."""
    prov = use.provenance
    head = (use.number, use.figure.text, use.sentence)
    if prov is None:
        return head + ("", "", "", records_cell(None))
    cells = cache.get(id(prov)) if cache is not None else None
    if cells is None:
        cells = (indicator_cell(prov), prov.period.label(), prov.scope(), records_cell(prov))
        if cache is not None:
            cache[id(prov)] = cells
    return head + cells


def source_rows(report: Report) -> list[tuple]:
    """Rows under `COLUMNS`, one per figure."""
    cache: dict[int, tuple] = {}
    return [source_row(use, cache) for use in iter_figures(report)]


def _source_data(prov: Provenance) -> dict:
    return {
        "indicator": prov.indicator, "indicator_name": prov.indicator_name, "method": prov.method,
        "period": {"start": prov.period.start.isoformat(), "end": prov.period.end.isoformat()},
        "unit_ids": list(prov.unit_ids), "unit_names": list(prov.unit_names), "scope": prov.scope(),
        "record_count": prov.count,
        "records": [{"id": r.id, "title": r.title} for r in prov.records],
    }


def provenance_data(report: Report) -> dict:
    """JSON-ready: figures (each naming its source key), sources with records, the 【待补】 list."""
    listing = collect_sources(report)
    figures = []
    for use, key in zip(listing.uses, listing.keys):
        f = use.figure
        figures.append({
            "number": use.number, "figure_id": f.id, "text": f.text, "value": f.value, "measure": f.measure,
            "approx": f.approx, "kind": f.kind, "sentence": use.sentence, "where": use.where, "source": key,
        })
    return {
        "title": report.title, "unit": report.unit, "year": report.year,
        "figures": figures,
        "sources": {key: _source_data(prov) for key, prov in listing.sources.items()},
        "pending": [{"text": p.text, "what": p.what, "id": p.id, "indicator": p.indicator, "note": p.note}
                    for p in iter_pending(report)],
    }
