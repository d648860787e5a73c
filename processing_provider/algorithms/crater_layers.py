"""Crater layers in and out: any crater layer (circles, points, or a lon/lat table) to lon/lat/diameter arrays,
and crater rows back to circle polygons in the geographic Moon CRS, in the longitude domain of the data
(-180..180 or 0..360; a circle across the domain's edge is split there), carrying the input's attributes."""
import math

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDistanceArea, QgsFeature,
                       QgsFeatureRequest, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingUtils, QgsRectangle, QgsWkbTypes)
from qgis.PyQt.QtCore import QCoreApplication

from ...lunar_plugin.core.craters.schema import CIRCLE
from ...lunar_plugin.core.errors import Cancelled
from ...lunar_plugin.core.moon import MOON_GEOGRAPHIC_CRS, QGIS_MOON_ELLIPSOID, circle_polygon_lonlat
from ...lunar_plugin.qt_compat import (FieldType, FeatureRequestFlag, GeometryType, ProcessingFieldParameterDataType,
                                       ProcessingSourceType, WkbType)

LON_NAMES = ("lon", "longitude", "long", "lon_e", "center_lon", "x")
LAT_NAMES = ("lat", "latitude", "center_lat", "y")
DIAMETER_NAMES = ("diameter_km", "diam_km", "diameter", "diam", "d_km", "diameter (km)",
                  "diameter_k")  # the last: diameter_km in a Shapefile (10-character field names)
#: The largest lunar basin (South Pole-Aitken, ~2,500 km): a larger "crater" is almost surely a unit error.
LARGEST_BASIN_KM = 2500.0
#: Crater outputs are multipolygons: a circle across the longitude domain's edge is two parts.
CRATER_GEOMETRY = WkbType.MultiPolygon
#: Decimals of a probability or confidence as written: 0.0001 is far below any model's calibration.
PROBABILITY_DECIMALS = 4
#: Decimals of the numbers the crater algorithms write (write_circles): lon/lat to 1e-6 degree (3 cm on the Moon,
#: below a 0.25 m NAC pixel); diameters to 0.1 m (NAC craters start at 2 m: whole metres would pile small craters
#: onto a few values and bias a CSFD's smallest bins); the network's confidence as a probability.
DECIMALS = {"lon": 6, "lat": 6, "diameter_km": 4, "confidence": PROBABILITY_DECIMALS}


def _tr(text):
    """These helpers serve several algorithms: their messages use the plugin's own context."""
    return QCoreApplication.translate("LunarLab", text)


def moon_crs():
    return QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)


def crater_source_parameters(alg, name, label, optional=False):
    """A crater layer parameter and its diameter field parameter (named NAME and DIAMETER_FIELD or NAME_...)."""
    field_name = "DIAMETER_FIELD" if name == "CRATERS" else f"{name}_DIAMETER_FIELD"
    alg.add(QgsProcessingParameterFeatureSource(name, alg.tr(label), [ProcessingSourceType.Vector], optional=optional),
            "Crater circles, points, or a table with lon/lat fields (degrees).")
    alg.add(QgsProcessingParameterField(field_name, alg.tr(label + ": diameter field (km)"), None,
                                        name, ProcessingFieldParameterDataType.Numeric, optional=True),
            "Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon's area.",
            advanced=True)
    return field_name


def _find(fields, names):
    lowered = {f.name().lower(): f.name() for f in fields}
    return next((lowered[n] for n in names if n in lowered), None)


def read_craters(source, diameter_field, context, what="CRATERS", require_diameter=True):
    """(lon, lat, diameter_km, feature ids) arrays of a crater layer, lon/lat in the geographic Moon CRS."""
    if source is None:
        raise QgsProcessingException(_tr("{0}: no layer given").format(what))
    fields = source.fields()
    diameter_field = diameter_field or _find(fields, DIAMETER_NAMES)
    if diameter_field and fields.indexOf(diameter_field) < 0:
        raise QgsProcessingException(_tr("{0} has no field '{1}' (fields: {2})").format(
            what, diameter_field, ", ".join(fields.names())))
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    from_polygons = geometry_type == GeometryType.Polygon
    if not diameter_field and not from_polygons and require_diameter:
        raise QgsProcessingException(_tr("{0} has no diameter field: name one (km); fields: {1}").format(
            what, ", ".join(fields.names())))
    table = geometry_type in (GeometryType.Null, GeometryType.Unknown)
    lon_field, lat_field = (_find(fields, LON_NAMES), _find(fields, LAT_NAMES)) if table else (None, None)
    if table and not (lon_field and lat_field):
        raise QgsProcessingException(_tr("{0} has no geometry and no lon/lat fields").format(what))
    crs = moon_crs() if table else source.sourceCrs()
    transform = QgsCoordinateTransform(crs, moon_crs(), context.transformContext())
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, context.transformContext())
    measure.setEllipsoid(QGIS_MOON_ELLIPSOID)
    lon, lat, diameter, ids = [], [], [], []
    skipped = 0
    for feature in source.getFeatures():
        if table:
            x, y = feature[lon_field], feature[lat_field]
            if x is None or y is None:
                skipped += 1
                continue
            point = QgsPointXY(field_number(x, what, lon_field, feature.id()),
                               field_number(y, what, lat_field, feature.id()))
        else:
            geometry = feature.geometry()
            if geometry.isEmpty():
                skipped += 1
                continue
            point = transform.transform(geometry.centroid().asPoint())
        if diameter_field:
            d = field_number(feature[diameter_field], what, diameter_field, feature.id())
        elif from_polygons:
            d = 2.0 * math.sqrt(measure.measureArea(feature.geometry()) / 1e6 / math.pi)
        else:
            d = math.nan
        if require_diameter and not d > 0:
            raise QgsProcessingException(_tr("{0}: feature {1} has diameter {2}; diameters must be > 0 km").format(
                what, feature.id(), d))
        lon.append(to_domain(point.x()))
        lat.append(point.y())
        diameter.append(d)
        ids.append(feature.id())
    return np.array(lon), np.array(lat), np.array(diameter), ids, skipped


def is_null(value):
    """A NULL attribute, whichever way PyQGIS hands it over (None or a null QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def field_number(value, what, field, fid):
    """A field value as a float (NULL -> NaN); text that is no number is refused, naming the first bad row."""
    if is_null(value):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        raise QgsProcessingException(_tr("{0}: field '{1}' of feature {2} holds '{3}', not a number").format(
            what, field, fid, value)) from None


def warn_diameters(diameter, what, feedback):
    """Warn about diameters beyond the Moon's largest basin (usually metres or pixels taken as km)."""
    big = int(np.sum(np.asarray(diameter) > LARGEST_BASIN_KM))
    if big:
        feedback.pushWarning(_tr("{0}: {1} crater(s) are larger than {2:,.0f} km, the Moon's largest basin (largest "
                                 "{3:,.0f} km): is the diameter field in km?").format(
            what, big, LARGEST_BASIN_KM, np.nanmax(diameter)))
    return big


def carried_fields(ours, source, replace=False):
    """(fields, attributes by feature id): the source's own fields after ``ours`` (names made unique as QGIS's
    algorithms do), and each source feature's attributes, to carry a user's ids and names through.

    ``replace``: leave out the source's fields named as one of ``ours`` (case-insensitively, as GeoPackage and
    Shapefile compare names) instead of writing both as name and name_2: the output then has one value per name."""
    if source is None:
        return ours, {}
    taken = {name.lower() for name in ours.names()} if replace else set()
    keep = [i for i, field in enumerate(source.fields()) if field.name().lower() not in taken]
    theirs = QgsFields()
    for i in keep:
        theirs.append(source.fields().at(i))
    fields = QgsProcessingUtils.combineFields(ours, theirs)
    request = QgsFeatureRequest().setFlags(FeatureRequestFlag.NoGeometry)
    attributes = {f.id(): [values[i] for i in keep] for f in source.getFeatures(request) for values in [f.attributes()]}
    return fields, attributes


def lon_domain(source):
    """(west, east) longitude domain of a raster (core RasterSource): 0..360 for a geographic raster that lies
    east of 180 degrees, else -180..180."""
    if source.is_geographic:
        gt = source.geotransform
        east = gt[0] + gt[1] * source.xsize
        if min(gt[0], east) >= -1e-6 and max(gt[0], east) > 180.0 + 1e-6:
            return 0.0, 360.0
    return -180.0, 180.0


def to_domain(lon, domain=(-180.0, 180.0)):
    west = domain[0]
    return (lon - west) % 360.0 + west


#: QgsField types of the Python types the core's schemas use (craters.schema.FIELDS).
_FIELD_TYPES = {float: FieldType.Double, int: FieldType.Int, str: FieldType.String, bool: FieldType.Bool}


def qgis_field_type(kind):
    """The QgsField type of a Python type (a core schema's) or of a QVariant type (kept as it is)."""
    return _FIELD_TYPES.get(kind, kind)


def crater_fields(extra):
    """QgsFields: the crater circle (craters.schema.CIRCLE: lon, lat, diameter_km) followed by ``extra``
    (name, type) pairs, a type being a Python type or a QVariant type."""
    fields = QgsFields()
    for name, kind in list(CIRCLE) + list(extra):
        fields.append(QgsField(name, qgis_field_type(kind)))
    return fields


def circle_geometry(lon, lat, diameter_km, domain=(-180.0, 180.0), vertices=64):
    """A crater circle as a multipolygon inside the longitude ``domain``: split at its edge when it crosses."""
    centre = to_domain(float(lon), domain)
    ring = [QgsPointXY(x - lon + centre, y) for x, y in circle_polygon_lonlat(lon, lat, diameter_km, vertices)]
    circle = QgsGeometry.fromPolygonXY([ring + ring[:1]])
    west, east = domain
    box = circle.boundingBox()
    if box.xMinimum() >= west and box.xMaximum() <= east:
        return QgsGeometry.fromMultiPolygonXY([circle.asPolygon()])
    inside = QgsGeometry.fromRect(QgsRectangle(west, -90.0, east, 90.0))
    parts = [circle.intersection(inside)]
    for shift in (-360.0, 360.0):
        moved = QgsGeometry(circle)
        moved.translate(shift, 0.0)
        piece = moved.intersection(inside)
        if not piece.isEmpty():
            parts.append(piece)
    merged = QgsGeometry.collectGeometry(parts)
    merged.convertToMultiType()
    return merged


def write_circles(sink, fields, rows, feedback=None, domain=(-180.0, 180.0), decimals=None):
    """rows (any iterable): (lon, lat, diameter_km, [extra attribute values]) -> circle features in ``sink``, lon in
    ``domain``. ``decimals`` ({field name: decimals}, e.g. DECIMALS): the numbers of these fields are written
    rounded (the circle is drawn from the exact values). Returns how many were written."""
    places = [(i, n) for i, n in ((fields.indexOf(name), n) for name, n in (decimals or {}).items()) if i >= 0]
    written = 0
    for i, (lon, lat, diameter, extra) in enumerate(rows):
        if feedback is not None and i % 1000 == 0 and feedback.isCanceled():
            raise Cancelled("cancelled while writing craters")
        feature = QgsFeature(fields)
        feature.setGeometry(circle_geometry(lon, lat, diameter, domain))
        values = [float(to_domain(lon, domain)), float(lat), float(diameter)] + list(extra)
        for k, n in places:
            if isinstance(values[k], float):   # NULLs (None) and other types stay as they are
                values[k] = round(values[k], n)
        feature.setAttributes(values)
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(_tr("could not write crater {0}: {1}").format(i, sink.lastError()))
        written += 1
    return written
