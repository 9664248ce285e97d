"""SQLite: never reuse ids of units, records, evidence, targets, users and API tokens.

Without AUTOINCREMENT SQLite gives a new row max(rowid)+1, so deleting the newest record
and adding another handed the old id (and so its audit history, evidence and provenance
references) to a different record. Each table is rebuilt with AUTOINCREMENT, every row,
index, constraint and foreign key kept, and `sqlite_sequence` is seeded above every id the
audit log has ever named, so ids deleted before this upgrade do not come back either.
PostgreSQL sequences never hand an id out twice: nothing to do there.

The rebuild drops and renames tables, so `migrate` runs SQLite migrations with foreign
keys off (else dropping `unit` would cascade into `unit_closure`) and checks them after.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# table -> the `entity` its rows are logged under in audit_log.
AUDITED_TABLES = {"unit": "unit", "record": "record", "evidence": "evidence", "target": "target",
                  "app_user": "user", "api_token": "api_token"}


def _rebuild(table: str, autoincrement: bool) -> None:
    # Batch mode reflects the table (columns, indexes, unique constraints, foreign keys with
    # their ON DELETE), creates the new one, copies the rows with their ids, drops, renames.
    with op.batch_alter_table(table, recreate="always",
                              table_kwargs={"sqlite_autoincrement": autoincrement}):
        pass


def _seed_sequence(table: str, entity: str) -> None:
    # The next id must be above every id the table or the audit log has ever held.
    conn = op.get_bind()
    highest = conn.execute(sa.text(
        f"SELECT MAX(COALESCE((SELECT MAX(id) FROM {table}), 0), "
        "COALESCE((SELECT MAX(entity_id) FROM audit_log WHERE entity = :entity), 0), "
        "COALESCE((SELECT MAX(seq) FROM sqlite_sequence WHERE name = :table), 0))"),
        {"entity": entity, "table": table}).scalar()
    conn.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = :table"), {"table": table})
    conn.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seq)"),
                 {"table": table, "seq": highest})


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, entity in AUDITED_TABLES.items():
        _rebuild(table, autoincrement=True)
        _seed_sequence(table, entity)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in AUDITED_TABLES:
        _rebuild(table, autoincrement=False)
