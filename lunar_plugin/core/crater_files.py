"""Crater count exchange files, without QGIS: craterstats/CraterTools/OpenCraterTool ``.scc`` (count-area boundary
with sub-areas and holes, area, perimeter, craters with fractions), craterstats ``.diam`` (with crater fractions
or buffered counting's ``reference_area``), ``.stat`` (binned) and the ``_CRATER``/``_AREA`` shapefile pairs
craterstats and OpenCraterTool read. Coordinates are always lon/lat degrees; distances on the crater file's sphere
(the Moon's 1737.4 km unless the file says otherwise).

Formats as craterstats 3.6.x reads and writes them (Michael, craterstats, BSD-3; Cratercount, Spatialcount),
read with ``csfd.parse_text_structure``.
"""
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np

from . import count_areas, csfd
from .errors import LunarInputError
from .messages import tr
from .model_files import write_text_atomic
from .moon import MOON_RADIUS_KM, polygon_area_km2, circle_polygon_lonlat

FORMATS = (".scc", ".diam", ".stat", ".shp")


@dataclass
class CraterCount:
    """A crater count as the exchange files hold it."""
    diameters_km: np.ndarray
    area_km2: float
    fractions: np.ndarray = None
    lons: np.ndarray = None
    lats: np.ndarray = None
    perimeter_km: float = None
    boundary: list = field(default_factory=list)     # [(sub_area, 'ext'|'int', [(lon, lat), ...]), ...]
    radius_km: float = MOON_RADIUS_KM
    reference_areas_km2: np.ndarray = None
    area_names: dict = field(default_factory=dict)   # sub_area -> name
    source: str = ""
    crs_text: str = ""                               # the CRS the count was measured in (a PROJ string), if given

    def count_area(self, name=""):
        """The boundary as a ``count_areas.CountArea`` (measured on the Moon sphere), or None without one."""
        if not self.boundary:
            return None
        return count_areas.from_boundary(self.boundary, name or os.path.splitext(os.path.basename(self.source))[0])



def _wkt_points(points):
    """'x y,x y,...' of (x, y) pairs: plain floats (NumPy 2 writes np.float64(1.5) for a NumPy scalar's repr)."""
    return ",".join(f"{float(a)!r} {float(b)!r}" for a, b in points)

def _number(text, what):
    m = re.match(r"\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)", str(text))
    if not m:
        raise LunarInputError(tr("{what}: expected a number, got {text!r}").format(what=what, text=text))
    return float(m.group(1))


def _column(table, names, what, required=True):
    for name in names:
        if name in table:
            try:
                return np.asarray([float(v) for v in table[name]], dtype=float)
            except ValueError:
                raise LunarInputError(tr("{what}: column {name!r} holds a value that is not a number").format(
                    what=what, name=name)) from None
    if required:
        raise LunarInputError(tr("{what}: no column {name!r} (columns: {columns})").format(
            what=what, name=names[0], columns=', '.join(table)))
    return None


def _read_text(path):
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            return fh.read()
    except OSError as e:
        raise LunarInputError(tr("crater count file {path}: cannot be read ({error})").format(
            path=path, error=e.strerror)) from None


def _proj_string(text):
    """The PROJ string in a .scc's coordinate_system_name (OpenCraterTool writes '* Generated CRS (+proj=...)')."""
    m = re.search(r"(\+proj=[^()]*)", str(text))
    return m.group(1).strip() if m else ""


def read_scc(path):
    """A .scc file (craterstats, CraterTools, OpenCraterTool)."""
    what = tr("crater count file {path}").format(path=path)
    text = re.sub(r"(?m)^([abc])[-_ ]axis[ _]radius", r"\1_axis_radius", _read_text(path))
    names = {int(m.group(1)): m.group(2).strip() for m in re.finditer(r"(?m)^#\s*Area_name\s*(\d+)\s*=\s*(.*)$",
                                                                    text)}
    tree = csfd.parse_text_structure(text, what)
    craters = tree.get("crater")
    if not isinstance(craters, dict):
        raise LunarInputError(tr("{what}: no 'crater = {{diam, ...' table").format(what=what))
    d = _column(craters, ["diam", "diameter"], what)
    radius = _number(tree["a_axis_radius"], f"{what}: a_axis_radius") if "a_axis_radius" in tree else MOON_RADIUS_KM
    boundary = []
    b = tree.get("unit_boundary")
    if isinstance(b, dict) and b.get("lon"):
        lon, lat = _column(b, ["lon"], what), _column(b, ["lat"], what)
        sub = [int(float(v)) for v in b.get("sub_area", ["1"] * lon.size)]
        tags = b.get("tag", ["ext"] * lon.size)
        for n in sorted(set(sub)):
            j = [i for i, s in enumerate(sub) if s == n]
            boundary.append((n, "int" if tags[j[0]] == "int" else "ext", [(lon[i], lat[i]) for i in j]))
    perimeter = None
    for key in ("Total_perimeter", "Perimeter"):
        if key in tree:
            perimeter = _number(tree[key], f"{what}: {key}")
    if "Total_area" not in tree:
        raise LunarInputError(tr("{what}: no 'Total_area = ...' line").format(what=what))
    return CraterCount(diameters_km=d, area_km2=_number(tree["Total_area"], f"{what}: Total_area"),
                       fractions=_column(craters, ["fraction"], what, required=False),
                       lons=_column(craters, ["lon"], what, required=False),
                       lats=_column(craters, ["lat"], what, required=False),
                       perimeter_km=perimeter, boundary=boundary, radius_km=radius,
                       area_names={n: v for n, v in names.items() if v and v.upper() != "NULL"}, source=str(path),
                       crs_text=_proj_string(tree.get("coordinate_system_name", "")))


def read_diam(path):
    """A craterstats .diam file; a buffered count's ``reference_area`` column becomes ``reference_areas_km2``."""
    what = tr("crater count file {path}").format(path=path)
    tree = csfd.parse_text_structure(_read_text(path), what)
    craters = tree.get("crater")
    if not isinstance(craters, dict):
        raise LunarInputError(tr("{what}: no 'crater = {{diameter, ...' table").format(what=what))
    d = _column(craters, ["diameter", "diam"], what)
    refs = _column(craters, ["reference_area"], what, required=False)
    if refs is None and "area" not in tree:
        raise LunarInputError(tr("{what}: no 'area = ...' line").format(what=what))
    area = _number(tree["area"], f"{what}: area") if "area" in tree else 1.0
    return CraterCount(diameters_km=d, area_km2=area, fractions=_column(craters, ["fraction"], what, required=False),
                       lons=_column(craters, ["lon"], what, required=False),
                       lats=_column(craters, ["lat"], what, required=False),
                       reference_areas_km2=refs, source=str(path))


def read_stat(path):
    """A craterstats .stat file (binned): rows of dicts d_min_km, n, n_cumulative, n_event, and the area."""
    what = tr("crater count file {path}").format(path=path)
    rows = []
    for line in _read_text(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cols = line.split()
        if len(cols) not in (7, 11):
            raise LunarInputError(tr("{what}: a .stat row has 7 or 11 columns, got {count}: {line!r}").format(
                what=what, count=len(cols), line=line))
        v = [float(c) for c in cols]
        rows.append({"d_min_km": v[0], "n": v[1], "n_cumulative": v[4], "cumulative": v[5],
                     "n_event": v[10] if len(v) == 11 else v[1]})
    if not rows:
        raise LunarInputError(tr("{what}: holds no bins").format(what=what))
    return {"area_km2": rows[0]["n_cumulative"] / rows[0]["cumulative"], "bins": rows}


def write_stat(path, diameters_km, area_km2, fractions=None, binning="root-2", source=""):
    """A craterstats .stat file (11 columns, non-empty bins), as Cratercount.WriteStatFile writes one."""
    d = csfd._check_diameters(diameters_km)
    area = csfd._check_area(area_km2)
    w = np.ones(d.size) if fractions is None else np.asarray(fractions, float)
    edges, idx = csfd._bins(d, binning)
    n = np.bincount(idx, weights=w, minlength=edges.size - 1)
    ev = np.bincount(idx, minlength=edges.size - 1)
    ncum, ncum_ev = np.cumsum(n[::-1])[::-1], np.cumsum(ev[::-1])[::-1]
    lines = ["# Crater count written by Lunar Lab (craterstats .stat format)", "#",
             f"# Source: {source}", f"# Binning: {binning}", "#", f"# Total area = {area:g}", "#",
             "#  D_min       F(D)       N_inc       Error        C(D)       N_cum       Error      D_mean      N_diff"
             "       Error     N_event", "#"]
    for i in range(n.size):
        if n[i] <= 0:
            continue
        lo, hi = float(edges[i]), float(edges[i + 1])
        lines.append(f"{lo:<7.5g}{n[i]:>11.5g}{n[i] / area:>13.3E}{n[i] / area / math.sqrt(n[i]):>12.3E}"
                     f"{ncum[i]:>11.5g}{ncum[i] / area:>13.3E}{ncum[i] / area / math.sqrt(ncum[i]):>12.3E}"
                     f"{math.sqrt(lo * hi):>12.4g}{n[i] / (hi - lo) / area:>12.3E}"
                     f"{n[i] / (hi - lo) / area / math.sqrt(ev[i]):>12.3E}{ev[i]:>12.5g}")
    return write_text_atomic("\n".join(lines) + "\n", str(path))


# ------------------------------------------------------------------------------------------------ shapefile pairs

def _sphere_wkt(radius_km):
    r = f"{radius_km * 1000:.0f}"
    return (f'GEOGCS["Spherical_GCS_{r}",DATUM["Sphere_{r}",SPHEROID["Sphere_{r}",{r},0]],PRIMEM["Greenwich",0],'
            f'UNIT["Degree",0.0174532925199433]]')


def _pair_paths(path):
    base = re.sub(r"(_CRATER|_AREA)?\.shp$", "", str(path), flags=re.I)
    return base + "_CRATER.shp", base + "_AREA.shp"


def write_shapefile_pair(path, count, area_name="Area_1"):
    """``<base>_CRATER.shp`` (rim polygons, Diam_km, x_coord, y_coord, tag) and ``<base>_AREA.shp`` (the boundary
    polygons, area, area_name) in a spherical geographic CRS, as craterstats writes them; returns both paths."""
    from osgeo import ogr, osr
    if count.lons is None or not count.boundary:
        raise LunarInputError(tr("a shapefile pair needs crater lon/lat and the count area's boundary"))
    crater_path, area_path = _pair_paths(path)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(_sphere_wkt(count.radius_km))
    driver = ogr.GetDriverByName("ESRI Shapefile")
    for p in (crater_path, area_path):
        if os.path.exists(p):
            driver.DeleteDataSource(p)
    ds = driver.CreateDataSource(crater_path)
    layer = ds.CreateLayer("craters", srs, ogr.wkbPolygon)
    for name, kind in (("Diam_km", ogr.OFTReal), ("x_coord", ogr.OFTReal), ("y_coord", ogr.OFTReal),
                       ("tag", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for d, x, y in zip(count.diameters_km, count.lons, count.lats):
        ring = circle_polygon_lonlat(x, y, d, n=100)
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("Diam_km", float(d))
        f.SetField("x_coord", float(x))
        f.SetField("y_coord", float(y))
        f.SetField("tag", "standard")
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({_wkt_points(ring + ring[:1])}))"))
        layer.CreateFeature(f)
    ds = None
    ds = driver.CreateDataSource(area_path)
    layer = ds.CreateLayer("area", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("area", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("area_name", ogr.OFTString))
    area = count.count_area()
    exteriors = [n for n, tag, _ in count.boundary if tag != "int"]     # count_area keeps their order
    for k, rings in enumerate(area.polygons, start=1):
        wkt = "POLYGON(" + ",".join(f"({_wkt_points(np.vstack([r, r[:1]]))})" for r in rings) + ")"
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("area_name", count.area_names.get(exteriors[k - 1], area_name if len(area.polygons) == 1
                                                     else f"Area_{k}"))
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return crater_path, area_path


def _geographic_rings(path):
    """Polygons of a shapefile as lists of lon/lat rings (degrees), and the radius of its CRS (km)."""
    from osgeo import ogr, osr
    ds = ogr.Open(str(path))
    if ds is None:
        raise LunarInputError(tr("shapefile {path}: cannot be opened").format(path=path))
    layer = ds.GetLayer(0)
    srs = layer.GetSpatialRef()
    if srs is None:
        raise LunarInputError(tr("shapefile {path}: has no .prj (its CRS is needed to measure on the sphere)").format(
            path=path))
    radius = srs.GetSemiMajor() / 1000.0
    transform = None
    if not srs.IsGeographic():
        geo = srs.CloneGeogCS()
        for s in (srs, geo):
            s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(srs, geo)
    polygons, fields = [], []
    for feature in layer:
        g = feature.GetGeometryRef()
        if g is None or g.IsEmpty():
            continue
        g = g.Clone()
        if transform is not None:
            g.Transform(transform)
        parts = [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] \
            if g.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D) else [g]
        for p in parts:
            rings = [np.asarray(p.GetGeometryRef(i).GetPoints())[:, :2] for i in range(p.GetGeometryCount())]
            polygons.append(rings)
            fields.append(feature.items())
    return polygons, fields, radius


def read_shapefile_pair(path):
    """A ``_CRATER``/``_AREA`` shapefile pair (either name, or the base): crater diameters from the rim polygons'
    spherical areas, centres from their vertices, fractions from the rims against the area (craterstats'
    Spatialcount rule); the area's boundary, area and perimeter on the sphere."""
    crater_path, area_path = _pair_paths(path)
    for p in (crater_path, area_path):
        if not os.path.exists(p):
            raise LunarInputError(tr("shapefile pair {path}: {file} is missing").format(path=path, file=p))
    rims, _, radius = _geographic_rings(crater_path)
    areas, area_fields, area_radius = _geographic_rings(area_path)
    if abs(radius - area_radius) > 1e-6 * radius:
        raise LunarInputError(tr("shapefile pair {path}: the crater and area files' planetary radii differ "
                                 "({radius:g} and {area_radius:g} km)").format(
            path=path, radius=radius, area_radius=area_radius))
    boundary, names, n = [], {}, 0
    for rings, items in zip(areas, area_fields):
        for j, r in enumerate(rings):
            n += 1
            boundary.append((n, "ext" if j == 0 else "int", [tuple(v) for v in r]))
            name = items.get("area_name") or items.get("Area_name")
            if j == 0 and name:
                names[n] = str(name)
    d, lon, lat = [], [], []
    scale = (radius / MOON_RADIUS_KM) ** 2
    for rings in rims:
        ring = count_areas.densify(rings[0])
        a = polygon_area_km2(ring[:, 0], ring[:, 1]) * scale
        d.append(2 * radius * math.acos(1 - a / (2 * math.pi * radius ** 2)))
        v = np.stack([np.cos(np.radians(ring[:, 1])) * np.cos(np.radians(ring[:, 0])),
                                  np.cos(np.radians(ring[:, 1])) * np.sin(np.radians(ring[:, 0])),
                                  np.sin(np.radians(ring[:, 1]))], 1).mean(0)
        lon.append(math.degrees(math.atan2(v[1], v[0])))
        lat.append(math.degrees(math.atan2(v[2], math.hypot(v[0], v[1]))))
    count = CraterCount(diameters_km=np.asarray(d), area_km2=0.0, lons=np.asarray(lon), lats=np.asarray(lat),
                        boundary=boundary, radius_km=radius, area_names=names, source=str(area_path))
    area = count.count_area()          # measured on the Moon sphere: angles are the same, lengths scale by the radius
    k = radius / MOON_RADIUS_KM
    result = area.count(count.lons, count.lats, count.diameters_km / k, mode="fraction")
    count.diameters_km, count.lons, count.lats = (v[result.index] for v in (count.diameters_km, count.lons,
                                                                            count.lats))
    count.fractions = result.fractions
    count.area_km2, count.perimeter_km = area.area_km2 * k ** 2, area.perimeter_km * k
    return count


def read_count(path):
    """Any crater count file by its extension: .scc, .diam, .shp (a pair) -> ``CraterCount``."""
    ext = os.path.splitext(str(path))[1].lower()
    if ext == ".scc":
        return read_scc(path)
    if ext == ".diam":
        return read_diam(path)
    if ext == ".shp":
        return read_shapefile_pair(path)
    raise LunarInputError(tr("crater count file {path}: expected a .scc, .diam or _CRATER/_AREA .shp file "
                             "(a .stat file holds bins, not craters: read_stat)").format(path=path))


def write_count(path, count, binning="root-2"):
    """Write a ``CraterCount`` as .scc, .diam, .stat or a shapefile pair (by the extension of ``path``)."""
    ext = os.path.splitext(str(path))[1].lower()
    if ext == ".scc":
        return csfd.write_scc(path, count.diameters_km, count.area_km2, lons=count.lons, lats=count.lats,
                              fractions=count.fractions, boundary=count.boundary or None,
                              perimeter_km=count.perimeter_km, radius_km=count.radius_km,
                              area_names=count.area_names)
    if ext == ".diam":
        return csfd.write_diam(path, count.diameters_km, count.area_km2, fractions=count.fractions, lons=count.lons,
                               lats=count.lats, reference_areas=count.reference_areas_km2)
    if ext == ".stat":
        return write_stat(path, count.diameters_km, count.area_km2, count.fractions, binning, count.source)
    if ext == ".shp":
        return write_shapefile_pair(path, count)
    raise LunarInputError(tr("crater count file {path}: expected the extension .scc, .diam, .stat or .shp").format(
        path=path))
