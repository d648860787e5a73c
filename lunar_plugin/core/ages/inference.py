"""Classify craters into the five lunar Systems with a crater-age model (``model_io.load``).

torch and onnxruntime are imported inside functions.
"""
import numpy as np

from ..errors import LunarInputError
from ..messages import tr
from . import model_io


def check_arrays(chips, attributes, what="chips/attributes"):
    """chips (n, c, s, s) and attributes (n, k) as float32, finite; anything else -> LunarInputError."""
    chips = np.asarray(chips, dtype=np.float32)
    attributes = np.asarray(attributes, dtype=np.float32)
    if chips.ndim != 4 or chips.shape[2] != chips.shape[3]:
        raise LunarInputError(tr("chips: expected (n, channels, size, size), got {shape}").format(shape=chips.shape))
    if attributes.ndim != 2 or len(attributes) != len(chips):
        raise LunarInputError(tr("attributes: expected ({n}, k) to match the chips, got {shape}").format(
            n=len(chips), shape=attributes.shape))
    if not (np.isfinite(chips).all() and np.isfinite(attributes).all()):
        raise LunarInputError(tr("{what}: contain NaN or infinite values").format(what=what))
    return chips, attributes


def check_bundle(bundle, chips, attributes):
    """The chips and attributes have the shapes the model was trained on."""
    cfg = bundle["config"]
    if chips.shape[1] != cfg["n_channels"] or chips.shape[2] != bundle["chip_px"]:
        raise LunarInputError(tr("chips: shaped {shape}, the model expects ({channels}, {size}, {size}) (channels "
                                 "{names})").format(shape=chips.shape[1:], channels=cfg["n_channels"],
                                                    size=bundle["chip_px"], names=bundle["channel_names"]))
    if attributes.shape[1] != cfg["n_attributes"]:
        raise LunarInputError(tr("attributes: {columns} columns, the model expects {expected} ({names})").format(
            columns=attributes.shape[1], expected=cfg["n_attributes"], names=", ".join(bundle["attribute_names"])))


def standardise(attributes, center, scale):
    """Attributes in units of the training set's robust spread, clipped to +-6."""
    return np.clip((attributes - np.asarray(center, np.float32)) / np.asarray(scale, np.float32), -6, 6)


def classify(bundle, chips, attributes, batch=2048):
    """Class probabilities (n, 5) over the Systems 1..5 (column j = System j+1). A bundle of
    ``model_io.load_for(..., 'onnxruntime')`` runs its ONNX network in ONNX Runtime, one of ``model_io.load`` in
    torch."""
    chips, attributes = check_arrays(chips, attributes)
    check_bundle(bundle, chips, attributes)
    a = standardise(attributes, bundle["attr_center"], bundle["attr_scale"]).astype(np.float32)
    onnx = bundle.get("onnx")
    if onnx is not None:
        logits = [onnx.run({"chips": np.ascontiguousarray(chips[i:i + batch]),
                            "attributes": np.ascontiguousarray(a[i:i + batch])})[0]
                  for i in range(0, len(chips), batch)]
        logits = np.concatenate(logits) if logits else np.zeros((0, 5), np.float32)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).astype(np.float64)
    import torch
    from . import network
    model = model_io.network(bundle)
    with torch.no_grad():
        logits = network.predict_logits(model, torch.from_numpy(chips), torch.from_numpy(a), batch=batch)
        return torch.softmax(logits, dim=1).numpy().astype(np.float64)


def predict(bundle, chips, attributes):
    """System codes 1-5 (argmax of classify)."""
    return classify(bundle, chips, attributes).argmax(axis=1) + 1


__all__ = ["classify", "predict", "check_arrays", "check_bundle", "standardise"]
