"""Frozen configuration of the reader: one dataclass per stage, gathered in
`ReaderConfig`. Stages receive their own config, never global settings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class CleanConfig:
    data_dirs: tuple[Path, ...] = ()
    convert_traditional: bool = True  # char-level t2s for analysis (offsets kept)
    join_lines: bool = True  # rejoin lines broken mid-sentence
    min_join_len: int = 20  # a line shorter than this is never joined to the next


@dataclass(frozen=True)
class MetaConfig:
    data_dirs: tuple[Path, ...] = ()
    max_title_len: int = 80


@dataclass(frozen=True)
class OutlineConfig:
    inline_enumerations: bool = True  # 一是… 第一，… 首先，…
    max_title_len: int = 60


@dataclass(frozen=True)
class SectionConfig:
    data_dirs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class IndicatorConfig:
    data_dirs: tuple[Path, ...] = ()
    taxonomy_files: tuple[Path, ...] = ()
    max_activity_len: int = 30


@dataclass(frozen=True)
class ReaderConfig:
    clean: CleanConfig = field(default_factory=CleanConfig)
    meta: MetaConfig = field(default_factory=MetaConfig)
    outline: OutlineConfig = field(default_factory=OutlineConfig)
    sections: SectionConfig = field(default_factory=SectionConfig)
    indicators: IndicatorConfig = field(default_factory=IndicatorConfig)
    max_bytes: int = 50 * 1024 * 1024  # larger files are refused

    @classmethod
    def with_data_dirs(cls, *dirs: Path | str) -> ReaderConfig:
        """A config whose stages also read user data files from `dirs`."""
        paths = tuple(Path(d) for d in dirs)
        base = cls()
        return replace(
            base,
            clean=replace(base.clean, data_dirs=paths),
            meta=replace(base.meta, data_dirs=paths),
            sections=replace(base.sections, data_dirs=paths),
            indicators=replace(base.indicators, data_dirs=paths),
        )
