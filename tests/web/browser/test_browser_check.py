"""材料体检 in a real browser: seed 001's placeholders and ad residue highlighted; markup shown as text."""

from __future__ import annotations

from browser_tools import login, seed_001


def upload_for_check(page, name: str, data: bytes) -> None:
    page.goto("/check")
    page.get_by_label("上传材料").set_input_files({"name": name, "mimeType": "text/plain", "buffer": data})
    page.get_by_role("button", name="体检").click()


def test_seed_001_findings_are_highlighted_and_filterable(page, shots, tmp_path):
    login(page, "hongfeng")
    seed = seed_001()
    upload_for_check(page, seed.name, seed.read_bytes())
    marks = page.locator("mark.finding")
    marks.first.wait_for()
    shots("findings")

    placeholders = page.locator('mark.finding[data-family="placeholder"]')
    ads = page.locator('mark.finding[data-family="noise"]')
    assert placeholders.count() >= 5
    assert any("XX" in text for text in placeholders.all_inner_texts())
    assert ads.count() >= 1
    assert any("文库" in text for text in ads.all_inner_texts()), ads.all_inner_texts()
    placeholders.first.scroll_into_view_if_needed()
    shots("placeholder")

    # Filtering by family: the list keeps only that family, the other marks in the text are dimmed.
    page.get_by_label("问题类别").select_option("noise")
    listed = page.locator("#findings li[data-family]")
    shown = [li.get_attribute("data-family") for li in listed.all() if li.is_visible()]
    assert shown and set(shown) == {"noise"}, shown
    assert placeholders.first.evaluate("m => m.classList.contains('off')")
    assert not ads.first.evaluate("m => m.classList.contains('off')")
    shots("filtered-noise")

    with page.expect_download() as info:
        page.get_by_role("link", name="下载修正稿").click()
    fixed = tmp_path / "fixed.txt"
    info.value.save_as(fixed)
    text = fixed.read_text(encoding="utf-8", errors="replace")
    assert "文库" not in text, "修正稿应删去素材站广告"
    assert "XX" in text, "占位符不应被自动改动"


def test_document_markup_is_shown_as_text_never_run(page, shots):
    login(page, "hongfeng")
    body = "2025年XX村工作总结\n<script>window.__ran = 1</script><img src=x onerror=\"window.__ran = 2\">\n"
    upload_for_check(page, "markup.txt", body.encode("utf-8"))
    page.get_by_text("<script>window.__ran = 1</script>", exact=False).first.wait_for()
    assert page.evaluate("window.__ran") is None
    shots("escaped")
