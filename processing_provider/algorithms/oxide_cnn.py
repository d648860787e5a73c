"""lunar:oxidecnn and lunar:trainoxidecnn -- 1D-CNN oxide abundances (seeds 002 and 003)."""
import csv
import io
import os

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterString)

from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.oxides import maps, trust
from .. import styles
from .base import LunarAlgorithm
from .cluster_parameters import add_device, add_scheduler, device, scheduler
from .models import model_path, require_torch

OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]
DEFAULT_MODEL = "oxide_clementine.pt"
FEATURE_PRESETS = [("clementine", "Clementine UVVIS 5 bands + OMAT (seed 002)"),
                   ("clementine+theta", "Clementine UVVIS + OMAT, theta_Fe, theta_Ti"),
                   ("kaguya_mi", "Kaguya MI 8 bands (seed 003)"),
                   ("kaguya_mi+theta", "Kaguya MI 8 bands + OMAT, theta_Fe, theta_Ti")]
ARCHITECTURES = ["Seed 002: Conv1D 32-32, MaxPool, Dense 64", "Seed 003: four Conv1D layers, Dense 64",
                 "Lunar Lab: seed 002 layout, 5-member ensemble"]


class OxideCnn(LunarAlgorithm):
    NAME = "oxidecnn"
    NEEDS_TORCH = True
    DISPLAY = "Oxide maps with a 1D CNN (FeO, TiO2, Al2O3, MgO, CaO, Mg#)"
    GROUP = "Surface chemistry"
    HELP = ("FeO, TiO2, Al2O3, MgO and CaO abundance (wt%) from a reflectance raster with a 1D convolutional network "
            "trained on lunar sample sites (Qiu et al. 2025, seed 002; Zhang et al. 2023, seed 003), and Mg# from the "
            "predicted FeO and MgO. The default MODEL is the shipped Clementine model (bands R415, R750, R900, R950, "
            "R1000; OMAT and the band-ratio angles are computed on the fly); models/oxide_kaguya_mi_tio2.pt maps TiO2 "
            "from the eight Kaguya MI bands; lunar:trainoxidecnn makes your own. BANDS gives, in the model's band "
            "order, the raster band of each (default 1, 2, 3, …). Each model's card (the .json beside it) holds its "
            "validation figures, leaving one station and one landing site out.\n"
            "No output holds an impossible value: every prediction is clipped to the physical bounds of lunar samples "
            "(" + ", ".join(f"{k} {lo:g}-{hi:g}" for k, (lo, hi) in trust.OXIDE_BOUNDS.items()) + " wt%) "
            "and the clipped pixels are counted in the log "
            "and the outputs' metadata. OUTPUT_DOMAIN marks with 1 the pixels whose spectrum lies inside the "
            "training sites' spectral domain (Mahalanobis distance of the log reflectance, threshold in the model "
            "card) and 0 where the model extrapolates; the share outside goes to the log and the metadata. "
            "OUTPUT_UNCERTAINTY gives each predicted oxide's 1-sigma (wt%), calibrated on the out-of-fold residuals "
            "and growing with that distance.")

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("Reflectance raster")))
        self.add(QgsProcessingParameterFile("MODEL", self.tr("Oxide model (.pt)"), extension="pt", optional=True),
                 "Default: the shipped Clementine model (models/oxide_clementine.pt).")
        self.add(QgsProcessingParameterString("BANDS", self.tr("Raster band for each model band (comma list)"),
                                              "", optional=True),
                 "E.g. '1,2,3,4,5' for Clementine 415/750/900/950/1000 nm; empty = 1, 2, 3, … in order.")
        self.add(QgsProcessingParameterNumber("REFLECTANCE_SCALE", self.tr("Reflectance scale factor"),
                                              QgsProcessingParameterNumber.Double, 1.0, minValue=1e-12),
                 "Multiplies stored values to get reflectance on a 0-1 scale.")
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

    def execute(self, parameters, context, feedback):
        require_torch()
        model = model_path(self, parameters, "MODEL", context, DEFAULT_MODEL)
        outputs = {oxide: self.parameterAsOutputLayer(parameters, f"OUTPUT_{oxide.upper()}", context)
                   for oxide in OXIDES}
        outputs = {k: v for k, v in outputs.items() if v}
        mg = self.parameterAsOutputLayer(parameters, "OUTPUT_MGNUMBER", context)
        bands = maps.parse_band_list(self.parameterAsString(parameters, "BANDS", context))
        written = maps.cnn_maps(self.raster_source(parameters, "INPUT", context), model, outputs, bands,
                                mg or None, self.parameterAsDouble(parameters, "REFLECTANCE_SCALE", context),
                                feedback, self.parameterAsOutputLayer(parameters, "OUTPUT_DOMAIN", context) or None,
                                self.parameterAsOutputLayer(parameters, "OUTPUT_UNCERTAINTY", context) or None,
                                scheduler=scheduler(self, parameters, context), device=device(self, parameters, context))
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
    SIDECARS = {"OUTPUT_MODEL": (".json",)}
    NEEDS_TORCH = True
    DISPLAY = "Train and cross-validate an oxide 1D CNN"
    GROUP = "Surface chemistry"
    HELP = ("Trains a 1D CNN per oxide on sample sites (a table, CSV or vector layer with reflectance and measured "
            "oxides) and validates it honestly: leave-one-out (seed 002) or k-fold (seed 003), with every "
            "normalisation, early-stopping decision and model choice made inside the training fold. A site missing "
            "a target is skipped for that target only. Outputs the model (one file for all targets, its card beside "
            "it), out-of-fold predictions (CSV: site, target, measured, predicted) and an HTML report with R² and "
            "RMSE per oxide and predicted-vs-measured plots; training-fit figures are reported separately and "
            "labelled as such. GROUP_FIELD adds leave-one-group-out figures beside the per-station ones: stations "
            "of one landing site are not independent (a value starting with a mission name and number, e.g. "
            "'Apollo 16 - S1' or 'Apollo16S1', counts as that mission, 'Apollo 16'). The defaults are the recipe of "
            "the shipped Clementine model. The model also records the spectral domain and calibrated 1-sigma that "
            "lunar:oxidecnn's OUTPUT_DOMAIN and OUTPUT_UNCERTAINTY use.")

    def define(self):
        self.add(QgsProcessingParameterFeatureSource("INPUT", self.tr("Sample sites"), [QgsProcessing.TypeVector]),
                 "E.g. clementine_sites.csv: one row per site, reflectance and oxide fields.")
        self.add(QgsProcessingParameterEnum("FEATURE_PRESET", self.tr("Feature preset"),
                                            [label for _, label in FEATURE_PRESETS], defaultValue=1),
                 "Band fields named as in the preset (R415…R1000, or 414nm…1548nm); ignored when FEATURE_FIELDS "
                 "is given.")
        self.add(QgsProcessingParameterField("FEATURE_FIELDS", self.tr("Feature fields (band order)"), None, "INPUT",
                                             QgsProcessingParameterField.Numeric, allowMultiple=True, optional=True),
                 "Reflectance fields in band order; OMAT/theta_Fe/theta_Ti may be added by name in the preset.")
        self.add(QgsProcessingParameterField("TARGET_FIELDS", self.tr("Target oxide fields"), None, "INPUT",
                                             QgsProcessingParameterField.Any, allowMultiple=True, optional=True),
                 "Default: whichever of FeO, TiO2, Al2O3, MgO, CaO the table has.")
        self.add(QgsProcessingParameterField("SITE_FIELD", self.tr("Site name field"), None, "INPUT", optional=True))
        self.add(QgsProcessingParameterField("GROUP_FIELD", self.tr("Group field (leave one group out)"), None,
                                             "INPUT", optional=True),
                 "E.g. the site field of clementine_sites.csv: 'Apollo 16 - S1' … 'Apollo 16 - LM' form one group, "
                 "'Apollo 16'. Reported beside the per-station validation.")
        self.add(QgsProcessingParameterEnum("ARCHITECTURE", self.tr("Network"), ARCHITECTURES, defaultValue=0))
        self.add(QgsProcessingParameterEnum("VALIDATION", self.tr("Validation"),
                                            [self.tr("Leave-one-out"), self.tr("k-fold")], defaultValue=0))
        self.add(QgsProcessingParameterNumber("FOLDS", self.tr("Folds (k-fold)"), QgsProcessingParameterNumber.Integer,
                                              10, minValue=2, maxValue=1000))
        self.add(QgsProcessingParameterNumber("SEED", self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 0))
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
        for target, m in result.metrics.items():
            grouped = (f"; out-of-fold leaving one of {m['n_groups']} groups out R² {m['group_r2']:.3f} RMSE "
                       f"{m['group_rmse']:.2f}") if "group_r2" in m else ""
            feedback.pushInfo(f"{target}: out-of-fold R² {m['r2']:.3f} RMSE {m['rmse']:.2f} (n={m['n']}){grouped}; "
                              f"training fit (not a validation) R² {m['train_r2']:.3f}")
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
