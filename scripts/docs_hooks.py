"""MkDocs hooks (mkdocs.yml `hooks:`): the generated pages of the site.

On each build, scripts/build_docs_pages.py writes the algorithm reference and the model cards as Markdown into a
fresh folder under build/ (a QGIS process of its own, run with the Python that runs MkDocs: .venv's); the pages are
handed to MkDocs as files of the site and their titles replace the `Algorithm reference` and `Model cards` entries
of the navigation. A failed generation fails the build. The folder is removed after the build.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = {"reference/index.md": "reference", "models/index.md": "models"}
_generated = {}


def on_config(config):
    (ROOT / "build").mkdir(exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="docs-generated-", dir=ROOT / "build"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_docs_pages.py"), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    nav_file = out / "nav.json"
    if proc.returncode != 0 or not nav_file.exists():
        shutil.rmtree(out, ignore_errors=True)
        raise PluginError("scripts/build_docs_pages.py failed (exit {}):\n{}".format(
            proc.returncode, (proc.stdout + proc.stderr)[-4000:]))
    _generated["dir"] = out
    nav = json.loads(nav_file.read_text(encoding="utf-8"))
    config["nav"] = [_expand(item, nav) for item in config["nav"] or []]
    return config


def _expand(item, nav):
    """A nav entry {title: 'reference/index.md'} becomes {title: [index, page, page, ...]}."""
    if isinstance(item, dict):
        (title, target), = item.items()
        if isinstance(target, str) and target in SECTIONS:
            return {title: [target] + nav[SECTIONS[target]]}
        if isinstance(target, list):
            return {title: [_expand(i, nav) for i in target]}
    return item


def on_files(files, config):
    out = _generated["dir"]
    for path in sorted(out.rglob("*.md")):
        files.append(File(path.relative_to(out).as_posix(), str(out), config["site_dir"],
                          config["use_directory_urls"]))
    return files


def _cleanup(**_):
    out = _generated.pop("dir", None)
    if out is not None:
        shutil.rmtree(out, ignore_errors=True)


def on_post_build(config):
    _cleanup()


def on_build_error(error):
    _cleanup()
