"""The installable zip (scripts/package.sh): clean contents, and it installs and runs from a fresh QGIS profile.

The zip is unzipped into a temporary profile's python/plugins folder (QGIS_CUSTOM_CONFIG_PATH, profile
'default'), enabled with ``qgis_process.bin plugins enable lunar_lab`` and used there; QGIS_PLUGINPATH and
PYTHONPATH do not point at the repository, so only the packaged copy can be loaded.
"""
import json
import os
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.tests.rasters import read_raster, write_raster

ROOT = Path(__file__).resolve().parents[2]


def build_zip(dist):
    proc = subprocess.run([str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, DIST=str(dist)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = Path(proc.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.parent == Path(dist)
    return path


def install(zip_path, config):
    """Unzip into CONFIG/profiles/default/python/plugins and return the environment for qgis_process."""
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    site = sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "PYTHONPATH")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"))
    if site:
        env["PYTHONPATH"] = str(site[0])  # torch etc.; never the repository
    return plugins / "lunar_lab", env


def qgis_process(env, cwd, *args, timeout=300):
    proc = subprocess.run(["qgis_process.bin", *args], capture_output=True, text=True, timeout=timeout, env=env,
                          cwd=str(cwd))
    return proc


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    return build_zip(tmp_path_factory.mktemp("dist"))


def test_zip_has_one_lunar_lab_folder_and_no_tests_or_caches(package):
    names = zipfile.ZipFile(package).namelist()
    assert names and all(n.startswith("lunar_lab/") for n in names)
    for bad in ("/tests/", "__pycache__", ".pyc", "/.venv/", "/build/", "/demo_output/", "/scripts/", "/.git"):
        assert not [n for n in names if bad in n], bad
    for needed in ("lunar_lab/__init__.py", "lunar_lab/metadata.txt", "lunar_lab/resources_rc.py",
                   "lunar_lab/icons/lunar_lab.svg", "lunar_lab/i18n/lunar_zh_CN.qm",
                   "lunar_lab/processing_provider/provider.py", "lunar_lab/lunar_plugin/plugin.py"):
        assert needed in names, needed
    assert not [n for n in names if n.endswith(".ts")]
    models = ROOT / "models"
    for model in list(models.glob("*.pt")) + list(models.glob("*.json")):
        assert f"lunar_lab/models/{model.name}" in names


def test_zip_installs_in_a_clean_profile_and_runs_an_algorithm(package, tmp_path):
    plugin, env = install(package, tmp_path / "config")
    assert (plugin / "metadata.txt").is_file()
    proc = qgis_process(env, tmp_path, "plugins", "enable", "lunar_lab", timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ini = (tmp_path / "config" / "profiles" / "default" / "QGIS" / "QGIS3.ini").read_text()
    assert "lunar_lab=true" in ini

    bands = np.stack([np.full((8, 10), v, np.float32) for v in (0.08, 0.12, 0.13, 0.135, 0.14)])
    raster = write_raster(tmp_path / "refl.tif", bands)
    proc = qgis_process(env, tmp_path, "--json", "run", "lunar:oxideequations", "--", f"INPUT={raster}",
                        f"OUTPUT_FEO={tmp_path / 'feo.tif'}", f"OUTPUT_TIO2={tmp_path / 'tio2.tif'}")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert Path(results["OUTPUT_FEO"]).is_file() and Path(results["OUTPUT_TIO2"]).is_file()
    feo = read_raster(results["OUTPUT_FEO"])
    assert feo.shape == (8, 10) and np.isfinite(feo).all()
    # the installed copy ran, not the repository
    assert not (plugin / "tests").exists()


def test_zip_translations_follow_the_qgis_locale(package, tmp_path):
    """With locale/userLocale=zh_CN in the profile, qgis_process lists the algorithms in Chinese."""
    _, env = install(package, tmp_path / "config")
    assert qgis_process(env, tmp_path, "plugins", "enable", "lunar_lab", timeout=120).returncode == 0
    ini = tmp_path / "config" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    text = ini.read_text()
    assert "[locale]" not in text
    ini.write_text(text.rstrip("\n") + "\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n")
    proc = qgis_process(env, tmp_path, "list", timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    listed = [line for line in proc.stdout.splitlines() if "lunar:" in line]
    assert any("lunar:oxideequations" in line and "波段比值氧化物图" in line for line in listed), listed
