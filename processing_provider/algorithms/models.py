"""Where the shipped models live, and torch imported only when a neural-network algorithm runs."""
import os

from qgis.core import QgsProcessingException

MODELS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "models")


def shipped(name):
    return os.path.join(MODELS_DIR, name)


def require_torch():
    """Import torch inside the algorithm: qgis_process cannot load a plugin that imports torch at start-up."""
    try:
        import torch  # noqa: F401
    except ImportError:
        raise QgsProcessingException(
            "This algorithm needs PyTorch (CPU build), which is not installed in QGIS's Python. "
            "Install it with: python3 -m pip install torch==2.13.0 (see the README).") from None


def model_path(alg, parameters, name, context, default_file):
    """The MODEL file a user gave, or the shipped default; a clear error when neither exists."""
    path = alg.parameterAsFile(parameters, name, context) or shipped(default_file)
    if not os.path.isfile(path):
        raise QgsProcessingException(f"{name}: model file '{path}' does not exist")
    return path
