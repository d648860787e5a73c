"""lunar:detectcraters -- multi-scale crater detection, one circle per crater."""
from qgis.core import (QgsProcessing, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QVariant

from ...lunar_plugin.core.raster import RasterSource, all_nodata_check
from .. import styles
from .base import LunarAlgorithm
from .cluster_parameters import add_device, add_scheduler, device, scheduler
from .crater_layers import CRATER_GEOMETRY, crater_fields, lon_domain, moon_crs, write_circles
from .models import model_path, require_torch

DEFAULT_MODEL = "crater_detector.pt"


def elevation_band(source, requested):
    """The band to detect on: as asked, else a fused raster's 'Elevation' band, else band 1."""
    if requested:
        return source.check_band(requested, "the detector")
    for b in range(1, source.count + 1):
        if source.ds.GetRasterBand(b).GetDescription().lower().startswith("elevation"):
            return b
    return 1


class DetectCraters(LunarAlgorithm):
    NAME = "detectcraters"
    NEEDS_TORCH = True
    DISPLAY = "Detect craters"
    GROUP = "Craters"
    HELP = ("Finds craters on a DEM (or the elevation band of a fused DOM/DEM raster) with Lunar Lab's own "
            "CenterNet-style network, trained on LOLA LDEM_4 with the Head et al. 2010 catalogue (see "
            "models/crater_detector.json). Multi-scale as in Yang et al. (seed 000): an image pyramid lets one network "
            "find craters from a few pixels up to most of a tile; tiles overlap (OVERLAP, default 50%); detections of "
            "overlapping tiles and pyramid levels are merged into one crater each by suppression on circles in km on "
            "the Moon sphere. Diameters are true km at any latitude and in projected CRSs. Output: one circle per "
            "crater with lon, lat, diameter_km, confidence and the pyramid level.")

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("DEM or fused DOM/DEM raster")),
                 "The model card says which input the model takes (the shipped model: a DEM).")
        self.add(QgsProcessingParameterNumber("BAND", self.tr("Band (0 = elevation band / band 1)"),
                                              QgsProcessingParameterNumber.Integer, 0, minValue=0))
        self.add(QgsProcessingParameterFile("MODEL", self.tr("Detector model (.pt)"), extension="pt", optional=True),
                 "Default: the shipped models/crater_detector.pt; or one made by lunar:traincraterdetector.")
        self.add(QgsProcessingParameterNumber("MIN_DIAMETER_KM", self.tr("Minimum diameter (km)"),
                                              QgsProcessingParameterNumber.Double, 0.01, minValue=0.001),
                 "Craters smaller than about 4 pixels are not found whatever this says.")
        self.add(QgsProcessingParameterNumber("MAX_DIAMETER_KM", self.tr("Maximum diameter (km)"),
                                              QgsProcessingParameterNumber.Double, 1000.0, minValue=0.001))
        self.add(QgsProcessingParameterNumber("CONFIDENCE", self.tr("Minimum confidence"),
                                              QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.0,
                                              maxValue=1.0),
                 "Default: the threshold calibrated in the model card (its best F1 on the training split).")
        self.add(QgsProcessingParameterNumber("TILE_SIZE", self.tr("Tile size (pixels)"),
                                              QgsProcessingParameterNumber.Integer, 512, minValue=64, maxValue=4096))
        self.add(QgsProcessingParameterNumber("OVERLAP", self.tr("Tile overlap (fraction)"),
                                              QgsProcessingParameterNumber.Double, 0.5, minValue=0.0, maxValue=0.9))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Detected craters"),
                                                            QgsProcessing.TypeVectorPolygon))
        add_scheduler(self)
        add_device(self)

    def execute(self, parameters, context, feedback):
        require_torch()
        from ...lunar_plugin.core.craters import detect, training
        source = RasterSource(self.raster_source(parameters, "INPUT", context), "INPUT")
        band = elevation_band(source, self.parameterAsInt(parameters, "BAND", context))
        all_nodata_check(source, [band])
        model = model_path(self, parameters, "MODEL", context, DEFAULT_MODEL)
        bundle = training.load_bundle(model)
        card_threshold = training.card_threshold(bundle)
        confidence = self.parameterAsDouble(parameters, "CONFIDENCE", context) \
            if parameters.get("CONFIDENCE") not in (None, "") else card_threshold
        feedback.pushInfo(self.tr("Model {0} (card threshold {1:g}); confidence {2:g}; band {3}").format(
            model, card_threshold, confidence, band))
        fields = crater_fields([("confidence", QVariant.Double), ("level", QVariant.Int)])
        sink, dest = self.output_sink(parameters, "OUTPUT", context, fields, CRATER_GEOMETRY, moon_crs(),
                                      styles.craters_by_confidence(), self.tr("Craters (detected)"))
        craters = detect.detect_craters(
            source, bundle, self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context),
            self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context), confidence,
            self.parameterAsInt(parameters, "TILE_SIZE", context),
            self.parameterAsDouble(parameters, "OVERLAP", context), band=band, feedback=feedback,
            scheduler=scheduler(self, parameters, context), device=device(self, parameters, context))
        domain = lon_domain(source)
        write_circles(sink, fields, [(c["lon"], c["lat"], c["diameter_km"], [float(c["confidence"]), int(c["level"])])
                                     for c in craters], feedback, domain)
        feedback.pushInfo(self.tr("{0} craters detected (longitudes {1:g}..{2:g})").format(len(craters), *domain))
        if not craters:
            feedback.pushWarning(self.tr("No crater was found: check that INPUT is a DEM with relief at this "
                                         "scale, that it is not all nodata, and the diameter range and confidence"))
        return {"OUTPUT": dest}
