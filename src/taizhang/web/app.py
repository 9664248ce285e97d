"""`create_app(ledger, config)`: the FastAPI application; `app_from_env()` for `uvicorn --factory`."""

from __future__ import annotations

import gc
import os

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from taizhang.ledger import Ledger
from taizhang.web import errors
from taizhang.web.config import WebConfig
from taizhang.web.middleware import SecurityHeaders
from taizhang.web.sessions import csrf_protect
from taizhang.web.site import Site

SESSION_COOKIE = "taizhang_session"
PAGE_ROUTERS = ("auth", "dashboard", "ledger", "evidence", "targets", "report", "check", "admin", "audit")


def create_app(ledger: Ledger, config: WebConfig) -> FastAPI:
    from importlib import import_module

    app = FastAPI(title="台账系统 API", version="1",
                  description="台账记录的推送与查询、单位、指标数字和目标。用 `Authorization: Bearer <令牌>` 认证"
                              "（令牌由管理员在“单位与账号”页或 `taizhang token create` 创建）。",
                  docs_url=None, redoc_url=None)  # the interactive docs would load a CDN: none on an intranet
    app.state.site = Site(ledger, config)
    errors.install(app)
    for name in PAGE_ROUTERS:
        module = import_module(f"taizhang.web.routes.{name}")
        app.include_router(module.router, dependencies=[Depends(csrf_protect)], include_in_schema=False)
    app.include_router(import_module("taizhang.web.routes.api").router, prefix="/api")
    config.static_dir.mkdir(parents=True, exist_ok=True)
    app.mount("/static", StaticFiles(directory=str(config.static_dir)), name="static")
    # Outermost first: headers and the size limit wrap everything, the session sits inside them.
    app.add_middleware(SessionMiddleware, secret_key=config.secret_key, session_cookie=SESSION_COOKIE,
                       max_age=config.session_max_age, same_site="lax", https_only=config.cookie_secure)
    app.add_middleware(SecurityHeaders, max_request_bytes=config.max_request_bytes)
    return app


def app_from_env() -> FastAPI:
    """TAIZHANG_DB (default ./taizhang.db), TAIZHANG_SECRET (else a secret file beside the evidence)."""
    ledger = Ledger.open(os.environ.get("TAIZHANG_DB", "taizhang.db"))
    app = create_app(ledger, WebConfig.from_env(ledger.files_dir / "web-secret"))
    # Everything loaded so far (modules, taxonomy, templates) lives as long as the process: keep it out of
    # the cyclic collector's full passes, whose pauses otherwise show up as the slowest requests.
    gc.collect()
    gc.freeze()
    return app
