"""lunar:csfd -- crater size-frequency distribution, plots and a Neukum/Hartmann model age."""
import base64
import html
import os

import numpy as np

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsProcessingException, QgsProcessingOutputFile,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
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
    HELP = ("Crater size-frequency distribution (CSFD) of the craters counted in the AREA polygons, measured on the "
            "1737.4 km Moon sphere whatever the CRS (geographic or projected, from an authority code or a PROJ "
            "string; holes are excluded): cumulative, differential and R values in sqrt(2) bins (or another "
            "BINNING) with Poisson errors (OUTPUT_TABLE), cumulative, differential and R plots as PNG and SVG "
            "(OUTPUT_PLOT, one colour per System when split by the 'system' field), and a model age fitted between "
            "MIN_DIAMETER_KM and MAX_DIAMETER_KM as craterstats 3.6 computes it, with the lunar System that age falls "
            "in. Counting modes: crater centre in the area, rim-crossing craters as fractions, or buffered crater "
            "counting (Fassett & Head 2008, with buffered Poisson ages); as in craterstats, crater fractions weight "
            "the binned values and fits, while a Poisson age counts every crater in the fit range. Fit ranges are "
            "used as given unless SNAP_RANGE widens them to bin edges (craterstats' default). Production and "
            "chronology functions are chosen separately (Neukum 1983, Neukum et al. 2001, Hartmann 2010 iteration, "
            "Yue et al. 2022, or a craterstats function file). With AREA_NAME_FIELD each named count area gets its "
            "own CSFD and age. Also writes craterstats .diam, .scc (boundary, perimeter, fractions; lon/lat in "
            "degrees), .stat and _CRATER/_AREA shapefile files. Diameters in km.")

    def define(self):
        self.add(QgsProcessingParameterFeatureSource("CRATERS", self.tr("Craters"), [ProcessingSourceType.Vector]),
                 "Crater circles or points with a diameter field in km.")
        self.add(QgsProcessingParameterField("DIAMETER_FIELD", self.tr("Diameter field (km)"), "diameter_km",
                                             "CRATERS", ProcessingFieldParameterDataType.Numeric, optional=True),
                 "Default: diameter_km (the field lunar:detectcraters writes).", advanced=True)
        self.add(QgsProcessingParameterFeatureSource("AREA", self.tr("Count area"),
                                                     [ProcessingSourceType.VectorPolygon]),
                 "Polygon(s) of the counted surface in any lunar CRS; holes are left out of the count.")
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

    def _crs(self, source, name, feedback):
        """The source's CRS; one QGIS cannot read (an IAU code in an older PROJ database) is taken as lon/lat
        degrees on the Moon, with a warning."""
        crs = source.sourceCrs()
        if crs.isValid():
            return crs
        if feedback is not None:
            feedback.pushWarning(self.tr("{0} has no CRS QGIS can read: its coordinates are taken as lon/lat degrees "
                                         "on the Moon ({1})").format(name, MOON_GEOGRAPHIC_CRS))
        return QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)

    def _count_areas(self, source, name_field, context, feedback):
        """{name: CountArea} and the whole (all polygons unioned), in lon/lat degrees of the AREA CRS's own
        geographic CRS, measured on the Moon sphere."""
        crs = self._crs(source, "AREA", feedback)
        geographic = geographic_crs(crs, context.transformContext())
        to_geo = QgsCoordinateTransform(crs, geographic, context.transformContext())
        named, parts = {}, []
        for feature in source.getFeatures():
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if not in_degrees(crs):   # a projected area: its edges are straight in its own CRS
                box = geometry.boundingBox()
                geometry = geometry.densifyByDistance(max(box.width(), box.height()) / 500.0)
            geometry.transform(to_geo)
            parts.append(geometry)
            if name_field:
                value = feature[name_field]
                named.setdefault("" if is_null(value) else str(value), []).append(geometry)
        if not parts:
            raise QgsProcessingException(self.tr("AREA holds no polygon"))

        def area(geometries, name):
            union = QgsGeometry.unaryUnion(geometries)
            polygons = [[[(p.x(), p.y()) for p in ring] for ring in polygon] for polygon in union.asMultiPolygon()] \
                if union.isMultipart() else [[[(p.x(), p.y()) for p in ring] for ring in union.asPolygon()]]
            try:
                return count_areas.CountArea(polygons, name)
            except csfd.LunarInputError as err:
                raise QgsProcessingException(self.tr("AREA: {0}").format(str(err))) from None

        return {name: area(g, name) for name, g in named.items()}, area(parts, "all")

    def execute(self, parameters, context, feedback):
        craters = self.parameterAsSource(parameters, "CRATERS", context)
        area_source = self.parameterAsSource(parameters, "AREA", context)
        field = self.parameterAsString(parameters, "DIAMETER_FIELD", context) or "diameter_km"
        if craters.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("CRATERS has no diameter field '{0}' (fields: {1})").format(
                field, ", ".join(craters.fields().names())))
        name_field = self.parameterAsString(parameters, "AREA_NAME_FIELD", context)
        named, whole = self._count_areas(area_source, name_field, context, feedback)
        geographic = geographic_crs(self._crs(area_source, "AREA", None), context.transformContext())
        to_geo = QgsCoordinateTransform(self._crs(craters, "CRATERS", feedback), geographic,
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
            raise QgsProcessingException(self.tr("No crater of CRATERS lies inside the AREA polygons"))
        d_all, lon_all, lat_all = (np.asarray(v, float) for v in (diameters, lons, lats))
        every = d_all[counted.index]
        warn_diameters(every.tolist(), "CRATERS", feedback)
        area_km2 = whole.area_km2
        production, chronology = self._functions(parameters, context)
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
            feedback.pushInfo(self.tr("Count area '{0}': {1:.3f} km², perimeter {2:.3f} km, {3} craters").format(
                name, area.area_km2, area.perimeter_km, result.index.size))
            if not result.index.size:
                continue
            groups[label], group_areas[label], group_weights[label] = diameters_of(result), area.area_km2, \
                weights(result)
            try:
                fits[label] = fit(result, area, label)
            except Exception as err:  # noqa: BLE001 -- a sparse count area gets no age, the others do
                feedback.pushWarning(self.tr("No model age for {0}: {1}").format(label, err))
        feedback.pushInfo(self.tr("{0} craters counted ({1}) on {2:.3f} km² (perimeter {3:.3f} km); per System: {4}")
                          .format(every.size, mode, area_km2, whole.perimeter_km,
                                  ", ".join(f"{k} {len(v)}" for k, v in system_groups.items()) or "-"))
        for name, f in fits.items():
            feedback.pushInfo(self.tr("{0}: {1} ({2}), N={3}, N(1)={4:.3e} km^-2").format(
                name, f.age_text(), f.system, f.n_craters, f.n1))

        results = self._table(parameters, context, groups, group_areas, group_weights, binning)
        png = self.parameterAsFileOutput(parameters, "OUTPUT_PLOT", context)
        svg = os.path.splitext(png)[0] + ".svg"
        plot_groups = {k: v for k, v in groups.items() if k != "all craters"} if split and system_groups \
            else {k: v for k, v in groups.items() if k not in system_groups}
        equilibrium = EQUILIBRIA[self.parameterAsEnum(parameters, "EQUILIBRIUM", context)]
        area_text = f"{area_km2:.0f}" if area_km2 >= 100 else f"{area_km2:.4g}"
        csfd.plot_csfd(plot_groups, group_areas, png, svg, fits=fits,
                       title=self.tr("CSFD, area {0} km²").format(area_text), feedback=feedback,
                       equilibrium=equilibrium.key if equilibrium else None, weights=group_weights, binning=binning)
        report = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if report:
            write_text_atomic(csfd_report_html(png, area_km2, groups, fits, unclassified, out_of_range),
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
