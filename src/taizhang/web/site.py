"""`Site`: what the web app holds for its lifetime — the ledger, the settings, the template
environment, the login limiter and the caches of figures that only change with the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from taizhang.ledger import Ledger, accounts
from taizhang.ledger.browse import RecordFilter
from taizhang.ledger.models import Unit, User
from taizhang.web.cache import VersionedCache
from taizhang.web.config import WebConfig
from taizhang.web.permissions import Actor
from taizhang.web.ratelimit import LoginLimiter
from taizhang.web.templating import Templates


@dataclass(frozen=True)
class UnitTree:
    """A subtree in tree order with names, for selects and row labels."""

    units: tuple[Unit, ...]
    names: dict[int, str]
    ids: frozenset[int]
    options: tuple[tuple, ...]  # for `select_options` (hashable: its cache key)

    @classmethod
    def of(cls, units: tuple[Unit, ...]) -> UnitTree:
        return cls(units, {u.id: u.name for u in units}, frozenset(u.id for u in units), _grouped(units))


def _grouped(units: tuple[Unit, ...]) -> tuple:
    """The root, then one optgroup per child holding the child and its subtree.

    Option labels stay the plain unit names (what users type and tests select by);
    the groups show the tree.
    """
    from taizhang.web.templating import GROUP

    if not units:
        return ()
    root = units[0]
    out: list[tuple] = [(root.id, root.name)]
    for u in units[1:]:
        if u.parent_id == root.id:
            out.append((GROUP, u.name))
        out.append((u.id, u.name))
    return tuple(out)


def type_options(taxonomy) -> tuple:
    """Activity types grouped by work area, for `select_options`."""
    from taizhang.web.templating import GROUP

    out: list[tuple] = []
    for area in taxonomy.areas:
        out.append((GROUP, area.name))
        out.extend((t.code, t.name) for t in area.types)
    return tuple(out)


class Site:
    def __init__(self, ledger: Ledger, config: WebConfig):
        self.ledger = ledger
        self.config = config
        self.templates = Templates(config)
        self.limiter = LoginLimiter(config.login_attempts, config.login_window)
        self.cache = VersionedCache(config.cache_entries)
        self.reports = VersionedCache(4)  # built reports are large: keep only the last few
        self.type_options = type_options(ledger.taxonomy)

    # -- who --------------------------------------------------------------------------------
    def tree(self, unit_id: int, version: int) -> UnitTree:
        return self.cache.get(("tree", unit_id, version),
                              lambda: UnitTree.of(tuple(self.ledger.units(under=unit_id))))

    def actor_for(self, user: User, version: int, *, via_token: bool = False) -> Actor:
        tree = self.tree(user.unit_id, version)
        return Actor(user, accounts.role(user.role), tree.units[0], tree.ids, version, via_token)

    def find_unit_in(self, actor: Actor, ref: int | str) -> Unit | None:
        tree = self.tree(actor.unit.id, actor.version)
        text = str(ref).strip()
        if text.isdigit():
            return next((u for u in tree.units if u.id == int(text)), None)
        named = [u for u in tree.units if u.name == text]
        return named[0] if len(named) == 1 else None

    # -- figures (cached by data version) -------------------------------------------------------
    def dashboard(self, unit_id: int, year: int, version: int, today: date | None = None):
        today = today or date.today()
        return self.cache.get(("dashboard", unit_id, year, today, version),
                              lambda: self.ledger.dashboard(unit_id, year, today))

    def default_year(self, unit_id: int, version: int) -> int:
        found = self.cache.get(("year", unit_id, version), lambda: self.ledger.latest_year(unit_id))
        return found or date.today().year

    def record_count(self, filt: RecordFilter, version: int) -> int:
        key = ("count", filt.unit_id, filt.year, filt.month, filt.area, filt.type_code, filt.text, version)
        return self.cache.get(key, lambda: self.ledger.count_records(filt))

    def latest_changes(self, actor: Actor, limit: int = 8):
        from taizhang.ledger.browse import AuditFilter

        return self.cache.get(("changes", actor.unit.id, limit, actor.version),
                              lambda: self.ledger.audit_entries(actor.scope, AuditFilter(limit=limit),
                                                                include_unscoped=actor.top_level))

    def report(self, unit_id: int, year: int, version: int):
        from taizhang.report.build import build_report

        return self.reports.get(("report", unit_id, year, version),
                                lambda: build_report(self.ledger, unit_id, year))
