"""lunar:detectcraters as issue 24 asked: an optional extent (only its window is read, in-process and on a Dask
cluster), output layers named after what was run, and a log without lines that say nothing."""
import re

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import (QgsProcessingContext, QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProject,
                       QgsVectorLayer)

from lunar_lab.tests.craters import same_craters
from lunar_lab.tests.recording import RecordingFeedback

#: The east half of the scene (lon -20.64..-19.36, lat 9.36..10.64 at 100 m/px, 384 px), in the Moon's CRS.
EAST = (-20.0, -19.3, 9.3, 10.7)
PARAMS = {"MIN_DIAMETER_KM": 0.5, "TILE_SIZE": 128}


@pytest.fixture(scope="module")
def dem(run_alg, tmp_path_factory):
    out = tmp_path_factory.mktemp("extent_scene")
    return run_alg("lunar:syntheticscene", {
        "WIDTH": 384, "HEIGHT": 384, "SEED": 11, "PIXEL_M": 100.0, "OUTPUT_DEM": str(out / "dem.tif"),
        "OUTPUT_DOM": "TEMPORARY_OUTPUT", "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT",
        "OUTPUT_CRATERS": "TEMPORARY_OUTPUT"})["OUTPUT_DEM"]


def extent(box, crs="IAU_2015:30100"):
    return "{0},{1},{2},{3} [{4}]".format(*box, crs)


def rows(path):
    ds = ogr.Open(path.split("|")[0])   # the layer lives as long as its dataset
    return np.array([(f["lon"], f["lat"], f["diameter_km"]) for f in ds.GetLayer(0)]).reshape(-1, 3)


def tiles(feedback):
    [line] = [line for line in feedback.lines if line.startswith("pyramid levels")]
    return int(re.search(r"(\d+) tiles", line).group(1))


def test_extent_limits_detection_to_its_window(run_alg, dem, tmp_path):
    whole, part = RecordingFeedback(), RecordingFeedback()
    everything = rows(run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, OUTPUT=str(tmp_path / "all.gpkg")),
                              whole)["OUTPUT"])
    east = rows(run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, EXTENT=extent(EAST),
                                                    OUTPUT=str(tmp_path / "east.gpkg")), part)["OUTPUT"])
    assert tiles(part) < 0.7 * tiles(whole)   # only the window was tiled
    assert len(east) > 10
    assert (east[:, 0] >= EAST[0]).all() and (east[:, 1] >= EAST[2]).all() and (east[:, 1] <= EAST[3]).all()
    # away from the window's edge (a tile sees the same pixels there) the craters are the whole raster's
    core = everything[(everything[:, 0] > EAST[0] + 0.15) & (everything[:, 1] > 9.5) & (everything[:, 1] < 10.5)]
    near = east[(east[:, 0] > EAST[0] + 0.15) & (east[:, 1] > 9.5) & (east[:, 1] < 10.5)]
    assert len(core) > 5
    same, why = same_craters(near, core, centre_km=0.1, diameter_km=0.2)   # 1 and 2 pixels: other tiles
    assert same, why


def test_extent_in_an_earth_crs_is_refused(run_alg, dem, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"EXTENT: the extent is given in EPSG:4326 .*a CRS of another "
                                                     r"body; give it in a lunar CRS"):
        run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, EXTENT=extent(EAST, "EPSG:4326"),
                                            OUTPUT=str(tmp_path / "earth.gpkg")))


def test_extent_beside_the_raster_is_refused(run_alg, dem, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"Extent \(EXTENT\): .* does not overlap the raster "
                                                     r"'.*dem\.tif' \(INPUT, extent "):
        run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, EXTENT=extent((100.0, 101.0, 50.0, 51.0)),
                                            OUTPUT=str(tmp_path / "beside.gpkg")))
    assert not list(tmp_path.iterdir())   # nothing written


def test_extent_on_a_cluster_gives_the_in_process_craters(run_alg, dem, tmp_path):
    pytest.importorskip("distributed")
    params = dict(PARAMS, INPUT=dem, EXTENT=extent(EAST), DEVICE=1)
    here = rows(run_alg("lunar:detectcraters", dict(params, OUTPUT=str(tmp_path / "here.gpkg")))["OUTPUT"])
    there = rows(run_alg("lunar:detectcraters", dict(params, OUTPUT=str(tmp_path / "there.gpkg"),
                                                     SCHEDULER="local:2"))["OUTPUT"])
    assert len(here) > 10 and (there[:, 0] >= EAST[0]).all()
    same, why = same_craters(here, there, centre_km=1e-3, diameter_km=1e-3)
    assert same, why


def test_output_layer_is_named_after_the_raster_and_the_model(lunar_processing, dem, tmp_path):
    """Three runs gave three layers called 'Craters (detected)'."""
    names = []
    for model in (0, 1):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        output = QgsProcessingOutputLayerDefinition(str(tmp_path / f"d{model}.gpkg"), QgsProject.instance())
        result = lunar_processing.run("lunar:detectcraters", dict(PARAMS, INPUT=dem, SHIPPED_MODEL=model,
                                                                  OUTPUT=output), context=context)
        names.append(context.layerToLoadOnCompletionDetails(result["OUTPUT"]).name)
    assert names == ["Craters (detected) — dem, LOLA DEM model", "Craters (detected) — dem, LRO NAC image model"]


def test_log_says_longitudes_only_when_they_are_not_the_usual_ones(run_alg, dem, tmp_path):
    feedback = RecordingFeedback()
    out = run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, OUTPUT=str(tmp_path / "d.gpkg")), feedback)
    said = [line for line in feedback.lines if "(longitudes" in line or line.startswith("Longitudes")]
    assert not said   # -180..180, as usual: nothing to say
    assert f"{QgsVectorLayer(out['OUTPUT'], 'd', 'ogr').featureCount()} craters detected" in feedback.lines
    east = run_alg("lunar:syntheticscene", {
        "WIDTH": 128, "HEIGHT": 128, "SEED": 5, "PIXEL_M": 200.0, "CENTRE_LON": 200.0, "CENTRE_LAT": 0.0,
        "OUTPUT_DEM": str(tmp_path / "east.tif"), "OUTPUT_DOM": "TEMPORARY_OUTPUT",
        "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT", "OUTPUT_CRATERS": "TEMPORARY_OUTPUT"})["OUTPUT_DEM"]
    feedback = RecordingFeedback()
    run_alg("lunar:detectcraters", dict(PARAMS, INPUT=east, OUTPUT=str(tmp_path / "e.gpkg")), feedback)
    assert "Longitudes are written from 0 to 360, as the raster's" in feedback.lines


def test_detections_are_written_rounded(run_alg, dem, tmp_path):
    """lon/lat to 1e-6 degree, diameters to 0.1 m, confidence to 4 decimals (they came with 16 digits)."""
    ds = ogr.Open(run_alg("lunar:detectcraters", dict(PARAMS, INPUT=dem, OUTPUT=str(tmp_path / "r.gpkg")))["OUTPUT"]
                  .split("|")[0])
    values = np.array([(f["lon"], f["lat"], f["diameter_km"], f["confidence"]) for f in ds.GetLayer(0)])
    assert len(values) > 10
    for column, decimals in zip(values.T, (6, 6, 4, 4)):
        np.testing.assert_array_equal(column, np.round(column, decimals))
