"""What the database-backed commands share: the console, the ledger named by --db, the audit log's actor."""

from __future__ import annotations

import getpass
import os
import sys

import typer
from rich.console import Console

# Piped output (make run in CI logs) gets a wide fixed width so the Chinese tables stay readable.
console = Console(width=None if sys.stdout.isatty() else 150)


def open_ledger(ctx: typer.Context):
    # Imported here, so `taizhang read` does not pay for SQLAlchemy.
    from taizhang.ledger import Ledger

    return Ledger.open(ctx.obj["db"])


def actor_name() -> str:
    """Who the audit log names for a CLI change: TAIZHANG_USER, else the login name."""
    return os.environ.get("TAIZHANG_USER") or getpass.getuser() or "system"
