#!/usr/bin/env python3
"""Train the shipped crater detector (models/crater_detector.pt + .json) on LOLA LDEM_4 + Head et al. 2010.

Data: ../shared/data/dem/LDEM_4.LBL (LOLA global DEM, 4 px/deg, 7.58 km/px, simple cylindrical centred on
180 deg) and ../shared/data/craters/head2010_ge20km_west.csv (craters >= 20 km, western hemisphere only;
the eastern hemisphere is held out by the data provider and is never used here, not even as crops).

Split (western hemisphere): validation = lon [-100, -60) (never trained on, its labels never read for
training); training = lon [-180, -100) and [-60, 0), each shrunk by a 2 deg buffer.
Stages: (1) optional pre-training on synthetic crater scenes (core.craters.datasets.synthetic_scene),
(2) training / fine-tuning (transfer learning from stage 1) on pyramid levels 0-2 of the training split.
The confidence threshold is chosen on the training split (best F1), then the held-out split is scored
once with it. Targets: craters 60-500 km within +-60 deg latitude. The card also scores the model at that
threshold on held-out synthetic scenes (1024x1024, 100 m/px, craters >= 8 px; ``evaluate_synthetic``).

    .venv/bin/python scripts/train_crater_detector.py [--pretrain-steps N] [--steps N] [--minutes M]
    .venv/bin/python scripts/train_crater_detector.py --eval-only          # score models/crater_detector.pt again
    .venv/bin/python scripts/train_crater_detector.py --fine --base models/crater_detector.pt --make-scenes 48 \
        --steps 3000 --lr 1e-3 --seed 11 --out /tmp/fine.pt   # Yang et al. 2020's second stage on synthetic scenes only
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.craters import datasets, detect, matching, model_io, tiles, training  # noqa: E402
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
            dem = sc.dem if level == 0 else tiles.downsample(sc.dem, 2)
            x, _ = tiles.normalise_tile(dem, 32.0)
            f = float(1 << level)
            out.append({"dem": x, "normalised": True, "craters": cr / f, "box": None, "level": "synthetic",
                        "weight": 1.0})
    return out


#: Confidence thresholds tried when a threshold is chosen (best F1) and in the cards' curves.
THRESHOLD_GRID = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
COUNTS = ("n_catalog", "n_detections", "n_matched_catalog", "n_true_detections")


def pooled_scores(matches, threshold):
    """Recall, precision and F1 of several ``matching.match`` results pooled (counts summed), with the counts."""
    tot = {k: sum(m[k] for m in matches) for k in COUNTS}
    r = tot["n_matched_catalog"] / max(tot["n_catalog"], 1)
    p = tot["n_true_detections"] / max(tot["n_detections"], 1)
    f1 = 2 * r * p / (r + p) if r + p else 0.0
    return {"threshold": threshold, "recall": round(r, 4), "precision": round(p, 4), "f1": round(f1, 4), **tot}


def best_f1(scores):
    return max(scores, key=lambda s: (s["f1"], s["recall"]))


def west_detections(source, bundle, confidence):
    """Detections of the scored size range (with 1.3x slack) over all of LDEM_4, kept where the catalogue is."""
    dets = detect.Detector(bundle).detect(source, MIN_D / 1.3, MAX_D * 1.3, confidence=confidence)
    return [d for d in dets if d.lon < 0]


def evaluate(source, bundle, catalog, confidence=0.05, log=print):
    """Detections over the whole raster (scored only where the catalogue exists) and scores per split."""
    t = time.time()
    west = west_detections(source, bundle, confidence)
    seconds = time.time() - t
    splits = {"validation": [(VAL_LON[0], VAL_LON[1], -LAT_LIMIT, LAT_LIMIT)],
              "train": [(a, b, -LAT_LIMIT, LAT_LIMIT) for a, b in TRAIN_LON],
              "west": [(-180.0, 0.0, -LAT_LIMIT, LAT_LIMIT)]}

    def score(th, name, strict=False):
        kept = [d for d in west if d.confidence >= th
                and (not strict or MIN_D <= d.diameter_km <= MAX_D)]
        matches = [matching.match(kept, catalog, MIN_D, MAX_D, extent=ext) for ext in splits[name]]
        rel = [m["median_rel_diameter_error"] for m in matches if m["n_matched_catalog"]]
        bins = {}
        for m in matches:
            for b in m["bins"]:
                agg = bins.setdefault(tuple(b["range_km"]), [0, 0, 0, 0])
                for i, k in enumerate(("n_catalog", "n_matched", "n_detections", "n_true")):
                    agg[i] += b[k]
        return {**pooled_scores(matches, th),
                "median_rel_diameter_error": round(float(np.mean(rel)), 4) if rel else None,
                "bins": [{"range_km": list(k), "n_catalog": v[0], "n_matched": v[1], "n_detections": v[2],
                          "n_true": v[3]} for k, v in sorted(bins.items())]}

    train_scores = [score(th, "train") for th in THRESHOLD_GRID]
    best = best_f1(train_scores)
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
                                for s in (score(t, "validation") for t in THRESHOLD_GRID)],
           "train_curve": [{k: s[k] for k in ("threshold", "recall", "precision", "f1")} for s in train_scores]}
    log(f"threshold {th} (best train F1) | train R {best['recall']} P {best['precision']} F1 {best['f1']} | "
        f"val R {out['validation']['recall']} P {out['validation']['precision']} F1 {out['validation']['f1']} | "
        f"west R {out['west']['recall']} P {out['west']['precision']} | strict val R "
        f"{out['validation_strict']['recall']} P {out['validation_strict']['precision']} | detect {seconds:.1f}s")
    return out


#: Held-out synthetic scenes for the fine-scale model: seeds 600-601 choose its threshold, 500-502 score it, 42
#: (the demo scene) is reported too. Training scenes use seeds >= 1000 (``synthetic_scenes``).
FINE_THRESHOLD_SEEDS = (600, 601)
FINE_TEST_SEEDS = (500, 501, 502)
FINE_MIN_PX = 8.0
FINE_PIXEL_M = 100.0


def evaluate_synthetic(bundle, threshold=None, log=print, workdir=None):
    """Recall/precision of ``bundle`` on held-out 1024x1024 synthetic scenes at 100 m/px (the demo's setting) for
    craters of FINE_MIN_PX pixels and more: at ``threshold``, or (None) the best F1 on FINE_THRESHOLD_SEEDS;
    FINE_TEST_SEEDS (pooled) and the demo scene (seed 42) are scored with it."""
    import tempfile
    from lunar_lab.lunar_plugin.core import synthetic
    lonlat = {42: (-20.0, 10.0), 500: (30.0, -35.0), 501: (-120.0, 50.0), 502: (100.0, 0.0),
              600: (-60.0, 25.0), 601: (150.0, -50.0)}
    runs = {}
    detector = detect.Detector(bundle)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for seed in FINE_THRESHOLD_SEEDS + FINE_TEST_SEEDS + (42,):
            lon, lat = lonlat[seed]
            sc = synthetic.make_scene(1024, 1024, centre_lon=lon, centre_lat=lat, pixel_m=FINE_PIXEL_M, seed=seed)
            path = str(Path(tmp) / f"dem{seed}.tif")
            synthetic.write_scene(sc, path, None, None)
            min_d = FINE_MIN_PX * FINE_PIXEL_M / 1000.0
            dets = detector.detect(RasterSource(path, "DEM"), 0.5 * min_d, 1000.0, confidence=0.05)
            runs[seed] = (dets, [(c["lon"], c["lat"], c["diameter_km"]) for c in sc.craters], min_d)

    def score(seeds, th):
        return pooled_scores([matching.match([d for d in runs[s][0] if d.confidence >= th], runs[s][1],
                                             runs[s][2], 1000.0) for s in seeds], th)

    th = threshold if threshold is not None else \
        best_f1([score(FINE_THRESHOLD_SEEDS, t) for t in THRESHOLD_GRID])["threshold"]
    out = {"threshold": th, "min_px": FINE_MIN_PX, "scenes": "1024x1024, 100 m/px, core.synthetic.make_scene",
           "threshold_seeds": list(FINE_THRESHOLD_SEEDS), "test_seeds": list(FINE_TEST_SEEDS),
           "test": score(FINE_TEST_SEEDS, th), "demo_scene_seed_42": score((42,), th),
           "test_curve": [score(FINE_TEST_SEEDS, t) for t in THRESHOLD_GRID]}
    log(f"synthetic: threshold {th} | test R {out['test']['recall']} P {out['test']['precision']} | "
        f"demo scene R {out['demo_scene_seed_42']['recall']} P {out['demo_scene_seed_42']['precision']}")
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pretrain-steps", type=int, default=0, help="synthetic pre-training steps (0: none)")
    ap.add_argument("--base", help="fine-tune from this bundle instead of pre-training")
    ap.add_argument("--steps", type=int, default=400, help="training steps on LDEM_4")
    ap.add_argument("--minutes", type=float, default=12.0, help="time limit of the LDEM_4 stage")
    ap.add_argument("--synthetic-fraction", type=float, default=0.0,
                    help="share of each batch from datasets.synthetic_scene (simple bowls)")
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
    ap.add_argument("--export-onnx", action="store_true", help="only write the .onnx beside the existing --out model (ONNX Runtime inference; no training)")
    ap.add_argument("--fine", action="store_true",
                    help="the fine-scale model (Yang et al. 2020's second stage): fine-tune --base on --make-scenes synthetic "
                         "scenes only, score on held-out synthetic scenes")
    args = ap.parse_args(argv)
    if args.export_onnx:
        print(f"wrote {model_io.export_file(args.out)}")
        return 0
    import torch
    torch.set_num_threads(args.threads)
    source = RasterSource(DEM, "DEM")
    catalog = load_catalog()
    log = lambda s: print(s, flush=True)  # noqa: E731
    if args.fine:
        return train_fine(args, log)
    if args.eval_only:
        bundle = model_io.load(args.out)
        metrics = evaluate(source, bundle, catalog, log=log)
        metrics["synthetic"] = evaluate_synthetic(bundle, metrics["threshold"], log=log)
        bundle["card"]["metrics"] = metrics
        model_io.save(bundle, args.out)
        model_io.export_file(args.out)
        return 0
    t0 = time.time()
    base = model_io.load(args.base) if args.base else None
    if args.pretrain_steps and base is None:
        log(f"stage 1: synthetic pre-training, {args.pretrain_steps} steps")
        base = training.train([], epochs=1, seed=args.seed, synthetic_fraction=1.0,
                              settings={"steps_per_epoch": args.pretrain_steps, "lr": args.lr},
                              card={"stage1": "synthetic scenes (datasets.synthetic_scene)"}, log=log)
    # training scenes: only the training split's longitudes (labels outside only shape targets at edges
    # and are masked out of the loss)
    train_cat = catalog[np.array([any(a - 5 <= lo < b + 5 for a, b in TRAIN_LON) for lo in catalog[:, 0]])]
    scenes = datasets.scenes_from_raster(source, train_cat[:, 0], train_cat[:, 1], train_cat[:, 2],
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
    model_io.save(bundle, args.out)
    log(f"saved {args.out} after {time.time() - t0:.0f}s; evaluating")
    metrics = evaluate(source, bundle, catalog, log=log)
    metrics["synthetic"] = evaluate_synthetic(bundle, metrics["threshold"], log=log)
    bundle["card"]["metrics"] = metrics
    bundle["card"]["confidence_threshold"] = metrics["threshold"]
    model_io.save(bundle, args.out)
    model_io.export_file(args.out)   # NAME.onnx beside NAME.pt: the network ONNX Runtime runs
    log(json.dumps({k: metrics[k] for k in ("threshold", "seconds_detect_whole_raster")}))
    return 0


def train_fine(args, log):
    """Yang et al. 2020's transfer step: the coarse (LDEM_4) detector fine-tuned on high-resolution synthetic scenes."""
    if args.eval_only:
        bundle = model_io.load(args.out)
    else:
        if not args.base or not args.make_scenes:
            raise SystemExit("--fine needs --base (the coarse model) and --make-scenes N")
        t0 = time.time()
        base = model_io.load(args.base)
        scenes = synthetic_scenes(args.make_scenes, args.seed, log)
        for sc in scenes:
            sc["weight"] = 1.0 / len(scenes)
        log(f"fine stage: {len(scenes)} synthetic tiles ({args.make_scenes} scenes, levels 0-1)")
        coarse = base["card"]
        base["card"] = {k: v for k, v in coarse.items() if k in ("keep_px", "highpass_sigma_px", "nms_dist_frac",
                                                                  "nms_max_ratio", "input", "training_history")}
        card = {"name": "crater_detector_fine", "pixel_km_range": [0.0, 1.0],
                "description": "the LDEM_4 crater detector (crater_detector.pt) fine-tuned on high-resolution "
                               "synthetic scenes: Yang et al. 2020's second, transferred stage, for DEMs finer than 1 km/px",
                "transferred_from": {"model": Path(args.base).name,
                                     "held_out_ldem4_f1": coarse.get("metrics", {}).get("validation", {}).get("f1")},
                "make_scenes": args.make_scenes,
                "data": {"scenes": f"{args.make_scenes} core.synthetic.make_scene scenes of 512x512 px at "
                                   "50/100/200/400 m/px, seeds >= 1000, levels 0 and 1, every crater labelled"}}
        bundle = training.train(scenes, base_bundle=base, epochs=1, seed=args.seed, synthetic_fraction=0.0,
                                settings={"steps_per_epoch": args.steps, "lr": args.lr, "crop": args.crop,
                                          "batch": args.batch, "zoom": [0.6, 1.6]}, card=card, log=log,
                                time_limit_s=args.minutes * 60)
        model_io.save(bundle, args.out)
        log(f"saved {args.out} after {time.time() - t0:.0f}s; evaluating")
    metrics = evaluate_synthetic(bundle, log=log)
    bundle["card"]["metrics"] = metrics
    bundle["card"]["confidence_threshold"] = metrics["threshold"]
    model_io.save(bundle, args.out)
    model_io.export_file(args.out)   # NAME.onnx beside NAME.pt: the network ONNX Runtime runs
    return 0


if __name__ == "__main__":
    sys.exit(main())
