"""ORM models of the ledger. The schema itself is owned by the Alembic migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

UNIT_LEVELS = ("省", "市", "县区", "乡镇街道", "部门", "村社区", "学校", "企业", "其他")
TARGET_BOUNDS = ("至少", "不少于", "力争", "约")


# Tables whose ids the audit log, evidence files and provenance lists name. Without
# AUTOINCREMENT SQLite hands a deleted newest row's id (max(rowid)+1) to the next row, and
# that history would then describe two records; PostgreSQL sequences never reuse ids anyway.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON}


class Unit(Base):
    """单位. Subtrees are found through `unit_closure` (one row per ancestor-descendant pair)."""

    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_unit_parent_name"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    level: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UnitClosure(Base):
    __tablename__ = "unit_closure"

    ancestor_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    descendant_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    depth: Mapped[int] = mapped_column(Integer)


class Record(Base):
    """台账记录: one activity of one unit."""

    __tablename__ = "record"
    __table_args__ = (
        # One secondary index serves provenance (unit subtree x type x period) and per-unit listings;
        # every extra index would slow the bulk loads.
        Index("ix_record_unit_type_date", "unit_id", "type_code", "date_start"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    type_code: Mapped[str] = mapped_column(String(64))
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    quantities: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    participants: Mapped[str] = mapped_column(Text, default="")
    highlight: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Evidence(Base):
    """佐证材料: file content lives on disk under its sha256; this row is its metadata."""

    __tablename__ = "evidence"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Target(Base):
    """目标: a planned figure for one unit, year and indicator."""

    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "indicator", name="uq_target_unit_year_indicator"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    bound: Mapped[str] = mapped_column(String(10), default="至少")
    source: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditLog(Base):
    """Append-only (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # insert / update / delete / bulk_insert
    entity: Mapped[str] = mapped_column(String(16))  # unit / record / target
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class MonthlyStat(Base):
    """Pre-aggregated figures per unit x month x type x field ("count" = number of records).

    Kept in step with `record` by every service write and bulk load, so roll-ups over
    millions of records read a few thousand rows instead of scanning.
    """

    __tablename__ = "stat_monthly"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # yyyymm
    type_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[float] = mapped_column(Float, default=0)


# -- accounts (web app) ----------------------------------------------------------------------

class User(Base):
    """账号: a login bound to one unit (and so its subtree) with one role (see data/roles.yaml)."""

    # "user" is a reserved word in PostgreSQL.
    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("username", name="uq_app_user_username"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64), default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiToken(Base):
    """API token of a user; only the sha256 of the token is stored (the token is shown once)."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("token_sha256", name="uq_api_token_sha256"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


# The web ledger list pages newest-first through this index instead of sorting a county's
# whole year (declared here, beside the accounts of migration 0002, so `Record` stays untouched).
Index("ix_record_date", Record.date_start, Record.id)
