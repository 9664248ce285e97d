"""Engine construction from the `--db` value: a SQLite path or a database URL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event


def database_url(db: str) -> str:
    """A bare path means SQLite; anything with a scheme is used as given."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def files_dir_for(db: str) -> Path:
    """Evidence files live beside a SQLite database; for a server DB, in the working dir."""
    if "://" in db:
        if db.startswith("sqlite:///") and len(db) > len("sqlite:///"):
            path = Path(db[len("sqlite:///"):])
            return path.with_name(path.stem + "-files")
        return Path("taizhang-files")
    path = Path(db).expanduser()
    return path.with_name(path.stem + "-files")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the web app read while an import writes; foreign keys are off by default in SQLite.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(db: str, *, schema: str | None = None) -> Engine:
    """`schema` (PostgreSQL only) puts every table in that schema via search_path (tests use it)."""
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
