"""The About box: plugin version (metadata.txt), QGIS and PyTorch versions, and the shipped models' cards.

torch is imported here, lazily, only when the box opens (qgis_process must load the plugin without it).
"""
import configparser
import glob
import html
import json
import os

from qgis.PyQt.QtCore import QCoreApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: Metric names shown first in a card's summary, when present.
PREFERRED = ("r2", "rmse", "mae", "f1", "precision", "recall", "ap", "accuracy", "threshold")


def plugin_version(root=ROOT):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(root, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="?")


def torch_version():
    """PyTorch's version, or None when it is not importable (the neural-network algorithms need it)."""
    try:
        import torch  # noqa: PLC0415 (lazy on purpose)
    except Exception:  # noqa: BLE001 (ImportError, or a broken install)
        return None
    return torch.__version__


def _numbers(value, prefix=""):
    """(dotted name, number) pairs of a nested metrics dict, in order."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [(prefix, value)]
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            out += _numbers(item, f"{prefix}.{key}" if prefix else str(key))
        return out
    return []


def metrics_summary(metrics, limit=4):
    """A short 'r2 0.948, rmse 1.04' text from a card's metrics (nested dicts are flattened)."""
    pairs = _numbers(metrics or {})
    pairs.sort(key=lambda kv: next((i for i, p in enumerate(PREFERRED) if kv[0].lower().split(".")[-1] == p),
                                   len(PREFERRED)))
    return ", ".join(f"{name} {value:.3g}" if isinstance(value, float) else f"{name} {value}"
                     for name, value in pairs[:limit])


def model_cards(models_dir=None):
    """One dict per ``models/*.json`` card: name, date, summary, and whether its weights (``.pt``) exist."""
    models_dir = models_dir or os.path.join(ROOT, "models")
    cards = []
    for path in sorted(glob.glob(os.path.join(models_dir, "*.json"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        try:
            with open(path, encoding="utf-8") as handle:
                card = json.load(handle)
        except (OSError, ValueError) as err:
            cards.append({"file": stem, "name": stem, "date": "", "summary": f"unreadable card: {err}",
                          "weights": False})
            continue
        if not isinstance(card, dict):
            card = {}
        date = str(card.get("date") or card.get("trained") or card.get("created") or "")
        cards.append({"file": stem, "name": str(card.get("name") or stem), "date": date[:19],
                      "summary": metrics_summary(card.get("metrics")),
                      "weights": os.path.exists(os.path.join(models_dir, stem + ".pt"))})
    return cards


def about_html(root=ROOT):
    from qgis.core import Qgis
    torch = torch_version()
    rows = [
        (QCoreApplication.translate("LunarLab", "Plugin version"), plugin_version(root)),
        (QCoreApplication.translate("LunarLab", "QGIS version"), Qgis.QGIS_VERSION),
        (QCoreApplication.translate("LunarLab", "PyTorch version"),
         torch or QCoreApplication.translate("LunarLab", "not installed (the neural-network algorithms need it)")),
    ]
    parts = ["<h3>Lunar Lab</h3>",
             "<p>" + html.escape(QCoreApplication.translate(
                 "LunarLab", "Lunar remote sensing in the Processing Toolbox: crater detection and ages, oxide "
                 "maps, equal-area statistics.")) + "</p>",
             "<table>" + "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{html.escape(str(v))}</td></tr>"
                                 for k, v in rows) + "</table>",
             "<p><b>" + html.escape(QCoreApplication.translate("LunarLab", "Models in use")) + "</b></p>"]
    cards = model_cards(os.path.join(root, "models"))
    if cards:
        items = []
        for card in cards:
            text = html.escape(card["name"])
            if card["date"]:
                text += " (" + html.escape(card["date"]) + ")"
            if card["summary"]:
                text += ": " + html.escape(card["summary"])
            if not card["weights"]:
                text += " — " + html.escape(QCoreApplication.translate("LunarLab", "weights missing"))
            items.append(f"<li>{text}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p>" + html.escape(QCoreApplication.translate("LunarLab", "No model cards in models/.")) +
                     "</p>")
    parts.append('<p><a href="https://github.com/lunar-lab/lunar-lab#readme">README</a></p>')
    return "".join(parts)


def show_about(parent=None):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QIcon
    from qgis.PyQt.QtWidgets import QMessageBox
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("LunarLab", "About Lunar Lab"))
    box.setIconPixmap(QIcon(os.path.join(ROOT, "icons", "lunar_lab.svg")).pixmap(64, 64))
    box.setTextFormat(Qt.RichText)
    box.setText(about_html())
    box.setStandardButtons(QMessageBox.Ok)
    box.exec_()
    return box
