"""Who may do what: THE permission dependency of every page and API route.

A user's role (data/roles.yaml in the ledger) says which actions they may take; their unit
says where: the unit and its whole subtree. `require(action)` authenticates the request
(session cookie for pages, `Authorization: Bearer` for /api/) and checks the action;
the `Actor` it returns is the only way routes reach units, records, evidence, targets and
accounts by id, and answers 404 for anything outside the subtree (its existence is not
revealed). Templates never decide permissions; they only hide links the actor lacks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from fastapi import Request

from taizhang.errors import NotFound, PermissionDenied, TaizhangError
from taizhang.ledger import accounts
from taizhang.ledger.models import Evidence, Record, Target, Unit, User

ACTION_NAMES = {"view": "查看", "record.edit": "填报和修改台账", "target.edit": "设定目标",
                "audit.view": "查看操作日志", "admin": "管理单位和账号"}
SESSION_USER = "uid"
SESSION_PASSWORD = "pw"  # fingerprint of the password hash: changing the password ends other sessions


class NotAuthenticated(TaizhangError):
    status = 401


def password_fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Actor:
    user: User
    role: accounts.Role
    unit: Unit
    scope: frozenset[int]  # ids of the unit and all its descendants
    version: int  # the ledger's data version when the request started
    via_token: bool = False

    @property
    def name(self) -> str:
        """The audit log's actor."""
        return self.user.username

    @property
    def top_level(self) -> bool:
        return self.unit.parent_id is None

    def can(self, action: str) -> bool:
        return action in self.role.actions

    def require(self, action: str) -> None:
        if not self.can(action):
            raise PermissionDenied(f"您的角色（{self.role.name}）无权{ACTION_NAMES.get(action, action)}")

    # -- the subtree check: everything reached by id goes through here ------------------------
    def check_unit_id(self, unit_id: int | None, what: str = "单位") -> None:
        if unit_id is None or unit_id not in self.scope:
            raise NotFound(f"{what}不存在或不在您的管辖范围内")

    def unit_ref(self, ref: int | str | None, site) -> Unit:
        """A unit of the subtree by id or name (default: the actor's own unit)."""
        if ref in (None, ""):
            return self.unit
        found = site.find_unit_in(self, ref)
        if found is None:
            raise NotFound(f"单位“{ref}”不存在或不在您的管辖范围内", field="unit")
        return found

    def record(self, record_id: int, ledger) -> Record:
        try:
            rec = ledger.record(record_id)
        except NotFound:
            rec = None
        self.check_unit_id(rec.unit_id if rec else None, f"台账记录编号 {record_id} ")
        return rec

    def evidence(self, evidence_id: int, ledger) -> tuple[Evidence, Record]:
        try:
            item = ledger.evidence_item(evidence_id)
            rec = ledger.record(item.record_id)
        except NotFound:
            raise NotFound(f"佐证材料编号 {evidence_id} 不存在或不在您的管辖范围内") from None
        self.check_unit_id(rec.unit_id, f"佐证材料编号 {evidence_id} ")
        return item, rec

    def target(self, target_id: int, ledger) -> Target:
        try:
            item = ledger.target_item(target_id)
        except NotFound:
            item = None
        self.check_unit_id(item.unit_id if item else None, f"目标编号 {target_id} ")
        return item

    def account(self, user_id: int, ledger) -> User:
        try:
            user = ledger.user(user_id)
        except NotFound:
            user = None
        self.check_unit_id(user.unit_id if user else None, f"账号编号 {user_id} ")
        return user


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_actor(request: Request) -> Actor | None:
    """The authenticated actor of the request, or None; cached on the request."""
    if hasattr(request.state, "actor"):
        return request.state.actor
    site = request.app.state.site
    actor = None
    if request.url.path.startswith("/api/"):
        token = _bearer(request)
        if token:
            user = site.ledger.user_for_token(token)
            if user is not None:
                actor = site.actor_for(user, site.ledger.data_version(), via_token=True)
    else:
        uid = request.session.get(SESSION_USER)
        if isinstance(uid, int):
            user, version = site.ledger.session_user(uid)
            if user is not None and user.active and request.session.get(SESSION_PASSWORD) == \
                    password_fingerprint(user):
                actor = site.actor_for(user, version)
            else:
                request.session.clear()
    request.state.actor = actor
    return actor


@cache
def require(action: str = "view") -> Callable[[Request], Actor]:
    """The dependency: `actor: Actor = Depends(require("record.edit"))`."""
    if action not in ACTION_NAMES:
        raise ValueError(f"unknown action {action}")

    def dependency(request: Request) -> Actor:
        actor = current_actor(request)
        if actor is None:
            raise NotAuthenticated("请先登录" if not request.url.path.startswith("/api/")
                                   else "缺少或无效的 API 令牌（Authorization: Bearer …）")
        actor.require(action)
        return actor

    dependency.__name__ = f"require_{action.replace('.', '_')}"
    return dependency
