"""Shared fixtures: the bundled example plans."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import gevinst as gv

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BERGEN = EXAMPLES / "bergen_barnevern" / "plan.yaml"
MINIMAL = EXAMPLES / "minimal.yaml"


@pytest.fixture(autouse=True)
def _locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in the C locale: a message whose plan names no language is then
    nb, whatever the machine's LANG (gevinst.i18n.words.language_for)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def bergen_path() -> Path:
    return BERGEN


@pytest.fixture
def bergen() -> gv.Plan:
    return gv.load(BERGEN)


@pytest.fixture
def minimal() -> gv.Plan:
    return gv.load(MINIMAL)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@contextmanager
def chromium(width: int = 1600, height: int = 1000) -> Iterator[Any]:
    """Headless Chromium through selenium, offline; skips the test where it is absent."""
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("chromium or chromedriver is not installed")
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
