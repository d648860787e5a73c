"""Training and evaluation of crater-age models (bundles: ``model_io``) over the five lunar Systems.

torch is imported inside the functions; the network module is imported lazily.
Labels are the System codes 1 (pre-Nectarian) .. 5 (Copernican); None marks an unlabelled crater.
"""
import math

import numpy as np

from ..errors import LunarInputError
from ..feedback import Progress, ScaledFeedback
from ..messages import tr
from ..systems import CODES
from .inference import check_arrays, check_bundle, predict, standardise
from .metrics import metrics
from .model_io import FORMAT, VERSION
DEFAULT_SETTINGS = {"epochs": 60, "batch": 64, "lr": 2e-3, "weight_decay": 1e-4, "ema": 0.99,
                    "consistency": 5.0, "rampup": 0.3, "class_weight_power": 0.5, "width": 16,
                    "attr_hidden": 64, "fused": 64, "dropout": 0.2, "net_px": 16}


# ----------------------------------------------------------------------------------------------- checks
def check_labels(labels, n=None, allow_none=True):
    """Labels as an int array with 0 for unlabelled (None); anything but 1-5 / None -> LunarInputError."""
    labels = list(labels)
    if n is not None and len(labels) != n:
        raise LunarInputError(tr("labels: {count} labels for {n} craters; give one per crater").format(
            count=len(labels), n=n))
    out = np.zeros(len(labels), dtype=np.int64)
    for i, v in enumerate(labels):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            if not allow_none:
                raise LunarInputError(tr("labels: crater {index} has no label; every crater needs a System code 1-5 "
                                         "here").format(index=i))
            continue
        try:
            iv = int(v)
        except (TypeError, ValueError):
            raise LunarInputError(tr("labels: crater {index} has label {label!r}; expected a System code 1-5 "
                                     "(1 pre-Nectarian ... 5 Copernican) or None for unlabelled").format(
                index=i, label=v)) from None
        if iv != v or iv not in CODES:
            raise LunarInputError(tr("labels: crater {index} has label {label!r}; expected a System code 1-5 "
                                     "(1 pre-Nectarian ... 5 Copernican) or None for unlabelled").format(
                index=i, label=v))
        out[i] = iv
    return out


# ------------------------------------------------------------------------------------------ standardise
def _robust_scaling(attributes):
    center = np.median(attributes, axis=0)
    q1, q3 = np.percentile(attributes, [25, 75], axis=0)
    scale = (q3 - q1) / 1.349
    sd = attributes.std(axis=0)
    scale = np.where(scale > 1e-9, scale, np.where(sd > 1e-9, sd, 1.0))
    return center.astype(np.float32), scale.astype(np.float32)


# ---------------------------------------------------------------------------------------------- train
def class_weights(y0, power=0.5):
    """(1 / class frequency) ** power, normalised to mean 1 over the classes present (y0 in 0..4)."""
    counts = np.bincount(y0, minlength=5).astype(float)
    w = np.where(counts > 0, (counts.sum() / np.maximum(counts, 1)) ** power, 0.0)
    present = counts > 0
    return w / w[present].mean()


def train(chips, attributes, labels, base_bundle=None, epochs=None, seed=0, feedback=None, *,
          channel_names=None, attribute_names=None, val=None, settings=None, card=None):
    """Train (or fine-tune ``base_bundle``) the dual-channel network with a mean teacher; return a bundle.

    chips (n, c, s, s), attributes (n, k), labels: n System codes 1-5 or None (unlabelled, used for the
    consistency loss only). val: optional (chips, attributes, labels) to pick the best epoch's teacher.
    """
    import torch
    from . import network

    chips, attributes = check_arrays(chips, attributes)
    y = check_labels(labels, len(chips))
    lab = y > 0
    if lab.sum() < 2:
        raise LunarInputError(tr("labels: at least two labelled craters are needed to train"))
    s = dict(DEFAULT_SETTINGS)
    if base_bundle is not None:
        s.update(base_bundle.get("card", {}).get("settings", {}))
    s.update(settings or {})
    if epochs is not None:
        s["epochs"] = int(epochs)
    s["seed"] = int(seed)
    if base_bundle is not None:
        check_bundle(base_bundle, chips, attributes)
        center, scale = np.asarray(base_bundle["attr_center"]), np.asarray(base_bundle["attr_scale"])
        config = dict(base_bundle["config"])
        channel_names = channel_names or list(base_bundle["channel_names"])
        attribute_names = attribute_names or list(base_bundle["attribute_names"])
    else:
        center, scale = _robust_scaling(attributes)
        config = {"n_channels": int(chips.shape[1]), "n_attributes": int(attributes.shape[1]),
                  "width": int(s["width"]), "attr_hidden": int(s["attr_hidden"]), "fused": int(s["fused"]),
                  "dropout": float(s["dropout"]), "net_px": int(s["net_px"])}
    channel_names = list(channel_names or [f"channel_{i}" for i in range(chips.shape[1])])
    attribute_names = list(attribute_names or [f"attribute_{i}" for i in range(attributes.shape[1])])
    a = standardise(attributes, center, scale)
    torch.manual_seed(int(seed))
    model = network.build(config)
    if base_bundle is not None:
        model.load_state_dict(base_bundle["state_dict"])
    t = lambda v: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32))  # noqa: E731
    y0 = y[lab] - 1
    cw = class_weights(y0, s["class_weight_power"])
    vt = None
    if val is not None:
        vc, va = check_arrays(val[0], val[1], "val")
        vy = check_labels(val[2], len(vc), allow_none=False)
        vt = (t(vc), t(standardise(va, center, scale)), torch.from_numpy(vy - 1))
    progress = Progress(feedback, s["epochs"])
    teacher, history = network.mean_teacher_fit(
        model, t(chips[lab]), t(a[lab]), torch.from_numpy(y0),
        t(chips[~lab]) if (~lab).any() else None, t(a[~lab]) if (~lab).any() else None,
        epochs=int(s["epochs"]), batch=int(s["batch"]), lr=float(s["lr"]), weight_decay=float(s["weight_decay"]),
        class_weights=cw, ema=float(s["ema"]), consistency=float(s["consistency"]), rampup=float(s["rampup"]),
        seed=seed, val=vt, feedback=feedback, progress=progress)
    counts = np.bincount(y0, minlength=5)
    bundle = {
        "format": FORMAT, "version": VERSION,
        "config": config,
        "state_dict": {k: v.detach().clone() for k, v in teacher.state_dict().items()},
        "channel_names": channel_names, "attribute_names": attribute_names,
        "attr_center": [float(v) for v in center], "attr_scale": [float(v) for v in scale],
        "chip_px": int(chips.shape[2]),
        "card": {"settings": s, "n_labelled": int(lab.sum()), "n_unlabelled": int((~lab).sum()),
                 "class_counts": {str(c): int(counts[c - 1]) for c in CODES},
                 "class_weights": [float(v) for v in cw],
                 "fine_tuned_from": (base_bundle or {}).get("card", {}).get("name") if base_bundle else None,
                 **(card or {})},
    }
    bundle["_history"] = history
    return bundle


def _stratified_split(y, fractions, rng):
    """Index arrays for each fraction, stratified by class."""
    parts = [[] for _ in fractions]
    cum = np.cumsum(fractions) / np.sum(fractions)
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        cuts = np.round(cum * len(idx)).astype(int)
        start = 0
        for k, stop in enumerate(cuts):
            parts[k].extend(idx[start:stop])
            start = stop
    return [np.array(sorted(p), dtype=int) for p in parts]


def evaluate_trials(chips, attributes, labels, trials=5, split=(0.8, 0.1, 0.1), seed=0, epochs=None,
                    feedback=None, unlabelled=None, settings=None, **train_kw):
    """Repeated stratified train/validation/test splits (or k-fold with split='kfold').

    split=(train, val, test) fractions: ``trials`` independent random splits; the validation part picks the
    epoch, the test part is scored. split='kfold': ``trials`` folds, each fold the test once, a tenth of the
    rest as validation. unlabelled: optional (chips, attributes) added as unlabelled craters.
    Returns {accuracy_mean, accuracy_sd, balanced_accuracy_mean/sd, recall_mean (per class), confusion
    (summed over trials), trials: [...], majority_baseline_mean}.
    """
    chips, attributes = check_arrays(chips, attributes)
    y = check_labels(labels, len(chips), allow_none=False)
    trials = int(trials)
    if trials < 1:
        raise LunarInputError(tr("trials: {trials}; need at least 1").format(trials=trials))
    rng = np.random.default_rng(seed)
    if isinstance(split, str):
        if split != "kfold":
            raise LunarInputError(tr("split: '{split}'; expected (train, val, test) fractions or 'kfold'").format(
                split=split))
        folds = _stratified_split(y, [1.0] * trials, rng)
        plans = []
        for k in range(trials):
            rest = np.setdiff1d(np.arange(len(y)), folds[k])
            train_part, va = _stratified_split(y[rest], (0.9, 0.1), rng)
            plans.append((rest[train_part], rest[va], folds[k]))
    else:
        if len(split) != 3 or min(split) < 0 or split[0] <= 0 or split[2] <= 0:
            raise LunarInputError(tr("split: {split}; expected (train, val, test) fractions, train and test "
                                     "> 0").format(split=split))
        plans = [tuple(_stratified_split(y, split, rng)) for _ in range(trials)]
    progress = Progress(feedback, trials)
    results = []
    for k, (train_part, va, te) in enumerate(plans):
        progress.step(k)
        c_tr, a_tr, l_tr = chips[train_part], attributes[train_part], list(y[train_part])
        if unlabelled is not None and len(unlabelled[0]):
            c_tr = np.concatenate([c_tr, unlabelled[0]])
            a_tr = np.concatenate([a_tr, unlabelled[1]])
            l_tr = l_tr + [None] * len(unlabelled[0])
        val = (chips[va], attributes[va], y[va]) if len(va) else None
        bundle = train(c_tr, a_tr, l_tr, epochs=epochs, seed=seed * 1000 + k, val=val,
                       feedback=ScaledFeedback(feedback, 100.0 * k / trials, 100.0 * (k + 1) / trials),
                       settings=settings, **train_kw)
        pred = predict(bundle, chips[te], attributes[te])
        m = metrics(y[te], pred)
        majority = np.bincount(y[train_part]).argmax()
        m["majority_class"] = int(majority)
        m["majority_baseline"] = float((y[te] == majority).mean())
        results.append(m)
    progress.step(trials)
    acc = np.array([r["accuracy"] for r in results])
    bal = np.array([r["balanced_accuracy"] for r in results])
    recall_mean = {}
    for c in CODES:
        v = [r["recall"][str(c)] for r in results if r["recall"][str(c)] is not None]
        recall_mean[str(c)] = float(np.mean(v)) if v else None
    return {"trials": results, "n_trials": trials, "split": split if isinstance(split, str) else list(split),
            "accuracy_mean": float(acc.mean()), "accuracy_sd": float(acc.std(ddof=1)) if trials > 1 else 0.0,
            "balanced_accuracy_mean": float(bal.mean()),
            "balanced_accuracy_sd": float(bal.std(ddof=1)) if trials > 1 else 0.0,
            "recall_mean": recall_mean,
            "confusion": np.sum([r["confusion"] for r in results], axis=0).tolist(),
            "majority_baseline_mean": float(np.mean([r["majority_baseline"] for r in results]))}


__all__ = ["train", "evaluate_trials", "check_labels", "class_weights", "DEFAULT_SETTINGS"]
