"""Shared fixtures: the example story and temporary databases."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "istanbul-2025"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "khabar.db"
