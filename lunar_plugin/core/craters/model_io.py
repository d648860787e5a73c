"""Crater detector model files: the format, the model card as typed settings, save and ``load``.

A bundle is a plain dict: {"format": "lunar-lab-crater-detector", "version": 1, "card": {...},
"config": {...}, "state_dict": {name: tensor}} written with torch.save and read with
torch.load(weights_only=True); the card is also written as JSON beside the .pt file. ``ModelCard`` reads the
settings detection takes from the card, each with its type and default, in one place (after Deepness's
typed metadata getters). torch is imported inside functions.
"""
import dataclasses
import json
import os

from ..errors import LunarInputError
from ..messages import tr
from ..model_files import load_checked, save_atomic, write_json_atomic

#: Format tag and version of crater detector bundles.
FORMAT = "lunar-lab-crater-detector"
VERSION = 1
#: Input kinds a model card may name: an elevation raster or an optical image (both normalised per tile).
INPUT_KINDS = ("dem", "image")


@dataclasses.dataclass(frozen=True)
class ModelCard:
    """The detection settings of a model card (missing keys take these defaults)."""
    input: str = "dem"                       # one of INPUT_KINDS
    keep_px: tuple = (16.0, 40.0)            # diameters (level px) a pyramid level keeps between the end levels
    highpass_sigma_px: float = 32.0          # width of the local mean normalise_tile removes
    tile_size: int = 512
    overlap: float = 0.5
    nms_dist_frac: float = 0.5
    nms_max_ratio: float = 1.6
    confidence_threshold: float = 0.3        # best F1 on the model's training split
    pixel_km_range: tuple = None             # (min, max) pixel size (km) of the training data, if recorded

    @classmethod
    def of(cls, card):
        """The typed settings of a card dict."""
        d = cls()
        threshold = card.get("confidence_threshold", card.get("metrics", {}).get("threshold", d.confidence_threshold))
        lo, hi = card.get("keep_px", d.keep_px)
        return cls(input=card.get("input", d.input), keep_px=(float(lo), float(hi)),
                   highpass_sigma_px=float(card.get("highpass_sigma_px", d.highpass_sigma_px)),
                   tile_size=int(card.get("tile_size", d.tile_size)), overlap=float(card.get("overlap", d.overlap)),
                   nms_dist_frac=float(card.get("nms_dist_frac", d.nms_dist_frac)),
                   nms_max_ratio=float(card.get("nms_max_ratio", d.nms_max_ratio)),
                   confidence_threshold=float(threshold),
                   pixel_km_range=tuple(float(v) for v in card["pixel_km_range"]) if card.get("pixel_km_range")
                   else None)


def card(bundle):
    """The typed settings (ModelCard) of a bundle's card."""
    return ModelCard.of(bundle.get("card", {}))


def new_bundle(config=None, card=None):
    """A bundle of a freshly initialised network (``network.build(config)``)."""
    from .network import build
    model = build(config)
    return {"format": FORMAT, "version": VERSION, "card": dict(card or {}), "config": dict(model.config),
            "state_dict": {k: v.detach().clone() for k, v in model.state_dict().items()}}


def network(bundle, fuse=False):
    """The CraterNet of a bundle, in eval mode (``fuse``: BatchNorm folded, for inference only)."""
    from .network import build
    try:
        model = build(bundle.get("config"))
        model.load_state_dict(bundle["state_dict"])
    except (KeyError, RuntimeError, TypeError, ValueError) as err:
        raise LunarInputError(tr("crater model: the weights do not fit the network ({error})").format(
            error=err)) from None
    model.eval()
    return model.fuse() if fuse else model


def save(bundle, path, card_path=None):
    """torch.save the bundle to ``path`` and write its card as JSON beside it (path with .json)."""
    path = str(path)
    plain = {"format": FORMAT, "version": int(bundle.get("version", VERSION)),
             "card": json.loads(json.dumps(bundle.get("card", {}))),
             "config": json.loads(json.dumps(bundle.get("config", {}))),
             "state_dict": {k: v.detach().cpu().clone() for k, v in bundle["state_dict"].items()}}
    save_atomic(plain, path)
    card_path = card_path or os.path.splitext(path)[0] + ".json"
    write_json_atomic(plain["card"], card_path)
    return path


def describe(bundle):
    """The bundle without its weights (what an ONNX file carries in its metadata)."""
    return {"format": FORMAT, "version": int(bundle.get("version", VERSION)),
            "card": json.loads(json.dumps(bundle.get("card", {}))),
            "config": json.loads(json.dumps(bundle.get("config", {})))}


def signature(description):
    """The ONNX inputs and outputs a detector's card implies: tile (n, in_channels, h, w) -> heads (n, 5, h/2, w/2)."""
    channels = int((description.get("config") or {}).get("in_channels", 1))   # network.DEFAULT_CONFIG's
    return {"tile": [None, channels, None, None]}, {"heads": [None, 5, None, None]}


def export_onnx(bundle, path, source=None):
    """Write the bundle's network (BatchNorm folded) as ONNX to ``path``, its description in the metadata."""
    import torch
    from .. import engine
    model = network(bundle, fuse=True)
    channels = signature(describe(bundle))[0]["tile"][1]
    return engine.export(model, [torch.zeros(1, channels, 128, 128)], path, ["tile"], ["heads"],
                         {"tile": {0: "n", 2: "h", 3: "w"}, "heads": {0: "n", 2: "h2", 3: "w2"}}, describe(bundle),
                         source)


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
    if int(description.get("version", 0)) > VERSION or not isinstance(description.get("card"), dict):
        raise LunarInputError(tr("{model}: format version {version} or its card is not one this Lunar Lab "
                                 "reads").format(model=model.name, version=description.get("version")))
    return dict(description, onnx=model)


def load(path):
    """Load a bundle saved by ``save``; a missing, corrupt or foreign file raises LunarInputError."""
    path = str(path)
    obj = load_checked(path, FORMAT, tr("crater detector"), max_version=VERSION)
    if not isinstance(obj.get("state_dict"), dict) or not isinstance(obj.get("card"), dict):
        raise LunarInputError(tr("crater model '{path}' lacks its weights or model card").format(path=path))
    network(obj)  # check the weights fit
    return obj


__all__ = ["FORMAT", "VERSION", "INPUT_KINDS", "ModelCard", "card", "new_bundle", "network", "save", "load", "load_for",
           "describe", "signature", "export_onnx", "export_file"]
