"""lunar:classifycraterages and lunar:traincraterages -- the five lunar Systems from morphology and context."""
import html
import json

import numpy as np
from qgis.core import (QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsSpatialIndex)
from qgis.PyQt.QtCore import QCoreApplication

from ...lunar_plugin.core.systems import CODES, SYSTEMS, by_code, by_name
from ...lunar_plugin.core.feedback import ScaledFeedback
from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.raster import RasterSource
from ...lunar_plugin.qt_compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType
from .. import styles
from .base import LunarAlgorithm
from .crater_layers import (CRATER_GEOMETRY, DECIMALS, PROBABILITY_DECIMALS, carried_fields, crater_fields,
                            crater_source_parameters, lon_domain, moon_crs, read_craters, warn_diameters,
                            write_circles)
from .cluster_parameters import add_engine, engine
from .models import (RUN_NOTE, TRAIN_NOTE, add_model_choice, chosen_model, require_engine, require_torch,
                     write_onnx)

#: p_pre_nectarian ... p_copernican: the model's probability of each System, oldest first.
PROBABILITY_FIELDS = ["p_" + system.name.lower().replace("-", "_") for system in SYSTEMS]
#: Feature ids of skipped craters the log names, per reason.
SKIPPED_IDS_SHOWN = 5


def system_code(value, what):
    """A System code 1-5 from a code or a name ('Imbrian', 'pre-Nectarian', ...); None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        code = int(float(text))
    except ValueError:
        system = by_name(text)
        code = system.code if system else None
    if code not in CODES:
        raise QgsProcessingException(QCoreApplication.translate(
            "LunarLab", "{0}: '{1}' is not a lunar System (codes 1-5 or names {2})").format(
            what, value, ", ".join(system.name for system in SYSTEMS)))
    return code


def add_context_parameters(alg):
    """The rasters and geology a crater-age model reads, shared by classification and training."""
    alg.add(QgsProcessingParameterRasterLayer("DEM", alg.tr("DEM")), "Elevation raster with a CRS (morphometry).")
    alg.add(QgsProcessingParameterRasterLayer("DOM", alg.tr("Image (DOM or fused raster)"), optional=True),
            "Band 1 = brightness. The shipped model needs it (trained with the LOLA DEM + a global albedo image).")
    alg.add(QgsProcessingParameterRasterLayer("OMAT", alg.tr("OMAT raster"), optional=True),
            "Optional optical maturity (bright rays: young craters), for models trained with it.")
    alg.add(QgsProcessingParameterFeatureSource("GEOLOGY", alg.tr("Geologic units"),
                                                [ProcessingSourceType.VectorPolygon],
                                                optional=True),
            "Optional polygons with the System of each unit (the stratigraphic channel).")
    alg.add(QgsProcessingParameterField("GEOLOGY_FIELD", alg.tr("Geologic unit System field"), None, "GEOLOGY",
                                        optional=True), "Codes 1-5 or System names.")


def crater_context(alg, parameters, context, feedback, lon, lat, diameter):
    """chips, attributes, names, skipped for the craters, from the context rasters and geology."""
    from ...lunar_plugin.core.ages import features
    dem = RasterSource(alg.raster_source(parameters, "DEM", context), "DEM")
    image_path = alg.raster_source(parameters, "DOM", context, required=False)
    omat_path = alg.raster_source(parameters, "OMAT", context, required=False)
    geology = _geology_codes(alg, parameters, context, lon, lat)
    return features.crater_features(dem, list(zip(lon, lat, diameter)),
                                    image=RasterSource(image_path, "DOM") if image_path else None,
                                    omat=RasterSource(omat_path, "OMAT") if omat_path else None,
                                    geology=geology, feedback=feedback)


def _geology_codes(alg, parameters, context, lon, lat):
    source = alg.parameterAsSource(parameters, "GEOLOGY", context)
    if source is None:
        return None
    field = alg.parameterAsString(parameters, "GEOLOGY_FIELD", context)
    if not field:
        raise QgsProcessingException(alg.tr("GEOLOGY_FIELD: name the field holding each unit's System"))
    units = {f.id(): (QgsGeometry(f.geometry()), system_code(f[field], "GEOLOGY")) for f in source.getFeatures()}
    index = QgsSpatialIndex()
    for fid, (geometry, _) in units.items():
        index.addFeature(fid, geometry.boundingBox())
    to_units = QgsCoordinateTransform(moon_crs(), source.sourceCrs(), context.transformContext())
    codes = []
    for x, y in zip(lon, lat):
        point = QgsGeometry.fromPointXY(to_units.transform(QgsPointXY(x, y)))
        hits = [units[i][1] for i in index.intersects(point.boundingBox()) if units[i][0].contains(point)]
        codes.append(hits[0] if hits else 0)
    return codes


class ClassifyCraterAges(LunarAlgorithm):
    NAME = "classifycraterages"
    NEEDS_ENGINE = True
    DISPLAY = "Classify crater ages (five lunar Systems)"
    GROUP = "Crater ages"
    HELP = ("Assigns each crater one of the five lunar Systems (1 pre-Nectarian 3.92-4.52 Ga, 2 Nectarian 3.85-3.92, "
            "3 Imbrian 3.16-3.85, 4 Eratosthenian 0.8-3.16, 5 Copernican 0-0.8) with a dual-channel network as in Yang "
            "et al. 2020: one channel sees a DEM/image chip of the crater, the other its morphometry in true km "
            "(depth/diameter, rim height and sharpness, wall slopes, interior roughness, ejecta) and context "
            "(optional OMAT, geologic unit). Output: the craters as circles with system, system_code, one probability "
            "per System and in_model_range (false where the crater's diameter is outside what the model was trained "
            "on: the shipped model covers D >= 20 km). Craters outside the DEM or in nodata are kept with an empty "
            "system and counted in the log.") + RUN_NOTE

    def define(self):
        crater_source_parameters(self, "CRATERS", "Craters")
        add_context_parameters(self)
        add_model_choice(self, "ages", self.tr("Age model file (.pt), instead of the shipped one"),
                         "A model made by lunar:traincraterages; overrides the shipped model.")
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Craters by lunar System"),
                                                            ProcessingSourceType.VectorPolygon))
        add_engine(self)

    def execute(self, parameters, context, feedback):
        require_engine()
        from ...lunar_plugin.core.ages import inference, model_io
        craters = self.parameterAsSource(parameters, "CRATERS", context)
        lon, lat, diameter, ids, _ = read_craters(craters, self.parameterAsString(parameters, "DIAMETER_FIELD",
                                                                                  context), context)
        warn_diameters(diameter, "CRATERS", feedback)
        bundle = model_io.load_for(chosen_model(self, parameters, context, "ages"), engine(self, parameters, context))
        feedback.pushInfo(self.tr("Network engine: {0}").format("onnxruntime" if bundle.get("onnx") else "torch"))
        if "image_rel" in bundle["channel_names"] and not parameters.get("DOM"):
            raise QgsProcessingException(self.tr("This age model was trained with an image channel: give a DOM "
                                                 "(or fused) raster as DOM"))
        ours = crater_fields([("system", FieldType.String), ("system_code", FieldType.Int)]
                             + [(name, FieldType.Double) for name in PROBABILITY_FIELDS]
                             + [("in_model_range", FieldType.Bool)])
        # The input's own lon, lat, diameter_km (and system, p_... of an earlier run) are replaced, not written
        # beside ours as lon_2...: the System was computed from the DEM at our circle, which is also the one drawn,
        # so attributes and geometry describe the same crater. Ours come from the input (its diameter field, its
        # geometry's centre) and differ from a catalogue's only by where a drawn circle's centroid falls
        # (centimetres on the synthetic scene); the input layer keeps its own values.
        fields, carried = carried_fields(ours, craters, replace=True)
        sink, dest = self.output_sink(parameters, "OUTPUT", context, fields, CRATER_GEOMETRY, moon_crs(),
                                      styles.craters_by_system(), self.tr("Craters by lunar System"))
        chips, attributes, _, skipped = crater_context(self, parameters, context, ScaledFeedback(feedback, 0, 80),
                                                       lon, lat, diameter)
        probabilities = inference.classify(bundle, chips, attributes)
        skipped_index = {i for i, _ in skipped}
        if skipped:
            feedback.pushWarning(self.tr("{0} of {1} craters skipped (kept without a System): {2}").format(
                len(skipped), lon.size, self._skipped_summary(skipped, ids)))
        d_lo, d_hi = bundle.get("card", {}).get("diameter_range_km", [0.0, float("inf")])
        out_of_range = int(np.sum((diameter < d_lo) | (diameter > d_hi)))
        if out_of_range:
            feedback.pushWarning(self.tr("{0} craters lie outside the model's diameter range {1:.0f}-{2:.0f} km "
                                         "(in_model_range = false): treat their Systems with caution").format(
                out_of_range, d_lo, d_hi))
        rows, k = [], 0
        for i in range(lon.size):
            in_range = bool(d_lo <= diameter[i] <= d_hi)
            if i in skipped_index:
                ages = [None, None] + [None] * 5 + [in_range]
            else:
                p = probabilities[k]
                k += 1
                code = int(np.argmax(p)) + 1
                ages = [by_code(code).name, code] + [float(v) for v in p] + [in_range]
            rows.append((lon[i], lat[i], diameter[i], ages + list(carried.get(ids[i], []))))
        write_circles(sink, fields, rows, feedback, lon_domain(RasterSource(
            self.raster_source(parameters, "DEM", context), "DEM")),
            dict(DECIMALS, **{name: PROBABILITY_DECIMALS for name in PROBABILITY_FIELDS}))
        counts = {s.name: sum(1 for r in rows if r[3][1] == s.code) for s in SYSTEMS}
        feedback.pushInfo(self.tr("Systems: {0}; without a System: {1}").format(
            ", ".join(f"{n} {v}" for n, v in counts.items()), len(skipped)))
        return {"OUTPUT": dest}

    def _skipped_summary(self, skipped, ids):
        """The skipped craters ([(index, reason)]) by reason, with the first feature ids of each: one log line,
        not one per crater."""
        by_reason = {}
        for i, reason in skipped:
            by_reason.setdefault(reason, []).append(str(ids[i]))
        return "; ".join(self.tr("{0}: {1} (feature ids {2})").format(
            reason, len(fids), ", ".join(fids[:SKIPPED_IDS_SHOWN]) + (", …" if len(fids) > SKIPPED_IDS_SHOWN else ""))
            for reason, fids in by_reason.items())


class TrainCraterAges(LunarAlgorithm):
    NAME = "traincraterages"
    NEEDS_TORCH = True
    SIDECARS = {"OUTPUT_MODEL": (".onnx",)}
    DISPLAY = "Train or fine-tune the crater age classifier"
    GROUP = "Crater ages"
    HELP = ("Trains the dual-channel crater age classifier of Yang et al. 2020 on labelled craters (LABEL_FIELD: System codes "
            "1-5 or names), semi-supervised with a mean teacher when UNLABELLED craters are given, or fine-tunes "
            "BASE_MODEL. Validation as in Yang et al. 2020 (five trials of stratified 8:1:1 splits) or k-fold; the report gives "
            "overall accuracy mean ± s.d., balanced accuracy, per-System recall, the majority-class baseline and the "
            "confusion matrix. The final model is trained on all labelled craters.") + TRAIN_NOTE

    def define(self):
        crater_source_parameters(self, "CRATERS", "Labelled craters")
        self.add(QgsProcessingParameterField("LABEL_FIELD", self.tr("System label field"), None, "CRATERS"),
                 "System codes 1-5 or names (pre-Nectarian … Copernican).")
        add_context_parameters(self)
        self.add(QgsProcessingParameterFeatureSource("UNLABELLED", self.tr("Unlabelled craters (semi-supervised)"),
                                                     [ProcessingSourceType.Vector], optional=True))
        self.add(QgsProcessingParameterFile("BASE_MODEL", self.tr("Base model to fine-tune (.pt)"), extension="pt",
                                            optional=True), "Empty: train from scratch.", advanced=True)
        self.add(QgsProcessingParameterEnum("VALIDATION", self.tr("Validation"),
                                            [self.tr("Five trials, 8:1:1 (Yang et al. 2020)"), self.tr("k-fold")],
                                            defaultValue=0))
        self.add(QgsProcessingParameterNumber("FOLDS", self.tr("Trials or folds"),
                                              ProcessingNumberParameterType.Integer,
                                              5, minValue=2, maxValue=50), advanced=True)
        self.add(QgsProcessingParameterNumber("EPOCHS", self.tr("Epochs"), ProcessingNumberParameterType.Integer, 40,
                                              minValue=1, maxValue=1000), "The shipped model's recipe: 40.", advanced=True)
        self.add(QgsProcessingParameterNumber("SEED", self.tr("Random seed"), ProcessingNumberParameterType.Integer, 0),
                 "The same seed and data give the same model.", advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_MODEL", self.tr("Trained model"),
                                                                self.tr("PyTorch model (*.pt)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_REPORT", self.tr("Validation report"),
                                                                self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("ACCURACY_MEAN", self.tr("Overall accuracy (mean)")))
        self.addOutput(QgsProcessingOutputNumber("ACCURACY_SD", self.tr("Overall accuracy (s.d.)")))

    def execute(self, parameters, context, feedback):
        require_torch()
        from ...lunar_plugin.core.ages import features, model_io, training
        source = self.parameterAsSource(parameters, "CRATERS", context)
        label_field = self.parameterAsString(parameters, "LABEL_FIELD", context)
        lon, lat, diameter, ids, _ = read_craters(source, self.parameterAsString(parameters, "DIAMETER_FIELD", context),
                                                  context)
        label_of = {f.id(): f[label_field] for f in source.getFeatures(QgsFeatureRequest().setNoAttributes()
                                                                      .setSubsetOfAttributes([label_field],
                                                                                             source.fields()))}
        labels = [system_code(label_of[i], "LABEL_FIELD") for i in ids]
        warn_diameters(diameter, "CRATERS", feedback)
        base = self.parameterAsFile(parameters, "BASE_MODEL", context)
        base_bundle = model_io.load(base) if base else None  # a broken base model fails now, not after training
        chips, attributes, names, skipped = crater_context(self, parameters, context, ScaledFeedback(feedback, 0, 20),
                                                           lon, lat, diameter)
        keep = np.array([i for i in range(lon.size) if i not in {s for s, _ in skipped}], int)
        labels = np.array(labels, dtype=object)[keep]
        if sum(label is not None for label in labels) < 10:
            raise QgsProcessingException(self.tr("At least 10 labelled craters inside the DEM are needed"))
        unlabelled = None
        extra = self.parameterAsSource(parameters, "UNLABELLED", context)
        if extra is not None:
            ulon, ulat, ud, _, _ = read_craters(extra, None, context, "UNLABELLED")
            u_chips, u_attr, _, _ = crater_context(self, parameters, context, ScaledFeedback(feedback, 20, 30),
                                                   ulon, ulat, ud)
            unlabelled = (u_chips, u_attr)
        epochs = self.parameterAsInt(parameters, "EPOCHS", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        folds = self.parameterAsInt(parameters, "FOLDS", context)
        split = (0.8, 0.1, 0.1) if self.parameterAsEnum(parameters, "VALIDATION", context) == 0 else "kfold"
        report = training.evaluate_trials(chips, attributes, list(labels), trials=folds, split=split, seed=seed,
                                          epochs=epochs, feedback=ScaledFeedback(feedback, 30, 85),
                                          unlabelled=unlabelled)
        all_chips, all_attr, all_labels = chips, attributes, list(labels)
        if unlabelled is not None:
            all_chips = np.concatenate([chips, unlabelled[0]])
            all_attr = np.concatenate([attributes, unlabelled[1]])
            all_labels += [None] * len(unlabelled[0])
        bundle = training.train(all_chips, all_attr, all_labels, base_bundle=base_bundle,
                                epochs=epochs, seed=seed, feedback=ScaledFeedback(feedback, 85, 100),
                                channel_names=features.channel_names(bool(parameters.get("DOM")),
                                                                     bool(parameters.get("OMAT"))),
                                attribute_names=names,
                                card={"validation": _plain(report), "diameter_range_km": [float(diameter.min()),
                                                                                          float(diameter.max())]})
        out = self.parameterAsFileOutput(parameters, "OUTPUT_MODEL", context)
        model_io.save(bundle, out)
        write_onnx(self, model_io, out, feedback)
        feedback.pushInfo(self.tr("overall accuracy {0:.1%} ± {1:.1%} (majority-class baseline {2:.1%})").format(
            report["accuracy_mean"], report["accuracy_sd"], report.get("majority_baseline_mean", float("nan"))))
        results = {"OUTPUT_MODEL": out, "ACCURACY_MEAN": report["accuracy_mean"], "ACCURACY_SD": report["accuracy_sd"]}
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context)
        if html_path:
            _write_report(html_path, report)
            results["OUTPUT_REPORT"] = html_path
        return results


def _plain(value):
    return json.loads(json.dumps(value, default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v)))


def _write_report(path, report):
    confusion = np.asarray(report["confusion"])
    head = "".join(f"<th>{html.escape(s.name)}</th>" for s in SYSTEMS)
    body = "".join(f"<tr><th>{html.escape(by_code(r + 1).name)}</th>" + "".join(f"<td>{int(v)}</td>" for v in row)
                   + "</tr>" for r, row in enumerate(confusion))
    recall_of = {s.name: report["recall_mean"].get(str(s.code)) for s in SYSTEMS}   # None: never tested
    recall = "".join(f"<tr><th>{html.escape(c)}</th><td>{'–' if v is None else f'{v:.3f}'}</td></tr>"
                     for c, v in recall_of.items())
    text = (f"<html><head><meta charset='utf-8'><title>Crater age validation</title></head><body>"
            f"<h1>Crater age classifier: validation</h1><p>Overall accuracy {report['accuracy_mean']:.1%} ± "
            f"{report['accuracy_sd']:.1%}; balanced accuracy {report['balanced_accuracy_mean']:.1%}; majority-class "
            f"baseline {report.get('majority_baseline_mean', float('nan')):.1%}.</p><h2>Recall per System</h2>"
            f"<table border='1'>{recall}</table><h2>Confusion matrix (rows: true System)</h2>"
            f"<table border='1'><tr><th></th>{head}</tr>{body}</table></body></html>")
    write_text_atomic(text, path)
