"""The places where QGIS 3.22 (Qt5) and QGIS 4 (Qt6) differ, in one module; everything else imports from qgis.PyQt.

- QAction moved from QtWidgets to QtGui in Qt6.
- Dialogs: use ``exec()`` (both have it; ``exec_()`` is gone in PyQt6) and scoped enums such as
  ``Qt.TextFormat.RichText`` (PyQt5 5.11+ accepts them too); scripts/check_qt6.py and
  tests/core/test_qt6_static.py check this.
- QGIS enums that QGIS 3.30-3.36 moved into ``Qgis`` (the old spellings stay as aliases until QGIS 4 drops them):
  this module names each by its new name, ``ProcessingSourceType.VectorPolygon``, which is ``Qgis``'s own enum
  where this QGIS has it and a class holding the same members' 3.22 values otherwise. Enums that did not move are
  written scoped (``QgsFeatureSink.Flag.FastInsert``), which 3.22 accepts.
- Field types: ``FieldType.Double`` is ``QMetaType.Type.Double`` from QGIS 3.38 on (PyQt6 has no ``QVariant.Type``)
  and ``QVariant.Double`` before.

scripts/qt6_spellings.py rewrites the old spellings into these, reading MOVED, SCOPED and FIELD_TYPES (plain
literals, so that it runs without QGIS). When qgisMinimumVersion reaches 3.38, write ``Qgis.<name>`` and
``QMetaType.Type`` directly and drop them (DEVELOPERS.md, "QGIS 4").
"""
import qgis.core
from qgis.core import Qgis

try:
    from qgis.PyQt.QtGui import QAction  # Qt6
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5

#: Enum name in Qgis (QGIS 3.30+/4) -> (its QGIS 3.22 class, {member: 3.22 member}).
MOVED = {
    "ProcessingSourceType": ("QgsProcessing", {
        "MapLayer": "TypeMapLayer", "VectorAnyGeometry": "TypeVectorAnyGeometry", "VectorPoint": "TypeVectorPoint",
        "VectorLine": "TypeVectorLine", "VectorPolygon": "TypeVectorPolygon", "Raster": "TypeRaster",
        "File": "TypeFile", "Vector": "TypeVector"}),
    "ProcessingNumberParameterType": ("QgsProcessingParameterNumber", {"Integer": "Integer", "Double": "Double"}),
    "ProcessingFieldParameterDataType": ("QgsProcessingParameterField", {
        "Any": "Any", "Numeric": "Numeric", "String": "String", "DateTime": "DateTime"}),
    "ProcessingParameterFlag": ("QgsProcessingParameterDefinition", {
        "Advanced": "FlagAdvanced", "Hidden": "FlagHidden", "Optional": "FlagOptional",
        "IsModelOutput": "FlagIsModelOutput"}),
    "ProcessingAlgorithmFlag": ("QgsProcessingAlgorithm", {
        "CanCancel": "FlagCanCancel", "NoThreading": "FlagNoThreading", "HideFromToolbox": "FlagHideFromToolbox",
        "HideFromModeler": "FlagHideFromModeler", "SupportsBatch": "FlagSupportsBatch",
        "RequiresMatchingCrs": "FlagRequiresMatchingCrs", "Deprecated": "FlagDeprecated"}),
    "WkbType": ("QgsWkbTypes", {
        "Unknown": "Unknown", "NoGeometry": "NoGeometry", "Point": "Point", "LineString": "LineString",
        "Polygon": "Polygon", "MultiPoint": "MultiPoint", "MultiLineString": "MultiLineString",
        "MultiPolygon": "MultiPolygon"}),
    "GeometryType": ("QgsWkbTypes", {
        "Point": "PointGeometry", "Line": "LineGeometry", "Polygon": "PolygonGeometry", "Unknown": "UnknownGeometry",
        "Null": "NullGeometry"}),
    "ShaderInterpolationMethod": ("QgsColorRampShader", {
        "Linear": "Interpolated", "Discrete": "Discrete", "Exact": "Exact"}),
    "RasterBandStatistic": ("QgsRasterBandStats", {
        "Min": "Min", "Max": "Max", "Mean": "Mean", "StdDev": "StdDev", "All": "All"}),
    "FeatureRequestFlag": ("QgsFeatureRequest", {
        "NoGeometry": "NoGeometry", "SubsetOfAttributes": "SubsetOfAttributes", "ExactIntersect": "ExactIntersect"}),
    "DistanceUnit": ("QgsUnitTypes", {
        "Meters": "DistanceMeters", "Kilometers": "DistanceKilometers", "Degrees": "DistanceDegrees"}),
    "ProcessingModelChildParameterSource": ("QgsProcessingModelChildParameterSource", {
        "ModelParameter": "ModelParameter", "ChildOutput": "ChildOutput", "StaticValue": "StaticValue",
        "Expression": "Expression", "ExpressionText": "ExpressionText", "ModelOutput": "ModelOutput"}),
}
#: Enums that stay where they are: the unscoped 3.22 spelling -> the scoped one (3.22 and QGIS 4 accept it).
SCOPED = {
    "QgsFeatureSink.FastInsert": "QgsFeatureSink.Flag.FastInsert",
    "QgsContrastEnhancement.StretchToMinimumMaximum":
        "QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum",
    "Qgis.Info": "Qgis.MessageLevel.Info",
    "Qgis.Warning": "Qgis.MessageLevel.Warning",
    "Qgis.Critical": "Qgis.MessageLevel.Critical",
    "Qgis.Success": "Qgis.MessageLevel.Success",
}
#: QgsField types: QVariant.Type name (the member of FieldType) -> QMetaType.Type name.
FIELD_TYPES = {"Double": "Double", "Int": "Int", "LongLong": "LongLong", "String": "QString", "Bool": "Bool",
               "Date": "QDate", "DateTime": "QDateTime"}


def _enum(name):
    """Qgis.<name> where this QGIS has it, else a class with the same member names holding the 3.22 values."""
    if hasattr(Qgis, name):
        return getattr(Qgis, name)
    old_class, members = MOVED[name]
    old = getattr(qgis.core, old_class)
    return type(name, (), {member: getattr(old, old_member) for member, old_member in members.items()})


ProcessingSourceType = _enum("ProcessingSourceType")
ProcessingNumberParameterType = _enum("ProcessingNumberParameterType")
ProcessingFieldParameterDataType = _enum("ProcessingFieldParameterDataType")
ProcessingParameterFlag = _enum("ProcessingParameterFlag")
ProcessingAlgorithmFlag = _enum("ProcessingAlgorithmFlag")
WkbType = _enum("WkbType")
GeometryType = _enum("GeometryType")
ShaderInterpolationMethod = _enum("ShaderInterpolationMethod")
RasterBandStatistic = _enum("RasterBandStatistic")
FeatureRequestFlag = _enum("FeatureRequestFlag")
ProcessingModelChildParameterSource = _enum("ProcessingModelChildParameterSource")
DistanceUnit = _enum("DistanceUnit")


def _field_types():
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType
        return type("FieldType", (), {name: getattr(QMetaType.Type, new) for name, new in FIELD_TYPES.items()})
    from qgis.PyQt.QtCore import QVariant
    return type("FieldType", (), {name: getattr(QVariant, name) for name in FIELD_TYPES})


#: QgsField(name, FieldType.Double): the field type this QGIS takes.
FieldType = _field_types()

__all__ = ["QAction", "FieldType", "MOVED", "SCOPED", "FIELD_TYPES"] + list(MOVED)
