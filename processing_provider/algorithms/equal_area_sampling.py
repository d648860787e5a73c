"""lunar:equalareasampling -- quasi-equal-area cells over an extent, rasters sampled, statistics."""
import re

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProcessingParameterEnum,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber, QgsRectangle)

from ...lunar_plugin.core import sampling
from ...lunar_plugin.core.moon import MOON_GEOGRAPHIC_CRS
from ...lunar_plugin.core.raster import RasterSource
from ...lunar_plugin.qt_compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from .. import styles
from .base import LunarAlgorithm, optional_float
from .cluster_parameters import add_scheduler, scheduler

STAT_FIELDS = ["count", "mean", "std", "min", "max", "p2_5", "p25", "p50", "p75", "p97_5"]


def field_name(layer, source):
    """Field name after the layer, or after its band description when the layer has a generic name
    (Model Builder's temporary outputs are all called OUTPUT_...)."""
    name = layer.name()
    description = source.ds.GetRasterBand(1).GetDescription()
    if name.lower().startswith("output") and description:
        name = description.replace("(wt%)", "").replace(" - ", " ")
    return (re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower() or "raster")[:40]


class EqualAreaSampling(LunarAlgorithm):
    NAME = "equalareasampling"
    DISPLAY = "Equal-area sampling and statistics"
    GROUP = "Statistics"
    HELP = ("The quasi-equal-area grid of Qiu et al. 2025 on the Moon sphere (R = 1737.4 km): latitude bands "
            "LAT_STEP wide, and in each latitude band a longitude step dlambda = A / (R^2 dphi cos phi) so every "
            "cell covers AREA_KM2. Every band of every raster is sampled at the cell centres (nearest pixel) into "
            "OUTPUT (points or cell polygons, with lat, lon, cell area and one field per band), and OUTPUT_STATS "
            "holds count, mean, std, min, max, percentiles and a histogram per raster band, for all cells and per "
            "zone of an optional ZONES polygon layer (e.g. maria / non-maria). Streams: a global run at the "
            "defaults (~17 million cells) uses bounded memory.")

    def define(self):
        self.add(QgsProcessingParameterMultipleLayers("RASTERS", self.tr("Rasters to sample"),
                                                      ProcessingSourceType.Raster),
                 "Every band of each raster becomes a field (named after the layer).")
        self.add(QgsProcessingParameterExtent("EXTENT", self.tr("Extent"), optional=True),
                 "Default: the union of the rasters' extents.")
        self.add(QgsProcessingParameterNumber("LAT_STEP", self.tr("Latitude step (degrees)"),
                                              ProcessingNumberParameterType.Double, 0.15, minValue=1e-4, maxValue=90),
                 "Qiu et al. 2025 use 0.15 degrees.", advanced=True, decimals=4)
        self.add(QgsProcessingParameterNumber("AREA_KM2", self.tr("Cell area (km²)"),
                                              ProcessingNumberParameterType.Double, 2.25, minValue=1e-6),
                 "Target area of each cell; Qiu et al. 2025 use 2.25 km².", decimals=3)
        self.add(QgsProcessingParameterEnum("GEOMETRY", self.tr("Output geometry"),
                                            [self.tr("Cell centre points"), self.tr("Cell polygons")], defaultValue=0))
        self.add(QgsProcessingParameterFeatureSource("ZONES", self.tr("Zones (polygons)"),
                                                     [ProcessingSourceType.VectorPolygon], optional=True),
                 "Optional polygons, e.g. maria; statistics are also given per zone.")
        self.add(QgsProcessingParameterField("ZONE_FIELD", self.tr("Zone name field"), parentLayerParameterName="ZONES",
                                             optional=True), "Default: the feature id.", advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Equal-area samples"),
                                                            ProcessingSourceType.VectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_STATS", self.tr("Equal-area statistics"),
                                                            ProcessingSourceType.Vector, optional=True))
        add_scheduler(self)

    def execute(self, parameters, context, feedback):
        moon = QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)
        layers = self.parameterAsLayerList(parameters, "RASTERS", context)
        if not layers:
            raise QgsProcessingException(self.tr("RASTERS: give at least one raster layer"))
        samplers, names = [], set()
        extent = QgsRectangle()
        for layer in layers:
            source = RasterSource(layer.source(), f"RASTERS ({layer.name()})")
            name = field_name(layer, source)
            while name in names:
                name += "_"
            names.add(name)
            samplers.append(sampling.RasterSampler(source, name))
            transform = QgsCoordinateTransform(layer.crs(), moon, context.transformContext())
            extent.combineExtentWith(transform.transformBoundingBox(layer.extent()))
        if parameters.get("EXTENT"):
            extent = self.parameterAsExtent(parameters, "EXTENT", context, moon)
        box = (extent.xMinimum(), max(extent.yMinimum(), -90.0), extent.xMaximum(), min(extent.yMaximum(), 90.0))
        lat_step = self.parameterAsDouble(parameters, "LAT_STEP", context)
        area = self.parameterAsDouble(parameters, "AREA_KM2", context)
        zones = self._zones(parameters, context, moon)
        polygons = self.parameterAsEnum(parameters, "GEOMETRY", context) == 1

        fields = QgsFields()
        for name, kind in (("lon", FieldType.Double), ("lat", FieldType.Double), ("area_km2", FieldType.Double),
                           ("zone", FieldType.String)):
            fields.append(QgsField(name, kind))
        value_fields = [f for s in samplers for f in s.field_names]
        for name in value_fields:
            fields.append(QgsField(name, FieldType.Double))
        geometry_type = WkbType.Polygon if polygons else WkbType.Point
        style = styles.craters_outline("#3182bd") if polygons else styles.points("#3182bd", 0.6)
        sink, dest = self.output_sink(parameters, "OUTPUT", context, fields, geometry_type, moon, style,
                                      self.tr("Equal-area samples ({0} km²)").format(area))
        feedback.pushInfo(self.tr("{0} cells of {1} km² over lon {2:.3f}..{3:.3f}, lat {4:.3f}..{5:.3f}").format(
            sampling.count_cells(box, lat_step, area), area, *box[::2], *box[1::2]))

        def write(batch):
            features = []
            for i in range(batch["lon"].size):
                f = QgsFeature(fields)
                lon, lat = float(batch["lon"][i]), float(batch["lat"][i])
                if polygons:
                    w, e = lon - batch["dlon"][i] / 2, lon + batch["dlon"][i] / 2
                    s, n = float(batch["lat_south"][i]), float(batch["lat_south"][i] + batch["lat_step"][i])
                    f.setGeometry(QgsGeometry.fromRect(QgsRectangle(w, s, e, n)))
                else:
                    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
                values = [lon, lat, float(batch["area_km2"][i]), str(batch["zone"][i])]
                values += [optional_float(batch[name][i]) for name in value_fields]
                f.setAttributes(values)
                features.append(f)
            if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.tr("Could not write samples: {0}").format(sink.lastError()))

        rows = sampling.sample_equal_area(samplers, box, lat_step, area, zones,
                                          write if sink is not None else None,  # None: statistics only
                                          feedback=feedback, scheduler=scheduler(self, parameters, context))
        results = {"OUTPUT": dest} if sink is not None else {}
        stats_fields = QgsFields()
        stats_fields.append(QgsField("zone", FieldType.String))
        stats_fields.append(QgsField("variable", FieldType.String))
        for name in STAT_FIELDS:
            stats_fields.append(QgsField(name, FieldType.Int if name == "count" else FieldType.Double))
        stats_fields.append(QgsField("histogram", FieldType.String))
        stats_sink, stats_dest = self.output_sink(parameters, "OUTPUT_STATS", context, stats_fields)
        if stats_sink is not None:
            for row in rows:
                f = QgsFeature(stats_fields)
                f.setAttributes([row["zone"], row["variable"]] + [optional_float(row.get(k)) for k in STAT_FIELDS]
                                + [row.get("histogram", "")])
                stats_sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
            results["OUTPUT_STATS"] = stats_dest
            for row in rows:
                if row["zone"] == "all" and row["count"]:
                    feedback.pushInfo(self.tr("{0}: n={1} mean={2:.4g} std={3:.4g} median={4:.4g}").format(
                        row["variable"], row["count"], row["mean"], row["std"], row["p50"]))
        return results

    def _zones(self, parameters, context, moon):
        source = self.parameterAsSource(parameters, "ZONES", context)
        if source is None:
            return None
        field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if field and source.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("ZONE_FIELD: ZONES has no field '{0}' (fields: {1})").format(
                field, ", ".join(source.fields().names())))
        transform = QgsCoordinateTransform(source.sourceCrs(), moon, context.transformContext())
        parts = {}  # several polygons may share a zone name: statistics come per name
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            geometry.transform(transform)
            parts.setdefault(str(feature[field]) if field else str(feature.id()), []).append(geometry)
        if not parts:
            raise QgsProcessingException(self.tr("ZONES: the layer holds no polygon"))
        return [(name, QgsGeometry.unaryUnion(geoms).asWkt()) for name, geoms in parts.items()]
