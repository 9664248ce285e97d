"""Run the packaged Alembic migrations programmatically, so they work from an installed wheel."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("taizhang.ledger").joinpath("migrations")))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Bring the schema to `revision` (tests stop earlier); returns whether anything had to be done."""
    wanted = head_revision() if revision == "head" else revision
    if current_revision(engine) == wanted:
        return False
    _run(engine, command.upgrade, revision)
    return True


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Step the schema back (tests prove each migration reverses cleanly)."""
    _run(engine, command.downgrade, revision)


def _run(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    """Run `step` in one transaction; on SQLite with foreign keys off, checked before commit.

    SQLite alters a table by rebuilding it (create, copy, drop, rename); with foreign keys
    on, dropping a parent would cascade into or be refused by its children. The pragma is a
    no-op inside a transaction, so it is set before the migration's transaction begins.
    """
    cfg = _config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                if sqlite:
                    # Python's sqlite3 only opens a transaction at the first INSERT/UPDATE, so a
                    # failing migration would keep the CREATE TABLEs before it: open it now.
                    conn.exec_driver_sql("BEGIN")
                cfg.attributes["connection"] = conn
                step(cfg, revision)
                if sqlite:
                    _check_foreign_keys(conn)
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = "、".join(sorted({row[0] for row in broken}))
        raise RuntimeError(f"迁移后外键不一致（{tables}），已回滚，数据库未改动")
