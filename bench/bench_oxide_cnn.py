#!/usr/bin/env python
"""Oxide CNN inference speed: ONNX Runtime vs cnn.Predictor vs plain per-oxide torch Conv1d models of the same
weights, in one run (issue 25: the faster of ONNX Runtime and the Predictor is the default engine).

    .venv/bin/python bench/bench_oxide_cnn.py [--pixels 2000000] [--model models/oxide_clementine.pt]

A synthetic 5-band Clementine block goes through features_from_bands (not timed), then every oxide of the model
is predicted by the three paths on the same features (ONNX Runtime and the Predictor interleaved, best of
--repeat). Prints Mpx/s of each (all oxides together), their ratios, and the largest absolute difference (wt%). Target: Predictor >= 0.4 Mpx/s on 2 cores, difference <= 1e-4 wt%.
Then the whole per-block step of lunar:oxidecnn from reflectance (features, prediction, bounds) without and with
both extra outputs (spectral domain and 1-sigma per oxide): their ratio, and the Mpx/s with both (target >= 0.3).
"""
import argparse

from common import ROOT, best_of  # noqa: E402,F401 (also makes the checkout importable as lunar_lab)

import numpy as np  # noqa: E402

from lunar_lab.lunar_plugin.core.oxides import cnn, maps, model_io, trust  # noqa: E402


def synthetic_block(n, seed=0):
    rng = np.random.default_rng(seed)
    r750 = rng.uniform(0.05, 0.3, n).astype(np.float32)
    bands = {"R415": r750 * rng.uniform(0.55, 0.75, n), "R750": r750, "R900": r750 * rng.uniform(1.0, 1.1, n),
             "R950": r750 * rng.uniform(1.0, 1.15, n), "R1000": r750 * rng.uniform(1.0, 1.2, n)}
    bands["R750"][::9973] = np.nan  # a few nodata pixels
    return {k: v.astype(np.float32) for k, v in bands.items()}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--pixels", type=int, default=2_000_000)
    ap.add_argument("--model", default=str(ROOT / "models" / "oxide_clementine.pt"))
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-pixels", type=int, default=0,
                    help="pixels for the slow plain-torch path (0: same as --pixels)")
    args = ap.parse_args(argv)
    import torch
    if args.threads:
        torch.set_num_threads(args.threads)
    bundle = model_io.load_model(args.model)
    block = synthetic_block(args.pixels)
    X = cnn.features_from_bands(block, bundle)
    pred = cnn.Predictor(bundle)
    ort = model_io.predictor_for(args.model, "onnxruntime", "cpu", threads=torch.get_num_threads())
    pred.predict(X[:10000])  # warm-up
    ort.predict(X[:10000])
    t_fast = t_ort = float("inf")
    for _ in range(args.repeat):   # interleaved: both see the same moments of a shared machine
        t, fast = best_of(lambda: pred.predict(X), 1)
        t_fast = min(t_fast, t)
        t, via_ort = best_of(lambda: ort.predict(X), 1)
        t_ort = min(t_ort, t)
    nb = args.baseline_pixels or args.pixels
    t_ref, ref = best_of(lambda: bundle.predict_reference(X[:nb]), 1)
    fast_mpx, ref_mpx, ort_mpx = args.pixels / t_fast / 1e6, nb / t_ref / 1e6, args.pixels / t_ort / 1e6
    diff = float(np.nanmax(np.abs(fast[:nb] - ref)))
    ort_diff = float(np.nanmax(np.abs(via_ort[:nb] - ref)))
    nan_ok = bool(np.array_equal(np.isnan(fast[:nb]), np.isnan(ref)))
    print(f"model {args.model}: architecture {bundle.architecture}, targets {bundle.targets}, "
          f"{sum(len(m) for m in bundle.members.values())} networks, torch threads {torch.get_num_threads()}")
    print(f"ONNX Runtime        : {ort_mpx:8.3f} Mpx/s ({args.pixels} px; {ort_mpx / fast_mpx:.2f}x the Predictor, "
          f"{ort_mpx / ref_mpx:.2f}x plain torch; max |difference| {ort_diff:.3g} wt%)")
    print(f"Predictor           : {fast_mpx:8.3f} Mpx/s ({args.pixels} px, all {len(bundle.targets)} oxides)")
    print(f"plain torch Conv1d  : {ref_mpx:8.3f} Mpx/s ({nb} px)")
    print(f"ratio               : {fast_mpx / ref_mpx:8.2f}x")
    print(f"max |difference|    : {diff:.3g} wt%   (NaN pattern identical: {nan_ok})")
    checks = trust.ModelTrust.from_card(bundle.card)
    plain = trust.ModelTrust(None, {}, 0)
    t_plain = t_trust = float("inf")
    for _ in range(args.repeat):  # interleaved, so that both see the same moments of a shared machine
        t_plain = min(t_plain, best_of(lambda: maps.trusted_prediction(pred, plain, block), 1)[0])
        t_trust = min(t_trust, best_of(lambda: maps.trusted_prediction(pred, checks, block, uncertainty=True), 1)[0])
    plain_mpx, trust_mpx = args.pixels / t_plain / 1e6, args.pixels / t_trust / 1e6

    def extras_alone():
        d2 = checks.domain.distance2(trust.log_spectra(block, checks.domain.band_names))
        return d2 <= checks.domain.threshold, checks.sigmas(bundle.targets, d2)
    t_extra, _ = best_of(extras_alone, args.repeat)
    print(f"oxidecnn block step : {plain_mpx:8.3f} Mpx/s plain (features, prediction, bounds)")
    print(f"  + domain, 1-sigma : {trust_mpx:8.3f} Mpx/s ({trust_mpx / plain_mpx:.2f}x the plain step)")
    print(f"  domain + 1-sigma alone: {t_extra / args.pixels * 1e6:.3f} us/px against "
          f"{t_plain / args.pixels * 1e6:.3f} us/px for the plain step "
          f"(expected ratio {t_plain / (t_plain + t_extra):.2f}x)")
    return fast_mpx, ref_mpx, diff, plain_mpx, trust_mpx


if __name__ == "__main__":
    main()
