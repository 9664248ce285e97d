"""Web fixtures (helpers in web_helpers.py, importable: tests/web is on sys.path)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from web_helpers import Built, Site, build

from taizhang.ledger import accounts


@pytest.fixture(scope="session", autouse=True)
def cheap_argon2():
    """Argon2 at minimal cost in tests (the production parameters are tested separately)."""
    saved = accounts._hasher
    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)
    yield
    accounts._hasher = saved


@pytest.fixture(scope="session")
def built(tmp_path_factory, cheap_argon2) -> Built:
    return build(tmp_path_factory.mktemp("web-template"))


@pytest.fixture
def site(built, tmp_path):
    s = Site(built, tmp_path / "site")
    yield s
    s.close()


@pytest.fixture(scope="module")
def shared_site(built, tmp_path_factory):
    """For tests that only read: one copy per module."""
    s = Site(built, tmp_path_factory.mktemp("shared-site"))
    yield s
    s.close()
