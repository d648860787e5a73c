"""The shipped models (one list, offered by name in each algorithm's SHIPPED_MODEL), what a neural-network algorithm
needs (ONNX Runtime or PyTorch to run a model, PyTorch to train one) and the messages that say how to install it."""
import functools
import json
import os

from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterFile
from qgis.PyQt.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ...lunar_plugin import deps

MODELS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "models")


#: The models in models/, by the kind of model an algorithm takes: (file, option label). The label's fields come from
#: the model's card (card_figures), so that the choice shows what the model reads and how well it did.
SHIPPED_MODELS = {
    "detector": (
        ("crater_detector.pt", QT_TRANSLATE_NOOP("LunarLab", "LOLA DEM model: DEM, {pixel_km:.2f} km/px; F1 {f1:.2f}")),
        ("crater_detector_nac.pt", QT_TRANSLATE_NOOP(
            "LunarLab", "LRO NAC image model: image, {pixel_m_lo:g}-{pixel_m_hi:g} m/px; F1 {f1:.2f}"))),
    "oxide": (
        ("oxide_clementine.pt", QT_TRANSLATE_NOOP(
            "LunarLab", "Clementine model: {n_bands} bands {nm_lo:.0f}-{nm_hi:.0f} nm; FeO R² {r2_FeO:.2f}")),
        ("oxide_kaguya_mi_tio2.pt", QT_TRANSLATE_NOOP(
            "LunarLab", "Kaguya MI model: {n_bands} bands {nm_lo:.0f}-{nm_hi:.0f} nm; TiO2 R² {r2_TiO2:.2f}"))),
    "ages": (
        ("crater_ages.pt", QT_TRANSLATE_NOOP(
            "LunarLab", "Crater age model: DEM + image, D ≥ {d_min_km:.0f} km; accuracy {accuracy:.0%}")),),
}
#: What the figures in the option labels are, by kind (the dialog's help for SHIPPED_MODEL).
SHIPPED_HELP = {
    "detector": "The shipped detectors: the LOLA DEM model finds km-scale craters on elevation rasters (trained on LOLA "
                "LDEM_4, 7.58 km/px, and synthetic scenes); the LRO NAC image model finds metre-scale craters on "
                "images of about 0.25-4 m/px. F1: recall and precision together on held-out longitudes or tiles "
                "(its model card, in Lunar Lab > About and in the documentation, has the full figures). MODEL "
                "overrides it.",
    "oxide": "The shipped oxide models read reflectance bands at these wavelengths, pixel by pixel (any pixel size): "
             "the Clementine UVVIS model predicts FeO, TiO2, Al2O3, MgO and CaO, the Kaguya MI model TiO2. R²: "
             "leaving one sample station out (leaving a whole landing site out gives less; its model card, "
             "in Lunar Lab > About and in the documentation, has the full figures). MODEL overrides it.",
    "ages": "The shipped age model reads a DEM (trained on LOLA LDEM_4, 7.58 km/px) and an image, for craters of "
            "20 km and more. Accuracy: mean over five stratified 8:1:1 trials (its model card, in Lunar Lab > About "
            "and in the documentation, has the full figures). MODEL overrides it.",
}
#: LOLA LDEM_4, which the DEM detector's card names as its data: 4 pixels per degree on the 1737.4 km Moon.
LDEM_4_PIXEL_KM = 2 * 3.141592653589793 * 1737.4 / 360 / 4


#: Appended to the help of the algorithms that run a network, and of those that train one.
RUN_NOTE = ("\nThe network runs in ONNX Runtime (about 24 MB; Lunar Lab > Install ONNX Runtime…) or in "
            "PyTorch: ENGINE chooses, both give the same results; PyTorch is needed only to train models.")
TRAIN_NOTE = ("\nTraining needs PyTorch (Lunar Lab > Install PyTorch…). The trained model is also written as "
              "an .onnx file beside the .pt file (where the onnx package is installed), so that it runs with ONNX Runtime "
              "alone.")


def shipped(name):
    return os.path.join(MODELS_DIR, name)


@functools.lru_cache(maxsize=None)
def read_card(model_file):
    """The card (models/NAME.json) of a shipped model, {} when it cannot be read."""
    try:
        with open(os.path.splitext(shipped(model_file))[0] + ".json", encoding="utf-8") as handle:
            card = json.load(handle)
    except (OSError, ValueError):
        return {}
    return card if isinstance(card, dict) else {}


def card_figures(card):
    """The numbers a model's option label shows, from its card: held-out F1, pixel sizes, bands, R², accuracy."""
    figures = {"pixel_km": LDEM_4_PIXEL_KM}
    held_out = (card.get("metrics") or {}).get("validation")
    if isinstance(held_out, dict) and "f1" in held_out:
        figures["f1"] = held_out["f1"]
    if card.get("pixel_km_range"):
        figures["pixel_m_lo"], figures["pixel_m_hi"] = (v * 1000 for v in card["pixel_km_range"])
    wavelengths = card.get("wavelengths_nm") or []
    if wavelengths:
        figures.update(n_bands=len(wavelengths), nm_lo=min(wavelengths), nm_hi=max(wavelengths))
    for target, m in (card.get("metrics") or {}).items():
        if isinstance(m, dict) and "r2" in m:
            figures["r2_" + target] = m["r2"]
    trials = card.get("trials") or {}
    if "accuracy_mean" in trials:
        figures["accuracy"] = trials["accuracy_mean"]
    if card.get("diameter_range_km"):
        figures["d_min_km"] = card["diameter_range_km"][0]
    return figures


def shipped_labels(kind):
    """The translated option label of each shipped model of ``kind``, its card's figures filled in (the bare file
    name when the card lacks one)."""
    labels = []
    for model_file, label in SHIPPED_MODELS[kind]:
        try:
            labels.append(QCoreApplication.translate("LunarLab", label).format(**card_figures(read_card(model_file))))
        except (KeyError, TypeError, ValueError):
            labels.append(model_file)
    return labels


def add_model_choice(alg, kind, file_label, file_help, default=0):
    """SHIPPED_MODEL (the shipped models of ``kind`` by name, with their cards' figures) and MODEL, a model file
    that overrides it (advanced: most users take a shipped model)."""
    alg.add(QgsProcessingParameterEnum("SHIPPED_MODEL", alg.tr("Model"), shipped_labels(kind), defaultValue=default),
            SHIPPED_HELP[kind])
    alg.add(QgsProcessingParameterFile("MODEL", file_label, extension="pt", optional=True), file_help, advanced=True)


def chosen_model(alg, parameters, context, kind):
    """The MODEL file a user gave, else the shipped model chosen in SHIPPED_MODEL."""
    model_file = SHIPPED_MODELS[kind][alg.parameterAsEnum(parameters, "SHIPPED_MODEL", context)][0]
    return model_path(alg, parameters, "MODEL", context, model_file)


def engine_missing_message():
    """None when ONNX Runtime or PyTorch can be imported (either runs a model), else a translated message that says
    how to install ONNX Runtime, the small one. Checked with find_spec, which imports neither."""
    if deps.onnxruntime_available() or deps.torch_available():
        return None
    message = QCoreApplication.translate(
        "LunarLab", "This algorithm runs its network with ONNX Runtime, which QGIS's Python cannot import (nor "
        "PyTorch, which would do too). In QGIS, install it with the menu Lunar Lab > Install ONNX Runtime… (about 24 "
        "MB, into your QGIS profile; QGIS's NumPy is kept). Without QGIS desktop, run: {0}")
    command = deps.pip_command(deps.deps_dir() or "<profile>/python/" + deps.DEPS_FOLDER,
                               deps.ONNXRUNTIME_REQUIREMENT, deps.ONNXRUNTIME_PIP_ARGS)
    return message.format(" ".join(command) if command else "pip install --no-deps --target <profile>/python/"
                          + deps.DEPS_FOLDER + " " + deps.ONNXRUNTIME_REQUIREMENT)


def require_engine():
    """Stop with the install hint before a model runs without ONNX Runtime or PyTorch (processing.run and
    qgis_process do not call canExecute)."""
    message = engine_missing_message()
    if message:
        raise QgsProcessingException(message)


def torch_missing_message():
    """None when PyTorch can be imported, else a translated message that says how to install it (the training
    algorithms need it).

    Checked with importlib's find_spec, which does not import torch (canExecute runs whenever a dialog opens)."""
    if deps.torch_available():
        return None
    message = QCoreApplication.translate(
        "LunarLab", "This algorithm needs PyTorch (CPU build), which QGIS's Python cannot import: training needs it "
        "(running a model needs only ONNX Runtime). In QGIS, install it with the menu Lunar Lab > Install PyTorch… "
        "(about 200 MB to download, 0.9 GB installed in your QGIS profile). Without QGIS desktop, run: {0}")
    command = deps.pip_command(deps.deps_dir() or "<profile>/python/" + deps.DEPS_FOLDER)
    return message.format(" ".join(command) if command else "pip install --target <profile>/python/"
                          + deps.DEPS_FOLDER + " " + deps.TORCH_REQUIREMENT)


def require_torch():
    """Stop with the install hint before a neural-network algorithm runs without PyTorch (processing.run and
    qgis_process do not call canExecute); torch itself is imported later, inside the algorithm."""
    message = torch_missing_message()
    if message:
        raise QgsProcessingException(message)


def write_onnx(alg, model_io, path, feedback):
    """NAME.onnx beside a trained NAME.pt (what ONNX Runtime runs, in a QGIS without PyTorch too); where the onnx
    package is missing a warning says so (the .pt still runs: converted where onnx is installed, or in PyTorch)."""
    from ...lunar_plugin.core import engine
    if not engine.can_export():
        feedback.pushWarning(alg.tr("No .onnx was written beside {0}: that needs the onnx package beside PyTorch "
                                    "(pip install onnx). The model still runs with ENGINE=torch, or is converted "
                                    "where onnx is installed.").format(path))
        return None
    onnx_path = model_io.export_file(path)
    feedback.pushInfo(alg.tr("ONNX model for ONNX Runtime: {0}").format(onnx_path))
    return onnx_path


def model_path(alg, parameters, name, context, default_file):
    """The MODEL file a user gave, or the shipped default; a clear error when neither exists."""
    path = alg.parameterAsFile(parameters, name, context) or shipped(default_file)
    if not os.path.isfile(path):
        raise QgsProcessingException(QCoreApplication.translate("LunarLab", "{0}: model file '{1}' does not exist")
                                     .format(name, path))
    return path
