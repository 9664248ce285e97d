"""登录/退出, sessions, CSRF, login rate limiting, cookie flags and security headers."""

from __future__ import annotations

from web_helpers import PASSWORD, Site, csrf, csrf_of, login


def test_pages_redirect_to_login_and_back(site):
    client = site.client()
    response = client.get("/ledger?year=2025", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/ledger%3Fyear%3D2025"
    page = client.get(response.headers["location"])
    assert 'for="username">用户名' in page.text and 'for="password">密码' in page.text and ">登录<" in page.text
    token = csrf_of(client)
    done = client.post("/login", data={"username": "town_filler", "password": PASSWORD, "csrf_token": token,
                                       "next": "/ledger?year=2025"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/ledger?year=2025"
    assert client.get("/ledger").status_code == 200


def test_failed_login_shows_an_alert(site):
    client = site.client()
    response = client.post("/login", data={"username": "town_filler", "password": "wrong-pass",
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 401
    assert 'role="alert"' in response.text and "用户名或密码不正确" in response.text
    assert client.get("/", follow_redirects=False).status_code == 303  # still logged out


def test_next_cannot_leave_the_site(site):
    client = site.client()
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post("/login", data={"username": "town_filler", "password": PASSWORD,
                                               "csrf_token": csrf_of(client), "next": target},
                               follow_redirects=False)
        assert response.headers["location"] == "/"


def test_login_is_rate_limited_per_username_and_address(site):
    client = site.client()
    for _ in range(5):
        assert client.post("/login", data={"username": "town_admin", "password": "bad-password",
                                           "csrf_token": csrf_of(client)}).status_code == 401
    blocked = client.post("/login", data={"username": "town_admin", "password": PASSWORD,
                                          "csrf_token": csrf_of(client)}, follow_redirects=False)
    assert blocked.status_code == 429  # even the right password waits
    assert "登录失败次数过多" in blocked.text and int(blocked.headers["retry-after"]) > 0
    assert client.get("/", follow_redirects=False).status_code == 303
    other = login(site.client(), "town_reader")  # another username is not blocked
    assert other.status_code == 303


def test_session_cookie_flags(site, built, tmp_path):
    response = login(site.client(), "town_reader")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    secure = Site(built, tmp_path / "secure", cookie_secure=True)
    try:
        client = secure.client()
        token = csrf_of(client)
        cookie = client.post("/login", data={"username": "town_reader", "password": PASSWORD, "csrf_token": token},
                             follow_redirects=False).headers["set-cookie"].lower()
        assert "secure" in cookie and "httponly" in cookie
    finally:
        secure.close()


def test_session_cookie_is_signed(site):
    client = site.client("town_reader")
    client.cookies.set("taizhang_session", client.cookies.get("taizhang_session")[:-3] + "abc")
    assert client.get("/", follow_redirects=False).status_code == 303


def test_forms_without_csrf_token_are_refused(site, built):
    client = site.client("town_filler")
    record = built.records["城关镇"]
    for data in ({}, {"csrf_token": "forged"}):
        response = client.post(f"/ledger/{record}/delete", data=data, follow_redirects=False)
        assert response.status_code == 403 and "安全令牌" in response.text
    assert site.ledger.record(record).id == record  # not deleted
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert client.post("/login", data={"username": "town_filler", "password": PASSWORD}).status_code == 403


def test_htmx_requests_send_the_token_in_a_header(site, built):
    client = site.client("town_filler")
    record = built.records["红峰村"]
    refused = client.post(f"/ledger/{record}/delete", headers={"HX-Request": "true"})
    assert refused.status_code == 403 and 'role="alert"' in refused.text and "<html" not in refused.text
    done = client.post(f"/ledger/{record}/delete", headers={"HX-Request": "true", "X-CSRF-Token": csrf(client)})
    assert done.status_code == 200
    assert client.get(f"/ledger/{record}").status_code == 404


def test_logout_ends_the_session(site):
    client = site.client("town_reader")
    assert client.post("/logout", data={"csrf_token": csrf(client)}, follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/login")


def test_password_change_ends_other_sessions(site, built):
    client = site.client("town_reader")
    site.ledger.set_password(built.users["town_reader"], "another-pass-2")
    assert client.get("/", follow_redirects=False).status_code == 303
    assert login(site.client(), "town_reader", "another-pass-2").status_code == 303


def test_security_headers_on_pages(site):
    response = site.client("town_reader").get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    assert "<script>" not in response.text  # no inline scripts: only src= and JSON data blocks


def test_htmx_request_without_session_is_told_to_redirect(site):
    response = site.client().get("/ledger", headers={"HX-Request": "true"})
    assert response.status_code == 401 and response.headers["hx-redirect"].startswith("/login?next=")
