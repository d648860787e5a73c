"""QGIS 4 (Qt6) readiness, read from the source: no Qt5-only spot (scripts/check_qt6.py) and no QGIS 3.22-only
enum spelling or QVariant field type (scripts/qt6_spellings.py, which rewrites them: ``--fix``) in the plugin."""
import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import check_qt6  # noqa: E402
import qt6_spellings  # noqa: E402


def test_no_qt5_only_code_in_the_plugin():
    spots = [f"{rel}:{line}: {message}" for rel, found in check_qt6.check().items() for line, message in found]
    assert not spots, "Qt5-only code (see scripts/check_qt6.py):\n" + "\n".join(spots)


def test_no_qgis_3_22_only_spellings_in_the_plugin():
    left = [f"{rel}:{line}: {old} -> {new or 'no rule: add it to lunar_plugin/qt_compat.py'}"
            for rel, line, old, new in qt6_spellings.check()]
    assert not left, "run: .venv/bin/python scripts/qt6_spellings.py --fix\n" + "\n".join(left)


SAMPLE = '''"""A module."""
from qgis.core import (QgsFeatureSink, QgsField, QgsProcessing, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsRasterBandStats, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ..other import thing

p = QgsProcessingParameterFeatureSource("INPUT", "Geologic units, polygons, System", [QgsProcessing.TypeVectorPolygon])
n = QgsProcessingParameterNumber("N", "N", QgsProcessingParameterNumber.Double, 1.0)
flags = QgsFeatureSink.FastInsert
stats = QgsRasterBandStats.Min | QgsRasterBandStats.Max
field = QgsField("d", QVariant.Double)
geometry = QgsWkbTypes.PolygonGeometry, QgsWkbTypes.Type(3), QgsWkbTypes.geometryType(3)
kept = QgsProcessing.TEMPORARY_OUTPUT, QgsFeatureSink.Flag.FastInsert, QVariant()
unknown = QgsProcessing.TypeNoSuchThing
'''
FIXED = '''"""A module."""
from qgis.core import (QgsFeatureSink, QgsField, QgsProcessing, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ..other import thing
from ...lunar_plugin.qt_compat import (FieldType, GeometryType, ProcessingNumberParameterType, ProcessingSourceType,
                                       RasterBandStatistic)

p = QgsProcessingParameterFeatureSource("INPUT", "Geologic units, polygons, System",
                                        [ProcessingSourceType.VectorPolygon])
n = QgsProcessingParameterNumber("N", "N", ProcessingNumberParameterType.Double, 1.0)
flags = QgsFeatureSink.Flag.FastInsert
stats = RasterBandStatistic.Min | RasterBandStatistic.Max
field = QgsField("d", FieldType.Double)
geometry = GeometryType.Polygon, QgsWkbTypes.Type(3), QgsWkbTypes.geometryType(3)
kept = QgsProcessing.TEMPORARY_OUTPUT, QgsFeatureSink.Flag.FastInsert, QVariant()
unknown = QgsProcessing.TypeNoSuchThing
'''


def test_rewrite_tool_rewrites_each_kind_once():
    table = qt6_spellings.rules()
    found = Counter(old for _, old in qt6_spellings.old_spellings(ast.parse(SAMPLE)))
    assert found == Counter({"QgsProcessing.TypeVectorPolygon": 1, "QgsProcessingParameterNumber.Double": 1,
                             "QgsFeatureSink.FastInsert": 1, "QgsRasterBandStats.Min": 1,
                             "QgsRasterBandStats.Max": 1, "QVariant.Double": 1, "QgsWkbTypes.PolygonGeometry": 1,
                             "QgsProcessing.TypeNoSuchThing": 1}), found
    fixed, count = qt6_spellings.fix_source(SAMPLE, "processing_provider/algorithms/sample.py", table)
    assert (fixed, count) == (FIXED, 7), fixed
    assert qt6_spellings.fix_source(fixed, "processing_provider/algorithms/sample.py", table) == (fixed, 0)
    compile(fixed, "sample.py", "exec")


def test_rewrite_tool_imports_qt_compat_relative_to_the_module():
    assert qt6_spellings.compat_module("processing_provider/algorithms/base.py") == "...lunar_plugin.qt_compat"
    assert qt6_spellings.compat_module("processing_provider/styles.py") == "..lunar_plugin.qt_compat"
    assert qt6_spellings.compat_module("lunar_plugin/about.py") == ".qt_compat"
    assert qt6_spellings.compat_module("__init__.py") == ".lunar_plugin.qt_compat"


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
