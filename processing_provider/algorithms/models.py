"""Where the shipped models live, and torch imported only when a neural-network algorithm runs."""
import os

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ...lunar_plugin import deps

MODELS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "models")


def shipped(name):
    return os.path.join(MODELS_DIR, name)


def torch_missing_message():
    """None when PyTorch can be imported, else a translated message that says how to install it.

    Checked with importlib's find_spec, which does not import torch (canExecute runs whenever a dialog opens)."""
    if deps.torch_available():
        return None
    message = QCoreApplication.translate(
        "LunarLab", "This algorithm needs PyTorch (CPU build), which QGIS's Python cannot import. In QGIS, install "
        "it with the menu Lunar Lab > Install PyTorch… (about 200 MB to download, 0.9 GB installed in your QGIS profile). "
        "Without QGIS desktop, run: {0}")
    command = deps.pip_command(deps.deps_dir() or "<profile>/python/" + deps.DEPS_FOLDER)
    return message.format(" ".join(command) if command else "pip install --target <profile>/python/"
                          + deps.DEPS_FOLDER + " " + deps.TORCH_REQUIREMENT)


def require_torch():
    """Stop with the install hint before a neural-network algorithm runs without PyTorch (processing.run and
    qgis_process do not call canExecute); torch itself is imported later, inside the algorithm."""
    message = torch_missing_message()
    if message:
        raise QgsProcessingException(message)


def model_path(alg, parameters, name, context, default_file):
    """The MODEL file a user gave, or the shipped default; a clear error when neither exists."""
    path = alg.parameterAsFile(parameters, name, context) or shipped(default_file)
    if not os.path.isfile(path):
        raise QgsProcessingException(f"{name}: model file '{path}' does not exist")
    return path
