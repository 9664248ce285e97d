"""Ledger fixtures: every ledger test runs against a real SQLite file and a real PostgreSQL schema."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from taizhang.ledger import Ledger

PG_URL = os.environ.get("TAIZHANG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        return f"PostgreSQL at {PG_URL} unreachable: {type(exc).__name__}"


_PG_PROBLEM: list[str | None] = []


def require_pg() -> None:
    """Skip without a server on a developer machine; fail under CI=true."""
    if not _PG_PROBLEM:
        _PG_PROBLEM.append(_pg_reachable())
    if _PG_PROBLEM[0]:
        if os.environ.get("CI") == "true":
            pytest.fail(_PG_PROBLEM[0])
        pytest.skip(_PG_PROBLEM[0])


class DbTarget:
    """Where a test's database lives: a SQLite file, or a fresh schema on the PostgreSQL server."""

    def __init__(self, kind: str, tmp_path):
        self.kind = kind
        self.tmp_path = tmp_path
        self.schema = f"ledger_test_{uuid.uuid4().hex[:12]}" if kind == "postgres" else None
        self.url = PG_URL if kind == "postgres" else str(tmp_path / "ledger.db")
        self._opened: list[Ledger] = []
        if self.schema:
            self._admin(f'CREATE SCHEMA "{self.schema}"')

    def _admin(self, sql: str) -> None:
        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text(sql))
        engine.dispose()

    def ledger(self, *, migrate: bool = True, **kwargs) -> Ledger:
        kwargs.setdefault("files_dir", self.tmp_path / "files")
        ledger = Ledger(self.url, schema=self.schema, **kwargs)
        if migrate:
            ledger.migrate()
        self._opened.append(ledger)
        return ledger

    def close(self) -> None:
        for ledger in self._opened:
            ledger.close()
        if self.schema:
            self._admin(f'DROP SCHEMA "{self.schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path):
    if request.param == "postgres":
        require_pg()
    db = DbTarget(request.param, tmp_path)
    yield db
    db.close()


@pytest.fixture
def ledger(target) -> Ledger:
    return target.ledger()


@pytest.fixture
def county(ledger):
    """A small tree: 示例县 > 青山镇 > 桃园村, 李庄村; 示例县 > 白水乡 > 石岭村; a separate 外县."""
    ledger.add_unit("示例县", "县区")
    ledger.add_unit("青山镇", "乡镇街道", "示例县")
    ledger.add_unit("桃园村", "村社区", "青山镇")
    ledger.add_unit("李庄村", "村社区", "青山镇")
    ledger.add_unit("白水乡", "乡镇街道", "示例县")
    ledger.add_unit("石岭村", "村社区", "白水乡")
    ledger.add_unit("外县", "县区")
    return ledger
