"""Oxide CNN mapping is block-wise: peak memory stays flat as the raster grows (and Mpx/s end to end).

Maps all five oxides + Mg# with the shipped Clementine model on SIZES (VRT mosaics of one 5-band tile) and
prints time, Mpx/s and peak RSS of each run, with the peak as a ratio of the smallest run's.
Usage: bench/bench_oxide_maps.py [SIZE ...]   (default 1000 3000 6000; 20000 takes ~15 min here)
"""
import sys
import tempfile
from pathlib import Path

from common import ROOT, clementine_tile, mosaic, run_child

CODE = """
import sys
sys.path.insert(0, {plugins!r})
from lunar_lab.lunar_plugin.core.oxides import maps
out = {out!r}
maps.cnn_maps({src!r}, {model!r}, {{t: f"{{out}}/{{t}}.tif" for t in ("FeO", "TiO2", "Al2O3", "MgO", "CaO")}},
              mgnumber_path=out + "/mg.tif")
"""


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [1000, 3000, 6000]
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        tile = clementine_tile(Path(tmp) / "tile.tif")
        base = None
        for size in sizes:
            src = mosaic(tile, Path(tmp) / f"in{size}.vrt", size)
            code = CODE.format(plugins=str(ROOT / "build" / "plugins"), src=src, out=tmp,
                               model=str(ROOT / "models" / "oxide_clementine.pt"))
            seconds, peak = run_child([sys.executable, "-c", code])
            base = base or peak
            input_mib = size * size * 5 * 4 / 2 ** 20
            print(f"{size}x{size} ({input_mib:.0f} MiB input): {seconds:.1f} s, {size * size / seconds / 1e6:.2f} Mpx/s, "
                  f"peak RSS {peak:.0f} MiB = {peak / base:.2f}x the {sizes[0]}x{sizes[0]} run")


if __name__ == "__main__":
    main()
