"""CSRF protection for the cookie-authenticated pages.

The session itself is Starlette's signed cookie (itsdangerous; HttpOnly, SameSite=Lax,
Secure behind HTTPS); it holds the user id, the password fingerprint and the CSRF token.
Every unsafe request to a page must echo the token, as the form field `csrf_token` or
(htmx, set by static/app.js from <meta name="csrf-token">) the header `X-CSRF-Token`.
The API is token-authenticated and carries no cookies' authority, so it needs no CSRF token.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from taizhang.errors import PermissionDenied

SESSION_CSRF = "csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfError(PermissionDenied):
    pass


def csrf_token(request: Request) -> str:
    token = request.session.get(SESSION_CSRF)
    if not token:
        token = request.session[SESSION_CSRF] = secrets.token_urlsafe(24)
    return token


def new_session(request: Request, **values) -> None:
    """Login: a fresh session (no fixation) with a fresh CSRF token."""
    request.session.clear()
    request.session.update(values)
    request.session[SESSION_CSRF] = secrets.token_urlsafe(24)


async def read_form(request: Request):
    """The parsed form (Starlette keeps it for the route), with the upload-count limit applied."""
    return await request.form(max_files=request.app.state.site.config.max_files, max_fields=500)


async def csrf_protect(request: Request) -> None:
    """Router dependency of every page route."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get(SESSION_CSRF)
    sent = request.headers.get(HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await read_form(request)
            value = form.get(FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), str(sent)):
        raise CsrfError("页面已过期或请求来源不明（缺少有效的安全令牌），请刷新页面后重试")
