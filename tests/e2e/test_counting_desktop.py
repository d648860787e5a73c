"""Crater counting tools in QGIS desktop under Xvfb (issue 23, map tools and vetting).

scripts/counting_desktop.py starts ``xvfb-run -a qgis --profiles-path TMP --code scripts/counting_desktop.py`` with
this checkout linked as the ``lunar_lab`` plugin; inside QGIS it clicks craters on the canvas with the 2- and
3-point tools (geographic, IAU 2015 south polar stereographic, a PROJ-string polar CRS and a NAC tile's own
projection), draws a count area with a hole, vets 50 detections with key presses, takes screenshots, unloads the
plugin and writes a JSON report, which this test reads.
"""
import importlib.util
import re
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
MOON_RADIUS_M = 1737400.0


def _script():
    spec = importlib.util.spec_from_file_location("lunar_counting_desktop", ROOT / "scripts" / "counting_desktop.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def desktop(tmp_path_factory, shared_data):
    import shutil
    if not (shutil.which("xvfb-run") and shutil.which("qgis")):
        pytest.fail("xvfb-run and qgis are needed (make setup installs them)")
    script = _script()
    shots = tmp_path_factory.mktemp("counting_shots")
    started = time.time()
    rc, report, log = script.run_qgis({"screenshots": str(shots), "data": str(shared_data)}, timeout=90)
    return {"rc": rc, "report": report, "log": log, "seconds": time.time() - started, "script": script,
            "shots": shots}


def test_desktop_run_is_quick_and_clean(desktop):
    report = desktop["report"]
    assert report is not None, desktop["log"][-4000:]
    assert not report["errors"], report["errors"]
    assert report["ok"] and report["plugin_loaded"], report
    assert report["steps"] == ["setup", "areas", "vetting", "unloaded"]
    assert desktop["seconds"] < 60, desktop["seconds"]


def test_tools_are_in_the_lunar_lab_menu(desktop):
    report = desktop["report"]
    tools = ["mLunarLab_crater_2points", "mLunarLab_crater_3points", "mLunarLab_count_area", "mLunarLab_count_hole",
             "mLunarLab_vetting"]
    assert sorted(report["actions"]) == sorted(tools)
    assert all(name in report["menu_actions"] for name in tools), report["menu_actions"]


def test_without_a_crater_layer_the_tool_offers_to_make_one(desktop):
    report = desktop["report"]
    assert report["new_layer_dialog"] == "No crater layer is selected. Where should the craters go?"
    assert report["new_layer"] == {"provider": "memory", "crs": "IAU_2015:30100",
                                   "fields": ["lon", "lat", "diameter_km", "tag", "method"],
                                   "map_tool": "CircleTool", "checked": True}


def test_drawn_craters_measure_their_true_geodesic_diameter(desktop):
    """Clicked at the pixels nearest to points of a known circle's rim (destination-point formula), in each map
    CRS: the diameter on the Moon sphere within 0.5%, the centre within 0.5% of the diameter."""
    craters = desktop["report"]["craters"]
    assert [c["name"] for c in craters] == [case[0] for case in desktop["script"].CASES] + ["nac_3pt_real_crater"]
    for crater in craters:
        assert crater["crs_valid"] and crater["added"] == 1, crater
        assert abs(crater["error_pct"]) < 0.5, crater
        assert crater["centre_offset_km"] < 0.005 * crater["true_km"], crater
        assert crater["method"] == f"{crater['tool']} points", crater
        assert crater["tag"] == ("doubtful" if crater["name"] == "polar_3pt" else "standard"), crater  # toolbar
        assert crater["map_tool"] == "CircleTool" and crater["geometry"] == 2, crater  # polygons
        if crater["tool"] == 2:  # the pixels clicked, measured by QGIS (QgsDistanceArea on the Moon's sphere)
            assert crater["measured_km"] == pytest.approx(crater["qgis_clicked_km"], rel=1e-6), crater
        assert -180.0 <= crater["lon"] <= 180.0
    kinds = {("polar" if "30135" in c["crs"] or "stere" in c["crs"] else
              "geographic" if c["crs"] == "IAU_2015:30100" else "other", c["tool"]) for c in craters}
    assert {("geographic", 2), ("geographic", 3), ("polar", 2), ("polar", 3), ("other", 3)} <= kinds, kinds
    assert desktop["report"]["drawn_crs"] == "IAU_2015:30100"   # the GeoPackage reopens with its Moon CRS


def _rings(wkt):
    return [np.array([[float(v) for v in pair.split()] for pair in ring.split(",")])
            for ring in re.findall(r"\(([^()]+)\)", wkt)]


def _stereographic_area_km2(ring):
    """Area on the sphere of a ring drawn with straight edges in polar stereographic (k0 = 1): the area element is
    dx dy / (1 + rho^2 / 4R^2)^2, whose integral over a region is the boundary integral of
    F(rho) d(theta), F(rho) = 2R^2 rho^2 / (4R^2 + rho^2) (Green's theorem in polar coordinates)."""
    closed = np.vstack([ring, ring[:1]]) if not np.array_equal(ring[0], ring[-1]) else ring
    t = np.linspace(0.0, 1.0, 4001)[:-1]
    points = np.vstack([a + t[:, None] * (b - a) for a, b in zip(closed[:-1], closed[1:])] + [closed[:1]])
    rho2 = (points ** 2).sum(axis=1)
    theta = np.unwrap(np.arctan2(points[:, 1], points[:, 0]))
    f = 2 * MOON_RADIUS_M ** 2 * rho2 / (4 * MOON_RADIUS_M ** 2 + rho2)
    return abs(np.sum(0.5 * (f[1:] + f[:-1]) * np.diff(theta))) / 1e6


def test_backspace_takes_back_the_last_crater_drawn(desktop):
    undo = desktop["report"]["undo_draw"]
    drawn = len(desktop["script"].CASES) + 1   # the cases and the NAC crater
    assert undo == {"before": drawn, "after": drawn - 1, "gone": True, "redrawn": drawn}, undo


def test_count_area_and_hole_are_measured_on_the_sphere(desktop):
    areas = desktop["report"]["areas"]
    assert areas["count"] == 1 and areas["name"] == "Shackleton rim" and areas["crs"] == "IAU_2015:30135"
    (outer,) = _rings(areas["wkt"])
    expected = _stereographic_area_km2(outer)
    assert 28000 < expected < 31000  # the pole cap inside 86 S is ~29,800 km^2: a diamond inside it
    assert areas["area_km2"] == pytest.approx(expected, rel=0.005)
    assert areas["after_hole_parts"] == 1 and areas["after_hole_rings"] == [2]
    outer_after, hole = _rings(areas["after_hole_wkt"])
    hole_km2 = _stereographic_area_km2(hole)
    assert hole_km2 > 100
    assert areas["after_hole_km2"] == pytest.approx(_stereographic_area_km2(outer_after) - hole_km2, rel=0.005)
    assert areas["after_hole_km2"] < areas["area_km2"] - 0.9 * hole_km2


def test_fifty_detections_vetted_by_keys_give_the_expected_layer(desktop):
    report, script = desktop["report"], desktop["script"]
    vetting = report["vetting"]
    assert report["detections_crs"] == "IAU_2015:30100" and report["dock_visible"]
    assert vetting["features_on_disk"] == 50 and vetting["mismatches"] == [], vetting["mismatches"]
    expected = {"accepted": 0, "rejected": 0, "redrawn": 0}
    for rank in range(50):
        expected[script.vetting_plan(rank, 1 if rank == 40 else 0)[1][0]] += 1
    assert expected == {"accepted": 36, "rejected": 12, "redrawn": 2}
    assert vetting["counts"] == dict(expected, decided=50, total=50)
    assert vetting["progress"] == "50 / 50, 36 accepted, 12 rejected, 2 redrawn"
    on_disk = vetting["on_disk"]
    assert on_disk["17"][0] == "accepted"             # R then U (undo) then A
    assert on_disk["2"][:2] == ["accepted", "secondary"]   # T then A
    assert on_disk["12"][0] == "redrawn" and on_disk["22"][0] == "redrawn"
    assert on_disk["30"][0] == "rejected" and vetting["after_dock_key"] == 30   # P pressed in the dock
    # the session starts with the surest detection, visits them in order, skips 40 (N) and comes back to it
    assert vetting["first_rank"] == 0
    assert vetting["visits"] == list(range(50)) + [40]
    # the 2-point redraw switched to the drawing tool and back
    assert vetting["redraw_tool"] == "CircleTool" and vetting["after_redraw_tool"] == "VettingTool"
    # stopped after 25 (Esc): all 25 already on disk; resumed at the 26th
    assert vetting["stopped"] and vetting["decided_on_disk_at_stop"] == 25 and vetting["resumed_at_rank"] == 25
    assert vetting["resumed_progress"].startswith("25 / 50, ")
    assert vetting["renderer"] == "QgsCategorizedSymbolRenderer"
    assert vetting["legend"] == ["accepted", "rejected", "redrawn", "not decided"]


def test_preview_is_a_geodesic_ring_while_drawing(desktop):
    report = desktop["report"]
    assert report["preview_vertices"] >= 100   # the 128-point circle through 2 clicks and the mouse
    assert report["status_bar"].startswith("Crater: 0.08"), report["status_bar"]


def test_screenshots_are_saved(desktop):
    shots = [Path(p) for p in desktop["report"]["screenshots"]]
    assert {p.stem for p in shots} == {"counting_draw_preview", "counting_vetting", "counting_vetting_done"}
    for path in shots:
        assert path.is_file() and 20_000 < path.stat().st_size < 2_000_000, (path, path.stat().st_size)


def test_unload_removes_tools_and_dock(desktop):
    report = desktop["report"]
    assert report["unloaded"]
    assert report["after_unload"] == {"dock": [], "actions": [], "map_tool": None}
