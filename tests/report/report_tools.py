"""Helpers shared by the writer's tests (a module with a unique name, unlike conftest)."""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text


def need_tool(*names: str) -> None:
    """Skip when a system tool is missing on a user's machine; fail under CI=true."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        message = f"missing system tool(s): {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


PG_URL = os.environ.get("TAIZHANG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextmanager
def database(kind: str, tmp_path):
    """(url, schema) of a fresh database: a SQLite file, or a new PostgreSQL schema dropped afterwards.
    Without a server PostgreSQL is skipped on a user's machine and fails under CI=true."""
    if kind == "sqlite":
        yield str(tmp_path / "report.db"), None
        return
    schema = f"report_test_{uuid.uuid4().hex[:12]}"
    try:
        _admin(f'CREATE SCHEMA "{schema}"')
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        message = f"PostgreSQL at {PG_URL} unreachable: {type(exc).__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield PG_URL, schema
    finally:
        _admin(f'DROP SCHEMA "{schema}" CASCADE')


def _admin(sql: str) -> None:
    engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
