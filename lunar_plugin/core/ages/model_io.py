"""Crater-age model files: the format, save, and ``load`` (the one way to read a model).

A *bundle* is a plain dict (what ``save`` writes with torch.save and ``load`` reads with weights_only=True):
  format 'lunar-lab-crater-ages', version, card (dict), config (network sizes), state_dict (teacher tensors),
  channel_names, attribute_names (features' names, in the model's column order), attr_center, attr_scale, chip_px.
torch is imported inside functions (``network`` lazily).
"""
from ..errors import LunarInputError
from ..messages import tr
from ..model_files import load_checked, save_atomic

FORMAT = "lunar-lab-crater-ages"
VERSION = 1
KEYS = ("format", "version", "config", "state_dict", "channel_names", "attribute_names", "attr_center",
        "attr_scale", "chip_px", "card")


def save(bundle, path):
    """torch.save of the plain dict (no live objects), written atomically."""
    return save_atomic({k: bundle[k] for k in KEYS}, str(path))


def load(path):
    """Load a crater-ages model file, its network built once; missing, corrupt or foreign files raise
    LunarInputError."""
    path = str(path)
    data = load_checked(path, FORMAT, tr("crater-ages model"), KEYS, max_version=VERSION)
    try:
        network(data)
    except Exception as err:  # noqa: BLE001
        raise LunarInputError(tr("model: '{path}' weights do not fit the network it describes ({error})").format(
            path=path, error=err)) from None
    return data


def network(bundle):
    """The bundle's network in eval mode, built on first use and kept in the bundle (``_model``)."""
    model = bundle.get("_model")
    if model is None:
        from . import network as net
        model = net.build(bundle["config"])
        model.load_state_dict(bundle["state_dict"])
        model.eval()
        bundle["_model"] = model
    return model


def describe(bundle):
    """The bundle without its weights (what an ONNX file carries in its metadata)."""
    import json
    return json.loads(json.dumps({k: bundle[k] for k in KEYS if k != "state_dict"}))


def signature(description):
    """The ONNX inputs and outputs an age model's card implies: chips (n, channels, chip_px, chip_px) and attributes
    (n, k) -> logits (n, 5) over the Systems."""
    cfg, px = description["config"], int(description["chip_px"])
    return ({"chips": [None, int(cfg["n_channels"]), px, px], "attributes": [None, int(cfg["n_attributes"])]},
            {"logits": [None, 5]})


def export_onnx(bundle, path, source=None):
    """Write the bundle's network (eval mode: no dropout) as ONNX to ``path``, its description in the metadata."""
    import torch
    from .. import engine
    inputs = signature(describe(bundle))[0]
    examples = [torch.zeros([2] + shape[1:]) for shape in inputs.values()]
    return engine.export(network(bundle), examples, path, list(inputs), ["logits"],
                         {"chips": {0: "n"}, "attributes": {0: "n"}, "logits": {0: "n"}}, describe(bundle), source)


def export_file(pt_path, onnx_path=None):
    """``NAME.onnx`` (or ``onnx_path``) exported from the model file ``pt_path``, its SHA-256 recorded."""
    from .. import engine
    return export_onnx(load(pt_path), onnx_path or engine.onnx_beside(pt_path), source=pt_path)


def load_for(path, engine_spec="auto", device="auto", role="MODEL", threads=None):
    """The bundle of ``path`` for an inference ENGINE: with torch, ``load``'s; with ONNX Runtime, the description
    read from the ONNX file and its network under "onnx" (no torch needed)."""
    from .. import engine
    name, description, model = engine.load(path, engine_spec, export_file, FORMAT, signature, role, device, threads)
    if name == "torch":
        return load(path)
    missing = [k for k in KEYS if k != "state_dict" and k not in description]
    if missing or int(description["version"]) > VERSION:
        raise LunarInputError(tr("{model}: its model card lacks {missing} or has a format version this Lunar Lab does "
                                 "not read").format(model=model.name, missing=", ".join(missing)))
    return dict(description, onnx=model)


__all__ = ["FORMAT", "VERSION", "save", "load", "load_for", "network", "describe", "signature", "export_onnx",
           "export_file"]
