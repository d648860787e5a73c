"""End-to-end: bin/lunar-batch (no QGIS) and bin/lunar-process with SCHEDULER=local:2."""
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from lunar_lab.lunar_plugin.core import synthetic
from lunar_lab.lunar_plugin.core.oxides import equations

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def reflectance(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("batch") / "refl.tif")
    synthetic.write_scene(synthetic.make_scene(512, 256, seed=5), None, None, path)
    return path


def run(*args):
    return subprocess.run([str(ROOT / "bin" / args[0]), *args[1:]], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def test_lunar_batch_on_local_2_writes_the_in_process_raster(reflectance, tmp_path):
    equations.equation_maps(reflectance, 1, 2, 4, {"feo": str(tmp_path / "here.tif")}, equations.PRESETS["qiu2025"])
    proc = run("lunar-batch", "oxideequations", f"INPUT={reflectance}", f"OUTPUT_FEO={tmp_path / 'batch.tif'}",
               "SCHEDULER=local:2")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == {"OUTPUT_FEO": str(tmp_path / "batch.tif")}
    here, batch = (gdal.Open(str(tmp_path / n)).ReadAsArray() for n in ("here.tif", "batch.tif"))
    assert here.tobytes() == batch.tobytes()


def test_lunar_batch_bad_parameter_is_a_clear_error(reflectance, tmp_path):
    proc = run("lunar-batch", "oxideequations", f"INPUT={reflectance}", "OUTPUT_FE=x.tif")
    assert proc.returncode == 2
    assert "oxideequations has no parameter OUTPUT_FE; it takes INPUT" in proc.stderr


def test_lunar_process_runs_a_local_cluster(reflectance, tmp_path):
    """Inside qgis_process the workers must be spawned with a Python, not with the QGIS executable."""
    proc = run("lunar-process", "--json", "run", "lunar:oxideequations", "--", f"INPUT={reflectance}",
               f"OUTPUT_TIO2={tmp_path / 'tio2.tif'}", "SCHEDULER=local:2")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    equations.equation_maps(reflectance, 1, 2, 4, {"tio2": str(tmp_path / "here.tif")}, equations.PRESETS["qiu2025"])
    a, b = (gdal.Open(str(tmp_path / n)).ReadAsArray() for n in ("here.tif", "tio2.tif"))
    assert np.array_equal(a, b)
