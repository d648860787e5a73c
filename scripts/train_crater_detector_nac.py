#!/usr/bin/env python3
"""Train the shipped NAC image crater detector (models/crater_detector_nac.pt + .json) on labelled LRO NAC tiles.

Data: ../shared/data/nac_train/ -- 12 LRO NAC CDR tiles (800 x 800, 8-bit, 0.5 m/px) near the Chang'E-4 landing
site, each with a CSV of its labelled craters (Lon, Lat, Diam_km, x_px, y_px, diam_px; craters under about 7 px
are not labelled). Source: the Lunar_Crater_Detection_Data repository of Yang et al. (CraterDANet, IEEE TGRS),
GPL-3.0.

Split: VALIDATION_TILES (3 of the 12) are never trained on; the other 9 train. The network and training loop are
the project's (core.craters.network / training, transfer learning from models/crater_detector.pt, the LOLA DEM
model); the image is normalised per tile by core.craters.tiles.normalise_tile (high-pass, divided by the tile's
standard deviation, clipped): invariant to offset and gain, so 8- or 16-bit data and other exposures give the same
network input. The confidence threshold is the best F1 on the completely labelled training tiles; the validation
tiles are then scored once with it through detect_craters on the GeoTIFFs, matched with DeepMoon's rule
(core.craters.matching) on craters >= 8 px.

The shipped model was made in two stages (the card's training_history and selection):

    .venv/bin/python scripts/train_crater_detector_nac.py --no-label-aware --steps 760 --crop 160 --lr 2e-3
    .venv/bin/python scripts/train_crater_detector_nac.py --base models/crater_detector_nac.pt --steps 260 \
        --crop 160 --lr 1e-3
    .venv/bin/python scripts/train_crater_detector_nac.py --eval-only     # score models/crater_detector_nac.pt again

Stage 2 is label-aware: the tiles whose labels leave out most 7-11 px craters (SMALL_LABEL_SHARE, read from the
labels alone) train only at pyramid levels 1-2, and the threshold is chosen on the completely labelled training
tiles.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.craters import detect, matching, model_io, tiles, training  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterSource  # noqa: E402

DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data")) / "nac_train"
TILES = ("M115143943", "M1155395732", "M1183658592", "M1229577647", "M1231933714", "M1266003170",
         "M1275410097", "M134022629", "M161142858", "M161149639", "M180000082", "M180007222")
#: Held out (every fourth tile in name order): never trained on, scored once.
VALIDATION_TILES = ("M1229577647", "M134022629", "M180007222")
PIXEL_M = 0.5
MIN_PX = 8.0          # scored craters: >= 8 px (labels stop near 7 px)
LEVELS = (0, 1, 2)
LEVEL_SHARE = {0: 0.55, 1: 0.3, 2: 0.15}
SIGMA_PX = 32.0
#: A tile whose labels hold less than this share of craters under 8 px was labelled with a higher cut: its 7-11 px
#: craters are mostly unlabelled (scripts/nac_label_completeness.py measures it: 2-6% against 14-19% elsewhere).
SMALL_LABEL_SHARE = 0.08


def small_label_share(name):
    """Share of a tile's labelled craters under MIN_PX: the labeller's cut, read from the labels alone."""
    d = labels(name)[:, 5]
    return float((d < MIN_PX).mean())


def incompletely_labelled(names):
    """The tiles among ``names`` whose smallest craters are under-labelled (see SMALL_LABEL_SHARE)."""
    return [n for n in names if small_label_share(n) < SMALL_LABEL_SHARE]


def tile_path(name):
    return DATA / f"{name}_mosaic_train_small.tif"


def labels(name):
    """(N, 6) Lon, Lat, Diam_km, x_px, y_px, diam_px of a tile's CSV."""
    a = np.genfromtxt(DATA / f"{name}_mosaic_train_small_craters.csv", delimiter=",", names=True,
                      usecols=(0, 1, 2, 3, 4, 5))
    return np.c_[a["Lon"], a["Lat"], a["Diam_km"], a["x_px"], a["y_px"], a["diam_px"]]


def scenes(names, label_aware=True):
    """Training scenes: each tile at pyramid levels 0-2, normalised whole, craters in level pixels.

    label_aware: an incompletely labelled tile trains only at levels 1-2, where its unlabelled 7-11 px craters
    shrink below the positive range (< 8 level px, as unlabelled < 7 px craters are on every tile at level 0)
    instead of teaching the network that real craters are background.
    """
    out = []
    partial = set(incompletely_labelled(names)) if label_aware else set()
    for name in names:
        source = RasterSource(str(tile_path(name)), "NAC tile")
        pyramid = tiles.Pyramid(source, 1)
        lab = labels(name)
        for level in LEVELS:
            if name in partial and level == 0:
                continue
            f = float(1 << level)
            w, h = pyramid.size(level)
            x, _ = tiles.normalise_tile(pyramid.read(level, 0, 0, w, h), SIGMA_PX)
            r = lab[:, 5] / 2.0 / f
            cr = np.c_[lab[:, 3] / f, lab[:, 4] / f, r, r]
            out.append({"dem": x, "normalised": True, "craters": cr, "box": None, "level": level, "weight": 1.0})
    for sc in out:
        sc["weight"] = LEVEL_SHARE[sc["level"]] / sum(1 for o in out if o["level"] == sc["level"])
    return out


def detections(bundle, names, confidence=0.05):
    """{tile: detections} from detect_craters on the GeoTIFFs (the plugin's own path) and seconds per tile."""
    runs, seconds = {}, []
    min_km = MIN_PX * PIXEL_M / 1000.0
    detector = detect.Detector(bundle)
    for name in names:
        t = time.time()
        runs[name] = detector.detect(RasterSource(str(tile_path(name)), "NAC tile"), min_km / 1.3, 1.0,
                                     confidence=confidence)
        seconds.append(time.time() - t)
    return runs, seconds


def score(runs, names, threshold):
    min_km = MIN_PX * PIXEL_M / 1000.0
    matches = []
    for name in names:
        lab = labels(name)
        kept = [d for d in runs[name] if d.confidence >= threshold]
        matches.append(matching.match(kept, lab[:, :3], min_km, 10.0))
    out = training_scores(matches, threshold)
    rel = [m["median_rel_diameter_error"] for m in matches if m["n_matched_catalog"]]
    out["median_rel_diameter_error"] = round(float(np.median(rel)), 4) if rel else None
    out["per_tile"] = {n: {"recall": round(m["recall"], 4), "precision": round(m["precision"], 4),
                           "n_catalog": m["n_catalog"]} for n, m in zip(names, matches)}
    return out


def torch_threads():
    import torch
    return torch.get_num_threads()


def training_scores(matches, threshold):
    from train_crater_detector import pooled_scores
    return pooled_scores(matches, threshold)


def seconds_per_1000px_tile(bundle, name=VALIDATION_TILES[0], repeat=3):
    """Best of ``repeat`` detect_craters runs on a 1000 x 1000 raster (a tile mirrored out to 1000 px, same
    georeference), the model already loaded: the issue's speed target. Returns (wall seconds, CPU seconds of this
    process): on a machine shared with other work the CPU time says what the tile needs when the cores are free."""
    import tempfile
    from osgeo import gdal
    ds = gdal.Open(str(tile_path(name)))
    a = np.pad(ds.GetRasterBand(1).ReadAsArray(), ((0, 200), (0, 200)), mode="reflect")
    wall, cpu = float("inf"), float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tile1000.tif")
        out = gdal.GetDriverByName("GTiff").Create(path, 1000, 1000, 1, gdal.GDT_Byte)
        out.SetGeoTransform(ds.GetGeoTransform())
        out.SetProjection(ds.GetProjection())
        out.GetRasterBand(1).WriteArray(a)
        out = None
        for _ in range(repeat):
            t, c = time.time(), time.process_time()
            detector = detect.Detector(bundle)
            detector.detect(RasterSource(path, "NAC tile"), MIN_PX * PIXEL_M / 1000.0 / 1.3, 1.0,
                            confidence=detector.card.confidence_threshold)
            wall, cpu = min(wall, time.time() - t), min(cpu, time.process_time() - c)
    return round(wall, 3), round(cpu, 3)


def evaluate(bundle, log=print):
    """Scores of ``bundle``. The threshold is the best F1 on the completely labelled training tiles (on the others a
    real unlabelled crater counts as false); held-out figures are given for all 3 tiles and the complete ones."""
    from train_crater_detector import THRESHOLD_GRID, best_f1
    train_names = [n for n in TILES if n not in VALIDATION_TILES]
    complete_train = [n for n in train_names if n not in incompletely_labelled(train_names)]
    complete_val = [n for n in VALIDATION_TILES if n not in incompletely_labelled(VALIDATION_TILES)]
    runs, sec_train = detections(bundle, train_names)
    vruns, sec_val = detections(bundle, VALIDATION_TILES)
    best = best_f1([score(runs, complete_train, th) for th in THRESHOLD_GRID])
    th = best["threshold"]
    train_all = score(runs, train_names, th)
    val = score(vruns, VALIDATION_TILES, th)
    val_complete = score(vruns, complete_val, th)
    seconds = float(np.median(sec_train + sec_val))
    bundle["card"]["confidence_threshold"] = th
    tile_1000, cpu_1000 = seconds_per_1000px_tile(bundle)
    out = {"threshold": th, "train": train_all, "train_complete_labels": best, "validation": val,
           "validation_complete_labels": val_complete,
           "incompletely_labelled_tiles": incompletely_labelled(TILES),
           "seconds_per_800px_tile_median": round(seconds, 3),
           "seconds_per_1000px_tile": tile_1000, "cpu_seconds_per_1000px_tile": cpu_1000,
           "threads": torch_threads(),
           "load_average_1min": round(os.getloadavg()[0], 2),
           "protocol": f"detect_craters on each 800x800 GeoTIFF (the card's tile 1024, overlap 0.25), diameters "
                       f"{MIN_PX / 1.3:.1f} px .. 1 km; matched one-to-one (DeepMoon rule, km) against the tile's "
                       f"whole CSV; recall over labelled craters >= {MIN_PX:g} px, precision over detections "
                       f">= {MIN_PX:g} px; counts pooled over tiles; threshold = best F1 on the completely "
                       f"labelled training tiles (share of labels < {MIN_PX:g} px >= {SMALL_LABEL_SHARE:g})",
           "validation_curve": [{k: s[k] for k in ("threshold", "recall", "precision", "f1")}
                                for s in (score(vruns, VALIDATION_TILES, t) for t in THRESHOLD_GRID)]}
    log(f"threshold {th} | train (complete labels) R {best['recall']} P {best['precision']} F1 {best['f1']} | "
        f"validation R {val['recall']} P {val['precision']} F1 {val['f1']} | complete-label validation "
        f"R {val_complete['recall']} P {val_complete['precision']} F1 {val_complete['f1']} "
        f"diam err {val['median_rel_diameter_error']} | {tile_1000:.2f}s ({cpu_1000:.2f} s CPU) per 1000x1000 tile "
        f"(load average {os.getloadavg()[0]:.1f})")
    return out


SELECTION = (
    "Stage 1 (first shipped version): two runs from crater_detector.pt (seed 0, crop 160, batch 8, lr 2e-3: 520 and "
    "760 steps, all tiles at levels 0-2, threshold = best F1 on all 9 training tiles); the higher training F1 shipped "
    "(760 steps: 0.8161 against 0.8139; held-out 0.807, the 520-step run's 0.815). Stage 2: the labels of 4 tiles were "
    "found incomplete below about 11 px (scripts/nac_label_completeness.py; card label_completeness), so the "
    "threshold is now the best F1 on the 6 completely labelled training tiles, and one run continued stage 1 for 260 "
    "steps (lr 1e-3) with the incompletely labelled tiles at levels 1-2 only. Rule fixed before stage 2's held-out "
    "scores were seen: ship it if its F1 on the completely labelled training tiles beats stage 1's under the same "
    "protocol. It did, by a small margin (0.8555 against 0.8515, both at threshold 0.25); held-out, under the same "
    "protocol, stage 1 gives recall 0.898, precision 0.704, F1 0.789 on all 3 tiles and 0.869, 0.846, 0.857 on the 2 "
    "completely labelled ones")


def card_fields(base_name):
    """The card's description of the data, split, settings and targets (metrics are added by ``evaluate``)."""
    train_names = [n for n in TILES if n not in VALIDATION_TILES]
    return {
        "name": "crater_detector_nac", "input": "image", "transferred_from": base_name,
        "description": "CenterNet-style crater detector (core.craters.network) for optical images, trained on "
                       f"LRO NAC tiles at {PIXEL_M:g} m/px (transfer learning from {base_name}; "
                       "training_history lists each stage)",
        "pixel_m_trained": PIXEL_M,
        "pixel_km_range": [0.25e-3, 4e-3],
        "pixel_km_range_note": "pyramid levels 0-2 of 0.5 m/px tiles (0.5-2 m per network pixel), widened by the "
                               "training zoom (0.7-1.45x) to about 0.25-4 m/px; the algorithm warns outside it",
        "normalisation": f"per tile: minus a local mean of width {SIGMA_PX:g} px, divided by the tile's std, "
                         "clipped to +-8 (offset and gain invariant: 8- or 16-bit, any exposure)",
        "data": {"tiles": [tile_path(n).name for n in TILES],
                 "train_tiles": train_names, "validation_tiles": list(VALIDATION_TILES),
                 "labels": "per-tile CSV (x_px, y_px, diam_px); craters under about 7 px are not labelled",
                 "source": "Lunar_Crater_Detection_Data repository of Yang et al. (CraterDANet, IEEE TGRS), "
                           "GPL-3.0: LRO NAC CDR tiles near the Chang'E-4 landing site (45-46 S, 176.4-178.8 E)",
                 "pyramid_levels": list(LEVELS), "level_share": {str(k): v for k, v in LEVEL_SHARE.items()}},
        "targets": {"recall": 0.80, "precision": 0.80, "f1_aim": 0.88, "median_rel_diameter_error": 0.10,
                    "seconds_per_1000px_tile_2_cores": 1.0},
        "keep_px": [16.0, 40.0], "nms_dist_frac": 0.5, "nms_max_ratio": 1.6,
        "tile_size": 1024, "overlap": 0.25,
        "selection": SELECTION,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default=str(ROOT / "models" / "crater_detector.pt"),
                    help="transfer learning from this bundle ('' : random start)")
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--minutes", type=float, default=20.0, help="time limit of training")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--crop", type=int, default=192)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "models" / "crater_detector_nac.pt"))
    ap.add_argument("--eval-only", action="store_true", help="score --out again, do not train")
    ap.add_argument("--export-onnx", action="store_true", help="only write the .onnx beside the existing --out model (ONNX Runtime inference; no training)")
    ap.add_argument("--no-label-aware", dest="label_aware", action="store_false",
                    help="train incompletely labelled tiles at level 0 too (the first shipped model did)")
    args = ap.parse_args(argv)
    if args.export_onnx:
        print(f"wrote {model_io.export_file(args.out)}")
        return 0
    import torch
    torch.set_num_threads(args.threads)
    log = lambda s: print(s, flush=True)  # noqa: E731
    if args.eval_only:
        bundle = model_io.load(args.out)
        bundle["card"].update(card_fields(bundle["card"].get("transferred_from", "a random start")))
    else:
        t0 = time.time()
        train_names = [n for n in TILES if n not in VALIDATION_TILES]
        sc = scenes(train_names, args.label_aware)
        log(f"{len(sc)} training scenes from {len(train_names)} tiles")
        base = model_io.load(args.base) if args.base else None
        origin = Path(args.base).name if args.base else "a random start"
        if base is not None:   # a NAC base (continued training) keeps its history and origin; the DEM card goes
            continued = base["card"].get("input") == "image"
            history = base["card"].get("training_history", []) if continued else []
            origin = base["card"].get("transferred_from", origin) if continued else origin
            base["card"] = {"training_history": history}
        settings = {"steps_per_epoch": args.steps, "lr": args.lr, "crop": args.crop, "batch": args.batch,
                    "zoom": [0.7, 1.45], "train_px": [MIN_PX, 60.0], "highpass_sigma_px": SIGMA_PX,
                    "label_aware": bool(args.label_aware)}
        bundle = training.train(sc, base_bundle=base, epochs=1, seed=args.seed, synthetic_fraction=0.0,
                                settings=settings, log=log, time_limit_s=args.minutes * 60)
        bundle["card"].update(card_fields(origin))
        model_io.save(bundle, args.out)
        log(f"saved {args.out} after {time.time() - t0:.0f}s; evaluating")
    metrics = evaluate(bundle, log=log)
    bundle["card"]["metrics"] = metrics
    bundle["card"]["confidence_threshold"] = metrics["threshold"]
    model_io.save(bundle, args.out)
    model_io.export_file(args.out)   # NAME.onnx beside NAME.pt: the network ONNX Runtime runs
    log(json.dumps({k: metrics[k] for k in ("threshold", "seconds_per_800px_tile_median")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
