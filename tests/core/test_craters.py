"""Crater detection: module layout, schema, matching rule, NMS, geometry at high latitude, tiles, model files,
detection on bowls."""
import ast
import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr

from lunar_lab.lunar_plugin.core.craters import (datasets, detect, matching, model_io, schema, suppression, tiles,
                                                 training)
from lunar_lab.lunar_plugin.core.craters.schema import Crater
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.moon import KM_PER_DEGREE
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "crater_detector.pt"


def moon_wkt():
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30100")
    return srs.ExportToWkt()


def bowl_dem(width, height, lon0, lat0, res_deg, craters, seed=0, rough_m=250.0):
    """A geographic DEM (metres): rough power-law terrain with bowl craters (lon, lat, diameter_km).

    Bowls: parabolic floor, depth 3% of the diameter, a raised rim (30% of the depth) falling off as r^-3.
    """
    rng = np.random.default_rng(seed)
    lons = lon0 + (np.arange(width) + 0.5) * res_deg
    lats = lat0 - (np.arange(height) + 0.5) * res_deg
    LON, LAT = np.meshgrid(lons, lats)
    ky = np.fft.fftfreq(height)[:, None]
    kx = np.fft.rfftfreq(width)[None, :]
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0
    spec = (rng.standard_normal(k.shape) + 1j * rng.standard_normal(k.shape)) * k ** -1.6
    z = np.fft.irfft2(spec, s=(height, width))
    z = z / z.std() * rough_m
    for clon, clat, d in craters:
        r = d / 2.0
        dx = (LON - clon) * KM_PER_DEGREE * np.cos(np.radians(LAT))
        dy = (LAT - clat) * KM_PER_DEGREE
        rho = np.hypot(dx, dy) / r
        depth = 0.03 * d * 1000.0
        rim = 0.3 * depth
        z += np.where(rho < 1, -depth + (depth + rim) * rho ** 2, rim * np.maximum(rho, 1) ** -3)
    return z.astype(np.float32), (lon0, res_deg, 0.0, lat0, 0.0, -res_deg)


def write_tif(path, z, gt, wkt=None, nodata=None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    if wkt:
        ds.SetProjection(wkt)
    b = ds.GetRasterBand(1)
    if nodata is not None:
        b.SetNoDataValue(nodata)
    b.WriteArray(z)
    ds = None
    return RasterSource(path)


def detector(card=None, **config):
    """A Detector of an untrained network (finds nothing at a high threshold) with the given card."""
    return detect.Detector(model_io.new_bundle(config or None, card={"input": "dem", **(card or {})}), "cpu")


# ------------------------------------------------------------------------------------------ layout
def relative_imports(package):
    """{module: {sibling modules it imports}} of a package, counting imports inside functions too."""
    folder = ROOT / "lunar_plugin" / "core" / package
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    graph = {}
    for name in modules:
        found = set()
        for node in ast.walk(ast.parse((folder / f"{name}.py").read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found |= {node.module} if node.module else {a.name for a in node.names}
        graph[name] = found & modules
    return graph


def cycle(graph):
    """A list of modules importing each other in a circle, or None."""
    state = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = "done"
        return None

    return next((c for n in sorted(graph) if n not in state and (c := visit(n, [n]))), None)


def test_cycle_finder_finds_a_circle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("package", ["craters", "ages"])
def test_modules_import_each_other_without_circles(package):
    graph = relative_imports(package)
    assert cycle(graph) is None
    assert {"model_io"} <= set(graph)   # the layout the package docstring describes is there


def test_crater_split_by_role():
    graph = relative_imports("craters")
    assert graph["training"] == {"model_io", "datasets", "tiles", "network"}   # the loop: reads no file, cuts no tile
    assert graph["detect"] == {"model_io", "suppression", "tiles"}
    assert graph["suppression"] == {"schema"}   # numpy and scipy: the driver of a cluster merges without torch
    assert graph["tiles"] == set() and graph["schema"] == set()


def test_crater_schema_is_the_record_and_the_field_list():
    assert schema.FIELDS == (("lon", float), ("lat", float), ("diameter_km", float), ("confidence", float),
                             ("level", int))
    assert [f.name for f in dataclasses.fields(Crater)] == [name for name, _ in schema.FIELDS]
    assert schema.CIRCLE + schema.MEASURES == schema.FIELDS
    assert Crater(1.0, 2.0, 3.0, 0.7, 2).measures() == [0.7, 2]


# ------------------------------------------------------------------------------------------ matching
def test_match_deepmoon_rule_in_km():
    r = 50.0  # km
    dlat = lambda km: km / KM_PER_DEGREE  # noqa: E731
    cat = [(-10.0, 0.0, 2 * r)]
    # centre distance^2 < 1.8 r^2  <=>  distance < 1.342 r
    inside = matching.match([(-10.0, dlat(1.30 * r), 2 * r)], cat, 20, 500)
    outside = matching.match([(-10.0, dlat(1.40 * r), 2 * r)], cat, 20, 500)
    assert inside["recall"] == 1.0 and inside["precision"] == 1.0 and inside["f1"] == 1.0
    assert outside["recall"] == 0.0 and outside["detection_status"] == ["false"]
    assert outside["catalog_status"] == ["missed"]
    # |dr| < min(r): 100 km vs 190 km diameters match (dr=45 < 50), vs 210 km do not (dr=55 > 50)
    assert matching.match([(-10.0, 0.0, 190.0)], cat, 20, 500)["recall"] == 1.0
    assert matching.match([(-10.0, 0.0, 210.0)], cat, 20, 500)["recall"] == 0.0


def test_match_is_one_to_one_and_counts_ranges():
    cat = [(-30.0, 10.0, 100.0), (-40.0, 10.0, 30.0)]
    dets = [Crater(-30.0, 10.0, 100.0, 0.9, 0), Crater(-30.0, 10.1, 105.0, 0.8, 0), Crater(-40.0, 10.0, 62.0, 0.7, 0)]
    m = matching.match(dets, cat, 60, 500)
    as_dicts = [dataclasses.asdict(d) for d in dets]   # catalogues from other tools come as rows of dicts
    assert matching.match(as_dicts, cat, 60, 500) == m
    # one of the two detections of the 100 km crater is false; the 62 km detection of a 30 km crater
    # does not match (dr = 16 > 15) and is false
    assert m["n_catalog"] == 1 and m["n_matched_catalog"] == 1
    assert m["n_detections"] == 3 and m["n_true_detections"] == 1
    assert m["detection_status"].count("false") == 2
    assert m["catalog_status"] == ["matched", "out"]
    assert abs(m["precision"] - 1 / 3) < 1e-9
    assert m["median_rel_diameter_error"] == 0.0
    # an extent that excludes everything
    e = matching.match(dets, cat, 60, 500, extent=(0, 10, 0, 10))
    assert e["n_catalog"] == 0 and e["n_detections"] == 0
    with pytest.raises(LunarInputError, match="catalog: lon/lat/diameter must be finite, .* diameter > 0"):
        matching.match(dets, [(0, 0, -5)], 60, 500)


def test_match_diameter_just_outside_range_still_counts_for_recall():
    # a 58 km detection of a 62 km crater: recall of a 60 km cut counts it, and it is not a false one
    m = matching.match([(-5.0, 0.0, 58.0)], [(-5.0, 0.0, 62.0)], 60, 500)
    assert m["recall"] == 1.0 and m["n_detections"] == 0 and m["detection_status"] == ["out"]


# ----------------------------------------------------------------------------------------------- NMS
def test_nms_merges_duplicates_and_keeps_nested_and_distant():
    # a crater, the same one more confident, one nested in it, one elsewhere
    raw = suppression.raw_detections([10.0, 10.2, 10.0, 20.0], [5.0, 5.1, 5.0, 5.0], [100.0, 110.0, 30.0, 100.0],
                                     [0.6, 0.9, 0.5, 0.4], 0, 0.0, 0)
    assert list(suppression.suppress(raw, 0.5, 1.6)) == [1, 2, 3]   # most confident first
    assert suppression.suppress(raw[:0], 0.5, 1.6).size == 0


# -------------------------------------------------------------------------------------------- geometry
def test_diameter_geometry_at_high_latitude(tmp_path):
    z, gt = bowl_dem(200, 100, -40.0, 75.0, 0.25, [])
    src = write_tif(tmp_path / "g.tif", z, gt, moon_wkt())
    geo = RasterGeo(src)
    assert geo.geographic and not geo.wrap
    # a 200 km crater at lat 60 spans 2x more pixels along x than along y on a geographic raster
    d, lat = 200.0, 60.0
    row = (75.0 - lat) / 0.25
    ry = d / 2 / KM_PER_DEGREE / 0.25
    rx = ry / math.cos(math.radians(lat))
    lon, la, kx, ky = geo.radii_km(np.array([100.0]), np.array([row]), np.array([rx]), np.array([ry]))
    assert abs(la[0] - lat) < 1e-9 and abs(lon[0] - (-15.0)) < 1e-9
    assert abs(kx[0] + ky[0] - d) / d < 0.01
    px = datasets.craters_to_pixels(geo, [-15.0], [lat], [d])
    assert np.allclose(px[0], [100.0, row, rx, ry], rtol=0.01)


def test_projected_global_raster_maps_longitudes_and_wraps(tmp_path):
    # simple cylindrical centred on 180 (as LOLA LDEM): x = 0 is lon 180, left edge is lon 0
    srs = osr.SpatialReference()
    srs.SetFromUserInput("+proj=eqc +lon_0=180 +R=1737400 +units=m +no_defs")
    w = 360
    m_per_px = 2 * math.pi * 1737400 / w
    gt = (-w / 2 * m_per_px, m_per_px, 0, 90 * m_per_px, 0, -m_per_px)
    src = write_tif(tmp_path / "eqc.tif", np.zeros((180, w), np.float32), gt, srs.ExportToWkt())
    geo = RasterGeo(src)
    assert not geo.geographic and geo.wrap
    lon, lat = geo.lonlat(*geo.crs_xy(np.array([0.5, 180.5, 270.5]), np.array([90.0, 90.0, 45.0])))
    assert np.allclose(lon, [0.5, -179.5, -89.5]) and np.allclose(lat, [0, 0, 45])
    x, y = geo.xy_from_lonlat(np.array([-89.5]), np.array([45.0]))
    assert np.allclose(geo.pixel(x, y), [[270.5], [45.0]])


@pytest.mark.parametrize("wrap", [False, True])
def test_tile_cores_cover_every_pixel_once_but_at_the_last_stride(wrap):
    """Cores tile the axis exactly when it is a multiple of the stride (256 here); otherwise the last core
    overlaps its neighbour by less than a stride (the suppression merges those duplicates)."""
    stride = 256
    for length, twice in ((100, 0), (512, 0), (1024, 0), (700, 68), (1440, 96), (3000, 72)):
        cover = np.zeros(length, int)
        for span in tiles.tile_starts(length, 512, 0.5, wrap):
            assert span.size % tiles.STRIDE == 0 and span.start <= span.core_lo < span.core_hi
            assert span.core_hi <= span.start + span.size
            idx = np.arange(span.core_lo, span.core_hi) % length if wrap else \
                np.arange(max(span.core_lo, 0), min(span.core_hi, length))
            cover[idx] += 1
        assert cover.min() == 1 and cover.max() <= 2, (length, wrap)
        assert int((cover == 2).sum()) == twice < stride, (length, wrap)


def test_tile_jobs_are_named_records_of_the_level_plan(tmp_path):
    z, gt = bowl_dem(700, 300, -80.0, 40.0, 0.05, [])
    src = write_tif(tmp_path / "plan.tif", z, gt, moon_wkt())
    geo = RasterGeo(src)
    plan, px_km = tiles.level_plan(geo, (16.0, 40.0), 2.0, 600.0)
    assert px_km == pytest.approx(0.05 * KM_PER_DEGREE)
    # 600 km is 396 px at level 0, 25 px at level 4 (inside the 16-40 px a level keeps)
    assert [p.level for p in plan] == [0, 1, 2, 3, 4]
    assert plan[0].keep_lo == 0.0 and plan[-1].keep_hi == float("inf") and plan[1].keep_lo == 16.0
    tile_plan = tiles.TilePlan(src, geo.wrap, plan, 256, 0.5)
    rows = list(tile_plan.rows())
    jobs = sorted((job for row in rows for job in row.jobs), key=lambda job: job.index)
    assert {job.level for job in jobs} == {0, 1, 2, 3, 4}
    first = jobs[0]
    assert (first.wl, first.hl) == (700, 300) and first.x == tiles.Span(0, 256, 0, 128 + 64)
    # every tile once, numbered level by level, row by row; rows of every level by first source row, none above
    # one already given
    assert [job.index for job in jobs] == list(range(tile_plan.count))
    assert [(job.level, job.y.start, job.x.start) for job in jobs] == sorted((job.level, job.y.start, job.x.start)
                                                                             for job in jobs)
    assert [row.first_row for row in rows] == sorted(row.first_row for row in rows)
    assert all(row.first_row == job.y.core_lo << job.level for row in rows for job in row.jobs)


def test_pyramid_levels_built_from_strips_equal_tile_reads(tmp_path, monkeypatch):
    """The strip-built levels (bounded memory on big mosaics) give the block means of per-tile reads,
    with nodata, edges past the raster and wrapping columns; the strips here are a few rows each."""
    rng = np.random.default_rng(3)
    a = rng.normal(0, 100, (200, 320)).astype(np.float32)
    a[50:70, 100:140] = -32768.0
    gt = (-180.0, 360.0 / 320, 0.0, 90.0, 0.0, -180.0 / 200)
    src = write_tif(tmp_path / "g.tif", a, gt, nodata=-32768.0)
    monkeypatch.setattr(tiles, "STRIP_PX", 4096)
    pyramid = tiles.Pyramid(src, 1, wrap=True)
    for level in (1, 2, 3):
        for x0, y0, w, h in ((0, 0, 64, 64), (-10, -5, 96, 40), (300 >> level, 180 >> level, 64, 32)):
            want = tiles.read_level(src, 1, level, x0, y0, w, h, wrap=True)
            got = pyramid.read(level, x0, y0, w, h)
            assert np.array_equal(np.isnan(want), np.isnan(got))
            assert np.allclose(want[np.isfinite(want)], got[np.isfinite(got)], rtol=0, atol=1e-4)
    assert sorted(pyramid.levels) == [1, 2, 3]
    assert np.isnan(pyramid.levels[1][1][25:35, 50:70]).all()   # (first row held, pixels)


# ------------------------------------------------------------------------------------------ model files
def test_model_load_errors(tmp_path):
    torch = pytest.importorskip("torch")
    with pytest.raises(LunarInputError, match="does not exist"):
        model_io.load(tmp_path / "missing.pt")
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a torch file at all")
    with pytest.raises(LunarInputError, match="cannot be read"):
        model_io.load(junk)
    foreign = tmp_path / "foreign.pt"
    torch.save({"format": "something-else", "state_dict": {}}, foreign)
    with pytest.raises(LunarInputError, match="is not a Lunar Lab crater detector .format tag"):
        model_io.load(foreign)
    bad = model_io.new_bundle(card={"input": "dem"})
    bad["state_dict"] = {k: v[..., :1] if v.ndim == 4 else v for k, v in bad["state_dict"].items()}
    torch.save(bad, tmp_path / "bad.pt")
    with pytest.raises(LunarInputError, match="do not fit"):
        model_io.load(tmp_path / "bad.pt")
    future = model_io.new_bundle(card={"input": "dem"})
    future["version"] = model_io.VERSION + 1
    torch.save(future, tmp_path / "future.pt")
    with pytest.raises(LunarInputError, match=f"format version {model_io.VERSION + 1}; this Lunar Lab reads up to"):
        model_io.load(tmp_path / "future.pt")


def test_model_save_load_roundtrip(tmp_path):
    torch = pytest.importorskip("torch")
    ok = model_io.new_bundle(card={"input": "dem", "keep_px": [12, 30]})
    path = model_io.save(ok, tmp_path / "ok.pt")
    back = model_io.load(path)
    assert back["format"] == model_io.FORMAT and back["card"] == {"input": "dem", "keep_px": [12, 30]}
    assert (tmp_path / "ok.json").read_text().count('"keep_px"') == 1
    assert all(torch.equal(back["state_dict"][k], v) for k, v in ok["state_dict"].items())
    assert not list(tmp_path.glob("*.partial*"))   # written under a temporary name, renamed when complete


def test_model_card_typed_settings_and_defaults():
    card = model_io.ModelCard.of({"keep_px": [12, 30], "tile_size": "1024", "metrics": {"threshold": 0.45}})
    assert card.keep_px == (12.0, 30.0) and card.tile_size == 1024 and card.confidence_threshold == 0.45
    assert (card.input, card.highpass_sigma_px, card.overlap) == ("dem", 32.0, 0.5)
    assert (card.nms_dist_frac, card.nms_max_ratio, card.pixel_km_range) == (0.5, 1.6, None)
    # a calibrated threshold wins over the metrics' one; no threshold at all gives 0.3
    assert model_io.ModelCard.of({"confidence_threshold": 0.2, "metrics": {"threshold": 0.45}}).confidence_threshold \
        == 0.2
    assert model_io.card({}).confidence_threshold == 0.3


def test_input_errors(tmp_path):
    z, gt = bowl_dem(64, 64, -40.0, 10.0, 0.25, [])
    no_crs = write_tif(tmp_path / "nocrs.tif", z, gt, None)
    dem_model = detector()
    with pytest.raises(LunarInputError, match="coordinate reference system"):
        dem_model.detect(no_crs, 20, 200)
    src = write_tif(tmp_path / "ok.tif", z, gt, moon_wkt())
    with pytest.raises(LunarInputError, match="need 0 < minimum .200 km. < maximum .20 km."):
        dem_model.detect(src, 200, 20)
    with pytest.raises(LunarInputError, match="band 2"):
        dem_model.detect(src, 20, 200, band=2)
    with pytest.raises(LunarInputError, match="tile overlap 0.95 must be in"):
        dem_model.detect(src, 20, 200, overlap=0.95)
    with pytest.raises(LunarInputError, match="tile size 40 is too small"):
        dem_model.detect(src, 20, 200, tile_size=40)
    # a raster smaller than a tile is padded and runs (an untrained model finds nothing)
    assert dem_model.detect(src, 20, 200, confidence=0.99) == []
    # image models run on any raster (the algorithm warns about a kind mismatch); unknown kinds are refused
    assert detector({"input": "image", "tile_size": 256, "overlap": 0.25}).detect(src, 20, 200, confidence=0.99) == []
    with pytest.raises(LunarInputError, match="takes 'radar' input: expected one of dem, image"):
        detector({"input": "radar"})


def test_an_all_nodata_training_raster_is_named(tmp_path):
    """It used to end in 'crater training: no training scenes (and synthetic_fraction < 1)'."""
    z, gt = bowl_dem(64, 64, -40.0, 10.0, 0.25, [])
    src = write_tif(tmp_path / "empty.tif", np.full_like(z, -9999.0), gt, moon_wkt(), nodata=-9999.0)
    with pytest.raises(LunarInputError, match="INPUT: band 1 of 'empty.tif' holds only nodata"):
        datasets.scenes_from_raster(src, [-40.0], [10.0], [5.0])


def test_normalised_tile_ignores_gain_and_offset():
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (96, 128)).astype(np.float32)
    eight, _ = tiles.normalise_tile(image)
    sixteen, _ = tiles.normalise_tile(image * 180.0 + 900.0)   # a 16-bit copy at another gain
    assert np.allclose(eight, sixteen, atol=1e-3)
    assert abs(float(eight.std()) - 1.0) < 0.05 and abs(float(eight.mean())) < 0.05   # high-passed, unit spread


# ------------------------------------------------------------------------------------- shipped model
needs_model = pytest.mark.skipif(not MODEL.exists(), reason="models/crater_detector.pt not trained yet")


@needs_model
def test_detects_bowls_with_right_sizes(tmp_path):
    craters = [(-60.0, 8.0, 100.0), (-52.0, 2.0, 180.0), (-64.0, -4.0, 70.0), (-48.0, -8.0, 130.0)]
    z, gt = bowl_dem(160, 120, -75.0, 15.0, 0.25, craters, seed=1)
    src = write_tif(tmp_path / "bowls.tif", z, gt, moon_wkt())
    dets = detect.Detector(model_io.load(MODEL), "cpu").detect(src, 50, 300, confidence=0.3)
    m = matching.match(dets, craters, 50, 300)
    assert m["recall"] == 1.0, dets
    assert m["median_rel_diameter_error"] < 0.2
    assert all(isinstance(d, Crater) and 0.3 <= d.confidence <= 1.0 and 50 <= d.diameter_km <= 300 for d in dets)
    assert [d.confidence for d in dets] == sorted((d.confidence for d in dets), reverse=True)


@needs_model
def test_regions_hold_the_craters_of_one_run(tmp_path, monkeypatch):
    """detect_regions, closing a region at every tile row, gives detect's craters in several regions; the
    arguments are checked when it is called, before any tile runs."""
    monkeypatch.setattr(suppression, "CLOSE_AT", 1)
    craters = [(-60.0, 8.0, 100.0), (-52.0, 2.0, 180.0), (-64.0, -4.0, 70.0), (-48.0, -8.0, 130.0),
               (-70.0, 12.0, 60.0), (-45.0, -10.0, 90.0)]
    z, gt = bowl_dem(240, 120, -75.0, 15.0, 0.25, craters, seed=1)
    src = write_tif(tmp_path / "bowls.tif", z, gt, moon_wkt())
    shipped = detect.Detector(model_io.load(MODEL), "cpu")
    whole = shipped.detect(src, 40, 300, confidence=0.3, tile_size=64)
    regions = list(shipped.detect_regions(src, 40, 300, confidence=0.3, tile_size=64))
    assert len(whole) >= len(craters) and len([r for r in regions if r]) >= 2
    found = [c for region in regions for c in region]
    assert len(found) == len(whole) and set(found) == set(whole)
    with pytest.raises(LunarInputError, match="need 0 < minimum"):
        shipped.detect_regions(src, 300, 40)


def test_a_raster_window_is_a_raster_of_its_own(tmp_path):
    """An extent's pixels (tiles.pixel_window, whole pixels rounded outwards) read and mapped as a raster whose
    corner is the window's: what detection on an extent plans, reads and maps."""
    z, gt = bowl_dem(160, 120, -75.0, 15.0, 0.25, [], seed=1)
    src = write_tif(tmp_path / "terrain.tif", z, gt, moon_wkt())
    assert tiles.pixel_window(src, -70.0, 5.0, -60.0, 10.0) == (20, 20, 40, 20)   # on pixel edges: no extra pixel
    assert tiles.pixel_window(src, -70.1, 4.9, -59.9, 10.1) == (19, 19, 42, 22)   # partly covered pixels count
    assert tiles.pixel_window(src, -80.0, -20.0, -70.0, 20.0) == (0, 0, 20, 120)  # clipped to the raster
    assert tiles.pixel_window(src, 10.0, 0.0, 20.0, 5.0) is None
    window = tiles.RasterWindow(src, (20, 30, 40, 50))
    assert (window.xsize, window.ysize) == (40, 50)
    np.testing.assert_array_equal(window.read([1], (5, 6, 10, 12))[0], src.read([1], (25, 36, 10, 12))[0])
    whole, part = RasterGeo(src), RasterGeo(window)
    np.testing.assert_allclose(part.lonlat(*part.crs_xy([0.5, 39.5], [0.5, 49.5])),
                               whole.lonlat(*whole.crs_xy([20.5, 59.5], [30.5, 79.5])))
    assert not part.wrap


@needs_model
def test_detection_on_a_window_finds_its_craters_only(tmp_path):
    craters = [(-60.0, 8.0, 100.0), (-52.0, 2.0, 180.0), (-64.0, -4.0, 70.0), (-48.0, -8.0, 130.0)]
    z, gt = bowl_dem(160, 120, -75.0, 15.0, 0.25, craters, seed=1)
    src = write_tif(tmp_path / "bowls.tif", z, gt, moon_wkt())
    west = tiles.RasterWindow(src, tiles.pixel_window(src, -75.0, -15.0, -56.0, 15.0))
    dets = detect.Detector(model_io.load(MODEL), "cpu").detect(west, 50, 300, confidence=0.3)
    assert matching.match(dets, craters[::2], 50, 300)["recall"] == 1.0, dets   # the two west of 56 W
    assert dets and all(d.lon < -56.0 for d in dets)


@needs_model
def test_high_latitude_bowl_diameter_and_nodata(tmp_path):
    # 150 km crater at lat 60: twice as wide as tall in pixels; the km diameter must still be right
    craters = [(-30.0, 60.0, 150.0)]
    z, gt = bowl_dem(240, 80, -60.0, 70.0, 0.25, craters, seed=2)
    src = write_tif(tmp_path / "hilat.tif", z, gt, moon_wkt())
    shipped = detect.Detector(model_io.load(MODEL), "cpu")
    dets = shipped.detect(src, 60, 400, confidence=0.3)
    m = matching.match(dets, craters, 60, 400)
    assert m["recall"] == 1.0, dets
    best = max(dets, key=lambda d: d.confidence)
    assert abs(best.diameter_km - 150.0) / 150.0 < 0.2, best
    assert abs(best.lat - 60.0) < 1.0
    # a nodata hole over the crater centre: no detection centred in it
    z2 = z.copy()
    z2[30:50, 105:135] = -9999.0
    src2 = write_tif(tmp_path / "hole.tif", z2, gt, moon_wkt(), nodata=-9999.0)
    for d in shipped.detect(src2, 60, 400, confidence=0.3):
        col, row = (d.lon + 60.0) / 0.25, (70.0 - d.lat) / 0.25
        assert not (30 <= row < 50 and 105 <= col < 135)


def test_cancel_stops_detection_and_training(tmp_path):
    from lunar_lab.lunar_plugin.core.errors import Cancelled

    class Stop:
        def setProgress(self, p):
            pass

        def isCanceled(self):
            return True

    z, gt = bowl_dem(64, 64, -40.0, 10.0, 0.25, [])
    src = write_tif(tmp_path / "c.tif", z, gt, moon_wkt())
    with pytest.raises(Cancelled, match="cancel"):
        detector().detect(src, 20, 200, feedback=Stop())
    with pytest.raises(Cancelled, match="cancel"):
        training.train([], epochs=1, synthetic_fraction=1.0, settings={"steps_per_epoch": 2}, feedback=Stop())


def test_fine_tune_from_a_base_bundle_keeps_history():
    base = training.train([], epochs=1, synthetic_fraction=1.0, seed=0,
                          settings={"steps_per_epoch": 1, "crop": 64, "batch": 2}, card={"stage": "synthetic"})
    tuned = training.train([], base_bundle=base, epochs=1, synthetic_fraction=1.0, seed=1,
                           settings={"steps_per_epoch": 1, "crop": 64, "batch": 2})
    hist = tuned["card"]["training_history"]
    assert len(hist) == 2 and hist[1]["fine_tuned"] and tuned["card"]["stage"] == "synthetic"


def test_local_means_are_the_box_filters_to_the_bit():
    """local_mean (column passes on the transpose) and mask_mean (a padded tile's mask from a few lines) give what
    three strided box passes per axis give, bit for bit, whatever the mask."""
    from scipy import ndimage

    def strided(a, sigma):
        w = int(round(math.sqrt(4.0 * sigma * sigma + 1.0))) | 1
        out = np.asarray(a, dtype=np.float32)
        for axis in (0, 1):
            for _ in range(3):
                out = ndimage.uniform_filter1d(out, w, axis=axis, mode="reflect")
        return out
    rng = np.random.default_rng(7)
    for shape in ((130, 97), (256, 320)):
        a = (rng.standard_normal(shape) * 500).astype(np.float32)
        for sigma in (5.0, 32.0):
            assert np.array_equal(tiles.local_mean(a, sigma), strided(a, sigma))
            for case in range(4):
                valid = np.ones(shape, bool)
                if case == 0:
                    valid[:, -20:] = valid[-9:] = False        # beyond the raster's right and bottom edges
                elif case == 1:
                    valid[:4] = valid[:, :30] = False          # top and left
                elif case == 2:
                    valid[rng.random(shape) < 0.02] = False    # scattered nodata: not a row times a column mask
                got = tiles.mask_mean(valid, sigma)
                assert np.array_equal(got, strided(valid.astype(np.float32), sigma)), (shape, sigma, case)
