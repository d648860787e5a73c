"""Shared test set-up: the plugin importable as ``lunar_lab`` and the real data folder."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import plugin_path  # noqa: E402,F401 -- QGIS imports the plugin by its folder name: link the checkout as lunar_lab

SHARED_DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real data folder {SHARED_DATA} is missing (set LUNAR_SHARED_DATA)")
    return SHARED_DATA
