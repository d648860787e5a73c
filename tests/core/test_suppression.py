"""Region-by-region suppression (bounded memory on global mosaics) gives the whole raster's suppression exactly."""
import math

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core.craters import suppression
from lunar_lab.lunar_plugin.core.moon import MOON_RADIUS_KM, great_circle_km
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource

from ..rasters import write_raster

RES_DEG = 0.01


def geographic(tmp_path, width=2000, height=6000):
    """A geographic raster of RES_DEG pixels from 30 N down to 30 S."""
    path = write_raster(tmp_path / "g.tif", np.zeros((height, width), np.float32),
                        (0.0, RES_DEG, 0.0, 30.0, 0.0, -RES_DEG))
    return RasterGeo(RasterSource(path, "INPUT"))


def tile_rows_of(rng, width, height, count=4000):
    """Raw detections as tiles of three pyramid levels would give them, grouped in tile rows by (first source
    row, level) and sorted as ``TilePlan.rows``: duplicates of each crater from neighbouring tiles and levels,
    confidences on a 0.01 grid (ties), diameters of 0.3-40 km."""
    col = rng.uniform(0, width, count)
    row = rng.uniform(0, height, count)
    diameter = np.exp(rng.uniform(np.log(0.3), np.log(40.0), count))
    copies = rng.integers(1, 4, count)
    col, row, diameter = (np.repeat(a, copies) for a in (col, row, diameter))
    px_km = RES_DEG * math.pi / 180 * MOON_RADIUS_KM
    jitter = 0.2 * diameter / px_km
    col = col + rng.normal(0, 1, col.size) * jitter
    row = np.clip(row + rng.normal(0, 1, row.size) * jitter, 0, height - 1e-6)
    confidence = np.round(rng.uniform(0.3, 1.0, col.size), 2)
    level = rng.integers(0, 3, col.size)
    tile_height = 256 << level   # a coarser level's tile covers more source rows
    first_row = row // tile_height * tile_height
    rows = []
    for tile, (first, lv) in enumerate(sorted(set(zip(first_row.tolist(), level.tolist())))):
        mine = np.flatnonzero((first_row == first) & (level == lv))
        lon, lat = col[mine] * RES_DEG, 30.0 - row[mine] * RES_DEG
        rows.append((first, suppression.raw_detections(lon, lat, diameter[mine], confidence[mine], lv, row[mine],
                                                       tile)))
    return rows


def test_row_km_of_a_geographic_raster_is_half_a_latitude_step(tmp_path):
    geo = geographic(tmp_path, 200, 600)
    assert suppression.row_km(geo) == pytest.approx(0.5 * RES_DEG * math.pi / 180 * MOON_RADIUS_KM, rel=1e-6)


def test_row_km_bounds_the_distance_on_a_polar_stereographic_raster(tmp_path):
    """Around the south pole: any two points are at least row_km per row between them apart."""
    wkt = ('PROJCS["Moon south polar",GEOGCS["Moon",DATUM["Moon",SPHEROID["Moon",1737400,0]],PRIMEM["Reference",0],'
           'UNIT["degree",0.0174532925199433]],PROJECTION["Polar_Stereographic"],PARAMETER["latitude_of_origin",-90],'
           'PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],'
           'PARAMETER["false_northing",0],UNIT["metre",1]]')
    path = write_raster(tmp_path / "p.tif", np.zeros((800, 800), np.float32),
                        (-400000.0, 1000.0, 0.0, 400000.0, 0.0, -1000.0), wkt=wkt)
    geo = RasterGeo(RasterSource(path, "INPUT"))
    bound = suppression.row_km(geo)
    assert 0.4 < bound < 0.5   # 1 km pixels, scale above 1 away from the pole
    rng = np.random.default_rng(5)
    c0, r0 = rng.uniform(0, 800, 5000), rng.uniform(0, 800, 5000)
    c1, r1 = c0 + rng.uniform(-200, 200, 5000), r0 + rng.uniform(-200, 200, 5000)
    lon0, lat0 = geo.lonlat(*geo.crs_xy(c0, r0))
    lon1, lat1 = geo.lonlat(*geo.crs_xy(c1, r1))
    assert np.all(great_circle_km(lon0, lat0, lon1, lat1) >= bound * np.abs(r1 - r0))


def test_regions_give_the_whole_raster_suppression(tmp_path, monkeypatch):
    """Fed tile row by tile row and closed at every row, the kept detections (ties of equal confidence
    included) are those of one suppression over everything, while the merger holds a fraction of them."""
    monkeypatch.setattr(suppression, "CLOSE_AT", 1)
    geo = geographic(tmp_path)
    rows = tile_rows_of(np.random.default_rng(11), geo.xsize, geo.ysize)
    everything = np.concatenate([raw for _, raw in rows])
    whole = everything[suppression.suppress(everything, 0.5, 1.6)]
    merger = suppression.RegionMerger(0.5, 1.6, suppression.row_km(geo))
    regions = []
    for first_row, raw in rows:
        if merger.due():
            regions.append(merger.close(first_row))
        merger.add(raw)
    regions.append(merger.close())
    merged = np.concatenate(regions)
    merged = merged[suppression.by_confidence(merged)]
    assert everything.size > 7000 and 0.3 * everything.size < whole.size < 0.8 * everything.size
    assert merged.tobytes() == whole.tobytes()
    assert len([r for r in regions if r.size]) > 10
    assert merger.peak < 0.25 * everything.size


def test_a_region_in_reach_of_rows_to_come_waits(tmp_path):
    """Two duplicates of a 20 km crater just above the next tile row are not final: a more confident copy in that
    row still suppresses them."""
    geo = geographic(tmp_path, 200, 600)
    km_per_row = suppression.row_km(geo)
    merger = suppression.RegionMerger(0.5, 1.6, km_per_row)
    lat_of = lambda row: 30.0 - row * RES_DEG   # noqa: E731
    merger.add(suppression.raw_detections([1.0, 1.0], [lat_of(95.0), lat_of(96.0)], [20.0, 21.0], [0.6, 0.5], 0,
                                          [95.0, 96.0], 0))
    merger.add(suppression.raw_detections([0.5], [lat_of(10.0)], [2.0], [0.9], 0, [10.0], 1))
    first = merger.close(100)
    assert [round(d["lat"], 6) for d in first] == [round(lat_of(10.0), 6)] and merger.count == 2
    merger.add(suppression.raw_detections([1.0], [lat_of(101.0)], [20.5], [0.95], 0, [101.0], 2))
    last = merger.close()
    assert list(last["confidence"]) == [0.95] and merger.count == 0
