"""JSON API: token auth, records CRUD, units, figures, targets, OpenAPI, JSON errors."""

from __future__ import annotations


def auth(built, username):
    return {"Authorization": f"Bearer {built.tokens[username]}"}


def test_api_needs_a_token(shared_site, built):
    client = shared_site.client()
    for headers in ({}, {"Authorization": "Bearer tz_wrong"}, {"Authorization": "Basic abc"}):
        response = client.get("/api/records", headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert response.json()["error"] == "NotAuthenticated" and "令牌" in response.json()["message"]
    logged_in = shared_site.client("town_reader")  # a session cookie is not an API credential
    assert logged_in.get("/api/records").status_code == 401


def test_push_and_pull_records(site, built):
    client = site.client()
    headers = auth(built, "town_filler")
    body = {"unit": "红峰村", "activity_type": "志愿服务活动", "date_start": "2025-06-01", "title": "平台推送的志愿服务",
            "quantities": {"参与志愿者人次": 12, "served": 80}}
    created = client.post("/api/records", json=body, headers=headers)
    assert created.status_code == 201
    record = created.json()
    assert record["unit"] == "红峰村" and record["activity_type"] == "volunteer_activity"
    assert record["quantities"] == {"volunteers": 12, "served": 80}
    listing = client.get("/api/records?type=volunteer_activity&year=2025", headers=headers).json()
    assert listing["total"] == 1 and listing["records"][0]["id"] == record["id"]
    patched = client.patch(f"/api/records/{record['id']}", json={"title": "改名"}, headers=headers).json()
    assert patched["title"] == "改名" and patched["quantities"] == record["quantities"]
    figures = client.get("/api/figures?year=2025", headers=headers).json()
    values = {f["indicator"]: f["value"] for f in figures["figures"]}
    assert values["volunteer_activity.served"] == 80 and values["theory_lecture.count"] == 3
    assert client.delete(f"/api/records/{record['id']}", headers=headers).status_code == 204
    assert client.get(f"/api/records/{record['id']}", headers=headers).status_code == 404


def test_api_errors_are_json_in_chinese(shared_site, built):
    client = shared_site.client()
    headers = auth(built, "town_filler")
    bad = client.post("/api/records", json={"unit": "红峰村", "activity_type": "没有这种", "date_start": "2025-06-01",
                                            "title": "x"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["message"] == "未知的活动类型：“没有这种”"
    missing = client.post("/api/records", json={"unit": "红峰村"}, headers=headers)
    assert missing.status_code == 422 and "缺少" in missing.json()["message"]
    reader = client.post("/api/records", json={"unit": "城关镇", "activity_type": "theory_lecture",
                                               "date_start": "2025-06-01", "title": "x"},
                         headers=auth(built, "town_reader"))
    assert reader.status_code == 403 and "无权" in reader.json()["message"]


def test_units_and_targets(shared_site, built):
    client = shared_site.client()
    units = client.get("/api/units", headers=auth(built, "town_reader")).json()
    assert [u["name"] for u in units] == ["城关镇", "红峰村", "荷田村"]
    targets = client.get("/api/targets?year=2025", headers=auth(built, "town_reader")).json()
    assert targets[0]["indicator"] == "theory_lecture.count" and targets[0]["actual"] == 3
    assert targets[0]["target"] == 10


def test_openapi_schema_lists_the_api_only(shared_site):
    schema = shared_site.client().get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/records", "/api/records/{record_id}", "/api/units", "/api/figures", "/api/targets"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)
    assert set(schema["paths"]["/api/records/{record_id}"]) == {"get", "patch", "delete"}
    assert shared_site.client().get("/docs").status_code == 404  # no CDN-loading docs page


def test_oversized_api_request_is_refused_as_json(built, tmp_path):
    from web_helpers import Site

    small = Site(built, tmp_path / "small", max_upload_bytes=1024, max_files=1)
    try:
        response = small.client().post("/api/records", content=b"x" * (2 * 1024 * 1024 + 10),
                                        headers={**auth(built, "town_filler"), "Content-Type": "application/json"})
        assert response.status_code == 413 and "未保存" in response.json()["message"]
    finally:
        small.close()
