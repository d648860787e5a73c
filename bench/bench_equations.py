"""Band-ratio equations: Lunar Lab's block-wise FeO+TiO2+OMAT against gdal_calc.py with the same formulas.

Speed on a SPEED_SIZE^2 5-band raster (both tools, same input, same run): gdal_calc.py as it comes (uncompressed,
striped output) and with Lunar Lab's own creation options (tiled, ZSTD-compressed: the same file); and peak
memory of Lunar Lab on a MEMORY_SIZE^2 raster (default 20000 x 20000, 8 GB of float32 input as a VRT mosaic;
0 skips it). Each tool's peak RSS is its own (common.run_child).
Usage: bench/bench_equations.py [SPEED_SIZE] [MEMORY_SIZE]
"""
import sys
import tempfile
from pathlib import Path

from common import ROOT, clementine_tile, mosaic, run_child

from lunar_lab.lunar_plugin.core.raster import GTIFF_OPTIONS

PY = sys.executable
REPEAT = 3
C = dict(x0=0.018, y0=1.188, a=24.770, b=-8.053, yt=0.481, s=7.128, e=4.022)
FORMULAS = {  # gdal_calc numpy expressions of Qiu et al. 2025 eqs. 1-5 (A=R415, B=R750, D=R950)
    "feo": f"where(B>{C['x0']}, {C['a']}*(-arctan(((D/B)-{C['y0']})/(B-{C['x0']})))+({C['b']}), -9999)",
    "tio2": f"where(arctan(((A/B)-{C['yt']})/B)>=0, {C['s']}*power(arctan(((A/B)-{C['yt']})/B),{C['e']}), -9999)",
    "omat": f"sqrt((B-{C['x0']})**2+((D/B)-{C['y0']})**2)",
}
OURS = """
import sys
sys.path.insert(0, {plugins!r})
from lunar_lab.lunar_plugin.core.oxides import equations
equations.equation_maps({src!r}, 1, 2, 4, {{'feo': {out!r} + '/feo.tif', 'tio2': {out!r} + '/tio2.tif',
                                             'omat': {out!r} + '/omat.tif'}}, equations.PRESETS['qiu2025'])
"""


def ours(src, out):
    code = OURS.format(plugins=str(ROOT / "build" / "plugins"), src=src, out=out)
    return run_child([PY, "-c", code])


def gdal_calc(src, out, options=()):
    seconds, peak = 0.0, 0.0
    creation = [f"--co={option}" for option in options]
    for name, formula in FORMULAS.items():
        s, p = run_child(["gdal_calc.py", "--quiet", "--overwrite", "-A", src, "--A_band=1", "-B", src, "--B_band=2",
                          "-D", src, "--D_band=4", f"--outfile={out}/{name}_gdalcalc.tif", "--type=Float32",
                          "--NoDataValue=-9999", *creation, f"--calc={formula}"])
        seconds, peak = seconds + s, max(peak, p)
    return seconds, peak


def main():
    speed_size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    memory_size = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        tile = clementine_tile(Path(tmp) / "tile.tif")
        src = mosaic(tile, Path(tmp) / "speed.vrt", speed_size)
        runs = {"ours": [], "as it comes": [], "same files": []}
        for _ in range(REPEAT):   # interleaved, best of REPEAT: this machine's disk and neighbours are noisy
            runs["ours"].append(ours(src, tmp))
            runs["as it comes"].append(gdal_calc(src, tmp))
            runs["same files"].append(gdal_calc(src, tmp, GTIFF_OPTIONS))
        (t_ours, m_ours), (t_base, m_base), (t_same, m_same) = (min(runs[k]) for k in runs)
        mpx = speed_size ** 2 / 1e6
        print(f"equations on {speed_size}x{speed_size} (FeO+TiO2+OMAT), best of {REPEAT}: Lunar Lab {t_ours:.1f} s "
              f"({mpx / t_ours:.1f} Mpx/s, peak RSS {m_ours:.0f} MiB); gdal_calc.py as it comes {t_base:.1f} s "
              f"({mpx / t_base:.1f} Mpx/s, {m_base:.0f} MiB): {t_base / t_ours:.2f}x; gdal_calc.py writing the same "
              f"tiled ZSTD files {t_same:.1f} s ({m_same:.0f} MiB): {t_same / t_ours:.2f}x "
              f"(all runs: {', '.join(f'{k} ' + ' '.join(f'{t:.1f}' for t, _ in v) for k, v in runs.items())} s)")
        if not memory_size:
            return
        big = mosaic(tile, Path(tmp) / "memory.vrt", memory_size)
        t_big, m_big = ours(big, tmp)
        input_mib = memory_size ** 2 * 5 * 4 / 2 ** 20
        print(f"equations on {memory_size}x{memory_size} ({input_mib:.0f} MiB of float32 input): {t_big:.0f} s, "
              f"peak RSS {m_big:.0f} MiB = {m_big / input_mib:.3f} of the input size")


if __name__ == "__main__":
    main()
