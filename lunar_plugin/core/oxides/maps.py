"""Oxide maps from a reflectance raster with a trained 1D-CNN model, block by block."""
import os

import numpy as np

from osgeo import gdal

from ..errors import LunarInputError
from ..messages import tr
from ..feedback import ensure
from ..raster import RasterSource, all_nodata_check
from . import trust
from .equations import DOMAIN_NODATA, mg_number

UNITS = {"FeO": "wt%", "TiO2": "wt%", "Al2O3": "wt%", "MgO": "wt%", "CaO": "wt%"}
#: Pixels the CNN predicts between two progress reports (and Cancel checks): a 1 M-pixel raster took 10-12 s on a
#: busy 2-core machine, so about a sixth of a second (the longest gap between two reports measured 0.76 s).
STEP_PIXELS = 1 << 14


def parse_band_list(text):
    """'1,2,4' -> [1, 2, 4]; empty -> [] (the model's bands in raster order)."""
    if not text or not str(text).strip():
        return []
    try:
        return [int(v) for v in str(text).replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise LunarInputError(tr("BANDS: '{text}' is not a comma-separated list of band numbers").format(
            text=text)) from None


def trusted_prediction(predictor, checks, band_arrays, uncertainty=False):
    """Predict every target of a block of pixels ({band name: (n,) reflectance}), clip it to the bounds, and
    place it in the spectral domain. Returns {predicted (n, T) clipped, clipped {target: (below, above)},
    valid (n,), inside (n,) or None without a domain, sigma (n, T) float32 (NaN where not valid) if asked}."""
    predicted = predictor.predict_bands(band_arrays)
    out = {"predicted": predicted, "clipped": trust.clip_to_bounds(predicted, predictor.targets),
           "valid": np.isfinite(predicted).all(axis=1), "inside": None}
    if checks.domain is not None:
        d2 = checks.domain.distance2(trust.log_spectra(band_arrays, checks.domain.band_names))
        out["inside"] = d2 <= checks.domain.threshold
        if uncertainty:
            sigma = checks.sigmas(predictor.targets, d2)
            sigma[~out["valid"]] = np.nan
            out["sigma"] = sigma
    return out


class CnnBlocks:
    """One block of ``cnn_maps``: oxides clipped to their bounds, Mg#, the domain mask and the 1-sigma as asked.
    An object (not a closure) so Dask workers run the very same code; a worker builds the predictor from the
    model file once per process (it is not pickled). ``tally`` counts clipped and out-of-domain pixels of the
    blocks run in this process (on a cluster, core.cluster.map_blocks adds up the chunks' tallies). ``engine``:
    the ENGINE (core.engine) a worker runs the model with."""

    _predictors = {}   # (model path, its mtime, device, engine) -> (predictor, ModelTrust), per process

    def __init__(self, model_path, band_names, wanted, mgnumber, domain, uncertainty, reflectance_scale, device,
                 predictor=None, checks=None, engine="auto"):
        self.model_path, self.band_names, self.wanted = model_path, list(band_names), list(wanted)
        self.mgnumber, self.domain, self.uncertainty = bool(mgnumber), bool(domain), bool(uncertainty)
        self.scale, self.device, self.engine = np.float32(reflectance_scale), str(device), str(engine)
        self.tally = {"valid": 0, "outside": 0, "clipped": {}}
        if predictor is not None:
            self._predictors.clear()
            self._predictors[self._key()] = (predictor, checks)

    def _key(self):
        return self.model_path, os.path.getmtime(self.model_path), self.device, self.engine

    def model(self):
        key = self._key()
        if key not in self._predictors:
            from . import model_io
            predictor = model_io.predictor_for(self.model_path, self.engine, self.device)
            self._predictors.clear()
            self._predictors[key] = (predictor, trust.ModelTrust.from_card(
                predictor.card, tr("model '{name}'").format(name=os.path.basename(self.model_path))))
        return self._predictors[key]

    def __call__(self, arrays, window):
        predictor, checks = self.model()
        column = {t: j for j, t in enumerate(predictor.targets)}
        data = arrays[0] * self.scale
        h, w = data.shape[1:]
        bands = {name: data[k].ravel() for k, name in enumerate(self.band_names)}
        block = trusted_prediction(predictor, checks, bands, uncertainty=self.uncertainty)
        for t, (below, above) in block["clipped"].items():
            counts = self.tally["clipped"].setdefault(t, [0, 0])
            counts[0] += below
            counts[1] += above
        valid, predicted = block["valid"], block["predicted"]
        self.tally["valid"] += int(valid.sum())
        result = [predicted[:, column[t]].reshape(h, w) for t in self.wanted]
        if self.mgnumber:
            result.append(mg_number(predicted[:, column["FeO"]], predicted[:, column["MgO"]]).reshape(h, w))
        if checks.domain is not None:
            self.tally["outside"] += int((valid & ~block["inside"]).sum())
        if self.domain:
            result.append(np.where(valid, block["inside"], DOMAIN_NODATA).astype(np.uint8).reshape(h, w))
        if self.uncertainty:
            result.append(block["sigma"].T.reshape(-1, h, w))
        return result


def cnn_maps(input_path, model_path, outputs, band_indices=None, mgnumber_path=None, reflectance_scale=1.0,
             feedback=None, domain_path=None, uncertainty_path=None, scheduler="", device="auto", bundle=None,
             engine="auto"):
    """Write one raster per requested oxide (``outputs``: target -> path) and optionally Mg#, the spectral-domain
    mask (byte: 1 inside the training sites' domain, 0 outside, 255 nodata) and the 1-sigma uncertainty (one band
    per predicted oxide, wt%).

    Every prediction is clipped to ``trust.OXIDE_BOUNDS`` (Mg# is computed from the clipped FeO and MgO); the
    clipped pixels and the share outside the domain go to the log and into every output's GDAL metadata.
    band_indices: raster band (1-based) for each band the model reads, in the model's band order.
    ``scheduler``: '' in-process, else a Dask SCHEDULER spec (core.cluster); ``device``: auto, cpu or cuda
    (on a cluster each worker resolves 'auto' itself); ``engine``: the ENGINE (core.engine: auto, onnxruntime,
    torch). ``bundle``: the model already loaded from ``model_path`` by the caller (which checked its bands), so it
    is not read twice: a predictor of ``model_io.predictor_for`` (or a cnn.ModelBundle, run in torch).
    Returns {target, 'Mg#', 'domain' or 'uncertainty': path}.
    """
    from ..cluster import map_blocks, parse_scheduler
    from . import cnn, model_io

    on_cluster = parse_scheduler(scheduler)[0] != "inprocess"
    here = "cpu" if on_cluster else device   # on a cluster the driver only checks the inputs
    if isinstance(bundle, cnn.ModelBundle):
        from ..device import resolve_device
        predictor = cnn.Predictor(bundle, device=resolve_device(here))
    else:
        predictor = bundle or model_io.predictor_for(model_path, engine, here)
    model_name = tr("model '{name}'").format(name=os.path.basename(model_path))
    checks = trust.ModelTrust.from_card(predictor.card, model_name)
    if (domain_path or uncertainty_path) and checks.domain is None:
        raise LunarInputError(tr("{model} has no spectral domain, so no domain mask or 1-sigma: {reason}").format(
            model=model_name, reason=checks.no_domain))
    names = list(predictor.band_names)
    src = RasterSource(input_path, "INPUT")
    band_indices = list(band_indices or range(1, len(names) + 1))
    if len(band_indices) != len(names):
        raise LunarInputError(tr("BANDS: the model '{model}' reads {count} bands ({bands}); {given} band numbers were "
                                 "given").format(model=os.path.basename(model_path), count=len(names),
                                                 bands=", ".join(names), given=len(band_indices)))
    if src.count < len(names) and max(band_indices) > src.count:
        raise LunarInputError(tr("INPUT: the model '{model}' expects {count} bands ({bands}), but '{input}' has "
                                 "{have}").format(model=os.path.basename(model_path), count=len(names),
                                                  bands=", ".join(names), input=os.path.basename(input_path),
                                                  have=src.count))
    bands = [src.check_band(b, name) for b, name in zip(band_indices, names)]
    if not reflectance_scale > 0:
        raise LunarInputError(tr("REFLECTANCE_SCALE must be > 0 (got {scale})").format(scale=reflectance_scale))
    missing = [t for t in outputs if t not in predictor.targets]
    if missing:
        raise LunarInputError(tr("the model predicts {targets}, not {missing}").format(
            targets=", ".join(predictor.targets), missing=", ".join(missing)))
    if mgnumber_path and not {"FeO", "MgO"} <= set(predictor.targets):
        raise LunarInputError(tr("Mg# needs a model that predicts both FeO and MgO"))
    no_sigma = [t for t in predictor.targets if t not in checks.sigma_scale]
    if uncertainty_path and no_sigma:
        raise LunarInputError(tr("{model} has no calibrated 1-sigma for {targets} (it was trained without out-of-fold "
                                 "validation)").format(model=model_name, targets=", ".join(no_sigma)))
    all_nodata_check(src, bands)
    wanted = [t for t in predictor.targets if outputs.get(t)]
    if not wanted and not (mgnumber_path or domain_path or uncertainty_path):
        raise LunarInputError(tr("no output requested"))
    specs = [(outputs[t], [(f"{t} ({UNITS.get(t, '')}) - 1D CNN", UNITS.get(t, ""))]) for t in wanted]
    if mgnumber_path:
        specs.append((mgnumber_path, [("Mg# (molar Mg/(Mg+Fe)) - 1D CNN", "")]))
    if domain_path:
        specs.append((domain_path, [("inside the training sites' spectral domain (1 yes, 0 no)", "")],
                      gdal.GDT_Byte, DOMAIN_NODATA))
    if uncertainty_path:
        specs.append((uncertainty_path, [(f"{t} 1-sigma (wt%) - 1D CNN", "wt%") for t in predictor.targets]))
    blocks = CnnBlocks(os.path.abspath(model_path), names, wanted, mgnumber_path, domain_path, uncertainty_path,
                       reflectance_scale, device, None if on_cluster else predictor, None if on_cluster else checks,
                       engine)
    tally = blocks.tally

    def summary():
        items = {}   # on a cluster, map_blocks has added every chunk's counts into the tally
        for t, (below, above) in tally["clipped"].items():
            low, high = trust.bounds_of(t)
            items[f"LUNAR_{t.upper()}_CLIPPED"] = f"{below} below {low:g}, {above} above {high:g} wt%"
            if below or above:
                trust.warn(feedback, tr("{oxide}: {below} pixels predicted below {low:g} wt% set to {low:g}, {above} "
                                        "above {high:g} wt% set to {high:g} (of {valid} valid pixels)").format(
                    oxide=t, below=below, low=low, above=above, high=high, valid=tally["valid"]))
            else:
                feedback.pushInfo(tr("{oxide}: no pixel outside {low:g}-{high:g} wt%").format(oxide=t, low=low,
                                                                                              high=high))
        items["LUNAR_VALID_PIXELS"] = tally["valid"]
        if checks.domain is not None:
            items.update(trust.domain_summary(feedback, tally, checks.domain, tr("the training sites' spectral domain"),
                                              tr("the log reflectance"), tr("the model extrapolates there")))
        return [items] * len(specs)

    feedback = ensure(feedback)
    # 1 M-pixel blocks: the network's activations, not the raster, set the peak memory (bench_oxide_maps.py);
    # computed in strips of STEP_PIXELS, so that progress and Cancel come about every second
    paths = map_blocks([(src, bands)], specs, blocks, feedback, max_pixels=1 << 20, scheduler=scheduler,
                       metadata=summary, step_pixels=STEP_PIXELS)
    keys = wanted + (["Mg#"] if mgnumber_path else []) + (["domain"] if domain_path else []) + \
        (["uncertainty"] if uncertainty_path else [])
    return dict(zip(keys, paths))
