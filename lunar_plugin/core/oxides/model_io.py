"""Saving and loading oxide CNN bundles (``models/*.pt``) and their JSON model cards (``models/*.json``).

A model file is ``torch.save`` of a plain dict (format tag, version, card, names, tensors), written under a
temporary name and renamed when complete; it is always loaded with ``torch.load(path, weights_only=True)``.
"""
import math
import os

import numpy as np

from ..errors import LunarInputError
from ..model_files import load_checked, save_atomic, write_json_atomic
from . import cnn

FORMAT = "lunar-lab-oxide-cnn"
VERSION = 1
REQUIRED_KEYS = ("format", "version", "card", "architecture", "feature_names", "band_names", "wavelengths",
                 "targets", "x_mean", "x_std", "y_mean", "y_std", "members")


def plain(value):
    """A JSON/weights_only-safe copy: numpy scalars/arrays to Python numbers/lists, tuples to lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, str) and type(value) is not str:  # e.g. torch.__version__ (TorchVersion)
        return str(value)
    return value


def save_model(bundle, path):
    """Write ``bundle`` (cnn.ModelBundle) to ``path`` atomically; returns the path."""
    import torch

    def t(a):
        return torch.tensor(np.asarray(a, dtype=np.float32))

    data = {
        "format": FORMAT, "version": VERSION, "card": plain(bundle.card),
        "architecture": int(bundle.architecture), "feature_names": list(map(str, bundle.feature_names)),
        "band_names": list(map(str, bundle.band_names)), "wavelengths": [float(w) for w in bundle.wavelengths],
        "targets": list(map(str, bundle.targets)),
        "x_mean": {k: torch.tensor(np.asarray(v, np.float64)) for k, v in bundle.x_mean.items()},
        "x_std": {k: torch.tensor(np.asarray(v, np.float64)) for k, v in bundle.x_std.items()},
        "y_mean": {k: float(v) for k, v in bundle.y_mean.items()},
        "y_std": {k: float(v) for k, v in bundle.y_std.items()},
        "members": {k: [{n: t(w) for n, w in sd.items()} for sd in v] for k, v in bundle.members.items()},
    }
    return save_atomic(data, path)


def load_model(path):
    """The cnn.ModelBundle saved in ``path``; LunarInputError naming the file when it is not one."""
    path = os.fspath(path)
    data = load_checked(path, FORMAT, "oxide CNN", REQUIRED_KEYS, max_version=VERSION)
    try:
        targets = list(data["targets"])
        nf = len(data["feature_names"])
        layout = cnn.param_layout(int(data["architecture"]), nf)
        members = {}
        for tname in targets:
            members[tname] = []
            for sd in data["members"][tname]:
                state = {k: v.numpy().astype(np.float32) for k, v in sd.items()}
                for prefix, wshape, bshape, _ in layout:
                    if state[prefix + ".weight"].shape != tuple(wshape) or state[prefix + ".bias"].shape != tuple(bshape):
                        raise ValueError(f"layer {prefix} has the wrong shape")
                members[tname].append(state)
            if not members[tname]:
                raise ValueError(f"no weights for {tname}")
        bundle = cnn.ModelBundle(
            int(data["architecture"]), list(data["feature_names"]), list(data["band_names"]),
            [float(w) for w in data["wavelengths"]], targets,
            {k: data["x_mean"][k].numpy().astype(np.float64) for k in targets},
            {k: data["x_std"][k].numpy().astype(np.float64) for k in targets},
            {k: float(data["y_mean"][k]) for k in targets}, {k: float(data["y_std"][k]) for k in targets},
            members, dict(data["card"]))
        for k in targets:
            if bundle.x_mean[k].shape != (nf,) or bundle.x_std[k].shape != (nf,):
                raise ValueError(f"normalisation of {k} does not match {nf} features")
    except LunarInputError:
        raise
    except Exception as err:
        raise LunarInputError(f"model file '{path}' is incomplete or inconsistent "
                              f"({type(err).__name__}: {err})") from None
    return bundle


def card_dict(bundle, extra=None):
    """The model card: features, band order, wavelengths, normalisation, sites, settings, metrics, date, version."""
    card = dict(plain(bundle.card))
    card.update({
        "format": FORMAT, "format_version": VERSION, "architecture": int(bundle.architecture),
        "features": list(bundle.feature_names), "bands": list(bundle.band_names),
        "wavelengths_nm": [float(w) for w in bundle.wavelengths], "targets": list(bundle.targets),
        "normalisation": {t: {"x_mean": plain(bundle.x_mean[t]), "x_std": plain(bundle.x_std[t]),
                              "y_mean": float(bundle.y_mean[t]), "y_std": float(bundle.y_std[t])}
                          for t in bundle.targets},
        "ensemble_members": {t: len(bundle.members[t]) for t in bundle.targets},
    })
    if extra:
        card.update(plain(extra))
    return card


def _json_safe(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def write_card(bundle, path, extra=None):
    """Write the JSON model card (beside the .pt: models/NAME.json) atomically; returns the card dict."""
    card = _json_safe(card_dict(bundle, extra))
    write_json_atomic(card, path)
    return card
