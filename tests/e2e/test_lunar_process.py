"""End-to-end: bin/lunar-process (qgis_process.bin with the plugin enabled) --json runs."""
import json
import os
import re
import subprocess
from pathlib import Path

import numpy as np

from lunar_lab.tests.rasters import r2_rmse, read_raster, write_raster

ROOT = Path(__file__).resolve().parents[2]
LUNAR_PROCESS = str(ROOT / "bin" / "lunar-process")


def lunar_process(*args, check=True):
    proc = subprocess.run([LUNAR_PROCESS, "--json", *args], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if check and proc.returncode != 0:
        raise AssertionError(f"lunar-process failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return proc


def results(proc):
    return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]


ALGORITHMS = ["classifycraterages", "csfd", "detectcraters", "equalareasampling", "evaluatecraters", "fusedomdem",
              "importcratercount", "mgnumber", "oxidecnn", "oxideequations", "syntheticscene", "traincraterages",
              "traincraterdetector", "trainoxidecnn"]


def test_provider_lists_every_algorithm():
    proc = subprocess.run([LUNAR_PROCESS, "list"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    listed = sorted(set(re.findall(r"\blunar:(\w+)", proc.stdout)))
    assert listed == ALGORITHMS


def test_equations_headless_on_sample_sites(shared_data, tmp_path):
    import csv
    rows = list(csv.DictReader(open(shared_data / "samples" / "clementine_sites.csv")))
    bands = np.array([[float(r[k]) for r in rows] for k in ("R415", "R750", "R900", "R950", "R1000")], np.float32)
    raster = write_raster(tmp_path / "sites.tif", bands[:, None, :])
    out = results(lunar_process("run", "lunar:oxideequations", "--", f"INPUT={raster}",
                                f"OUTPUT_FEO={tmp_path / 'feo.tif'}", f"OUTPUT_TIO2={tmp_path / 'tio2.tif'}"))
    r2, rmse = r2_rmse(read_raster(out["OUTPUT_FEO"])[0], [float(r["FeO"]) for r in rows])
    assert round(r2, 3) == 0.948 and round(rmse, 2) == 1.04


def test_scene_fusion_chain_headless(tmp_path):
    scene = results(lunar_process("run", "lunar:syntheticscene", "--", "WIDTH=128", "HEIGHT=96", "SEED=7",
                                  f"OUTPUT_DEM={tmp_path / 'dem.tif'}", f"OUTPUT_DOM={tmp_path / 'dom.tif'}",
                                  f"OUTPUT_REFLECTANCE={tmp_path / 'refl.tif'}",
                                  f"OUTPUT_CRATERS={tmp_path / 'craters.gpkg'}"))
    fused = results(lunar_process("run", "lunar:fusedomdem", "--", f"DEM={scene['OUTPUT_DEM']}",
                                  f"DOM={scene['OUTPUT_DOM']}", "EIGHT_BIT=true", f"OUTPUT={tmp_path / 'f.tif'}"))
    a = read_raster(fused["OUTPUT"], 2)
    assert a.shape == (96, 128) and np.nanmax(a) > 1


def test_bad_input_is_a_clear_message_not_a_traceback(tmp_path):
    raster = write_raster(tmp_path / "two.tif", np.ones((2, 3, 3), np.float32))
    proc = lunar_process("run", "lunar:oxideequations", "--", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'x.tif'}",
                         check=False)
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "band 4 for R950 does not exist; 'two.tif' has 2 band(s)" in text
    assert "Traceback" not in text
    assert not (tmp_path / "x.tif").exists()


def test_hostile_cases_headless_name_the_parameter_without_traceback(tmp_path):
    """A sample of tests/algorithms/test_faults.py's cases as a user of qgis_process meets them."""
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 8, 8), 0.1, np.float32))
    data = open(raster, "rb").read()
    (tmp_path / "truncated.tif").write_bytes(data[:len(data) // 2])
    (tmp_path / "diameters.csv").write_text("lon,lat,diameter_km\n1,1,12\n1.2,1.1,twelve\n")
    cases = [
        (["lunar:oxideequations", f"INPUT={tmp_path / 'truncated.tif'}", f"OUTPUT_FEO={tmp_path / 'a.tif'}"],
         "INPUT: '"),
        (["lunar:oxideequations", f"INPUT={raster}", f"OUTPUT_FEO={raster}"], "would overwrite the input INPUT"),
        (["lunar:oxideequations", f"INPUT={raster}", "X0_FE=abc", f"OUTPUT_FEO={tmp_path / 'b.tif'}"],
         "X0_FE: 'abc' is not a number"),
        (["lunar:oxideequations", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'c.tif'}",
          f"OUTPUT_TIO2={tmp_path / 'c.tif'}"], "OUTPUT_FEO and OUTPUT_TIO2 point at the same file"),
        (["lunar:evaluatecraters", f"DETECTIONS={tmp_path / 'diameters.csv'}",
          f"CATALOG={tmp_path / 'diameters.csv'}", f"OUTPUT={tmp_path / 'e.gpkg'}"],
         "DETECTIONS: field 'diameter_km' of feature 2 holds 'twelve', not a number"),
    ]
    listing = lambda: sorted(n for n in os.listdir(tmp_path) if not n.endswith(".aux.xml"))  # noqa: E731 (QGIS's cache)
    before = listing()
    for args, expected in cases:
        proc = lunar_process("run", args[0], "--", *args[1:], check=False)
        text = proc.stdout + proc.stderr
        assert proc.returncode != 0 and expected in text, text[-1500:]
        assert "Traceback" not in text
    assert listing() == before and open(raster, "rb").read() == data


def test_sigterm_leaves_nothing_behind(tmp_path):
    """A run stopped with SIGTERM (a batch scheduler's kill) removes its temporary files before exiting."""
    import signal
    import time
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 3000, 3000), 0.1, np.float32))
    proc = subprocess.Popen([LUNAR_PROCESS, "--json", "run", "lunar:oxidecnn", "--", f"INPUT={raster}",
                             f"OUTPUT_FEO={tmp_path / 'feo.tif'}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    deadline = time.time() + 120
    while time.time() < deadline and not [n for n in os.listdir(tmp_path) if ".partial" in n]:
        time.sleep(0.2)
    assert [n for n in os.listdir(tmp_path) if ".partial" in n], "the run never started writing"
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in out + err
    assert sorted(n for n in os.listdir(tmp_path) if not n.endswith(".aux.xml")) == ["refl.tif"]
