"""Crater-age model files: the format, save, and ``load`` (the one way to read a model).

A *bundle* is a plain dict (what ``save`` writes with torch.save and ``load`` reads with weights_only=True):
  format 'lunar-lab-crater-ages', version, card (dict), config (network sizes), state_dict (teacher tensors),
  channel_names, attribute_names (features' names, in the model's column order), attr_center, attr_scale, chip_px.
torch is imported inside functions (``network`` lazily).
"""
from ..errors import LunarInputError
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
    data = load_checked(path, FORMAT, "crater-ages model", KEYS, max_version=VERSION)
    try:
        network(data)
    except Exception as err:  # noqa: BLE001
        raise LunarInputError(f"model: '{path}' weights do not fit the network it describes ({err})") from None
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


__all__ = ["FORMAT", "VERSION", "save", "load", "network"]
