"""Alembic migrations: apply cleanly to an empty database, match the models, audit log is append-only."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from ledger_helpers import lecture
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


def _schema_objects(engine) -> dict:
    """Indexes and triggers as SQLite stores them, plus each table's reflected keys and constraints."""
    insp = inspect(engine)
    tables = {}
    for name in insp.get_table_names():
        tables[name] = (insp.get_pk_constraint(name)["constrained_columns"],
                        sorted(insp.get_unique_constraints(name), key=lambda u: u["name"]),
                        sorted(insp.get_foreign_keys(name), key=lambda f: f["constrained_columns"]),
                        sorted(insp.get_indexes(name), key=lambda i: i["name"]))
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                      "WHERE type IN ('index', 'trigger') ORDER BY name").fetchall()
    return {"tables": tables, "stored": stored}


def _all_rows(engine) -> dict:
    with engine.connect() as conn:
        return {name: sorted(conn.exec_driver_sql(f"SELECT * FROM {name}").fetchall(), key=repr)
                for name in inspect(engine).get_table_names() if name != "alembic_version"}


def _fill_at_0002(ledger, tmp_path) -> dict:
    """Data of every kind, written through the services while the schema is at 0002."""
    ledger.add_unit("示例县", "县区")
    ledger.add_unit("青山镇", "乡镇街道", "示例县")
    ledger.add_unit("桃园村", "村社区", "青山镇")
    kept = ledger.create_record("桃园村", lecture(title="留下的宣讲")).id
    photo = tmp_path / "签到表.txt"
    photo.write_text("签到表", encoding="utf-8")
    ledger.attach_evidence(kept, photo)
    ledger.set_target("青山镇", 2025, "theory_lecture.count", 10)
    ledger.create_user("qingshan", "密码-足够长-123", "填报人", "青山镇")
    ledger.create_token("qingshan", "脚本")
    first_gone = ledger.create_record("桃园村", lecture(title="先删的宣讲")).id
    ledger.delete_record(first_gone)
    second_gone = ledger.create_record("桃园村", lecture(title="后删的宣讲")).id
    ledger.delete_record(second_gone)  # the newest record is gone: only the audit log still knows its id
    return {"kept": kept, "first_gone": first_gone, "second_gone": second_gone}


def test_upgrade_from_0002_keeps_everything_and_never_reuses_ids(target, tmp_path):
    ledger = target.ledger(migrate=False)
    assert migrate.upgrade(ledger.engine, "0002") is True
    ids = _fill_at_0002(ledger, tmp_path)
    if target.kind == "sqlite":
        assert ids["second_gone"] == ids["first_gone"]  # the bug 0003 fixes: max(rowid)+1 came back
    rows_before = _all_rows(ledger.engine)
    schema_before = _schema_objects(ledger.engine) if target.kind == "sqlite" else None

    assert ledger.migrate() is True
    assert migrate.current_revision(ledger.engine) == migrate.head_revision()
    assert _all_rows(ledger.engine) == rows_before
    assert len(rows_before["unit_closure"]) == 6  # not emptied by a cascade while `unit` was rebuilt
    if target.kind == "sqlite":
        assert _schema_objects(ledger.engine) == schema_before
        with ledger.engine.connect() as conn:
            creates = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # pooled connection restored
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        for table in ("unit", "record", "evidence", "target", "app_user", "api_token"):
            assert "AUTOINCREMENT" in creates[table], table
        assert "AUTOINCREMENT" not in creates["audit_log"]

    new = ledger.create_record("桃园村", lecture(title="升级后的宣讲")).id
    assert new > max(ids.values())
    assert [(e.action, e.after["title"]) for e in ledger.history("record", new)] == [("insert", "升级后的宣讲")]
    # Foreign keys still act after the rebuild, in the database itself: RESTRICT and CASCADE.
    with pytest.raises(IntegrityError):
        with ledger.engine.begin() as conn:
            conn.execute(text("DELETE FROM unit WHERE name = '桃园村'"))
    with ledger.engine.begin() as conn:
        conn.execute(text("DELETE FROM record WHERE id = :id"), {"id": ids["kept"]})
        assert conn.execute(text("SELECT count(*) FROM evidence")).scalar() == 0
    assert [u.name for u in ledger.units()] == ["示例县", "青山镇", "桃园村"]


def test_0003_reverses_and_reapplies_with_data(target, tmp_path):
    ledger = target.ledger(migrate=False)
    migrate.upgrade(ledger.engine, "0002")
    _fill_at_0002(ledger, tmp_path)
    rows = _all_rows(ledger.engine)
    ledger.migrate()
    migrate.downgrade(ledger.engine, "0002")
    assert migrate.current_revision(ledger.engine) == "0002"
    assert _all_rows(ledger.engine) == rows
    if target.kind == "sqlite":
        with ledger.engine.connect() as conn:
            record_sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'record'").scalar()
        assert "AUTOINCREMENT" not in record_sql
    assert ledger.migrate() is True
    assert _all_rows(ledger.engine) == rows
