"""Oxide maps from a reflectance raster with a trained 1D-CNN model, block by block."""
import os

import numpy as np

from ..errors import LunarInputError
from ..raster import RasterSource, all_nodata_check, process_blocks
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


def cnn_maps(input_path, model_path, outputs, band_indices=None, mgnumber_path=None, reflectance_scale=1.0,
             feedback=None):
    """Write one raster per requested oxide (``outputs``: target -> path) and optionally Mg#.

    band_indices: raster band (1-based) for each band the model reads, in the model's band order.
    Returns {target or 'Mg#': path}.
    """
    from . import cnn, model_io

    bundle = model_io.load_model(model_path)
    predictor = cnn.Predictor(bundle)
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
    scale = np.float32(reflectance_scale)
    column = {t: j for j, t in enumerate(predictor.targets)}

    def compute(arrays, window):
        data = arrays[0] * scale
        h, w = data.shape[1:]
        predicted = predictor.predict_bands({name: data[k].ravel() for k, name in enumerate(names)})
        result = [predicted[:, column[t]].reshape(h, w) for t in wanted]
        if mgnumber_path:
            result.append(mg_number(predicted[:, column["FeO"]], predicted[:, column["MgO"]]).reshape(h, w))
        return result

    # 1 M-pixel blocks: the network's activations, not the raster, set the peak memory (bench_oxide_maps.py)
    paths = process_blocks([(src, bands)], specs, compute, feedback, max_pixels=1 << 20)
    keys = wanted + (["Mg#"] if mgnumber_path else [])
    return dict(zip(keys, paths))
