"""ONNX Runtime and PyTorch for a plain QGIS: where the plugin's private packages live and how they are installed.

The neural algorithms' inference (crater detection, crater ages, oxide CNN) needs only ONNX Runtime (a 24 MB wheel,
68 MB installed), installed with ``--no-deps`` so that QGIS's own NumPy is used (tested with Debian 12's NumPy 1.24);
PyTorch (about 200 MB to download, 0.9 GB installed) is needed only to train and fine-tune.

QGIS's own Python often cannot take packages (Debian 12 refuses ``pip install`` in the system Python:
"externally-managed-environment"; Windows and macOS installs are read-only). Like Deepness, Lunar Lab installs
ONNX Runtime and the CPU build of PyTorch with pip into a folder of the user's QGIS profile (``<profile>/python/lunar_lab_deps``) and
appends that folder to ``sys.path`` when the plugin starts. pip allows ``--target`` installs in externally managed
environments. Nothing here imports torch, onnxruntime or Qt widgets: qgis_process loads this at start-up.
"""
import importlib
import importlib.util
import os
import shutil
import sys

#: The pinned PyTorch the plugin is tested with (requirements.txt pins the same; a test checks they agree).
TORCH_REQUIREMENT = "torch==2.13.0"
#: CPU-only wheels (about 200 MB instead of several GB of CUDA libraries).
TORCH_INDEX_URL = "https://download.pytorch.org/whl/cpu"
DEPS_FOLDER = "lunar_lab_deps"
#: The pinned ONNX Runtime (requirements.txt pins the same; a test checks they agree).
ONNXRUNTIME_REQUIREMENT = "onnxruntime==1.31.1"
#: pip options for it: --no-deps leaves QGIS's NumPy alone (onnxruntime's other dependencies -- protobuf,
#: flatbuffers, packaging -- are not needed to run a model).
ONNXRUNTIME_PIP_ARGS = ("--no-deps",)


def profile_folder():
    """The active QGIS profile folder (``.../profiles/default/``), or None outside QGIS."""
    try:
        from qgis.core import QgsApplication
    except ImportError:
        return None
    path = QgsApplication.qgisSettingsDirPath()
    return path or None


def deps_dir(profile=None):
    """``<profile>/python/lunar_lab_deps``: the private folder PyTorch is installed into."""
    profile = profile or profile_folder()
    if not profile:
        return None
    return os.path.join(os.path.abspath(profile), "python", DEPS_FOLDER)


def add_deps_to_path(profile=None):
    """Append the private folder to ``sys.path`` (after QGIS's own packages, so it never shadows them).
    Returns the folder when it exists and is on the path, else None. Safe to call more than once."""
    folder = deps_dir(profile)
    if not folder or not os.path.isdir(folder):
        return None
    return add_to_path(folder)


def add_to_path(folder):
    """Append ``folder`` to ``sys.path`` once, and forget the import system's cached misses."""
    if folder not in sys.path:
        sys.path.append(folder)
    importlib.invalidate_caches()
    return folder


def torch_available():
    """Whether ``import torch`` would find a package, without importing it (importing torch takes seconds and
    qgis_process must load the plugin without it)."""
    try:
        return importlib.util.find_spec("torch") is not None
    except (ImportError, ValueError):  # a broken torch entry in sys.modules
        return False


def onnxruntime_available():
    """Whether ``import onnxruntime`` would find a package, without importing it."""
    try:
        return importlib.util.find_spec("onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def running_version():
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def known_interpreters():
    """The interpreter files of the Python QGIS runs: pythonX.Y of the running version under sys.exec_prefix, then
    under sys.base_exec_prefix (a venv's base); python.exe there on Windows."""
    found = []
    for prefix in dict.fromkeys([sys.exec_prefix, sys.base_exec_prefix]):
        path = os.path.join(prefix, "python.exe") if os.name == "nt" else \
            os.path.join(prefix, "bin", "python" + running_version())
        if os.path.isfile(path) and os.access(path, os.X_OK):
            found.append(path)
    return found


def _reports_this_python(path):
    """Whether ``path``, run, says it is this Python (same sys.prefix and version): a pyenv or conda shim named
    python3 runs another one. Asked only when no known interpreter exists."""
    import subprocess
    probe = "import sys; print(sys.prefix); print('%d.%d' % sys.version_info[:2])"
    try:
        answer = subprocess.run([path, "-c", probe], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    lines = answer.stdout.splitlines()
    return answer.returncode == 0 and len(lines) == 2 and lines[1] == running_version() and \
        os.path.realpath(lines[0]) == os.path.realpath(sys.prefix)


def python_executable():
    """The interpreter QGIS runs, to run pip with, or None when none is found.

    ``sys.executable`` is the QGIS binary inside QGIS desktop, and a python3 on PATH (or sys.executable) can be a
    pyenv or conda shim of another Python, whose pip would install for that one: the interpreter under sys.exec_prefix
    (``known_interpreters``) comes first; without one, another candidate only when it says it is this Python."""
    known = known_interpreters()
    if known:
        return known[0]
    version = "python" + running_version()
    candidates = [sys.executable, os.path.join(sys.exec_prefix, "bin", "python3"), shutil.which(version),
                  shutil.which("python3")]
    for path in dict.fromkeys(p for p in candidates if p):
        if os.path.basename(path).lower().startswith("python") and os.path.isfile(path) and \
                os.access(path, os.X_OK) and _reports_this_python(path):
            return path
    return None


def manual_pip_command(target, requirement=TORCH_REQUIREMENT, index_args=("--index-url", TORCH_INDEX_URL)):
    """The pip command to run by hand when no interpreter is found: with QGIS's Python named by its version."""
    return " ".join(pip_command(target, requirement, index_args, python="python" + running_version()))


def pip_command(target, requirement=TORCH_REQUIREMENT, index_args=("--index-url", TORCH_INDEX_URL), python=None):
    """The pip command that installs ``requirement`` (and what it depends on) into ``target``.

    ``--target`` keeps QGIS's Python untouched (and is allowed where the system Python is externally managed);
    ``--upgrade`` replaces an earlier partial install in the same folder."""
    python = python or python_executable()
    if python is None:
        return None
    return [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--upgrade",
            "--target", target, *index_args, requirement]
