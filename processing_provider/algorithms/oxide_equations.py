"""lunar:oxideequations -- FeO, TiO2 and OMAT from band ratios (Qiu et al. 2025 eqs. 1-5)."""
from qgis.core import (QgsProcessingParameterBand, QgsProcessingParameterEnum, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...lunar_plugin.core.oxides import equations
from ...lunar_plugin.qt_compat import ProcessingNumberParameterType
from .. import styles
from .base import LunarAlgorithm
from .cluster_parameters import add_scheduler, scheduler
from .models import shipped

DOMAIN_FILE = "oxide_equations_domain.json"

#: What each of the equations' constants (core.oxides.equations.CONSTANT_NAMES; parameter id in capitals) is.
MEANINGS = {"x0_fe": QT_TRANSLATE_NOOP("OxideEquations", "x0 of the FeO angle"),
            "y0_fe": QT_TRANSLATE_NOOP("OxideEquations", "y0 of the FeO angle"),
            "fe_slope": QT_TRANSLATE_NOOP("OxideEquations", "FeO slope"),
            "fe_offset": QT_TRANSLATE_NOOP("OxideEquations", "FeO offset"),
            "x0_ti": QT_TRANSLATE_NOOP("OxideEquations", "x0 of the TiO2 angle"),
            "y0_ti": QT_TRANSLATE_NOOP("OxideEquations", "y0 of the TiO2 angle"),
            "ti_scale": QT_TRANSLATE_NOOP("OxideEquations", "TiO2 scale"),
            "ti_exponent": QT_TRANSLATE_NOOP("OxideEquations", "TiO2 exponent")}
CONSTANTS = [name.upper() for name in equations.CONSTANT_NAMES]


class OxideEquations(LunarAlgorithm):
    NAME = "oxideequations"
    DISPLAY = "Oxide maps from band ratios (FeO, TiO2, OMAT)"
    GROUP = "Surface chemistry"
    HELP = ("FeO and TiO2 abundance (wt%) and optical maturity (OMAT) from Clementine UVVIS reflectance with "
            "the band-ratio equations of Qiu et al. 2025 (Commun. Earth Environ., eqs. 1-5; constants fitted on 49 "
            "sites incl. Chang'E-6) or Lucey et al. 2000.\n"
            "theta_Fe = -arctan[(R950/R750 - y0) / (R750 - x0)], FeO = slope * theta_Fe + offset; "
            "theta_Ti = arctan[(R415/R750 - y0) / (R750 - x0)], TiO2 = scale * theta_Ti^exponent; "
            "OMAT = sqrt((R750 - x0)^2 + (R950/R750 - y0)^2).\n"
            "Input: reflectance raster (0-1 after REFLECTANCE_SCALE). Outputs: float32 GeoTIFFs, nodata where an "
            "input is nodata or the equation leaves its domain (R750 <= x0, R415/R750 < y0Ti).\n"
            "OUTPUT_DOMAIN (optional): a byte raster, 1 where the pixel's R415, R750, R950 lie inside the spectral "
            "domain of the sample stations the published fits used (Mahalanobis distance of the log reflectance, "
            "from the stations' statistics shipped with Lunar Lab), 0 where the fits end; the share outside goes to the log and to "
            "every output's metadata.")

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("INPUT", self.tr("Reflectance raster")),
                 "Multi-band reflectance, e.g. Clementine UVVIS 415/750/900/950/1000 nm.")
        for name, label, default in (("BAND_415", "415 nm band", 1), ("BAND_750", "750 nm band", 2),
                                     ("BAND_950", "950 nm band", 4)):
            # a band chooser shows the raster's band names ("Band 1: R415 ..."), not a bare number; optional, as
            # QGIS 3.22 refuses a band parameter left out even when it has a default
            self.add(QgsProcessingParameterBand(name, self.tr(label), default, "INPUT", optional=True),
                     "The reflectance band at this wavelength (Clementine order 415/750/900/950/1000: 1, 2, 4).",
                     advanced=True)
        self.add(QgsProcessingParameterNumber("REFLECTANCE_SCALE", self.tr("Reflectance scale factor"),
                                              ProcessingNumberParameterType.Double, 1.0, minValue=1e-12),
                 "Multiplies stored values to get reflectance on a 0-1 scale (e.g. 0.0001 for integer DNs).",
                 decimals=5)
        self.add(QgsProcessingParameterEnum("PRESET", self.tr("Equation constants"),
                                            [self.tr(equations.PRESETS[k].name) for k in equations.PRESET_CHOICES],
                                            defaultValue=0),
                 "0 = Qiu et al. 2025 (Clementine incl. Chang'E-6); 1 = Lucey et al. 2000.")
        for name in CONSTANTS:
            presets = "; ".join(f"{equations.PRESETS[key].name} {getattr(equations.PRESETS[key], name.lower()):g}"
                                for key in equations.PRESET_CHOICES)
            self.add(QgsProcessingParameterNumber(
                name, self.tr("Custom {0} ({1}); presets: {2}").format(self.tr(MEANINGS[name.lower()]), name, presets),
                ProcessingNumberParameterType.Double, None, optional=True),
                "Leave empty to use the chosen preset's value.", advanced=True, decimals=4)
        for name, label in (("OUTPUT_FEO", "FeO (wt%)"), ("OUTPUT_TIO2", "TiO2 (wt%)"), ("OUTPUT_OMAT", "OMAT"),
                            ("OUTPUT_DOMAIN", "Inside the fitting sites' spectral domain (1/0)")):
            self.addParameter(QgsProcessingParameterRasterDestination(name, self.tr(label), optional=True))
        add_scheduler(self)

    def execute(self, parameters, context, feedback):
        source = self.raster_source(parameters, "INPUT", context)
        preset = equations.preset_choice(self.parameterAsEnum(parameters, "PRESET", context))
        overrides = {name.lower(): (self.parameterAsDouble(parameters, name, context)
                                    if parameters.get(name) not in (None, "") else None) for name in CONSTANTS}
        constants = preset.with_overrides(**overrides)
        outputs = {key: self.parameterAsOutputLayer(parameters, "OUTPUT_" + key.upper(), context)
                   for key in ("feo", "tio2", "omat", "domain")}
        outputs = {key: path for key, path in outputs.items() if path}
        # Only when asked: the distance costs more than the equations themselves (bench_equations.py).
        domain = equations.load_equation_domain(shipped(DOMAIN_FILE)) if "domain" in outputs else None
        equations.equation_maps(source, self.parameterAsInt(parameters, "BAND_415", context),
                                self.parameterAsInt(parameters, "BAND_750", context),
                                self.parameterAsInt(parameters, "BAND_950", context), outputs, constants,
                                self.parameterAsDouble(parameters, "REFLECTANCE_SCALE", context), feedback, domain,
                                scheduler=scheduler(self, parameters, context))
        names = {"feo": ("FeO (wt%) — {0} equation", styles.oxide_map("FeO")),
                 "tio2": ("TiO2 (wt%) — {0} equation", styles.oxide_map("TiO2")),
                 "omat": ("OMAT — {0}", styles.pseudocolor("omat")),
                 "domain": ("Inside the fitting sites' spectral domain — {0}", styles.inside_domain())}
        for key, path in outputs.items():
            label, style = names[key]
            self.style_output(context, path, style, self.tr(label).format(preset.name))
        return {"OUTPUT_" + key.upper(): path for key, path in outputs.items()}
