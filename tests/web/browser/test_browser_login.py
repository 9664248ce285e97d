"""登录 / 退出 in a real browser."""

from __future__ import annotations

from browser_tools import DEMO_PASSWORD, login

NAV_LINKS = ("工作台", "台账", "目标", "生成总结", "材料体检")


def test_wrong_password_then_login_then_logout(page, shots):
    page.goto("/login")
    shots("form")
    page.get_by_label("用户名").fill("chengguan")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert alert.inner_text().strip(), "登录失败应显示原因"
    assert "/login" in page.url
    shots("wrong-password")

    login(page, "chengguan", DEMO_PASSWORD)
    nav = page.get_by_role("navigation")
    for name in NAV_LINKS:
        assert nav.get_by_role("link", name=name, exact=True).is_visible(), name
    # A 填报人 of a township administers nothing: no 单位与账号 link for them.
    assert nav.get_by_role("link", name="单位与账号").count() == 0
    assert "城关镇" in page.content()
    shots("workbench")

    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/login**")
    page.goto("/")
    assert "/login" in page.url, "退出后不应还能打开工作台"
    shots("logged-out")


def test_login_returns_to_the_page_asked_for(page):
    page.goto("/targets")
    assert "/login" in page.url
    page.get_by_label("用户名").fill("readonly")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/targets**")


def test_administrator_sees_admin_and_audit_links(page):
    login(page, "admin")
    nav = page.get_by_role("navigation")
    assert nav.get_by_role("link", name="单位与账号").is_visible()
    assert nav.get_by_role("link", name="操作日志").is_visible()
