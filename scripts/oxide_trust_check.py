#!/usr/bin/env python
"""Measure what the oxide maps' safeguards do on the demo scene and on the real sample sites (README figures).

    .venv/bin/python scripts/oxide_trust_check.py [--data ../shared/data]

* the demo's synthetic scene (1024 x 1024, seed 42, as scripts/demo.sh): pixels each shipped-model oxide would have
  had outside the bounds, the share outside the spectral domain, and the band ratio that puts it there;
* the real sites (Clementine 47 stations, Kaguya MI 55 sites) mapped as rasters: pixels clipped, share inside.
About 20 s.
"""
import argparse
import csv
import os
from pathlib import Path

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

import numpy as np  # noqa: E402

from lunar_lab.lunar_plugin.core import synthetic  # noqa: E402
from lunar_lab.lunar_plugin.core.oxides import cnn, maps, model_io, trust  # noqa: E402


def check(model, band_arrays, label):
    bundle = model_io.load_model(ROOT / "models" / f"{model}.pt")
    block = maps.trusted_prediction(cnn.Predictor(bundle), trust.ModelTrust.from_card(bundle.card),
                                    {b: np.asarray(band_arrays[b], np.float32) for b in bundle.band_names},
                                    uncertainty=True)
    n = int(block["valid"].sum())
    print(f"{label} ({model}, {n} pixels): {100 * (1 - block['inside'][block['valid']].mean()):.1f}% outside the "
          f"spectral domain")
    for j, t in enumerate(bundle.targets):
        below, above = block["clipped"][t]
        sigma = block["sigma"][block["valid"], j]
        print(f"  {t:<6} clipped: {below} below {trust.bounds_of(t)[0]:g} ({100 * below / n:.1f}%), {above} above "
              f"{trust.bounds_of(t)[1]:g}; after clipping {np.nanmin(block['predicted'][:, j]):.2f}-"
              f"{np.nanmax(block['predicted'][:, j]):.2f} wt%; 1-sigma median {np.median(sigma):.2f} wt%")
    return block


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.environ.get("LUNAR_SHARED_DATA", str(ROOT.parent / "shared" / "data")))
    args = ap.parse_args(argv)
    scene = synthetic.make_scene(1024, 1024, -20.0, 10.0, pixel_m=100.0, seed=42)
    bands = {name: scene.reflectance[k].ravel() for k, (name, _) in enumerate(synthetic.BANDS)}
    check("oxide_clementine", bands, "demo synthetic scene")
    with np.errstate(all="ignore"):
        ratio = bands["R1000"] / bands["R950"]
    rows = list(csv.DictReader(open(Path(args.data) / "samples" / "clementine_sites.csv", newline="")))
    stations = np.array([float(r["R1000"]) / float(r["R950"]) for r in rows])
    print(f"  R1000/R950: scene {np.percentile(ratio, 1):.3f}-{np.percentile(ratio, 99):.3f} (1st-99th percentile), "
          f"the 47 stations {stations.min():.3f}-{stations.max():.3f}")
    check("oxide_clementine", {b: [float(r[b]) for r in rows] for b in ["R415", "R750", "R900", "R950", "R1000"]},
          "Clementine sample stations")
    kaguya = list(csv.DictReader(open(Path(args.data) / "samples" / "kaguya_mi_sites_tio2.csv", newline="")))
    check("oxide_kaguya_mi_tio2", {b: [float(r[b]) for r in kaguya] for b in kaguya[0] if b.endswith("nm")},
          "Kaguya MI sample sites")


if __name__ == "__main__":
    main()
