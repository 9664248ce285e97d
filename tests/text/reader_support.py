"""Shared helpers for the reader's tests (tests/text/test_read_*.py); a plain
module with a unique name, not a conftest, so it cannot clash with others."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent / "samples"
REPO = Path(__file__).resolve().parents[2]
ON_CI = os.environ.get("CI", "").lower() == "true"


def need_tool(*names: str) -> None:
    """Skip (user machine) or fail (CI=true) when none of the tools is installed."""
    if any(shutil.which(n) for n in names):
        return
    message = f"需要系统工具 {' 或 '.join(names)}，但未安装"
    if ON_CI:
        pytest.fail(message)
    pytest.skip(message)


def need_gold() -> Path:
    """The shared gold folder (../shared/gold next to the repo); skip or fail under CI."""
    from taizhang.text.scoring import locate_gold

    gold = locate_gold(REPO)
    if gold is None:
        if ON_CI:
            pytest.fail("找不到 ../shared/gold 金标准数据")
        pytest.skip("找不到 ../shared/gold 金标准数据")
    return gold

