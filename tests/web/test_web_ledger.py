"""台账 pages: list + filters + htmx partial, add/edit/delete with evidence, Excel in and out."""

from __future__ import annotations

import io
import re

import openpyxl
from web_helpers import PNG, csrf, lecture


def _form(client, **fields):
    return {"csrf_token": csrf(client), **fields}


def test_list_filters_and_htmx_partial(shared_site, built):
    client = shared_site.client("town_reader")
    page = client.get("/ledger")
    for label in ("单位", "工作领域", "活动类型", "月份", "关键词"):
        assert f">{label}</label>" in page.text
    rows = re.findall(r'data-record-id="(\d+)"', page.text)
    assert sorted(map(int, rows)) == sorted(built.records[n] for n in ("城关镇", "红峰村", "荷田村"))
    only = client.get(f"/ledger?unit={built.units['红峰村']}&q=红峰")
    assert re.findall(r'data-record-id="(\d+)"', only.text) == [str(built.records["红峰村"])]
    none = client.get("/ledger?year=2025&month=7")
    assert "data-record-id" not in none.text and "没有符合条件的记录" in none.text
    partial = client.get("/ledger?area=lecture", headers={"HX-Request": "true", "HX-Target": "record-table"})
    assert partial.text.lstrip().startswith('<div id="record-table"') and "<html" not in partial.text
    assert len(re.findall(r"data-record-id", partial.text)) == 3


def test_list_is_paginated(built, tmp_path):
    from web_helpers import Site

    small = Site(built, tmp_path / "small", page_size=4)
    try:
        for n in range(7):
            small.ledger.create_record(built.units["红峰村"], lecture(f"分页{n}", day=f"2025-06-{n + 1:02d}"))
        client = small.client("town_reader")
        first = client.get("/ledger")
        assert "共 <strong id=\"record-total\">10</strong> 条，第 1/3 页" in first.text
        assert "下一页" in first.text and "上一页" not in first.text
        ids = [re.findall(r'data-record-id="(\d+)"', client.get(f"/ledger?page={p}").text) for p in (1, 2, 3)]
        assert [len(i) for i in ids] == [4, 4, 2] and len({x for page in ids for x in page}) == 10
        assert "分页6" in client.get("/ledger?page=1").text  # newest first
    finally:
        small.close()


def test_add_record_with_evidence(site, built):
    client = site.client("town_filler")
    form = client.get("/ledger/new?activity_type=theory_lecture").text
    for label in ("单位", "活动类型", "开始日期", "结束日期", "标题", "地点", "内容", "参加人员", "亮点", "佐证材料", "受众人次"):
        assert f">{label}</label>" in form
    data = _form(client, unit=str(built.units["红峰村"]), activity_type="theory_lecture", date_start="2025-04-02",
                 title="新时代文明实践宣讲", place="红峰村文化广场", **{"q.audience": "85"}, highlight="1")
    files = [("evidence", ("签到表.png", PNG, "image/png")), ("evidence", ("照片.jpg", b"\xff\xd8\xff\xe0" + b"0" * 64,
                                                                       "image/jpeg"))]
    response = client.post("/ledger/new", data=data, files=files, follow_redirects=False)
    assert response.status_code == 303
    record_id = int(response.headers["location"].split("/")[2].split("?")[0])
    record = site.ledger.record(record_id)
    assert record.unit_id == built.units["红峰村"] and record.quantities == {"audience": 85} and record.highlight
    assert record.created_by == "town_filler"
    items = site.ledger.evidence(record_id)
    assert [(e.filename, e.media_type) for e in items] == [("签到表.png", "image/png"), ("照片.jpg", "image/jpeg")]
    download = client.get(f"/evidence/{items[0].id}")
    assert download.content == PNG
    assert download.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in download.headers["content-security-policy"]
    preview = client.get(f"/evidence/{items[0].id}/preview")
    assert preview.headers["content-disposition"].startswith("inline") and preview.headers["content-type"] == "image/png"
    detail = client.get(f"/ledger/{record_id}").text
    assert "签到表.png" in detail and f"/evidence/{items[0].id}/preview" in detail


def test_evidence_type_is_sniffed_from_the_content(site, built):
    client = site.client("town_filler")
    before = site.ledger.data_version()
    data = _form(client, unit=str(built.units["城关镇"]), activity_type="theory_lecture", date_start="2025-04-02",
                 title="带脚本的佐证")
    fake = b"<html><script>alert(1)</script></html>"
    response = client.post("/ledger/new", data=data, files=[("evidence", ("photo.png", fake, "image/png"))])
    assert response.status_code == 422 and 'role="alert"' in response.text and "不是可接受的佐证材料类型" in response.text
    assert 'value="带脚本的佐证"' in response.text  # what was typed is kept
    assert site.ledger.data_version() == before  # no record without its evidence
    pdf_named_png = b"%PDF-1.4\n%%EOF\n"
    ok = client.post("/ledger/new", data=data, files=[("evidence", ("scan.png", pdf_named_png, "image/png"))],
                     follow_redirects=False)
    record_id = int(ok.headers["location"].split("/")[2].split("?")[0])
    item = site.ledger.evidence(record_id)[0]
    assert item.media_type == "application/pdf" and item.filename == "scan.png.pdf"
    assert client.get(f"/evidence/{item.id}/preview").status_code == 404  # PDFs are downloaded, not shown inline


def test_upload_size_limit(built, tmp_path):
    from web_helpers import Site

    small = Site(built, tmp_path / "small", max_upload_bytes=1024, max_files=2)
    try:
        client = small.client("town_filler")
        data = _form(client, unit=str(built.units["城关镇"]), activity_type="theory_lecture",
                     date_start="2025-04-02", title="大文件")
        before = small.ledger.data_version()
        big = PNG + b"\0" * 2000
        response = client.post("/ledger/new", data=data, files=[("evidence", ("big.png", big, "image/png"))])
        assert response.status_code == 413 and "超过" in response.text
        huge = client.post("/ledger/new", data=data, files=[("evidence", ("huge.png", b"\0" * 4 * 1024 * 1024,
                                                                          "image/png"))])
        assert huge.status_code == 413
        assert small.ledger.data_version() == before
    finally:
        small.close()


def test_validation_error_keeps_the_input(site, built):
    client = site.client("town_filler")
    data = _form(client, unit=str(built.units["城关镇"]), activity_type="theory_lecture", date_start="2025-02-30",
                 title="日期错了", place="某地", **{"q.audience": "12"})
    response = client.post("/ledger/new", data=data)
    assert response.status_code == 422 and 'role="alert"' in response.text and "开始日期" in response.text
    assert 'value="日期错了"' in response.text and 'value="某地"' in response.text and 'value="12"' in response.text


def test_titles_are_escaped(site, built):
    client = site.client("town_filler")
    data = _form(client, unit=str(built.units["城关镇"]), activity_type="theory_lecture", date_start="2025-04-02",
                 title='<script>alert("x")</script>', place='"><img src=x onerror=alert(1)>')
    response = client.post("/ledger/new", data=data)
    assert response.status_code == 200 and response.url.path.startswith("/ledger/")
    for page in (response.text, client.get("/ledger").text):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_edit_and_delete(site, built):
    client = site.client("town_filler")
    record_id = built.records["荷田村"]
    form = client.get(f"/ledger/{record_id}/edit").text
    assert 'value="荷田村理论宣讲"' in form and 'value="100"' in form
    data = _form(client, unit=str(built.units["荷田村"]), activity_type="theory_lecture", date_start="2025-03-04",
                 title="荷田村宣讲（更正）", **{"q.audience": "120"})
    assert client.post(f"/ledger/{record_id}/edit", data=data, follow_redirects=False).status_code == 303
    record = site.ledger.record(record_id)
    assert record.title == "荷田村宣讲（更正）" and record.quantities == {"audience": 120}
    assert record.updated_by == "town_filler"
    assert client.post(f"/ledger/{record_id}/delete", data=_form(client), follow_redirects=False).status_code == 303
    assert client.get(f"/ledger/{record_id}").status_code == 404
    assert site.ledger.history("record", record_id)[0].action == "delete"


def test_quantity_fields_follow_the_type(shared_site):
    client = shared_site.client("town_filler")
    fields = client.get("/ledger/fields?activity_type=volunteer_activity").text
    assert ">参与志愿者人次</label>" in fields and ">服务群众人次</label>" in fields
    assert "受众人次" not in fields


def _sheet_with(site, built, rows):
    client = site.client("town_filler")
    blank = client.get(f"/ledger/template?unit={built.units['城关镇']}&year=2025")
    assert blank.status_code == 200 and blank.headers["content-disposition"].startswith("attachment")
    wb = openpyxl.load_workbook(io.BytesIO(blank.content))
    ws = wb["宣讲"]
    headers = [c.value for c in ws[1]]
    for row in rows:
        ws.append([row.get(h) for h in headers])
    out = io.BytesIO()
    wb.save(out)
    return client, out.getvalue()


def test_import_shows_the_bad_row_and_imports_nothing(site, built):
    good = {"单位": "红峰村", "活动类型": "理论宣讲", "开始日期": "2025-05-01", "标题": "导入宣讲一", "受众人次": 30}
    bad = {"单位": "红峰村", "活动类型": "理论宣讲", "开始日期": "2025-13-45", "标题": "导入宣讲二"}
    client, content = _sheet_with(site, built, [good, bad])
    before = site.ledger.data_version()
    files = {"file": ("台账.xlsx", content, "application/octet-stream")}
    response = client.post("/ledger/import", data=_form(client, unit=str(built.units["城关镇"])), files=files)
    assert response.status_code == 422 and 'role="alert"' in response.text
    assert "工作表“宣讲”第3行“开始日期”列" in response.text
    assert site.ledger.data_version() == before
    htmx = client.post("/ledger/import", data=_form(client, unit=str(built.units["城关镇"])), files=files,
                       headers={"HX-Request": "true"})
    assert htmx.status_code == 422 and "<html" not in htmx.text and "第3行" in htmx.text

    client, content = _sheet_with(site, built, [good])
    done = client.post("/ledger/import", data=_form(client, unit=str(built.units["城关镇"])),
                       files={"file": ("台账.xlsx", content, "application/octet-stream")}, follow_redirects=False)
    assert done.status_code == 303 and "imported=1" in done.headers["location"]
    assert "导入宣讲一" in client.get("/ledger").text


def test_import_refuses_other_files_and_foreign_units(site, built):
    client = site.client("town_filler")
    response = client.post("/ledger/import", data=_form(client, unit=str(built.units["城关镇"])),
                           files={"file": ("台账.xlsx", b"not a workbook", "application/octet-stream")})
    assert response.status_code == 422 and "不是 Excel" in response.text
    row = {"单位": "桃园村", "活动类型": "理论宣讲", "开始日期": "2025-05-01", "标题": "别处的"}
    client, content = _sheet_with(site, built, [row])
    response = client.post("/ledger/import", data=_form(client, unit=str(built.units["城关镇"])),
                           files={"file": ("台账.xlsx", content, "application/octet-stream")})
    assert response.status_code in (404, 422) and "桃园村" in response.text
    assert "别处的" not in client.get("/ledger").text


def test_export_holds_the_subtree_records(shared_site, built):
    client = shared_site.client("town_reader")
    response = client.get("/ledger/export?year=2025")
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    titles = {row[4] for row in wb["宣讲"].iter_rows(min_row=2, values_only=True)}
    assert titles == {"城关镇理论宣讲", "红峰村理论宣讲", "荷田村理论宣讲"}


def test_delete_without_javascript_asks_first(site, built):
    client = site.client("town_filler")
    record_id = built.records["城关镇"]
    row = client.get("/ledger").text
    assert f'href="/ledger/{record_id}/delete"' in row and f'hx-post="/ledger/{record_id}/delete"' in row
    confirm = client.get(f"/ledger/{record_id}/delete")
    assert confirm.status_code == 200 and "确定删除“城关镇理论宣讲”" in confirm.text
    assert site.ledger.record(record_id).id == record_id  # asking deletes nothing
    token = csrf(client)
    assert client.post(f"/ledger/{record_id}/delete", data={"csrf_token": token},
                       follow_redirects=False).status_code == 303
    assert "城关镇理论宣讲" not in client.get("/ledger").text  # the cached table followed the write
