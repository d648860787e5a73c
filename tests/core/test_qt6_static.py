"""QGIS 4 (Qt6) readiness, read from the source (scripts/check_qt6.py): no new Qt5-only spot lands in the plugin.

The only spots left are QVariant field types in algorithm modules (QgsField(name, QVariant.Double)): QGIS 3.22 needs
them and QGIS 3.38+/4 takes QMetaType.Type; ``lunar_plugin.qt_compat.field_type`` bridges them and the algorithm
modules switch to it as DEVELOPERS.md ("QGIS 4") plans. KNOWN is an upper bound per file: a new one fails.
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import check_qt6  # noqa: E402

KNOWN_QVARIANT_FIELD_TYPES = {
    "processing_provider/algorithms/crater_ages.py": 4,
    "processing_provider/algorithms/crater_layers.py": 3,
    "processing_provider/algorithms/csfd.py": 3,
    "processing_provider/algorithms/detect_craters.py": 2,
    "processing_provider/algorithms/equal_area_sampling.py": 10,
    "processing_provider/algorithms/evaluate_craters.py": 10,
    "processing_provider/algorithms/synthetic_scene.py": 10,
}


def test_no_new_qt5_only_code_in_the_plugin():
    new = []
    for rel, spots in check_qt6.check().items():
        qvariant = [s for s in spots if s[1].startswith("QVariant.")]
        new += [f"{rel}:{line}: {message}" for line, message in spots if not message.startswith("QVariant.")]
        if len(qvariant) > KNOWN_QVARIANT_FIELD_TYPES.get(rel, 0):
            new += [f"{rel}:{line}: {message} (use lunar_plugin.qt_compat.field_type)" for line, message in qvariant]
    assert not new, "Qt5-only code (see scripts/check_qt6.py):\n" + "\n".join(new)


def test_checker_finds_each_kind_of_qt5_only_code():
    source = '''
from PyQt5.QtCore import Qt
import sip
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtWidgets import QAction, QMessageBox
box = QMessageBox()
box.setTextFormat(Qt.RichText)
box.setStandardButtons(QMessageBox.Ok | QMessageBox.StandardButton.Cancel)
box.exec_()
field = QVariant.Double
fine = (Qt.TextFormat.PlainText, QMessageBox.information, QMessageBox.StandardButton(1024))
'''
    found = Counter(message.split(":")[0] for _, message in check_qt6.check_source(source, "sample.py"))
    assert found == Counter({"from PyQt5.QtCore import": 1, "import sip": 1,
                             "QAction from QtWidgets (QtGui in Qt6)": 1, "Qt.RichText": 1, "QMessageBox.Ok": 1,
                             ".exec_()": 1, "QVariant.Double": 1}), found


def test_checker_reads_every_shipped_module():
    files = {p.relative_to(ROOT).as_posix() for p in check_qt6.plugin_files()}
    assert {"__init__.py", "lunar_plugin/plugin.py", "lunar_plugin/about.py", "lunar_plugin/qt_compat.py",
            "processing_provider/provider.py", "processing_provider/algorithms/base.py"} <= files
    assert not [f for f in files if f.startswith(("tests/", "scripts/", ".venv/"))]
