"""ONNX Runtime as the inference engine (core.engine): the shipped .onnx files agree with their .pt in torch, are up
to date, are read as data and refused when they do not match their card; a .pt without its .onnx still runs."""
import os
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import engine
from lunar_lab.lunar_plugin.core.ages import inference
from lunar_lab.lunar_plugin.core.ages import model_io as ages_io
from lunar_lab.lunar_plugin.core.craters import detect
from lunar_lab.lunar_plugin.core.craters import model_io as craters_io
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.oxides import cnn
from lunar_lab.lunar_plugin.core.oxides import model_io as oxides_io
from lunar_lab.lunar_plugin.core.raster import RasterSource

from ..craters import as_rows, same_craters

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
IO = {"crater_detector": craters_io, "crater_detector_nac": craters_io, "crater_ages": ages_io,
      "oxide_clementine": oxides_io, "oxide_kaguya_mi_tio2": oxides_io}


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LUNAR_ONNX_CACHE", str(tmp_path / "onnx_cache"))


@pytest.mark.parametrize("name", sorted(IO))
def test_every_shipped_model_has_an_up_to_date_onnx_beside_it(name):
    """Each shipped .pt has its .onnx, exported from that very file (its SHA-256 is in the .onnx's metadata):
    retraining a model without exporting it again fails here."""
    pt = MODELS / f"{name}.pt"
    model, description, source = engine.read_onnx(engine.onnx_beside(pt), "MODEL", "cpu")
    assert source == engine.sha256(pt)
    assert description["format"] == IO[name].FORMAT
    card = (MODELS / f"{name}.json").read_text(encoding="utf-8")
    import json
    if IO[name] is craters_io:   # the detectors' JSON card is their bundle's card
        assert description["card"] == json.loads(card)


def detector_outputs(name):
    torch = pytest.importorskip("torch")
    bundle = craters_io.load(MODELS / f"{name}.pt")
    x = np.random.default_rng(1).standard_normal((1, 1, 224, 288)).astype(np.float32)
    with torch.no_grad():
        ref = craters_io.network(bundle)(torch.from_numpy(x)).numpy()   # not fused: the network as trained
    onnx = craters_io.load_for(MODELS / f"{name}.pt", "onnxruntime", "cpu")["onnx"]
    return onnx.run({"tile": x})[0], ref


def ages_outputs(name):
    torch = pytest.importorskip("torch")
    from lunar_lab.lunar_plugin.core.ages import network
    bundle = ages_io.load(MODELS / f"{name}.pt")
    rng = np.random.default_rng(2)
    chips = rng.standard_normal((300, bundle["config"]["n_channels"], bundle["chip_px"], bundle["chip_px"]))
    attrs = rng.standard_normal((300, bundle["config"]["n_attributes"]))
    chips, attrs = chips.astype(np.float32), attrs.astype(np.float32)
    with torch.no_grad():
        ref = network.predict_logits(ages_io.network(bundle), torch.from_numpy(chips), torch.from_numpy(attrs)).numpy()
    onnx = ages_io.load_for(MODELS / f"{name}.pt", "onnxruntime", "cpu")["onnx"]
    return onnx.run({"chips": chips, "attributes": attrs})[0], ref


def oxide_outputs(name):
    pytest.importorskip("torch")
    bundle = oxides_io.load_model(MODELS / f"{name}.pt")
    rng = np.random.default_rng(3)
    r750 = rng.uniform(0.05, 0.3, 20000)
    bands = {b: r750 * rng.uniform(0.6, 1.2, r750.size) for b in bundle.band_names}
    bands["R750"] = r750
    X = cnn.features_from_bands(bands, bundle)
    ref = bundle.predict_reference(X)   # the plain per-oxide torch Conv1d networks
    onnx = oxides_io.predictor_for(MODELS / f"{name}.pt", "onnxruntime", "cpu")
    assert onnx.engine == "onnxruntime"
    return onnx.predict(X), ref


@pytest.mark.parametrize("name", sorted(IO))
def test_onnx_runtime_agrees_with_torch_within_1e_4_on_every_output(name):
    outputs = {craters_io: detector_outputs, ages_io: ages_outputs, oxides_io: oxide_outputs}[IO[name]]
    got, ref = outputs(name)
    assert got.shape == ref.shape and np.isfinite(ref).all()
    np.testing.assert_allclose(got, ref, rtol=0, atol=1e-4)


def ldem4_craters(bundle):
    source = RasterSource(Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))
                          / "dem" / "LDEM_4.LBL")
    return detect.Detector(bundle, "cpu").detect(source, 60, 500, confidence=0.3)


def test_onnxruntime_detects_the_craters_torch_detects_on_ldem_4(shared_data):
    """The same craters as sets (nearest neighbours, one to one), not position by position in the list."""
    pytest.importorskip("torch")
    ort = ldem4_craters(craters_io.load_for(MODELS / "crater_detector.pt", "onnxruntime", "cpu"))
    ref = ldem4_craters(craters_io.load(MODELS / "crater_detector.pt"))
    assert len(ort) > 500
    assert same_craters(as_rows(ort), as_rows(ref), centre_km=0.01, diameter_km=1e-3) == (True, "")


def test_detection_on_a_dask_cluster_runs_the_onnx_network_on_the_workers(tmp_path):
    """The bundle's ONNX network travels to the workers as bytes; they find the in-process craters without
    importing torch."""
    distributed = pytest.importorskip("distributed")
    from lunar_lab.lunar_plugin.core import synthetic
    dem = tmp_path / "dem.tif"
    synthetic.write_scene(synthetic.make_scene(320, 320, seed=3), str(dem), None, None)
    source = RasterSource(dem, "INPUT")
    detector = detect.Detector(craters_io.load_for(MODELS / "crater_detector.pt", "onnxruntime", "cpu"), "cpu")
    args = (source, 0.8, 30.0, 0.5, 128, 0.5)
    here = detector.detect(*args)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        there = detector.detect(*args, scheduler=local.scheduler_address)
        with distributed.Client(local.scheduler_address) as client:
            imported = client.run(lambda: sorted(m for m in ("torch", "onnxruntime") if m in __import__("sys").modules))
    assert len(here) > 20
    assert same_craters(as_rows(here), as_rows(there), centre_km=1e-6, diameter_km=1e-5) == (True, "")
    assert list(imported.values()) == [["onnxruntime"]] * 2


def test_age_probabilities_are_the_same_in_both_engines():
    pytest.importorskip("torch")
    rng = np.random.default_rng(4)
    chips, attrs = rng.standard_normal((50, 2, 32, 32)), rng.standard_normal((50, 22))
    p_ort = inference.classify(ages_io.load_for(MODELS / "crater_ages.pt", "onnxruntime"), chips, attrs)
    p_torch = inference.classify(ages_io.load(MODELS / "crater_ages.pt"), chips, attrs)
    np.testing.assert_allclose(p_ort, p_torch, atol=1e-5)
    assert (p_ort.argmax(1) == p_torch.argmax(1)).all()


# ---- a model file is data ------------------------------------------------------------------------------------
def test_onnx_whose_inputs_do_not_match_its_card_is_refused(tmp_path):
    """The detector's card (in the .onnx's metadata) says 3 input channels, the graph takes 1."""
    pytest.importorskip("torch")
    bundle = craters_io.load(MODELS / "crater_detector.pt")
    path = tmp_path / "liar.onnx"
    description = dict(craters_io.describe(bundle), config=dict(bundle["config"], in_channels=3))
    engine.export(craters_io.network(bundle, fuse=True), [__import__("torch").zeros(1, 1, 64, 64)], path, ["tile"],
                  ["heads"], {"tile": {2: "h", 3: "w"}}, description)
    with pytest.raises(LunarInputError, match=r"^MODEL: '.*liar.onnx': the ONNX model's input 'tile' is shaped "
                                              r"\(1, 1, \?, \?\); its card says \(\?, 3, \?, \?\)"):
        craters_io.load_for(path, "onnxruntime")
    # an oxide model's card naming other outputs
    ox = oxides_io.load_model(MODELS / "oxide_kaguya_mi_tio2.pt")
    wrong = tmp_path / "wrong_targets.onnx"
    oxides_io.export_onnx(ox, wrong)
    good = oxides_io.predictor_for(wrong, "onnxruntime", role="MODEL")
    assert good.targets == ["TiO2"]
    desc = dict(oxides_io.describe(ox), targets=["TiO2", "FeO"])
    engine.export(cnn.ensemble_network(ox), [__import__("torch").zeros(4, ox.n_features)], wrong, ["features"],
                  ["oxides"], {"features": {0: "n"}, "oxides": {0: "n"}}, desc)
    with pytest.raises(LunarInputError, match=r"MODEL: .*the ONNX model's output 'oxides' is shaped \(\?, 1\); its "
                                              r"card says \(\?, 2\)"):
        oxides_io.predictor_for(wrong, "onnxruntime")


def test_a_file_that_is_not_onnx_is_refused_without_running_anything(tmp_path):
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))
    path = tmp_path / "evil.onnx"
    path.write_bytes(pickle.dumps(Payload()))
    with pytest.raises(LunarInputError, match=r"^MODEL: '.*evil.onnx' cannot be read as an ONNX model"):
        ages_io.load_for(path, "onnxruntime")
    assert not marker.exists()
    onnx = pytest.importorskip("onnx")
    proto = onnx.load(str(MODELS / "crater_ages.onnx"))
    assert {p.key for p in proto.metadata_props} >= {engine.META_KEY, engine.SOURCE_KEY}
    del proto.metadata_props[:]
    plain = tmp_path / "plain.onnx"   # a valid ONNX graph without Lunar Lab's card
    onnx.save(proto, str(plain))
    with pytest.raises(LunarInputError, match="is not a Lunar Lab ONNX model"):
        ages_io.load_for(plain, "onnxruntime")
    with pytest.raises(LunarInputError, match=r"is not a lunar-lab-crater-ages model \(format tag "
                                              r"'lunar-lab-crater-detector'\)"):
        ages_io.load_for(MODELS / "crater_detector.onnx", "onnxruntime")


def test_a_pt_without_its_onnx_is_exported_on_the_fly_or_runs_in_torch(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    pt = tmp_path / "mine.pt"
    shutil.copy(MODELS / "crater_detector.pt", pt)
    shutil.copy(MODELS / "crater_detector_nac.onnx", tmp_path / "mine.onnx")   # stale: not exported from mine.pt
    bundle = craters_io.load_for(pt, "onnxruntime", "cpu")
    cached = list((tmp_path / "onnx_cache").glob("*.onnx"))
    assert len(cached) == 1 and bundle["card"] == craters_io.load(pt)["card"]
    assert "state_dict" not in bundle
    # a file in the cache under the right name that was not exported from mine.pt is exported again
    shutil.copy(MODELS / "crater_detector_nac.onnx", cached[0])
    assert craters_io.load_for(pt, "onnxruntime")["card"] == craters_io.load(pt)["card"]
    assert engine.read_onnx(cached[0])[2] == engine.sha256(pt)
    x = np.random.default_rng(5).standard_normal((64, 96)).astype(np.float32)
    torch_bundle = craters_io.load(pt)
    np.testing.assert_allclose(detect.run_network(bundle["onnx"], x),
                               detect.run_network(craters_io.network(torch_bundle, fuse=True), x), atol=1e-4)
    # a truncated .pt cannot be exported: the message names the parameter
    broken = tmp_path / "broken.pt"
    broken.write_bytes(pt.read_bytes()[:5000])
    with pytest.raises(LunarInputError, match=r"^MODEL: model file '.*broken.pt' cannot be read: it is truncated"):
        craters_io.load_for(broken, "onnxruntime")
    # no cached export and no way to make one: auto runs the .pt in torch, onnxruntime says why it cannot
    cached[0].unlink()
    monkeypatch.setattr(engine, "can_export", lambda: False)
    assert "state_dict" in craters_io.load_for(pt, "auto")
    with pytest.raises(LunarInputError, match=r"^MODEL: '.*mine.pt' has no up-to-date ONNX model beside it "
                                              r"\('.*mine.onnx'\) and none can be exported here"):
        craters_io.load_for(pt, "onnxruntime")


def test_an_onnxruntime_that_is_installed_but_does_not_import_leaves_auto_to_torch(monkeypatch):
    """find_spec finds a broken package (say, one built for another NumPy); 'auto' tries the import itself."""
    pytest.importorskip("torch")
    real = engine.import_error
    monkeypatch.setattr(engine, "import_error", lambda module: "ImportError: numpy.core.multiarray failed to import"
                        if module == "onnxruntime" else real(module))
    assert engine.available("onnxruntime") and engine.resolve("auto") == "torch"
    with pytest.raises(LunarInputError, match=r"^ENGINE: 'onnxruntime' was asked for, but it cannot be imported here "
                                              r"\(ImportError: numpy.core.multiarray failed to import\)"):
        engine.resolve("onnxruntime")


def test_on_the_fly_exports_go_to_the_users_own_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("LUNAR_ONNX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert engine.cache_folder() == str(tmp_path / "xdg" / "lunar_lab" / "onnx")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert engine.cache_folder() == os.path.join(os.path.expanduser("~"), ".cache", "lunar_lab", "onnx")


def test_engine_and_device_choice():
    assert engine.resolve("auto") == "onnxruntime" and engine.resolve(0) == "onnxruntime"
    assert engine.resolve("torch") == "torch" and engine.resolve(2) == "torch"
    with pytest.raises(LunarInputError, match=r"ENGINE: 'tensorflow' is none of auto, onnxruntime, torch"):
        engine.resolve("tensorflow")
    import onnxruntime
    if "CUDAExecutionProvider" not in onnxruntime.get_available_providers() and engine.available("torch"):
        # DEVICE=cuda: an ONNX Runtime without onnxruntime-gpu leaves 'auto' to torch (which may have CUDA)
        assert engine.resolve("auto", "cuda") == "torch" and engine.resolve("auto", "cpu") == "onnxruntime"
        assert engine.resolve("onnxruntime", "cuda") == "onnxruntime"   # forced: providers() then says why not
    if "CUDAExecutionProvider" not in onnxruntime.get_available_providers():
        with pytest.raises(LunarInputError, match=r"DEVICE: 'cuda' was asked for, but onnxruntime .* has no CUDA"):
            engine.providers("cuda")
        assert engine.providers("auto") == ["CPUExecutionProvider"]


def test_onnx_model_travels_to_dask_workers_as_bytes():
    model = ages_io.load_for(MODELS / "crater_ages.pt", "onnxruntime", "cpu", threads=1)["onnx"]
    copy = pickle.loads(pickle.dumps(model))
    assert copy._session is None and copy.data == model.data and copy.threads == 1
    feeds = {"chips": np.zeros((3, 2, 32, 32), np.float32), "attributes": np.ones((3, 22), np.float32)}
    np.testing.assert_array_equal(copy.run(feeds)[0], model.run(feeds)[0])


def test_no_module_imports_torch_or_onnxruntime_at_its_top_but_the_lazily_loaded_networks():
    """The plugin loads (qgis_process, QGIS start-up) without either; only the torch network definitions, which
    nothing imports at start-up, import torch at their top."""
    import ast
    lazy = {"lunar_plugin/core/craters/network.py", "lunar_plugin/core/ages/network.py"}
    found = set()
    for path in [ROOT / "__init__.py", *ROOT.glob("lunar_plugin/**/*.py"), *ROOT.glob("processing_provider/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:   # module level only: imports inside functions run when a model does
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("torch", "onnxruntime", "onnx") for n in names):
                found.add(str(path.relative_to(ROOT)))
    assert found == lazy
