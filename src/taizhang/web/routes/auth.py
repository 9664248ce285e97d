"""登录 / 退出."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from taizhang.web.permissions import SESSION_PASSWORD, SESSION_USER, current_actor, password_fingerprint
from taizhang.web.sessions import new_session

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no //host): an open redirect would help phishing."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    if current_actor(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    site = request.app.state.site
    return site.templates.render(request, "login.html", {"next": _safe_next(next), "username": ""})


@router.post("/login")
def login(request: Request, username: str = Form(""), password: str = Form(""), next: str = Form("/")):
    site = request.app.state.site
    address = _client(request)
    context = {"next": _safe_next(next), "username": username}
    wait = site.limiter.blocked_for(username, address)
    if wait:
        minutes = max(1, -(-wait // 60))
        return site.templates.render(request, "login.html", context | {
            "message": f"登录失败次数过多，请{minutes}分钟后再试"}, status=429, headers={"Retry-After": str(wait)})
    user = site.ledger.authenticate(username, password)
    if user is None:
        site.limiter.failed(username, address)
        return site.templates.render(request, "login.html", context | {"message": "用户名或密码不正确，或账号已停用"},
                                     status=401)
    site.limiter.succeeded(username, address)
    new_session(request, **{SESSION_USER: user.id, SESSION_PASSWORD: password_fingerprint(user)})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
