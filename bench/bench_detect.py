#!/usr/bin/env python3
"""Crater detection speed: seconds per 1000x1000 tile per pyramid level, and all of LOLA LDEM_4.

Both inference engines in one run (issue 25), interleaved so that both see the same moments of a shared machine:
the whole path of one 1000x1000 tile at one level (read, normalise, network, peaks, suppression) in ONNX Runtime
and in torch, its stages, and end to end on a 4 Mpx DEM in a fresh process each (bin/lunar-batch, start-up and
model loading included). Targets: ONNX Runtime <= 0.12 s per tile per level and >= 1.7x torch; end to end >= 1.5x
torch; the work around the network (read, normalise, peaks, suppression) no more than the network itself.

Baseline (same run, same network): a plain single-scale pass (level 0 only, 512 px tiles, 50% overlap)
over the same 1000x1000 raster. Targets: <= 1 s per 1000x1000 tile per level; LDEM_4 (60-500 km) <= 20 s.

Big mosaic: the high pyramid levels of a 16000x16000 DEM, built once from strips (tiles.Pyramid) against
reading every tile's full-resolution window (the baseline): time and peak numpy memory, same detections.

    .venv/bin/python bench/bench_detect.py [--threads 2] [--model models/crater_detector.pt] [--engines-only]
"""
import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from common import ROOT, best_of, mosaic, run_child  # noqa: E402,F401 (also makes the checkout importable as lunar_lab)

from osgeo import gdal, osr  # noqa: E402

from lunar_lab.lunar_plugin.core.craters import datasets, detect, model_io, tiles  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource  # noqa: E402
from lunar_lab.tests.craters import as_rows, same_craters  # noqa: E402

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


def interleaved(fns, repeat):
    """{name: (fastest of ``repeat`` calls, last result)}, the calls of the different names taking turns."""
    best, out = {name: float("inf") for name in fns}, {}
    for _ in range(max(1, repeat)):
        for name, fn in fns.items():
            t = time.perf_counter()
            out[name] = fn()
            best[name] = min(best[name], time.perf_counter() - t)
    return {name: (best[name], out[name]) for name in fns}


def stages(detector, src, repeat):
    """Seconds of the stages of one 1000x1000 tile at level 0 (a 1024-px tile, padded with nodata), fastest of
    ``repeat``: read, normalise, network, peaks, and the whole path with the network's output given (everything
    around the network: tile plan, read, normalise, peaks, craters on the Moon, suppression)."""
    pyramid = tiles.Pyramid(src, 1)
    sigma = detector.card.highpass_sigma_px
    steps = {"read": lambda: pyramid.read(0, 0, 0, 1024, 1024)}
    a = steps["read"]()
    steps["normalise"] = lambda: tiles.normalise_tile(a, sigma)
    x, _ = steps["normalise"]()
    steps["network"] = lambda: detect.run_network(detector.model, x)
    out = steps["network"]()
    steps["peaks"] = lambda: detect.peaks(out, 0.5)
    seconds = {name: best_of(fn, repeat)[0] for name, fn in steps.items()}
    network, detect.run_network = detect.run_network, lambda model, tile: out
    try:
        seconds["around"], _ = best_of(lambda: detector.detect(src, 5, 3000, confidence=0.5, tile_size=1024,
                                                               overlap=0.0, levels=[0]), repeat)
    finally:
        detect.run_network = network
    return seconds


def engines(args, src, tmp):
    """ONNX Runtime against torch in the same run: the per-tile whole path, its stages, end to end on 4 Mpx."""
    import torch
    torch.set_num_threads(args.threads)
    detectors = {"onnxruntime": detect.Detector(model_io.load_for(args.model, "onnxruntime", "cpu",
                                                                  threads=args.threads), "cpu"),
                 "torch": detect.Detector(model_io.load(args.model), "cpu")}
    tile = lambda d, k: lambda: d.detect(src, 5, 3000, confidence=0.5, tile_size=1024, overlap=0.0,  # noqa: E731
                                         levels=[k])
    for d in detectors.values():
        tile(d, 0)()   # warm-up: sessions made, first-run allocations done
    runs = interleaved({name: tile(d, 0) for name, d in detectors.items()}, args.repeat)
    (t_ort, c_ort), (t_torch, c_torch) = runs["onnxruntime"], runs["torch"]
    print(f"one 1000x1000 tile, one level, whole path: onnxruntime {t_ort:.3f} s (target <= 0.12 s) "
          f"{'OK' if t_ort <= 0.12 else 'SLOW'}, torch {t_torch:.3f} s: {t_torch / t_ort:.2f}x (target >= 1.7x) "
          f"{'OK' if t_torch / t_ort >= 1.7 else 'SLOW'}; same craters: "
          f"{same_craters(as_rows(c_ort), as_rows(c_torch), centre_km=1e-3, diameter_km=1e-3)[0]} "
          f"({len(c_ort)})")
    for k in (1, 2):
        runs = interleaved({name: tile(d, k) for name, d in detectors.items()}, args.repeat)
        print(f"  level {k} ({1000 >> k}x{1000 >> k} px, one tile): onnxruntime {runs['onnxruntime'][0]:.3f} s, "
              f"torch {runs['torch'][0]:.3f} s")
    for name, d in detectors.items():
        parts = stages(d, src, args.repeat)
        print(f"  {name} stages (s): " + ", ".join(f"{k} {v:.4f}" for k, v in parts.items() if k != "around")
              + f"; the whole path around the network {parts['around']:.4f} = {parts['around'] / parts['network']:.2f}x "
              f"the network (target <= 1) {'OK' if parts['around'] <= parts['network'] else 'SLOW'}")
    ldem = DATA / "dem" / "LDEM_4.LBL"
    if ldem.exists():
        s = RasterSource(ldem)
        runs = interleaved({name: (lambda d=d: d.detect(s, 60, 500, confidence=0.5)) for name, d in detectors.items()},
                           args.repeat)
        (t_o, c_o), (t_t, c_t) = runs["onnxruntime"], runs["torch"]
        print(f"LDEM_4 1440x720, 60-500 km, all levels: onnxruntime {t_o:.2f} s, torch {t_t:.2f} s: {t_t / t_o:.2f}x; "
              f"same craters: {same_craters(as_rows(c_o), as_rows(c_t), centre_km=0.01, diameter_km=1e-3)[0]} "
              f"({len(c_o)})")
    # end to end on a 4 Mpx DEM, each run a fresh process (imports, model loading, session creation included)
    big = mosaic(src.path, os.path.join(tmp, "dem_4mpx.vrt"), 2000)
    batch = str(ROOT / "bin" / "lunar-batch")
    times = {"onnxruntime": float("inf"), "torch": float("inf")}
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    for _ in range(max(1, args.repeat)):
        for name in times:
            out = os.path.join(tmp, f"e2e_{name}.gpkg")
            if os.path.exists(out):
                os.remove(out)
            seconds, _ = run_child([batch, "detectcraters", f"INPUT={big}", f"OUTPUT={out}", "MIN_DIAMETER_KM=10",
                                    "MAX_DIAMETER_KM=600", f"ENGINE={name}", "DEVICE=cpu"], env=env)
            times[name] = min(times[name], seconds)
    ratio = times["torch"] / times["onnxruntime"]
    print(f"end to end, 2000x2000 DEM (10-600 km), fresh process each: onnxruntime {times['onnxruntime']:.2f} s, "
          f"torch {times['torch']:.2f} s: {ratio:.2f}x (target >= 1.5x) {'OK' if ratio >= 1.5 else 'SLOW'}")
    return detectors["onnxruntime"]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", default=str(ROOT / "models" / "crater_detector.pt"))
    ap.add_argument("--big", type=int, default=16000, help="side of the big-mosaic DEM (pixels)")
    ap.add_argument("--engines-only", action="store_true", help="only ONNX Runtime against torch")
    args = ap.parse_args(argv)
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
    print(f"{args.threads} threads per engine; best of {args.repeat}")
    detector = engines(args, src, tmp)
    if args.engines_only:
        return 0
    print("the rest in the default engine (onnxruntime):")
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
