"""Helpers of the browser tests: screenshots, logging in, reading figures, sample files."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts" / "web"
SAMPLES = Path(__file__).parent / "samples"
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
DEMO_PASSWORD = "demo2025"
DEMO_YEAR = 2025


class Shots:
    """Screenshots of each step, kept as test artifacts: test-artifacts/web/<test>-<step>.png."""

    def __init__(self, page, folder: Path, test_name: str):
        self.page = page
        self.folder = folder
        self.test_name = test_name
        self.taken: list[Path] = []

    def __call__(self, step: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.test_name}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


def login(page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the form, as a user does, and wait to land on a page other than /login."""
    page.goto("/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/login" not in url)


def number(text: str) -> float:
    """A figure as shown on a page ("1,234", "56.5", "12 次") as a number."""
    match = re.search(r"-?\d[\d,]*(?:\.\d+)?", text)
    assert match, f"不是数字：{text!r}"
    return float(match.group(0).replace(",", ""))


def figure(page, indicator: str) -> float:
    """The first figure with data-indicator=<id> on the page (the contract's figure markup)."""
    return number(page.locator(f'[data-indicator="{indicator}"]').first.inner_text())


def seed_001() -> Path:
    """Seed 001 from ../shared when present; otherwise a sample with the same kinds of defects."""
    found = sorted(SHARED_SEEDS.glob("001_*.txt")) if SHARED_SEEDS.is_dir() else []
    return found[0] if found else SAMPLES / "placeholders_and_ads.txt"
