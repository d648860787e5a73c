"""lunar:detectcraters -- multi-scale crater detection, one circle per crater."""
import os
import re
from contextlib import closing

from osgeo import gdal
from qgis.core import (QgsCoordinateTransform, QgsCsException, QgsPointXY, QgsProcessingException,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer)

from ...lunar_plugin.core.craters.tiles import RasterWindow, pixel_window
from ...lunar_plugin.core.raster import RasterGeo, RasterSource, all_nodata_check
from ...lunar_plugin.qt_compat import ProcessingNumberParameterType, ProcessingSourceType
from .. import styles
from .base import LunarAlgorithm
from .cluster_parameters import add_device, add_engine, add_scheduler, device, engine, scheduler
from .crater_layers import CRATER_GEOMETRY, DECIMALS, crater_fields, lon_domain, moon_crs, write_circles
from .models import RUN_NOTE, SHIPPED_MODELS, add_model_choice, chosen_model, require_engine, shipped_labels

DEFAULT_MODEL = SHIPPED_MODELS["detector"][0][0]
ELEVATION_WORDS = ("elev", "height", "dem", "topo")
IMAGE_WORDS = ("image", "dom", "reflect", "albedo", "radiance", "i/f", "gray", "grey", "nac")


def raster_kind(source, band):
    """'dem', 'image' or None (cannot tell), from the band's description and unit, else its data type and range:
    8/16-bit unsigned is an image; a signed or float band with negative values a DEM, one within 0..1.5 an image."""
    b = source.ds.GetRasterBand(band)
    text = f"{b.GetDescription()} {b.GetUnitType()}".lower()
    if b.GetUnitType().lower() in ("m", "km", "metre", "meter", "metres", "meters") or \
            any(w in text for w in ELEVATION_WORDS):
        return "dem"
    if any(w in text for w in IMAGE_WORDS) or b.DataType in (gdal.GDT_Byte, gdal.GDT_UInt16):
        return "image"
    try:
        lo, hi = b.ComputeRasterMinMax(True)
    except RuntimeError:   # no valid pixel to measure
        return None
    if lo < 0:
        return "dem"
    return "image" if hi <= 1.5 else None


def model_fit_warnings(alg, card, source, band):
    """Why the model (its craters.model_io.ModelCard) may not suit the raster (translated): another input kind,
    or a pixel size far from the trained one."""
    warnings = []
    want, kind = card.input, raster_kind(source, band)
    names = {"dem": alg.tr("a DEM"), "image": alg.tr("an image")}
    if kind and kind != want:
        warnings.append(alg.tr("INPUT band {0} looks like {1} but the model takes {2}: choose the SHIPPED_MODEL (or a "
                               "MODEL) made for {1}").format(band, names[kind], names.get(want, want)))
    lo_hi = card.pixel_km_range
    if lo_hi:
        geo = RasterGeo(source)
        _, ky = geo.km_per_px([geo.xsize / 2.0], [geo.ysize / 2.0])
        px = float(ky[0])
        if not lo_hi[0] <= px <= lo_hi[1]:
            warnings.append(alg.tr("INPUT has {0:g} m pixels, far outside the {1:g}-{2:g} m the model was trained "
                                   "for: expect fewer and worse detections").format(
                px * 1000, lo_hi[0] * 1000, lo_hi[1] * 1000))
    return warnings


def shipped_model_name(index):
    """The short name of a shipped detector: its SHIPPED_MODEL option up to the colon ('LOLA DEM model')."""
    return re.split("[:：]", shipped_labels("detector")[index])[0].strip()


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
    NEEDS_ENGINE = True
    DISPLAY = "Detect craters"
    GROUP = "Craters"
    HELP = ("Finds craters on a DEM (or the elevation band of a fused DOM/DEM raster) with Lunar Lab's own "
            "CenterNet-style network, trained on LOLA LDEM_4 with the Head et al. 2010 catalogue (its model card is "
            "shown in Lunar Lab > About and in the documentation). Multi-scale as in Yang et al. 2020: an image "
            "pyramid lets one network find craters from a few pixels up to most of a tile; tiles overlap (OVERLAP, "
            "default 50%); detections of overlapping tiles and pyramid levels are merged into one crater each by "
            "suppression on circles in km on the Moon sphere. Diameters are true km at any latitude and in "
            "projected CRSs. EXTENT limits the detection to a part of the raster: only that window is read and "
            "tiled, and craters whose centre lies outside the extent are left out. Output: one circle per crater "
            "with lon, lat, diameter_km, confidence and the pyramid level, listed region by region from the top of "
            "the raster down (each region's most confident first), so a global mosaic's craters never have to fit "
            "in memory; the layer is named after the raster and the model. SHIPPED_MODEL chooses the LOLA DEM model "
            "(km-scale craters on DEMs) or the NAC image model (metre-scale craters on images of about 0.25-4 m/px, "
            "trained on LRO NAC tiles of Yang et al.'s Lunar_Crater_Detection_Data; its model card is in the same "
            "places).") + RUN_NOTE

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("DEM, fused DOM/DEM raster or image")),
                 "The model card says which input the model takes (LOLA DEM model: a DEM; NAC model: an image); "
                 "a warning says when INPUT looks like the other kind.")
        self.add(QgsProcessingParameterExtent("EXTENT", self.tr("Extent"), optional=True),
                 "Default: the whole raster. Only this part of the raster is read; craters centred outside it are left "
                 "out. Give it in a lunar CRS.")
        add_model_choice(self, "detector", self.tr("Detector model file (.pt), instead of the shipped one"),
                         "A model made by lunar:traincraterdetector; overrides the shipped model.")
        self.add(QgsProcessingParameterNumber("MIN_DIAMETER_KM", self.tr("Minimum diameter (km)"),
                                              ProcessingNumberParameterType.Double, None, optional=True,
                                              minValue=0.0001),
                 "Default: none, every crater the model finds (from about 4 pixels: 2 m on a 0.5 m/px NAC image, "
                 "30 km on LDEM_4). The log says how many craters the diameter range left out.", decimals=4)
        self.add(QgsProcessingParameterNumber("MAX_DIAMETER_KM", self.tr("Maximum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 1000.0, minValue=0.001), decimals=3)
        self.add(QgsProcessingParameterNumber("BAND", self.tr("Band (0 = elevation band / band 1)"),
                                              ProcessingNumberParameterType.Integer, 0, minValue=0),
                 "0: a fused raster's 'Elevation' band, else band 1.", advanced=True)
        self.add(QgsProcessingParameterNumber("CONFIDENCE", self.tr("Minimum confidence"),
                                              ProcessingNumberParameterType.Double, None, optional=True, minValue=0.0,
                                              maxValue=1.0),
                 "Default: the threshold calibrated in the model card (its best F1 on the training split).",
                 advanced=True, decimals=2)
        self.add(QgsProcessingParameterNumber("TILE_SIZE", self.tr("Tile size (pixels)"),
                                              ProcessingNumberParameterType.Integer, None, optional=True, minValue=64,
                                              maxValue=4096),
                 "Default: the model card's (512 for the LOLA DEM model, 1024 for the NAC image model).", advanced=True)
        self.add(QgsProcessingParameterNumber("OVERLAP", self.tr("Tile overlap (fraction)"),
                                              ProcessingNumberParameterType.Double, None, optional=True, minValue=0.0,
                                              maxValue=0.9),
                 "Default: the model card's (0.5 for the LOLA DEM model, 0.25 for the NAC image model).",
                 advanced=True, decimals=2)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Detected craters"),
                                                            ProcessingSourceType.VectorPolygon))
        add_scheduler(self)
        add_device(self)
        add_engine(self)

    def execute(self, parameters, context, feedback):
        require_engine()
        from ...lunar_plugin.core.craters import detect, model_io
        from ...lunar_plugin.core.craters.schema import MEASURES
        layer = self.parameterAsRasterLayer(parameters, "INPUT", context)
        whole = RasterSource(self.raster_source(parameters, "INPUT", context), "INPUT")
        band = elevation_band(whole, self.parameterAsInt(parameters, "BAND", context))
        all_nodata_check(whole, [band])
        inside = self._extent_test(parameters, context)
        source = self._window(parameters, context, layer, whole) if inside else whole
        model = chosen_model(self, parameters, context, "detector")
        where = device(self, parameters, context)
        detector = detect.Detector(model_io.load_for(model, engine(self, parameters, context), where), where)
        feedback.pushInfo(self.tr("Network engine: {0}").format(detector.engine))
        for warning in model_fit_warnings(self, detector.card, source, band):
            feedback.pushWarning(warning)
        card_threshold = detector.card.confidence_threshold
        confidence = self.parameterAsDouble(parameters, "CONFIDENCE", context) \
            if parameters.get("CONFIDENCE") not in (None, "") else card_threshold
        feedback.pushInfo(self.tr("Model {0} (card threshold {1:g}); confidence {2:g}; band {3}").format(
            model, card_threshold, confidence, band))
        fields = crater_fields(MEASURES)
        model_name = os.path.splitext(os.path.basename(model))[0] if parameters.get("MODEL") \
            else shipped_model_name(self.parameterAsEnum(parameters, "SHIPPED_MODEL", context))
        sink, dest = self.output_sink(parameters, "OUTPUT", context, fields, CRATER_GEOMETRY, moon_crs(),
                                      styles.craters_by_confidence(), self.layer_name(layer.name(), model_name))
        regions = detector.detect_regions(
            source, self._min_diameter_km(parameters, context, source),
            self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context), confidence,
            self.parameterAsInt(parameters, "TILE_SIZE", context) if parameters.get("TILE_SIZE") not in (None, "")
            else None,
            self.parameterAsDouble(parameters, "OVERLAP", context) if parameters.get("OVERLAP") not in (None, "")
            else None, band=band, feedback=feedback, scheduler=scheduler(self, parameters, context))
        domain = lon_domain(whole)   # the whole raster's longitudes, whatever part of it was read
        outside = [0]

        def kept(craters):
            for c in craters:
                if inside is None or inside(c.lon, c.lat):
                    yield c.lon, c.lat, c.diameter_km, c.measures()
                else:
                    outside[0] += 1

        with closing(regions):   # written region by region: a global mosaic's craters never wait in memory
            written = write_circles(sink, fields, (row for craters in regions for row in kept(craters)), feedback,
                                    domain, DECIMALS)
        feedback.pushInfo(self.tr("{0} craters detected").format(written))
        if outside[0]:
            feedback.pushInfo(self.tr("{0} craters centred outside the extent (in its edge pixels) left out").format(
                outside[0]))
        if domain != (-180.0, 180.0):   # the default needs no word; 0..360 surprises a user expecting -180..180
            feedback.pushInfo(self.tr("Longitudes are written from {0:g} to {1:g}, as the raster's").format(*domain))
        if not written:
            feedback.pushWarning(self.tr("No crater was found: check that INPUT is a DEM with relief at this "
                                         "scale, that it is not all nodata, and the diameter range and confidence"))
        return {"OUTPUT": dest}

    def layer_name(self, raster_name, model_name):
        """The output layer's name: what was run on what, so that several runs in one project can be told apart."""
        return self.tr("Craters (detected) — {0}, {1}").format(raster_name, model_name)

    def _extent_test(self, parameters, context):
        """None without EXTENT, else a test (lon, lat in the Moon CRS) -> whether a crater centre lies inside it,
        made in EXTENT's own CRS (exact where the raster's CRS would turn the rectangle into a wider box)."""
        if not parameters.get("EXTENT"):
            return None
        rect = self.parameterAsExtent(parameters, "EXTENT", context)
        to_extent = QgsCoordinateTransform(moon_crs(), self.parameterAsExtentCrs(parameters, "EXTENT", context),
                                           context.transformContext())

        def inside(lon, lat):
            try:
                return rect.contains(to_extent.transform(QgsPointXY(lon, lat)))
            except QgsCsException:   # a point the extent's projection cannot map is not in it
                return False
        return inside

    def _window(self, parameters, context, layer, whole):
        """The part of INPUT under EXTENT, as a raster of its own (core RasterWindow); refused when they miss."""
        rect = self.parameterAsExtent(parameters, "EXTENT", context, layer.crs())
        window = pixel_window(whole, rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        if window is None:
            extent = layer.extent()
            raise QgsProcessingException(self.tr(
                "{0} (EXTENT): {1} does not overlap the raster '{2}' (INPUT, extent {3} in its CRS {4}): draw it "
                "over the raster, or leave it empty for the whole raster").format(
                self.parameterDefinition("EXTENT").description(), rect.toString(4), whole.path, extent.toString(4),
                layer.crs().authid() or layer.crs().description()))
        return RasterWindow(whole, window)

    def _min_diameter_km(self, parameters, context, source):
        """MIN_DIAMETER_KM, or a pixel of INPUT when none is given: no crater the model finds is left out, whatever
        the model's scale (a fixed 10 m default, the DEM model's, removed 96% of the NAC model's craters)."""
        if parameters.get("MIN_DIAMETER_KM") not in (None, ""):
            return self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context)
        geo = RasterGeo(source)
        km_x, km_y = geo.km_per_px([geo.xsize / 2.0], [geo.ysize / 2.0])
        return float(min(km_x[0], km_y[0]))
