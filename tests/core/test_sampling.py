"""Quasi-equal-area grid (Qiu et al. 2025, eq. 8) and streaming statistics."""
import math

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import sampling
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.moon import MOON_RADIUS_KM
from lunar_lab.lunar_plugin.core.raster import RasterSource
from lunar_lab.tests.rasters import write_raster


def test_cell_areas_within_half_percent_from_89S_to_89N():
    worst = 0.0
    for lat_s in np.arange(-89.0, 89.0, 0.15):
        lons, dlon, area, _ = sampling.band_cells(-180.0, 180.0, lat_s, 0.15, 2.25)
        worst = max(worst, abs(area / 2.25 - 1))
    assert worst < 0.005


def test_global_cell_count_matches_sphere_area():
    extent = (-180.0, -90.0, 180.0, 90.0)
    n = sampling.count_cells(extent, 0.15, 2.25)
    expected = 4 * math.pi * MOON_RADIUS_KM ** 2 / 2.25
    assert n == pytest.approx(expected, rel=0.01)
    assert 16.5e6 < n < 17.5e6


def test_sampling_reads_nearest_pixels_and_stats(tmp_path):
    data = np.arange(100, dtype=np.float32).reshape(10, 10)
    data[0, 0] = -1
    path = write_raster(tmp_path / "r.tif", data, geotransform=(10.0, 0.1, 0, 1.0, 0, -0.1), nodata=-1)
    sampler = sampling.RasterSampler(RasterSource(path), "v")
    batches = []
    rows = sampling.sample_equal_area([sampler], (10.0, 0.0, 11.0, 1.0), 0.05, 2.0, on_batch=batches.append)
    lon = np.concatenate([b["lon"] for b in batches])
    lat = np.concatenate([b["lat"] for b in batches])
    v = np.concatenate([b["v"] for b in batches])
    expected = np.floor((1.0 - lat) / 0.1) * 10 + np.floor((lon - 10.0) / 0.1)
    expected[expected == 0] = np.nan
    np.testing.assert_array_equal(v, expected.astype(np.float32))
    stats = rows[0]
    assert stats["count"] == np.isfinite(v).sum()
    assert stats["mean"] == pytest.approx(np.nanmean(v))
    assert stats["p50"] == pytest.approx(np.nanmedian(v), abs=0.1)


def test_zones_split_statistics(tmp_path):
    data = np.tile(np.array([1.0] * 5 + [3.0] * 5, np.float32), (10, 1))
    path = write_raster(tmp_path / "r.tif", data, geotransform=(0.0, 0.1, 0, 1.0, 0, -0.1))
    zones = [("west", "POLYGON((0 0,0.5 0,0.5 1,0 1,0 0))"), ("east", "POLYGON((0.5 0,1 0,1 1,0.5 1,0.5 0))")]
    rows = sampling.sample_equal_area([sampling.RasterSampler(RasterSource(path), "v")], (0, 0, 1, 1), 0.02, 0.5,
                                      zones=zones)
    by_zone = {r["zone"]: r for r in rows if r["variable"] == "v"}
    assert by_zone["west"]["mean"] == pytest.approx(1.0) and by_zone["east"]["mean"] == pytest.approx(3.0)
    assert by_zone["all"]["count"] == by_zone["west"]["count"] + by_zone["east"]["count"]


def test_bad_grid_parameters():
    with pytest.raises(LunarInputError, match="LAT_STEP"):
        sampling.band_edges(0, 1, 0)
    with pytest.raises(LunarInputError, match="AREA_KM2"):
        sampling.lon_step_deg(0, 0.15, -1)
