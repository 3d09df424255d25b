"""Fixtures of the runner tests (helpers live in runner_helpers.py)."""

from __future__ import annotations

import pytest

from runner_helpers import Warehouse


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> Warehouse:
    return Warehouse(tmp_path, monkeypatch)
