"""Demo logins of the 示例县 (all fictional; password `demo2025`), created idempotently."""

from __future__ import annotations

from sqlalchemy import select

from taizhang.errors import NotFound
from taizhang.ledger import accounts
from taizhang.ledger.demo import DEMO_ACTOR
from taizhang.ledger.demo_data import COUNTY
from taizhang.ledger.models import Unit

DEMO_PASSWORD = "demo2025"
TOWN = "城关镇"
# (username, password, role, unit path below and including the county)
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("admin", DEMO_PASSWORD, "管理员", COUNTY),
    ("shenhe", DEMO_PASSWORD, "审核人", COUNTY),
    ("readonly", DEMO_PASSWORD, "只读", COUNTY),
    ("chengguan", DEMO_PASSWORD, "填报人", TOWN),
    ("hongfeng", DEMO_PASSWORD, "填报人", "红峰村"),
    ("hetian", DEMO_PASSWORD, "填报人", "荷田村"),
)
DISPLAY = {"admin": "县委宣传部管理员", "shenhe": "县委宣传部审核人", "readonly": "县委宣传部查阅",
           "chengguan": "城关镇宣传委员", "hongfeng": "红峰村宣传员", "hetian": "荷田村宣传员"}


def _demo_unit(session, name: str) -> Unit:
    """The county, the town under it, or a village of the town (village names repeat across towns)."""
    county = session.scalar(select(Unit).where(Unit.name == COUNTY, Unit.parent_id.is_(None)))
    if county is None:
        raise NotFound(f"没有“{COUNTY}”，请先运行 taizhang demo", field="unit")
    if name == COUNTY:
        return county
    town = session.scalar(select(Unit).where(Unit.name == TOWN, Unit.parent_id == county.id))
    if town is None:
        raise NotFound(f"“{COUNTY}”下没有“{TOWN}”", field="unit")
    if name == TOWN:
        return town
    village = session.scalar(select(Unit).where(Unit.name == name, Unit.parent_id == town.id))
    if village is None:
        raise NotFound(f"“{TOWN}”下没有“{name}”", field="unit")
    return village


def create_demo_accounts(ledger) -> int:
    """Create the demo logins that do not exist yet; returns how many were created."""
    created = 0
    with ledger.transaction() as s:
        for username, password, role_name, unit_name in DEMO_ACCOUNTS:
            if accounts.find_user(s, username) is not None:
                continue
            accounts.create_user(s, username, password, role_name, _demo_unit(s, unit_name),
                                 display_name=DISPLAY.get(username, ""), actor=DEMO_ACTOR)
            created += 1
    return created


def demo_logins(ledger) -> list[tuple[str, str, str, str]]:
    """The demo logins present in this database (for `taizhang serve` to print)."""
    with ledger.transaction() as s:
        out = []
        for username, password, role_name, unit_name in DEMO_ACCOUNTS:
            user = accounts.find_user(s, username)
            if user is not None and user.active and user.created_by == DEMO_ACTOR:
                out.append((username, password, role_name, unit_name))
        return out
