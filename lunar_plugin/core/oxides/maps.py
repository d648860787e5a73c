"""Oxide maps from a reflectance raster with a trained 1D-CNN model, block by block."""
import os

import numpy as np

from ..errors import LunarInputError
from ..raster import RasterSource, all_nodata_check
from .equations import mg_number

UNITS = {"FeO": "wt%", "TiO2": "wt%", "Al2O3": "wt%", "MgO": "wt%", "CaO": "wt%"}


def parse_band_list(text):
    """'1,2,4' -> [1, 2, 4]; empty -> [] (the model's bands in raster order)."""
    if not text or not str(text).strip():
        return []
    try:
        return [int(v) for v in str(text).replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise LunarInputError(f"BANDS: '{text}' is not a comma-separated list of band numbers") from None


class CnnBlocks:
    """One block of ``cnn_maps``: an object (not a closure) so Dask workers run the very same code. A worker
    builds the predictor from the model file once per process (it is not pickled)."""

    _predictors = {}   # (model path, its mtime, device) -> Predictor, per process

    def __init__(self, model_path, band_names, wanted, mgnumber, reflectance_scale, device, predictor=None):
        self.model_path, self.band_names, self.wanted = model_path, list(band_names), list(wanted)
        self.mgnumber, self.scale, self.device = bool(mgnumber), np.float32(reflectance_scale), str(device)
        if predictor is not None:
            self._predictors.clear()
            self._predictors[self._key()] = predictor

    def _key(self):
        return self.model_path, os.path.getmtime(self.model_path), self.device

    @property
    def predictor(self):
        key = self._key()
        if key not in self._predictors:
            from ..device import resolve_device
            from . import cnn, model_io
            self._predictors.clear()
            self._predictors[key] = cnn.Predictor(model_io.load_model(self.model_path),
                                                  device=resolve_device(self.device))
        return self._predictors[key]

    def __call__(self, arrays, window):
        predictor = self.predictor
        column = {t: j for j, t in enumerate(predictor.targets)}
        data = arrays[0] * self.scale
        h, w = data.shape[1:]
        predicted = predictor.predict_bands({name: data[k].ravel() for k, name in enumerate(self.band_names)})
        result = [predicted[:, column[t]].reshape(h, w) for t in self.wanted]
        if self.mgnumber:
            result.append(mg_number(predicted[:, column["FeO"]], predicted[:, column["MgO"]]).reshape(h, w))
        return result


def cnn_maps(input_path, model_path, outputs, band_indices=None, mgnumber_path=None, reflectance_scale=1.0,
             feedback=None, scheduler="", device="auto"):
    """Write one raster per requested oxide (``outputs``: target -> path) and optionally Mg#.

    band_indices: raster band (1-based) for each band the model reads, in the model's band order.
    ``scheduler``: '' in-process, else a Dask SCHEDULER spec (core.cluster); ``device``: auto, cpu or cuda
    (on a cluster each worker resolves 'auto' itself).
    Returns {target or 'Mg#': path}.
    """
    from ..cluster import map_blocks, parse_scheduler
    from ..device import resolve_device
    from . import cnn, model_io

    bundle = model_io.load_model(model_path)
    on_cluster = parse_scheduler(scheduler)[0] != "inprocess"
    here = resolve_device("cpu" if on_cluster else device)   # on a cluster the driver only checks the inputs
    predictor = cnn.Predictor(bundle, device=here)
    names = list(predictor.band_names)
    src = RasterSource(input_path, "INPUT")
    band_indices = list(band_indices or range(1, len(names) + 1))
    if len(band_indices) != len(names):
        raise LunarInputError(f"BANDS: the model '{os.path.basename(model_path)}' reads {len(names)} bands "
                              f"({', '.join(names)}); {len(band_indices)} band numbers were given")
    if src.count < len(names) and max(band_indices) > src.count:
        raise LunarInputError(f"INPUT: the model '{os.path.basename(model_path)}' expects {len(names)} bands "
                              f"({', '.join(names)}), but '{os.path.basename(input_path)}' has {src.count}")
    bands = [src.check_band(b, name) for b, name in zip(band_indices, names)]
    if not reflectance_scale > 0:
        raise LunarInputError(f"REFLECTANCE_SCALE must be > 0 (got {reflectance_scale})")
    missing = [t for t in outputs if t not in predictor.targets]
    if missing:
        raise LunarInputError(f"the model predicts {', '.join(predictor.targets)}, not {', '.join(missing)}")
    if mgnumber_path and not {"FeO", "MgO"} <= set(predictor.targets):
        raise LunarInputError("Mg# needs a model that predicts both FeO and MgO")
    all_nodata_check(src, bands)
    wanted = [t for t in predictor.targets if outputs.get(t)]
    if not wanted and not mgnumber_path:
        raise LunarInputError("no output requested")
    specs = [(outputs[t], [(f"{t} ({UNITS.get(t, '')}) - 1D CNN", UNITS.get(t, ""))]) for t in wanted]
    if mgnumber_path:
        specs.append((mgnumber_path, [("Mg# (molar Mg/(Mg+Fe)) - 1D CNN", "")]))
    worker_device = device if on_cluster else here
    blocks = CnnBlocks(os.path.abspath(model_path), names, wanted, mgnumber_path, reflectance_scale,
                       worker_device, None if on_cluster else predictor)
    # 1 M-pixel blocks: the network's activations, not the raster, set the peak memory (bench_oxide_maps.py)
    paths = map_blocks([(src, bands)], specs, blocks, feedback, max_pixels=1 << 20, scheduler=scheduler)
    keys = wanted + (["Mg#"] if mgnumber_path else [])
    return dict(zip(keys, paths))
