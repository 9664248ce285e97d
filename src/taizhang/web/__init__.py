"""The web app: FastAPI + Jinja2 pages + htmx, and the JSON API, over one `Ledger`.

    from taizhang.web import create_app, WebConfig
    app = create_app(Ledger.open("taizhang.db"), WebConfig(secret_key="..."))
"""

from __future__ import annotations

from taizhang.web.app import app_from_env, create_app
from taizhang.web.config import WebConfig

__all__ = ["WebConfig", "app_from_env", "create_app"]
