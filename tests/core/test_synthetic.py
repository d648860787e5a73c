"""Synthetic lunar scene: determinism, shapes, ground truth, equations round trip, GeoTIFF output."""
import csv

import numpy as np
import pytest
from osgeo import gdal, osr

from lunar_lab.lunar_plugin.core import moon, synthetic
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.oxides import equations


@pytest.fixture(scope="module")
def scene():
    return synthetic.make_scene(256, 192, centre_lon=30.0, centre_lat=-25.0, pixel_m=200.0, seed=7)


def test_shapes_and_types(scene):
    h, w = 192, 256
    assert scene.dem.shape == scene.dom.shape == scene.mare_mask.shape == (h, w)
    assert scene.reflectance.shape == (5, h, w)
    for a in (scene.dem, scene.dom, scene.reflectance, scene.feo_true, scene.tio2_true):
        assert a.dtype == np.float32 and np.isfinite(a).all()
    assert scene.mare_mask.dtype == bool
    assert 0.0 <= scene.dom.min() and scene.dom.max() <= 1.0
    assert 0.0 < scene.reflectance.min() and scene.reflectance.max() < 1.0
    assert 0.2 < scene.mare_mask.mean() < 0.6
    assert scene.band_names == ["R415", "R750", "R900", "R950", "R1000"]


def test_deterministic():
    a = synthetic.make_scene(96, 80, seed=3)
    b = synthetic.make_scene(96, 80, seed=3)
    c = synthetic.make_scene(96, 80, seed=4)
    for name in ("dem", "dom", "reflectance", "feo_true", "tio2_true", "mare_mask"):
        assert getattr(a, name).tobytes() == getattr(b, name).tobytes(), name
    assert a.craters == b.craters
    assert a.dem.tobytes() != c.dem.tobytes()


def test_geotransform_and_pixel_size(scene):
    gt = scene.geotransform
    assert gt[1] == pytest.approx(-gt[5])
    assert np.radians(gt[1]) * moon.MOON_RADIUS_M == pytest.approx(200.0)
    assert gt[0] + 128 * gt[1] == pytest.approx(30.0)
    assert gt[3] + 96 * gt[5] == pytest.approx(-25.0)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(scene.wkt)
    assert srs.IsGeographic()
    assert srs.GetSemiMajor() == pytest.approx(1737400.0)


def test_equations_give_back_truth(scene):
    r = scene.reflectance.astype(np.float64)
    assert scene.equation_preset == synthetic.TRUTH_EQUATION_PRESET == "qiu2025"
    c = equations.PRESETS[scene.equation_preset]
    feo = equations.feo(r[1], r[3], c)
    tio2 = equations.tio2(r[0], r[1], c)
    assert np.abs(feo - scene.feo_true).max() < 1e-3
    assert np.abs(tio2 - scene.tio2_true).max() < 1e-3
    mare = scene.mare_mask
    assert 15.0 < scene.feo_true[mare].mean() < 21.0
    assert 3.0 < scene.feo_true[~mare].mean() < 7.0
    assert 1.5 < scene.tio2_true[mare].mean() < 8.5
    assert scene.tio2_true[~mare].mean() < 1.0
    assert r[1][mare].mean() < r[1][~mare].mean()          # maria darker


def test_crater_list(scene):
    assert len(scene.craters) > 10
    h, w = scene.dem.shape
    for c in scene.craters:
        assert c["kind"] in ("simple", "complex")
        assert 0.0 <= c["degradation"] <= 1.0
        assert c["diameter_km"] >= 6 * 0.2 * 0.999
        assert c["x"] - c["radius_px_x"] >= 0 and c["x"] + c["radius_px_x"] <= w
        assert c["y"] - c["radius_px"] >= 0 and c["y"] + c["radius_px"] <= h
        assert c["depth_km"] > 0
        # pixel centre and lon/lat agree
        gt = scene.geotransform
        assert gt[0] + c["x"] * gt[1] == pytest.approx(c["lon"])
        assert gt[3] + c["y"] * gt[5] == pytest.approx(c["lat"])
        assert c["radius_px"] == pytest.approx(c["diameter_km"] / 2 / (0.2), rel=1e-6)


def test_pike_morphometry():
    kind, d, h = synthetic.pike_morphometry(5.0)
    assert kind == "simple" and d / 5.0 == pytest.approx(0.2, abs=0.01) and h == pytest.approx(0.036 * 5 ** 1.014)
    kind, d, h = synthetic.pike_morphometry(50.0)
    assert kind == "complex" and d == pytest.approx(1.044 * 50 ** 0.301)


def test_simple_crater_depth_in_dem():
    s = synthetic.make_scene(384, 384, pixel_m=100.0, seed=11, crater_density=0.5)
    simple = [c for c in s.craters if c["kind"] == "simple" and c["radius_px"] >= 6 and c["degradation"] < 0.3]
    assert simple, "no fresh simple crater"
    c = max(simple, key=lambda c: c["age_rank"])          # youngest: nothing cut it
    yy, xx = np.mgrid[0:s.height, 0:s.width] + 0.5
    cos_lat = np.cos(np.radians(c["lat"]))
    r = np.hypot((xx - c["x"]) * cos_lat, yy - c["y"]) / c["radius_px"]
    floor = s.dem[r < 0.25].min()
    rim = np.percentile(s.dem[(r > 0.85) & (r < 1.15)], 90)
    depth_km = (rim - floor) / 1000.0
    assert depth_km == pytest.approx(c["depth_km"], rel=0.35)
    assert 0.08 < depth_km / c["diameter_km"] < 0.25


def test_circle_polygon_radius():
    for lat in (0.0, 45.0, -80.0):
        ring = moon.circle_polygon_lonlat(-20.0, lat, 30.0, n=48)
        assert len(ring) == 48
        lons, lats = np.array(ring).T
        dist = moon.great_circle_km(-20.0, lat, lons, lats)
        assert np.allclose(dist, 15.0, atol=1e-6)
        area = moon.polygon_area_km2(lons, lats)
        assert area == pytest.approx(np.pi * 15.0 ** 2, rel=0.01)


def test_bad_input():
    with pytest.raises(LunarInputError, match="width and height must be whole numbers >= 16"):
        synthetic.make_scene(8, 8)
    with pytest.raises(LunarInputError, match="64 rows of 0.1 deg around latitude 89.9 leave -90..90"):
        synthetic.make_scene(64, 64, centre_lat=89.9, pixel_deg=0.1)
    with pytest.raises(LunarInputError, match=r"mare fraction must be within 0..1 \(got 1.5\)"):
        synthetic.make_scene(64, 64, mare_fraction=1.5)


def test_write_scene(tmp_path):
    s = synthetic.make_scene(80, 64, seed=5)
    paths = [tmp_path / "dem.tif", tmp_path / "dom.tif", tmp_path / "refl.tif", tmp_path / "craters.csv"]
    written = synthetic.write_scene(s, *paths)
    assert len(written) == 4
    ds = gdal.Open(str(paths[0]))
    assert (ds.RasterXSize, ds.RasterYSize) == (80, 64)
    assert ds.GetRasterBand(1).GetUnitType() == "m"
    assert np.array_equal(ds.GetRasterBand(1).ReadAsArray(), s.dem)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    assert srs.IsGeographic() and srs.GetSemiMajor() == pytest.approx(1737400.0)
    assert np.allclose(ds.GetGeoTransform(), s.geotransform)
    ds = gdal.Open(str(paths[2]))
    assert ds.RasterCount == 5
    assert ds.GetRasterBand(1).GetDescription().startswith("R415")
    assert ds.GetRasterBand(5).GetUnitType() == "reflectance"
    assert np.array_equal(ds.ReadAsArray(), s.reflectance)
    assert gdal.Open(str(paths[1])).GetRasterBand(1).ReadAsArray().max() <= 1.0
    with open(paths[3], newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(s.craters)
    assert sorted(tmp_path.iterdir()) == sorted(paths)     # no temporary files left behind
