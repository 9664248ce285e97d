"""Alembic migrations: apply cleanly to an empty database, match the models, audit log is append-only."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from taizhang.ledger import migrate
from taizhang.ledger.models import Base

TABLES = {"unit", "unit_closure", "record", "evidence", "target", "audit_log", "stat_monthly"}


def test_migrations_apply_to_empty_database(target):
    ledger = target.ledger(migrate=False)
    assert migrate.current_revision(ledger.engine) is None
    assert ledger.migrate() is True
    assert migrate.current_revision(ledger.engine) == migrate.head_revision()
    assert TABLES <= set(inspect(ledger.engine).get_table_names())
    assert ledger.migrate() is False  # second run is a no-op


def test_migrated_schema_matches_models(ledger):
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Type-only differences reported by reflection (e.g. JSON on SQLite) are not schema drift.
    structural = [d for d in diff if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert structural == []


def test_audit_log_is_append_only(county):
    with county.engine.connect() as conn:
        assert conn.execute(text("select count(*) from audit_log")).scalar() == 7
    for sql in ("update audit_log set actor = 'x'", "delete from audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with county.engine.begin() as conn:
                conn.execute(text(sql))
    with county.engine.connect() as conn:
        assert conn.execute(text("select count(*) from audit_log where actor = 'x'")).scalar() == 0
        assert conn.execute(text("select count(*) from audit_log")).scalar() == 7


def test_migrations_reverse_and_reapply(county):
    migrate.downgrade(county.engine, "base")
    assert not TABLES & set(inspect(county.engine).get_table_names())
    assert county.migrate() is True
    assert county.units() == []  # a clean schema again
