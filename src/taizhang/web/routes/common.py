"""Small helpers shared by the page routes: query values (they arrive as text), the unit and year a page
is about, file downloads."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

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


def unit_and_year(request, actor, unit: str | None, year: str | None):
    """(site, unit, year) of a page: a unit of the actor's subtree (default their own) and the year asked for
    (default the unit's latest year with records)."""
    site = request.app.state.site
    chosen = actor.unit_ref(unit, site)
    return site, chosen, year_or(year, site.default_year(chosen.id, actor.version))


def file_download(build: Callable[[Path], object], filename: str, media_type: str, suffix: str) -> FileResponse:
    """`build(path)` writes a temporary file, sent as an attachment and deleted once sent."""
    tmp = Path(tempfile.mkstemp(suffix=suffix)[1])
    build(tmp)
    return FileResponse(tmp, media_type=media_type, filename=filename, content_disposition_type="attachment",
                        background=BackgroundTask(tmp.unlink, missing_ok=True))
