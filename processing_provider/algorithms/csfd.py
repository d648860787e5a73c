"""lunar:csfd -- crater size-frequency distribution, plots and a Neukum/Hartmann model age."""
import base64
import html
import os

import numpy as np

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsProcessingException, QgsProcessingOutputFile,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterExtent, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from qgis.PyQt.QtCore import QCoreApplication

from ...lunar_plugin.core import count_areas, crater_files, csfd
from ...lunar_plugin.core.model_files import write_text_atomic
from ...lunar_plugin.core.moon import MOON_GEOGRAPHIC_CRS
from ...lunar_plugin.qt_compat import (FieldType, ProcessingFieldParameterDataType, ProcessingNumberParameterType,
                                       ProcessingSourceType, DistanceUnit)
from .base import LunarAlgorithm
from .crater_layers import field_number, is_null, warn_diameters

PRODUCTIONS = csfd.functions_of("production")          # the options follow core.csfd's one function table
CHRONOLOGIES = [None] + csfd.functions_of("chronology")  # None: the chronology craterstats pairs with the production
EQUILIBRIA = [None] + csfd.functions_of("equilibrium")
METHODS = [("poisson", "Poisson likelihood (Michael et al. 2016; buffered Poisson when counting buffered)"),
           ("cumulative", "Cumulative fit"), ("differential", "Differential fit")]
BINNINGS = [("root-2", "root-2 (sqrt(2) bins)"), ("pseudo-log", "pseudo-log (craterstats' default)"),
            ("4th root-2", "4th root-2"), ("x2", "x2"), ("10/decade", "10 per decade"),
            ("20/decade", "20 per decade")]
COUNT_MODES = [("centre", "Crater centre in the area"),
               ("fraction", "Rim-crossing craters as fractions"),
               ("buffered", "Buffered crater counting (Fassett & Head 2008)")]
TABLE_FIELDS = ["bin_min_km", "bin_max_km", "bin_centre_km", "n", "cumulative", "cumulative_err", "differential",
                "differential_err", "r_value", "r_err"]


def in_degrees(crs):
    """Whether a layer's coordinates are lon/lat degrees: an unreadable CRS is taken as lon/lat (``_crs`` warns), and
    QGIS 3.44 reads the IAU Moon CRS of a GeoPackage it wrote as a GEOGCS that is not 'geographic' but in degrees."""
    return not crs.isValid() or crs.isGeographic() or crs.mapUnits() == DistanceUnit.Degrees


class CraterSizeFrequency(LunarAlgorithm):
    NAME = "csfd"
    SIDECARS = {"OUTPUT_PLOT": (".svg",), "OUTPUT_DIAM": (".scc",)}
    DISPLAY = "Crater size-frequency distribution and model age"
    GROUP = "Crater ages"
    HELP = ("Crater size-frequency distribution (CSFD) of the craters counted in the AREA polygons or, without them, "
            "in the EXTENT rectangle (e.g. calculated from a layer), measured on the 1737.4 km Moon sphere whatever "
            "the CRS (geographic or projected, from an authority code or a PROJ string; holes are excluded): "
            "cumulative, differential and R values in sqrt(2) bins (or another BINNING) with Poisson errors "
            "(OUTPUT_TABLE), cumulative, differential and R plots as PNG and SVG (OUTPUT_PLOT, one colour per System "
            "when split by the 'system' field, with all craters beside them), an HTML report with the plot and the "
            "fit results, which QGIS opens in its Results Viewer (OUTPUT_HTML), and a model age fitted between "
            "MIN_DIAMETER_KM and MAX_DIAMETER_KM as craterstats 3.6 computes it, with the lunar System that age falls"
            " in. The fit range must lie inside the production function's valid range. Counting modes: crater centre "
            "in the area, rim-crossing craters as fractions, or buffered crater counting (Fassett & Head 2008, with "
            "buffered Poisson ages); as in craterstats, crater fractions weight the binned values and fits, while a "
            "Poisson age counts every crater in the fit range. Fit ranges are used as given unless SNAP_RANGE widens "
            "them to bin edges (craterstats' default). Production and chronology functions are chosen separately "
            "(Neukum 1983, Neukum et al. 2001, Hartmann 2010 iteration, Yue et al. 2022, or a craterstats function "
            "file). With AREA_NAME_FIELD each named count area gets its own CSFD and age. Also writes craterstats "
            ".diam, .scc (boundary, perimeter, fractions; lon/lat in degrees), .stat and _CRATER/_AREA shapefile "
            "files. Diameters in km.")

    def define(self):
        self.add(QgsProcessingParameterFeatureSource("CRATERS", self.tr("Craters"), [ProcessingSourceType.Vector]),
                 "Crater circles or points with a diameter field in km.")
        self.add(QgsProcessingParameterField("DIAMETER_FIELD", self.tr("Diameter field (km)"), "diameter_km",
                                             "CRATERS", ProcessingFieldParameterDataType.Numeric, optional=True),
                 "Default: diameter_km (the field lunar:detectcraters writes).", advanced=True)
        self.add(QgsProcessingParameterFeatureSource("AREA", self.tr("Count area"),
                                                     [ProcessingSourceType.VectorPolygon], optional=True),
                 "Polygon(s) of the counted surface in any lunar CRS; holes are left out of the count. Give these "
                 "or a count area extent.")
        self.add(QgsProcessingParameterExtent("EXTENT", self.tr("Count area extent (without count area polygons)"),
                                              optional=True),
                 "A rectangle in a lunar CRS counted instead of count area polygons (e.g. calculated from a layer); "
                 "its edges follow the CRS's grid (parallels and meridians in lon/lat), measured on the Moon sphere.")
        self.add(QgsProcessingParameterField("AREA_NAME_FIELD", self.tr("Count area name field"), None, "AREA",
                                             optional=True),
                 "Optional: polygons with the same name form one count area with its own CSFD and model age.")
        self.add(QgsProcessingParameterEnum("COUNT_MODE", self.tr("Counting mode"),
                                            [self.tr(label) for _, label in COUNT_MODES], defaultValue=0),
                 "Centre: a crater counts when its centre lies in the area. Fractions: a crater crossing the "
                 "boundary counts with the fraction of it inside (as craterstats reads it). Buffered: a crater "
                 "counts when its centre lies within its radius of the area, on an area grown by that radius.")
        self.add(QgsProcessingParameterNumber("MIN_DIAMETER_KM", self.tr("Fit range: minimum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 1.0, minValue=0.01), decimals=2)
        self.add(QgsProcessingParameterNumber("MAX_DIAMETER_KM", self.tr("Fit range: maximum diameter (km)"),
                                              ProcessingNumberParameterType.Double, 100.0, minValue=0.01), decimals=2)
        self.add(QgsProcessingParameterEnum("PRODUCTION", self.tr("Production function"),
                                            [self.tr(f.label) for f in PRODUCTIONS], defaultValue=0))
        self.add(QgsProcessingParameterEnum("CHRONOLOGY", self.tr("Chronology function"),
                                            [self.tr("As paired with the production function")]
                                            + [self.tr(f.label) for f in CHRONOLOGIES[1:]], defaultValue=0),
                 "Default: the chronology craterstats pairs with the production function.")
        self.add(QgsProcessingParameterEnum("METHOD", self.tr("Age fit method"),
                                            [self.tr(label) for _, label in METHODS], defaultValue=0), advanced=True)
        self.add(QgsProcessingParameterEnum("BINNING", self.tr("Binning"),
                                            [self.tr(label) for _, label in BINNINGS], defaultValue=0),
                 "Bins of the table, the plots and the cumulative/differential fits (craterstats' names).",
                 advanced=True)
        self.add(QgsProcessingParameterBoolean("SNAP_RANGE", self.tr("Widen the fit range to bin edges"), False),
                 "As craterstats does by default: the fit range starts at the bin edge below the minimum and ends "
                 "at the edge above the maximum.", advanced=True)
        self.add(QgsProcessingParameterEnum("EQUILIBRIUM", self.tr("Equilibrium line on the plots"),
                                            [self.tr("None")] + [self.tr(f.label) for f in EQUILIBRIA[1:]],
                                            defaultValue=0), advanced=True)
        self.add(QgsProcessingParameterFile("FUNCTION_FILE", self.tr("craterstats function file"),
                                            extension="txt", optional=True),
                 "Optional: production/chronology functions in craterstats' functions.txt format, chosen by the "
                 "names below.", advanced=True)
        self.add(QgsProcessingParameterString("PRODUCTION_NAME", self.tr("Production function name in the file"),
                                              optional=True), advanced=True)
        self.add(QgsProcessingParameterString("CHRONOLOGY_NAME", self.tr("Chronology function name in the file"),
                                              optional=True), advanced=True)
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
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_STAT", self.tr("craterstats .stat file"),
                                                                self.tr("craterstats stat (*.stat)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_SHAPEFILES", self.tr("craterstats/OpenCraterTool shapefile pair (_CRATER.shp, _AREA.shp)"),
            self.tr("Shapefiles (*.shp)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("MODEL_AGE_GA", self.tr("Model age (Ga)")))
        self.addOutput(QgsProcessingOutputNumber("MODEL_AGE_ERR_GA", self.tr("Model age uncertainty (Ga, 1 sigma)")))
        self.addOutput(QgsProcessingOutputString("SYSTEM", self.tr("Lunar System of the model age")))
        self.addOutput(QgsProcessingOutputNumber("N_CRATERS", self.tr("Craters counted")))
        self.addOutput(QgsProcessingOutputNumber("AREA_KM2", self.tr("Count area (km², on the Moon sphere)")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_SCC", self.tr("craterstats .scc file (beside the .diam)")))

    def _functions(self, parameters, context):
        """(production, chronology): table keys, or names from the function file."""
        path = self.parameterAsFile(parameters, "FUNCTION_FILE", context)
        production = PRODUCTIONS[self.parameterAsEnum(parameters, "PRODUCTION", context)].key
        row = CHRONOLOGIES[self.parameterAsEnum(parameters, "CHRONOLOGY", context)]
        chronology = row.key if row else csfd.default_chronology(production)
        if path:
            loaded = csfd.load_function_file(path)
            production = self.parameterAsString(parameters, "PRODUCTION_NAME", context) or production
            chronology = self.parameterAsString(parameters, "CHRONOLOGY_NAME", context) or chronology
            for kind, name in (("production", production), ("chronology", chronology)):
                known = [f.key for f in csfd.functions_of(kind)]
                if name not in loaded[kind] and name not in known:
                    raise QgsProcessingException(self.tr(
                        "FUNCTION_FILE {0} has no {1} function '{2}' (it has: {3})").format(
                        path, kind, name, ", ".join(loaded[kind]) or "-"))
        return production, chronology

    def _function_label(self, kind, key):
        """A function as the dialog's options name it ('Neukum et al. 2001'); a function file's by its own name."""
        row = next((f for f in csfd.functions_of(kind) if f.key == key), None)
        return self.tr(row.label) if row else key

    def _check_fit_range(self, parameters, context, production):
        """Refuse a fit range the production function does not cover before any counting (craterstats' range
        check, in the dialog's words)."""
        d_min = self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context)
        d_max = self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context)
        labels = [self.parameterDefinition(name).description() for name in ("MIN_DIAMETER_KM", "MAX_DIAMETER_KM")]
        if not d_min < d_max:
            raise QgsProcessingException(self.tr("“{0}” ({1:g} km) must be smaller than “{2}” ({3:g} km)").format(
                labels[0], d_min, labels[1], d_max))
        low, high = csfd.resolve_function("production", production).d_range_km
        if not csfd.covers_fit_range((low, high), d_min, d_max):
            raise QgsProcessingException(self.tr(
                "The fit range {0:g}–{1:g} km (“{2}”, “{3}”) is not inside the range the production function "
                "{4} is valid for, {5:.4g}–{6:.4g} km: choose a fit range within it or another production "
                "function").format(d_min, d_max, labels[0], labels[1],
                                   self._function_label("production", production), low, high))

    def _crs(self, crs, name, feedback):
        """``crs``; one QGIS cannot read (an IAU code in an older PROJ database) is taken as lon/lat degrees on the
        Moon, with a warning."""
        if crs.isValid():
            return crs
        if feedback is not None:
            feedback.pushWarning(self.tr("{0} has no CRS QGIS can read: its coordinates are taken as lon/lat degrees "
                                         "on the Moon ({1})").format(name, MOON_GEOGRAPHIC_CRS))
        return QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)

    def _count_area_parts(self, parameters, context, name_field, feedback):
        """(parts, crs, straight, name_field): the count area as [(geometry, name)] in ``crs`` -- the AREA polygons
        or the EXTENT rectangle (no names), exactly one of them -- and whether its edges are straight lines of that
        CRS (a projected area, an extent) rather than great circles (lon/lat polygons, as craterstats reads them)."""
        area_label, extent_label = (self.parameterDefinition(name).description() for name in ("AREA", "EXTENT"))
        has_area, has_extent = (parameters.get(name) not in (None, "") for name in ("AREA", "EXTENT"))
        if has_area and has_extent:
            raise QgsProcessingException(self.tr("Both “{0}” and “{1}” are given: give only one of them").format(
                area_label, extent_label))
        if not has_area and not has_extent:
            raise QgsProcessingException(self.tr("No count area: give “{0}” or “{1}”").format(area_label,
                                                                                           extent_label))
        if has_extent:
            crs = self._crs(self.parameterAsExtentCrs(parameters, "EXTENT", context), "EXTENT", feedback)
            rectangle = self.parameterAsExtent(parameters, "EXTENT", context)
            if rectangle.isEmpty():
                raise QgsProcessingException(self.tr("“{0}” is empty").format(extent_label))
            return [(QgsGeometry.fromRect(rectangle), None)], crs, True, ""
        source = self.parameterAsSource(parameters, "AREA", context)
        crs = self._crs(source.sourceCrs(), "AREA", feedback)
        parts = [(QgsGeometry(f.geometry()), f[name_field] if name_field else None) for f in source.getFeatures()]
        return parts, crs, not in_degrees(crs), name_field

    def _count_areas(self, parameters, context, name_field, feedback):
        """{name: CountArea}, the whole (all polygons unioned) and the geographic CRS they are in: lon/lat degrees
        of the count area CRS's own body, measured on the Moon sphere."""
        parts, crs, straight, name_field = self._count_area_parts(parameters, context, name_field, feedback)
        geographic = geographic_crs(crs, context.transformContext())
        to_geo = QgsCoordinateTransform(crs, geographic, context.transformContext())
        named, geometries = {}, []
        for geometry, name in parts:
            if geometry.isEmpty():
                continue
            if straight:   # edges straight in their own CRS: follow them on the sphere
                box = geometry.boundingBox()
                geometry = geometry.densifyByDistance(max(box.width(), box.height()) / 500.0)
            geometry.transform(to_geo)
            geometries.append(geometry)
            if name_field:
                named.setdefault("" if is_null(name) else str(name), []).append(geometry)
        if not geometries:
            raise QgsProcessingException(self.tr("AREA holds no polygon"))

        def area(geometries, name):
            union = QgsGeometry.unaryUnion(geometries)
            polygons = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in union.asMultiPolygon()] \
                if union.isMultipart() else [[[(p.x(), p.y()) for p in ring] for ring in union.asPolygon()]]
            try:
                return count_areas.CountArea(polygons, name)
            except csfd.LunarInputError as err:
                raise QgsProcessingException(self.tr("AREA: {0}").format(str(err))) from None

        return {name: area(g, name) for name, g in named.items()}, area(geometries, "all"), geographic

    def execute(self, parameters, context, feedback):
        production, chronology = self._functions(parameters, context)
        self._check_fit_range(parameters, context, production)
        craters = self.parameterAsSource(parameters, "CRATERS", context)
        field = self.parameterAsString(parameters, "DIAMETER_FIELD", context) or "diameter_km"
        if craters.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("CRATERS has no diameter field '{0}' (fields: {1})").format(
                field, ", ".join(craters.fields().names())))
        name_field = self.parameterAsString(parameters, "AREA_NAME_FIELD", context)
        named, whole, geographic = self._count_areas(parameters, context, name_field, feedback)
        to_geo = QgsCoordinateTransform(self._crs(craters.sourceCrs(), "CRATERS", feedback), geographic,
                                        context.transformContext())
        split = self.parameterAsBool(parameters, "SPLIT_BY_SYSTEM", context)
        if split and craters.fields().indexOf("system") < 0:
            raise QgsProcessingException(self.tr("SPLIT_BY_SYSTEM needs a 'system' field in CRATERS"))
        in_range_field = craters.fields().indexOf("in_model_range") >= 0
        diameters, lons, lats, systems_of = [], [], [], []
        skipped = 0
        for feature in craters.getFeatures():
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user; no output was written."))
            value = field_number(feature[field], "CRATERS", field, feature.id())
            centre = QgsGeometry(feature.geometry()).centroid()
            if value != value or centre.isEmpty():  # NaN: a NULL diameter
                skipped += 1
                continue
            if not value > 0:
                raise QgsProcessingException(self.tr("CRATERS: feature {0} has diameter {1}; diameters must be > 0 km")
                                             .format(feature.id(), value))
            centre.transform(to_geo)
            point = centre.asPoint()
            diameters.append(value)
            lons.append(point.x())
            lats.append(point.y())
            if split:  # an age the model could not give, or gave outside its diameter range, is no System curve
                system = feature["system"]
                if is_null(system) or str(system) in ("", "NULL"):
                    systems_of.append(None)
                elif in_range_field and feature["in_model_range"] in (False, 0, "false"):
                    systems_of.append(False)
                else:
                    systems_of.append(str(system))
        if skipped:
            feedback.pushWarning(self.tr("{0} craters without a diameter or geometry were skipped").format(skipped))
        mode = COUNT_MODES[self.parameterAsEnum(parameters, "COUNT_MODE", context)][0]
        counted = whole.count(lons, lats, diameters, mode=mode, feedback=feedback)
        if not counted.index.size:
            raise QgsProcessingException(self.tr("No crater of “{0}” ({1}) lies inside the count area").format(
                self.parameterDefinition("CRATERS").description(), "CRATERS"))
        d_all, lon_all, lat_all = (np.asarray(v, float) for v in (diameters, lons, lats))
        every = d_all[counted.index]
        warn_diameters(every.tolist(), "CRATERS", feedback)
        area_km2 = whole.area_km2
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)][0]
        if mode == "buffered" and method == "poisson":
            method = "b-poisson"
        d_min = self.parameterAsDouble(parameters, "MIN_DIAMETER_KM", context)
        d_max = self.parameterAsDouble(parameters, "MAX_DIAMETER_KM", context)
        binning = BINNINGS[self.parameterAsEnum(parameters, "BINNING", context)][0]
        snap = self.parameterAsBool(parameters, "SNAP_RANGE", context)

        def weights(result):
            out = {}
            if result.mode == "fraction":
                out["fractions"] = result.fractions
            if result.mode == "buffered":
                out["reference_areas_km2"] = result.reference_areas_km2
            return out

        def fit(result, area, label):
            w = weights(result)
            if method == "b-poisson":
                w.pop("reference_areas_km2", None)
            return csfd.fit_model_age(diameters_of(result), area.area_km2, d_min, d_max, production, chronology,
                                      method, binning=binning, label=label, perimeter_km=area.perimeter_km,
                                      snap=snap, **w)

        def diameters_of(result):
            return d_all[result.index]

        fit_all = fit(counted, whole, "all craters")
        fits = {"all craters": fit_all}
        groups, group_areas, group_weights = {"all craters": every}, {"all craters": area_km2}, \
            {"all craters": weights(counted)}
        unclassified = out_of_range = 0
        system_groups = {}
        if split:
            for j, i in enumerate(counted.index):
                system = systems_of[i]
                if system is None:
                    unclassified += 1
                elif system is False:
                    out_of_range += 1
                else:
                    system_groups.setdefault(system, []).append(j)
            for name, rows in system_groups.items():
                sub = count_areas.CountResult(counted.mode, counted.index[rows], counted.fractions[rows],
                                              None if counted.reference_areas_km2 is None
                                              else counted.reference_areas_km2[rows])
                groups[name], group_areas[name], group_weights[name] = diameters_of(sub), area_km2, weights(sub)
                try:
                    fits[name] = fit(sub, whole, name)
                except Exception as err:  # noqa: BLE001 -- a sparse System gets no age, the others do
                    feedback.pushWarning(self.tr("No model age for {0}: {1}").format(name, err))
            if unclassified or out_of_range:
                feedback.pushWarning(self.tr(
                    "{0} craters without a System and {1} outside the age model's diameter range (in_model_range = "
                    "false) are counted in 'all craters' but drawn in no System's curve").format(
                    unclassified, out_of_range))
        for name, area in named.items():
            label = self.tr("area {0}").format(name or "NULL")
            result = area.count(lons, lats, diameters, mode=mode)
            feedback.pushInfo(self.tr("Count area '{0}': {1}, perimeter {2:.3f} km, {3} craters").format(
                name, csfd.format_area(area.area_km2), area.perimeter_km, result.index.size))
            if not result.index.size:
                continue
            groups[label], group_areas[label], group_weights[label] = diameters_of(result), area.area_km2, \
                weights(result)
            try:
                fits[label] = fit(result, area, label)
            except Exception as err:  # noqa: BLE001 -- a sparse count area gets no age, the others do
                feedback.pushWarning(self.tr("No model age for {0}: {1}").format(label, err))
        count_line = self.tr("{0} craters counted ({1}) on {2} (perimeter {3:.3f} km)").format(
            every.size, mode, csfd.format_area(area_km2), whole.perimeter_km)
        if system_groups:   # only where the craters carry a System
            count_line += self.tr("; per System: {0}").format(", ".join(f"{k} {len(v)}"
                                                                         for k, v in system_groups.items()))
        feedback.pushInfo(count_line)
        wording = self._wording()
        for name, f in fits.items():
            feedback.pushInfo(self.tr("{0}, N={1}, N(1)={2:.3e} km^-2").format(
                csfd.describe_fit(name, f, wording), f.n_craters, f.n1))

        results = self._table(parameters, context, groups, group_areas, group_weights, binning)
        png = self.parameterAsFileOutput(parameters, "OUTPUT_PLOT", context)
        svg = os.path.splitext(png)[0] + ".svg"
        equilibrium = EQUILIBRIA[self.parameterAsEnum(parameters, "EQUILIBRIUM", context)]
        csfd.plot_csfd(groups, group_areas, png, svg, fits=fits,   # every group, 'all craters' too, with its points
                       title=self.tr("CSFD, area {0}").format(csfd.format_area(area_km2)), feedback=feedback,
                       equilibrium=equilibrium.key if equilibrium else None, weights=group_weights, binning=binning)
        report = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if report:
            about = self.tr("Production function {0}, chronology {1}; age fit: {2}; counting mode: {3}").format(
                self._function_label("production", production), self._function_label("chronology", chronology),
                self.tr(METHODS[self.parameterAsEnum(parameters, "METHOD", context)][1]),
                self.tr(COUNT_MODES[self.parameterAsEnum(parameters, "COUNT_MODE", context)][1]))
            write_text_atomic(self._report_html(png, whole, about, groups, fits, split, unclassified, out_of_range),
                              report)
            results["OUTPUT_HTML"] = report
        boundary, area_names = named_boundary(named, whole)
        diam = self.parameterAsFileOutput(parameters, "OUTPUT_DIAM", context)
        if diam:
            w = weights(counted)
            csfd.write_diam(diam, every, area_km2, lons=lon_all[counted.index], lats=lat_all[counted.index],
                            fractions=w.get("fractions"), reference_areas=w.get("reference_areas_km2"))
            scc = csfd.write_scc(os.path.splitext(diam)[0] + ".scc", every, area_km2, lons=lon_all[counted.index],
                                 lats=lat_all[counted.index], fractions=w.get("fractions"),
                                 boundary=boundary, perimeter_km=whole.perimeter_km, area_names=area_names)
            results["OUTPUT_DIAM"], results["OUTPUT_SCC"] = diam, scc
        stat = self.parameterAsFileOutput(parameters, "OUTPUT_STAT", context)
        if stat:   # buffered: each crater weighs area / its reference area on the count area
            w = weights(counted)
            fractions = w.get("fractions")
            if "reference_areas_km2" in w:
                fractions = area_km2 / w["reference_areas_km2"]
            results["OUTPUT_STAT"] = crater_files.write_stat(stat, every, area_km2, fractions, binning,
                                                             source=craters.sourceName())
        pair = self.parameterAsFileOutput(parameters, "OUTPUT_SHAPEFILES", context)
        if pair:
            w = weights(counted)
            count = crater_files.CraterCount(
                diameters_km=every, area_km2=area_km2, fractions=w.get("fractions"), lons=lon_all[counted.index],
                lats=lat_all[counted.index], perimeter_km=whole.perimeter_km, boundary=boundary,
                area_names=area_names)
            results["OUTPUT_SHAPEFILES"] = crater_files.write_shapefile_pair(pair, count)[0]
        err = max(fit_all.err_plus_ga, fit_all.err_minus_ga)
        results.update({"OUTPUT_PLOT": png, "MODEL_AGE_GA": fit_all.age_ga, "MODEL_AGE_ERR_GA": err,
                        "SYSTEM": fit_all.system, "N_CRATERS": fit_all.n_craters, "AREA_KM2": area_km2})
        return results

    def _wording(self):
        """core.csfd.FIT_WORDING in the user's language."""
        return {"mapped": self.tr("craters mapped as {name}: model age {age}, in the {system} as mapped"),
                "mapped_elsewhere": self.tr("craters mapped as {name}: model age {age}, which falls in the {system}"),
                "group": self.tr("{name}: model age {age} ({system})")}

    def _report_html(self, png, whole, about, groups, fits, split, unclassified, out_of_range):
        """The plot (embedded) with the counts and the fit results: what Processing's Results Viewer lists."""
        with open(png, "rb") as fh:
            image = base64.b64encode(fh.read()).decode("ascii")
        wording = self._wording()
        counts = "".join(f"<tr><td>{html.escape(name)}</td><td>{len(values)}</td></tr>"
                         for name, values in groups.items())
        ages = "".join(f"<tr><td>{html.escape(csfd.describe_fit(name, f, wording))}</td><td>{f.n_craters}</td>"
                       f"<td>{f.d_min_km:g}–{f.d_max_km:g}</td><td>{f.n1:.3e}</td></tr>" for name, f in fits.items())
        area = self.tr("Count area {0} (perimeter {1:.3f} km) on the 1737.4 km Moon sphere.").format(
            csfd.format_area(whole.area_km2), whole.perimeter_km)
        note = self.tr("{0} craters without a System and {1} outside the age model's diameter range are counted in "
                       "'all craters' only.").format(unclassified, out_of_range) if split else ""
        ages_head = (self.tr("Model age"), self.tr("Craters in the fit range"), self.tr("Fit range (km)"),
                     self.tr("N(1) (km⁻²)"))
        counts_head = (self.tr("Group"), self.tr("Craters"))
        title, ages_title, counts_title = (self.tr("Crater size-frequency distribution"), self.tr("Model ages"),
                                           self.tr("Craters counted"))
        return (f"<html><head><meta charset='utf-8'><title>CSFD</title></head><body>"
                f"<h1>{html.escape(title)}</h1>"
                f"<p>{html.escape(area)} {html.escape(about)}. {html.escape(note)}</p>"
                f"<img src='data:image/png;base64,{image}' style='max-width:100%'>"
                f"<h2>{html.escape(ages_title)}</h2><table border='1'><tr>"
                + "".join(f"<th>{html.escape(h)}</th>" for h in ages_head) + f"</tr>{ages}</table>"
                f"<h2>{html.escape(counts_title)}</h2><table border='1'><tr>"
                + "".join(f"<th>{html.escape(h)}</th>" for h in counts_head) + f"</tr>{counts}</table>"
                "</body></html>")

    def _table(self, parameters, context, groups, areas, weights, binning):
        fields = QgsFields()
        fields.append(QgsField("group", FieldType.String))
        for name in TABLE_FIELDS:
            fields.append(QgsField(name, FieldType.Int if name == "n" else FieldType.Double))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields)
        for name, values in groups.items():
            for row in csfd.csfd_table(values, areas[name], binning=binning, **weights.get(name, {})):
                feature = QgsFeature(fields)
                feature.setAttributes([name] + [int(row[k]) if k == "n" else float(row[k]) for k in TABLE_FIELDS])
                if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.tr("Could not write the CSFD table: {0}").format(
                        sink.lastError()))
        return {"OUTPUT_TABLE": dest}


def named_boundary(named, whole):
    """The .scc boundary rings and sub-area names: the named count areas' own rings where they do not overlap
    (their areas add up to the whole's), else the whole's rings without names."""
    if named and abs(sum(a.area_km2 for a in named.values()) - whole.area_km2) <= 1e-6 * whole.area_km2:
        rings, names, n = [], {}, 0
        for name, area in named.items():
            for _, tag, ring in area.boundary_rings():
                n += 1
                rings.append((n, tag, ring))
                if tag == "ext" and name:
                    names[n] = name
        return rings, names
    return whole.boundary_rings(), {}


def _tr(text):
    """geographic_crs serves two algorithms: its messages use the plugin's own context."""
    return QCoreApplication.translate("LunarLab", text)


def geographic_crs(crs, transform_context=None):
    """The geographic CRS (lon/lat degrees on the same body) of a geographic or projected CRS, whether it came from
    an authority code or a PROJ string (QGIS < 3.38 has no toGeographicCrs): lon/lat on the CRS's ellipsoid as a
    PROJ string, else GDAL's geographic part of it, else the IAU Moon CRS -- the first QGIS can transform to."""
    if crs.isGeographic():
        return crs
    from osgeo import osr
    from qgis.core import QgsCoordinateTransformContext
    srs = osr.SpatialReference()
    if srs.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)) != 0:
        raise QgsProcessingException(_tr("CRS {0} cannot be read by GDAL").format(crs.authid() or crs.toProj()))
    a, b = srs.GetSemiMajor(), srs.GetSemiMinor()
    candidates = [QgsCoordinateReferenceSystem.fromProj(f"+proj=longlat +a={a!r} +b={b!r} +no_defs"),
                  QgsCoordinateReferenceSystem.fromWkt(srs.CloneGeogCS().ExportToWkt()),
                  QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)]
    context = transform_context or QgsCoordinateTransformContext()
    for geographic in candidates:
        if geographic.isValid() and QgsCoordinateTransform(crs, geographic, context).isValid():
            return geographic
    raise QgsProcessingException(_tr("CRS {0} cannot be turned into lon/lat degrees").format(
        crs.authid() or crs.toProj()))
