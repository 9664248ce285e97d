"""Page forms → the plain dicts the ledger services take (the services validate)."""

from __future__ import annotations

from taizhang.errors import ValidationError
from taizhang.taxonomy import ActivityType, Taxonomy

RECORD_FIELDS = ("activity_type", "date_start", "date_end", "title", "place", "description", "participants")
QTY_PREFIX = "q."


def record_values(form) -> dict[str, str]:
    """Everything typed into a record form, to show it again after an error (nothing is lost)."""
    values = {k: str(form.get(k) or "") for k in (*RECORD_FIELDS, "unit")}
    values["highlight"] = "1" if form.get("highlight") else ""
    values |= {k: str(v) for k, v in form.items() if k.startswith(QTY_PREFIX) and isinstance(v, str)}
    return values


def record_data(values: dict[str, str], taxonomy: Taxonomy) -> dict:
    """The service input: quantities only of the chosen type's fields (others stay in the form)."""
    data = {k: values.get(k, "") for k in RECORD_FIELDS}
    data["highlight"] = bool(values.get("highlight"))
    try:
        kind = taxonomy.type(values.get("activity_type", ""))
    except ValidationError:  # the service reports the unknown type in Chinese
        kind = None
    fields = {q.field for q in kind.quantities} if kind else set()
    data["quantities"] = {k[len(QTY_PREFIX):]: v for k, v in values.items()
                          if k.startswith(QTY_PREFIX) and k[len(QTY_PREFIX):] in fields and v.strip()}
    return data


def record_to_values(record) -> dict[str, str]:
    values = {"activity_type": record.type_code, "date_start": record.date_start.isoformat(),
              "date_end": record.date_end.isoformat() if record.date_end else "", "title": record.title,
              "place": record.place, "description": record.description, "participants": record.participants,
              "highlight": "1" if record.highlight else "", "unit": str(record.unit_id)}
    values |= {QTY_PREFIX + k: _plain(v) for k, v in (record.quantities or {}).items()}
    return values


def _plain(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def quantity_inputs(kind: ActivityType | None, values: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(input name, label, measure, value) per quantity field of the type."""
    if kind is None:
        return []
    return [(QTY_PREFIX + q.field, q.label, q.measure, values.get(QTY_PREFIX + q.field, "")) for q in kind.quantities]
