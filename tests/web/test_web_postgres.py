"""The main pages and the API on PostgreSQL (a fresh schema; fails instead of skipping under CI=true)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from web_helpers import PASSWORD, csrf, lecture, login

from taizhang.web import WebConfig, create_app


def _ledger_fixtures():
    """tests/ledger/conftest.py (its DbTarget pattern), loaded by path: every test dir has a `conftest`."""
    path = Path(__file__).resolve().parents[1] / "ledger" / "conftest.py"
    spec = importlib.util.spec_from_file_location("ledger_test_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_LEDGER = _ledger_fixtures()
DbTarget, require_pg = _LEDGER.DbTarget, _LEDGER.require_pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_app(tmp_path):
    require_pg()
    target = DbTarget("postgres", tmp_path)
    ledger = target.ledger()
    county = ledger.add_unit("示例县", "县区")
    town = ledger.add_unit("城关镇", "乡镇街道", county.id)
    village = ledger.add_unit("红峰村", "村社区", town.id)
    sibling = ledger.add_unit("青山镇", "乡镇街道", county.id)
    ledger.create_record(village.id, lecture("红峰村理论宣讲"))
    other = ledger.create_record(sibling.id, lecture("青山镇理论宣讲"))
    ledger.set_target(town.id, 2025, "theory_lecture.count", 4)
    ledger.create_user("town_filler", PASSWORD, "填报人", town.id)
    _, token = ledger.create_token("town_filler")
    app = create_app(ledger, WebConfig(secret_key="pg-test-secret-0123456789", work_dir=tmp_path / "work"))
    yield app, {"town": town.id, "village": village.id, "other": other.id, "token": token}, ledger
    target.close()


def test_main_pages_on_postgres(pg_app):
    from fastapi.testclient import TestClient

    app, ids, ledger = pg_app
    client = TestClient(app)
    login(client, "town_filler")
    board = client.get("/?year=2025").text
    assert re.search(r'data-indicator="theory_lecture.count"[^>]*>1<', board)
    listing = client.get("/ledger?year=2025").text
    assert "红峰村理论宣讲" in listing and "青山镇理论宣讲" not in listing
    assert client.get(f"/ledger/{ids['other']}").status_code == 404
    response = client.post("/ledger/new", data={"csrf_token": csrf(client), "unit": str(ids["village"]),
                                                "activity_type": "theory_lecture", "date_start": "2025-04-01",
                                                "title": "新宣讲", "q.audience": "40"}, follow_redirects=False)
    assert response.status_code == 303
    assert re.search(r'data-indicator="theory_lecture.count"[^>]*>2<', client.get("/?year=2025").text)
    assert "50%" in client.get("/targets?year=2025").text
    assert client.get(f"/report?unit={ids['town']}&year=2025").status_code == 200
    api = client.get("/api/records?year=2025", headers={"Authorization": f"Bearer {ids['token']}"}).json()
    assert api["total"] == 2 and {r["title"] for r in api["records"]} == {"红峰村理论宣讲", "新宣讲"}
