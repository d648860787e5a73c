"""Vector files that reopen with a valid lunar CRS in QGIS 3.22 (no QGIS here: GDAL and sqlite only).

What GDAL 3.6 stores for IAU_2015:30100, and what QGIS 3.22 makes of it on reopening (measured, see
tests/core/test_vector_files.py and tests/algorithms/test_output_files.py):
- GeoPackage: gpkg_spatial_ref_sys holds organization 'IAU_2015' but a WKT1 definition whose AUTHORITY is
  "IAU"; QGIS asks PROJ for IAU:30100, PROJ knows no such code, and the layer's CRS is invalid. Rewriting the
  definition's authority to "IAU_2015" makes QGIS resolve it to IAU_2015:30100.
- GeoJSON: GDAL writes the CRS name urn:ogc:def:crs:IAU_2015::30100 and reads it back as IAU:30100 (invalid
  in QGIS again), and RFC 7946 knows only WGS 84. The CRS is stored as WKT2 without its identifier instead:
  QGIS reads a valid custom CRS with the Moon's sphere, which reprojects like IAU_2015:30100.
- Shapefile (.prj without authority) and FlatGeobuf (WKT2 with ID["IAU",30100,2015]) reopen valid as written.
"""
import json
import os
import re
import shutil
import sqlite3

from osgeo import ogr, osr

from .errors import LunarInputError
from .messages import tr

_IAU_WKT1_AUTHORITY = 'AUTHORITY["IAU",'
_GEOJSON_CRS = re.compile(r'"crs"\s*:\s*\{\s*"type"\s*:\s*"name"\s*,\s*"properties"\s*:\s*\{\s*"name"\s*:\s*'
                          r'"urn:ogc:def:crs:IAU[^"]*"\s*\}\s*\}')
#: How far into a GeoJSON file GDAL writes the "crs" member (it comes before the features).
_GEOJSON_HEADER_BYTES = 4096


def memory_vector_source(name):
    """An in-memory OGR data source: GDAL >= 3.11 serves vectors from its MEM driver and deprecates 'Memory'."""
    mem = ogr.GetDriverByName("MEM")
    vector_mem = mem is not None and mem.GetMetadataItem("DCAP_VECTOR") == "YES"
    return (mem if vector_mem else ogr.GetDriverByName("Memory")).CreateDataSource(name)


def make_crs_readable(path):
    """Rewrite how ``path`` (GeoPackage or GeoJSON) stores an IAU lunar CRS so QGIS reopens it valid;
    other formats are left as they are. Returns True when something was rewritten."""
    extension = os.path.splitext(path)[1].lower()
    if extension == ".gpkg":
        return _fix_geopackage(path)
    if extension in (".geojson", ".json"):
        return _fix_geojson(path)
    return False


def name_single_layer(path, name):
    """Give the only layer of a GeoPackage written under a temporary name the name of its final file."""
    ds = ogr.Open(path, 1)
    if ds is not None and ds.GetLayerCount() == 1 and ds.GetLayer(0).GetName() != name:
        if ds.GetLayer(0).Rename(name) != 0:
            raise LunarInputError(tr("cannot name the layer of '{path}' '{name}'").format(path=path, name=name))
    ds = None


def rollback_journal(path):
    """Leave a GeoPackage in rollback-journal mode: QGIS switches one it opens to WAL, and a WAL file copied alone
    (or read from read-only media) is not complete. Returns the journal mode it is left in."""
    try:
        with sqlite3.connect(path) as db:
            return db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.Error as err:
        raise LunarInputError(tr("cannot finish '{path}': {error}").format(path=path, error=err)) from None


def _fix_geopackage(path):
    try:
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT srs_id, definition FROM gpkg_spatial_ref_sys "
                              "WHERE organization LIKE 'IAU%'").fetchall()
            for srs_id, definition in rows:
                db.execute("UPDATE gpkg_spatial_ref_sys SET organization = 'IAU_2015', definition = ? "
                           "WHERE srs_id = ?", (definition.replace(_IAU_WKT1_AUTHORITY, 'AUTHORITY["IAU_2015",'),
                                                srs_id))
        return bool(rows)
    except sqlite3.Error as err:
        raise LunarInputError(tr("cannot record the lunar CRS in '{path}': {error}").format(path=path, error=err)) \
            from None


def wkt2_without_id(authority_code):
    """WKT2 of a CRS (e.g. 'IAU_2015:30100') without its identifiers: what QGIS reads as a valid custom CRS."""
    srs = osr.SpatialReference()
    srs.SetFromUserInput(authority_code)
    wkt = srs.ExportToWkt(["FORMAT=WKT2_2019", "MULTILINE=NO"])
    return re.sub(r',(ID|REMARK)\[("[^"]*"|[^\]])*\]', "", wkt)


def _fix_geojson(path):
    with open(path, "rb") as fh:
        head = fh.read(_GEOJSON_HEADER_BYTES).decode("utf-8", errors="replace")
    match = _GEOJSON_CRS.search(head)
    if not match:
        return False
    name = re.search(r"urn:ogc:def:crs:(IAU[^:]*)::?(\d+)", match.group(0))
    authority = "IAU_2015" if name.group(1) in ("IAU", "IAU_2015") else name.group(1)
    member = '"crs": ' + json.dumps({"type": "name", "properties": {
        "name": wkt2_without_id(f"{authority}:{name.group(2)}")}})
    prefix = head[:match.start()].encode("utf-8")
    skip = len(head[:match.end()].encode("utf-8"))
    tmp = path + ".crs-fix"
    try:
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            src.seek(skip)
            dst.write(prefix + member.encode("utf-8"))
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return True
