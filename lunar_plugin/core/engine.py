"""Which engine runs the neural networks (the ENGINE parameter), and the ONNX side of every model.

Inference runs in ONNX Runtime (a 24 MB install) or in PyTorch (0.9 GB; needed to train and fine-tune):

* ``resolve(spec)``: 'auto' is ONNX Runtime when it can be imported, else torch; 'onnxruntime' or 'torch' force one.
* Every model file ``NAME.pt`` may have ``NAME.onnx`` beside it, written by ``export`` (from the training scripts and
  algorithms): the network as an ONNX graph, plus, in the ONNX file's metadata, the bundle without its weights
  (format tag, card, configuration, names, normalisation) and the SHA-256 of the .pt it was exported from. So
  ONNX Runtime needs neither torch nor the .pt's pickle: ``open_onnx`` reads the file as data (onnxruntime parses
  the graph; nothing in it can run Python) and refuses one whose inputs and outputs do not match its card.
* A .pt without an up-to-date .onnx beside it is exported on the fly into a cache folder (needs torch and the
  ``onnx`` package); where that is impossible, 'auto' runs the .pt with torch (``choose``).
* ``OnnxModel``: one InferenceSession, made on first use with the DEVICE's execution provider and a deliberate
  number of threads, and re-made after pickling (Dask workers get the model's bytes, never a session).

Neither torch nor onnxruntime is imported at module level: the plugin loads without both.
"""
import hashlib
import importlib.util
import json
import os
import tempfile

from .errors import LunarInputError
from .messages import tr

#: ENGINE values, in the order of the algorithms' enum parameter.
ENGINES = ["auto", "onnxruntime", "torch"]
#: ONNX opset of the exported models (the legacy TorchScript exporter, measured with torch 2.13 and ORT 1.31).
OPSET = 17
#: Metadata keys of a Lunar Lab ONNX file: the bundle without weights (JSON), the SHA-256 of the .pt it came from.
META_KEY = "lunar_lab"
SOURCE_KEY = "lunar_lab_source_sha256"
#: Bumped when the exported graphs change, so that cached on-the-fly exports are made again.
EXPORT_VERSION = 1


def available(module):
    """Whether ``import module`` would find a package, without importing it."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):   # a broken entry in sys.modules
        return False


def can_export():
    """torch.onnx.export (the legacy exporter) needs torch and the ``onnx`` package."""
    return available("torch") and available("onnx")


def import_error(module):
    """None when ``module`` imports, else why not (an installed but broken package -- say, built for another NumPy
    -- is found by find_spec but fails here). Imports it: call at run time, never at start-up."""
    try:
        importlib.import_module(module)
    except Exception as err:  # noqa: BLE001 -- ImportError, OSError of a shared library, ...
        return f"{type(err).__name__}: {str(err).splitlines()[0][:160] if str(err) else ''}"
    return None


def resolve(spec="auto", device="auto"):
    """'onnxruntime' or 'torch' for an ENGINE value (name or enum index): 'auto' is ONNX Runtime when it imports,
    else torch -- and torch when DEVICE asks for CUDA that this ONNX Runtime cannot give (no onnxruntime-gpu) but
    torch is installed; a clear error when neither imports or a forced one does not."""
    if isinstance(spec, int):
        spec = ENGINES[spec]
    spec = str(spec or "auto").strip().lower()
    if spec not in ENGINES:
        raise LunarInputError(tr("ENGINE: '{spec}' is none of {engines}").format(spec=spec, engines=", ".join(ENGINES)))
    if spec == "auto":
        why = import_error("onnxruntime") if available("onnxruntime") else tr("not installed")
        if why is None:
            wants_gpu = str(device or "auto").strip().lower().startswith("cuda")
            if wants_gpu and available("torch") and "CUDAExecutionProvider" not in _ort_providers():
                return "torch"
            return "onnxruntime"
        if available("torch"):
            return "torch"
        raise LunarInputError(tr("ENGINE: ONNX Runtime cannot be imported ({why}) and PyTorch is not installed; "
                                 "install ONNX Runtime (Lunar Lab > Install ONNX Runtime…) to run the "
                                 "networks").format(why=why))
    why = import_error(spec) if available(spec) else tr("not installed")
    if why is not None:
        raise LunarInputError(tr("ENGINE: '{spec}' was asked for, but it cannot be imported here ({why})").format(
            spec=spec, why=why))
    return spec


def _ort_providers():
    import onnxruntime
    return onnxruntime.get_available_providers()


def onnx_beside(path):
    """``NAME.onnx`` beside ``NAME.pt``."""
    return os.path.splitext(os.fspath(path))[0] + ".onnx"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_folder():
    """Where on-the-fly exports go: $LUNAR_ONNX_CACHE, else the user's own cache folder (not a shared temporary
    one, where another user could leave a file under the expected name): $XDG_CACHE_HOME or ~/.cache (Windows:
    %LOCALAPPDATA%), then lunar_lab/onnx."""
    if os.environ.get("LUNAR_ONNX_CACHE"):
        return os.environ["LUNAR_ONNX_CACHE"]
    base = os.environ.get("LOCALAPPDATA") if os.name == "nt" else os.environ.get("XDG_CACHE_HOME")
    base = base or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        base = tempfile.gettempdir()
    return os.path.join(base, "lunar_lab", "onnx")


# ------------------------------------------------------------------------------------------------ writing
def _varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number, payload):
    """A length-delimited protobuf field."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def metadata_bytes(entries):
    """ModelProto.metadata_props (field 14) entries {key: value}, serialised: appended to a serialised ModelProto
    they add to its metadata (protobuf merges repeated fields), so the ``onnx`` package is not needed for it."""
    return b"".join(_field(14, _field(1, k.encode()) + _field(2, str(v).encode())) for k, v in entries.items())


def export(module, example_inputs, path, input_names, output_names, dynamic_axes, description, source=None):
    """Write ``module`` (torch, eval mode) as ONNX to ``path`` atomically with ``description`` (the bundle without
    weights, JSON-able) and the SHA-256 of ``source`` (the .pt) in its metadata. Needs torch and onnx."""
    import io
    import warnings

    import torch
    from .model_files import write_atomic
    if not available("onnx"):
        raise LunarInputError(tr("writing an ONNX model needs the 'onnx' package beside PyTorch "
                                 "(pip install onnx); the .pt can still run with ENGINE=torch"))
    buffer = io.BytesIO()
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")   # the legacy exporter's deprecation and tracer warnings
        torch.onnx.export(module, tuple(example_inputs), buffer, input_names=list(input_names),
                          output_names=list(output_names), dynamic_axes=dynamic_axes, opset_version=OPSET,
                          do_constant_folding=True, dynamo=False)
    entries = {META_KEY: json.dumps(description, sort_keys=True), "lunar_lab_export_version": EXPORT_VERSION}
    if source is not None:
        entries[SOURCE_KEY] = sha256(source)
    data = buffer.getvalue() + metadata_bytes(entries)

    def write(tmp):
        with open(tmp, "wb") as fh:
            fh.write(data)
    write_atomic(path, write)
    return os.fspath(path)


# ------------------------------------------------------------------------------------------------ running
def usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def providers(device="auto"):
    """onnxruntime execution providers for a DEVICE value: 'cuda' needs onnxruntime-gpu's CUDA provider; 'auto' takes
    it when present."""
    import onnxruntime as ort
    spec = str(device or "auto").strip().lower()
    have = ort.get_available_providers()
    if spec.startswith("cuda"):
        if "CUDAExecutionProvider" not in have:
            raise LunarInputError(tr("DEVICE: '{spec}' was asked for, but onnxruntime {version} has no CUDA provider "
                                     "here (install onnxruntime-gpu, or use ENGINE=torch); use auto or cpu").format(
                spec=spec, version=ort.__version__))
        index = int(spec.split(":")[1]) if ":" in spec else 0
        return [("CUDAExecutionProvider", {"device_id": index}), "CPUExecutionProvider"]
    if spec == "auto" and "CUDAExecutionProvider" in have:
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    if spec not in ("auto", "cpu"):
        raise LunarInputError(tr("DEVICE: '{spec}' is none of auto, cpu, cuda").format(spec=spec))
    return ["CPUExecutionProvider"]


class OnnxModel:
    """An ONNX network held as bytes (what Dask ships to workers), its session made on first use.

    ``threads``: intra-op threads of the session (default: the cores this process may use; inter-op 1, the graphs
    are sequential)."""

    def __init__(self, data, name, device="auto", threads=None):
        self.data, self.name, self.device, self.threads = data, name, device, threads
        self._session = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_session"] = None
        return state

    def with_device(self, device, threads=None):
        """The same network for another DEVICE (a new session)."""
        return OnnxModel(self.data, self.name, device, threads if threads is not None else self.threads)

    @property
    def session(self):
        if self._session is None:
            import onnxruntime as ort
            options = ort.SessionOptions()
            options.intra_op_num_threads = int(self.threads or usable_cores())
            options.inter_op_num_threads = 1
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            try:
                self._session = ort.InferenceSession(self.data, sess_options=options,
                                                     providers=providers(self.device))
            except LunarInputError:
                raise
            except Exception as err:  # noqa: BLE001 -- onnxruntime's own errors (InvalidProtobuf, Fail, ...)
                raise LunarInputError(tr("{model} cannot be read as an ONNX model ({error})").format(
                    model=self.name, error=str(err).splitlines()[0][:160])) from None
        return self._session

    def metadata(self):
        return dict(self.session.get_modelmeta().custom_metadata_map)

    def signature(self):
        """({input name: shape}, {output name: shape}), symbolic dimensions as strings."""
        s = self.session
        return ({i.name: list(i.shape) for i in s.get_inputs()}, {o.name: list(o.shape) for o in s.get_outputs()})

    def run(self, feeds):
        return self.session.run(None, feeds)


def check_signature(model, inputs, outputs, what):
    """Refuse a model whose inputs/outputs differ from ``inputs``/``outputs`` ({name: shape}, None for a free
    dimension) -- the shapes its card gives. ``what`` names the parameter and file."""
    have_in, have_out = model.signature()
    for kinds, kind, want, have in ((tr("inputs"), tr("input"), inputs, have_in),
                                    (tr("outputs"), tr("output"), outputs, have_out)):
        if list(have) != list(want):
            raise LunarInputError(tr("{what}: the ONNX model's {kinds} are {have}; its card says {want}").format(
                what=what, kinds=kinds, have=_shapes(have), want=_shapes(want)))
        for name, shape in want.items():
            got = have[name]
            fits = len(got) == len(shape) and all(w is None or g == w for g, w in zip(got, shape))
            if not fits:
                raise LunarInputError(tr("{what}: the ONNX model's {kind} '{name}' is shaped {have}; its card says "
                                         "{want}").format(what=what, kind=kind, name=name, have=_shape(got),
                                                          want=_shape(shape)))


def _shape(shape):
    return "(" + ", ".join("?" if d is None or isinstance(d, str) else str(d) for d in shape) + ")"


def _shapes(named):
    return ", ".join(f"{k} {_shape(v)}" for k, v in named.items()) or tr("none")


def read_onnx(path, role="MODEL", device="auto", threads=None):
    """(OnnxModel, description dict) of a Lunar Lab ONNX file, read as data."""
    path = os.fspath(path)
    what = f"{role}: '{path}'"
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise LunarInputError(tr("{what} cannot be read ({error})").format(
            what=what, error=err.strerror or err)) from None
    model = OnnxModel(data, f"{role}: '{path}'", device, threads)
    meta = model.metadata()
    try:
        description = json.loads(meta[META_KEY])
        if not isinstance(description, dict):
            raise ValueError("not an object")
    except (KeyError, ValueError) as err:
        raise LunarInputError(tr("{what} is not a Lunar Lab ONNX model (its metadata lacks the model card: "
                                 "{error})").format(what=what, error=err)) from None
    return model, description, meta.get(SOURCE_KEY)


def onnx_for(pt_path, exporter, role="MODEL", device="auto", threads=None):
    """(OnnxModel, description) that run the model ``pt_path``: the .onnx beside it when it was exported from this
    very .pt (same SHA-256), else one exported into the cache folder with ``exporter(pt_path, onnx_path)``; None
    when neither is possible (no up-to-date .onnx and no torch + onnx to export one). A path ending in .onnx is
    read as it is."""
    pt_path = os.fspath(pt_path)
    if pt_path.lower().endswith(".onnx"):
        model, description, _ = read_onnx(pt_path, role, device, threads)
        return model, description
    if not os.path.isfile(pt_path):
        raise LunarInputError(tr("{role}: model file '{path}' does not exist").format(role=role, path=pt_path))
    digest = sha256(pt_path)
    beside = onnx_beside(pt_path)
    if os.path.isfile(beside):
        model, description, source = read_onnx(beside, role, device, threads)
        if source == digest:
            return model, description
    cached = os.path.join(cache_folder(), f"{digest[:40]}-v{EXPORT_VERSION}.onnx")
    if os.path.isfile(cached):
        try:
            model, description, source = read_onnx(cached, role, device, threads)
        except LunarInputError:   # a cached file cut short: export it again
            source = None
        if source == digest:
            return model, description
    if not can_export():
        return None
    try:
        exporter(pt_path, cached)
    except LunarInputError as err:   # a broken .pt: say which parameter gave it
        raise LunarInputError(tr("{role}: {error}").format(role=role, error=err)) from None
    model, description, _ = read_onnx(cached, role, device, threads)
    return model, description


def choose(spec, pt_path, exporter, role="MODEL", device="auto", threads=None):
    """(engine, (OnnxModel, description) or None): the ENGINE resolved for this model file. 'auto' runs torch when
    the model has no usable .onnx and none can be exported here; 'onnxruntime' then says why it cannot."""
    engine = resolve(spec, device)
    if engine == "torch":
        return engine, None
    found = onnx_for(pt_path, exporter, role, device, threads)
    if found is not None:
        return engine, found
    asked = str(ENGINES[spec] if isinstance(spec, int) else spec or "auto").strip().lower()
    if asked == "auto" and available("torch"):
        return "torch", None
    raise LunarInputError(tr("{role}: '{path}' has no up-to-date ONNX model beside it ('{onnx}') and none can be "
                             "exported here (that needs PyTorch and the onnx package): export it where PyTorch is "
                             "installed, or run it with ENGINE=torch").format(
        role=role, path=pt_path, onnx=onnx_beside(pt_path)))


def load(path, spec, exporter, fmt, signature, role="MODEL", device="auto", threads=None):
    """(engine, description, OnnxModel): the model file ``path`` for ENGINE ``spec``. With ONNX Runtime the
    description is the bundle without weights read from the ONNX file, checked to carry the format tag ``fmt`` and
    the inputs/outputs ``signature(description)`` gives ({name: shape}, {name: shape}); with torch (description,
    model) are None and the caller loads the .pt."""
    engine, found = choose(spec, path, exporter, role, device, threads)
    if found is None:
        return engine, None, None
    model, description = found
    if description.get("format") != fmt:
        raise LunarInputError(tr("{model} is not a {format} model (format tag {tag!r})").format(
            model=model.name, format=fmt, tag=description.get("format")))
    check_signature(model, *signature(description), model.name)
    return engine, description, model


__all__ = ["load", "ENGINES", "OPSET", "available", "can_export", "resolve", "onnx_beside", "export", "OnnxModel",
           "check_signature", "read_onnx", "onnx_for", "choose", "providers", "usable_cores"]
