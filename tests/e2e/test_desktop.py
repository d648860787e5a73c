"""QGIS desktop under Xvfb with Lunar Lab installed from the zip (scripts/package.sh) in a temporary profile.

scripts/screenshots.py starts ``xvfb-run -a qgis --profiles-path TMP --code scripts/screenshots.py``; inside QGIS
it checks the menu, toolbar and provider, runs lunar:syntheticscene and lunar:oxideequations with
processing.runAndLoadResults, records the loaded layers and their renderers, takes screenshots, unloads the plugin
and writes a JSON report, which this test reads.
"""
import importlib.util
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _screenshots_module():
    spec = importlib.util.spec_from_file_location("lunar_screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _our_processes(task_file):
    """Processes (Xvfb, qgis) still carrying this desktop run's task variable (other runs on the machine, e.g. a
    second test session, are not ours)."""
    marker = f"LUNAR_DESKTOP_TASK={task_file}\0".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if marker in (proc / "environ").read_bytes():
                found.append((proc.name, (proc / "cmdline").read_bytes().replace(b"\0", b" ")[:120]))
        except OSError:
            continue
    return found


def installed_desktop(tmp_path_factory, name):
    """(screenshots module, folder, plugin folder): the zip built and installed into a fresh profile there."""
    import shutil
    if not (shutil.which("xvfb-run") and shutil.which("qgis")):
        pytest.fail("xvfb-run and qgis are needed (make setup installs them)")
    shots = _screenshots_module()
    tmp = tmp_path_factory.mktemp(name)
    return shots, tmp, shots.install_profile(shots.build_zip(tmp / "dist"), tmp / "profiles")


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    shots, tmp, plugin = installed_desktop(tmp_path_factory, "desktop")
    task = {"screenshots": str(tmp / "shots"), "run_algorithms": True, "work": str(tmp / "work"),
            "dialogs": True}
    (tmp / "shots").mkdir()
    started = time.time()
    rc, report, log = shots.run_qgis(tmp / "profiles", task, timeout=110)
    return {"rc": rc, "report": report, "log": log, "seconds": time.time() - started, "plugin": plugin,
            "tmp": tmp}


def loaded_by_file(report):
    """The layers the runs loaded, by file name (not the output reopened afterwards as 'FeO reopened')."""
    return {Path(layer["source"].split("|")[0]).name: layer for layer in report["layers"]
            if not layer["name"].endswith(" reopened")}


def test_desktop_runs_quickly_and_cleans_up(desktop):
    assert desktop["report"] is not None, desktop["log"][-4000:]
    assert not desktop["report"]["errors"], desktop["report"]["errors"]
    assert desktop["report"]["ok"], desktop["report"]
    assert desktop["seconds"] < 100, desktop["seconds"]
    # run_qgis SIGKILLs the process group; a killed Xvfb may take a moment to exit (seen on a loaded machine)
    task_file = desktop["report"]["task_file"]
    deadline = time.time() + 10
    while _our_processes(task_file) and time.time() < deadline:
        time.sleep(0.2)
    assert not _our_processes(task_file)


def test_plugin_is_the_installed_zip_with_menu_toolbar_and_provider(desktop):
    report = desktop["report"]
    assert report["plugin_loaded"] and report["provider"]
    assert Path(report["plugin_path"]).resolve().is_relative_to(desktop["plugin"].resolve())
    assert not Path(report["plugin_path"]).resolve().is_relative_to(ROOT)
    assert report["menu_in_menubar"] and report["menu_title"] == "&Lunar Lab"
    for alg in ("syntheticscene", "oxideequations", "fusedomdem", "equalareasampling", "csfd"):
        assert f"lunar:{alg}" in report["algorithms"]
        assert f"mLunarLab_{alg}" in report["menu_actions"]
        assert f"mLunarLab_{alg}" in report["toolbar_actions"]
    for alg in ("oxidecnn", "detectcraters", "classifycraterages"):  # entries only for registered algorithms
        assert (f"mLunarLab_{alg}" in report["menu_actions"]) == (f"lunar:{alg}" in report["algorithms"])
    assert "mLunarLab_about" in report["menu_actions"] and "mLunarLab_about" in report["toolbar_actions"]
    assert "Plugin version" in report["about_html"] and "0." in report["about_html"]


def test_algorithms_ran_in_qgis_and_outputs_are_styled_layers(desktop):
    report = desktop["report"]
    by_file = loaded_by_file(report)
    for name in ("feo.tif", "tio2.tif", "omat.tif", "dem.tif", "dom.tif", "reflectance.tif", "craters.gpkg"):
        assert name in by_file and by_file[name]["valid"], (name, sorted(by_file))
    assert by_file["feo.tif"]["renderer"] == "QgsSingleBandPseudoColorRenderer"
    assert by_file["tio2.tif"]["renderer"] == "QgsSingleBandPseudoColorRenderer"
    assert by_file["omat.tif"]["renderer"] == "QgsSingleBandPseudoColorRenderer"
    assert by_file["reflectance.tif"]["renderer"] == "QgsMultiBandColorRenderer"
    assert by_file["craters.gpkg"]["renderer"] == "QgsSingleSymbolRenderer"
    assert by_file["feo.tif"]["name"].startswith("FeO (wt%)")
    assert report["algorithm_seconds"] < 30


def test_shipped_models_ran_in_qgis_and_outputs_are_styled_layers(desktop):
    """Issue acceptance: the Model Builder chains run inside QGIS desktop and load styled layers."""
    report = desktop["report"]
    by_file = loaded_by_file(report)
    expected = {"model_fused.tif": "QgsMultiBandColorRenderer", "model_aged.gpkg": "QgsCategorizedSymbolRenderer",
                "model_detected.gpkg": "QgsGraduatedSymbolRenderer",
                "model_feo_cnn.tif": "QgsSingleBandPseudoColorRenderer",
                "model_mg.tif": "QgsSingleBandPseudoColorRenderer",
                "model_feo_eq.tif": "QgsSingleBandPseudoColorRenderer"}
    for name, renderer in expected.items():
        assert name in by_file and by_file[name]["valid"], (name, sorted(by_file))
        assert by_file[name]["renderer"] == renderer, (name, by_file[name])
    assert report["model_seconds"] < 60


def test_saved_outputs_reopen_and_reproject_in_the_desktop(desktop):
    """The GeoPackages a run saved, reopened as new layers in QGIS desktop: a valid IAU_2015:30100 CRS, their
    saved style, and coordinates that reproject into the IAU equirectangular Moon CRS (x = R * lon in radians)."""
    import math
    report = desktop["report"]
    assert report["project_crs"] == report["canvas_crs"] == "IAU_2015:30110"
    # a reopened output's legend: its colour ramp, without QGIS's 'Band 1 ... (Gray)' row above it
    assert [row_type for row_type, _ in report["reopened_raster_legend"]] == ["QgsColorRampLegendNode"], report
    renderers = {"craters.gpkg": "QgsSingleSymbolRenderer", "model_detected.gpkg": "QgsGraduatedSymbolRenderer",
                 "model_aged.gpkg": "QgsCategorizedSymbolRenderer", "model_samples.gpkg": "QgsSingleSymbolRenderer"}
    for name, renderer in renderers.items():
        entry = report["reopened"][name]
        assert entry["valid"] and entry["crs_valid"] and entry["authid"] == "IAU_2015:30100", (name, entry)
        assert entry["renderer"] == renderer and entry["features"] > 0, (name, entry)
        lon, lat = entry["lonlat"]
        x, y = entry["equirectangular_m"]
        assert abs(x - 1737400.0 * math.radians(lon)) < 1.0 and abs(y - 1737400.0 * math.radians(lat)) < 1.0


def test_screenshots_are_saved_and_small(desktop):
    shots = [Path(p) for p in desktop["report"]["screenshots"]]
    assert {p.stem for p in shots} == {"main_window", "lunar_lab_menu", "oxide_dialog", "about"}
    for path in shots:
        assert path.is_file() and 5_000 < path.stat().st_size < 800_000, (path, path.stat().st_size)


def test_unload_removes_menu_toolbar_and_provider(desktop):
    report = desktop["report"]
    assert report["unloaded"]
    assert report["after_unload"] == {"menu": False, "toolbar": False, "provider": False,
                                      "layers_kept": len(report["layers"])}
