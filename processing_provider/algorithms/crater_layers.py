"""Crater layers in and out: any crater layer (circles, points, or a lon/lat table) to lon/lat/diameter arrays,
and crater dicts back to circle polygons in the geographic Moon CRS."""
import math

import numpy as np
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDistanceArea, QgsFeature,
                       QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingException, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ...lunar_plugin.core.moon import MOON_GEOGRAPHIC_CRS, QGIS_MOON_ELLIPSOID, circle_polygon_lonlat

LON_NAMES = ("lon", "longitude", "long", "lon_e", "center_lon", "x")
LAT_NAMES = ("lat", "latitude", "center_lat", "y")
DIAMETER_NAMES = ("diameter_km", "diam_km", "diameter", "diam", "d_km", "diameter (km)")


def moon_crs():
    return QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)


def crater_source_parameters(alg, name, label, optional=False):
    """A crater layer parameter and its diameter field parameter (named NAME and DIAMETER_FIELD or NAME_...)."""
    field_name = "DIAMETER_FIELD" if name == "CRATERS" else f"{name}_DIAMETER_FIELD"
    alg.add(QgsProcessingParameterFeatureSource(name, alg.tr(label), [QgsProcessing.TypeVector], optional=optional),
            "Crater circles, points, or a table with lon/lat fields (degrees).")
    alg.add(QgsProcessingParameterField(field_name, alg.tr("{0}: diameter field (km)").format(label), None, name,
                                        QgsProcessingParameterField.Numeric, optional=True),
            "Default: a field named diameter_km, Diam_km, diameter… or, for circles, the polygon's area.")
    return field_name


def _find(fields, names):
    lowered = {f.name().lower(): f.name() for f in fields}
    return next((lowered[n] for n in names if n in lowered), None)


def read_craters(source, diameter_field, context, what="CRATERS", require_diameter=True):
    """(lon, lat, diameter_km, feature ids) arrays of a crater layer, lon/lat in the geographic Moon CRS."""
    if source is None:
        raise QgsProcessingException(f"{what}: no layer given")
    fields = source.fields()
    diameter_field = diameter_field or _find(fields, DIAMETER_NAMES)
    if diameter_field and fields.indexOf(diameter_field) < 0:
        raise QgsProcessingException(f"{what} has no field '{diameter_field}' (fields: {', '.join(fields.names())})")
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    from_polygons = geometry_type == QgsWkbTypes.PolygonGeometry
    if not diameter_field and not from_polygons and require_diameter:
        raise QgsProcessingException(f"{what} has no diameter field: name one (km); fields: {', '.join(fields.names())}")
    table = geometry_type in (QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry)
    lon_field, lat_field = (_find(fields, LON_NAMES), _find(fields, LAT_NAMES)) if table else (None, None)
    if table and not (lon_field and lat_field):
        raise QgsProcessingException(f"{what} has no geometry and no lon/lat fields")
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
            point = QgsPointXY(float(x), float(y))
        else:
            geometry = feature.geometry()
            if geometry.isEmpty():
                skipped += 1
                continue
            point = transform.transform(geometry.centroid().asPoint())
        if diameter_field:
            value = feature[diameter_field]
            d = float(value) if value is not None else math.nan
        elif from_polygons:
            d = 2.0 * math.sqrt(measure.measureArea(feature.geometry()) / 1e6 / math.pi)
        else:
            d = math.nan
        if require_diameter and not d > 0:
            raise QgsProcessingException(f"{what}: feature {feature.id()} has diameter {d}; diameters must be > 0 km")
        lon.append(((point.x() + 180.0) % 360.0) - 180.0)
        lat.append(point.y())
        diameter.append(d)
        ids.append(feature.id())
    return np.array(lon), np.array(lat), np.array(diameter), ids, skipped


def crater_fields(extra):
    """QgsFields lon, lat, diameter_km followed by ``extra`` (name, QVariant type) pairs."""
    fields = QgsFields()
    for name, kind in [("lon", QVariant.Double), ("lat", QVariant.Double), ("diameter_km", QVariant.Double)] + extra:
        fields.append(QgsField(name, kind))
    return fields


def circle_geometry(lon, lat, diameter_km, vertices=64):
    ring = [QgsPointXY(x, y) for x, y in circle_polygon_lonlat(lon, lat, diameter_km, vertices)]
    return QgsGeometry.fromPolygonXY([ring + ring[:1]])


def write_circles(sink, fields, rows, feedback=None):
    """rows: (lon, lat, diameter_km, [extra attribute values]) -> circle features in ``sink``."""
    for i, (lon, lat, diameter, extra) in enumerate(rows):
        if feedback is not None and i % 1000 == 0 and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        feature.setGeometry(circle_geometry(lon, lat, diameter))
        feature.setAttributes([float(lon), float(lat), float(diameter)] + list(extra))
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"could not write crater {i}: {sink.lastError()}")
