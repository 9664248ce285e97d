"""Reading many files: directory expansion and an optional process pool.
Failures are collected per file, never stop the batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from taizhang.errors import ReaderError
from taizhang.text.config import ReaderConfig
from taizhang.text.loaders import KNOWN_SUFFIXES
from taizhang.text.model import Document
from taizhang.text.pipeline import read_path


@dataclass
class Outcome:
    path: str
    document: Document | None = None
    error: str | None = None  # Chinese message when the file failed


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus documents found recursively under directories."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in KNOWN_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def read_one(path: Path, config: ReaderConfig | None = None) -> Outcome:
    try:
        return Outcome(str(path), document=read_path(path, config))
    except ReaderError as exc:
        return Outcome(str(path), error=exc.message)
    except Exception as exc:  # never lose the batch to one file
        return Outcome(str(path), error=ReaderError(str(path), f"内部错误（{type(exc).__name__}: {exc}）").message)


def read_many(files: list[Path], jobs: int = 1, config: ReaderConfig | None = None,
              on_done: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """Outcomes in input order; `jobs` > 1 uses that many processes."""
    if jobs <= 1 or len(files) < 2:
        for f in files:
            outcome = read_one(f, config)
            if on_done:
                on_done(outcome)
            yield outcome
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(64, len(files) // (jobs * 4) or 1))
        for outcome in pool.map(read_one, files, [config] * len(files), chunksize=chunk):
            if on_done:
                on_done(outcome)
            yield outcome
