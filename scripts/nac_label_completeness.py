#!/usr/bin/env python3
"""Are the NAC tiles' labels complete? Labelled craters vs detections per Mpx by diameter, and a look at false ones.

Why: the NAC image model's precision is low on a few tiles (M180007222, M1155395732, M180000082, M1231933714) while
its recall there is very high. If those tiles' labels leave out craters that the other tiles label, precision
measured on them has a ceiling the model cannot pass. This script measures, per tile of ../shared/data/nac_train:

* labelled craters per Mpx and detections per Mpx (the model at its card threshold) by diameter bin (px), and the
  precision per bin (DeepMoon's matching rule, as the training script scores);
* a contact sheet of a random sample (seed 0) of false detections >= 8 px on the low-precision tiles, each crop with
  the labels (green) and the detections (yellow; the sampled false one red) drawn, for a person to judge by eye.

Writes docs/figures/nac_label_density.png, docs/figures/nac_false_positives.png and a JSON of the figures (stdout,
or --json; --card merges it into the model's card as "label_completeness"). The by-eye reading of the sample is a
person's judgement, given as --verdicts (one letter per crop in the sheet's order: y = an unlabelled crater,
n = not a crater, ? = cannot tell); the script only counts it.

    .venv/bin/python scripts/nac_label_completeness.py [--model models/crater_detector_nac.pt] [--json out.json]
    .venv/bin/python scripts/nac_label_completeness.py --card --verdicts yyn?...   # record it in the card
"""
import argparse
import json
import sys

import numpy as np

from plugin_path import ROOT  # noqa: E402 (makes the checkout importable as lunar_lab)

import train_crater_detector_nac as nac  # noqa: E402
from lunar_lab.lunar_plugin.core.craters import matching, model_io  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource  # noqa: E402

BINS_PX = (8, 11, 16, 23, 32, 64, 1e9)
LOW_PRECISION = 0.75      # tiles below this precision are the suspects whose false detections are sampled
FIGURES = ROOT / "docs" / "figures"


def bin_names():
    return [f"{a:g}-{b:g}" if b < 1e8 else f">={a:g}" for a, b in zip(BINS_PX[:-1], BINS_PX[1:])]


def tile_measure(name, dets, threshold):
    """Per-bin densities and precision of one tile, and its false detections >= 8 px (dicts with px position)."""
    lab = nac.labels(name)
    source = RasterSource(str(nac.tile_path(name)), "NAC tile")
    geo, mpx = RasterGeo(source), source.xsize * source.ysize / 1e6
    kept = [d for d in dets if d.confidence >= threshold]
    cols, rows_px = geo.pixel(*geo.xy_from_lonlat([d.lon for d in kept], [d.lat for d in kept]))
    min_km = nac.MIN_PX * nac.PIXEL_M / 1000.0
    m = matching.match(kept, lab[:, :3], min_km, 10.0)
    det_px = np.array([d.diameter_km * 1000.0 / nac.PIXEL_M for d in kept])
    status = np.array(m["detection_status"])
    rows = []
    for lo, hi in zip(BINS_PX[:-1], BINS_PX[1:]):
        nl = int(((lab[:, 5] >= lo) & (lab[:, 5] < hi)).sum())
        sel = (det_px >= lo) & (det_px < hi)
        nd, nt = int(sel.sum()), int((sel & (status == "matched")).sum())
        rows.append({"labels_per_mpx": round(nl / mpx, 1), "detections_per_mpx": round(nd / mpx, 1),
                     "precision": round(nt / nd, 3) if nd else None, "n_labels": nl, "n_detections": nd})
    false = []
    for d, s, col, row, dp in zip(kept, status, cols, rows_px, det_px):
        if s == "false":
            false.append({"tile": name, "col": float(col), "row": float(row), "diam_px": float(dp),
                          "confidence": round(d.confidence, 3)})
    det_xy = [(float(col), float(row), dp) for col, row, dp in zip(cols, rows_px, det_px)]
    return {"recall": round(m["recall"], 4), "precision": round(m["precision"], 4), "mpx": mpx,
            "labels_ge8_per_mpx": round(float((lab[:, 5] >= 8).sum()) / mpx, 1),
            "detections_ge8_per_mpx": round(float((det_px >= 8).sum()) / mpx, 1), "bins": rows}, false, det_xy


def density_figure(per_tile, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    names = list(per_tile)
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    x = np.arange(len(names))
    lab = [per_tile[n]["labels_ge8_per_mpx"] for n in names]
    det = [per_tile[n]["detections_ge8_per_mpx"] for n in names]
    ax = axes[0]
    ax.bar(x - 0.2, lab, 0.4, label="labelled craters >= 8 px", color="tab:green")
    ax.bar(x + 0.2, det, 0.4, label="detections >= 8 px", color="tab:orange")
    for i, n in enumerate(names):
        ax.text(i, max(lab[i], det[i]) + 20, f"P {per_tile[n]['precision']:.2f}", ha="center", fontsize=7)
    ax.set_xticks(x, [n + (" *" if n in nac.VALIDATION_TILES else "") for n in names], rotation=60, fontsize=7)
    ax.set_ylabel("per Mpx")
    ax.set_title("per tile (* held out; P = precision at the card threshold)", fontsize=9)
    ax.legend(fontsize=8)
    ax = axes[1]
    centres = np.arange(len(BINS_PX) - 1)
    for n in names:
        ratio = [b["labels_per_mpx"] / b["detections_per_mpx"] if b["detections_per_mpx"] else np.nan
                 for b in per_tile[n]["bins"]]
        low = per_tile[n]["precision"] < LOW_PRECISION
        ax.plot(centres, ratio, "-o", ms=3, color="tab:red" if low else "tab:blue", alpha=0.8,
                label=n if low else None)
    ax.plot([], [], "-o", ms=3, color="tab:blue", label="other tiles")
    ax.set_xticks(centres, bin_names())
    ax.set_xlabel("diameter bin (px)")
    ax.set_ylabel("labelled / detected craters")
    ax.axhline(1.0, color="grey", lw=0.8)
    ax.set_title("labels per detection by diameter", fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def false_positive_sheet(sample, dets_xy, path, cell=150):
    """Crops (4 diameters wide, at least 48 px) around each sampled false detection, numbered 1..N."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle
    from osgeo import gdal
    cols = 6
    rows = int(np.ceil(len(sample) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(cols * cell / 60, rows * cell / 60))
    images = {}
    for k, ax in enumerate(np.ravel(axes)):
        ax.axis("off")
        if k >= len(sample):
            continue
        fp = sample[k]
        name = fp["tile"]
        if name not in images:
            images[name] = gdal.Open(str(nac.tile_path(name))).ReadAsArray()
        img = images[name]
        half = max(24.0, 2.0 * fp["diam_px"])
        x0, x1 = int(max(0, fp["col"] - half)), int(min(img.shape[1], fp["col"] + half))
        y0, y1 = int(max(0, fp["row"] - half)), int(min(img.shape[0], fp["row"] + half))
        ax.imshow(img[y0:y1, x0:x1], cmap="gray", extent=(x0, x1, y1, y0))
        lab = nac.labels(name)
        for cx, cy, d in lab[:, 3:6]:
            if x0 - d < cx < x1 + d and y0 - d < cy < y1 + d:
                ax.add_patch(Circle((cx, cy), d / 2, fill=False, ec="lime", lw=0.8))
        for cx, cy, d in dets_xy[name]:
            if x0 - d < cx < x1 + d and y0 - d < cy < y1 + d:
                ax.add_patch(Circle((cx, cy), d / 2, fill=False, ec="yellow", lw=0.6, ls="--"))
        ax.add_patch(Circle((fp["col"], fp["row"]), fp["diam_px"] / 2, fill=False, ec="red", lw=1.2))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y1, y0)
        ax.set_title(f"{k + 1}: {name[-5:]} {fp['diam_px']:.0f}px c{fp['confidence']:.2f}", fontsize=6)
    fig.tight_layout(pad=0.3)
    fig.savefig(path, dpi=70)
    plt.close(fig)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(ROOT / "models" / "crater_detector_nac.pt"))
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default="", help="write the figures here (else stdout)")
    ap.add_argument("--no-figures", action="store_true")
    ap.add_argument("--card", action="store_true", help="merge the figures into the model's card")
    ap.add_argument("--verdicts", default="", help="a person's reading of the sheet: y/n/? per crop, in order")
    args = ap.parse_args(argv)
    if args.verdicts and (len(args.verdicts) != args.sample or set(args.verdicts) - set("yn?")):
        ap.error(f"--verdicts: give one of y, n, ? for each of the {args.sample} crops")
    import torch
    torch.set_num_threads(2)
    bundle = model_io.load(args.model)
    threshold = model_io.card(bundle).confidence_threshold
    runs, _ = nac.detections(bundle, nac.TILES, confidence=threshold)
    per_tile, false, dets_xy = {}, [], {}
    for name in nac.TILES:
        per_tile[name], f, dets_xy[name] = tile_measure(name, runs[name], threshold)
        false.extend(f)
    low = [n for n in nac.TILES if per_tile[n]["precision"] < LOW_PRECISION]
    pool = [f for f in false if f["tile"] in low]
    rng = np.random.default_rng(args.seed)
    sample = [pool[i] for i in sorted(rng.choice(len(pool), min(args.sample, len(pool)), replace=False))]
    good = [n for n in nac.TILES if n not in low]
    out = {"model": str(args.model), "threshold": threshold, "bins_px": bin_names(),
           "low_precision_tiles": low, "complete_tiles": good,
           "mean_labels_ge8_per_mpx": {
               "low_precision_tiles": round(float(np.mean([per_tile[n]["labels_ge8_per_mpx"] for n in low])), 1),
               "other_tiles": round(float(np.mean([per_tile[n]["labels_ge8_per_mpx"] for n in good])), 1)},
           "mean_detections_ge8_per_mpx": {
               "low_precision_tiles": round(float(np.mean([per_tile[n]["detections_ge8_per_mpx"] for n in low])), 1),
               "other_tiles": round(float(np.mean([per_tile[n]["detections_ge8_per_mpx"] for n in good])), 1)},
           "per_tile": per_tile,
           "false_detections_on_low_tiles": len(pool),
           "sample": [{k: (round(v, 1) if isinstance(v, float) else v) for k, v in s.items()} for s in sample]}
    if not args.no_figures:
        FIGURES.mkdir(parents=True, exist_ok=True)
        density_figure(per_tile, FIGURES / "nac_label_density.png")
        false_positive_sheet(sample, dets_xy, FIGURES / "nac_false_positives.png")
    if args.verdicts:
        v = args.verdicts
        out["by_eye"] = {"verdicts": v, "unlabelled_craters": v.count("y"), "not_craters": v.count("n"),
                         "cannot_tell": v.count("?"),
                         "reading": "y = an unlabelled crater (a bowl with the tile's shading), n = a rim fragment, an "
                                    "offset duplicate of a labelled crater or a shadow, ? = cannot tell"}
    if args.card:
        bundle["card"]["label_completeness"] = {k: v for k, v in out.items() if k not in ("model", "sample")}
        model_io.save(bundle, args.model)
    text = json.dumps(out, indent=1)
    if args.json:
        with open(args.json, "w") as fh:
            fh.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
