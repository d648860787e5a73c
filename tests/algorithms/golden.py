"""The golden table (``golden_table.yaml``): every algorithm of the provider run on one seeded synthetic scene, each
output summarised by statistics (raster band stats, feature counts, field sums/means/extremes, returned numbers).

The table holds the cases (algorithm, parameters, tolerance) in run order and the expected statistics. A parameter
value may be "@out/NAME" (a file NAME in the run's folder), "@CASE.OUTPUT" (an output of an earlier case) or a
mapping {derive: NAME, from: ...} (a small input built here from an earlier output, see DERIVED). The test
(``test_golden.py``) only reads the table; ``scripts/regenerate_golden_table.py`` rewrites its expected values.
"""
import math
import os
from pathlib import Path

import numpy as np
import yaml

TABLE = Path(__file__).with_name("golden_table.yaml")


def load_table(path=TABLE):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---- inputs derived from earlier outputs -------------------------------------------------------------------------

def age_labels(craters_path, folder):
    """The scene's craters with a System label from their degradation (fresh = Copernican, 5; the oldest 2):
    traincraterages needs every crater labelled 1-5, which no algorithm output is."""
    from osgeo import ogr
    source = ogr.Open(str(craters_path))
    layer = source.GetLayer(0)
    path = str(Path(folder) / "age_labels.gpkg")
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    target = out.CreateLayer("labels", layer.GetSpatialRef(), ogr.wkbPoint)   # at the centres (lon, lat)
    target.CreateField(ogr.FieldDefn("diameter_km", ogr.OFTReal))
    target.CreateField(ogr.FieldDefn("age", ogr.OFTInteger))
    for feature in layer:
        new = ogr.Feature(target.GetLayerDefn())
        centre = ogr.Geometry(ogr.wkbPoint)
        centre.AddPoint_2D(feature.GetField("lon"), feature.GetField("lat"))
        new.SetGeometry(centre)
        new.SetField("diameter_km", feature.GetField("diameter_km"))
        new.SetField("age", 5 - min(int(feature.GetField("degradation") * 4), 3))
        target.CreateFeature(new)
    out = None
    return path


DERIVED = {"age_labels": age_labels}


# ---- running -----------------------------------------------------------------------------------------------------

class Run:
    """Runs the table's cases on demand (each at most once, earlier cases first) in one folder."""

    def __init__(self, table, folder, run_alg):
        self.cases = {case["name"]: case for case in table["cases"]}
        self.folder, self.run_alg, self.results = Path(folder), run_alg, {}

    def resolve(self, value):
        if isinstance(value, dict) and "derive" in value:
            return DERIVED[value["derive"]](self.resolve(value["from"]), self.folder)
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, str) and value.startswith("@out/"):
            return str(self.folder / value[len("@out/"):])
        if isinstance(value, str) and value.startswith("@"):
            case, output = value[1:].split(".", 1)
            return self.result(case)[output]
        return value

    def result(self, name):
        if name not in self.results:
            case = self.cases[name]
            params = {key: self.resolve(value) for key, value in case["params"].items()}
            self.results[name] = self.run_alg(case["algorithm"], params)
        return self.results[name]


# ---- statistics --------------------------------------------------------------------------------------------------

def raster_stats(path):
    from osgeo import gdal
    ds = gdal.Open(str(path))
    bands = []
    for b in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(b)
        a = band.ReadAsArray().astype(np.float64)
        ok = np.isfinite(a)
        if band.GetNoDataValue() is not None:
            ok &= a != band.GetNoDataValue()
        v = a[ok]
        bands.append({"valid": int(v.size), **({"min": float(v.min()), "max": float(v.max()), "mean": float(v.mean()),
                                                "std": float(v.std())} if v.size else {})})
    return {"type": "raster", "width": ds.RasterXSize, "height": ds.RasterYSize, "bands": bands}


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def vector_stats(path):
    """Feature count and, per numeric field, the sum, mean, min and max of its non-NULL values (a CSV's text
    fields count as numeric when every value reads as a number)."""
    from osgeo import ogr
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    defn = layer.GetLayerDefn()
    kinds = (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal, ogr.OFTString)
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())
             if defn.GetFieldDefn(i).GetType() in kinds]
    values = {name: [] for name in names}
    count = 0
    for feature in layer:
        count += 1
        for name in names:
            if feature.IsFieldSetAndNotNull(name) and feature.GetField(name) != "":
                values[name].append(_number(feature.GetField(name)))
    fields = {name: {"sum": float(np.sum(v)), "mean": float(np.mean(v)), "min": float(np.min(v)),
                     "max": float(np.max(v))} for name, v in values.items()
              if v and all(x is not None and math.isfinite(x) for x in v)}
    return {"type": "vector", "count": count, "fields": fields}


RASTER_EXTENSIONS = (".tif", ".tiff", ".vrt")
VECTOR_EXTENSIONS = (".gpkg", ".shp", ".csv", ".geojson")


def output_stats(value):
    """Statistics of one output: a number, a string, a raster, a vector/table, or any other file (its size)."""
    if isinstance(value, bool) or value is None:
        return {"type": "value", "value": value}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": float(value)}
    text = str(value).split("|")[0]
    if os.path.isfile(text):
        if text.lower().endswith(RASTER_EXTENSIONS):
            return raster_stats(text)
        if text.lower().endswith(VECTOR_EXTENSIONS):
            return vector_stats(text)
        return {"type": "file", "nonempty": os.path.getsize(text) > 0}
    return {"type": "value", "value": value}


def case_stats(result, case=None):
    """Statistics of a case's outputs, less what its ``achieves`` checks instead (a trained model's digits)."""
    stats = {key: output_stats(value) for key, value in sorted(result.items())}
    for check in (case or {}).get("achieves", []):
        if "of" in check:
            stats[check["output"]]["fields"].pop(check["of"][1], None)
        else:
            stats.pop(check["output"], None)
    return stats


# ---- what a trained model must achieve ---------------------------------------------------------------------------
#
# Training gives other digits on another CPU instruction set or BLAS (deterministically), so a trained model's
# outputs are checked by what it must achieve, with a margin that a broken trainer would miss, not by their digits:
#   {output: NAME, at_least: x}                                  a returned number
#   {output: NAME, metric: r2|rmse, of: [truth, predicted], at_least|at_most: x}    two fields of a table

def _fields(path, names):
    """The columns ``names`` of a table, as float arrays."""
    from osgeo import ogr
    source = ogr.Open(str(path).split("|")[0])
    rows = [[float(feature.GetField(name)) for name in names] for feature in source.GetLayer(0)]
    return np.array(rows, dtype=np.float64).T


def metric_value(metric, truth, predicted):
    if metric == "rmse":
        return float(np.sqrt(np.mean((predicted - truth) ** 2)))
    if metric == "r2":
        return float(1.0 - np.sum((predicted - truth) ** 2) / np.sum((truth - truth.mean()) ** 2))
    raise ValueError(f"unknown metric {metric!r}")


def achieved(check, result):
    """(value, problem or None) of one ``achieves`` check on a case's result."""
    if "of" in check:
        value = metric_value(check["metric"], *_fields(result[check["output"]], check["of"]))
        name = f"{check['output']} {check['metric']}({', '.join(check['of'])})"
    else:
        value = float(result[check["output"]])
        name = check["output"]
    if "at_least" in check and not value >= check["at_least"]:
        return value, f"{name}: {value:.4g}, needs at least {check['at_least']}"
    if "at_most" in check and not value <= check["at_most"]:
        return value, f"{name}: {value:.4g}, needs at most {check['at_most']}"
    return value, None


# ---- comparison --------------------------------------------------------------------------------------------------

def compare(expected, actual, tolerance, where=""):
    """List of differences between expected and actual statistics: numbers within abs + rel * |expected|
    (``tolerance``: {abs, rel}; counts 'count'/'valid'/'width'/'height' within ``count`` (default 0))."""
    problems = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected a mapping, got {actual!r}"]
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{where}.{key}: missing")
            else:
                problems += compare(value, actual[key], tolerance, f"{where}.{key}")
        extra = set(actual) - set(expected)
        if extra:
            problems.append(f"{where}: unexpected {sorted(extra)}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} items, got {actual!r}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            problems += compare(e, a, tolerance, f"{where}[{i}]")
        return problems
    if isinstance(expected, float) or (isinstance(expected, int) and not isinstance(expected, bool)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return [f"{where}: expected {expected}, got {actual!r}"]
        key = where.rsplit(".", 1)[-1]
        allowed = (tolerance.get("count", 0) if key in ("count", "valid", "width", "height")
                   else tolerance.get("abs", 0.0) + tolerance.get("rel", 0.0) * abs(expected))
        if not abs(actual - expected) <= allowed:
            return [f"{where}: expected {expected} ± {allowed:.3g}, got {actual}"]
        return []
    if expected != actual:
        return [f"{where}: expected {expected!r}, got {actual!r}"]
    return []
