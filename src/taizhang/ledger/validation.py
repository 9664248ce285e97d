"""Checks of record and target input; every error is a Chinese message naming its field."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from taizhang.errors import ValidationError
from taizhang.taxonomy import ActivityType, Taxonomy

MIN_YEAR = 2000
FIELD_LABELS = {
    "unit": "单位", "activity_type": "活动类型", "date_start": "开始日期", "date_end": "结束日期",
    "title": "标题", "place": "地点", "description": "内容摘要", "participants": "参加人员",
    "highlight": "亮点", "quantities": "数量",
}
TEXT_LIMITS = {"title": 200, "place": 200, "description": 5000, "participants": 2000}


def max_year() -> int:
    return date.today().year + 1


def parse_date(value: Any, field: str) -> date:
    label = FIELD_LABELS.get(field, field)
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and value.strip():
        text = value.strip().replace("/", "-").replace(".", "-")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{label}“{value}”格式不对，应为 年-月-日，如 2025-03-18", field=field) from None
    else:
        raise ValidationError(f"{label}不能为空", field=field)
    if not MIN_YEAR <= day.year <= max_year():
        raise ValidationError(f"{label} {day.isoformat()} 超出范围（{MIN_YEAR}年至{max_year()}年）", field=field)
    return day


def parse_number(value: Any, label: str, field: str) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"“{label}”应为数字", field=field)
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return 0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"“{label}”应为数字，而不是“{value}”", field=field) from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(f"“{label}”应为数字", field=field)
    if number < 0:
        raise ValidationError(f"“{label}”不能为负数", field=field)
    return int(number) if number.is_integer() else number


def clean_quantities(kind: ActivityType, raw: Mapping[str, Any] | None) -> dict[str, float]:
    """Keys may be field codes or Chinese labels; zero values are dropped."""
    by_key = {q.field: q for q in kind.quantities} | {q.label: q for q in kind.quantities}
    clean: dict[str, float] = {}
    for key, value in (raw or {}).items():
        quantity = by_key.get(key)
        if quantity is None:
            known = "、".join(q.label for q in kind.quantities) or "无"
            raise ValidationError(f"活动类型“{kind.name}”没有数量字段“{key}”（可用：{known}）", field="quantities")
        number = parse_number(value, quantity.label, "quantities")
        if number:
            clean[quantity.field] = number
    return clean


def clean_text(data: Mapping[str, Any], field: str, *, required: bool = False) -> str:
    text = str(data.get(field) or "").strip()
    label = FIELD_LABELS[field]
    if required and not text:
        raise ValidationError(f"{label}不能为空", field=field)
    if len(text) > TEXT_LIMITS[field]:
        raise ValidationError(f"{label}不能超过{TEXT_LIMITS[field]}个字", field=field)
    return text


def parse_bool(value: Any) -> bool:
    if isinstance(value, str):
        text = value.strip()
        if text in ("", "否", "0", "false", "False", "no"):
            return False
        if text in ("是", "1", "true", "True", "yes", "√", "Y", "y"):
            return True
        raise ValidationError(f"亮点应填“是”或“否”，而不是“{value}”", field="highlight")
    return bool(value)


def clean_record(taxonomy: Taxonomy, data: Mapping[str, Any]) -> dict[str, Any]:
    """Validated record columns (without unit) from user input."""
    type_ref = data.get("activity_type") or data.get("type_code")
    if not type_ref:
        raise ValidationError("活动类型不能为空", field="activity_type")
    kind = taxonomy.type(str(type_ref).strip())
    start = parse_date(data.get("date_start"), "date_start")
    end_raw = data.get("date_end")
    end = parse_date(end_raw, "date_end") if end_raw not in (None, "") else None
    if end is not None and end < start:
        raise ValidationError("结束日期不能早于开始日期", field="date_end")
    return {
        "type_code": kind.code,
        "date_start": start,
        "date_end": end if end != start else None,
        "title": clean_text(data, "title", required=True),
        "place": clean_text(data, "place"),
        "description": clean_text(data, "description"),
        "participants": clean_text(data, "participants"),
        "highlight": parse_bool(data.get("highlight", False)),
        "quantities": clean_quantities(kind, data.get("quantities")),
    }
