"""The same algorithms on a Dask cluster: LocalCluster of 2 worker processes against in-process runs."""
import ast
import json
import os
import time

import numpy as np
import pytest
from osgeo import gdal

from lunar_lab.lunar_plugin.core import cluster, sampling, synthetic
from lunar_lab.lunar_plugin.core.craters import detect, model_io, suppression, tiles
from lunar_lab.lunar_plugin.core.errors import Cancelled, LunarInputError
from lunar_lab.lunar_plugin.core.oxides import equations, maps
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource

from ..conftest import ROOT
from ..craters import as_rows, same_craters

distributed = pytest.importorskip("distributed")

#: 1024 x 512 pixels in 256 x 256 chunks: 8 chunks.
CHUNK = 256 * 256


@pytest.fixture(scope="module")
def scene_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cluster")
    scene = synthetic.make_scene(1024, 512, seed=7, pixel_m=100.0)
    dem, refl = folder / "dem.tif", folder / "refl.tif"
    synthetic.write_scene(scene, str(dem), None, str(refl))
    return scene, str(dem), str(refl)


@pytest.fixture(scope="module")
def address():
    """One LocalCluster of 2 single-threaded worker processes shared by the tests that pass tcp://."""
    import logging
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(cluster, "CHUNK_PIXELS", CHUNK)


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


def test_the_engine_imports_none_of_its_users():
    """Detection and sampling bring their own tasks to core.cluster; it imports neither (no import circle)."""
    tree = ast.parse((ROOT / "lunar_plugin" / "core" / "cluster.py").read_text(encoding="utf-8"))
    relative = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
    assert relative == {"errors", "feedback", "messages", "raster"}


def test_scheduler_specs():
    assert cluster.parse_scheduler("") == ("inprocess", None)
    assert cluster.parse_scheduler(" local:3 ") == ("local", 3)
    assert cluster.parse_scheduler("tcp://10.0.0.1:8786") == ("address", "tcp://10.0.0.1:8786")
    assert cluster.parse_scheduler("localhost:8786") == ("address", "tcp://localhost:8786")
    assert cluster.parse_scheduler("LOCAL") == ("local", os.cpu_count())
    assert cluster.parse_scheduler("/shared/scheduler.json") == ("file", "/shared/scheduler.json")
    with pytest.raises(LunarInputError, match="local:N with N >= 1"):
        cluster.parse_scheduler("local:0")
    with pytest.raises(LunarInputError, match="none of: empty"):
        cluster.parse_scheduler("my-cluster")


def test_equations_local_cluster_bit_identical(scene_files, tmp_path, small_chunks):
    """local:2 (started and stopped by the run) writes the in-process rasters bit for bit, over 8 chunks."""
    _, _, refl = scene_files
    assert len(cluster.windows(1024, 512, CHUNK)) == 8
    here = {k: str(tmp_path / f"{k}_here.tif") for k in ("feo", "tio2", "omat")}
    there = {k: str(tmp_path / f"{k}_cluster.tif") for k in ("feo", "tio2", "omat")}
    equations.equation_maps(refl, 1, 2, 4, here, equations.PRESETS["qiu2025"])
    equations.equation_maps(refl, 1, 2, 4, there, equations.PRESETS["qiu2025"], scheduler="local:2")
    for key in here:
        a, b = read(here[key]), read(there[key])
        assert np.isfinite(a).mean() > 0.5
        assert a.tobytes() == b.tobytes(), key
    assert sorted(os.listdir(tmp_path)) == sorted(os.path.basename(p) for p in [*here.values(), *there.values()])


def test_equations_through_a_scheduler_file(scene_files, tmp_path, address, small_chunks):
    _, _, refl = scene_files
    scheduler_file = tmp_path / "scheduler.json"
    scheduler_file.write_text(json.dumps({"address": address, "type": "Scheduler"}))
    equations.equation_maps(refl, 1, 2, 4, {"feo": str(tmp_path / "a.tif")}, equations.PRESETS["qiu2025"])
    equations.equation_maps(refl, 1, 2, 4, {"feo": str(tmp_path / "b.tif")}, equations.PRESETS["qiu2025"],
                            scheduler=str(scheduler_file))
    assert read(tmp_path / "a.tif").tobytes() == read(tmp_path / "b.tif").tobytes()


def test_cnn_on_the_cluster_within_1e4(scene_files, tmp_path, address, small_chunks):
    _, _, refl = scene_files
    model = str(ROOT / "models" / "oxide_clementine.pt")
    here = {t: str(tmp_path / f"{t}_here.tif") for t in ("FeO", "TiO2")}
    there = {t: str(tmp_path / f"{t}_cluster.tif") for t in ("FeO", "TiO2")}
    maps.cnn_maps(refl, model, here, mgnumber_path=str(tmp_path / "mg_here.tif"), device="cpu")
    maps.cnn_maps(refl, model, there, mgnumber_path=str(tmp_path / "mg_cluster.tif"), scheduler=address,
                  device="cpu")
    for a, b in [(here[t], there[t]) for t in here] + [(tmp_path / "mg_here.tif", tmp_path / "mg_cluster.tif")]:
        a, b = read(a), read(b)
        assert np.array_equal(a == -9999, b == -9999)
        assert np.abs(a - b).max() <= 1e-4


def lunar_metadata(path):
    return {k: v for k, v in gdal.Open(str(path)).GetMetadata().items() if k.startswith("LUNAR_")}


class Log:
    """Feedback that keeps what it is told."""

    def __init__(self):
        self.lines = []

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)

    pushWarning = pushInfo

    def setProgress(self, percent):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False


def test_cluster_runs_report_the_in_process_trust_counts(scene_files, tmp_path, address, small_chunks):
    """Clipped and out-of-domain pixel counts of the chunks are added up on the driver: the log and every output's
    metadata say what an in-process run says (8 chunks, 2 workers)."""
    _, _, refl = scene_files
    model = str(ROOT / "models" / "oxide_clementine.pt")
    logs = {}
    for where, scheduler in (("here", ""), ("cluster", address)):
        logs[where] = Log()
        maps.cnn_maps(refl, model, {t: str(tmp_path / f"{t}_{where}.tif") for t in ("FeO", "TiO2")},
                      feedback=logs[where], scheduler=scheduler, device="cpu")
    here, there = lunar_metadata(tmp_path / "FeO_here.tif"), lunar_metadata(tmp_path / "FeO_cluster.tif")
    assert here == there == lunar_metadata(tmp_path / "TiO2_cluster.tif")
    assert int(there["LUNAR_VALID_PIXELS"]) == 1024 * 512 - np.isnan(read(refl)[0]).sum()
    assert 0 < float(there["LUNAR_DOMAIN_FRACTION_OUTSIDE"]) < 1
    assert not there["LUNAR_TIO2_CLIPPED"].startswith("0 below")   # the synthetic scene has TiO2 below 0
    assert [line for line in logs["here"].lines if "wt%" in line or "domain" in line] == \
        [line for line in logs["cluster"].lines if "wt%" in line or "domain" in line]

    domain = equations.load_equation_domain(ROOT / "models" / "oxide_equations_domain.json")
    for where, scheduler in (("here", ""), ("cluster", address)):
        equations.equation_maps(refl, 1, 2, 4, {"feo": str(tmp_path / f"eq_{where}.tif")},
                                equations.PRESETS["qiu2025"], domain=domain, scheduler=scheduler)
    here, there = lunar_metadata(tmp_path / "eq_here.tif"), lunar_metadata(tmp_path / "eq_cluster.tif")
    assert here == there and int(there["LUNAR_VALID_PIXELS"]) > 0 and "LUNAR_DOMAIN_FRACTION_OUTSIDE" in there


def test_tallies_merge_nested_counts():
    driver = {"valid": 0, "outside": 0, "clipped": {}}
    for part in ({"valid": 5, "outside": 1, "clipped": {"FeO": [2, 0]}},
                 {"valid": 7, "outside": 0, "clipped": {"FeO": [1, 3], "MgO": [0, 4]}}):
        cluster.merge_tally(driver, part)
    assert driver == {"valid": 12, "outside": 1, "clipped": {"FeO": [3, 3], "MgO": [0, 4]}}
    assert cluster.zeroed(driver) == {"valid": 0, "outside": 0, "clipped": {"FeO": [0, 0], "MgO": [0, 0]}}


def test_equal_area_sampling_on_the_cluster_is_identical(scene_files, address, monkeypatch):
    """Samples (every batch, in order) and statistics of local:2 equal the in-process ones bit for bit, over
    about 20 sampling tasks, with zones."""
    _, dem, refl = scene_files
    monkeypatch.setattr(sampling, "CELLS_PER_TASK", 5000)
    source = RasterSource(refl, "RASTERS")
    gt = source.geotransform
    box = (gt[0], gt[3] + gt[5] * source.ysize, gt[0] + gt[1] * source.xsize, gt[3])
    west, south, east, north = box
    zones = [("west", f"POLYGON(({west} {south},{(west + east) / 2} {south},{(west + east) / 2} {north},"
                      f"{west} {north},{west} {south}))")]
    runs = {}
    for where, scheduler in (("here", ""), ("cluster", address)):
        batches = []
        samplers = [sampling.RasterSampler(RasterSource(refl, "RASTERS"), "refl"),
                    sampling.RasterSampler(RasterSource(dem, "RASTERS"), "dem")]
        rows = sampling.sample_equal_area(samplers, box, 0.02, 0.05, zones, batches.append, batch_size=20000,
                                          scheduler=scheduler)
        runs[where] = rows, batches
    (rows_here, batches_here), (rows_there, batches_there) = runs["here"], runs["cluster"]
    assert rows_here == rows_there
    assert len(batches_here) == len(batches_there) > 3
    for a, b in zip(batches_here, batches_there):
        assert a.keys() == b.keys()
        for key in a:
            assert a[key].tobytes() == b[key].tobytes() if a[key].dtype != object else list(a[key]) == list(b[key])
    assert np.isfinite(batches_there[0]["refl_b1"]).mean() > 0.9
    assert {row["zone"] for row in rows_there} == {"all", "west"}


def test_detection_on_the_cluster_finds_the_same_craters(scene_files, address, monkeypatch):
    """Same count and positions within 1e-6 km; at least one crater found in both straddles a chunk border;
    regions are closed as the chunks come in (suppression.CLOSE_AT 1)."""
    scene, dem, _ = scene_files
    monkeypatch.setattr(suppression, "CLOSE_AT", 1)
    source = RasterSource(dem, "INPUT")
    detector = detect.Detector(model_io.load(ROOT / "models" / "crater_detector.pt"), "cpu")
    args = (source, 0.8, 30.0, 0.5, 128, 0.5)
    here = detector.detect(*args)
    there = detector.detect(*args, scheduler=address)
    assert len(here) > 50
    a, b = as_rows(here), as_rows(there)
    # as sets: the order of two craters may differ. Diameters: torch's convolutions round differently with 1 thread
    # (workers) and 2 (here): ~1e-6 km seen
    assert same_craters(a, b, centre_km=1e-6, diameter_km=1e-5) == (True, "")
    # chunk borders of pyramid level 0: between the tile rows' cores
    geo = RasterGeo(source)
    plan, _ = tiles.level_plan(geo, detector.card.keep_px, 0.8, 30.0)
    chunks = [jobs for _, jobs in detect.detection_chunks(tiles.TilePlan(source, geo.wrap, plan, 128, 0.5))]
    assert len(chunks) >= 8
    chunks = [c for c in chunks if c[0].level == 0]
    borders = sorted({c[0].y.core_hi for c in chunks} - {source.ysize})
    rows = geo.pixel(b[:, 0], b[:, 1])[1]   # geographic raster: lon/lat are CRS x/y
    radius_rows = b[:, 2] / 2.0 / (scene.pixel_m / 1000.0)
    across = [(r, rr) for r, rr in zip(rows, radius_rows) if any(abs(r - y) < rr for y in borders)]
    assert across


class CancelAfter:
    """Feedback that asks to stop after ``n`` progress reports."""

    def __init__(self, n):
        self.n, self.reports = n, 0

    def setProgress(self, percent):  # noqa: N802
        self.reports += 1

    def isCanceled(self):  # noqa: N802
        return self.reports >= self.n


def test_cancel_on_the_cluster_leaves_nothing(scene_files, tmp_path, address, small_chunks):
    _, _, refl = scene_files
    model = str(ROOT / "models" / "oxide_clementine.pt")
    with pytest.raises(Cancelled, match="cancelled by the user"):
        maps.cnn_maps(refl, model, {"FeO": str(tmp_path / "feo.tif")}, scheduler=address, device="cpu",
                      feedback=CancelAfter(2))
    time.sleep(1.0)   # a chunk still running on a worker must not re-create anything
    assert os.listdir(tmp_path) == []


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")   # the file closed before removal
def test_cancel_of_a_detection_on_the_cluster_leaves_nothing(scene_files, tmp_path, address):
    """lunar-batch's path: craters written region by region as they close; a cancel stops the tasks and the
    writer removes its temporary file."""
    from lunar_lab.lunar_plugin.core.batch import write_crater_circles
    _, dem, _ = scene_files
    detector = detect.Detector(model_io.load(ROOT / "models" / "crater_detector.pt"), "cpu")
    regions = detector.detect_regions(RasterSource(dem, "INPUT"), 0.8, 30.0, 0.5, 128, 0.5, feedback=CancelAfter(3),
                                      scheduler=address)
    with pytest.raises(Cancelled, match="cancelled by the user"):
        write_crater_circles((c for region in regions for c in region), str(tmp_path / "craters.gpkg"))
    assert os.listdir(tmp_path) == []


def test_unreachable_scheduler_is_a_clear_error_within_seconds(scene_files, tmp_path):
    _, _, refl = scene_files
    start = time.monotonic()
    with pytest.raises(LunarInputError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        equations.equation_maps(refl, 1, 2, 4, {"feo": str(tmp_path / "feo.tif")}, equations.PRESETS["qiu2025"],
                                scheduler="tcp://127.0.0.1:9")
    assert time.monotonic() - start < 15
    with pytest.raises(LunarInputError, match="scheduler file '.*missing.json' does not exist"):
        equations.equation_maps(refl, 1, 2, 4, {"feo": str(tmp_path / "feo.tif")}, equations.PRESETS["qiu2025"],
                                scheduler=str(tmp_path / "missing.json"))
    assert os.listdir(tmp_path) == []


def test_dask_is_imported_only_when_a_cluster_is_asked_for():
    import subprocess
    import sys
    code = ("import sys; sys.path.insert(0, %r); import plugin_path; "
            "from lunar_lab.lunar_plugin.core import cluster; from lunar_lab.lunar_plugin.core.oxides import maps; "
            "from lunar_lab.lunar_plugin.core.craters import detect; "
            "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))") % str(ROOT / "scripts")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_workers_that_cannot_see_the_input_are_a_clear_error(tmp_path, address, monkeypatch):
    """A file the driver sees but the workers do not (here: the driver is made to believe it exists)."""
    with distributed.Client(address) as client:
        cluster.check_workers(client, [str(tmp_path)])
        real_exists = os.path.exists
        with monkeypatch.context() as patch:
            patch.setattr(os.path, "exists", lambda p: p.endswith("nowhere.tif") or real_exists(p))
            with pytest.raises(LunarInputError, match="Dask worker tcp://.* does not see .*nowhere.tif"):
                cluster.check_workers(client, [str(tmp_path / "nowhere.tif")])
