"""A QGIS without PyTorch: the provider loads; with ONNX Runtime the inference algorithms (crater detection on a DEM
and a NAC image, crater ages, the oxide CNN) run and give the full install's results, and canExecute says that
training needs PyTorch; without either, canExecute says what is missing (translated) before Run, runs stop with the
same message instead of a traceback, and the installers' pip commands and sys.path hook work.

A module is hidden in a child interpreter (a sys.meta_path finder that refuses it, as if it were not installed), or
really absent (qgis_process with Debian's Python only, without the .venv that holds torch).
"""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr

from ..craters import same_craters

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "build" / "plugins"
INFERENCE_ALGORITHMS = {"detectcraters", "classifycraterages", "oxidecnn"}
TRAINING_ALGORITHMS = {"traincraterdetector", "traincraterages", "trainoxidecnn"}
TORCH_ALGORITHMS = INFERENCE_ALGORITHMS | TRAINING_ALGORITHMS

CHILD = r"""
import json, sys
HIDDEN = [m for m in sys.argv[4].split(",") if m]
class Hide:
    def find_spec(self, name, path=None, target=None):
        if any(name == m or name.startswith(m + ".") for m in HIDDEN):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
sys.meta_path.insert(0, Hide())
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
from lunar_lab.lunar_plugin import i18n
locale = sys.argv[1]
if locale != "en":
    i18n.install_translator(locale)
from lunar_lab.processing_provider.provider import LunarProvider
provider = LunarProvider()
ok = QgsApplication.processingRegistry().addProvider(provider)
import processing
out = {"provider": ok, "can": {}}
for alg in provider.algorithms():
    out["can"][alg.name()] = list(alg.canExecute())
class Log(QgsProcessingFeedback):
    text = []
    def pushInfo(self, info):
        self.text.append(info)
try:
    processing.run("lunar:oxidecnn", {"INPUT": sys.argv[2], "OUTPUT_FEO": sys.argv[3]},
                   context=QgsProcessingContext(), feedback=Log())
    out["run"] = "ran"
except QgsProcessingException as err:
    out["run"] = str(err)
out["log"] = Log.text
out["imported"] = sorted(m for m in ("torch", "onnxruntime") if m in sys.modules)
print("RESULT" + json.dumps(out, ensure_ascii=False))
"""


def child(locale, tmp_path, hidden=("torch",)):
    from lunar_lab.tests.rasters import write_raster
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 4, 4), 0.1, np.float32))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(PLUGINS),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-c", CHILD, locale, str(raster), str(tmp_path / "feo.tif"),
                           ",".join(hidden)], capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    line = next(line for line in proc.stdout.splitlines() if line.startswith("RESULT"))
    return json.loads(line[len("RESULT"):]), proc


def test_torch_hidden_the_networks_run_in_onnxruntime_and_training_says_it_needs_pytorch(tmp_path):
    out, proc = child("en", tmp_path)
    assert out["provider"] is True
    assert set(out["can"]) >= TORCH_ALGORITHMS | {"oxideequations", "csfd"}
    for name, (ok, message) in out["can"].items():
        if name in TRAINING_ALGORITHMS:
            assert ok is False, name
            assert "needs PyTorch" in message and "Lunar Lab > Install PyTorch…" in message, message
            assert "running a model needs only ONNX Runtime" in message
            assert "--target" in message and "lunar_lab_deps" in message and "torch==2.13.0" in message
        else:
            assert ok is True and message == "", name
    assert out["run"] == "ran" and "Network engine: onnxruntime" in out["log"], out
    assert gdal.Open(str(tmp_path / "feo.tif")) is not None
    assert out["imported"] == ["onnxruntime"]   # torch was never looked for
    assert "Traceback" not in proc.stdout + proc.stderr


def test_without_onnxruntime_and_torch_can_execute_offers_onnxruntime(tmp_path):
    out, proc = child("en", tmp_path, hidden=("torch", "onnxruntime"))
    for name, (ok, message) in out["can"].items():
        if name in INFERENCE_ALGORITHMS:
            assert ok is False, name
            assert "runs its network with ONNX Runtime" in message, message
            assert "Lunar Lab > Install ONNX Runtime…" in message and "about 24 MB" in message
            assert "--no-deps" in message and "--target" in message and "onnxruntime==1.31.1" in message
        elif name in TRAINING_ALGORITHMS:
            assert ok is False and "needs PyTorch" in message, name
        else:
            assert ok is True and message == "", name
    assert out["run"].startswith("This algorithm runs its network with ONNX Runtime"), out["run"]
    assert not (tmp_path / "feo.tif").exists()
    assert out["imported"] == []
    assert "Traceback" not in proc.stdout + proc.stderr


def test_engine_missing_message_is_translated(tmp_path):
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True, capture_output=True, timeout=120)
    out, _ = child("zh_CN", tmp_path, hidden=("torch", "onnxruntime"))
    ok, message = out["can"]["oxidecnn"]
    assert ok is False and "ONNX Runtime" in message and "安装" in message and "needs" not in message, message
    ok, message = out["can"]["trainoxidecnn"]
    assert ok is False and "PyTorch" in message and "安装" in message and "needs" not in message, message


# ---- Debian's Python, no PyTorch: qgis_process ---------------------------------------------------------------
def qgis_process_env(tmp_path):
    probe = subprocess.run(["/usr/bin/python3", "-c", "import importlib.util as u; print(u.find_spec('torch'), "
                            "u.find_spec('onnxruntime'))"], capture_output=True, text=True)
    if probe.stdout.strip() != "None None":
        pytest.skip("the system Python has torch or onnxruntime: cannot measure a QGIS without them here")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), QGIS_PLUGINPATH=str(PLUGINS),
               QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin",
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"))

    def run(*args):
        return subprocess.run(["qgis_process.bin", *args], capture_output=True, text=True, timeout=300, env=env,
                              cwd=str(tmp_path))
    assert run("plugins", "enable", "lunar_lab").returncode == 0
    return run


def test_qgis_process_without_torch_or_onnxruntime_refuses_cleanly(tmp_path):
    """Debian's Python has neither (the .venv has both): qgis_process with PYTHONPATH not pointing at the .venv."""
    from lunar_lab.tests.rasters import write_raster
    run = qgis_process_env(tmp_path)
    listed = run("list")
    assert "lunar:oxidecnn" in listed.stdout and "lunar:oxideequations" in listed.stdout
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 4, 4), 0.1, np.float32))
    proc = run("run", "lunar:oxidecnn", "--", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'feo.tif'}")
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "This algorithm runs its network with ONNX Runtime" in text and "Traceback" not in text
    # the command it suggests installs into this profile's private folder, without touching QGIS's NumPy
    assert str(tmp_path / "config" / "profiles" / "default" / "python" / "lunar_lab_deps") in text
    assert "--no-deps" in text and "onnxruntime==1.31.1" in text
    proc = run("run", "lunar:oxideequations", "--", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'eq.tif'}",
               f"OUTPUT_TIO2={tmp_path / 'ti.tif'}")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


def install_onnxruntime_only(profile_python):
    """What Lunar Lab > Install ONNX Runtime… leaves in the profile (pip --no-deps --target): the onnxruntime package
    and its metadata, nothing else -- here copied from the .venv instead of downloading the 24 MB wheel."""
    import onnxruntime
    site = Path(onnxruntime.__file__).resolve().parents[1]
    target = profile_python / "lunar_lab_deps"
    target.mkdir(parents=True)
    shutil.copytree(site / "onnxruntime", target / "onnxruntime")
    for info in site.glob("onnxruntime-*.dist-info"):
        shutil.copytree(info, target / info.name)
    return target


def table(path, fields):
    ds = ogr.Open(str(path))   # held while its layer is read (GDAL frees the layer with it)
    return [[f[k] for k in fields] for f in ds.GetLayer(0)]


def craters_of(path):
    return np.array(table(path, ["lon", "lat", "diameter_km"]), float).reshape(-1, 3)


def test_qgis_process_with_only_onnxruntime_in_the_profile_gives_the_full_install_results(run_alg, shared_data,
                                                                                         tmp_path):
    """Debian's Python and NumPy 1.24, no PyTorch, ONNX Runtime installed into the profile: detection on LDEM_4 and
    on a NAC tile, crater ages and the oxide CNN give what the full install gives with ENGINE=torch."""
    run = qgis_process_env(tmp_path)
    install_onnxruntime_only(tmp_path / "config" / "profiles" / "default" / "python")
    scene = run_alg("lunar:syntheticscene", {
        "WIDTH": 256, "HEIGHT": 256, "SEED": 11, "PIXEL_M": 100.0, "OUTPUT_DEM": str(tmp_path / "dem.tif"),
        "OUTPUT_DOM": str(tmp_path / "dom.tif"), "OUTPUT_REFLECTANCE": str(tmp_path / "refl.tif"),
        "OUTPUT_CRATERS": str(tmp_path / "craters.gpkg")})
    jobs = {
        "ldem4": ("lunar:detectcraters", {"INPUT": str(shared_data / "dem" / "LDEM_4.LBL"), "MIN_DIAMETER_KM": 60,
                                          "MAX_DIAMETER_KM": 500}, "OUTPUT", ".gpkg"),
        "nac": ("lunar:detectcraters", {"INPUT": str(shared_data / "nac_train" / "M1229577647_mosaic_train_small.tif"),
                                        "SHIPPED_MODEL": 1, "MIN_DIAMETER_KM": 0.003, "MAX_DIAMETER_KM": 1.0},
                "OUTPUT", ".gpkg"),
        "ages": ("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"], "DEM": scene["OUTPUT_DEM"],
                                              "DOM": scene["OUTPUT_DOM"]}, "OUTPUT", ".gpkg"),
        "oxide": ("lunar:oxidecnn", {"INPUT": scene["OUTPUT_REFLECTANCE"]}, "OUTPUT_FEO", ".tif"),
    }
    for name, (alg, params, output, ext) in jobs.items():
        ort, ref = tmp_path / f"{name}_ort{ext}", tmp_path / f"{name}_torch{ext}"
        proc = run("run", alg, "--", *[f"{k}={v}" for k, v in params.items()], f"{output}={ort}")
        assert proc.returncode == 0, (name, proc.stdout[-3000:] + proc.stderr[-3000:])
        assert "Network engine: onnxruntime" in proc.stdout + proc.stderr, name
        run_alg(alg, dict(params, ENGINE=2, **{output: str(ref)}))
        if name == "oxide":
            a, b = (gdal.Open(str(p)).ReadAsArray() for p in (ort, ref))
            assert np.isfinite(b).any() and np.array_equal(np.isnan(a), np.isnan(b))
            np.testing.assert_allclose(a, b, atol=1e-4, equal_nan=True)
        elif name == "ages":
            from lunar_lab.processing_provider.algorithms.crater_ages import PROBABILITY_FIELDS
            fields = ["system_code"] + PROBABILITY_FIELDS
            a, b = (np.array(table(p, fields), float) for p in (ort, ref))
            assert len(a) == len(b) > 0 and np.array_equal(a[:, 0], b[:, 0], equal_nan=True)
            np.testing.assert_allclose(a[:, 1:], b[:, 1:], atol=1e-4, equal_nan=True)
        else:
            km = {"ldem4": 0.01, "nac": 1e-4}[name]   # centres within km, diameters within km / 10
            assert len(craters_of(ref)) > 10
            assert same_craters(craters_of(ort), craters_of(ref), centre_km=km, diameter_km=km / 10) == (True, "")


# ---- the installer ------------------------------------------------------------------------------------------
def test_pip_command_installs_the_pinned_cpu_torch_into_the_private_folder(tmp_path):
    from lunar_lab.lunar_plugin import deps
    target = str(tmp_path / "profile" / "python" / "lunar_lab_deps")
    assert deps.deps_dir(str(tmp_path / "profile")) == target
    command = deps.pip_command(target, python="/opt/qgis/bin/python3")
    assert command == ["/opt/qgis/bin/python3", "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                       "--upgrade", "--target", target, "--index-url", "https://download.pytorch.org/whl/cpu",
                       "torch==2.13.0"]
    pinned = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
              if line.startswith("torch==")]
    assert pinned == [deps.TORCH_REQUIREMENT]
    assert os.path.basename(deps.python_executable()).startswith("python")


def test_pip_command_installs_the_pinned_onnxruntime_without_its_dependencies(tmp_path):
    """--no-deps: QGIS's own NumPy (Debian 12: 1.24) stays the one imported."""
    from lunar_lab.lunar_plugin import deps
    target = str(tmp_path / "profile" / "python" / "lunar_lab_deps")
    command = deps.pip_command(target, deps.ONNXRUNTIME_REQUIREMENT, deps.ONNXRUNTIME_PIP_ARGS,
                               python="/usr/bin/python3")
    assert command == ["/usr/bin/python3", "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                       "--upgrade", "--target", target, "--no-deps", "onnxruntime==1.31.1"]
    pinned = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
              if line.startswith("onnxruntime==")]
    assert pinned == [deps.ONNXRUNTIME_REQUIREMENT]
    assert os.path.basename(deps.python_executable()).startswith("python")


def test_deps_folder_goes_on_sys_path_after_qgis_packages(tmp_path, monkeypatch):
    from lunar_lab.lunar_plugin import deps
    profile = tmp_path / "profile"
    assert deps.add_deps_to_path(str(profile)) is None  # nothing installed: the path is left alone
    folder = profile / "python" / "lunar_lab_deps"
    (folder / "lunar_probe_pkg").mkdir(parents=True)
    (folder / "lunar_probe_pkg" / "__init__.py").write_text("VALUE = 42\n")
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert deps.add_deps_to_path(str(profile)) == str(folder)
    assert deps.add_deps_to_path(str(profile)) == str(folder)
    assert sys.path.count(str(folder)) == 1 and sys.path[-1] == str(folder)
    import importlib
    assert importlib.import_module("lunar_probe_pkg").VALUE == 42
    sys.modules.pop("lunar_probe_pkg", None)


def make_wheel(directory, name="lunar_fake_dep", version="1.0"):
    """A minimal valid wheel written by hand (no build backend, no network)."""
    import base64
    import hashlib
    files = {f"{name}/__init__.py": "VALUE = 'installed by the Lunar Lab installer'\n",
             f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\n"
                                                  "Tag: py3-none-any\n"}
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{name}-{version}.dist-info/RECORD,,")
    files[f"{name}-{version}.dist-info/RECORD"] = "\n".join(record) + "\n"
    wheel = Path(directory) / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def test_installer_runs_pip_into_the_target_and_makes_the_package_importable(qgis_app, tmp_path, monkeypatch):
    """The installer's own QProcess path, with a local wheel and no index instead of PyTorch's 200 MB download."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from lunar_lab.lunar_plugin.install_torch import Installer
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheel(wheels)
    target = tmp_path / "profile" / "python" / "lunar_lab_deps"
    monkeypatch.setattr(sys, "path", list(sys.path))
    installer = Installer(str(target), requirement="lunar_fake_dep==1.0",
                          index_args=("--no-index", "--find-links", str(wheels)), module="lunar_fake_dep")
    assert installer.command[installer.command.index("--target") + 1] == str(target)
    output, result = [], []
    loop = QEventLoop()
    installer.output.connect(output.append)
    installer.finished.connect(lambda ok, message: (result.append((ok, message)), loop.quit()))
    QTimer.singleShot(120000, loop.quit)
    installer.start()
    loop.exec()
    assert result and result[0][0] is True, (result, "".join(output))
    assert "lunar_fake_dep is installed in" in result[0][1]
    assert (target / "lunar_fake_dep" / "__init__.py").is_file()
    import importlib
    assert importlib.import_module("lunar_fake_dep").VALUE == "installed by the Lunar Lab installer"
    sys.modules.pop("lunar_fake_dep", None)


def test_installer_reports_pip_failure(qgis_app, tmp_path):
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from lunar_lab.lunar_plugin.install_torch import Installer
    installer = Installer(str(tmp_path / "deps"), requirement="lunar_no_such_package==9",
                          index_args=("--no-index", "--find-links", str(tmp_path)), module="lunar_no_such_package")
    result = []
    loop = QEventLoop()
    installer.finished.connect(lambda ok, message: (result.append((ok, message)), loop.quit()))
    QTimer.singleShot(120000, loop.quit)
    installer.start()
    loop.exec()
    assert result and result[0][0] is False and result[0][1].startswith("pip failed (exit code 1)"), result
