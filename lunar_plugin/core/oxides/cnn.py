"""1D-CNN oxide models: network builders, feature presets, model bundles and a fast batched predictor.

Architectures (``build_network(architecture, n_features)``):

* 0 — Qiu et al. 2025: Conv1D 32 k2 ReLU, Conv1D 32 k2 (linear, Keras default), MaxPool 2,
  Flatten, Dense 64 ReLU, linear output; L2 0.001 on every conv/dense kernel; Adam lr 0.01, batch 50,
  at most 400 epochs, early stop on the training loss (patience 30, best weights restored).
* 1 — Zhang et al. 2023: Conv1D 16 k2 ReLU, Conv1D 16 k2 ReLU, MaxPool 2, Conv1D 128 k2 ReLU,
  Conv1D 128 k2 ReLU, (the paper's "64 maps of 1x1" read as) Dense 64 ReLU, linear output; Adam lr 0.001,
  batch 10, 500 epochs. A conv whose input is shorter than its kernel uses kernel 1 (short feature vectors).
* 2 — Lunar Lab: the Qiu et al. 2025 layout with both convolutions ReLU, narrower (16 filters, Dense 32), inputs
  including the physically motivated theta_Fe/theta_Ti/OMAT, trained as a 5-member seed ensemble per oxide
  (the members' mean is the prediction).

Importing this module does not import torch: the functions that need it import it themselves.
"""
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np

from ..errors import LunarInputError
from ..messages import tr
from . import equations

# --------------------------------------------------------------------------------------------- features

#: Features computed from reflectance bands (never read from a table column the raster would not have), with the
#: constants of an equation preset.
DERIVED_FEATURES = {
    # name: (wavelengths of the bands it needs, function of the constants and those bands)
    "OMAT": ((750, 950), lambda c, r750, r950: equations.omat(r750, r950, c)),
    "theta_Fe": ((750, 950), lambda c, r750, r950: equations.theta_fe(r750, r950, c)),
    "theta_Ti": ((415, 750), lambda c, r415, r750: equations.theta_ti(r415, r750, c, signed=True)),
}
#: The equation preset of the derived features of the models trained here; every model card records its own
#: (``equation_preset``), and predictions use the recorded one.
FEATURE_EQUATION_PRESET = "qiu2025"
#: Band wavelengths must lie within this many nm of the wavelength a derived feature asks for.
WAVELENGTH_TOLERANCE_NM = 15.0


@dataclass(frozen=True)
class FeaturePreset:
    """Raw reflectance bands (name, wavelength nm) and the model input features built from them."""
    name: str
    bands: tuple
    features: tuple

    @property
    def band_names(self):
        return [b for b, _ in self.bands]

    @property
    def wavelengths(self):
        return [float(w) for _, w in self.bands]


CLEMENTINE_BANDS = (("R415", 415.0), ("R750", 750.0), ("R900", 900.0), ("R950", 950.0), ("R1000", 1000.0))
KAGUYA_MI_BANDS = (("414nm", 414.0), ("749nm", 749.0), ("901nm", 901.0), ("950nm", 950.0), ("1001nm", 1001.0),
                   ("1049nm", 1049.0), ("1248nm", 1248.0), ("1548nm", 1548.0))

#: Qiu et al. 2025's input vector (length 6): five UVVIS bands + OMAT.
CLEMENTINE = FeaturePreset("clementine", CLEMENTINE_BANDS, tuple(b for b, _ in CLEMENTINE_BANDS) + ("OMAT",))
#: Qiu et al. 2025's inputs plus theta_Fe and theta_Ti (architecture 2).
CLEMENTINE_PLUS = FeaturePreset("clementine+theta", CLEMENTINE_BANDS, CLEMENTINE.features + ("theta_Fe", "theta_Ti"))
#: Zhang et al. 2023's input vector: the eight MI bands.
KAGUYA_MI = FeaturePreset("kaguya_mi", KAGUYA_MI_BANDS, tuple(b for b, _ in KAGUYA_MI_BANDS))
KAGUYA_MI_PLUS = FeaturePreset("kaguya_mi+theta", KAGUYA_MI_BANDS,
                               KAGUYA_MI.features + ("OMAT", "theta_Fe", "theta_Ti"))
PRESETS = {p.name: p for p in (CLEMENTINE, CLEMENTINE_PLUS, KAGUYA_MI, KAGUYA_MI_PLUS)}


def wavelength_of(name):
    """Wavelength in nm read from a band name such as 'R750' or '749nm' (None when there is none)."""
    m = re.search(r"(\d{3,4}(?:\.\d+)?)", str(name))
    return float(m.group(1)) if m else None


def resolve_features(feature_fields, available=None):
    """(band_names, wavelengths, feature_names) for a preset or a list of feature names.

    A list may mix raw band names (the table/raster bands) and derived names (OMAT, theta_Fe, theta_Ti); the
    bands a derived feature needs are found by wavelength among the raw bands listed, then among ``available``.
    """
    if isinstance(feature_fields, FeaturePreset):
        return feature_fields.band_names, feature_fields.wavelengths, list(feature_fields.features)
    if isinstance(feature_fields, str):
        if feature_fields in PRESETS:
            return resolve_features(PRESETS[feature_fields], available)
        feature_fields = [f.strip() for f in feature_fields.split(",") if f.strip()]
    features = [str(f) for f in feature_fields]
    if not features:
        raise LunarInputError(tr("feature fields: at least one feature is needed"))
    if len(set(features)) != len(features):
        raise LunarInputError(tr("feature fields: duplicated names in {features}").format(features=features))
    bands = [f for f in features if f not in DERIVED_FEATURES]
    for f in features:
        if f in DERIVED_FEATURES:
            for wl in DERIVED_FEATURES[f][0]:
                if _find_band(bands, wl) is None:
                    extra = _find_band([a for a in (available or []) if a not in DERIVED_FEATURES], wl)
                    if extra is None:
                        raise LunarInputError(tr("feature '{feature}' needs a reflectance band near {wavelength} nm; "
                                                 "none among {bands}").format(
                            feature=f, wavelength=wl, bands=bands + list(available or [])))
                    bands.append(extra)
    wavelengths = []
    for b in bands:
        wl = wavelength_of(b)
        wavelengths.append(float("nan") if wl is None else wl)
    return bands, wavelengths, features


def uses_equations(feature_names):
    """Whether any of the features is derived with an equation preset's constants."""
    return any(f in DERIVED_FEATURES for f in feature_names)


def _find_band(names, wavelength):
    best, dist = None, WAVELENGTH_TOLERANCE_NM + 1e-9
    for n in names:
        wl = wavelength_of(n)
        if wl is not None and abs(wl - wavelength) <= dist:
            best, dist = n, abs(wl - wavelength)
    return best


def features_from_bands(band_arrays, bundle_or_features, equation_preset=FEATURE_EQUATION_PRESET):
    """Model input matrix (n, n_features) float32 from raw reflectance arrays ``{band name: ndarray}``.

    ``bundle_or_features`` is a ModelBundle, Predictor, OnnxPredictor, FeaturePreset or list of feature names. Derived features
    use the constants of a model's recorded equation preset, else of ``equation_preset``. Arrays are flattened
    (any shape, all the same size). NaN in a band gives NaN in every feature using it.
    """
    if isinstance(bundle_or_features, (ModelBundle, Predictor, OnnxPredictor)):
        bands, features = bundle_or_features.band_names, bundle_or_features.feature_names
        equation_preset = bundle_or_features.equation_preset
    else:
        bands, _, features = resolve_features(bundle_or_features, list(band_arrays))
    constants = equations.preset(equation_preset) if uses_equations(features) else None
    arrays, size = {}, None
    for b in bands:
        if b not in band_arrays:
            raise LunarInputError(tr("band '{band}' is missing (the model needs bands {bands})").format(
                band=b, bands=list(bands)))
        a = np.asarray(band_arrays[b], dtype=np.float64).reshape(-1)
        if size is not None and a.size != size:
            raise LunarInputError(tr("band '{band}' has {count} values, the other bands {size}").format(
                band=b, count=a.size, size=size))
        size = a.size
        arrays[b] = a
    out = np.empty((size or 0, len(features)), dtype=np.float32)
    for j, f in enumerate(features):
        if f in DERIVED_FEATURES:
            wls, fn = DERIVED_FEATURES[f]
            args = [arrays[_find_band(bands, wl)] for wl in wls]
            with np.errstate(all="ignore"):
                out[:, j] = fn(constants, *args)
        else:
            out[:, j] = arrays[f]
    return out


# --------------------------------------------------------------------------------------------- networks

@dataclass(frozen=True)
class ArchSpec:
    """Layer list and training settings of one architecture."""
    layers: tuple       # ('conv', channels, kernel, relu) | ('pool', 2) | ('dense', units, relu)
    lr: float
    epochs: int
    batch: int
    l2: float
    patience: int       # 0: no early stopping
    ensemble: int = 1
    description: str = ""


ARCHITECTURES = {
    0: ArchSpec((("conv", 32, 2, True), ("conv", 32, 2, False), ("pool", 2), ("dense", 64, True)),
                lr=0.01, epochs=400, batch=50, l2=0.001, patience=30, ensemble=1,
                description="Qiu et al. 2025: Conv1D32k2 ReLU, Conv1D32k2, MaxPool2, Dense64 ReLU, L2 1e-3"),
    1: ArchSpec((("conv", 16, 2, True), ("conv", 16, 2, True), ("pool", 2), ("conv", 128, 2, True),
                 ("conv", 128, 2, True), ("dense", 64, True)),
                lr=0.001, epochs=500, batch=10, l2=0.0, patience=0, ensemble=1,
                description="Zhang et al. 2023: Conv16k2, Conv16k2, MaxPool2, Conv128k2, Conv128k2, Dense64"),
    2: ArchSpec((("conv", 16, 2, True), ("conv", 16, 2, True), ("pool", 2), ("dense", 32, True)),
                lr=0.01, epochs=400, batch=50, l2=0.001, patience=30, ensemble=5,
                description="Lunar Lab: Conv1D16k2 ReLU x2, MaxPool2, Dense32 ReLU, L2 1e-3, 5-seed ensemble"),
}


def arch_spec(architecture):
    try:
        return ARCHITECTURES[int(architecture)]
    except (KeyError, ValueError, TypeError):
        raise LunarInputError(tr("architecture: expected one of {known}, got {architecture!r}").format(
            known=sorted(ARCHITECTURES), architecture=architecture)) from None


@dataclass(frozen=True)
class Layer:
    """One layer of a network at the sizes it sees: the forward-pass description that the torch network
    (``build_network``), the training pass (``batched_forward``) and the fast ``Predictor`` are all built from.

    conv: valid 1D convolution (in_shape (C, L) -> out_shape (C', L - size + 1)); pool: max over ``size``
    positions (L -> L // size; size 1 passes through); dense: fully connected (in_shape (n,) -> out_shape (m,)),
    ``flatten`` first when the input is still (C, L), channel-major (index c * L + l) as torch's Flatten.
    ``key``: the state-dict prefix of the weights (``key.weight``, ``key.bias``), the index of the layer's module
    in ``build_network``'s Sequential ("body.N"), which the model files keep.
    """
    kind: str
    in_shape: tuple
    out_shape: tuple
    size: int = 1
    relu: bool = False
    flatten: bool = False
    key: str = None

    @property
    def weight_shape(self):
        if self.kind == "conv":
            return (self.out_shape[0], self.in_shape[0], self.size)
        return (self.out_shape[0], int(np.prod(self.in_shape)))

    @property
    def bias_shape(self):
        return (self.out_shape[0],)


def layer_plan(architecture, n_features):
    """The list of Layer of an architecture for ``n_features`` inputs (one input channel), the output layer
    (dense to 1, linear) last."""
    spec = arch_spec(architecture)
    if n_features < 1:
        raise LunarInputError(tr("features: at least one input feature is needed"))
    plan, shape, module = [], (1, int(n_features)), 0   # module: index in build_network's Sequential

    def add(kind, out_shape, size=1, relu=False, weights=True):
        nonlocal shape, module
        flatten = kind == "dense" and len(shape) == 2
        module += flatten                                # nn.Flatten takes one index
        plan.append(Layer(kind, shape, out_shape, size, relu, flatten, f"body.{module}" if weights else None))
        module += 1 + relu                               # the layer and its nn.ReLU
        shape = out_shape

    for layer in spec.layers:
        if layer[0] == "conv":
            k = min(layer[2], shape[1])   # a conv whose input is shorter than its kernel uses kernel 1
            add("conv", (layer[1], shape[1] - k + 1), k, layer[3])
        elif layer[0] == "pool":
            p = layer[1] if shape[1] >= layer[1] else 1
            add("pool", (shape[0], shape[1] // p), p, weights=False)
        else:
            add("dense", (layer[1],), relu=layer[2])
    add("dense", (1,))
    return plan


def build_network(architecture, n_features):
    """The plain torch network (input (N, n_features) -> output (N, 1)) of an architecture."""
    import torch
    from torch import nn

    mods = []
    for layer in layer_plan(architecture, n_features):
        if layer.flatten:
            mods.append(nn.Flatten())
        if layer.kind == "conv":
            mods.append(nn.Conv1d(layer.in_shape[0], layer.out_shape[0], layer.size))
        elif layer.kind == "pool":
            mods.append(nn.MaxPool1d(layer.size))
        else:
            mods.append(nn.Linear(*reversed(layer.weight_shape)))
        if layer.key is not None and layer.key != f"body.{len(mods) - 1}":
            raise AssertionError(f"layer_plan's key {layer.key} is not module {len(mods) - 1}")
        if layer.relu:
            mods.append(nn.ReLU())

    class OxideCNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(*mods)

        def forward(self, x):
            return self.body(x.unsqueeze(1))

    torch.manual_seed(0)
    return OxideCNN()


# --------------------------------------------------------------------------------------------- bundle

@dataclass
class ModelBundle:
    """Everything a prediction needs: features, bands, normalisation and per-target ensembles of weights.

    ``members[target]`` is a list of state dicts (name -> float32 numpy array) of ``build_network``.
    ``equation_preset``: the key (``equations.PRESETS``) of the constants its derived features (OMAT, theta_Fe,
    theta_Ti) were computed with; None for a model without them.
    """
    architecture: int
    feature_names: list
    band_names: list
    wavelengths: list
    targets: list
    x_mean: dict        # target -> (n_features,) z-score of the inputs, fitted on that target's training sites
    x_std: dict
    y_mean: dict
    y_std: dict
    members: dict
    card: dict = field(default_factory=dict)
    equation_preset: str = None

    def __post_init__(self):
        if uses_equations(self.feature_names):
            if self.equation_preset is None:
                raise LunarInputError(tr("features {features}: derived features need an equation preset "
                                         "(one of {presets})").format(
                    features=self.feature_names, presets=", ".join(equations.PRESETS)))
            equations.preset(self.equation_preset)

    @property
    def n_features(self):
        return len(self.feature_names)

    def network(self, target, member=0):
        """A plain torch network loaded with one member's weights (for checks and the reference path)."""
        import torch
        net = build_network(self.architecture, self.n_features)
        net.load_state_dict({k: torch.as_tensor(np.asarray(v, dtype=np.float32))
                             for k, v in self.members[target][member].items()})
        net.eval()
        return net

    def predict_reference(self, X, batch=1 << 16):
        """Prediction with the plain per-oxide torch Conv1d networks (slow; the baseline Predictor must match)."""
        import torch
        X = np.asarray(X, dtype=np.float32)
        out = np.empty((X.shape[0], len(self.targets)), dtype=np.float32)
        with torch.no_grad():
            for j, t in enumerate(self.targets):
                xs = ((X - np.asarray(self.x_mean[t], np.float32)) / np.asarray(self.x_std[t], np.float32))
                xs = xs.astype(np.float32)
                nets = [self.network(t, m) for m in range(len(self.members[t]))]
                for s in range(0, X.shape[0], batch):
                    xb = torch.from_numpy(np.ascontiguousarray(xs[s:s + batch]))
                    acc = sum(net(xb)[:, 0] for net in nets) / len(nets)
                    out[s:s + batch, j] = acc.numpy() * self.y_std[t] + self.y_mean[t]
        out[~np.isfinite(X).all(axis=1)] = np.nan
        return out


# --------------------------------------------------------------------------------------------- predictor

class Predictor:
    """Fast inference of a ModelBundle for every target at once (ensemble members included).

    Each network is compiled once into float32 GEMMs on per-position activations (a list of (n, C) blocks):
    the first convolution (one input channel: the feature vector) is folded into one dense matrix; every later
    convolution runs as one small GEMM per kernel tap and output position (the real conv cost, no zero-padded
    Toeplitz matrix); MaxPool 2 is an elementwise maximum of two blocks; the first dense layer takes one GEMM
    per position (torch's channel-major Flatten reordered); the input z-score is folded into the first matrix
    and the output de-normalisation and ensemble mean into the last one. Pixels go through in cache-sized chunks.

    ``predict(X)`` takes raw (un-normalised) features float32 (n, n_features) and returns float32
    (n, n_targets) in wt%; a pixel with NaN/inf in any feature gives NaN for every target.
    """

    #: Pixels per batch on a GPU (the CPU's cache-sized chunks would leave it idle).
    GPU_CHUNK = 1 << 18

    def __init__(self, bundle, chunk=1024, device="cpu"):
        import torch
        self.device = torch.device(device)

        def _tensors(v):
            if isinstance(v, np.ndarray):
                return torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)).to(self.device)
            if isinstance(v, list):
                return [_tensors(a) for a in v]
            return v
        self.engine = "torch"
        self.card = dict(bundle.card)
        self.feature_names = list(bundle.feature_names)
        self.band_names = list(bundle.band_names)
        self.wavelengths = list(bundle.wavelengths)
        self.targets = list(bundle.targets)
        self.equation_preset = bundle.equation_preset
        self.chunk = int(chunk)
        plan = layer_plan(bundle.architecture, bundle.n_features)
        self._models = []  # (target index, ops)
        for j, t in enumerate(self.targets):
            sds = bundle.members[t]
            for sd in sds:
                ops = self._compile(plan, sd, np.asarray(bundle.x_mean[t], np.float64),
                                    np.asarray(bundle.x_std[t], np.float64), bundle.y_std[t] / len(sds))
                self._models.append((j, [tuple(_tensors(v) for v in op) for op in ops]))
        self._offset = np.array([bundle.y_mean[t] for t in self.targets], dtype=np.float32)

    @staticmethod
    def _compile(plan, sd, x_mean, x_std, out_scale):
        """Ops for one network on a list of per-position activations (each (n, C)):
        ('first', W (F, L*C) position-major, b, relu, C) - the first conv (one input channel) folded;
        ('conv', [W_t (Cin, Cout) per tap], b, relu, k, Lout) | ('pool', Lout) |
        ('dense', [W_l (C, out) per input position], b, relu)."""
        ops = []
        for layer in plan:
            if layer.kind == "pool":
                if layer.size == 1:
                    continue
                if layer.size != 2:
                    raise ValueError("only MaxPool 2 is compiled")
                ops.append(["pool", layer.out_shape[1]])
                continue
            w = np.asarray(sd[layer.key + ".weight"], np.float64)
            bias = np.asarray(sd[layer.key + ".bias"], np.float64)
            if layer.kind == "conv":
                (_, lin), (cout, lout), k = layer.in_shape, layer.out_shape, layer.size  # w: (Cout, Cin, k)
                if not ops:  # the feature vector: one channel, fold into one dense matrix
                    W = np.zeros((lin, lout * cout))
                    for q in range(lout):
                        for t in range(k):
                            W[q + t, q * cout:(q + 1) * cout] = w[:, 0, t]
                    ops.append(["first", W, np.tile(bias, lout), layer.relu, cout])
                else:
                    ops.append(["conv", [w[:, :, t].T for t in range(k)], bias, layer.relu, k, lout])
            elif not ops:
                ops.append(["first", w.T, bias, layer.relu, w.shape[0]])
            elif layer.flatten:  # flattened channel-major (c * L + l): one matrix per position l
                C, L = layer.in_shape
                ops.append(["dense", [w.T[[c * L + l for c in range(C)]] for l in range(L)], bias, layer.relu])
            else:
                ops.append(["dense", [w.T], bias, layer.relu])
        # Input z-score into the first op, output de-normalisation (and ensemble mean) into the last.
        W = ops[0][1]
        ops[0][2] = ops[0][2] - (x_mean / x_std) @ W
        ops[0][1] = W / x_std[:, None]
        last = ops[-1]
        last[1] = [m * out_scale for m in last[1]] if isinstance(last[1], list) else last[1] * out_scale
        last[2] = last[2] * out_scale
        return [tuple(op) for op in ops]

    def predict(self, X):
        import torch
        X, bad = checked_features(X, self.feature_names)
        n = X.shape[0]
        out = np.empty((n, len(self.targets)), dtype=np.float32)
        Xt = torch.from_numpy(X)
        ot = torch.from_numpy(out)
        offset = torch.from_numpy(self._offset).to(self.device)
        if self.device.type != "cpu":
            self._predict_chunks(Xt, ot, offset, 0, n, self.GPU_CHUNK)
            out[bad] = np.nan
            return out
        # The GEMMs are tiny: OpenMP start-up and spin-waits inside each op cost more than they gain (on a busy
        # 2-core machine 250x slower: 0.0013 vs 0.32 Mpx/s). So every op runs single-threaded and the cores
        # share out whole chunk ranges instead (torch releases the GIL).
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        workers = max(1, min(threads, os.cpu_count() or 1, n // (4 * self.chunk)))
        try:
            if workers == 1:
                self._predict_chunks(Xt, ot, offset, 0, n)
            else:
                from concurrent.futures import ThreadPoolExecutor
                bounds = np.linspace(0, n // self.chunk, workers + 1).astype(int) * self.chunk
                bounds[-1] = n
                with ThreadPoolExecutor(workers) as pool:
                    list(pool.map(lambda ab: self._predict_chunks(Xt, ot, offset, *ab), zip(bounds[:-1], bounds[1:])))
        finally:
            torch.set_num_threads(threads)
        out[bad] = np.nan
        return out

    def _predict_chunks(self, Xt, ot, offset, start, end, chunk=None):
        import torch
        chunk = chunk or self.chunk
        with torch.no_grad():
            for s in range(start, end, chunk):
                xb = Xt[s:min(s + chunk, end)].to(self.device)
                acc = [None] * len(self.targets)
                for j, ops in self._models:
                    y = run_ops(ops, xb)[:, 0]
                    acc[j] = y if acc[j] is None else acc[j].add_(y)
                ot[s:min(s + chunk, end)] = torch.stack(acc, 1).add_(offset).cpu()

    def predict_bands(self, band_arrays):
        """Prediction from raw reflectance arrays {band name: ndarray}; returns (n, n_targets)."""
        return self.predict(features_from_bands(band_arrays, self))


def ensemble_network(bundle):
    """One torch module for the whole bundle (what ``model_io.export_onnx`` writes as ONNX): raw features
    (N, n_features) -> every target in wt% (N, n_targets), each the mean of its members. It runs ``Predictor``'s
    compiled GEMMs (z-score, de-normalisation and ensemble mean folded in): as an ONNX graph these run 6x faster
    in ONNX Runtime than the same networks' Conv1d layers (bench/bench_oxide_cnn.py)."""
    import torch
    from torch import nn
    compiled = Predictor(bundle)

    class Ensemble(nn.Module):
        def __init__(self):
            super().__init__()
            self.models = compiled._models
            self.register_buffer("offset", torch.from_numpy(compiled._offset.copy()))

        def forward(self, x):
            acc = [None] * len(compiled.targets)
            for j, ops in self.models:
                y = run_ops(ops, x, inplace=False)[:, 0]
                acc[j] = y if acc[j] is None else acc[j] + y
            return torch.stack(acc, 1) + self.offset

    return Ensemble().eval()


def checked_features(X, feature_names):
    """(n, features) float32, C-contiguous, rows with a non-finite feature set to 0, and those rows' mask: what
    both predictors (torch and ONNX Runtime) take; the caller sets the masked rows' predictions to NaN."""
    X = np.asarray(X, dtype=np.float32)
    if X.ndim != 2 or X.shape[1] != len(feature_names):
        raise LunarInputError(tr("features: expected an (n, {count}) array ({features}), got shape {shape}").format(
            count=len(feature_names), features=", ".join(feature_names), shape=X.shape))
    bad = ~np.isfinite(X).all(axis=1)
    if bad.any():
        X = np.where(bad[:, None], np.float32(0), X)
    return np.ascontiguousarray(X), bad


def run_ops(ops, x, inplace=True):
    """The folded network ``ops`` (``Predictor``'s GEMMs) on pixels ``x``: in place for speed, or without in-place
    operations (``inplace=False``) for tracing into ONNX."""
    import torch

    def add_product(o, a, w):
        return o.addmm_(a, w) if inplace else o + a @ w

    def relu(o):
        return o.clamp_(min=0) if inplace else torch.relu(o)
    pos = None
    for op in ops:
        kind = op[0]
        if kind == "first":
            h = torch.addmm(op[2], x, op[1])
            if op[3]:
                h = relu(h)
            c = op[4]
            pos = [h[:, q * c:(q + 1) * c] for q in range(h.shape[1] // c)]
        elif kind == "conv":
            _, Ws, bias, use_relu, k, lout = op
            new = []
            for q in range(lout):
                o = torch.addmm(bias, pos[q], Ws[0])
                for t in range(1, k):
                    o = add_product(o, pos[q + t], Ws[t])
                new.append(relu(o) if use_relu else o)
            pos = new
        elif kind == "pool":
            pos = [torch.maximum(pos[2 * q], pos[2 * q + 1]) for q in range(op[1])]
        else:
            _, Ws, bias, use_relu = op
            o = torch.addmm(bias, pos[0], Ws[0])
            for index in range(1, len(Ws)):
                o = add_product(o, pos[index], Ws[index])
            pos = [relu(o) if use_relu else o]
    return pos[0]


class OnnxPredictor:
    """``Predictor``'s interface over the bundle's ONNX ensemble (``ensemble_network``) in ONNX Runtime: no torch.

    ``description``: the bundle without weights (``model_io.describe``), ``model`` its engine.OnnxModel. As in
    ``Predictor``, the GEMMs are too small to share out inside one op: each session runs single-threaded on
    cache-sized chunks of ``chunk`` pixels and the cores (the model's thread count) take whole ranges of chunks."""

    def __init__(self, description, model, chunk=4096):
        from ..engine import usable_cores
        self.engine = "onnxruntime"
        self.workers = int(model.threads or usable_cores())
        self.model = model.with_device(model.device, threads=1) if model.threads != 1 else model
        self.card = dict(description.get("card") or {})
        self.feature_names = list(description["feature_names"])
        self.band_names = list(description["band_names"])
        self.wavelengths = [float(w) for w in description["wavelengths"]]
        self.targets = list(description["targets"])
        self.equation_preset = description.get("equation_preset")
        self.chunk = int(chunk)

    def predict(self, X):
        X, bad = checked_features(X, self.feature_names)
        n = X.shape[0]
        out = np.empty((n, len(self.targets)), dtype=np.float32)
        session = self.model.session
        on_gpu = session.get_providers()[0] != "CPUExecutionProvider"
        chunk = Predictor.GPU_CHUNK if on_gpu else self.chunk   # a GPU takes big batches, one at a time

        def run(start, end):
            for s in range(start, end, chunk):
                out[s:min(s + chunk, end)] = session.run(None, {"features": X[s:min(s + chunk, end)]})[0]

        workers = 1 if on_gpu else max(1, min(self.workers, n // (4 * chunk)))
        if workers == 1:
            run(0, n)
        else:   # onnxruntime releases the GIL in run
            from concurrent.futures import ThreadPoolExecutor
            bounds = np.linspace(0, n // chunk, workers + 1).astype(int) * chunk
            bounds[-1] = n
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(lambda ab: run(*ab), zip(bounds[:-1], bounds[1:])))
        out[bad] = np.nan
        return out

    def predict_bands(self, band_arrays):
        """Prediction from raw reflectance arrays {band name: ndarray}; returns (n, n_targets)."""
        return self.predict(features_from_bands(band_arrays, self))


# --------------------------------------------------------------------------------------------- batched nets

def weighted_layers(architecture, n_features):
    """The layers of ``layer_plan`` that have weights (conv and dense), in order."""
    return [layer for layer in layer_plan(architecture, n_features) if layer.key is not None]


def init_params(architecture, n_features, seeds):
    """Glorot-uniform kernels and zero biases (the Keras defaults), one model per seed: {name: (M, ...)}."""
    params = {}
    layers = weighted_layers(architecture, n_features)
    for layer in layers:
        params[layer.key + ".weight"] = np.empty((len(seeds),) + layer.weight_shape, dtype=np.float32)
        params[layer.key + ".bias"] = np.zeros((len(seeds),) + layer.bias_shape, dtype=np.float32)
    for m, seed in enumerate(seeds):
        rng = np.random.default_rng(seed)
        for layer in layers:
            wshape = layer.weight_shape
            rf = int(np.prod(wshape[2:])) if len(wshape) > 2 else 1
            fan_in, fan_out = wshape[1] * rf, wshape[0] * rf
            lim = math.sqrt(6.0 / (fan_in + fan_out))
            params[layer.key + ".weight"][m] = rng.uniform(-lim, lim, size=wshape)
    return params


def batched_forward(params, x, architecture, n_features):
    """Forward pass of M models at once (the training pass): params {name: (M, ...)} torch, x (M, N, F) -> (M, N)."""
    import torch
    h = x.unsqueeze(2)  # (M, N, C=1, L)
    for layer in layer_plan(architecture, n_features):
        if layer.kind == "pool":
            if layer.size > 1:
                lo = layer.out_shape[1]
                h = h[..., :lo * layer.size].reshape(h.shape[0], h.shape[1], h.shape[2], lo, layer.size).amax(-1)
            continue
        W, b = params[layer.key + ".weight"], params[layer.key + ".bias"]
        if layer.kind == "conv":
            win = h.unfold(-1, layer.size, 1)  # (M, N, Cin, Lout, k)
            h = torch.einsum("mnclk,mock->mnol", win, W) + b[:, None, :, None]
        else:
            if layer.flatten:
                h = h.reshape(h.shape[0], h.shape[1], -1)  # channel-major, as torch's Flatten
            h = torch.baddbmm(b[:, None, :], h, W.transpose(1, 2))
        if layer.relu:
            h = torch.relu(h)
    return h[..., 0]
