"""CLI command modules, one per job. Each exposes `register(app)`."""

from __future__ import annotations

import importlib

import typer

# Each job's helper adds its module name here.
COMMAND_MODULES: tuple[str, ...] = ("text", "ledger", "check", "report", "web")


def register_all(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"taizhang.commands.{name}").register(app)
