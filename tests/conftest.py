"""Shared fixtures: the bundled example plans."""

from __future__ import annotations

from pathlib import Path

import pytest

import gevinst as gv

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BERGEN = EXAMPLES / "bergen_barnevern" / "plan.yaml"
MINIMAL = EXAMPLES / "minimal.yaml"


@pytest.fixture
def bergen_path() -> Path:
    return BERGEN


@pytest.fixture
def bergen() -> gv.Plan:
    return gv.load(BERGEN)


@pytest.fixture
def minimal() -> gv.Plan:
    return gv.load(MINIMAL)
