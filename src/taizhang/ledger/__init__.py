"""The ledger core: units, records, targets, audit log, roll-ups and Excel in/out.

`Ledger` is the one object the CLI, the web app and the tests use.
"""

from __future__ import annotations

from taizhang.ledger.core import Ledger
from taizhang.ledger.stats import IndicatorValue, Period

__all__ = ["Ledger", "IndicatorValue", "Period"]
