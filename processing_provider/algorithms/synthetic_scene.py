"""lunar:syntheticscene -- deterministic synthetic lunar scene: the embedded demo data and test fixture."""
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination)

from ...lunar_plugin.core import synthetic
from ...lunar_plugin.qt_compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from .. import styles
from .base import LunarAlgorithm
from .crater_layers import CRATER_GEOMETRY, crater_fields, moon_crs, write_circles

CRATER_EXTRA_FIELDS = [("id", FieldType.Int), ("depth_km", FieldType.Double), ("rim_height_km", FieldType.Double),
                       ("kind", FieldType.String), ("degradation", FieldType.Double)]
UNIT_FIELDS = [("unit", FieldType.Int), ("name", FieldType.String), ("kind", FieldType.String),
               ("feo_wt", FieldType.Double), ("tio2_wt", FieldType.Double)]


def _fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


class SyntheticScene(LunarAlgorithm):
    NAME = "syntheticscene"
    DISPLAY = "Synthetic lunar scene"
    GROUP = "Data"
    HELP = ("A deterministic (seeded) synthetic lunar scene in the geographic Moon CRS (IAU_2015:30100), anywhere and "
            "of any size: a DEM with simple bowls and complex craters (depth, rim height after Pike 1977, ejecta, "
            "degradation, overlap), an illuminated DOM, a 5-band Clementine-like reflectance raster (415, 750, 900, "
            "950, 1000 nm) whose mare and highland units give known FeO/TiO2 through the Qiu et al. 2025 equations, "
            "the ground-truth craters as circles and the geologic units as polygons. Lunar Lab's demo data and test "
            "fixture.")

    def define(self):
        for name, label, default, lo, hi in (("WIDTH", "Width (pixels)", 1024, 16, 65536),
                                             ("HEIGHT", "Height (pixels)", 1024, 16, 65536)):
            self.add(QgsProcessingParameterNumber(name, self.tr(label), ProcessingNumberParameterType.Integer, default,
                                                  minValue=lo, maxValue=hi))
        self.add(QgsProcessingParameterNumber("CENTRE_LON", self.tr("Centre longitude (degrees)"),
                                              ProcessingNumberParameterType.Double, -20.0, minValue=-360, maxValue=360),
                 decimals=4)
        self.add(QgsProcessingParameterNumber("CENTRE_LAT", self.tr("Centre latitude (degrees)"),
                                              ProcessingNumberParameterType.Double, 10.0, minValue=-89, maxValue=89),
                 decimals=4)
        self.add(QgsProcessingParameterNumber("PIXEL_M", self.tr("Pixel size (m, along a meridian)"),
                                              ProcessingNumberParameterType.Double, 100.0, minValue=0.01), decimals=2)
        self.add(QgsProcessingParameterNumber("SEED", self.tr("Random seed"), ProcessingNumberParameterType.Integer,
                                              42),
                 "The same seed gives the same scene, byte for byte.", advanced=True)
        self.add(QgsProcessingParameterNumber("CRATER_DENSITY", self.tr("Crater density (relative)"),
                                              ProcessingNumberParameterType.Double, 1.0, minValue=0.0), advanced=True,
                 decimals=2)
        self.add(QgsProcessingParameterNumber("MARE_FRACTION", self.tr("Mare fraction"),
                                              ProcessingNumberParameterType.Double, 0.4, minValue=0.0, maxValue=1.0),
                 advanced=True, decimals=2)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_DEM", self.tr("Synthetic DEM")))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_DOM", self.tr("Synthetic DOM")))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_REFLECTANCE",
                                                                  self.tr("Synthetic Clementine reflectance")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_CRATERS", self.tr("Ground-truth craters"),
                                                            ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_UNITS", self.tr("Geologic units"),
                                                            ProcessingSourceType.VectorPolygon, optional=True))

    def execute(self, parameters, context, feedback):
        number = lambda name: self.parameterAsDouble(parameters, name, context)  # noqa: E731
        scene = synthetic.make_scene(self.parameterAsInt(parameters, "WIDTH", context),
                                     self.parameterAsInt(parameters, "HEIGHT", context),
                                     number("CENTRE_LON"), number("CENTRE_LAT"), pixel_m=number("PIXEL_M"),
                                     seed=self.parameterAsInt(parameters, "SEED", context),
                                     crater_density=number("CRATER_DENSITY"), mare_fraction=number("MARE_FRACTION"),
                                     feedback=feedback)
        paths = {name: self.parameterAsOutputLayer(parameters, name, context)
                 for name in ("OUTPUT_DEM", "OUTPUT_DOM", "OUTPUT_REFLECTANCE")}
        synthetic.write_scene(scene, paths["OUTPUT_DEM"], paths["OUTPUT_DOM"], paths["OUTPUT_REFLECTANCE"],
                              feedback=feedback)
        moon = moon_crs()
        fields = crater_fields(CRATER_EXTRA_FIELDS)
        sink, craters_dest = self.output_sink(parameters, "OUTPUT_CRATERS", context, fields, CRATER_GEOMETRY, moon,
                                              styles.craters_outline(styles.CATALOGUE_COLOUR),
                                              self.tr("Craters (synthetic ground truth)"))
        write_circles(sink, fields, [(c["lon"], c["lat"], c["diameter_km"],
                                      [int(c["id"]), float(c["depth_km"]), float(c["rim_height_km"]), str(c["kind"]),
                                       float(c["degradation"])]) for c in scene.craters], feedback)
        results = dict(paths, OUTPUT_CRATERS=craters_dest)
        units_sink, units_dest = self.output_sink(parameters, "OUTPUT_UNITS", context, _fields(UNIT_FIELDS),
                                                  WkbType.MultiPolygon, moon, styles.craters_by_category(
                                                      "kind", [("mare", "#3f007d"), ("highland", "#e6550d")]),
                                                  self.tr("Geologic units (synthetic)"))
        if units_sink is not None:
            for wkt, unit in synthetic.unit_polygons(scene):
                feature = QgsFeature(_fields(UNIT_FIELDS))
                feature.setGeometry(QgsGeometry.fromWkt(wkt))
                feature.setAttributes([int(unit["id"]), unit["name"], unit["kind"], float(unit["feo_wt"]),
                                       float(unit["tio2_wt"])])
                units_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            results["OUTPUT_UNITS"] = units_dest
        feedback.pushInfo(self.tr("{0} ground-truth craters").format(len(scene.craters)))
        self.style_output(context, paths["OUTPUT_DEM"], styles.pseudocolor("elevation", unit="m"), self.tr("DEM (synthetic, m)"))
        self.style_output(context, paths["OUTPUT_DOM"], styles.pseudocolor("grey"), self.tr("DOM (synthetic)"))
        self.style_output(context, paths["OUTPUT_REFLECTANCE"], styles.rgb((4, 2, 1)),
                          self.tr("Reflectance (synthetic Clementine, 950/750/415 nm)"))
        return results
