"""Shared benchmark helpers: a large test raster as a VRT mosaic, child-process timing and peak memory."""
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)


def clementine_tile(path, size=1000, seed=0):
    """A 5-band Clementine-like reflectance tile (0..1) with mare and highland values."""
    rng = np.random.default_rng(seed)
    base = np.where(rng.random((size, size)) < 0.5, 0.09, 0.2).astype(np.float32)
    ratios = np.array([0.62, 1.0, 1.04, 1.06, 1.09], np.float32)
    bands = base[None] * ratios[:, None, None] * (1 + 0.05 * rng.standard_normal((5, size, size))).astype(np.float32)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, 5, gdal.GDT_Float32, ["TILED=YES"])
    ds.SetGeoTransform((0, 0.001, 0, 0, 0, -0.001))
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30100")
    ds.SetProjection(srs.ExportToWkt())
    for i in range(5):
        ds.GetRasterBand(i + 1).WriteArray(bands[i])
    ds = None
    return str(path)


def dem_tile(folder):
    """A 1000 x 1000 synthetic crater DEM (core.synthetic, 100 m pixels) in ``folder``, made once."""
    from lunar_lab.lunar_plugin.core import synthetic
    path = os.path.join(folder, "dem_tile.tif")
    if not os.path.exists(path):
        synthetic.write_scene(synthetic.make_scene(1000, 1000, seed=4), path, None, None)
    return path


def mosaic(tile, path, size, height=None):
    """A size x size (or size x height) VRT made of copies of ``tile``: a big real input for little disk."""
    height = height or size
    t = gdal.Open(tile)
    n = t.RasterXSize
    count = t.RasterCount
    lines = [f'<VRTDataset rasterXSize="{size}" rasterYSize="{height}">',
             f"<SRS>{gdal.EscapeString(t.GetProjection(), gdal.CPLES_XML)}</SRS>",
             "<GeoTransform>0, 0.001, 0, 0, 0, -0.001</GeoTransform>"]
    for b in range(1, count + 1):
        lines.append(f'<VRTRasterBand dataType="Float32" band="{b}">')
        for y in range(0, height, n):
            for x in range(0, size, n):
                w, h = min(n, size - x), min(n, height - y)
                lines.append(f"<SimpleSource><SourceFilename relativeToVRT='0'>{tile}</SourceFilename>"
                             f"<SourceBand>{b}</SourceBand><SrcRect xOff='0' yOff='0' xSize='{w}' ySize='{h}'/>"
                             f"<DstRect xOff='{x}' yOff='{y}' xSize='{w}' ySize='{h}'/></SimpleSource>")
        lines.append("</VRTRasterBand>")
    lines.append("</VRTDataset>")
    Path(path).write_text("\n".join(lines))
    return str(path)


#: Runs a command in a fresh Python process and prints the peak RSS (KiB) of the command alone: RUSAGE_CHILDREN
#: of the benchmark itself keeps the largest child so far, so a small run after a large one would read large.
PEAK_OF = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")


def run_child(cmd, env=None):
    """Run a command; return (seconds, peak RSS of that command in MiB). The page cache is written out first, so
    a run does not pay for the previous one's output (a 10000^2 float32 run writes over 1 GB)."""
    os.sync()
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK_OF, *cmd], capture_output=True, text=True,
                          env=env or os.environ.copy())
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return seconds, int(proc.stderr.strip().splitlines()[-1]) / 1024.0


def best_of(fn, repeat):
    """(fastest time of ``repeat`` calls, the last result): the least noisy figure on a shared machine."""
    times, out = [], None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out
