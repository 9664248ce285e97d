"""单位与账号 (/admin) and 操作日志 (/audit)."""

from __future__ import annotations

import re

from web_helpers import PASSWORD, csrf, login

from taizhang.ledger.browse import AuditFilter


def test_admin_creates_unit_account_and_token(site, built):
    client = site.client("town_admin")
    page = client.get("/admin").text
    assert "红峰村" in page and "town_reader" in page and "outsider" not in page
    assert "<option selected>村社区</option>" in page  # a township adds villages first
    response = client.post("/admin/units", data={"csrf_token": csrf(client), "name": "新丰村", "level": "村社区",
                                                 "parent": str(built.units["城关镇"])}, follow_redirects=False)
    assert response.status_code == 303
    new_unit = site.ledger.unit("新丰村")
    assert new_unit.parent_id == built.units["城关镇"]
    response = client.post("/admin/users", data={"csrf_token": csrf(client), "username": "xinfeng",
                                                 "password": "password-123", "role": "填报人",
                                                 "unit": str(new_unit.id)}, follow_redirects=False)
    assert response.status_code == 303
    new_user = login(site.client(), "xinfeng", "password-123")
    assert new_user.status_code == 303
    assert "新丰村" in client.get("/admin").text  # the subtree cache followed the new unit
    user_id = site.ledger.user("xinfeng").id
    page = client.post("/admin/tokens", data={"csrf_token": csrf(client), "user": str(user_id), "name": "平台"})
    token = re.search(r'id="new-token">([^<]+)<', page.text).group(1)
    units = site.client().get("/api/units", headers={"Authorization": f"Bearer {token}"}).json()
    assert [u["name"] for u in units] == ["新丰村"]
    assert site.ledger.history("user", user_id)[0].after.get("password_hash") is None  # never in the log


def test_admin_form_errors_are_chinese(site, built):
    client = site.client("town_admin")
    taken = client.post("/admin/users", data={"csrf_token": csrf(client), "username": "town_reader",
                                              "password": "password-123", "role": "只读",
                                              "unit": str(built.units["城关镇"])})
    assert taken.status_code == 422 and "已被使用" in taken.text
    short = client.post("/admin/users", data={"csrf_token": csrf(client), "username": "abc", "password": "123",
                                              "role": "只读", "unit": str(built.units["城关镇"])})
    assert short.status_code == 422 and "密码至少8位" in short.text
    role = client.post("/admin/users", data={"csrf_token": csrf(client), "username": "abcd",
                                             "password": "password-123", "role": "超级用户",
                                             "unit": str(built.units["城关镇"])})
    assert role.status_code == 422 and "角色" in role.text


def test_admin_deactivates_an_account(site, built):
    client = site.client("town_admin")
    response = client.post(f"/admin/users/{built.users['hongfeng']}/active",
                           data={"csrf_token": csrf(client), "active": "0"}, follow_redirects=False)
    assert response.status_code == 303
    failed = site.client().post("/login", data={"username": "hongfeng", "password": PASSWORD,
                                                "csrf_token": csrf(site.client("town_reader"))})
    assert failed.status_code in (401, 403)


def test_audit_log_is_scoped_and_filterable(site, built):
    filler = site.client("town_filler")
    data = {"csrf_token": csrf(filler)}
    filler.post(f"/ledger/{built.records['红峰村']}/delete", data=data)
    site.ledger.delete_record(built.records["青山镇"], actor="someone")  # a sibling's change
    reviewer = site.client("town_reviewer")
    page = reviewer.get("/audit").text
    assert "红峰村理论宣讲" in page and "青山镇理论宣讲" not in page and "外县理论宣讲" not in page
    deletes = reviewer.get("/audit?action=delete&entity=record").text
    rows = re.findall(r'data-audit-id="(\d+)"', deletes)
    assert len(rows) == 1 and "town_filler" in deletes
    assert 'data-audit-id' not in reviewer.get("/audit?who=nobody").text
    county = site.ledger.audit_entries(None, AuditFilter(action="delete"))
    assert {e.entry.entity_id for e in county} >= {built.records["红峰村"], built.records["青山镇"]}
    admin = site.client("admin").get("/audit?action=delete").text
    assert "青山镇理论宣讲" in admin and "红峰村理论宣讲" in admin
    assert reviewer.get("/audit?since=2025-99-01").status_code == 422
