"""`Ledger`: the one object the CLI, the web app and the tests use (the datasette pattern).

It holds the engine, the session factory, the taxonomy and the evidence directory;
each public method is one transaction calling the service modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit, evidence, migrate, records, stats, targets, units
from taizhang.ledger.db import files_dir_for, make_engine
from taizhang.ledger.models import AuditLog, Evidence, Record, Target, Unit
from taizhang.ledger.stats import IndicatorValue, Period, Progress, Rollup
from taizhang.taxonomy import Taxonomy, load_taxonomy


class Ledger:
    def __init__(self, db: str, *, taxonomy: Taxonomy | None = None, files_dir: Path | None = None,
                 schema: str | None = None, engine: Engine | None = None):
        self.db = db
        self.engine = engine or make_engine(db, schema=schema)
        self.taxonomy = taxonomy or load_taxonomy()
        self.files_dir = Path(files_dir) if files_dir else files_dir_for(db)
        # expire_on_commit=False: objects returned by services stay readable after their transaction.
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str, **kwargs: Any) -> Ledger:
        """Open and bring the schema up to date (migrations run programmatically)."""
        ledger = cls(db, **kwargs)
        ledger.migrate()
        return ledger

    def migrate(self) -> bool:
        return migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back entirely on any error."""
        with self._sessions() as session, session.begin():
            yield session

    # -- units ---------------------------------------------------------------------------
    def add_unit(self, name: str, level: str, parent: units.UnitRef | None = None, *,
                 actor: str = "system") -> Unit:
        with self.transaction() as s:
            return units.add(s, name, level, parent, actor=actor)

    def unit(self, ref: units.UnitRef) -> Unit:
        with self.transaction() as s:
            return units.resolve(s, ref)

    def find_unit(self, ref: units.UnitRef) -> Unit | None:
        try:
            return self.unit(ref)
        except (NotFound, ValidationError):
            return None

    def units(self, under: units.UnitRef | None = None) -> list[Unit]:
        """Tree order; all trees when `under` is None."""
        with self.transaction() as s:
            if under is not None:
                return units.subtree(s, units.resolve(s, under).id)
            return [u for root in units.roots(s) for u in units.subtree(s, root.id)]

    def children(self, ref: units.UnitRef) -> list[Unit]:
        with self.transaction() as s:
            return units.children(s, units.resolve(s, ref).id)

    def delete_unit(self, ref: units.UnitRef, *, actor: str = "system") -> None:
        with self.transaction() as s:
            units.delete_unit(s, ref, actor=actor)

    # -- records -------------------------------------------------------------------------
    def create_record(self, unit: units.UnitRef, data: Mapping[str, Any], *, actor: str = "system",
                      within: units.UnitRef | None = None, evidence_files: Iterable[Path] = ()) -> Record:
        with self.transaction() as s:
            record = records.create(s, self.taxonomy, unit, data, actor=actor, within=within)
            for path in evidence_files:
                evidence.attach(s, self.files_dir, record.id, Path(path), actor=actor)
            return record

    def update_record(self, record_id: int, changes: Mapping[str, Any], *, actor: str = "system") -> Record:
        with self.transaction() as s:
            return records.update(s, self.taxonomy, record_id, changes, actor=actor)

    def delete_record(self, record_id: int, *, actor: str = "system") -> None:
        with self.transaction() as s:
            records.delete(s, record_id, actor=actor)

    def record(self, record_id: int) -> Record:
        with self.transaction() as s:
            return records.get(s, record_id)

    def records(self, unit: units.UnitRef, period: Period | None = None, types: list[str] | None = None,
                limit: int | None = None) -> list[Record]:
        with self.transaction() as s:
            root = units.resolve(s, unit)
            codes = [self.taxonomy.type(t).code for t in types] if types else None
            return records.list_records(s, root.id, period.start if period else None,
                                        period.end if period else None, codes, limit)

    def records_by_ids(self, ids: Iterable[int]) -> list[Record]:
        """The records behind a figure (IndicatorValue.record_ids), in date order."""
        wanted = list(ids)
        with self.transaction() as s:
            found: list[Record] = []
            for start in range(0, len(wanted), 1000):  # stay under bind-parameter limits
                chunk = wanted[start:start + 1000]
                found.extend(s.scalars(select(Record).where(Record.id.in_(chunk))))
            return sorted(found, key=lambda r: (r.date_start, r.id))

    def attach_evidence(self, record_id: int, path: Path, *, actor: str = "system") -> Evidence:
        with self.transaction() as s:
            return evidence.attach(s, self.files_dir, record_id, Path(path), actor=actor)

    def evidence(self, record_id: int) -> list[Evidence]:
        with self.transaction() as s:
            return evidence.list_for(s, record_id)

    def evidence_path(self, item: Evidence) -> Path:
        return evidence.blob_path(self.files_dir, item.sha256)

    # -- targets -------------------------------------------------------------------------
    def set_target(self, unit: units.UnitRef, year: int, indicator: str, value: float, *, bound: str = "至少",
                   source: str = "", actor: str = "system") -> Target:
        with self.transaction() as s:
            return targets.set_target(s, self.taxonomy, unit, year, indicator, value, bound=bound, source=source,
                                      actor=actor)

    def targets(self, unit: units.UnitRef, year: int | None = None) -> list[Target]:
        with self.transaction() as s:
            return targets.list_targets(s, unit, year)

    def delete_target(self, target_id: int, *, actor: str = "system") -> None:
        with self.transaction() as s:
            targets.delete_target(s, target_id, actor=actor)

    # -- figures -------------------------------------------------------------------------
    def indicator_values(self, unit: units.UnitRef, period: Period, indicators: Iterable[str] | None = None, *,
                         provenance: bool = False) -> dict[str, IndicatorValue]:
        with self.transaction() as s:
            return stats.indicator_values(s, self.taxonomy, unit, period, indicators, provenance=provenance)

    def indicator_value(self, unit: units.UnitRef, period: Period, indicator: str, *,
                        provenance: bool = False) -> IndicatorValue:
        return self.indicator_values(unit, period, [indicator], provenance=provenance)[
            self.taxonomy.indicator(indicator).id]

    def rollup(self, unit: units.UnitRef, period: Period | int,
               by: Iterable[str] = ("unit", "area", "month"), *, indicators: bool = True) -> Rollup:
        period = Period.year(period) if isinstance(period, int) else period
        with self.transaction() as s:
            return stats.rollup(s, self.taxonomy, unit, period, by, indicators=indicators)

    def progress(self, unit: units.UnitRef, year: int, as_of: date | None = None) -> list[Progress]:
        with self.transaction() as s:
            return stats.progress(s, self.taxonomy, unit, year, as_of)

    def compare_last_year(self, unit: units.UnitRef, period: Period,
                          indicators: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
        with self.transaction() as s:
            return stats.compare_last_year(s, self.taxonomy, unit, period, indicators)

    # -- audit ---------------------------------------------------------------------------
    def history(self, entity: str | None = None, entity_id: int | None = None, limit: int = 100) -> list[AuditLog]:
        with self.transaction() as s:
            return audit.history(s, entity, entity_id, limit)

    # -- Excel and bulk ------------------------------------------------------------------
    def export_xlsx(self, unit: units.UnitRef, year: int, out: Path) -> int:
        from taizhang.ledger import excel

        with self.transaction() as s:
            return excel.export_ledger(s, self.taxonomy, unit, year, Path(out))

    def import_xlsx(self, path: Path, unit: units.UnitRef, *, year: int | None = None, actor: str = "system",
                    progress: Any = None, fork: bool | None = None) -> int:
        from taizhang.ledger import xlsx_import

        return xlsx_import.import_ledger(self, Path(path), unit, year=year, actor=actor, progress=progress, fork=fork)

    # -- web app: accounts, browsing, dashboard (one transaction per call, like the rest) --------
    def create_user(self, username: str, password: str, role: str, unit: units.UnitRef, *,
                    display_name: str = "", actor: str = "system"):
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.create_user(s, username, password, role, unit, display_name=display_name, actor=actor)

    def users(self, under: units.UnitRef | None = None) -> list:
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.list_users(s, units.resolve(s, under).id if under is not None else None)

    def user(self, ref: int | str):
        """A user by id or username."""
        from taizhang.ledger import accounts

        with self.transaction() as s:
            if isinstance(ref, int):
                return accounts.get_user(s, ref)
            found = accounts.find_user(s, ref)
            if found is None:
                raise NotFound(f"账号“{ref}”不存在", field="user")
            return found

    def authenticate(self, username: str, password: str):
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.authenticate(s, username, password)

    def set_user_active(self, user_id: int, active: bool, *, actor: str = "system"):
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.set_active(s, user_id, active, actor=actor)

    def set_password(self, user_id: int, password: str, *, actor: str = "system"):
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.set_password(s, user_id, password, actor=actor)

    def create_token(self, user: int | str, name: str = "", *, actor: str = "system") -> tuple[Any, str]:
        from taizhang.ledger import accounts

        user_id = user if isinstance(user, int) else self.user(user).id
        with self.transaction() as s:
            return accounts.create_token(s, user_id, name, actor=actor)

    def user_for_token(self, token: str):
        from taizhang.ledger import accounts

        with self.transaction() as s:
            return accounts.user_for_token(s, token)

    def session_user(self, user_id: int) -> tuple[Any, int]:
        """(the user's row or None, the data version) in one query: the web app's per-request read.

        A plain row (columns as attributes), not an ORM object: this runs on every page view.
        """
        from sqlalchemy import func

        from taizhang.ledger.models import User

        version = select(func.max(AuditLog.id)).scalar_subquery()
        stmt = select(*User.__table__.c, version.label("data_version")).where(User.id == user_id)
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
            if row is None:
                return None, int(conn.execute(select(func.max(AuditLog.id))).scalar() or 0)
            return row, int(row.data_version or 0)

    def data_version(self) -> int:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.data_version(s)

    def subtree_ids(self, unit: units.UnitRef) -> frozenset[int]:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.subtree_ids(s, units.resolve(s, unit).id)

    def unit_names(self, ids: Iterable[int]) -> dict[int, str]:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.unit_names(s, ids)

    def browse_records(self, filt: Any, *, subtree_size: int, total: int | None = None) -> Any:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.list_records(s, self.taxonomy, filt, subtree_size=subtree_size, total=total)

    def count_records(self, filt: Any) -> int:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.count_records(s, self.taxonomy, filt)

    def audit_entries(self, scope: frozenset[int] | None, filt: Any, *, include_unscoped: bool = False) -> list:
        from taizhang.ledger import browse

        with self.transaction() as s:
            return browse.audit_entries(s, scope, filt, include_unscoped=include_unscoped)

    def dashboard(self, unit: units.UnitRef, year: int, today: date | None = None) -> Any:
        from taizhang.ledger import dashboard

        with self.transaction() as s:
            return dashboard.build(s, self.taxonomy, units.resolve(s, unit).id, year, today or date.today())

    def latest_year(self, unit: units.UnitRef) -> int | None:
        from taizhang.ledger import dashboard

        with self.transaction() as s:
            return dashboard.latest_year(s, units.resolve(s, unit).id)

    def attach_upload(self, record_id: int, path: Path, filename: str, *, actor: str = "system") -> Evidence:
        """Attach an uploaded file after sniffing its type from the content (ValidationError if refused)."""
        from taizhang.ledger import attachments

        media_type, name = attachments.check_upload(Path(path), filename)
        with self.transaction() as s:
            return attachments.attach(s, self.files_dir, record_id, Path(path), name, media_type, actor=actor)

    def evidence_item(self, evidence_id: int) -> Evidence:
        with self.transaction() as s:
            item = s.get(Evidence, evidence_id)
            if item is None:
                raise NotFound(f"佐证材料编号 {evidence_id} 不存在", field="evidence")
            return item

    def delete_evidence(self, evidence_id: int, *, actor: str = "system") -> None:
        from taizhang.ledger import attachments

        with self.transaction() as s:
            attachments.delete(s, evidence_id, actor=actor)

    def target_item(self, target_id: int) -> Target:
        with self.transaction() as s:
            item = s.get(Target, target_id)
            if item is None:
                raise NotFound(f"目标编号 {target_id} 不存在", field="target")
            return item

    def blank_template(self, unit: units.UnitRef, year: int, out: Path) -> None:
        """The empty 台账 workbook of a unit and year (headers, drop-downs, guide; no records)."""
        from taizhang.ledger import excel

        with self.transaction() as s:
            real = units.resolve(s, unit)
            # A transient stand-in with the real name and no id: the export finds no subtree, so no rows.
            stand_in = Unit(id=-1, name=real.name, level=real.level, parent_id=None, depth=0)
            excel.export_ledger(s, self.taxonomy, stand_in, year, Path(out))

    def create_record_with_uploads(self, unit: units.UnitRef, data: Mapping[str, Any],
                                   uploads: Iterable[tuple[Path, str]] = (), *, actor: str = "system",
                                   within: units.UnitRef | None = None) -> Record:
        """A record and its uploaded evidence in one transaction; every upload is type-checked first."""
        from taizhang.ledger import attachments

        checked = [(Path(p), *attachments.check_upload(Path(p), name)) for p, name in uploads]
        with self.transaction() as s:
            record = records.create(s, self.taxonomy, unit, data, actor=actor, within=within)
            for path, media_type, name in checked:
                attachments.attach(s, self.files_dir, record.id, path, name, media_type, actor=actor)
            return record

    def update_record_with_uploads(self, record_id: int, changes: Mapping[str, Any],
                                   uploads: Iterable[tuple[Path, str]] = (), *, actor: str = "system") -> Record:
        from taizhang.ledger import attachments

        checked = [(Path(p), *attachments.check_upload(Path(p), name)) for p, name in uploads]
        with self.transaction() as s:
            record = records.update(s, self.taxonomy, record_id, changes, actor=actor)
            for path, media_type, name in checked:
                attachments.attach(s, self.files_dir, record.id, path, name, media_type, actor=actor)
            return record
