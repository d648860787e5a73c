"""A QGIS without PyTorch: the provider loads, canExecute says what is missing (translated) before Run, runs stop
with the same message instead of a traceback, and the installer's pip command and sys.path hook work.

torch is hidden in a child interpreter (a sys.meta_path finder that refuses it, as if it were not installed), or
really absent (qgis_process with Debian's Python only, without the .venv that holds torch).
"""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "build" / "plugins"
TORCH_ALGORITHMS = {"detectcraters", "traincraterdetector", "classifycraterages", "traincraterages", "oxidecnn",
                    "trainoxidecnn"}

CHILD = r"""
import json, sys
class HideTorch:
    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            raise ModuleNotFoundError("No module named 'torch'", name="torch")
sys.meta_path.insert(0, HideTorch())
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
out = {"provider": ok, "can": {}, "torch_imported": False}
for alg in provider.algorithms():
    out["can"][alg.name()] = list(alg.canExecute())
try:
    processing.run("lunar:oxidecnn", {"INPUT": sys.argv[2], "OUTPUT_FEO": sys.argv[3]},
                   context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    out["run"] = "ran"
except QgsProcessingException as err:
    out["run"] = str(err)
out["torch_imported"] = "torch" in sys.modules
print("RESULT" + json.dumps(out, ensure_ascii=False))
"""


def child(locale, tmp_path):
    from lunar_lab.tests.rasters import write_raster
    import numpy as np
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 4, 4), 0.1, np.float32))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(PLUGINS),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-c", CHILD, locale, str(raster), str(tmp_path / "feo.tif")],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    line = next(line for line in proc.stdout.splitlines() if line.startswith("RESULT"))
    return json.loads(line[len("RESULT"):]), proc


def test_torch_hidden_provider_loads_and_can_execute_says_why(tmp_path):
    out, proc = child("en", tmp_path)
    assert out["provider"] is True
    assert set(out["can"]) >= TORCH_ALGORITHMS | {"oxideequations", "csfd"}
    for name, (ok, message) in out["can"].items():
        if name in TORCH_ALGORITHMS:
            assert ok is False, name
            assert "needs PyTorch" in message and "Lunar Lab > Install PyTorch…" in message, message
            assert "--target" in message and "lunar_lab_deps" in message and "torch==2.13.0" in message
        else:
            assert ok is True and message == "", name
    assert out["run"].startswith("This algorithm needs PyTorch"), out["run"]
    assert not (tmp_path / "feo.tif").exists()
    assert out["torch_imported"] is False
    assert "Traceback" not in proc.stdout + proc.stderr


def test_torch_hidden_message_is_translated(tmp_path):
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True, capture_output=True, timeout=120)
    out, _ = child("zh_CN", tmp_path)
    ok, message = out["can"]["oxidecnn"]
    assert ok is False and "PyTorch" in message and "安装" in message and "needs" not in message, message


def test_qgis_process_without_torch_lists_the_provider_and_refuses_cleanly(tmp_path):
    """Debian's Python has no torch (the .venv has it): qgis_process with PYTHONPATH not pointing at the .venv."""
    from lunar_lab.tests.rasters import write_raster
    import numpy as np
    probe = subprocess.run(["/usr/bin/python3", "-c", "import importlib.util as u; print(u.find_spec('torch'))"],
                           capture_output=True, text=True)
    if probe.stdout.strip() != "None":
        pytest.skip("the system Python has torch: cannot measure a QGIS without it here")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), QGIS_PLUGINPATH=str(PLUGINS),
               QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin",
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"))
    run = lambda *args: subprocess.run(["qgis_process.bin", *args], capture_output=True, text=True,  # noqa: E731
                                       timeout=300, env=env, cwd=str(tmp_path))
    assert run("plugins", "enable", "lunar_lab").returncode == 0
    listed = run("list")
    assert "lunar:oxidecnn" in listed.stdout and "lunar:oxideequations" in listed.stdout
    raster = write_raster(tmp_path / "refl.tif", np.full((5, 4, 4), 0.1, np.float32))
    proc = run("run", "lunar:oxidecnn", "--", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'feo.tif'}")
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "This algorithm needs PyTorch" in text and "Traceback" not in text
    # the command it suggests installs into this profile's private folder
    assert str(tmp_path / "config" / "profiles" / "default" / "python" / "lunar_lab_deps") in text
    proc = run("run", "lunar:oxideequations", "--", f"INPUT={raster}", f"OUTPUT_FEO={tmp_path / 'eq.tif'}",
               f"OUTPUT_TIO2={tmp_path / 'ti.tif'}")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


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
