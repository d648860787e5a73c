"""DEVICE: CUDA when torch sees a GPU; results on the GPU agree with the CPU. GPU tests skip without one."""
import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import synthetic
from lunar_lab.lunar_plugin.core.device import resolve_device
from lunar_lab.lunar_plugin.core.errors import LunarInputError

from ..conftest import ROOT
from ..craters import as_rows, same_craters

torch = pytest.importorskip("torch")
needs_gpu = pytest.mark.skipif(not torch.cuda.is_available(), reason="torch sees no CUDA GPU here")


def test_device_specs():
    assert resolve_device("cpu").type == "cpu"
    assert resolve_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert resolve_device(1).type == "cpu"   # the algorithms' enum index
    with pytest.raises(LunarInputError, match="DEVICE: 'gpu' is none of auto, cpu, cuda"):
        resolve_device("gpu")
    if not torch.cuda.is_available():
        with pytest.raises(LunarInputError, match="DEVICE: 'cuda' was asked for, but torch .* sees no CUDA GPU"):
            resolve_device("cuda")


@needs_gpu
def test_cnn_on_cuda_agrees_with_the_cpu_within_1e4():
    from lunar_lab.lunar_plugin.core.oxides import cnn, model_io
    bundle = model_io.load_model(ROOT / "models" / "oxide_clementine.pt")
    scene = synthetic.make_scene(256, 256, seed=2)
    bands = {name: scene.reflectance[k].ravel() for k, name in enumerate(scene.band_names)}
    cpu = cnn.Predictor(bundle, device="cpu").predict_bands(bands)
    gpu = cnn.Predictor(bundle, device=resolve_device("cuda")).predict_bands(bands)
    assert np.array_equal(np.isnan(cpu), np.isnan(gpu))
    assert np.nanmax(np.abs(cpu - gpu)) <= 1e-4


@needs_gpu
def test_detector_on_cuda_finds_the_same_craters(tmp_path):
    from lunar_lab.lunar_plugin.core.craters import detect, model_io
    from lunar_lab.lunar_plugin.core.raster import RasterSource
    dem = str(tmp_path / "dem.tif")
    synthetic.write_scene(synthetic.make_scene(512, 512, seed=9), dem, None, None)
    bundle = model_io.load(ROOT / "models" / "crater_detector.pt")
    found = [detect.Detector(bundle, d).detect(RasterSource(dem), 0.5, 30.0, 0.5) for d in ("cpu", "cuda")]
    a, b = (as_rows(f) for f in found)
    assert len(a) > 20
    assert same_craters(a, b, centre_km=1e-6, diameter_km=1e-5) == (True, "")
