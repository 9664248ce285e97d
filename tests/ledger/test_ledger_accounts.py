"""Accounts service: Argon2 passwords, roles, scoped listing, API tokens, demo logins (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, text

from taizhang.errors import ValidationError
from taizhang.ledger import accounts, demo
from taizhang.ledger.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, create_demo_accounts
from taizhang.ledger.models import ApiToken


def test_users_are_created_and_authenticated(county):
    user = county.create_user("qingshan", "long-password", "填报人", "青山镇", display_name="青山镇宣传委员")
    assert user.password_hash.startswith("$argon2id$") and "long-password" not in user.password_hash
    assert county.authenticate("qingshan", "long-password").id == user.id
    assert county.authenticate("qingshan", "wrong-password") is None
    assert county.authenticate("nobody", "long-password") is None
    county.set_user_active(user.id, False)
    assert county.authenticate("qingshan", "long-password") is None


def test_account_rules_give_chinese_errors(county):
    county.create_user("taken", "long-password", "只读", "示例县")
    cases = [("taken", "long-password", "只读", "已被使用"), ("a b", "long-password", "只读", "用户名"),
             ("short", "1234567", "只读", "密码至少8位"), ("role", "long-password", "超管", "角色“超管”无效")]
    for username, password, role, message in cases:
        with pytest.raises(ValidationError, match=message):
            county.create_user(username, password, role, "示例县")


def test_accounts_are_listed_per_subtree_and_audited_without_secrets(county):
    county.create_user("town", "long-password", "审核人", "青山镇")
    county.create_user("village", "long-password", "填报人", "桃园村")
    county.create_user("other", "long-password", "管理员", "白水乡")
    assert [u.username for u in county.users("青山镇")] == ["town", "village"]
    assert {u.username for u in county.users()} == {"town", "village", "other"}
    entry = county.history("user", limit=1)[0]
    assert entry.action == "insert" and "password_hash" not in entry.after and entry.after["username"] == "other"
    with county.engine.connect() as conn:
        logged = conn.execute(text("select count(*) from audit_log where entity = 'user'")).scalar()
    assert logged == 3


def test_roles_come_from_the_data_file():
    roles = accounts.roles()
    assert list(roles) == ["只读", "填报人", "审核人", "管理员"]
    assert roles["只读"].actions == {"view"}
    assert roles["管理员"].actions >= roles["审核人"].actions >= roles["填报人"].actions >= roles["只读"].actions


def test_api_tokens_store_only_a_digest(county):
    user = county.create_user("pusher", "long-password", "填报人", "青山镇")
    _, plain = county.create_token("pusher", "志愿服务平台")
    assert plain.startswith("tz_") and len(plain) > 40
    with county.transaction() as s:
        stored = s.scalar(select(ApiToken.token_sha256))
    assert stored == hashlib.sha256(plain.encode()).hexdigest()
    assert county.user_for_token(plain).id == user.id
    assert county.user_for_token(plain + "x") is None and county.user_for_token("") is None
    county.set_user_active(user.id, False)
    assert county.user_for_token(plain) is None


def test_demo_accounts_are_created_once(ledger):
    demo.generate(ledger, scale=0.02, seed=20250101)
    assert create_demo_accounts(ledger) == len(DEMO_ACCOUNTS)
    assert create_demo_accounts(ledger) == 0
    for username, password, role, unit in DEMO_ACCOUNTS:
        user = ledger.authenticate(username, password)
        assert user is not None and user.role == role and ledger.unit(user.unit_id).name == unit
    village = ledger.unit(ledger.user("hongfeng").unit_id)
    assert ledger.unit(village.parent_id).name == "城关镇" and DEMO_PASSWORD == "demo2025"
    sibling = ledger.unit(ledger.user("hetian").unit_id)
    assert sibling.parent_id == village.parent_id and sibling.id != village.id
