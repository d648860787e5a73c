"""Batch runs without QGIS (``bin/lunar-batch``): the core functions behind lunar:oxideequations,
lunar:oxidecnn and lunar:detectcraters, with the algorithms' parameter names and defaults, e.g.

    bin/lunar-batch oxideequations INPUT=refl.tif OUTPUT_FEO=feo.tif SCHEDULER=local:2

The same code runs on the driver and, through SCHEDULER, on the Dask workers.
"""
import os
from contextlib import closing

from . import partial
from .errors import LunarInputError
from .messages import tr
from .oxides import equations

MODELS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "models")
OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]


class Parameters:
    """KEY=VALUE strings with typed access; unknown keys are an error naming the ones the algorithm takes."""

    def __init__(self, algorithm, pairs, known):
        self.values = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep:
                raise LunarInputError(tr("'{pair}' is not KEY=VALUE").format(pair=pair))
            if key not in known:
                raise LunarInputError(tr("{algorithm} has no parameter {key}; it takes {known}").format(
                    algorithm=algorithm, key=key, known=', '.join(known)))
            self.values[key] = value

    def text(self, key, default=""):
        return self.values.get(key, default)

    def number(self, key, default=None, kind=float):
        value = self.values.get(key, "")
        if value == "":
            return default
        try:
            return kind(value)
        except ValueError:
            text = tr("{key}: '{value}' is not a whole number") if kind is int else \
                tr("{key}: '{value}' is not a number")
            raise LunarInputError(text.format(key=key, value=value)) from None

    def required(self, key):
        if not self.values.get(key):
            raise LunarInputError(tr("{key} is required").format(key=key))
        return self.values[key]


def oxide_equations(p, feedback):
    preset = equations.preset_choice(p.number("PRESET", 0, int))
    constants = preset.with_overrides(**{name.lower(): p.number(name) for name in EQUATION_CONSTANTS})
    outputs = {key: p.text("OUTPUT_" + key.upper()) for key in ("feo", "tio2", "omat")}
    paths = equations.equation_maps(p.required("INPUT"), p.number("BAND_415", 1, int), p.number("BAND_750", 2, int),
                                    p.number("BAND_950", 4, int), {k: v for k, v in outputs.items() if v}, constants,
                                    p.number("REFLECTANCE_SCALE", 1.0), feedback, scheduler=p.text("SCHEDULER"))
    return dict(zip(["OUTPUT_" + k.upper() for k in outputs if outputs[k]], paths))


def oxide_cnn(p, feedback):
    from .oxides import maps
    outputs = {oxide: p.text(f"OUTPUT_{oxide.upper()}") for oxide in OXIDES}
    written = maps.cnn_maps(p.required("INPUT"), p.text("MODEL") or os.path.join(MODELS_DIR, "oxide_clementine.pt"),
                            {k: v for k, v in outputs.items() if v}, maps.parse_band_list(p.text("BANDS")),
                            p.text("OUTPUT_MGNUMBER") or None, p.number("REFLECTANCE_SCALE", 1.0), feedback,
                            scheduler=p.text("SCHEDULER"), device=p.text("DEVICE", "auto"),
                            engine=p.text("ENGINE", "auto"))
    return {("OUTPUT_MGNUMBER" if k == "Mg#" else f"OUTPUT_{k.upper()}"): v for k, v in written.items()}


def detect_craters(p, feedback):
    from .craters import detect, model_io
    from .raster import RasterSource, check_output_path
    source = RasterSource(p.required("INPUT"), "INPUT")
    band = p.number("BAND", 0, int)
    if band:
        band = source.check_band(band, "the detector")
    else:   # as lunar:detectcraters: a fused raster's 'Elevation' band, else band 1
        band = next((b for b in range(1, source.count + 1)
                     if source.ds.GetRasterBand(b).GetDescription().lower().startswith("elevation")), 1)
    output = check_output_path(p.required("OUTPUT"), [source.path])
    device = p.text("DEVICE", "auto")
    detector = detect.Detector(model_io.load_for(p.text("MODEL") or os.path.join(MODELS_DIR, "crater_detector.pt"),
                                                 p.text("ENGINE", "auto"), device), device)
    regions = detector.detect_regions(source, p.number("MIN_DIAMETER_KM", 0.01), p.number("MAX_DIAMETER_KM", 1000.0),
                                      p.number("CONFIDENCE", detector.card.confidence_threshold),
                                      p.number("TILE_SIZE", 512, int), p.number("OVERLAP", 0.5), band=band,
                                      feedback=feedback, scheduler=p.text("SCHEDULER"))
    with closing(regions):   # written region by region: a global mosaic's craters never wait in memory
        written = write_crater_circles((c for craters in regions for c in craters), output)
    return {"OUTPUT": output, "N_CRATERS": written}


def write_crater_circles(craters, path):
    """Circles of Crater records (any iterable; fields: craters.schema.FIELDS) in the geographic Moon CRS, written
    under a temporary name and renamed; the format follows the extension (GeoPackage, shapefile, GeoJSON, ...).
    Returns how many were written."""
    from osgeo import ogr, osr
    from .craters.schema import FIELDS
    from .moon import MOON_GEOGRAPHIC_CRS, circle_polygon_lonlat
    from .vector_files import make_crs_readable
    ogr.UseExceptions()
    driver = ogr.GetDriverByName({".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON"}
                                 .get(os.path.splitext(path)[1].lower(), "GPKG"))
    base, ext = os.path.splitext(os.path.basename(path))
    tmp = partial.partial_path(path, ext or ".gpkg")
    srs = osr.SpatialReference()
    srs.SetFromUserInput(MOON_GEOGRAPHIC_CRS)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = layer = feature = None
    try:
        ds = driver.CreateDataSource(tmp)
        layer = ds.CreateLayer(base or "craters", srs, ogr.wkbPolygon)
        for field, kind in FIELDS:
            layer.CreateField(ogr.FieldDefn(field, {float: ogr.OFTReal, int: ogr.OFTInteger}[kind]))
        layer.StartTransaction()
        written = 0
        for c in craters:
            ring = ogr.Geometry(ogr.wkbLinearRing)
            points = circle_polygon_lonlat(c.lon, c.lat, c.diameter_km)
            for lon, lat in points + points[:1]:
                ring.AddPoint_2D(float(lon), float(lat))
            polygon = ogr.Geometry(ogr.wkbPolygon)
            polygon.AddGeometry(ring)
            feature = ogr.Feature(layer.GetLayerDefn())
            for index, (field, kind) in enumerate(FIELDS):   # by position: a shapefile truncates diameter_km
                feature.SetField(index, kind(getattr(c, field)))
            feature.SetGeometry(polygon)
            layer.CreateFeature(feature)
            written += 1
        layer.CommitTransaction()
        ds = None
        make_crs_readable(tmp)   # as the plugin's outputs: QGIS reopens the GeoPackage's IAU CRS valid
        partial.commit(tmp, path)
    finally:
        feature = layer = ds = None   # a failed or cancelled write closes the file before it is removed
        partial.discard(tmp)
    return written


EQUATION_CONSTANTS = [name.upper() for name in equations.CONSTANT_NAMES]
ALGORITHMS = {
    "oxideequations": (oxide_equations, ["INPUT", "BAND_415", "BAND_750", "BAND_950", "REFLECTANCE_SCALE", "PRESET",
                                         *EQUATION_CONSTANTS, "OUTPUT_FEO", "OUTPUT_TIO2", "OUTPUT_OMAT",
                                         "SCHEDULER"]),
    "oxidecnn": (oxide_cnn, ["INPUT", "MODEL", "BANDS", "REFLECTANCE_SCALE", *[f"OUTPUT_{o.upper()}" for o in OXIDES],
                             "OUTPUT_MGNUMBER", "SCHEDULER", "DEVICE", "ENGINE"]),
    "detectcraters": (detect_craters, ["INPUT", "BAND", "MODEL", "MIN_DIAMETER_KM", "MAX_DIAMETER_KM", "CONFIDENCE",
                                       "TILE_SIZE", "OVERLAP", "OUTPUT", "SCHEDULER", "DEVICE", "ENGINE"]),
}


def run(algorithm, pairs, feedback=None):
    """Run one algorithm ('oxideequations' or 'lunar:oxideequations', ...) with KEY=VALUE strings."""
    name = algorithm.split(":", 1)[-1]
    if name not in ALGORITHMS:
        raise LunarInputError(tr("unknown algorithm '{algorithm}'; lunar-batch runs {algorithms}").format(
            algorithm=algorithm, algorithms=', '.join(ALGORITHMS)))
    func, known = ALGORITHMS[name]
    return func(Parameters(name, pairs, known), feedback)
