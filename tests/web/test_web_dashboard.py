"""工作台 and 目标: figures per work area against targets, trend, ranking, missing, latest changes."""

from __future__ import annotations

import json
import re

from web_helpers import csrf, lecture


def figure(page: str, indicator: str) -> str:
    found = re.search(rf'data-indicator="{re.escape(indicator)}"[^>]*>([^<]*)<', page)
    assert found, f"no figure {indicator}"
    return found.group(1)


def test_dashboard_figures_follow_the_ledger(site, built):
    client = site.client("town_filler")
    page = client.get("/?year=2025").text
    assert 'for="f-year">年度' in page and 'for="f-unit">单位' in page and 'id="trend-chart"' in page
    assert figure(page, "theory_lecture.count") == "3" and figure(page, "records") == "3"
    assert figure(page, "theory_lecture.audience") == "300"
    assert len(re.findall(r'data-indicator="theory_lecture.count"', page)) == 1  # one element per figure
    site.ledger.create_record(built.units["红峰村"], lecture("又一场", day="2025-03-20", audience=50))
    page = client.get("/?year=2025").text
    assert figure(page, "theory_lecture.count") == "4" and figure(page, "theory_lecture.audience") == "350"
    trend = json.loads(re.search(r'id="trend-data">(.*?)</script>', page, re.S).group(1))
    assert trend["records"][2] == 4 and sum(trend["records"]) == 4
    assert "又一场" in page  # latest changes


def test_targets_and_progress(shared_site, built):
    client = shared_site.client("town_reader")
    page = client.get(f"/?unit={built.units['城关镇']}&year=2025").text
    assert "至少10" in page and "30%" in page  # 3 of 10 lectures
    lagging = page[page.index('id="lagging"'):]
    assert "理论宣讲：已完成 3，按进度应达 10" in lagging  # 2025 is over: the whole target was due
    targets = client.get("/targets?year=2025").text
    assert figure(targets, "theory_lecture.count") == "3" and "设定目标" not in targets  # 只读 cannot set


def test_ranking_and_missing_areas_for_a_county(site, built):
    site.ledger.create_record(built.units["红峰村"], lecture("冬季宣讲", day="2025-11-05"))  # 2025 Q4
    client = site.client("admin")
    page = client.get("/?year=2025").text
    ranking = page[page.index('id="ranking"'):]
    assert ranking.index("城关镇") < ranking.index("青山镇")  # 4 records against 2
    missing = page[page.index('id="missing"'):page.index("</ul>", page.index('id="missing"'))]
    assert "工作领域：理论武装" in missing and "工作领域：宣讲" not in missing
    assert "2025年第4季度" in page and "单位：青山镇" in missing and "单位：城关镇" not in missing


def test_reviewer_sets_a_target(site, built):
    client = site.client("town_reviewer")
    page = client.get("/targets?year=2025").text
    assert "设定目标" in page
    response = client.post("/targets", data={"csrf_token": csrf(client), "unit": str(built.units["城关镇"]),
                                             "year": "2025", "indicator": "theory_lecture.audience", "value": "500",
                                             "bound": "力争"}, follow_redirects=False)
    assert response.status_code == 303
    page = client.get("/targets?year=2025").text
    assert "力争500" in page and "60%" in page
    # indicators named for people, not by their codes
    assert "<td>理论宣讲 · 受众人次</td>" in page and "<td>theory_lecture" not in page
    assert '<option value="theory_lecture.count">理论宣讲（场次）</option>' in page
    bad = client.post("/targets", data={"csrf_token": csrf(client), "unit": str(built.units["城关镇"]),
                                        "year": "2025", "indicator": "no_such.count", "value": "5"})
    assert bad.status_code == 422 and "未知的指标" in bad.text
