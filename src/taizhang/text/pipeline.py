"""The reader pipeline: load -> clean -> meta -> outline -> sections ->
indicators, then every clean-text offset is mapped back to `source_text`."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from taizhang.text.config import ReaderConfig
from taizhang.text.model import Document, OutlineNode
from taizhang.text.stages.clean import CleanStage
from taizhang.text.stages.indicators import IndicatorStage
from taizhang.text.stages.meta import MetaStage
from taizhang.text.stages.outline import OutlineStage
from taizhang.text.stages.sections import SectionStage
from taizhang.text.work import Work

DEFAULT_CONFIG = ReaderConfig()


@lru_cache(maxsize=8)
def build_stages(config: ReaderConfig) -> tuple:
    """The ordered stages for `config`, built (and their data compiled) once."""
    return (
        CleanStage(config.clean),
        MetaStage(config.meta),
        OutlineStage(config.outline),
        SectionStage(config.sections),
        IndicatorStage(config.indicators),
    )


def _map_nodes(work: Work, nodes: list[OutlineNode]) -> None:
    to_src = work.offset_mapper()
    todo = list(nodes)
    while todo:
        node = todo.pop()
        start, end = node.start, node.end
        node.start = src_start = to_src(start)
        node.end = to_src(end - 1) + 1 if end > start else src_start
        if node.children:
            todo.extend(node.children)


def _identity_map(work: Work) -> bool:
    """Nothing removed before or inside the text: clean offsets are source offsets."""
    return work.seg_clean == [0] and work.seg_src == [0]


def finish(work: Work) -> Document:
    """Map clean offsets to source offsets and build the Document."""
    meta, anomalies = work.meta, work.anomalies
    if not _identity_map(work):
        _map_nodes(work, work.outline)
        if meta.title_start is not None:
            ts, te = work.span_to_src(meta.title_start, meta.title_end)
            meta = replace(meta, title_start=ts, title_end=te)
        if anomalies:
            anomalies = [replace(a, start=s, end=e) for a in anomalies for s, e in [work.span_to_src(a.start, a.end)]]
    # indicators already carry source offsets (the indicator stage maps them)
    return Document(work.path, work.format, work.source, work.clean, work.removed, meta, work.outline,
                    anomalies, work.indicators)


def run_text(text: str, path: str = "<text>", fmt: str = "txt", config: ReaderConfig | None = None) -> Document:
    work = Work(path=path, format=fmt, source=text)
    work.set_identity()
    for stage in build_stages(config or DEFAULT_CONFIG):
        stage.run(work)
    return finish(work)


def read_text(text: str, path: str = "<text>", config: ReaderConfig | None = None) -> Document:
    """Run the text pipeline over an already decoded string."""
    return run_text(text, path=path, fmt="txt", config=config)


def read_path(path: str | Path, config: ReaderConfig | None = None) -> Document:
    """Load a file (format detected from its content) and run the pipeline.

    Raises ReaderError naming the file and the reason when it cannot be read."""
    from taizhang.text.loaders import load

    cfg = config or DEFAULT_CONFIG
    fmt, text = load(Path(path), max_bytes=cfg.max_bytes)
    return run_text(text, path=str(path), fmt=fmt, config=cfg)
