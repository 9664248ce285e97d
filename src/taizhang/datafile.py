"""Reading of the versioned YAML data files (taxonomy, reader data, checker vocabularies,
report templates): one parser, one error message, for packaged and user files alike."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from taizhang.errors import ValidationError


def parse_mapping(text: str, where: str) -> dict[str, Any]:
    """YAML text whose top level must be a mapping; `where` names it in the error."""
    try:
        doc = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ValidationError(f"数据文件“{where}”格式错误：{exc}") from exc
    if not isinstance(doc, dict):
        raise ValidationError(f"数据文件“{where}”格式错误：顶层应为映射")
    return doc


def read_mapping(path: Path | str) -> dict[str, Any]:
    """A user's data file; unreadable or malformed files give a Chinese ValidationError."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"无法读取数据文件“{path}”：{exc}") from exc
    return parse_mapping(text, str(path))


def packaged_mapping(package: str, name: str) -> dict[str, Any]:
    """A data file shipped inside `package`."""
    return parse_mapping(resources.files(package).joinpath(name).read_text("utf-8"), name)
