"""The driver's memory on the cluster path (issue 11): peak RSS of the process that runs an algorithm with
SCHEDULER=local:2, on a small raster (the baseline) and on a larger one, in the same run.

Equations: 5-band float32 VRT mosaics (little disk), the small one and one many times the 1 GB budget; the workers
read their windows themselves, and the driver only copies one finished 4 Mpx chunk at a time into the tiled
output, so its peak should not grow with the raster.
Detection: VRT mosaics of a synthetic crater DEM, as wide as the small one and N times as tall; the driver
generates the tiles as it submits them and merges the raw detections region by region
(craters.suppression.RegionMerger, here closing regions once 1000 wait instead of 20000 so that the band a region
must wait for shows), so the raw detections it holds grow with the raster's width, not its height, and the craters
are written as regions close.
Each run is a fresh child process (its own ru_maxrss; the LocalCluster's workers are not counted: they are its
children, and RUSAGE_SELF counts the driver only).

    .venv/bin/python bench/bench_cluster_memory.py [--equations 4000,20000] [--detection 2000,8000]
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, clementine_tile, dem_tile, mosaic

DRIVER = """
import json, resource, sys
sys.path.insert(0, {plugins!r})
from lunar_lab.lunar_plugin.core.cluster import finish_closing
log = []
class Log:
    def setProgress(self, percent): pass
    def isCanceled(self): return False
    def pushInfo(self, text): log.append(text)
{run}
finish_closing()
print(json.dumps({{'peak_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'log': log}}))
"""
EQUATIONS = """
from lunar_lab.lunar_plugin.core.oxides import equations
equations.equation_maps({src!r}, 1, 2, 4, {{'feo': {out!r}}}, equations.PRESETS['qiu2025'], scheduler='local:2')
"""
DETECTION = """
from lunar_lab.lunar_plugin.core.batch import write_crater_circles
from lunar_lab.lunar_plugin.core.craters import detect, model_io, suppression
from lunar_lab.lunar_plugin.core.raster import RasterSource
suppression.CLOSE_AT = 1000
detector = detect.Detector(model_io.load({model!r}), 'cpu')
regions = detector.detect_regions(RasterSource({src!r}, 'INPUT'), 0.2, 20.0, 0.5, feedback=Log(),
                                  scheduler='local:2')
write_crater_circles((c for region in regions for c in region), {out!r})
"""


def driver_peak(run):
    """(seconds, peak RSS of the driver process in MiB, its log) of one run of the code ``run`` on local:2."""
    code = DRIVER.format(plugins=str(ROOT / "build" / "plugins"), run=run)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the driver failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return seconds, result["peak_mib"], result["log"]


def equations_memory(tmp, small, large):
    tile = clementine_tile(Path(tmp) / "tile.tif")
    peaks = {}
    for size in (small, large):
        src = mosaic(tile, Path(tmp) / f"in{size}.vrt", size)
        out = Path(tmp) / f"feo{size}.tif"
        seconds, peak, _ = driver_peak(EQUATIONS.format(src=str(src), out=str(out)))
        input_mib = size * size * 5 * 4 / 2 ** 20
        peaks[size] = peak
        print(f"equations on local:2, {size}x{size} ({input_mib:.0f} MiB of float32 input, "
              f"{size * size * 4 / 2 ** 20:.0f} MiB of output): {seconds:.0f} s, driver peak RSS {peak:.0f} MiB "
              f"= {peak / input_mib:.3f} of the input")
        out.unlink()
    print(f"driver peak at {large}^2 / at {small}^2 ({(large / small) ** 2:.0f}x the pixels): "
          f"{peaks[large] / peaks[small]:.2f}x (bounded: ~1); budget 1024 MiB")


def detection_memory(tmp, width, height):
    held = {}
    for size in (width, height):
        src = mosaic(dem_tile(tmp), Path(tmp) / f"dem{size}.vrt", width, size)
        out = Path(tmp) / f"craters{size}.gpkg"
        seconds, peak, log = driver_peak(DETECTION.format(model=str(ROOT / "models" / "crater_detector.pt"),
                                                          src=str(src), out=str(out)))
        added, most = (int(n) for n in re.search(r"(\d+) raw detections, at most (\d+) held", " ".join(log)).groups())
        held[size] = most
        print(f"detection on local:2, {width}x{size}: {seconds:.0f} s, driver peak RSS {peak:.0f} MiB; {added} raw "
              f"detections, at most {most} held at once ({most / added:.3f} of them)")
        out.unlink()
    print(f"raw detections held at {width}x{height} / at {width}x{width}: {held[height] / held[width]:.2f}x for "
          f"{height / width:.0f}x the area (bounded by a band of tile rows as wide as the raster: ~1)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--equations", default="4000,20000", help="small,large raster sizes ('' to skip)")
    parser.add_argument("--detection", default="2000,8000", help="width,height: the rasters are width x width and "
                        "width x height ('' to skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        if args.equations:
            equations_memory(tmp, *(int(s) for s in args.equations.split(",")))
        if args.detection:
            detection_memory(tmp, *(int(s) for s in args.detection.split(",")))


if __name__ == "__main__":
    main()
