"""Helpers shared by the writer's tests (a module with a unique name, unlike conftest)."""

from __future__ import annotations

import os
import shutil

import pytest


def need_tool(*names: str) -> None:
    """Skip when a system tool is missing on a user's machine; fail under CI=true."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        message = f"missing system tool(s): {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
