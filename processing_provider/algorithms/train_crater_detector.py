"""lunar:traincraterdetector -- train or fine-tune (the transfer learning of Yang et al. 2020) a crater detector."""
import html
import json

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterBoolean, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer)

from ...lunar_plugin.core.feedback import ScaledFeedback
from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.raster import RasterSource
from ...lunar_plugin.qt_compat import ProcessingNumberParameterType
from .base import LunarAlgorithm
from .crater_layers import crater_source_parameters, read_craters, warn_diameters
from .detect_craters import DEFAULT_MODEL, elevation_band
from .models import TRAIN_NOTE, model_path, require_torch, write_onnx


class TrainCraterDetector(LunarAlgorithm):
    NAME = "traincraterdetector"
    SIDECARS = {"OUTPUT_MODEL": (".json", ".onnx")}
    NEEDS_TORCH = True
    DISPLAY = "Train or fine-tune a crater detector"
    GROUP = "Craters"
    HELP = ("Trains a crater detector on a DEM (or the elevation band of a fused raster) and the craters marked on it "
            "(circles, or points with a diameter field), or fine-tunes BASE_MODEL on them: the transfer learning of "
            "Yang et al. 2020, where a detector trained on coarse images is adapted to a new scene with a few "
            "labelled craters. Training uses only the part of the raster around the labelled craters: mark every "
            "crater of the sizes you care about inside that region (unmarked ones would be learnt as background). "
            "The report gives recall and precision there before and after training. OUTPUT_MODEL is a .pt file with "
            "its model card (.json) beside it; use it as MODEL in lunar:detectcraters.") + TRAIN_NOTE

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("DEM or fused DOM/DEM raster")))
        crater_source_parameters(self, "CRATERS", "Labelled craters")
        self.add(QgsProcessingParameterBoolean("FINE_TUNE", self.tr("Fine-tune the base model (transfer learning)"),
                                               True), "Off: train a new network from scratch.")
        self.add(QgsProcessingParameterFile("BASE_MODEL", self.tr("Base model (.pt)"), extension="pt", optional=True),
                 "Default: the shipped LOLA DEM model.", advanced=True)
        self.add(QgsProcessingParameterNumber("EPOCHS", self.tr("Epochs (50 steps each)"),
                                              ProcessingNumberParameterType.Integer, 4, minValue=1, maxValue=1000),
                 advanced=True)
        self.add(QgsProcessingParameterNumber("SEED", self.tr("Random seed"), ProcessingNumberParameterType.Integer, 0),
                 "The same seed and data give the same model.", advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_MODEL", self.tr("Trained model"),
                                                                self.tr("PyTorch model (*.pt)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_REPORT", self.tr("Training report"),
                                                                self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("RECALL_BEFORE", self.tr("Recall before training")))
        self.addOutput(QgsProcessingOutputNumber("RECALL_AFTER", self.tr("Recall after training")))

    def execute(self, parameters, context, feedback):
        require_torch()
        from ...lunar_plugin.core.craters import datasets, model_io
        source = RasterSource(self.raster_source(parameters, "INPUT", context), "INPUT")
        band = elevation_band(source, 0)
        lon, lat, diameter, _, _ = read_craters(self.parameterAsSource(parameters, "CRATERS", context),
                                                self.parameterAsString(parameters, "DIAMETER_FIELD", context),
                                                context)
        warn_diameters(diameter, "CRATERS", feedback)
        if lon.size < 5:
            raise self._error("CRATERS: at least 5 labelled craters are needed, got {0}", lon.size)
        base = None
        if self.parameterAsBool(parameters, "FINE_TUNE", context):
            base = model_io.load(model_path(self, parameters, "BASE_MODEL", context, DEFAULT_MODEL))
        d_lo, d_hi = float(diameter.min()) * 0.8, float(diameter.max()) * 1.25
        catalog = list(zip(lon, lat, diameter))
        region, region_path = datasets.labelled_region(source, lon, lat, diameter)
        try:
            return self._train(parameters, context, feedback, region, band, base, lon, lat, diameter, catalog,
                               (d_lo, d_hi))
        finally:
            region.close()
            from osgeo import gdal
            gdal.Unlink(region_path)

    def _train(self, parameters, context, feedback, source, band, base, lon, lat, diameter, catalog, d_range):
        from ...lunar_plugin.core.craters import datasets, detect, matching, model_io, training
        d_lo, d_hi = d_range

        def score(bundle, start, end):
            feedback.setProgressText(self.tr("Scoring"))
            detector = detect.Detector(bundle)
            found = detector.detect(source, d_lo, d_hi, detector.card.confidence_threshold, band=band,
                                    feedback=ScaledFeedback(feedback, start, end))
            return matching.match(found, catalog, d_lo, d_hi)

        before = score(base, 0, 10) if base is not None else None
        scenes = datasets.scenes_from_raster(source, lon, lat, diameter, lon_ranges=((-180.0, 180.0),), band=band,
                                             buffer_deg=0.0)
        feedback.setProgressText(self.tr("Training"))
        bundle = training.train(scenes, base_bundle=base, epochs=self.parameterAsInt(parameters, "EPOCHS", context),
                                settings=training.fine_tune_settings(base), seed=self.parameterAsInt(parameters, "SEED", context),
                                feedback=ScaledFeedback(feedback, 10, 90), log=feedback.pushInfo)
        after = score(bundle, 90, 100)
        bundle.setdefault("card", {})["fine_tune_scores"] = {"before": _brief(before), "after": _brief(after)}
        out = self.parameterAsFileOutput(parameters, "OUTPUT_MODEL", context)
        model_io.save(bundle, out)
        write_onnx(self, model_io, out, feedback)
        results = {"OUTPUT_MODEL": out, "RECALL_AFTER": after["recall"],
                   "RECALL_BEFORE": before["recall"] if before else float("nan")}
        report = self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context)
        if report:
            _write_report(report, before, after, bundle.get("card", {}))
            results["OUTPUT_REPORT"] = report
        feedback.pushInfo(self.tr("recall on the labelled craters: before {0}, after {1:.3f}").format(
            f"{before['recall']:.3f}" if before else "-", after["recall"]))
        return results

    def _error(self, text, *args):
        from qgis.core import QgsProcessingException
        return QgsProcessingException(self.tr(text).format(*args))


def _brief(score):
    if score is None:
        return None
    return {k: score[k] for k in ("recall", "precision", "f1", "median_rel_diameter_error", "n_catalog",
                                  "n_detections")}


def _write_report(path, before, after, card):
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{_fmt(before, k)}</td><td>{_fmt(after, k)}</td></tr>"
                   for k in ("recall", "precision", "f1", "median_rel_diameter_error", "n_catalog", "n_detections"))
    text = (f"<html><head><meta charset='utf-8'><title>Crater detector training</title></head><body>"
            f"<h1>Crater detector training</h1><table border='1'><tr><th></th><th>before</th><th>after</th></tr>"
            f"{rows}</table><h2>Model card</h2><pre>{html.escape(json.dumps(card, indent=1, default=str))}</pre>"
            f"</body></html>")
    write_text_atomic(text, path)


def _fmt(score, key):
    if score is None:
        return "-"
    value = score[key]
    return f"{value:.3f}" if isinstance(value, float) else str(value)
