"""The places where QGIS 3.22 (Qt5) and QGIS 4 (Qt6) differ, in one module; everything else imports from qgis.PyQt.

- QAction moved from QtWidgets to QtGui in Qt6.
- Dialogs: use ``exec()`` (both have it; ``exec_()`` is gone in PyQt6) and scoped enums such as
  ``Qt.TextFormat.RichText`` (PyQt5 5.11+ accepts them too); scripts/check_qt6.py and
  tests/core/test_qt6_static.py check this.
- QGIS enums that QGIS 3.36+ moved into ``Qgis`` (the old spellings are aliases there and go away in QGIS 4) and
  field types (QGIS 3.38+ takes ``QMetaType.Type``; PyQt6 has no ``QVariant.Type``): ``qgis_enum`` picks the new
  spelling when this QGIS has it and the 3.22 one otherwise (DEVELOPERS.md, "QGIS 4", has the plan).
"""
from qgis.core import Qgis

try:
    from qgis.PyQt.QtGui import QAction  # Qt6
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5

#: old (QGIS 3.22) spelling -> new spelling (QGIS 3.36+ and 4), for every one the plugin uses.
QGIS_ENUMS = {
    "QgsProcessingParameterNumber.Double": "Qgis.ProcessingNumberParameterType.Double",
    "QgsProcessingParameterNumber.Integer": "Qgis.ProcessingNumberParameterType.Integer",
    "QgsProcessing.TypeVector": "Qgis.ProcessingSourceType.Vector",
    "QgsProcessing.TypeVectorPolygon": "Qgis.ProcessingSourceType.VectorPolygon",
    "QgsProcessing.TypeVectorAnyGeometry": "Qgis.ProcessingSourceType.VectorAnyGeometry",
    "QgsProcessing.TypeRaster": "Qgis.ProcessingSourceType.Raster",
    "QgsProcessingParameterField.Numeric": "Qgis.ProcessingFieldParameterDataType.Numeric",
    "QgsProcessingParameterField.Any": "Qgis.ProcessingFieldParameterDataType.Any",
    "QgsWkbTypes.Point": "Qgis.WkbType.Point",
    "QgsWkbTypes.Polygon": "Qgis.WkbType.Polygon",
    "QgsWkbTypes.MultiPolygon": "Qgis.WkbType.MultiPolygon",
    "QgsWkbTypes.PolygonGeometry": "Qgis.GeometryType.Polygon",
    "QgsWkbTypes.NullGeometry": "Qgis.GeometryType.Null",
    "QgsWkbTypes.UnknownGeometry": "Qgis.GeometryType.Unknown",
    "QgsColorRampShader.Interpolated": "Qgis.ShaderInterpolationMethod.Linear",
    "QgsRasterBandStats.Min": "Qgis.RasterBandStatistic.Min",
    "QgsRasterBandStats.Max": "Qgis.RasterBandStatistic.Max",
    # unchanged enums, only scoped
    "QgsFeatureSink.FastInsert": "QgsFeatureSink.Flag.FastInsert",
    "QgsContrastEnhancement.StretchToMinimumMaximum":
        "QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum",
}
#: QgsField types: QVariant.Type name -> QMetaType.Type name.
FIELD_TYPES = {"Double": "Double", "Int": "Int", "LongLong": "LongLong", "String": "QString", "Bool": "Bool"}


def _resolve(dotted):
    import qgis.core
    value = qgis.core
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def qgis_enum(old):
    """The value for a QGIS 3.22 enum spelling (a key of QGIS_ENUMS) in the spelling this QGIS has."""
    try:
        return _resolve(QGIS_ENUMS[old])
    except AttributeError:
        return _resolve(old)


def field_type(name):
    """A QgsField type ("Double", "Int", "String", ...): QMetaType.Type from QGIS 3.38 on, QVariant.Type before."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType
        return getattr(QMetaType.Type, FIELD_TYPES[name])
    from qgis.PyQt.QtCore import QVariant
    return getattr(QVariant, name)


__all__ = ["QAction", "qgis_enum", "field_type", "QGIS_ENUMS", "FIELD_TYPES"]
