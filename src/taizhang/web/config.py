"""Settings of the web app (frozen: read once at start)."""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MIB = 1024 * 1024


@dataclass(frozen=True)
class WebConfig:
    secret_key: str
    session_max_age: int = 8 * 3600  # seconds
    max_upload_bytes: int = 20 * MIB  # per uploaded file
    max_files: int = 10  # per request
    login_attempts: int = 5  # failures allowed per username + address ...
    login_window: int = 300  # ... within this many seconds
    cookie_secure: bool = False  # True behind HTTPS
    static_dir: Path = PACKAGE_DIR / "static"
    work_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "taizhang-web")
    page_size: int = 50
    cache_entries: int = 256

    def __post_init__(self) -> None:
        if len(self.secret_key or "") < 16:
            raise ValueError("secret_key must be at least 16 characters")

    @property
    def max_request_bytes(self) -> int:
        """A whole request: its files plus a margin for the form fields."""
        return self.max_upload_bytes * self.max_files + MIB

    @classmethod
    def from_env(cls, secret_file: Path | None = None) -> WebConfig:
        """TAIZHANG_SECRET, else a secret kept in `secret_file` (created once, mode 600), so
        sessions survive restarts and every worker signs alike."""
        secret = os.environ.get("TAIZHANG_SECRET") or (_file_secret(secret_file) if secret_file else None)
        kwargs: dict = {"secret_key": secret or secrets.token_urlsafe(32)}
        if os.environ.get("TAIZHANG_COOKIE_SECURE") in ("1", "true"):
            kwargs["cookie_secure"] = True
        if os.environ.get("TAIZHANG_MAX_UPLOAD_MB"):
            kwargs["max_upload_bytes"] = int(float(os.environ["TAIZHANG_MAX_UPLOAD_MB"]) * MIB)
        if os.environ.get("TAIZHANG_WORK_DIR"):
            kwargs["work_dir"] = Path(os.environ["TAIZHANG_WORK_DIR"])
        return cls(**kwargs)


def _file_secret(path: Path) -> str:
    try:
        text = path.read_text("utf-8").strip()
        if len(text) >= 16:
            return text
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(value)
    return value
