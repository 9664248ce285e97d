"""Loading of the reader's versioned YAML data files (noise patterns, measure
words, set phrases, approximation words, section cues, target cues).

Shipped files live in `taizhang/text/data/`; a deployment extends them by
putting files with the same names into its own directories (`data_dirs`):
lists are appended, mappings merged key by key. Loads are cached.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from taizhang.datafile import packaged_mapping, read_mapping


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(out[key], value) if key in out else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@lru_cache(maxsize=64)
def load_data(name: str, data_dirs: tuple[Path, ...] = ()) -> dict:
    """The shipped data file `name` (e.g. "noise.yaml") merged with same-named user files."""
    doc = packaged_mapping("taizhang.text.data", name)
    for folder in data_dirs:
        path = Path(folder) / name
        if path.is_file():
            doc = _merge(doc, read_mapping(path))
    return doc
