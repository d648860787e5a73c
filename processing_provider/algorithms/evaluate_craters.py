"""lunar:evaluatecraters -- detections against a catalogue: recall, precision, F1, diameter error."""
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessingOutputNumber,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber)

from ...lunar_plugin.core.craters import matching
from ...lunar_plugin.qt_compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType
from .. import styles
from .base import LunarAlgorithm, optional_float
from .crater_layers import (CRATER_GEOMETRY, carried_fields, crater_fields, crater_source_parameters, moon_crs,
                            read_craters, write_circles)

STATUS_COLOURS = [("matched", "#1a9641"), ("missed", "#2c7bb6"), ("false", "#d7191c")]


class EvaluateCraters(LunarAlgorithm):
    NAME = "evaluatecraters"
    DISPLAY = "Evaluate crater detections"
    GROUP = "Craters"
    HELP = ("Matches DETECTIONS against a CATALOG one-to-one with DeepMoon's rule in km on the Moon sphere: a "
            "detection matches a catalogue crater when the centre distance squared < 1.8 min(r)^2 and "
            "|r1 - r2| < min(r). Only catalogue craters and detections within the diameter range (and EXTENT, if "
            "given) count. Outputs recall, precision, F1 and the median relative diameter error, the same per "
            "diameter bin (OUTPUT_BINS), and a layer of matched, missed and false craters (OUTPUT).")

    def define(self):
        crater_source_parameters(self, "DETECTIONS", "Detections")
        crater_source_parameters(self, "CATALOG", "Catalogue")
        self.add(QgsProcessingParameterNumber("MIN_DIAMETER_KM", self.tr("Minimum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 0.0, minValue=0.0), decimals=3)
        self.add(QgsProcessingParameterNumber("MAX_DIAMETER_KM", self.tr("Maximum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 1e6, minValue=0.0), decimals=3)
        self.add(QgsProcessingParameterExtent("EXTENT", self.tr("Extent"), optional=True),
                 "Only craters centred inside count (default: everywhere).")
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Matched, missed and false craters"),
                                                            ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BINS", self.tr("Scores per diameter bin"),
                                                            ProcessingSourceType.Vector, optional=True))
        for name, label in (("RECALL", "Recall"), ("PRECISION", "Precision"), ("F1", "F1"),
                            ("MEDIAN_REL_DIAMETER_ERROR", "Median relative diameter error"),
                            ("N_CATALOG", "Catalogue craters in range"), ("N_DETECTIONS", "Detections in range")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def execute(self, parameters, context, feedback):
        detections = self.parameterAsSource(parameters, "DETECTIONS", context)
        catalog = self.parameterAsSource(parameters, "CATALOG", context)
        det = read_craters(detections, self.parameterAsString(parameters, "DETECTIONS_DIAMETER_FIELD", context),
                           context, "DETECTIONS")
        cat = read_craters(catalog, self.parameterAsString(parameters, "CATALOG_DIAMETER_FIELD", context), context,
                           "CATALOG")
        extent = None
        if parameters.get("EXTENT"):
            e = self.parameterAsExtent(parameters, "EXTENT", context, moon_crs())
            extent = (e.xMinimum(), e.xMaximum(), e.yMinimum(), e.yMaximum())
        d_min = self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context)
        d_max = self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context)
        score = matching.match(list(zip(*det[:3])), list(zip(*cat[:3])), d_min, d_max, extent)
        feedback.pushInfo(self.tr("recall {0:.3f}, precision {1:.3f}, F1 {2:.3f}, median diameter error {3:.3f} "
                                  "({4} catalogue craters, {5} detections in range)").format(
            score["recall"], score["precision"], score["f1"], score["median_rel_diameter_error"],
            score["n_catalog"], score["n_detections"]))
        if not score["n_catalog"] or not score["n_detections"]:
            feedback.pushWarning(self.tr("Nothing to score: {0} catalogue craters and {1} detections lie in the "
                                         "diameter range and extent").format(score["n_catalog"],
                                                                             score["n_detections"]))
        # Each row carries its own layer's attributes: detection fields, then catalogue fields (renamed on clash).
        ours = crater_fields([("status", FieldType.String), ("source", FieldType.String)])
        with_detections, det_attributes = carried_fields(ours, detections)
        fields, cat_attributes = carried_fields(with_detections, catalog)
        n_det, n_cat = detections.fields().count(), catalog.fields().count()
        sink, dest = self.output_sink(parameters, "OUTPUT", context, fields, CRATER_GEOMETRY, moon_crs(),
                                      styles.craters_by_category("status", STATUS_COLOURS),
                                      self.tr("Crater evaluation (matched / missed / false)"))
        rows = [(lon, lat, d, [status, "detection"] + list(det_attributes.get(fid, [None] * n_det)) + [None] * n_cat)
                for lon, lat, d, fid, status in zip(*det[:4], score["detection_status"]) if status != "out"]
        rows += [(lon, lat, d, ["missed", "catalogue"] + [None] * n_det + list(cat_attributes.get(fid, [None] * n_cat)))
                 for lon, lat, d, fid, status in zip(*cat[:4], score["catalog_status"]) if status == "missed"]
        write_circles(sink, fields, rows, feedback)
        results = {"OUTPUT": dest, "RECALL": score["recall"], "PRECISION": score["precision"], "F1": score["f1"],
                   "MEDIAN_REL_DIAMETER_ERROR": score["median_rel_diameter_error"],
                   "N_CATALOG": score["n_catalog"], "N_DETECTIONS": score["n_detections"]}
        bins_fields = QgsFields()
        for name, kind in (("min_km", FieldType.Double), ("max_km", FieldType.Double), ("n_catalog", FieldType.Int),
                           ("n_matched", FieldType.Int), ("recall", FieldType.Double), ("n_detections", FieldType.Int),
                           ("n_true", FieldType.Int), ("precision", FieldType.Double)):
            bins_fields.append(QgsField(name, kind))
        bins_sink, bins_dest = self.output_sink(parameters, "OUTPUT_BINS", context, bins_fields)
        if bins_sink is not None:
            for b in score["bins"]:
                feature = QgsFeature(bins_fields)
                feature.setAttributes([float(b["range_km"][0]), float(b["range_km"][1]), int(b["n_catalog"]),
                                       int(b["n_matched"]), optional_float(b.get("recall")), int(b["n_detections"]),
                                       int(b["n_true"]), optional_float(b.get("precision"))])
                bins_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            results["OUTPUT_BINS"] = bins_dest
        return results
