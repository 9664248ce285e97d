"""A 村 user cannot reach another village's records: not in the pages, not by a guessed URL."""

from __future__ import annotations

import re

import pytest
from browser_tools import login

TOWN, OWN, SIBLING = "城关镇", "红峰村", "荷田村"


@pytest.fixture(scope="module")
def sibling_ids(server, tmp_path_factory) -> dict[str, int]:
    """A record of the sibling village with an evidence file attached, straight through the ledger."""
    from sqlalchemy import select

    from sqlalchemy.orm import aliased

    from taizhang.ledger import Ledger
    from taizhang.ledger.models import Record, Unit

    scan = tmp_path_factory.mktemp("evidence") / "荷田村签到表.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    ledger = Ledger(str(server.db))
    try:
        with ledger.transaction() as s:
            town = aliased(Unit)
            # Village names repeat across towns: the demo logins' villages are those of 城关镇.
            in_town = select(Unit.id).join(town, Unit.parent_id == town.id).where(town.name == TOWN)
            unit_id = s.scalar(in_town.where(Unit.name == SIBLING))
            own_id = s.scalar(in_town.where(Unit.name == OWN))
            record_id = s.scalar(select(Record.id).where(Record.unit_id == unit_id).limit(1))
        evidence = ledger.attach_evidence(record_id, scan, actor="browser-test")
    finally:
        ledger.close()
    return {"unit": unit_id, "record": record_id, "own_unit": own_id, "evidence": evidence.id}


def test_village_user_sees_only_their_village(page, shots):
    login(page, "hongfeng")
    page.goto("/ledger")
    rows = page.locator("[data-record-id]")
    rows.first.wait_for()
    shots("own-ledger")
    text = page.locator("body").inner_text()
    assert SIBLING not in text
    unit_filter = page.get_by_label("单位")
    options = unit_filter.locator("option").all_inner_texts()
    assert any(OWN in o for o in options) and not any(SIBLING in o for o in options), options


def test_guessed_urls_of_a_sibling_village_answer_not_found(page, shots, sibling_ids):
    login(page, "hongfeng")
    page.goto("/ledger")
    edit = page.locator("[data-record-id]").first.get_by_role("link", name="编辑")
    own_href = edit.get_attribute("href")
    own_id = page.locator("[data-record-id]").first.get_attribute("data-record-id")
    assert own_href and own_id and own_id in own_href
    guessed = re.sub(rf"\b{own_id}\b", str(sibling_ids["record"]), own_href, count=1)

    response = page.goto(guessed)
    assert response.status == 404, (guessed, response.status)
    assert SIBLING not in page.locator("body").inner_text()
    shots("guessed-record")

    response = page.goto(f"/ledger?unit={sibling_ids['unit']}")
    body = page.locator("body").inner_text()
    assert response.status in (403, 404) or (page.locator("[data-record-id]").count() == 0
                                             and SIBLING not in body), response.status
    shots("guessed-unit-filter")

    api = page.request.get(f"/api/records/{sibling_ids['record']}")
    assert api.status in (401, 404), api.status

    response = page.request.get(f"/evidence/{sibling_ids['evidence']}")
    assert response.status == 404, response.status


def test_the_sibling_village_user_cannot_filter_to_the_other_village(page, sibling_ids):
    """The other way round: 荷田村's user asking the list for 红峰村 by URL gets nothing of it."""
    login(page, "hetian")
    response = page.goto(f"/ledger?unit={sibling_ids['own_unit']}")
    assert response.status in (403, 404) or OWN not in page.locator("body").inner_text()
