"""台账 in a real browser: add (and delete) a record with evidence, Excel import with a bad row then a good one."""

from __future__ import annotations

import uuid

from browser_tools import DEMO_YEAR, figure, login
from openpyxl import Workbook, load_workbook

VILLAGE_USER = "hongfeng"  # 填报人 of 红峰村
VILLAGE = "红峰村"
LECTURE_COUNT = "theory_lecture.count"
LECTURE_SHEET = "宣讲"
CHART_ANIMATION_MS = 1500  # ECharts grows its bars in; screenshots should show them grown


def open_workbench(page, year: int = DEMO_YEAR) -> None:
    """The 工作台 for `year`, chosen with the 年度 select (the form submits itself on change)."""
    page.goto("/")
    page.get_by_label("年度").select_option(str(year))
    page.wait_for_url(f"**year={year}**")
    page.locator("#trend-chart canvas").wait_for()  # the month trend is drawn by ECharts
    page.wait_for_timeout(CHART_ANIMATION_MS)


def filter_ledger(page, keyword: str) -> None:
    """Filter the 台账 list by keyword through the form (an htmx partial update of the table)."""
    page.goto("/ledger")
    page.get_by_label("关键词").fill(keyword)
    with page.expect_response(lambda r: "/ledger" in r.url and "q=" in r.url):
        page.get_by_label("关键词").press("Enter")
    page.wait_for_load_state("networkidle")


def record_rows(page):
    return page.locator("[data-record-id]")


def test_add_record_with_evidence_changes_the_workbench(page, shots, tmp_path):
    login(page, VILLAGE_USER)
    open_workbench(page)
    before = figure(page, LECTURE_COUNT)
    shots("workbench-before")

    title = f"浏览器测试宣讲{uuid.uuid4().hex[:6]}"
    page.goto("/ledger")
    page.get_by_role("link", name="新增记录").or_(page.get_by_role("button", name="新增记录")).first.click()
    page.get_by_label("单位").select_option(label=VILLAGE)
    page.get_by_label("活动类型").select_option(label="理论宣讲")
    page.get_by_label("受众人次").fill("86")  # appears for the chosen type
    page.get_by_label("开始日期").fill(f"{DEMO_YEAR}-06-10")
    page.get_by_label("结束日期").fill(f"{DEMO_YEAR}-06-10")
    page.get_by_label("标题").fill(title)
    page.get_by_label("地点").fill("红峰村新时代文明实践站")
    page.get_by_label("内容").fill("宣讲党的创新理论，结合村情讲政策。")
    page.get_by_label("参加人员").fill("村“两委”班子成员及党员群众")
    evidence = page.screenshot()  # a real PNG: the upload is type-sniffed
    page.get_by_label("佐证材料").set_input_files(
        {"name": "签到表.png", "mimeType": "image/png", "buffer": evidence})
    shots("form-filled")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(lambda url: "/ledger/new" not in url)
    assert page.get_by_role("alert").count() == 0
    shots("saved")

    filter_ledger(page, title)
    rows = record_rows(page)
    assert rows.count() == 1
    assert title in rows.first.inner_text()
    assert "受众人次86" in rows.first.inner_text().replace(" ", "")
    shots("listed")

    # The evidence comes back byte for byte, as an attachment.
    rows.first.get_by_role("link", name="编辑").click()
    page.wait_for_load_state("networkidle")
    link = page.locator('a[href*="/evidence/"]').first
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "evidence.png"
    info.value.save_as(saved)
    assert saved.read_bytes() == evidence
    shots("evidence")

    open_workbench(page)
    assert figure(page, LECTURE_COUNT) == before + 1
    shots("workbench-after")

    # 删除 asks first (a confirm dialog), then the row goes and the figure is back where it was.
    filter_ledger(page, title)
    page.once("dialog", lambda dialog: dialog.accept())
    record_rows(page).first.get_by_role("link", name="删除").or_(
        record_rows(page).first.get_by_role("button", name="删除")).first.click()
    record_rows(page).filter(has_text=title).wait_for(state="detached")
    shots("deleted")
    open_workbench(page)
    assert figure(page, LECTURE_COUNT) == before


def _filled_template(template, rows: list[dict]) -> Workbook:
    wb = load_workbook(template)
    ws = wb[LECTURE_SHEET]
    headers = [c.value for c in ws[1]]
    for values in rows:
        ws.append([values.get(h) for h in headers])
    return wb


def _lecture_row(title: str, kind: str = "理论宣讲") -> dict:
    return {"单位": VILLAGE, "活动类型": kind, "开始日期": f"{DEMO_YEAR}-09-03",
            "结束日期": None, "标题": title, "地点": "村委会", "内容摘要": "导入测试", "参加人员": "党员群众",
            "亮点": "否", "受众人次": 40}


def test_excel_import_shows_the_bad_row_and_imports_nothing_then_imports_a_good_file(page, shots, tmp_path):
    login(page, VILLAGE_USER)
    page.goto("/ledger")
    assert page.get_by_role("link", name="导出Excel").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="空白模板").click()
    template = tmp_path / "template.xlsx"
    info.value.save_as(template)
    shots("page")

    tag = uuid.uuid4().hex[:6]
    good, bad = f"导入好行{tag}", f"导入坏行{tag}"
    bad_book = _filled_template(template, [_lecture_row(good), _lecture_row(bad, kind="不存在的活动")])
    bad_path = tmp_path / "bad.xlsx"
    bad_book.save(bad_path)

    page.get_by_label("导入Excel").set_input_files(str(bad_path))
    page.get_by_role("button", name="导入", exact=True).click()
    alert = page.get_by_role("alert").filter(has_text="第3行")
    alert.wait_for()
    message = alert.inner_text()
    assert LECTURE_SHEET in message and "活动类型" in message, message
    shots("bad-row")
    filter_ledger(page, tag)
    assert record_rows(page).count() == 0, "有错的表不应导入任何一行"

    good_book = _filled_template(template, [_lecture_row(good), _lecture_row(f"导入第二行{tag}")])
    good_path = tmp_path / "good.xlsx"
    good_book.save(good_path)
    page.goto("/ledger")
    page.get_by_label("导入Excel").set_input_files(str(good_path))
    page.get_by_role("button", name="导入", exact=True).click()
    page.get_by_role("status").filter(has_text="已导入 2 条记录").wait_for()
    assert page.get_by_text("第3行").count() == 0
    shots("good-file")
    filter_ledger(page, tag)
    assert record_rows(page).count() == 2
    shots("imported")
