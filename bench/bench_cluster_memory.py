"""The driver's memory on the cluster path (issue 11): peak RSS of the process that runs the equations with
SCHEDULER=local:2, on a small raster (the baseline) and on one many times the 1 GB budget, in the same run.

The inputs are 5-band float32 VRT mosaics (little disk); the workers read their windows themselves, and the driver
only copies one finished 4 Mpx chunk at a time into the tiled output, so its peak should not grow with the raster.
Each size runs in a fresh child process (its own ru_maxrss; the LocalCluster's workers are not counted: they are
its children, and RUSAGE_SELF counts the driver only).

    .venv/bin/python bench/bench_cluster_memory.py [SMALL_SIZE] [LARGE_SIZE]     (default 4000 20000)
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, clementine_tile, mosaic

DRIVER = """
import json, resource, sys
sys.path.insert(0, {plugins!r})
from lunar_lab.lunar_plugin.core.oxides import equations
from lunar_lab.lunar_plugin.core.cluster import finish_closing
equations.equation_maps({src!r}, 1, 2, 4, {{'feo': {out!r}}}, equations.PRESETS['qiu2025'], scheduler='local:2')
finish_closing()
print(json.dumps({{'peak_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def driver_peak(src, out):
    """(seconds, peak RSS of the driver process in MiB) of one equations run on local:2."""
    code = DRIVER.format(plugins=str(ROOT / "build" / "plugins"), src=str(src), out=str(out))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the driver failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return seconds, json.loads(proc.stdout.strip().splitlines()[-1])["peak_mib"]


def main():
    small = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    large = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        tile = clementine_tile(Path(tmp) / "tile.tif")
        peaks = {}
        for size in (small, large):
            src = mosaic(tile, Path(tmp) / f"in{size}.vrt", size)
            seconds, peak = driver_peak(src, Path(tmp) / f"feo{size}.tif")
            input_mib = size * size * 5 * 4 / 2 ** 20
            peaks[size] = peak
            print(f"equations on local:2, {size}x{size} ({input_mib:.0f} MiB of float32 input, "
                  f"{size * size * 4 / 2 ** 20:.0f} MiB of output): {seconds:.0f} s, driver peak RSS {peak:.0f} MiB "
                  f"= {peak / input_mib:.3f} of the input")
            Path(tmp, f"feo{size}.tif").unlink()
        print(f"driver peak at {large}^2 / at {small}^2 ({(large / small) ** 2:.0f}x the pixels): "
              f"{peaks[large] / peaks[small]:.2f}x (bounded: ~1); budget 1024 MiB")


if __name__ == "__main__":
    main()
