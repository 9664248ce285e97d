"""Getting a Document for the checker: the reader, with the checker's extra web-residue patterns.

The reader's cleaning is the one place noise is recognised. The checker adds its own patterns
(data/noise.yaml, in the reader's format) through the reader's data-file extension
(`CleanConfig.data_dirs`), followed by the directory named by TAIZHANG_CHECKER_DATA when it
holds a noise.yaml of its own, so what the checker reports as noise is exactly what the reader
removed.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from taizhang.text import ReaderConfig, read_path, read_text
from taizhang.text.checker.vocab import ENV_DIR
from taizhang.text.model import Document


def reader_config() -> ReaderConfig:
    return _config(os.environ.get(ENV_DIR) or "")


@lru_cache(maxsize=4)
def _config(extra_dir: str) -> ReaderConfig:
    dirs = [Path(str(files("taizhang.text.checker.data")))]
    if extra_dir:
        dirs.append(Path(extra_dir))
    base = ReaderConfig()
    return replace(base, clean=replace(base.clean, data_dirs=tuple(dirs)))


def read_document(path: str | Path) -> Document:
    """Raises ReaderError (a Chinese reason) when the file cannot be read."""
    return read_path(path, config=reader_config())


def read_text_document(text: str, path: str = "<text>") -> Document:
    return read_text(text, path=path, config=reader_config())
