"""Small GeoPackage layers for tests."""
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant


def point_layer(path, rows, fields=(("diameter_km", QVariant.Double),), crs="IAU_2015:30100"):
    """A GeoPackage of points: rows are (lon, lat, *attribute values) for ``fields`` ((name, QVariant type))."""
    layer = QgsVectorLayer(f"Point?crs={crs}", "p", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    features = []
    for lon, lat, *attrs in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feature.setAttributes(list(attrs))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), options)
    return str(path)
