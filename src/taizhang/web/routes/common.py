"""Small parsing helpers shared by the page routes (query values arrive as text)."""

from __future__ import annotations

from taizhang.errors import ValidationError
from taizhang.ledger.validation import MIN_YEAR, max_year


def opt_int(value: str | None, label: str, field: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError(f"{label}“{text}”应为数字", field=field)
    return int(text)


def year_or(value: str | None, default: int) -> int:
    year = opt_int(value, "年度", "year")
    if year is None:
        return default
    if not MIN_YEAR <= year <= max_year():
        raise ValidationError(f"年度“{year}”超出范围（{MIN_YEAR}年至{max_year()}年）", field="year")
    return year


def year_choices(selected: int) -> list[int]:
    return sorted({*range(max_year(), max(MIN_YEAR, max_year() - 6) - 1, -1), selected}, reverse=True)
