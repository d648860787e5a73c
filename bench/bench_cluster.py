"""Parallel efficiency on a Dask LocalCluster (issue 11) and how the driver assembles raster chunks.

Throughput of local:2 (two worker processes, one thread each) against local:1 (one single-threaded worker), start-up
included, for the oxide CNN (5 oxides) and crater detection on 4000 x 4000 rasters (VRT mosaics of one tile).
Target: local:2 >= 1.7x local:1. Then the two ways to assemble chunk files into the tiled output, timed on the same
chunks: direct copy into the output as chunks arrive (what core.cluster does) and a VRT of all chunks plus a final
gdal.Translate.

    .venv/bin/python bench/bench_cluster.py [--size 4000]
"""
import argparse
import os
import tempfile
import time

from osgeo import gdal

from common import ROOT, clementine_tile, mosaic

from lunar_lab.lunar_plugin.core import cluster, synthetic
from lunar_lab.lunar_plugin.core.craters import detect, training
from lunar_lab.lunar_plugin.core.oxides import equations, maps
from lunar_lab.lunar_plugin.core.raster import GTIFF_OPTIONS, AtomicRasterWriter, RasterSource, windows


def timed(func):
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=4000)
    args = parser.parse_args()
    size = args.size
    with tempfile.TemporaryDirectory() as folder:
        refl = mosaic(clementine_tile(os.path.join(folder, "tile.tif"), 1000), os.path.join(folder, "refl.vrt"), size)
        dem_tile = os.path.join(folder, "dem_tile.tif")
        synthetic.write_scene(synthetic.make_scene(1000, 1000, seed=4), dem_tile, None, None)
        dem = mosaic(dem_tile, os.path.join(folder, "dem.vrt"), size)
        model = str(ROOT / "models" / "oxide_clementine.pt")
        bundle = training.load_bundle(ROOT / "models" / "crater_detector.pt")
        mpx = size * size / 1e6
        print(f"{size} x {size} ({mpx:.0f} Mpx); start-up of the LocalCluster included")
        rows = []
        for name, run in (
                ("oxide CNN (5 oxides)", lambda s: maps.cnn_maps(
                    refl, model, {t: os.path.join(folder, f"{t}.tif") for t in ("FeO", "TiO2", "Al2O3", "MgO", "CaO")},
                    scheduler=s, device="cpu")),
                ("crater detection", lambda s: detect.detect_craters(
                    RasterSource(dem, "INPUT"), bundle, 0.2, 20.0, 0.5, scheduler=s, device="cpu"))):
            t1, t2 = timed(lambda: run("local:1")), timed(lambda: run("local:2"))
            rows.append((name, t1, t2))
            print(f"{name}: local:1 {t1:.1f} s ({mpx / t1:.2f} Mpx/s), local:2 {t2:.1f} s ({mpx / t2:.2f} Mpx/s): "
                  f"{t1 / t2:.2f}x (target >= 1.7x)")
        # --- chunk assembly: the equations' chunks, written once, assembled both ways
        source = RasterSource(refl, "INPUT")
        like = (source.xsize, source.ysize, source.geotransform, source.wkt)
        chunk_dir = os.path.join(folder, "chunks")
        os.makedirs(chunk_dir)
        blocks = windows(size, size)
        func = equations.EquationBlocks(equations.PRESETS[0], 1.0, ["feo"])
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
