#!/usr/bin/env python3
"""Which catalogue craters can a DEM detector see on LDEM_4? Relief of found and missed craters, per split.

The shipped detector misses about a fifth of the held-out craters (lon -100..-60). This measures why: the
rim-crest-to-floor depth / diameter of every scored Head 2010 crater (60-500 km, |lat| <= 60), read from
LDEM_4 with the age classifier's morphometry (core.ages.features), for the craters the detector finds and
the ones it misses at the card's threshold. A crater shallower than the shallowest tenth of the craters it
finds on the training split has almost no relief at 7.6 km per pixel (a 100 km crater with depth/D below
~0.008 is less than 800 m deep over 13 pixels): counting those tells how much of the recall target is
reachable from this DEM at all.

    .venv/bin/python scripts/crater_relief_study.py [--write]   # --write: record the figures in the card
"""
import argparse
import json
import sys

import numpy as np

import train_crater_detector as shipped
from plugin_path import ROOT  # noqa: F401 (makes the checkout importable as lunar_lab)

from lunar_lab.lunar_plugin.core.ages.features import crater_features  # noqa: E402
from lunar_lab.lunar_plugin.core.craters import matching, model_io  # noqa: E402
from lunar_lab.lunar_plugin.core.raster import RasterSource  # noqa: E402

MODEL = ROOT / "models" / "crater_detector.pt"
SPLITS = {"validation": [shipped.VAL_LON], "train": list(shipped.TRAIN_LON)}
#: Reference depth/D: this percentile of the craters found on the training split.
SHALLOW_PERCENTILE = 10


def scored_craters(detections, catalog, lon_ranges):
    """Indices of the catalogue craters scored in these longitude ranges, and whether each was found."""
    idx, found = [], []
    for lo, hi in lon_ranges:
        m = matching.match(detections, catalog, shipped.MIN_D, shipped.MAX_D,
                           extent=(lo, hi, -shipped.LAT_LIMIT, shipped.LAT_LIMIT))
        for k, status in enumerate(m["catalog_status"]):
            if status != "out":
                idx.append(k)
                found.append(status == "matched")
    return np.array(idx), np.array(found)


def study(model=MODEL, log=print):
    import torch
    torch.set_num_threads(2)
    source = RasterSource(shipped.DEM, "DEM")
    catalog = shipped.load_catalog()
    bundle = model_io.load(model)
    threshold = model_io.card(bundle).confidence_threshold
    detections = shipped.west_detections(source, bundle, threshold)
    splits = {}
    for name, ranges in SPLITS.items():
        idx, found = scored_craters(detections, catalog, ranges)
        _, attrs, names, skipped = crater_features(source, catalog[idx].tolist())
        if skipped:
            raise RuntimeError(f"{len(skipped)} scored craters could not be measured on the DEM")
        splits[name] = (found, attrs[:, names.index("depth_diameter")], catalog[idx])
    found, depth, _ = splits["train"]
    shallow = float(np.percentile(depth[found], SHALLOW_PERCENTILE))
    out = {"threshold": threshold, "measure": "rim crest - floor, / D, from LDEM_4 (core.ages.features "
                                              "depth_diameter)",
           "shallow_limit": round(shallow, 5),
           "shallow_definition": f"depth/D below the {SHALLOW_PERCENTILE}th percentile of the training-split "
                                 f"craters the detector finds"}
    for name, (found, depth, rows) in splits.items():
        deep = depth >= shallow
        target = int(np.ceil(0.92 * len(found)))
        out[name] = {
            "n": int(len(found)), "recall": round(float(found.mean()), 4),
            "median_depth_d_found": round(float(np.median(depth[found])), 5),
            "median_depth_d_missed": round(float(np.median(depth[~found])), 5),
            "n_shallow": int((~deep).sum()), "n_shallow_found": int((found & ~deep).sum()),
            "recall_not_shallow": round(float(found[deep].mean()), 4),
            "shallow_needed_for_0.92_as_found": target - int((found & deep).sum()),
            "shallow_needed_for_0.92_all_others_found": max(target - int(deep.sum()), 0),
            "missed": [{"lon": round(float(r[0]), 2), "lat": round(float(r[1]), 2), "d_km": round(float(r[2]), 1),
                        "depth_d": round(float(z), 5)}
                       for r, z, f in sorted(zip(rows, depth, found), key=lambda t: t[1]) if not f]}
        s = out[name]
        log(f"{name}: {s['n']} craters, recall {s['recall']}; median depth/D found {s['median_depth_d_found']}, "
            f"missed {s['median_depth_d_missed']}; {s['n_shallow']} shallow (depth/D < {shallow:.4f}), "
            f"{s['n_shallow_found']} of them found; recall on the others {s['recall_not_shallow']}; recall 0.92 "
            f"({target} found) needs {s['shallow_needed_for_0.92_as_found']} shallow ones found, or "
            f"{s['shallow_needed_for_0.92_all_others_found']} if every other crater were found")
    return bundle, out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the figures in the model card (weights unchanged)")
    args = ap.parse_args(argv)
    bundle, out = study()
    if args.write:
        bundle["card"]["relief_study"] = out
        model_io.save(bundle, MODEL)
    print(json.dumps({k: v for k, v in out.items() if k not in SPLITS}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
