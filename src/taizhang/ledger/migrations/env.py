"""Alembic environment, driven programmatically by `taizhang.ledger.migrate` (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from taizhang.ledger.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("台账迁移只支持在线模式")
run_migrations_online()
