#!/usr/bin/env python3
"""Crater detection speed: seconds per 1000x1000 tile per pyramid level, and all of LOLA LDEM_4.

Baseline (same run, same network): a plain single-scale pass (level 0 only, 512 px tiles, 50% overlap)
over the same 1000x1000 raster. Targets: <= 1 s per 1000x1000 tile per level; LDEM_4 (60-500 km) <= 20 s.

Big mosaic: the high pyramid levels of a 16000x16000 DEM, built once from strips (tiles.Pyramid) against
reading every tile's full-resolution window (the baseline): time and peak numpy memory, same detections.

    .venv/bin/python bench/bench_detect.py [--threads 2] [--model models/crater_detector.pt]
"""
import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from common import ROOT, best_of, mosaic  # noqa: E402,F401 (also makes the checkout importable as lunar_lab)

from osgeo import gdal, osr  # noqa: E402

from lunar_lab.lunar_plugin.core.craters import datasets, detect, model_io, tiles  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource  # noqa: E402

DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def big_mosaic(detector, tile_path, tmp, size, levels=(3, 4, 5)):
    """Levels 3-5 of a size x size DEM: Pyramid's strip-built levels against tile-by-tile reads."""
    src = RasterSource(mosaic(tile_path, os.path.join(tmp, "big.vrt"), size))
    runs = {}
    for name, limit in (("tile-by-tile reads (baseline)", 0), ("levels built from strips", tiles.LEVEL_MEMORY_PX)):
        saved, tiles.LEVEL_MEMORY_PX = tiles.LEVEL_MEMORY_PX, limit
        try:
            tracemalloc.start()
            t0 = time.perf_counter()
            found = detector.detect(src, 1, 10000, confidence=0.3, levels=list(levels))
            seconds = time.perf_counter() - t0
            peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
            tracemalloc.stop()
        finally:
            tiles.LEVEL_MEMORY_PX = saved
        runs[name] = (seconds, peak, found)
        print(f"{size}x{size} DEM, levels {list(levels)}, {name}: {seconds:.1f} s, peak numpy memory "
              f"{peak:.0f} MiB, {len(found)} craters")
    (t0, m0, d0), (t1, m1, d1) = runs.values()
    print(f"  ratio strips/baseline: time {t1 / t0:.2f}, peak memory {m1 / m0:.2f}; "
          f"same detections: {d0 == d1}")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", default=str(ROOT / "models" / "crater_detector.pt"))
    ap.add_argument("--big", type=int, default=16000, help="side of the big-mosaic DEM (pixels)")
    args = ap.parse_args(argv)
    import torch
    torch.set_num_threads(args.threads)
    detector = detect.Detector(model_io.load(args.model))
    # a 1000x1000 synthetic DEM on a geographic grid (0.1 deg/px, 3 km/px)
    dem, _ = datasets.synthetic_scene(1000, np.random.default_rng(0), n_craters=300)
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "bench.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 1000, 1000, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((-100.0, 0.1, 0, 50.0, 0, -0.1))
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30100")
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(dem * 500.0)
    ds = None
    src = RasterSource(path)
    print(f"torch threads {torch.get_num_threads()}; best of {args.repeat}")
    # every pyramid level is cut into tiles processed alike, so the cost of one 1000x1000 tile at one level
    # is the cost of level 0 of a 1000x1000 raster seen as a single (1024-px, padded) tile
    t_tile, _ = best_of(lambda: detector.detect(src, 5, 3000, confidence=0.5, tile_size=1024,
                                                      overlap=0.0, levels=[0]), args.repeat)
    print(f"one 1000x1000 tile, one pyramid level (read, normalise, network, peaks, NMS): {t_tile:.3f} s "
          f"(target <= 1 s) {'OK' if t_tile <= 1.0 else 'SLOW'}")
    for k in (1, 2):
        t_k, _ = best_of(lambda: detector.detect(src, 5, 3000, confidence=0.5, tile_size=1024,
                                                       overlap=0.0, levels=[k]), args.repeat)
        print(f"  level {k} of the same raster ({1000 >> k}x{1000 >> k} px, one tile): {t_k:.3f} s")
    t_single, d_single = best_of(lambda: detector.detect(src, 5, 3000, confidence=0.5,
                                                               levels=[0]), args.repeat)
    t_multi, d_multi = best_of(lambda: detector.detect(src, 10, 600, confidence=0.5),
                               args.repeat)
    plan, px_km = tiles.level_plan(RasterGeo(src), detector.card.keep_px, 10, 600)
    print(f"1000x1000 raster, baseline single-scale (level 0, 512 tiles, 50% overlap): {t_single:.3f} s, "
          f"{len(d_single)} craters")
    print(f"1000x1000 raster, multi-scale levels {[p[0] for p in plan]} (10-600 km): {t_multi:.3f} s, "
          f"{len(d_multi)} craters; ratio to baseline {t_multi / t_single:.2f} "
          f"(pyramid ideal <= 4/3 = 1.33)")
    big_mosaic(detector, path, tmp, args.big)
    ldem = DATA / "dem" / "LDEM_4.LBL"
    if ldem.exists():
        s = RasterSource(ldem)
        t_ldem, d = best_of(lambda: detector.detect(s, 60, 500, confidence=0.5), args.repeat)
        t_ldem0, _ = best_of(lambda: detector.detect(s, 60, 500, confidence=0.5, levels=[0]),
                             args.repeat)
        print(f"LDEM_4 1440x720, 60-500 km: {t_ldem:.2f} s, {len(d)} craters (target <= 20 s) "
              f"{'OK' if t_ldem <= 20 else 'SLOW'}; single-scale baseline {t_ldem0:.2f} s, "
              f"ratio {t_ldem / t_ldem0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
