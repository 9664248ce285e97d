"""账号 services: users bound to a unit with a role, Argon2 passwords, API tokens.

Roles and what they may do come from `data/roles.yaml`. Every write is audit-logged in
the same transaction like the other entities; password hashes never enter the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from taizhang.datafile import packaged_mapping
from taizhang.errors import NotFound, ValidationError
from taizhang.ledger import audit, units
from taizhang.ledger.models import ApiToken, Unit, UnitClosure, User, utcnow

USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")
MIN_PASSWORD = 8
TOKEN_PREFIX = "tz_"
TOKEN_TOUCH = timedelta(minutes=5)  # last_used_at is refreshed at most this often (no write per request)
SECRET_COLUMNS = ("password_hash", "token_sha256")

_hasher = PasswordHasher()
# Verified against when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("taizhang-dummy-password")


@dataclass(frozen=True)
class Role:
    name: str
    rank: int
    description: str
    actions: frozenset[str]


@cache
def roles() -> dict[str, Role]:
    doc = packaged_mapping("taizhang.ledger.data", "roles.yaml")
    return {name: Role(name, int(spec["rank"]), spec.get("description", ""), frozenset(spec["actions"]))
            for name, spec in doc["roles"].items()}


def role(name: str) -> Role:
    found = roles().get((name or "").strip())
    if found is None:
        raise ValidationError(f"角色“{name}”无效，应为：{'、'.join(roles())}", field="role")
    return found


def _snapshot(obj) -> dict:
    return {k: v for k, v in audit.snapshot(obj).items() if k not in SECRET_COLUMNS}


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"密码至少{MIN_PASSWORD}位", field="password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(session: Session, username: str, password: str, role_name: str, unit: units.UnitRef, *,
                display_name: str = "", actor: str = "system") -> User:
    username = (username or "").strip()
    if not USERNAME.match(username):
        raise ValidationError("用户名应为2至64位字母、数字、下划线、点或短横线", field="username")
    _check_password(password)
    chosen = role(role_name)
    home = units.resolve(session, unit)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(f"用户名“{username}”已被使用", field="username")
    user = User(username=username, password_hash=hash_password(password), display_name=(display_name or "")[:100],
                role=chosen.name, unit_id=home.id, active=True, created_by=actor, created_at=utcnow())
    session.add(user)
    session.flush()
    audit.log(session, actor=actor, action="insert", entity="user", entity_id=user.id, after=_snapshot(user))
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this name and password, else None (same cost either way)."""
    user = session.scalar(select(User).where(User.username == (username or "").strip()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"账号编号 {user_id} 不存在", field="user")
    return user


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == (username or "").strip()))


def list_users(session: Session, under: int | None = None) -> list[User]:
    """All accounts, or those bound to a unit of `under`'s subtree."""
    stmt = select(User).order_by(User.unit_id, User.id)
    if under is not None:
        stmt = stmt.join(UnitClosure, UnitClosure.descendant_id == User.unit_id).where(
            UnitClosure.ancestor_id == under)
    return list(session.scalars(stmt))


def set_active(session: Session, user_id: int, active: bool, *, actor: str = "system") -> User:
    user = get_user(session, user_id)
    before = _snapshot(user)
    user.active = bool(active)
    session.flush()
    audit.log(session, actor=actor, action="update", entity="user", entity_id=user.id, before=before,
              after=_snapshot(user))
    return user


def set_password(session: Session, user_id: int, password: str, *, actor: str = "system") -> User:
    _check_password(password)
    user = get_user(session, user_id)
    user.password_hash = hash_password(password)
    session.flush()
    audit.log(session, actor=actor, action="update", entity="user", entity_id=user.id,
              after={"id": user.id, "password": "已修改"})
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user_id: int, name: str = "", *, actor: str = "system") -> tuple[ApiToken, str]:
    """A new API token; the plain token is returned once and never stored."""
    user = get_user(session, user_id)
    if not user.active:
        raise ValidationError(f"账号“{user.username}”已停用，不能创建令牌", field="user")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(token_sha256=_digest(plain), user_id=user.id, name=(name or "")[:100], created_at=utcnow())
    session.add(token)
    session.flush()
    audit.log(session, actor=actor, action="insert", entity="api_token", entity_id=token.id, after=_snapshot(token))
    return token, plain


def user_for_token(session: Session, plain: str) -> User | None:
    """The active user owning this token, else None."""
    if not plain or not plain.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == _digest(plain)))
    if token is None:
        return None
    user = session.get(User, token.user_id)
    if user is None or not user.active:
        return None
    now = utcnow()
    last = token.last_used_at
    if last is not None and last.tzinfo is None:  # SQLite returns naive datetimes
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last > TOKEN_TOUCH:
        token.last_used_at = now
    return user


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id)))


def unit_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids))).all())
