"""lunar:importcratercount -- a craterstats/CraterTools/OpenCraterTool crater count (.scc, .diam, _CRATER/_AREA
shapefile pair) as a crater layer and a count-area layer."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterCrs, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile)

from ...lunar_plugin.core import crater_files
from ...lunar_plugin.qt_compat import FieldType, ProcessingSourceType, WkbType
from .. import styles
from .base import LunarAlgorithm
from .csfd import geographic_crs
from .crater_layers import CRATER_GEOMETRY, circle_geometry, crater_fields, moon_crs


class ImportCraterCount(LunarAlgorithm):
    NAME = "importcratercount"
    DISPLAY = "Import crater count (.scc, .diam, shapefile pair)"
    GROUP = "Crater ages"
    HELP = ("Loads a crater count written by craterstats, CraterTools or OpenCraterTool (.scc, .diam, or a "
            "_CRATER/_AREA shapefile pair) as a crater layer (circles with lon, lat in degrees, diameter_km, the "
            "crater's fraction inside the count area and, for buffered counts, its reference area) and a count-area "
            "layer (one polygon per sub-area, holes cut out, with its area and perimeter measured on the Moon "
            "sphere). The layers are in CRS, by default the CRS the count was measured in where the .scc names one "
            "(a PROJ string), else lunar longitude/latitude. A .diam has no count-area boundary: its area layer "
            "stays empty and AREA_KM2 is the area the file states.")

    def define(self):
        self.add(QgsProcessingParameterFile("INPUT", self.tr("Crater count file"),
                                            fileFilter=self.tr("Crater counts (*.scc *.diam *.shp)")),
                 ".scc (boundary, sub-areas, holes, craters with fractions), .diam (diameters, fractions or "
                 "reference areas), or the _CRATER.shp of a shapefile pair (its _AREA.shp beside it).")
        self.add(QgsProcessingParameterCrs("CRS", self.tr("CRS of the layers"), optional=True),
                 "Default: the CRS the .scc says the count was measured in, else lunar longitude/latitude.")
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_CRATERS", self.tr("Craters"),
                                                            ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_AREA", self.tr("Count area"),
                                                            ProcessingSourceType.VectorPolygon, optional=True))
        self.addOutput(QgsProcessingOutputNumber("N_CRATERS", self.tr("Craters")))
        self.addOutput(QgsProcessingOutputNumber("AREA_KM2", self.tr("Count area (km², on the Moon sphere)")))
        self.addOutput(QgsProcessingOutputNumber("PERIMETER_KM", self.tr("Count area perimeter (km)")))

    def execute(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        count = crater_files.read_count(path)
        if count.lons is None and count.boundary:
            raise QgsProcessingException(self.tr("INPUT {0}: the craters have no lon/lat").format(path))
        lonlat = moon_crs()
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem.fromProj(count.crs_text) if count.crs_text else lonlat
            if not crs.isValid():
                feedback.pushWarning(self.tr("The CRS the file names ({0}) cannot be read: the layers are in "
                                             "lunar longitude/latitude").format(count.crs_text))
                crs = lonlat
        if crs != lonlat and not crs.isGeographic():
            lonlat = geographic_crs(crs, context.transformContext())
        transform = None if crs == lonlat else QgsCoordinateTransform(lonlat, crs, context.transformContext())
        if transform is not None and not transform.isValid():
            raise QgsProcessingException(self.tr("CRS {0}: lunar longitude/latitude cannot be transformed into it")
                                         .format(crs.authid() or crs.toProj()))
        area = count.count_area()
        area_km2 = area.area_km2 if area is not None else count.area_km2
        perimeter = area.perimeter_km if area is not None else count.perimeter_km
        if area is not None and abs(area_km2 - count.area_km2) > 0.005 * count.area_km2:
            feedback.pushWarning(self.tr("The file states a count area of {0:.6g} km²; its boundary measures "
                                         "{1:.6g} km² on the Moon sphere").format(count.area_km2, area_km2))

        fields = crater_fields([("fraction", float), ("reference_area_km2", float)])
        sink, crater_dest = self.output_sink(parameters, "OUTPUT_CRATERS", context, fields, CRATER_GEOMETRY, crs,
                                             style=styles.craters_outline("#e31a1c"), layer_name=self.tr("Imported craters"))
        n = count.diameters_km.size
        fractions = count.fractions if count.fractions is not None else [1.0] * n
        refs = count.reference_areas_km2
        for i in range(n):
            if i % 500 == 0:
                feedback.setProgress(100.0 * i / n)
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled by the user; no output was written."))
            feature = QgsFeature(fields)
            if count.lons is not None:
                lon, lat = float(count.lons[i]), float(count.lats[i])
                geometry = circle_geometry(lon, lat, float(count.diameters_km[i]))
                if transform is not None:
                    geometry.transform(transform)
                feature.setGeometry(geometry)
            else:
                lon = lat = None
            feature.setAttributes([lon, lat, float(count.diameters_km[i]), float(fractions[i]),
                                   None if refs is None else float(refs[i])])
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.tr("Could not write crater {0}: {1}").format(
                    i, sink.lastError()))
        results = {"OUTPUT_CRATERS": crater_dest, "N_CRATERS": n, "AREA_KM2": float(area_km2),
                   "PERIMETER_KM": float(perimeter) if perimeter is not None else float("nan")}

        area_fields = QgsFields()
        for name, kind in (("name", FieldType.String), ("area_km2", FieldType.Double),
                           ("perimeter_km", FieldType.Double)):
            area_fields.append(QgsField(name, kind))
        area_sink, area_dest = self.output_sink(parameters, "OUTPUT_AREA", context, area_fields,
                                                WkbType.Polygon, crs, style=styles.craters_outline("#ffd700"),
                                                layer_name=self.tr("Imported count area"))
        if area_sink is not None:
            if area is None:
                feedback.pushWarning(self.tr("INPUT {0} holds no count-area boundary: the area layer is empty")
                                     .format(path))
            else:
                exterior_numbers = [n_ for n_, tag, _ in count.boundary if tag != "int"]
                for k, rings in enumerate(area.polygons):
                    geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in list(r) + [r[0]]]
                                                          for r in rings])
                    if transform is not None:
                        geometry.transform(transform)
                    one = crater_files.count_areas.CountArea([rings])
                    feature = QgsFeature(area_fields)
                    feature.setGeometry(geometry)
                    number = exterior_numbers[k] if k < len(exterior_numbers) else k + 1
                    feature.setAttributes([count.area_names.get(number, ""), float(one.area_km2),
                                           float(one.perimeter_km)])
                    if not area_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                        raise QgsProcessingException(self.tr("Could not write the count area: {0}").format(
                            area_sink.lastError()))
            results["OUTPUT_AREA"] = area_dest
        feedback.pushInfo(self.tr("{0} craters; count area {1:.6g} km² on the Moon sphere").format(n, area_km2))
        return results
