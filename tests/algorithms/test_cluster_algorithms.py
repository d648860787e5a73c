"""SCHEDULER and DEVICE on lunar:oxideequations, lunar:oxidecnn, lunar:detectcraters and lunar:equalareasampling
through processing.run."""
import os

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException

from lunar_lab.lunar_plugin.core import synthetic

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scene_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cluster_algs")
    scene = synthetic.make_scene(512, 512, seed=11)
    dem, refl = str(folder / "dem.tif"), str(folder / "refl.tif")
    synthetic.write_scene(scene, dem, None, refl)
    return dem, refl


def test_parameters_are_advanced(lunar_processing):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition
    registry = QgsApplication.processingRegistry()
    for alg_id, names in (("lunar:oxideequations", ["SCHEDULER"]), ("lunar:oxidecnn", ["SCHEDULER", "DEVICE"]),
                          ("lunar:detectcraters", ["SCHEDULER", "DEVICE"]),
                          ("lunar:equalareasampling", ["SCHEDULER"])):
        alg = registry.algorithmById(alg_id)
        for name in names:
            assert alg.parameterDefinition(name).flags() & QgsProcessingParameterDefinition.FlagAdvanced, name


def test_equations_and_cnn_on_local_2_match_in_process(run_alg, scene_files, tmp_path):
    _, refl = scene_files
    for alg_id, key in (("lunar:oxideequations", "OUTPUT_FEO"), ("lunar:oxidecnn", "OUTPUT_FEO")):
        here = run_alg(alg_id, {"INPUT": refl, key: str(tmp_path / "here.tif")})[key]
        there = run_alg(alg_id, {"INPUT": refl, key: str(tmp_path / "there.tif"), "SCHEDULER": "local:2",
                                 "DEVICE": 1})[key] if alg_id == "lunar:oxidecnn" else \
            run_alg(alg_id, {"INPUT": refl, key: str(tmp_path / "there.tif"), "SCHEDULER": "local:2"})[key]
        a, b = gdal.Open(here).ReadAsArray(), gdal.Open(there).ReadAsArray()
        assert np.abs(a - b).max() <= (0.0 if alg_id == "lunar:oxideequations" else 1e-4)
        os.remove(here), os.remove(there)


def test_detection_on_local_2_writes_the_same_craters(run_alg, scene_files, tmp_path):
    dem, _ = scene_files
    params = {"INPUT": dem, "MIN_DIAMETER_KM": 1.0, "MAX_DIAMETER_KM": 20.0, "TILE_SIZE": 256, "DEVICE": 1}
    here = run_alg("lunar:detectcraters", dict(params, OUTPUT=str(tmp_path / "here.gpkg")))["OUTPUT"]
    there = run_alg("lunar:detectcraters", dict(params, OUTPUT=str(tmp_path / "there.gpkg"),
                                                SCHEDULER="local:2"))["OUTPUT"]

    def rows(path):
        ds = ogr.Open(path.split("|")[0])   # the layer lives as long as its dataset
        return np.array(sorted((f["lon"], f["lat"], f["diameter_km"]) for f in ds.GetLayer(0)))
    a, b = rows(here), rows(there)
    assert len(a) == len(b) > 20
    assert np.abs(a[:, :2] - b[:, :2]).max() < 1e-7   # degrees: 3 mm
    assert np.abs(a[:, 2] - b[:, 2]).max() < 1e-5    # km (torch rounds differently on 1 and 2 threads)


def test_equal_area_sampling_on_local_2_writes_the_same_samples(run_alg, scene_files, tmp_path):
    dem, refl = scene_files
    params = {"RASTERS": [dem, refl], "LAT_STEP": 0.01, "AREA_KM2": 0.02}
    outputs = {}
    for where, scheduler in (("here", ""), ("there", "local:2")):
        result = run_alg("lunar:equalareasampling", dict(params, OUTPUT=str(tmp_path / f"{where}.gpkg"),
                                                         OUTPUT_STATS=str(tmp_path / f"{where}_stats.gpkg"),
                                                         SCHEDULER=scheduler))
        outputs[where] = [rows(result[key]) for key in ("OUTPUT", "OUTPUT_STATS")]
    assert len(outputs["here"][0]) > 1000 and len(outputs["here"][1]) > 5
    assert outputs["here"] == outputs["there"]


def rows(path):
    """Every feature's attributes and geometry (WKT), in order."""
    ds = ogr.Open(path.split("|")[0])
    return [(feature.items(), feature.GetGeometryRef().ExportToWkt() if feature.GetGeometryRef() else None)
            for feature in ds.GetLayer(0)]


def test_unreachable_scheduler_is_a_clear_error(run_alg, scene_files, tmp_path):
    _, refl = scene_files
    with pytest.raises(QgsProcessingException, match="SCHEDULER: cannot reach the Dask scheduler"):
        run_alg("lunar:oxideequations", {"INPUT": refl, "OUTPUT_FEO": str(tmp_path / "feo.tif"),
                                         "SCHEDULER": "tcp://127.0.0.1:9"})
    assert os.listdir(tmp_path) == []


def test_cuda_without_a_gpu_is_a_clear_error(run_alg, scene_files, tmp_path):
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: DEVICE=cuda is valid here")
    _, refl = scene_files
    with pytest.raises(QgsProcessingException, match="DEVICE: 'cuda' was asked for, but torch .* sees no CUDA GPU"):
        run_alg("lunar:oxidecnn", {"INPUT": refl, "OUTPUT_FEO": str(tmp_path / "feo.tif"), "DEVICE": 2})
    assert os.listdir(tmp_path) == []
