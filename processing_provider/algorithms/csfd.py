"""lunar:csfd -- crater size-frequency distribution, plots and a Neukum/Hartmann model age."""
import base64
import html
import os

from qgis.core import (QgsCoordinateTransform, QgsDistanceArea, QgsFeature, QgsFeatureSink, QgsField, QgsFields,
                       QgsGeometry, QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber)

from ...lunar_plugin.core import csfd
from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.moon import QGIS_MOON_ELLIPSOID
from ...lunar_plugin.qt_compat import (FieldType, ProcessingFieldParameterDataType, ProcessingNumberParameterType,
                                       ProcessingSourceType)
from .base import LunarAlgorithm
from .crater_layers import field_number, is_null, warn_diameters

PRODUCTIONS = [("neukum2001", "Neukum et al. 2001"), ("hartmann2010", "Hartmann 2010")]
METHODS = [("poisson", "Poisson likelihood (Michael et al. 2016)"), ("cumulative", "Cumulative fit")]
TABLE_FIELDS = ["bin_min_km", "bin_max_km", "bin_centre_km", "n", "cumulative", "cumulative_err", "differential",
                "differential_err", "r_value", "r_err"]


class CraterSizeFrequency(LunarAlgorithm):
    NAME = "csfd"
    SIDECARS = {"OUTPUT_PLOT": (".svg",), "OUTPUT_DIAM": (".scc",)}
    DISPLAY = "Crater size-frequency distribution and model age"
    GROUP = "Crater ages"
    HELP = ("Crater size-frequency distribution (CSFD) of the craters whose centres lie in the AREA polygons (area "
            "measured on the 1737.4 km Moon sphere): cumulative, differential and R values in sqrt(2) bins with "
            "Poisson errors (OUTPUT_TABLE), a cumulative plot and an R-plot as PNG and SVG (OUTPUT_PLOT, like Yang "
            "et al. 2020 Fig. 2, one colour per System when split by the 'system' field), and a model age fitted between "
            "MIN_DIAMETER_KM and MAX_DIAMETER_KM with the Neukum et al. (2001) production and chronology functions "
            "(Hartmann 2010 selectable), with the lunar System that age falls in. Also writes craterstats .diam and "
            ".scc files. Diameters in km.")

    def define(self):
        self.add(QgsProcessingParameterFeatureSource("CRATERS", self.tr("Craters"), [ProcessingSourceType.Vector]),
                 "Crater circles or points with a diameter field in km.")
        self.add(QgsProcessingParameterField("DIAMETER_FIELD", self.tr("Diameter field (km)"), "diameter_km",
                                             "CRATERS", ProcessingFieldParameterDataType.Numeric, optional=True),
                 "Default: diameter_km (the field lunar:detectcraters writes).", advanced=True)
        self.add(QgsProcessingParameterFeatureSource("AREA", self.tr("Count area"),
                                                     [ProcessingSourceType.VectorPolygon]),
                 "Polygon(s) of the counted surface; craters are counted when their centre lies inside.")
        self.add(QgsProcessingParameterNumber("MIN_DIAMETER_KM", self.tr("Fit range: minimum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 1.0, minValue=0.01), decimals=2)
        self.add(QgsProcessingParameterNumber("MAX_DIAMETER_KM", self.tr("Fit range: maximum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 100.0, minValue=0.01), decimals=2)
        self.add(QgsProcessingParameterEnum("PRODUCTION", self.tr("Production and chronology functions"),
                                            [self.tr(label) for _, label in PRODUCTIONS], defaultValue=0))
        self.add(QgsProcessingParameterEnum("METHOD", self.tr("Age fit method"),
                                            [self.tr(label) for _, label in METHODS], defaultValue=0), advanced=True)
        self.add(QgsProcessingParameterBoolean("SPLIT_BY_SYSTEM", self.tr("Split the CSFD by the 'system' field"),
                                               False), "One curve and one age per lunar System (field 'system').")
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", self.tr("CSFD table"),
                                                            ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PLOT", self.tr("CSFD plot (PNG; SVG beside)"),
                                                                self.tr("PNG files (*.png)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", self.tr("CSFD report"),
                                                                self.tr("HTML files (*.html)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_DIAM", self.tr("craterstats .diam file"),
                                                                self.tr("craterstats diam (*.diam)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("MODEL_AGE_GA", self.tr("Model age (Ga)")))
        self.addOutput(QgsProcessingOutputNumber("MODEL_AGE_ERR_GA", self.tr("Model age uncertainty (Ga, 1 sigma)")))
        self.addOutput(QgsProcessingOutputString("SYSTEM", self.tr("Lunar System of the model age")))
        self.addOutput(QgsProcessingOutputNumber("N_CRATERS", self.tr("Craters counted")))

    def execute(self, parameters, context, feedback):
        craters = self.parameterAsSource(parameters, "CRATERS", context)
        area_source = self.parameterAsSource(parameters, "AREA", context)
        field = self.parameterAsString(parameters, "DIAMETER_FIELD", context) or "diameter_km"
        if craters.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("CRATERS has no diameter field '{0}' (fields: {1})").format(
                field, ", ".join(craters.fields().names())))
        area_geometry, area_km2 = self._area(area_source, context)
        to_area = QgsCoordinateTransform(craters.sourceCrs(), area_source.sourceCrs(), context.transformContext())
        split = self.parameterAsBool(parameters, "SPLIT_BY_SYSTEM", context)
        if split and craters.fields().indexOf("system") < 0:
            raise QgsProcessingException(self.tr("SPLIT_BY_SYSTEM needs a 'system' field in CRATERS"))
        in_range_field = craters.fields().indexOf("in_model_range") >= 0
        every, groups, lons, lats = [], {}, [], []
        skipped = unclassified = out_of_range = 0
        for feature in craters.getFeatures():
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user; no output was written."))
            value = field_number(feature[field], "CRATERS", field, feature.id())
            centre = QgsGeometry(feature.geometry()).centroid()
            if value != value or centre.isEmpty():  # NaN: a NULL diameter
                skipped += 1
                continue
            centre.transform(to_area)
            if not area_geometry.contains(centre):
                continue
            if not value > 0:
                raise QgsProcessingException(self.tr("CRATERS: feature {0} has diameter {1}; diameters must be > 0 km")
                                             .format(feature.id(), value))
            every.append(value)
            point = centre.asPoint()
            lons.append(point.x())
            lats.append(point.y())
            if split:  # an age the model could not give, or gave outside its diameter range, is no System curve
                system = feature["system"]
                if is_null(system) or str(system) in ("", "NULL"):
                    unclassified += 1
                elif in_range_field and feature["in_model_range"] in (False, 0, "false"):
                    out_of_range += 1
                else:
                    groups.setdefault(str(system), []).append(value)
        if skipped:
            feedback.pushWarning(self.tr("{0} craters without a diameter or geometry were skipped").format(skipped))
        if not every:
            raise QgsProcessingException(self.tr("No crater of CRATERS lies inside the AREA polygons"))
        warn_diameters(every, "CRATERS", feedback)
        if unclassified or out_of_range:
            feedback.pushWarning(self.tr(
                "{0} craters without a System and {1} outside the age model's diameter range (in_model_range = "
                "false) are counted in 'all craters' but drawn in no System's curve").format(
                unclassified, out_of_range))
        feedback.pushInfo(self.tr("{0} craters inside the area ({1:.0f} km²); per System: {2}").format(
            len(every), area_km2, ", ".join(f"{k} {len(v)}" for k, v in groups.items()) or "-"))
        production = PRODUCTIONS[self.parameterAsEnum(parameters, "PRODUCTION", context)][0]
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)][0]
        d_min = self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context)
        d_max = self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context)
        fit = csfd.fit_model_age(every, area_km2, d_min, d_max, production, production, method, label="all craters")
        fits = {"all craters": fit}
        if split:
            for name, values in groups.items():
                try:
                    fits[name] = csfd.fit_model_age(values, area_km2, d_min, d_max, production, production, method,
                                                    label=name)
                except Exception as err:  # noqa: BLE001 -- a sparse System gets no age, the others do
                    feedback.pushWarning(self.tr("No model age for {0}: {1}").format(name, err))
        for name, f in fits.items():
            feedback.pushInfo(self.tr("{0}: {1} ({2}), N={3}, N(1)={4:.3e} km^-2").format(
                name, f.age_text(), f.system, f.n_craters, f.n1))

        table_groups = dict({"all craters": every}, **groups)
        results = self._table(parameters, context, table_groups, area_km2)
        png = self.parameterAsFileOutput(parameters, "OUTPUT_PLOT", context)
        svg = os.path.splitext(png)[0] + ".svg"
        plot_groups = groups if split and groups else {"all craters": every}
        csfd.plot_csfd(plot_groups, area_km2, png, svg, fits=fits, title=self.tr("CSFD, area {0:.0f} km²").format(
            area_km2), feedback=feedback)
        report = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if report:
            write_text_atomic(csfd_report_html(png, area_km2, table_groups, fits, unclassified, out_of_range),
                              report)
            results["OUTPUT_HTML"] = report
        diam = self.parameterAsFileOutput(parameters, "OUTPUT_DIAM", context)
        if diam:
            csfd.write_diam(diam, every, area_km2, lons=lons, lats=lats)
            csfd.write_scc(os.path.splitext(diam)[0] + ".scc", every, area_km2, lons=lons, lats=lats)
            results["OUTPUT_DIAM"] = diam
        err = max(fit.err_plus_ga, fit.err_minus_ga)
        results.update({"OUTPUT_PLOT": png, "MODEL_AGE_GA": fit.age_ga, "MODEL_AGE_ERR_GA": err,
                        "SYSTEM": fit.system, "N_CRATERS": fit.n_craters})
        return results

    def _area(self, source, context):
        """Union of the AREA polygons and its area in km² on the Moon sphere."""
        parts = [QgsGeometry(f.geometry()) for f in source.getFeatures() if not f.geometry().isEmpty()]
        if not parts:
            raise QgsProcessingException(self.tr("AREA holds no polygon"))
        geometry = QgsGeometry.unaryUnion(parts)
        measure = QgsDistanceArea()
        measure.setSourceCrs(source.sourceCrs(), context.transformContext())
        measure.setEllipsoid(QGIS_MOON_ELLIPSOID)
        area_km2 = measure.measureArea(geometry) / 1e6
        if not area_km2 > 0:
            raise QgsProcessingException(self.tr("AREA has zero size on the Moon sphere"))
        return geometry, area_km2

    def _table(self, parameters, context, groups, area_km2):
        fields = QgsFields()
        fields.append(QgsField("group", FieldType.String))
        for name in TABLE_FIELDS:
            fields.append(QgsField(name, FieldType.Int if name == "n" else FieldType.Double))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields)
        for name, values in groups.items():
            for row in csfd.csfd_table(values, area_km2):
                feature = QgsFeature(fields)
                feature.setAttributes([name] + [int(row[k]) if k == "n" else float(row[k]) for k in TABLE_FIELDS])
                if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.tr("Could not write the CSFD table: {0}").format(
                        sink.lastError()))
        return {"OUTPUT_TABLE": dest}


def csfd_report_html(png, area_km2, groups, fits, unclassified, out_of_range):
    """The plot (embedded) with the counts and ages beside it: what Processing's Results Viewer opens."""
    with open(png, "rb") as fh:
        image = base64.b64encode(fh.read()).decode("ascii")
    counts = "".join(f"<tr><td>{html.escape(name)}</td><td>{len(values)}</td></tr>" for name, values in groups.items())
    ages = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(f.age_text())}</td><td>{html.escape(f.system)}"
                   f"</td><td>{f.n_craters}</td><td>{f.d_min_km:g}–{f.d_max_km:g}</td></tr>"
                   for name, f in fits.items())
    return (f"<html><head><meta charset='utf-8'><title>CSFD</title></head><body><h1>Crater size-frequency "
            f"distribution</h1><p>Count area {area_km2:,.1f} km². {unclassified} craters without a System and "
            f"{out_of_range} outside the age model's diameter range are counted in 'all craters' only.</p>"
            f"<img src='data:image/png;base64,{image}' style='max-width:100%'>"
            f"<h2>Craters counted</h2><table border='1'><tr><th>group</th><th>N</th></tr>{counts}</table>"
            f"<h2>Model ages</h2><table border='1'><tr><th>group</th><th>age</th><th>System</th><th>N in fit range"
            f"</th><th>fit range (km)</th></tr>{ages}</table></body></html>")
