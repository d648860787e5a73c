"""The GPU path on a machine that has one: CNN oxides and crater detection on CUDA against the CPU.

Checks (issue 11): oxides agree within 1e-4 wt%, the detector finds the same craters (same count, centres within
1e-6 km, diameters within 1e-5 km), and reports the speed-up. Without CUDA it says so and exits 0.

    .venv/bin/python bench/check_gpu.py
"""
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from plugin_path import ROOT  # noqa: E402 (makes the checkout importable as lunar_lab)


def main():
    import torch
    if not torch.cuda.is_available():
        print(f"SKIP: torch {torch.__version__} sees no CUDA GPU here; nothing to check (the CPU path is tested "
              "by the test suite)")
        return 0
    from lunar_lab.lunar_plugin.core import synthetic
    from lunar_lab.lunar_plugin.core.craters import detect
    from lunar_lab.lunar_plugin.core.craters import model_io as crater_model_io
    from lunar_lab.lunar_plugin.core.device import resolve_device
    from lunar_lab.lunar_plugin.core.moon import great_circle_km
    from lunar_lab.lunar_plugin.core.oxides import cnn
    from lunar_lab.lunar_plugin.core.oxides import model_io as oxide_model_io
    from lunar_lab.lunar_plugin.core.raster import RasterSource

    print(f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    cuda = resolve_device("cuda")
    failures = []
    # --- oxides: 4 M pixels of Clementine-like reflectance through the shipped model
    bundle = oxide_model_io.load_model(ROOT / "models" / "oxide_clementine.pt")
    rng = np.random.default_rng(0)
    base = np.where(rng.random(1 << 22) < 0.5, 0.09, 0.2)
    bands = {name: (base * r * (1 + 0.05 * rng.standard_normal(base.size))).astype(np.float32)
             for name, r in zip(("R415", "R750", "R900", "R950", "R1000"), (0.62, 1.0, 1.04, 1.06, 1.09))}
    timings = {}
    results = {}
    for device in ("cpu", cuda):
        predictor = cnn.Predictor(bundle, device=device)
        predictor.predict_bands({k: v[:4096] for k, v in bands.items()})   # warm-up
        start = time.perf_counter()
        results[str(device)] = predictor.predict_bands(bands)
        timings[str(device)] = time.perf_counter() - start
    diff = np.nanmax(np.abs(results["cpu"] - results["cuda"]))
    same_nan = np.array_equal(np.isnan(results["cpu"]), np.isnan(results["cuda"]))
    print(f"oxide CNN, {base.size / 1e6:.1f} Mpx x {len(bundle.targets)} oxides: max |CPU - CUDA| {diff:.2e} wt% "
          f"(target <= 1e-4); CPU {base.size / timings['cpu'] / 1e6:.2f} Mpx/s, "
          f"CUDA {base.size / timings['cuda'] / 1e6:.2f} Mpx/s")
    if not (diff <= 1e-4 and same_nan):
        failures.append("oxides")
    # --- craters: a 2048 x 2048 synthetic DEM
    with tempfile.TemporaryDirectory() as folder:
        dem = str(Path(folder) / "dem.tif")
        synthetic.write_scene(synthetic.make_scene(2048, 2048, seed=21), dem, None, None)
        source = RasterSource(dem, "INPUT")
        bundle = crater_model_io.load(ROOT / "models" / "crater_detector.pt")
        found = {}
        for device in ("cpu", "cuda"):
            start = time.perf_counter()
            found[device] = detect.Detector(bundle, device).detect(source, 0.5, 100.0, 0.5)
            timings["det_" + device] = time.perf_counter() - start
    a, b = (np.array([[c.lon, c.lat, c.diameter_km] for c in found[k]]) for k in ("cpu", "cuda"))
    same = len(a) == len(b) and len(a) > 0
    if same:
        a, b = a[np.lexsort(a.T[::-1])], b[np.lexsort(b.T[::-1])]
        dist = great_circle_km(a[:, 0], a[:, 1], b[:, 0], b[:, 1]).max()
        ddiam = np.abs(a[:, 2] - b[:, 2]).max()
        same = dist < 1e-6 and ddiam < 1e-5
        detail = f"max centre distance {dist:.1e} km, max diameter difference {ddiam:.1e} km"
    else:
        detail = f"counts differ: CPU {len(a)}, CUDA {len(b)}"
    print(f"crater detection, 2048^2 DEM: {len(a)} craters on the CPU, {len(b)} on CUDA; {detail}; "
          f"CPU {timings['det_cpu']:.1f} s, CUDA {timings['det_cuda']:.1f} s")
    if not same:
        failures.append("craters")
    print("FAIL: " + ", ".join(failures) if failures else "OK: the GPU agrees with the CPU")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
