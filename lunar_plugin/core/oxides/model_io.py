"""Saving and loading oxide CNN bundles (``models/*.pt``) and their JSON model cards (``models/*.json``).

A model file is ``torch.save`` of a plain dict (format tag, version, card, names, tensors), written under a
temporary name and renamed when complete; it is always loaded with ``torch.load(path, weights_only=True)``.
"""
import math
import os

import numpy as np

from ..errors import LunarInputError
from ..messages import tr
from ..model_files import load_checked, save_atomic, write_json_atomic
from . import cnn

FORMAT = "lunar-lab-oxide-cnn"
#: 2: the file records ``equation_preset``, the constants of its derived features (OMAT, theta_Fe, theta_Ti).
VERSION = 2
#: Files of version 1 do not record it: their derived features used the Qiu et al. 2025 constants, the only ones
#: the code of that time used for them.
VERSION_1_EQUATION_PRESET = "qiu2025"
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
        "equation_preset": bundle.equation_preset,
    }
    return save_atomic(data, path)


def load_model(path):
    """The cnn.ModelBundle saved in ``path``; LunarInputError naming the file when it is not one."""
    path = os.fspath(path)
    data = load_checked(path, FORMAT, tr("oxide CNN"), REQUIRED_KEYS, max_version=VERSION)
    equation_preset = recorded_equation_preset(data, path)
    try:
        targets = list(data["targets"])
        nf = len(data["feature_names"])
        layers = cnn.weighted_layers(int(data["architecture"]), nf)
        members = {}
        for tname in targets:
            members[tname] = []
            for sd in data["members"][tname]:
                state = {k: v.numpy().astype(np.float32) for k, v in sd.items()}
                for layer in layers:
                    if (state[layer.key + ".weight"].shape != layer.weight_shape
                            or state[layer.key + ".bias"].shape != layer.bias_shape):
                        raise ValueError(f"layer {layer.key} has the wrong shape")
                members[tname].append(state)
            if not members[tname]:
                raise ValueError(f"no weights for {tname}")
        bundle = cnn.ModelBundle(
            int(data["architecture"]), list(data["feature_names"]), list(data["band_names"]),
            [float(w) for w in data["wavelengths"]], targets,
            {k: data["x_mean"][k].numpy().astype(np.float64) for k in targets},
            {k: data["x_std"][k].numpy().astype(np.float64) for k in targets},
            {k: float(data["y_mean"][k]) for k in targets}, {k: float(data["y_std"][k]) for k in targets},
            members, dict(data["card"]), equation_preset)
        for k in targets:
            if bundle.x_mean[k].shape != (nf,) or bundle.x_std[k].shape != (nf,):
                raise ValueError(f"normalisation of {k} does not match {nf} features")
    except LunarInputError:
        raise
    except Exception as err:
        raise LunarInputError(tr("model file '{path}' is incomplete or inconsistent ({kind}: {error})").format(
            path=path, kind=type(err).__name__, error=err)) from None
    return bundle


def recorded_equation_preset(data, path):
    """The equation preset a model file records (VERSION_1_EQUATION_PRESET for a version 1 file that uses derived
    features); a clear error when it is missing or unknown."""
    from . import equations
    if int(data["version"]) < 2:
        return VERSION_1_EQUATION_PRESET if cnn.uses_equations(data["feature_names"]) else None
    if "equation_preset" not in data:
        raise LunarInputError(tr("model file '{path}' lacks equation_preset").format(path=path))
    key = data["equation_preset"]
    if key is None and not cnn.uses_equations(data["feature_names"]):
        return None
    if key not in equations.PRESETS:
        raise LunarInputError(tr("model file '{path}': its derived features (OMAT, theta_Fe, theta_Ti) were computed "
                                 "with equation preset {key!r}, which this Lunar Lab does not know (known: "
                                 "{known})").format(path=path, key=key, known=", ".join(equations.PRESETS)))
    return key


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
        "equation_preset": bundle.equation_preset,
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


# --------------------------------------------------------------------------------------------- ONNX
def describe(bundle):
    """The bundle without its weights (what an ONNX file carries in its metadata); the normalisation is folded into
    the exported graph."""
    return _json_safe(plain({
        "format": FORMAT, "version": VERSION, "card": bundle.card, "architecture": int(bundle.architecture),
        "feature_names": list(bundle.feature_names), "band_names": list(bundle.band_names),
        "wavelengths": [float(w) for w in bundle.wavelengths], "targets": list(bundle.targets),
        "equation_preset": bundle.equation_preset}))


def signature(description):
    """The ONNX inputs and outputs an oxide card implies: features (n, n_features) -> oxides (n, n_targets)."""
    return ({"features": [None, len(description["feature_names"])]},
            {"oxides": [None, len(description["targets"])]})


def export_onnx(bundle, path, source=None):
    """Write the bundle's ensemble (every target, members averaged, normalisation folded in) as ONNX to ``path``."""
    import torch
    from .. import engine
    return engine.export(cnn.ensemble_network(bundle), [torch.zeros(4, bundle.n_features)], path, ["features"],
                         ["oxides"], {"features": {0: "n"}, "oxides": {0: "n"}}, describe(bundle), source)


def export_file(pt_path, onnx_path=None):
    """``NAME.onnx`` (or ``onnx_path``) exported from the model file ``pt_path``, its SHA-256 recorded."""
    from .. import engine
    return export_onnx(load_model(pt_path), onnx_path or engine.onnx_beside(pt_path), source=pt_path)


def predictor_for(path, engine_spec="auto", device="auto", role="MODEL", threads=None):
    """The predictor of the model file ``path`` for an inference ENGINE: ``cnn.OnnxPredictor`` in ONNX Runtime (no
    torch), else ``cnn.Predictor`` of ``load_model``'s bundle on ``device``."""
    from .. import engine
    name, description, model = engine.load(path, engine_spec, export_file, FORMAT, signature, role, device, threads)
    if name == "torch":
        from ..device import resolve_device
        return cnn.Predictor(load_model(path), device=resolve_device(device))
    try:
        predictor = cnn.OnnxPredictor(description, model)
        if cnn.uses_equations(predictor.feature_names):
            from . import equations
            equations.preset(predictor.equation_preset)
    except (KeyError, TypeError, ValueError) as err:
        raise LunarInputError(tr("{model}: its model card is incomplete ({kind}: {error})").format(
            model=model.name, kind=type(err).__name__, error=err)) from None
    return predictor
