"""The one error handler: a TaizhangError (or a framework error) becomes a full page, an htmx
fragment (HX-Request) or JSON (/api/), always with a Chinese message and the error's status."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from taizhang.errors import TaizhangError, ValidationError
from taizhang.ledger.validation import FIELD_LABELS
from taizhang.web.permissions import NotAuthenticated

log = logging.getLogger("taizhang.web")
HTTP_MESSAGES = {404: "页面不存在", 405: "不支持该请求方式", 413: "上传的文件过大", 400: "请求格式不正确"}


class UploadTooLarge(TaizhangError):
    status = 413


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def render_error(request: Request, exc: TaizhangError) -> Response:
    if _wants_json(request):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.to_dict(), status_code=exc.status, headers=headers)
    htmx = request.headers.get("hx-request") == "true"
    if isinstance(exc, NotAuthenticated):
        target = "/login?next=" + quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        if htmx:
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    site = request.app.state.site
    name = "_error.html" if htmx else "error.html"
    return site.templates.render(request, name, {"error": exc}, status=exc.status)


def _validation_message(exc: RequestValidationError) -> TaizhangError:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "form")]
    field = loc[-1] if loc else None
    label = FIELD_LABELS.get(field or "", field or "请求")
    kind = first.get("type", "")
    if kind == "missing":
        message = f"缺少{label}"
    elif kind.startswith(("int", "float")):
        message = f"{label}应为数字"
    elif kind.startswith("date"):
        message = f"{label}应为日期，如 2025-03-18"
    else:
        message = f"{label}格式不正确"
    return ValidationError(message, field=field)


def install(app: FastAPI) -> None:
    @app.exception_handler(TaizhangError)
    async def taizhang_error(request: Request, exc: TaizhangError) -> Response:
        return render_error(request, exc)

    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> Response:
        return render_error(request, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = HTTP_MESSAGES.get(exc.status_code, "请求无法处理")
        return render_error(request, TaizhangError(message, status=exc.status_code))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return render_error(request, TaizhangError("系统内部错误，已记录；请稍后重试或联系管理员", status=500))
