"""The reader's stages, run in order over one `Work` (paperless-ngx pattern):
each is built once from its own frozen config (`setup` compiles what it needs)
and then `run` on many documents."""

from __future__ import annotations

from typing import Protocol

from taizhang.text.work import Work


class Stage(Protocol):
    name: str

    def run(self, work: Work) -> None: ...
