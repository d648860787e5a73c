"""Parallel efficiency on a Dask LocalCluster (issue 11) and how the driver assembles raster chunks.

Throughput of local:2 (two worker processes, one thread each) against local:1 (one single-threaded worker), start-up
included, for the oxide CNN (5 oxides) and crater detection (VRT mosaics of one tile). Target: local:2 >= 1.7x
local:1. For detection it also explains the ratio with figures that do not depend on what else runs:
* the CPU seconds of every detection chunk run alone here with one torch thread (what a worker does), their spread,
  and how evenly a greedy two-worker schedule of them ends (its makespan against half their sum);
* the fixed cost of a run, local:1's time minus the sum of its chunks: starting the cluster, the workers' imports of
  torch and the model, the driver's own reading and the final suppression; with it the ratio two workers can reach
  is (fixed + sum) / (fixed + makespan);
* a LocalCluster's start, warm-up (torch and the detector in every worker) and shutdown, timed on their own (the
  shutdown runs after a run has returned, core.cluster._close_in_background).
Then the two ways to assemble chunk files into the tiled output, timed on the same chunks: direct copy into the
output as chunks arrive (what core.cluster does) and a VRT of all chunks plus a final gdal.Translate.

    .venv/bin/python bench/bench_cluster.py [--size 4000] [--detect-sizes 4000,6000]    (--size 0: detection only)
"""
import argparse
import logging
import os
import statistics
import tempfile
import time

from osgeo import gdal

from common import ROOT, clementine_tile, dem_tile, mosaic

from lunar_lab.lunar_plugin.core import cluster
from lunar_lab.lunar_plugin.core.craters import detect, model_io, tiles
from lunar_lab.lunar_plugin.core.oxides import equations, maps
from lunar_lab.lunar_plugin.core.raster import GTIFF_OPTIONS, AtomicRasterWriter, RasterGeo, RasterSource, windows

DETECT = dict(min_diameter_km=0.2, max_diameter_km=20.0, confidence=0.5)


def timed(func):
    """Seconds until ``func`` returns; a LocalCluster it started is then let finish stopping, untimed, so the
    next measurement starts on a quiet machine."""
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    cluster.finish_closing()
    return seconds


def chunk_costs(dem, bundle):
    """CPU seconds (this thread) of every detection chunk of ``dem``, in order, run alone with one torch thread."""
    import torch
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    source = RasterSource(dem, "INPUT")
    card = model_io.card(bundle)
    plan, _ = tiles.level_plan(RasterGeo(source), card.keep_px, DETECT["min_diameter_km"], DETECT["max_diameter_km"])
    tile_plan = tiles.TilePlan(source, RasterGeo(source).wrap, plan, card.tile_size // tiles.STRIDE * tiles.STRIDE,
                               card.overlap)
    costs = []
    for _, chunk in detect.detection_chunks(tile_plan):
        start = time.thread_time()
        detect.detect_chunk(dem, "INPUT", 1, bundle, "bench", chunk, DETECT["confidence"], "cpu")
        costs.append(time.thread_time() - start)
    torch.set_num_threads(threads)
    return costs


def makespan(costs, workers=2):
    """End of a greedy schedule: each task, in order, goes to the worker that is free first (as Dask does)."""
    ends = [0.0] * workers
    for cost in costs:
        ends[ends.index(min(ends))] += cost
    return max(ends)


def warm_detector():
    """What a worker does before its first detection chunk: import torch and the plugin, build the model."""
    from lunar_lab.lunar_plugin.core.craters import detect as worker_detect, model_io as worker_model_io
    worker_detect.Detector(worker_model_io.load(ROOT / "models" / "crater_detector.pt"), "cpu").model


def cluster_cycle(workers):
    """(start, warm-up, shutdown) seconds of a LocalCluster of ``workers`` single-threaded workers."""
    t0 = time.perf_counter()
    with cluster.dask_client(f"local:{workers}") as client:
        t1 = time.perf_counter()
        client.run(warm_detector)
        t2 = time.perf_counter()
    t3 = time.perf_counter()
    cluster.finish_closing()
    return t1 - t0, t2 - t1, time.perf_counter() - t3


def compute_seconds_on_workers(dem, bundle, workers):
    """(wall s, summed compute s of the detection chunks) of one detection run on an already started LocalCluster
    of ``workers`` single-threaded workers, from Dask's task stream: whether chunks run slower when the workers
    run side by side (shared caches and memory bus), which no scheduling can win back."""
    import dask
    from distributed import Client, LocalCluster, get_task_stream
    with dask.config.set({cluster.WORKER_MALLOC_TRIM: None}):
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                             silence_logs=logging.ERROR)
    try:
        with Client(local) as client, get_task_stream(client) as stream:
            start = time.perf_counter()
            detect.Detector(bundle, "cpu").detect(RasterSource(dem, "INPUT"), **DETECT,
                                                  scheduler=local.scheduler_address)
            wall = time.perf_counter() - start
    finally:
        local.close()
    compute = sum(part["stop"] - part["start"] for task in stream.data if "detect_chunk" in str(task["key"])
                  for part in task["startstops"] if part["action"] == "compute")
    return wall, compute


def detection(folder, bundle, size):
    dem = mosaic(dem_tile(folder), os.path.join(folder, f"dem{size}.vrt"), size)
    costs = chunk_costs(dem, bundle)
    total, span = sum(costs), makespan(costs)
    print(f"detection {size}^2: {len(costs)} chunks of {min(costs):.2f}-{max(costs):.2f} CPU s (median "
          f"{statistics.median(costs):.2f}, max/median {max(costs) / statistics.median(costs):.2f}, coefficient of "
          f"variation {statistics.pstdev(costs) / statistics.mean(costs):.2f}), sum {total:.1f} s; greedy 2-worker "
          f"schedule ends {span:.2f} s = {span / (total / 2):.3f}x half the sum")
    detector = detect.Detector(bundle, "cpu")
    run = (lambda s: detector.detect(RasterSource(dem, "INPUT"), **DETECT, scheduler=s))
    t1, t2 = timed(lambda: run("local:1")), timed(lambda: run("local:2"))
    fixed = t1 - total
    mpx = size * size / 1e6
    print(f"crater detection {size}^2: local:1 {t1:.1f} s ({mpx / t1:.2f} Mpx/s), local:2 {t2:.1f} s "
          f"({mpx / t2:.2f} Mpx/s): {t1 / t2:.2f}x (target >= 1.7x); fixed cost {fixed:.1f} s = local:1 - sum of "
          f"chunks; reachable with it {(fixed + total) / (fixed + span):.2f}x; load average {os.getloadavg()[0]:.1f}")
    (w1, c1), (w2, c2) = (compute_seconds_on_workers(dem, bundle, n) for n in (1, 2))
    print(f"detection {size}^2 on started clusters: 1 worker {w1:.1f} s, chunks computing {c1:.1f} s; 2 workers "
          f"{w2:.1f} s, chunks computing {c2:.1f} s ({c2 / c1:.2f}x the work side by side): {w1 / w2:.2f}x, at most "
          f"{2 * c1 / c2:.2f}x with no other cost")
    return t1, t2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=4000, help="CNN raster size (and the assembly test's); 0 skips both")
    parser.add_argument("--detect-sizes", default="4000,6000", help="detection raster sizes, comma-separated")
    args = parser.parse_args()
    size = args.size
    print(f"load average before: {os.getloadavg()[0]:.1f}; start-up of the LocalCluster included in every run")
    with tempfile.TemporaryDirectory() as folder:
        bundle = model_io.load(ROOT / "models" / "crater_detector.pt")
        for workers in (1, 2):
            start, warm, stop = cluster_cycle(workers)
            print(f"LocalCluster of {workers}: start {start:.2f} s, torch + detector in every worker {warm:.2f} s, "
                  f"shutdown {stop:.2f} s (after the run has returned)")
        for detect_size in (int(s) for s in args.detect_sizes.split(",") if s.strip()):
            detection(folder, bundle, detect_size)
        if not size:
            return

        refl = mosaic(clementine_tile(os.path.join(folder, "tile.tif"), 1000), os.path.join(folder, "refl.vrt"), size)
        model = str(ROOT / "models" / "oxide_clementine.pt")
        mpx = size * size / 1e6

        def cnn(scheduler):
            maps.cnn_maps(refl, model, {t: os.path.join(folder, f"{t}.tif") for t in ("FeO", "TiO2", "Al2O3", "MgO",
                                                                                     "CaO")},
                          scheduler=scheduler, device="cpu")
        t1, t2 = timed(lambda: cnn("local:1")), timed(lambda: cnn("local:2"))
        print(f"oxide CNN (5 oxides) {size}^2: local:1 {t1:.1f} s ({mpx / t1:.2f} Mpx/s), local:2 {t2:.1f} s "
              f"({mpx / t2:.2f} Mpx/s): {t1 / t2:.2f}x (target >= 1.7x); load average {os.getloadavg()[0]:.1f}")

        # --- chunk assembly: the equations' chunks, written once, assembled both ways
        source = RasterSource(refl, "INPUT")
        like = (source.xsize, source.ysize, source.geotransform, source.wkt)
        chunk_dir = os.path.join(folder, "chunks")
        os.makedirs(chunk_dir)
        blocks = windows(size, size)
        func = equations.EquationBlocks(equations.PRESETS["qiu2025"], 1.0, ["feo"])
        paths = [cluster.compute_chunk([(refl, "INPUT", [1, 2, 4])], func, w, 0, chunk_dir, i, like)[0][0]
                 for i, w in enumerate(blocks)]

        def direct():
            with AtomicRasterWriter(os.path.join(folder, "direct.tif"), like, [("FeO", "wt%")]) as writer:
                for window, path in zip(blocks, paths):
                    writer.write(0, window, gdal.Open(path).ReadAsArray())
                    writer.ds.FlushCache()

        def vrt_copy():
            vrt = gdal.BuildVRT(os.path.join(folder, "chunks.vrt"), paths)
            gdal.Translate(os.path.join(folder, "copy.tif"), vrt, creationOptions=GTIFF_OPTIONS, noData=-9999)
            vrt = None

        t_direct, t_vrt = timed(direct), timed(vrt_copy)
        print(f"assembly of {len(paths)} chunks ({mpx:.0f} Mpx float32): direct copy {t_direct:.2f} s, "
              f"VRT + gdal.Translate {t_vrt:.2f} s ({t_vrt / t_direct:.2f}x)")


if __name__ == "__main__":
    main()
