"""lunar:oxidecnn and lunar:trainoxidecnn -- 1D-CNN oxide abundances (Qiu et al. 2025; Zhang et al. 2023)."""
import csv
import io
import os
import re

from qgis.core import (QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterString)

from ...lunar_plugin.core.errors import LunarInputError
from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.oxides import maps, trust
from ...lunar_plugin.core.raster import RasterSource
from ...lunar_plugin.qt_compat import (ProcessingFieldParameterDataType, ProcessingNumberParameterType,
                                       ProcessingSourceType)
from .. import styles
from .base import LunarAlgorithm
from .cluster_parameters import add_device, add_engine, add_scheduler, device, engine, scheduler
from .models import (RUN_NOTE, TRAIN_NOTE, add_model_choice, chosen_model, require_engine, require_torch,
                     write_onnx)

OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]
FEATURE_PRESETS = [("clementine", "Clementine UVVIS 5 bands + OMAT (Qiu et al. 2025)"),
                   ("clementine+theta", "Clementine UVVIS + OMAT, theta_Fe, theta_Ti"),
                   ("kaguya_mi", "Kaguya MI 8 bands (Zhang et al. 2023)"),
                   ("kaguya_mi+theta", "Kaguya MI 8 bands + OMAT, theta_Fe, theta_Ti")]
ARCHITECTURES = ["Qiu et al. 2025: Conv1D 32-32, MaxPool, Dense 64", "Zhang et al. 2023: four Conv1D layers, Dense 64",
                 "Lunar Lab: the Qiu et al. 2025 layout, 5-member ensemble"]
#: A raster band further than this from the model band it is given for is another band: half the smallest gap
#: between the shipped models' bands (Clementine 900/950/1000 nm, Kaguya MI 901/950/1001 nm are 50 nm apart).
WAVELENGTH_TOLERANCE_NM = 20.0
UNIT_TO_NM = {"nm": 1.0, "nanometers": 1.0, "nanometres": 1.0, "um": 1000.0, "µm": 1000.0, "micrometers": 1000.0,
              "micrometres": 1000.0, "microns": 1000.0}


def band_wavelength(band):
    """A raster band's centre wavelength (nm) from its metadata ('wavelength', as GDAL's ENVI driver and Lunar Lab
    write it, in nm or µm) or its description ('R415', '750 nm'); None when the band does not say."""
    metadata = {k.lower(): v for k, v in (band.GetMetadata() or {}).items()}
    if metadata.get("wavelength"):
        try:
            value = float(metadata["wavelength"])
        except ValueError:
            value = None
        if value is not None:
            unit = metadata.get("wavelength_units", "").strip().lower()
            return value * UNIT_TO_NM.get(unit, 1000.0 if value < 10 else 1.0)
    text = band.GetDescription() or ""
    found = re.match(r"\s*R(\d{3,4}(?:\.\d+)?)\b", text) or re.search(r"(\d{3,4}(?:\.\d+)?)\s*nm\b", text)
    return float(found.group(1)) if found else None


def check_bands(alg, text, input_path, names, wavelengths):
    """The raster band (1-based) for each model band from BANDS (default 1, 2, 3, …), checked: as many as the
    model reads, each in the raster, and each at the model band's wavelength where the raster band declares one."""
    expects = ", ".join(f"{n} ({w:g} nm)" for n, w in zip(names, wavelengths))
    try:
        bands = maps.parse_band_list(text)
    except LunarInputError:
        raise QgsProcessingException(alg.tr("BANDS: '{0}' is not a comma-separated list of band numbers; the model "
                                            "expects {1} bands: {2}").format(text, len(names), expects)) from None
    given = bool(bands)
    bands = bands or list(range(1, len(names) + 1))
    if len(bands) != len(names):
        raise QgsProcessingException(alg.tr("BANDS: {0} band numbers were given ('{1}'), but the model reads {2} "
                                            "bands: {3}").format(len(bands), text, len(names), expects))
    source = RasterSource(input_path, "INPUT")
    for band in bands:
        if not 1 <= band <= source.count:
            raise QgsProcessingException(alg.tr("BANDS: band {0} does not exist in INPUT '{1}' ({2} bands); the "
                                                "model expects {3} bands: {4}").format(
                band, os.path.basename(input_path), source.count, len(names), expects))
    raster_nm = [band_wavelength(source.ds.GetRasterBand(b)) for b in range(1, source.count + 1)]
    for band, name, want in zip(bands, names, wavelengths):
        have = raster_nm[band - 1]
        if have is not None and abs(have - want) > WAVELENGTH_TOLERANCE_NM:
            fitting = [next((b for b, nm in enumerate(raster_nm, 1) if nm is not None
                             and abs(nm - w) <= WAVELENGTH_TOLERANCE_NM), None) for w in wavelengths]
            hint = alg.tr("; the raster's wavelengths fit BANDS={0}").format(",".join(map(str, fitting))) \
                if None not in fitting else alg.tr("; the raster has no band at {0}").format(", ".join(
                    f"{w:g} nm" for w, b in zip(wavelengths, fitting) if b is None))
            raise QgsProcessingException(alg.tr("BANDS{0}: raster band {1} is at {2:g} nm but stands for the "
                                                "model's {3} ({4:g} nm); the model expects {5}{6}").format(
                "" if given else alg.tr(" (empty: 1, 2, 3, …)"), band, have, name, want, expects, hint))
    return bands


class OxideCnn(LunarAlgorithm):
    NAME = "oxidecnn"
    NEEDS_ENGINE = True
    DISPLAY = "Oxide maps with a 1D CNN (FeO, TiO2, Al2O3, MgO, CaO, Mg#)"
    GROUP = "Surface chemistry"
    HELP = ("FeO, TiO2, Al2O3, MgO and CaO abundance (wt%) from a reflectance raster with a 1D convolutional network "
            "trained on lunar sample sites (Qiu et al. 2025; Zhang et al. 2023), and Mg# from the "
            "predicted FeO and MgO. Model (SHIPPED_MODEL) offers the shipped Clementine model (bands R415, R750, R900, "
            "R950, R1000; OMAT and the band-ratio angles are computed on the fly) and the Kaguya MI model (TiO2 from "
            "the eight MI bands); MODEL takes one made by lunar:trainoxidecnn instead. BANDS gives, in the model's "
            "band order, the raster band of each (default 1, 2, 3, …); where the raster's bands carry wavelengths "
            "they must match the model's. Each model's card (the .json beside it) holds its "
            "validation figures, leaving one station and one landing site out.\n"
            "No output holds an impossible value: every prediction is clipped to the physical bounds of lunar samples "
            "(" + ", ".join(f"{k} {lo:g}-{hi:g}" for k, (lo, hi) in trust.OXIDE_BOUNDS.items()) + " wt%) "
            "and the clipped pixels are counted in the log "
            "and the outputs' metadata. OUTPUT_DOMAIN marks with 1 the pixels whose spectrum lies inside the "
            "training sites' spectral domain (Mahalanobis distance of the log reflectance, threshold in the model "
            "card) and 0 where the model extrapolates; the share outside goes to the log and the metadata. "
            "OUTPUT_UNCERTAINTY gives each predicted oxide's 1-sigma (wt%), calibrated on the out-of-fold residuals "
            "and growing with that distance.") + RUN_NOTE

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("Reflectance raster")))
        add_model_choice(self, "oxide", self.tr("Oxide model file (.pt), instead of the shipped one"),
                         "A model made by lunar:trainoxidecnn; overrides the shipped model.")
        self.add(QgsProcessingParameterString("BANDS", self.tr("Raster band for each model band (comma list)"),
                                              "", optional=True),
                 "E.g. '1,2,3,4,5' for Clementine 415/750/900/950/1000 nm; empty = 1, 2, 3, … in order. Checked "
                 "against the model's wavelengths where the raster's bands carry theirs.")
        self.add(QgsProcessingParameterNumber("REFLECTANCE_SCALE", self.tr("Reflectance scale factor"),
                                              ProcessingNumberParameterType.Double, 1.0, minValue=1e-12),
                 "Multiplies stored values to get reflectance on a 0-1 scale (e.g. 0.0001 for integer DNs).",
                 decimals=5)
        for oxide in OXIDES:
            self.addParameter(QgsProcessingParameterRasterDestination(
                f"OUTPUT_{oxide.upper()}", self.tr("{0} (wt%)").format(oxide), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_MGNUMBER", self.tr("Mg#"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_DOMAIN", self.tr("Inside the training sites' spectral domain (1/0)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_UNCERTAINTY", self.tr("1-sigma uncertainty (wt%, one band per oxide)"), optional=True))
        add_scheduler(self)
        add_device(self)
        add_engine(self)

    def execute(self, parameters, context, feedback):
        require_engine()
        model = chosen_model(self, parameters, context, "oxide")
        outputs = {oxide: self.parameterAsOutputLayer(parameters, f"OUTPUT_{oxide.upper()}", context)
                   for oxide in OXIDES}
        outputs = {k: v for k, v in outputs.items() if v}
        mg = self.parameterAsOutputLayer(parameters, "OUTPUT_MGNUMBER", context)
        from ...lunar_plugin.core.oxides import model_io
        on_cluster = bool(scheduler(self, parameters, context))
        chosen_engine, where = engine(self, parameters, context), device(self, parameters, context)
        predictor = model_io.predictor_for(model, chosen_engine, "cpu" if on_cluster else where)
        feedback.pushInfo(self.tr("Network engine: {0}").format(predictor.engine))
        input_path = self.raster_source(parameters, "INPUT", context)
        bands = check_bands(self, self.parameterAsString(parameters, "BANDS", context), input_path,
                            predictor.band_names, predictor.wavelengths)
        written = maps.cnn_maps(input_path, model, outputs, bands,
                                mg or None, self.parameterAsDouble(parameters, "REFLECTANCE_SCALE", context),
                                feedback, self.parameterAsOutputLayer(parameters, "OUTPUT_DOMAIN", context) or None,
                                self.parameterAsOutputLayer(parameters, "OUTPUT_UNCERTAINTY", context) or None,
                                scheduler=scheduler(self, parameters, context), device=where, bundle=predictor,
                                engine=chosen_engine)
        results = {}
        for key, path in written.items():
            if key == "Mg#":
                name, style, label = "OUTPUT_MGNUMBER", styles.pseudocolor("mgnumber"), self.tr("Mg# — 1D CNN")
            elif key == "domain":
                name, style = "OUTPUT_DOMAIN", styles.inside_domain()
                label = self.tr("Inside the training sites' spectral domain — 1D CNN")
            elif key == "uncertainty":
                name, style = "OUTPUT_UNCERTAINTY", styles.pseudocolor("omat", unit="wt%")
                label = self.tr("1-sigma (wt%) — 1D CNN")
            else:
                name, style = f"OUTPUT_{key.upper()}", styles.oxide_map(key)
                label = self.tr("{0} (wt%) — 1D CNN").format(key)
            results[name] = path
            self.style_output(context, path, style, label)
        return results


class TrainOxideCnn(LunarAlgorithm):
    NAME = "trainoxidecnn"
    SIDECARS = {"OUTPUT_MODEL": (".json", ".onnx")}
    NEEDS_TORCH = True
    DISPLAY = "Train and cross-validate an oxide 1D CNN"
    GROUP = "Surface chemistry"
    HELP = ("Trains a 1D CNN per oxide on sample sites (a table, CSV or vector layer with reflectance and measured "
            "oxides) and validates it honestly: leave-one-out (Qiu et al. 2025) or k-fold (Zhang et al. 2023), with every "
            "normalisation, early-stopping decision and model choice made inside the training fold. A site missing "
            "a target is skipped for that target only. Outputs the model (one file for all targets, its card beside "
            "it), out-of-fold predictions (CSV: site, target, measured, predicted) and an HTML report with R² and "
            "RMSE per oxide and predicted-vs-measured plots; training-fit figures are reported separately and "
            "labelled as such. GROUP_FIELD adds leave-one-group-out figures beside the per-station ones: stations "
            "of one landing site are not independent (a value starting with a mission name and number, e.g. "
            "'Apollo 16 - S1' or 'Apollo16S1', counts as that mission, 'Apollo 16'). The defaults are the recipe of "
            "the shipped Clementine model. The model also records the spectral domain and calibrated 1-sigma that "
            "lunar:oxidecnn's domain and 1-sigma outputs use.") + TRAIN_NOTE

    def define(self):
        self.add(QgsProcessingParameterFeatureSource("INPUT", self.tr("Sample sites"), [ProcessingSourceType.Vector]),
                 "E.g. clementine_sites.csv: one row per site, reflectance and oxide fields.")
        self.add(QgsProcessingParameterEnum("FEATURE_PRESET", self.tr("Feature preset"),
                                            [self.tr(label) for _, label in FEATURE_PRESETS], defaultValue=1),
                 "Band fields named as in the preset (R415…R1000, or 414nm…1548nm); ignored when FEATURE_FIELDS "
                 "is given.")
        self.add(QgsProcessingParameterField("FEATURE_FIELDS", self.tr("Feature fields (band order)"), None, "INPUT",
                                             ProcessingFieldParameterDataType.Numeric, allowMultiple=True,
                                             optional=True),
                 "Reflectance fields in band order; OMAT/theta_Fe/theta_Ti may be added by name in the preset.",
                 advanced=True)
        self.add(QgsProcessingParameterField("TARGET_FIELDS", self.tr("Target oxide fields"), None, "INPUT",
                                             ProcessingFieldParameterDataType.Any, allowMultiple=True, optional=True),
                 "Default: whichever of FeO, TiO2, Al2O3, MgO, CaO the table has.", advanced=True)
        self.add(QgsProcessingParameterField("SITE_FIELD", self.tr("Site name field"), None, "INPUT", optional=True),
                 "Default: a field named site, name or station, else the first field.", advanced=True)
        self.add(QgsProcessingParameterField("GROUP_FIELD", self.tr("Group field (leave one group out)"), None,
                                             "INPUT", optional=True),
                 "E.g. the site field of clementine_sites.csv: 'Apollo 16 - S1' … 'Apollo 16 - LM' form one group, "
                 "'Apollo 16'. Reported beside the per-station validation.")
        self.add(QgsProcessingParameterEnum("ARCHITECTURE", self.tr("Network"), [self.tr(a) for a in ARCHITECTURES],
                                            defaultValue=0), advanced=True)
        self.add(QgsProcessingParameterEnum("VALIDATION", self.tr("Validation"),
                                            [self.tr("Leave-one-out"), self.tr("k-fold")], defaultValue=0))
        self.add(QgsProcessingParameterNumber("FOLDS", self.tr("Folds (k-fold)"), ProcessingNumberParameterType.Integer,
                                              10, minValue=2, maxValue=1000), advanced=True)
        self.add(QgsProcessingParameterNumber("SEED", self.tr("Random seed"), ProcessingNumberParameterType.Integer, 0),
                 "The same seed and data give the same model.", advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_MODEL", self.tr("Trained model"),
                                                                self.tr("PyTorch model (*.pt)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PREDICTIONS", self.tr("Out-of-fold predictions"),
                                                                self.tr("CSV files (*.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_REPORT", self.tr("Validation report"),
                                                                self.tr("HTML files (*.html)"), optional=True))

    def execute(self, parameters, context, feedback):
        require_torch()
        from ...lunar_plugin.core.oxides import model_io, training
        source = self.parameterAsSource(parameters, "INPUT", context)
        names = source.fields().names()
        rows = [{name: feature[name] for name in names} for feature in source.getFeatures()]
        features = self.parameterAsFields(parameters, "FEATURE_FIELDS", context) or \
            FEATURE_PRESETS[self.parameterAsEnum(parameters, "FEATURE_PRESET", context)][0]
        targets = self.parameterAsFields(parameters, "TARGET_FIELDS", context) or [t for t in OXIDES if t in names]
        if not targets:
            raise QgsProcessingException(self.tr("INPUT has none of the oxide fields {0}; choose TARGET_FIELDS")
                                         .format(", ".join(OXIDES)))
        site_field = self.parameterAsString(parameters, "SITE_FIELD", context) or \
            next((n for n in names if n.lower() in ("site", "name", "station")), names[0])
        result = training.train_and_validate(
            rows, features, targets, architecture=self.parameterAsEnum(parameters, "ARCHITECTURE", context),
            validation="loo" if self.parameterAsEnum(parameters, "VALIDATION", context) == 0 else "kfold",
            folds=self.parameterAsInt(parameters, "FOLDS", context), seed=self.parameterAsInt(parameters, "SEED", context),
            feedback=feedback, site_field=site_field,
            group_field=self.parameterAsString(parameters, "GROUP_FIELD", context) or None)
        out = self.parameterAsFileOutput(parameters, "OUTPUT_MODEL", context)
        model_io.save_model(result.bundle, out)
        model_io.write_card(result.bundle, os.path.splitext(out)[0] + ".json",
                            extra={"training_table": source.sourceName()})
        write_onnx(self, model_io, out, feedback)
        for target, m in result.metrics.items():
            grouped = self.tr("; out-of-fold leaving one of {0} groups out R² {1:.3f} RMSE {2:.2f}").format(
                m["n_groups"], m["group_r2"], m["group_rmse"]) if "group_r2" in m else ""
            feedback.pushInfo(self.tr("{0}: out-of-fold R² {1:.3f} RMSE {2:.2f} (n={3}){4}; training fit (not a "
                                      "validation) R² {5:.3f}").format(target, m["r2"], m["rmse"], m["n"], grouped,
                                                                       m["train_r2"]))
        results = {"OUTPUT_MODEL": out}
        predictions = self.parameterAsFileOutput(parameters, "OUTPUT_PREDICTIONS", context)
        if predictions:
            table = io.StringIO()
            writer = csv.writer(table)
            if result.grouped:
                writer.writerow(["site", "target", "measured", "predicted", "predicted_group_left_out"])
                writer.writerows(row + (g[3],) for row, g in zip(result.predictions, result.grouped))
            else:
                writer.writerow(["site", "target", "measured", "predicted"])
                writer.writerows(result.predictions)
            write_text_atomic(table.getvalue(), predictions)
            results["OUTPUT_PREDICTIONS"] = predictions
        report = self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context)
        if report:
            training.write_report_html(result, report)
            results["OUTPUT_REPORT"] = report
        return results
