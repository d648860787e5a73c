#!/usr/bin/env python3
"""Train the shipped crater detector (models/crater_detector.pt + .json) on LOLA LDEM_4 + Head et al. 2010.

Data: ../shared/data/dem/LDEM_4.LBL (LOLA global DEM, 4 px/deg, 7.58 km/px, simple cylindrical centred on
180 deg) and ../shared/data/craters/head2010_ge20km_west.csv (craters >= 20 km, western hemisphere only;
the eastern hemisphere is held out by the data provider and is never used here, not even as crops).

Split (western hemisphere): validation = lon [-100, -60) (never trained on, its labels never read for
training); training = lon [-180, -100) and [-60, 0), each shrunk by a 2 deg buffer.
Stages: (1) optional pre-training on synthetic crater scenes (core.craters.training.synthetic_scene),
(2) training / fine-tuning (transfer learning from stage 1) on pyramid levels 0-2 of the training split.
The confidence threshold is chosen on the training split (best F1), then the held-out split is scored
once with it. Targets: craters 60-500 km within +-60 deg latitude.

    .venv/bin/python scripts/train_crater_detector.py [--pretrain-steps N] [--steps N] [--minutes M]
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.craters import detect, matching, training  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterSource  # noqa: E402

DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEM = DATA / "dem" / "LDEM_4.LBL"
CATALOG = DATA / "craters" / "head2010_ge20km_west.csv"
VAL_LON = (-100.0, -60.0)
TRAIN_LON = ((-180.0, -100.0), (-60.0, 0.0))
MIN_D, MAX_D, LAT_LIMIT = 60.0, 500.0, 60.0


def load_catalog(path=CATALOG):
    a = np.genfromtxt(path, delimiter=",", names=True)
    return np.c_[a["Lon"], a["Lat"], a["Diam_km"]]


def synthetic_scenes(n, seed=0, log=print):
    """Training scenes from core.synthetic.make_scene (if that module exists): 512 px scenes at 50-400 m/px,
    random latitudes within +-60 deg, levels 0 and 1 (2x2 mean), all craters labelled."""
    try:
        from lunar_lab.lunar_plugin.core import synthetic
    except ImportError:
        log("core.synthetic is not available: no synthetic scenes")
        return []
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        pixel_m = float(rng.choice([50.0, 100.0, 200.0, 400.0]))
        sc = synthetic.make_scene(512, 512, centre_lon=float(rng.uniform(-150, 150)),
                                  centre_lat=float(rng.uniform(-60, 60)), pixel_m=pixel_m, seed=1000 + seed * 100 + i)
        cr = np.array([(c["x"], c["y"], c["radius_px_x"], c["radius_px"]) for c in sc.craters + sc.edge_craters],
                      float).reshape(-1, 4)
        for level in (0, 1):
            dem = sc.dem if level == 0 else detect.downsample(sc.dem, 2)
            x, _ = detect.normalise_tile(dem, 32.0)
            f = float(1 << level)
            out.append({"dem": x, "normalised": True, "craters": cr / f, "box": None, "level": "synthetic",
                        "weight": 1.0})
    return out


def evaluate(source, bundle, catalog, confidence=0.05, log=print):
    """Detections over the whole raster (scored only where the catalogue exists) and scores per split."""
    t = time.time()
    dets = detect.detect_craters(source, bundle, MIN_D / 1.3, MAX_D * 1.3, confidence=confidence)
    seconds = time.time() - t
    west = [d for d in dets if d["lon"] < 0]
    splits = {"validation": [(VAL_LON[0], VAL_LON[1], -LAT_LIMIT, LAT_LIMIT)],
              "train": [(a, b, -LAT_LIMIT, LAT_LIMIT) for a, b in TRAIN_LON],
              "west": [(-180.0, 0.0, -LAT_LIMIT, LAT_LIMIT)]}

    def score(th, name, strict=False):
        kept = [d for d in west if d["confidence"] >= th
                and (not strict or MIN_D <= d["diameter_km"] <= MAX_D)]
        tot = {"n_catalog": 0, "n_detections": 0, "n_matched_catalog": 0, "n_true_detections": 0}
        rel, bins = [], {}
        for ext in splits[name]:
            m = matching.match(kept, catalog, MIN_D, MAX_D, extent=ext)
            for k in tot:
                tot[k] += m[k]
            if m["n_matched_catalog"]:
                rel.append(m["median_rel_diameter_error"])
            for b in m["bins"]:
                key = tuple(b["range_km"])
                agg = bins.setdefault(key, [0, 0, 0, 0])
                for i, k in enumerate(("n_catalog", "n_matched", "n_detections", "n_true")):
                    agg[i] += b[k]
        r = tot["n_matched_catalog"] / max(tot["n_catalog"], 1)
        p = tot["n_true_detections"] / max(tot["n_detections"], 1)
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        return {"threshold": th, "recall": round(r, 4), "precision": round(p, 4), "f1": round(f1, 4),
                "median_rel_diameter_error": round(float(np.mean(rel)), 4) if rel else None, **tot,
                "bins": [{"range_km": list(k), "n_catalog": v[0], "n_matched": v[1], "n_detections": v[2],
                          "n_true": v[3]} for k, v in sorted(bins.items())]}

    grid = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
    train_scores = [score(th, "train") for th in grid]
    best = max(train_scores, key=lambda s: (s["f1"], s["recall"]))
    th = best["threshold"]
    out = {"threshold": th, "seconds_detect_whole_raster": round(seconds, 2),
           "train": best, "validation": score(th, "validation"), "west": score(th, "west"),
           "protocol": "detections from detect_craters(LDEM_4, 60/1.3 .. 500*1.3 km), lon < 0; matched "
                       "one-to-one (DeepMoon rule, km) against the whole Head 2010 west catalogue; recall over "
                       "catalogue craters 60-500 km, |lat| <= 60, in the split; precision over detections "
                       "60-500 km there. *_strict: only detections of 60-500 km take part in matching.",
           "validation_strict": score(th, "validation", strict=True),
           "west_strict": score(th, "west", strict=True),
           "validation_curve": [{k: s[k] for k in ("threshold", "recall", "precision", "f1")}
                                for s in (score(t, "validation") for t in grid)],
           "train_curve": [{k: s[k] for k in ("threshold", "recall", "precision", "f1")} for s in train_scores]}
    log(f"threshold {th} (best train F1) | train R {best['recall']} P {best['precision']} F1 {best['f1']} | "
        f"val R {out['validation']['recall']} P {out['validation']['precision']} F1 {out['validation']['f1']} | "
        f"west R {out['west']['recall']} P {out['west']['precision']} | strict val R "
        f"{out['validation_strict']['recall']} P {out['validation_strict']['precision']} | detect {seconds:.1f}s")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pretrain-steps", type=int, default=0, help="synthetic pre-training steps (0: none)")
    ap.add_argument("--base", help="fine-tune from this bundle instead of pre-training")
    ap.add_argument("--steps", type=int, default=400, help="training steps on LDEM_4")
    ap.add_argument("--minutes", type=float, default=12.0, help="time limit of the LDEM_4 stage")
    ap.add_argument("--synthetic-fraction", type=float, default=0.0,
                    help="share of each batch from training.synthetic_scene (simple bowls)")
    ap.add_argument("--make-scenes", type=int, default=0,
                    help="add this many core.synthetic.make_scene scenes (levels 0 and 1) to the training tiles")
    ap.add_argument("--make-scene-share", type=float, default=0.25)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--crop", type=int, default=160)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "models" / "crater_detector.pt"))
    ap.add_argument("--eval-only", action="store_true", help="score --out again, do not train")
    args = ap.parse_args(argv)
    import torch
    torch.set_num_threads(args.threads)
    source = RasterSource(DEM, "DEM")
    catalog = load_catalog()
    log = lambda s: print(s, flush=True)  # noqa: E731
    if args.eval_only:
        bundle = training.load_bundle(args.out)
        metrics = evaluate(source, bundle, catalog, log=log)
        bundle["card"]["metrics"] = metrics
        training.save_bundle(bundle, args.out)
        return 0
    t0 = time.time()
    base = training.load_bundle(args.base) if args.base else None
    if args.pretrain_steps and base is None:
        log(f"stage 1: synthetic pre-training, {args.pretrain_steps} steps")
        base = training.train([], epochs=1, seed=args.seed, synthetic_fraction=1.0,
                              settings={"steps_per_epoch": args.pretrain_steps, "lr": args.lr},
                              card={"stage1": "synthetic scenes (training.synthetic_scene)"}, log=log)
    # training scenes: only the training split's longitudes (labels outside only shape targets at edges
    # and are masked out of the loss)
    train_cat = catalog[np.array([any(a - 5 <= lo < b + 5 for a, b in TRAIN_LON) for lo in catalog[:, 0]])]
    scenes = training.scenes_from_raster(source, train_cat[:, 0], train_cat[:, 1], train_cat[:, 2],
                                         levels=(0, 1, 2), lon_ranges=TRAIN_LON, lat_limit=75.0)
    share = {0: 0.5, 1: 0.35, 2: 0.15}   # sampling share per pyramid level (big craters live in 1-2)
    if args.make_scenes:
        syn = synthetic_scenes(args.make_scenes, args.seed, log)
        if syn:
            share = {k: v * (1.0 - args.make_scene_share) for k, v in share.items()}
            share["synthetic"] = args.make_scene_share
            scenes += syn
    for sc in scenes:
        sc["weight"] = share[sc["level"]] / sum(1 for o in scenes if o["level"] == sc["level"])
    log(f"stage 2: {len(scenes)} training tiles from LDEM_4 levels 0-2, {len(train_cat)} catalogue craters")
    card = {
        "name": "crater_detector", "input": "dem",
        "description": "CenterNet-style crater detector (U-Net, heat + x/y radius + offset heads) for DEM "
                       "tiles; multi-scale via an image pyramid in core.craters.detect",
        "data": {"dem": "LOLA LDEM_4 (4 px/deg, 7.58 km/px)", "catalog": "Head et al. 2010, >= 20 km, "
                 "western hemisphere only (eastern hemisphere held out by the provider)"},
        "level_share": {str(k): v for k, v in share.items()},
        "make_scenes": args.make_scenes,
        "split": {"validation_lon": list(VAL_LON), "train_lon": [list(r) for r in TRAIN_LON],
                  "buffer_deg": 2.0, "lat_limit_train": 75.0,
                  "score_range_km": [MIN_D, MAX_D], "score_lat_limit": LAT_LIMIT},
        "keep_px": [16.0, 40.0], "highpass_sigma_px": 32.0,
        "nms_dist_frac": 0.5, "nms_max_ratio": 1.6,
    }
    bundle = training.train(scenes, base_bundle=base, epochs=1, seed=args.seed,
                            synthetic_fraction=args.synthetic_fraction,
                            settings={"steps_per_epoch": args.steps, "lr": args.lr, "crop": args.crop,
                                      "batch": args.batch, "zoom": [0.6, 1.6]}, card=card, log=log,
                            time_limit_s=args.minutes * 60)
    training.save_bundle(bundle, args.out)
    log(f"saved {args.out} after {time.time() - t0:.0f}s; evaluating")
    metrics = evaluate(source, bundle, catalog, log=log)
    bundle["card"]["metrics"] = metrics
    bundle["card"]["confidence_threshold"] = metrics["threshold"]
    training.save_bundle(bundle, args.out)
    log(json.dumps({k: metrics[k] for k in ("threshold", "seconds_detect_whole_raster")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
