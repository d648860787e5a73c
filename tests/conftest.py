"""Shared test set-up: the plugin importable as ``lunar_lab`` and the real data folder."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "lunar_lab"
PLUGINS_DIR = ROOT / "build" / "plugins"
SHARED_DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _link_plugin():
    """QGIS imports a plugin by its folder name; the clone's name varies, so link it as lunar_lab."""
    PLUGINS_DIR.mkdir(parents=True, exist_ok=True)
    link = PLUGINS_DIR / PLUGIN_NAME
    if not link.exists():
        try:
            link.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:
            pass
    if str(PLUGINS_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGINS_DIR))


_link_plugin()


@pytest.fixture(scope="session")
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real data folder {SHARED_DATA} is missing (set LUNAR_SHARED_DATA)")
    return SHARED_DATA
