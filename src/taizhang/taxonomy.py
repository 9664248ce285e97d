"""The work-area / activity-type taxonomy, loaded from versioned YAML data.

Pure data: imports nothing from the database or the web, so the ledger, the
reader (to map extracted figures to activity types) and the writer share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from taizhang.datafile import packaged_mapping, read_mapping
from taizhang.errors import ValidationError

DEFAULT_TAXONOMY = "taxonomy.yaml"


@dataclass(frozen=True)
class Quantity:
    """A summed quantity field of a record, e.g. 受众人次."""

    field: str
    label: str
    measure: str
    phrase: str = ""


@dataclass(frozen=True)
class ActivityType:
    code: str
    name: str
    area: str
    verb: str
    count_measure: str
    quantities: tuple[Quantity, ...] = ()
    synonyms: tuple[str, ...] = ()

    def quantity(self, field_name: str) -> Quantity:
        for q in self.quantities:
            if q.field == field_name:
                return q
        raise ValidationError(f"活动类型“{self.name}”没有数量字段“{field_name}”", field=field_name)


@dataclass(frozen=True)
class Indicator:
    """One figure a ledger can produce: the count of records or a summed quantity."""

    id: str  # "<type code>.count" or "<type code>.<field>"
    type_code: str
    field: str | None  # None for the record count
    label: str
    measure: str
    title: str  # unambiguous for people: "理论宣讲（场次）", "理论宣讲 · 受众人次"


@dataclass(frozen=True)
class WorkArea:
    code: str
    name: str
    heading: str
    synonyms: tuple[str, ...] = ()
    types: tuple[ActivityType, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    version: int
    areas: tuple[WorkArea, ...]
    _types: dict[str, ActivityType] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for area in self.areas:
            for t in area.types:
                self._types[t.code] = t

    @property
    def types(self) -> tuple[ActivityType, ...]:
        return tuple(self._types.values())

    def area(self, code: str) -> WorkArea:
        for a in self.areas:
            if a.code == code or a.name == code:
                return a
        raise ValidationError(f"未知的工作领域：“{code}”", field="area")

    def type(self, code: str) -> ActivityType:
        """Look a type up by code or by its Chinese name."""
        found = self._types.get(code)
        if found is None:
            found = next((t for t in self._types.values() if t.name == code), None)
        if found is None:
            raise ValidationError(f"未知的活动类型：“{code}”", field="activity_type")
        return found

    def indicators(self) -> tuple[Indicator, ...]:
        out: list[Indicator] = []
        for t in self.types:
            out.append(Indicator(f"{t.code}.count", t.code, None, t.name, t.count_measure,
                                 f"{t.name}（{t.count_measure}）"))
            for q in t.quantities:
                out.append(Indicator(f"{t.code}.{q.field}", t.code, q.field, q.label, q.measure,
                                     f"{t.name} · {q.label}"))
        return tuple(out)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators():
            if ind.id == indicator_id:
                return ind
        raise ValidationError(f"未知的指标：“{indicator_id}”", field="indicator")

    def match_type(self, phrase: str) -> ActivityType | None:
        """The type whose longest synonym occurs in `phrase` (None if none does)."""
        best: tuple[int, ActivityType] | None = None
        for t in self._types.values():
            for syn in (t.name, *t.synonyms):
                if syn and syn in phrase and (best is None or len(syn) > best[0]):
                    best = (len(syn), t)
        return best[1] if best else None


def _parse_type(raw: dict, area_code: str) -> ActivityType:
    quantities = tuple(
        Quantity(q["field"], q["label"], q["measure"], q.get("phrase", "")) for q in raw.get("quantities") or ()
    )
    return ActivityType(
        code=raw["code"],
        name=raw["name"],
        area=area_code,
        verb=raw.get("verb", "开展"),
        count_measure=raw.get("count", "次"),
        quantities=quantities,
        synonyms=tuple(raw.get("synonyms") or ()),
    )


def _parse_areas(doc: dict) -> dict[str, WorkArea]:
    areas: dict[str, WorkArea] = {}
    for raw in doc.get("areas") or ():
        types = tuple(_parse_type(t, raw["code"]) for t in raw.get("types") or ())
        areas[raw["code"]] = WorkArea(
            code=raw["code"],
            name=raw["name"],
            heading=raw.get("heading", raw["name"]),
            synonyms=tuple(raw.get("synonyms") or ()),
            types=types,
        )
    return areas


def _merge(base: dict[str, WorkArea], extra: dict[str, WorkArea]) -> dict[str, WorkArea]:
    """Extra areas are added; an existing area gets extra types (same code replaces)."""
    merged = dict(base)
    for code, area in extra.items():
        if code not in merged:
            merged[code] = area
            continue
        old = merged[code]
        types = {t.code: t for t in old.types}
        types.update({t.code: t for t in area.types})
        merged[code] = WorkArea(old.code, old.name, area.heading or old.heading, old.synonyms + area.synonyms,
                                tuple(types.values()))
    return merged


def _read_yaml(path: Path | None) -> dict:
    return packaged_mapping("taizhang.data", DEFAULT_TAXONOMY) if path is None else read_mapping(path)


@lru_cache(maxsize=16)
def load_taxonomy(*extra_files: Path) -> Taxonomy:
    """The shipped taxonomy, extended by a deployment's own YAML files."""
    base = _read_yaml(None)
    areas = _parse_areas(base)
    for path in extra_files:
        areas = _merge(areas, _parse_areas(_read_yaml(path)))
    return Taxonomy(version=int(base.get("version", 1)), areas=tuple(areas.values()))
