"""Clean, well-edited documents of several unit types stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.text.checker import check_path

CLEAN = sorted((Path(__file__).parent / "samples" / "clean").glob("*.txt"))


def test_there_are_clean_samples_of_several_unit_types():
    assert len(CLEAN) >= 4


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_document_has_no_errors_or_warnings(path):
    loud = [(f.family, f.rule, f.excerpt) for f in check_path(path) if f.severity != "info"]
    assert loud == []
