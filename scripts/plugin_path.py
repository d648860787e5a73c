"""Make this checkout importable as ``lunar_lab`` (the folder name QGIS gives the plugin) for scripts, benches
and tests: build/plugins/lunar_lab links to the repository root, and build/plugins goes on sys.path."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / "build" / "plugins"


def link_plugin():
    PLUGINS.mkdir(parents=True, exist_ok=True)
    link = PLUGINS / "lunar_lab"
    if not link.exists():
        try:
            link.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:  # another process made it first
            pass
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))


link_plugin()
