"""The full permission matrix: role × page/API action × where the object lies relative to the
account's unit (own, subordinate, sibling, parent, another county, a guessed id) → allow or deny.

Accounts sit at 城关镇. Deny is 403 when the role lacks the action, else 404 outside the
subtree (existence is not revealed: a sibling's record answers like a missing one).
"""

from __future__ import annotations

import pytest
from web_helpers import RELATION_UNIT, ROLE_USERS, ROLES, Site, csrf, lecture

from taizhang.ledger import accounts

RELATIONS = ("own", "subordinate", "sibling", "parent", "foreign", "guessed")
GUESS = 999_999
# The account of each relation, for the account actions (own: another account at 城关镇).
RELATION_USER = {"own": "town_reader", "subordinate": "hongfeng", "sibling": "qingshan", "parent": "admin",
                 "foreign": "outsider"}


def unit_id(built, relation):
    return GUESS if relation == "guessed" else built.units[RELATION_UNIT[relation]]


def obj_id(mapping, relation):
    return GUESS if relation == "guessed" else mapping[RELATION_UNIT[relation]]


def user_id(built, relation):
    return GUESS if relation == "guessed" else built.users[RELATION_USER[relation]]


def api(client, built, role, method, path, **kw):
    token = built.tokens[ROLE_USERS[role]]
    return client.request(method, path, headers={"Authorization": f"Bearer {token}"}, **kw)


def post(client, path, data=None, files=None):
    return client.post(path, data={"csrf_token": csrf(client), **(data or {})}, files=files, follow_redirects=False)


# action name → (role action needed, status when allowed, call(client, built, role, relation))
READS = {
    "page:record": lambda c, b, r, rel: c.get(f"/ledger/{obj_id(b.records, rel)}"),
    "page:evidence": lambda c, b, r, rel: c.get(f"/evidence/{obj_id(b.evidence, rel)}"),
    "page:evidence-preview": lambda c, b, r, rel: c.get(f"/evidence/{obj_id(b.evidence, rel)}/preview"),
    "page:dashboard-unit": lambda c, b, r, rel: c.get(f"/?unit={unit_id(b, rel)}&year=2025"),
    "page:ledger-unit": lambda c, b, r, rel: c.get(f"/ledger?unit={unit_id(b, rel)}"),
    "page:targets-unit": lambda c, b, r, rel: c.get(f"/targets?unit={unit_id(b, rel)}&year=2025"),
    "page:report-unit": lambda c, b, r, rel: c.get(f"/report?unit={unit_id(b, rel)}&year=2025"),
    "page:report-docx": lambda c, b, r, rel: c.get(f"/report/docx?unit={unit_id(b, rel)}&year=2025"),
    "page:export-unit": lambda c, b, r, rel: c.get(f"/ledger/export?unit={unit_id(b, rel)}&year=2025"),
    "api:record": lambda c, b, r, rel: api(c, b, r, "GET", f"/api/records/{obj_id(b.records, rel)}"),
    "api:records-unit": lambda c, b, r, rel: api(c, b, r, "GET", f"/api/records?unit={unit_id(b, rel)}"),
    "api:figures-unit": lambda c, b, r, rel: api(c, b, r, "GET", f"/api/figures?unit={unit_id(b, rel)}&year=2025"),
    "api:targets-unit": lambda c, b, r, rel: api(c, b, r, "GET", f"/api/targets?unit={unit_id(b, rel)}&year=2025"),
}
WRITES = {
    "page:edit-form": ("record.edit", 200, lambda c, b, r, rel: c.get(f"/ledger/{obj_id(b.records, rel)}/edit")),
    "page:edit": ("record.edit", 303, lambda c, b, r, rel: post(
        c, f"/ledger/{obj_id(b.records, rel)}/edit", {**lecture("改过的标题"), "unit": str(b.units["城关镇"])})),
    "page:delete": ("record.edit", 303, lambda c, b, r, rel: post(c, f"/ledger/{obj_id(b.records, rel)}/delete")),
    "page:create-in": ("record.edit", 303, lambda c, b, r, rel: post(
        c, "/ledger/new", {**lecture("新记录"), "unit": str(unit_id(b, rel))})),
    "page:evidence-delete": ("record.edit", 303, lambda c, b, r, rel: post(
        c, f"/evidence/{obj_id(b.evidence, rel)}/delete")),
    "api:patch": ("record.edit", 200, lambda c, b, r, rel: api(
        c, b, r, "PATCH", f"/api/records/{obj_id(b.records, rel)}", json={"title": "接口改标题"})),
    "api:delete": ("record.edit", 204, lambda c, b, r, rel: api(c, b, r, "DELETE",
                                                               f"/api/records/{obj_id(b.records, rel)}")),
    "api:create-in": ("record.edit", 201, lambda c, b, r, rel: api(
        c, b, r, "POST", "/api/records", json={"unit": unit_id(b, rel), "activity_type": "theory_lecture",
                                              "date_start": "2025-05-06", "title": "接口推送"})),
    "page:target-delete": ("target.edit", 303, lambda c, b, r, rel: post(
        c, f"/targets/{obj_id(b.targets, rel)}/delete")),
    "page:target-set": ("target.edit", 303, lambda c, b, r, rel: post(
        c, "/targets", {"unit": str(unit_id(b, rel)), "year": "2025", "indicator": "theory_lecture.count",
                        "value": "5", "bound": "至少"})),
    "page:account-toggle": ("admin", 303, lambda c, b, r, rel: post(
        c, f"/admin/users/{user_id(b, rel)}/active", {"active": "0"})),
    "page:account-create-in": ("admin", 303, lambda c, b, r, rel: post(
        c, "/admin/users", {"username": f"new_{rel}", "password": "password-123", "role": "只读",
                            "unit": str(unit_id(b, rel))})),
    "page:unit-create-under": ("admin", 303, lambda c, b, r, rel: post(
        c, "/admin/units", {"name": "新村", "level": "村社区", "parent": str(unit_id(b, rel))})),
}
INSIDE = ("own", "subordinate")
READ_OK = {"page:evidence": 200, "page:evidence-preview": 200}


@pytest.fixture(scope="module")
def clients(shared_site):
    return {role: shared_site.client(ROLE_USERS[role]) for role in ROLES}


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("action", sorted(READS))
@pytest.mark.parametrize("role", ROLES)
def test_reads(clients, shared_site, role, action, relation):
    response = READS[action](clients[role], shared_site.built, role, relation)
    if relation in INSIDE:
        assert response.status_code == 200, response.text[:300]
    else:
        assert response.status_code == 404, response.text[:300]
        for name in ("青山镇理论宣讲", "示例县理论宣讲", "外县理论宣讲"):
            assert name not in response.text


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("action", sorted(WRITES))
@pytest.mark.parametrize("role", ROLES)
def test_writes(clients, shared_site, built, tmp_path, role, action, relation):
    need, ok_status, call = WRITES[action]
    allowed = need in accounts.role(role).actions
    if allowed and relation in INSIDE:
        fresh = Site(built, tmp_path / "fresh")  # a write that succeeds must not disturb the shared copy
        try:
            response = call(fresh.client(ROLE_USERS[role]), built, role, relation)
            assert response.status_code == ok_status, response.text[:300]
        finally:
            fresh.close()
        return
    before = shared_site.ledger.data_version()
    response = call(clients[role], built, role, relation)
    assert response.status_code == (403 if not allowed else 404), response.text[:300]
    assert shared_site.ledger.data_version() == before  # nothing was written


@pytest.mark.parametrize("role", ROLES)
def test_audit_log_needs_the_reviewer_role(clients, role):
    response = clients[role].get("/audit")
    assert response.status_code == (200 if "audit.view" in accounts.role(role).actions else 403)


@pytest.mark.parametrize("role", ROLES)
def test_admin_page_needs_the_admin_role(clients, role):
    response = clients[role].get("/admin")
    assert response.status_code == (200 if role == "管理员" else 403)
    if role == "管理员":  # its own subtree only
        assert "红峰村" in response.text and "青山镇" not in response.text and "外县" not in response.text


def test_village_user_sees_only_the_village(shared_site, built):
    client = shared_site.client("hongfeng")
    page = client.get("/ledger")
    assert "红峰村理论宣讲" in page.text
    for other in ("荷田村理论宣讲", "城关镇理论宣讲", "示例县理论宣讲"):
        assert other not in page.text
    assert client.get(f"/ledger/{built.records['荷田村']}").status_code == 404
    assert client.get(f"/ledger/{built.records['城关镇']}").status_code == 404
    assert client.get(f"/?unit={built.units['荷田村']}").status_code == 404
    units = [u["name"] for u in client.get("/api/units", headers={
        "Authorization": f"Bearer {built.tokens['hongfeng']}"}).json()]
    assert units == ["红峰村"]


def test_nav_shows_only_what_the_role_may_open(clients):
    reader = clients["只读"].get("/").text
    admin = clients["管理员"].get("/").text
    assert 'href="/admin"' not in reader and 'href="/audit"' not in reader and "新增记录" not in reader
    assert 'href="/admin"' in admin and 'href="/audit"' in admin
    assert "新增记录" not in clients["只读"].get("/ledger").text
    assert "新增记录" in clients["填报人"].get("/ledger").text


def test_deactivated_account_loses_its_session_and_token(site, built):
    client = site.client("town_filler")
    assert client.get("/ledger").status_code == 200
    site.ledger.set_user_active(built.users["town_filler"], False)
    assert client.get("/ledger", follow_redirects=False).status_code == 303
    token = built.tokens["town_filler"]
    assert client.get("/api/units", headers={"Authorization": f"Bearer {token}"}).status_code == 401
