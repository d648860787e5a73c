"""Count areas on the Moon sphere and the three crater counting modes, without QGIS.

A count area is one or more polygons with holes, rings of (lon, lat) in degrees (any CRS is turned into these by
the caller, so an area measures the same whatever projection it was drawn in). Areas and perimeters are measured on
the 1737.4 km sphere (``moon.polygon_area_km2`` per ring, great-circle edges); the geometry of a count (point in
area, crater circle against area, buffers) is done in a Lambert azimuthal equal-area projection centred on the
area, whose areas are exact and whose distances are off by (1 - cos(s/2R)) -- 2e-5 at 20 km from the centre.

Counting modes (``MODES``):
* ``centre``: a crater counts when its centre lies in the area (fraction 1).
* ``fraction``: a crater whose rim crosses the boundary counts with the fraction craterstats reads in a .scc's
  ``fraction`` column: the area fraction of its circle inside the area turned into a linear fraction (the chord
  depth across the circle that cuts off that area; craterstats' ``fractional_crater_transform``, after Kreslavsky);
  craters with nothing inside are left out.
* ``buffered``: buffered crater counting (Fassett & Head 2008): a crater counts when its centre lies inside the
  area grown by its radius (holes shrink by it), and that buffered area is its own reference area (craterstats'
  .diam ``reference_area``); ages with ``csfd`` method 'b-poisson' use the area and its perimeter.
"""
import math
from dataclasses import dataclass

import numpy as np

from .errors import LunarInputError
from .feedback import Progress
from .messages import tr
from .moon import MOON_RADIUS_KM, great_circle_km, polygon_area_km2, circle_polygon_lonlat

MODES = ("centre", "fraction", "buffered")
_CIRCLE_VERTICES = 96


#: An area below this (1 m^2) is a degenerate polygon's rounding, not a count area: a ring out and back along one
#: line measured 0 km^2 in QGIS 3.22 and 1.2e-7 km^2 once QGIS 3.44 had densified and transformed it.
ZERO_AREA_KM2 = 1e-6

def _ring(ring, what):
    try:
        r = np.asarray(ring, dtype=float).reshape(-1, 2)
    except (TypeError, ValueError):
        raise LunarInputError(tr("{what}: a ring must be a list of (lon, lat) pairs in degrees").format(what=what)) \
            from None
    if r.shape[0] > 1 and np.allclose(r[0], r[-1]):
        r = r[:-1]
    if r.shape[0] < 3 or not np.all(np.isfinite(r)):
        raise LunarInputError(tr("{what}: a ring needs at least 3 finite (lon, lat) vertices, got {count}").format(
            what=what, count=r.shape[0]))
    if np.any(np.abs(r[:, 1]) > 90):
        raise LunarInputError(tr("{what}: latitudes must lie in -90..90 degrees (is the ring in a projected "
                                 "CRS?)").format(what=what))
    lon = r[:, 0].copy()                                   # continuous longitudes across the antimeridian
    lon[1:] = lon[0] + np.cumsum((np.diff(lon) + 180.0) % 360.0 - 180.0)
    r[:, 0] = lon
    return r


def densify(ring, max_step_deg=0.02):
    """The ring with its great-circle edges subdivided to steps of at most ``max_step_deg`` (slerp), so that the
    area of the vertex polygon is the area bounded by great circles (as craterstats/spherely measure it)."""
    r = np.asarray(ring, float)
    v = np.stack([np.cos(np.radians(r[:, 1])) * np.cos(np.radians(r[:, 0])),
                  np.cos(np.radians(r[:, 1])) * np.sin(np.radians(r[:, 0])), np.sin(np.radians(r[:, 1]))], 1)
    w = np.roll(v, -1, axis=0)
    angle = np.arctan2(np.linalg.norm(np.cross(v, w), axis=1), np.sum(v * w, axis=1))
    steps = np.maximum(1, np.ceil(np.degrees(angle) / max_step_deg)).astype(int)
    if np.all(steps == 1):
        return r
    out = []
    for i in range(len(r)):
        out.append(r[i])
        if steps[i] > 1 and angle[i] > 0:
            t = np.arange(1, steps[i])[:, None] / steps[i]
            p = (np.sin((1 - t) * angle[i]) * v[i] + np.sin(t * angle[i]) * w[i]) / np.sin(angle[i])
            lon = np.degrees(np.arctan2(p[:, 1], p[:, 0]))
            lon = r[i, 0] + (lon - r[i, 0] + 180.0) % 360.0 - 180.0
            out.extend(np.stack([lon, np.degrees(np.arcsin(np.clip(p[:, 2], -1, 1)))], 1))
    return np.asarray(out)


def ring_perimeter_km(ring):
    r = np.asarray(ring, float)
    nxt = np.roll(r, -1, axis=0)
    return float(np.sum(great_circle_km(r[:, 0], r[:, 1], nxt[:, 0], nxt[:, 1])))


def area_fraction_to_linear(area_fraction):
    """Linear fraction lf of a crater inside a straight boundary from its area fraction af, the inverse of
    af = (theta - sin theta) / 2 pi with theta = 2 arccos(1 - 2 lf) (as craterstats converts them)."""
    lf = np.linspace(0.0, 1.0, 4001)
    theta = 2 * np.arccos(1 - 2 * lf)
    af = (theta - np.sin(theta)) / (2 * np.pi)
    return np.interp(np.clip(area_fraction, 0.0, 1.0), af, lf)


class LocalProjection:
    """Lambert azimuthal equal-area on the lunar sphere centred at (lon0, lat0); x, y in km."""

    def __init__(self, lon0, lat0):
        self.lon0, self.lat0 = math.radians(lon0), math.radians(lat0)

    def forward(self, lon, lat):
        lam = np.radians(np.asarray(lon, float)) - self.lon0
        phi = np.radians(np.asarray(lat, float))
        s0, c0 = math.sin(self.lat0), math.cos(self.lat0)
        denom = 1 + s0 * np.sin(phi) + c0 * np.cos(phi) * np.cos(lam)
        if np.any(denom < 1e-9):
            raise LunarInputError(tr("a count area or crater lies at the antipode of the count area's centre"))
        k = np.sqrt(2.0 / denom)
        x = MOON_RADIUS_KM * k * np.cos(phi) * np.sin(lam)
        y = MOON_RADIUS_KM * k * (c0 * np.sin(phi) - s0 * np.cos(phi) * np.cos(lam))
        return x, y


def _wkt_ring(x, y):
    pts = list(zip(np.asarray(x).tolist(), np.asarray(y).tolist()))
    pts.append(pts[0])
    return "(" + ",".join(f"{a!r} {b!r}" for a, b in pts) + ")"


@dataclass
class CountResult:
    """Which craters a count holds (``index`` into the input), their ``fractions`` and, for buffered counting, each
    crater's ``reference_areas_km2``."""
    mode: str
    index: np.ndarray
    fractions: np.ndarray
    reference_areas_km2: np.ndarray = None


class CountArea:
    """A named count area: ``polygons`` is a list of polygons, each a list of rings (exterior first, then holes),
    each ring a sequence of (lon, lat) degrees."""

    def __init__(self, polygons, name=""):
        from osgeo import ogr
        self.name = str(name)
        if not polygons:
            raise LunarInputError(tr("count area {name!r}: no polygon").format(name=self.name))
        self.polygons = []
        for p, rings in enumerate(polygons):
            if not rings:
                raise LunarInputError(tr("count area {name!r}: polygon {n} has no ring").format(
                    name=self.name, n=p + 1))
            what = tr("count area {name!r}, polygon {n}").format(name=self.name, n=p + 1)
            self.polygons.append([_ring(r, what) for r in rings])
        self.area_km2 = 0.0
        self.perimeter_km = 0.0
        for rings in self.polygons:
            dense = [densify(r) for r in rings]
            self.area_km2 += polygon_area_km2(dense[0][:, 0], dense[0][:, 1])
            for hole in dense[1:]:
                self.area_km2 -= polygon_area_km2(hole[:, 0], hole[:, 1])
            self.perimeter_km += sum(ring_perimeter_km(r) for r in rings)
        if not self.area_km2 > ZERO_AREA_KM2:
            raise LunarInputError(tr("count area {name!r} has zero size on the Moon sphere").format(name=self.name))
        xyz = []
        for rings in self.polygons:
            lon, lat = np.radians(rings[0][:, 0]), np.radians(rings[0][:, 1])
            xyz.append(np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], 1))
        c = np.concatenate(xyz).mean(axis=0)
        self.centre = (math.degrees(math.atan2(c[1], c[0])), math.degrees(math.atan2(c[2], math.hypot(c[0], c[1]))))
        self.projection = LocalProjection(*self.centre)
        parts = []
        span = max(float(np.ptp(r[:, j])) for rings in self.polygons for r in rings for j in (0, 1))
        step = max(0.002, span / 2000.0)              # great-circle edges within metres, at most ~8000 vertices
        for rings in self.polygons:
            parts.append("(" + ",".join(_wkt_ring(*self.projection.forward(*densify(r, step).T)) for r in rings)
                         + ")")
        self._geometry = ogr.CreateGeometryFromWkt("MULTIPOLYGON(" + ",".join(parts) + ")")
        if not self._geometry.IsValid():
            self._geometry = self._geometry.Buffer(0)
        self._boundary = self._geometry.Boundary()
        self._paths = []                               # (exterior, [holes]) as matplotlib paths: vectorised tests
        from matplotlib.path import Path
        for rings in self.polygons:
            xy = [np.column_stack(self.projection.forward(*densify(r, step).T)) for r in rings]
            self._paths.append((Path(xy[0]), [Path(h) for h in xy[1:]]))

    def buffered_area_km2(self, radius_km):
        """Area (km^2) of the count area grown by ``radius_km`` (its holes shrunk by it)."""
        return self._geometry.Buffer(float(radius_km), 64).GetArea()

    def _buffered_areas(self, radii):
        """A function r -> buffered area: exact for a few distinct radii, else interpolated between 257 radii
        spanning them (the area grows as A + P r + c r^2 between corners: off by < 1e-6 of it)."""
        unique = np.unique(np.round(radii, 9))
        if unique.size <= 64:
            table = {float(r): self.buffered_area_km2(r) for r in unique}
            return lambda r: table[round(float(r), 9)]
        grid = np.linspace(unique[0], unique[-1], 257)
        areas = np.array([self.buffered_area_km2(r) for r in grid])
        return lambda r: float(np.interp(r, grid, areas))

    def contains(self, x, y):
        """Which projected points (x, y km) lie inside the area (holes excluded), vectorised."""
        pts = np.column_stack([x, y])
        inside = np.zeros(len(pts), dtype=bool)
        for exterior, holes in self._paths:
            here = exterior.contains_points(pts)
            for hole in holes:
                here &= ~hole.contains_points(pts)
            inside |= here
        return inside

    def boundary_rings(self):
        """(sub_area, tag, ring) for each ring, numbered from 1, tag 'ext' for an exterior ring, 'int' for a hole
        (the .scc ``unit_boundary`` table)."""
        out, n = [], 0
        for rings in self.polygons:
            for j, r in enumerate(rings):
                n += 1
                out.append((n, "ext" if j == 0 else "int", r))
        return out

    def count(self, lons, lats, diameters_km, mode="centre", feedback=None):
        """A ``CountResult`` of the craters at (lons, lats) with ``diameters_km`` in this area in ``mode``."""
        from osgeo import ogr
        if mode not in MODES:
            raise LunarInputError(tr("unknown counting mode {mode!r}; expected one of {modes}").format(
                mode=mode, modes=list(MODES)))
        lon = np.asarray(lons, float).ravel()
        lat = np.asarray(lats, float).ravel()
        d = np.asarray(diameters_km, float).ravel()
        if not lon.size == lat.size == d.size:
            raise LunarInputError(tr("count area {name!r}: {lons} longitudes, {lats} latitudes and {diameters} "
                                     "diameters: give one of each per crater").format(
                name=self.name, lons=lon.size, lats=lat.size, diameters=d.size))
        x, y = self.projection.forward(lon, lat)
        xmin, xmax, ymin, ymax = self._geometry.GetEnvelope()
        reach = d / 2.0 if mode != "centre" else np.zeros_like(d)
        near = np.flatnonzero((x >= xmin - reach) & (x <= xmax + reach) & (y >= ymin - reach) & (y <= ymax + reach))
        if mode == "centre":
            index = near[self.contains(x[near], y[near])]
            return CountResult(mode, index.astype(int), np.ones(index.size))
        progress = Progress(feedback, max(near.size, 1))
        index, fractions, references = [], [], []
        buffered_area = self._buffered_areas(d[near] / 2.0) if mode == "buffered" and near.size else None
        for n, i in enumerate(near):
            progress.step(n)
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(x[i]), float(y[i]))
            if mode == "centre":
                if self._geometry.Contains(point):
                    index.append(i)
                    fractions.append(1.0)
                continue
            r = d[i] / 2.0
            if mode == "buffered":
                if self._geometry.Contains(point) or self._boundary.Distance(point) <= r:
                    index.append(i)
                    fractions.append(1.0)
                    references.append(buffered_area(r))
                continue
            distance = self._boundary.Distance(point)
            inside = self._geometry.Contains(point)
            if distance >= r:
                if inside:
                    index.append(i)
                    fractions.append(1.0)
                continue
            ring = np.asarray(circle_polygon_lonlat(lon[i], lat[i], d[i], n=_CIRCLE_VERTICES))
            cx, cy = self.projection.forward(ring[:, 0], ring[:, 1])
            circle = ogr.CreateGeometryFromWkt("POLYGON(" + _wkt_ring(cx, cy) + ")")
            share = circle.Intersection(self._geometry).GetArea() / circle.GetArea()
            if share > 0:
                index.append(i)
                fractions.append(float(area_fraction_to_linear(share)))
        progress.step(max(near.size, 1))
        index = np.asarray(index, dtype=int)
        return CountResult(mode, index, np.asarray(fractions, float),
                           np.asarray(references, float) if mode == "buffered" else None)


def from_boundary(rings, name=""):
    """A ``CountArea`` from .scc-style rings: (sub_area, tag, ring) with tag 'ext' (an exterior) or 'int' (a hole,
    given to the exterior ring that holds it, as craterstats does)."""
    from osgeo import ogr
    def what(n):
        return tr("count area {name!r}, sub-area {n}").format(name=name, n=n)
    exteriors = [(n, _ring(r, what(n))) for n, tag, r in rings if tag != "int"]
    holes = [(n, _ring(r, what(n))) for n, tag, r in rings if tag == "int"]
    if not exteriors:
        raise LunarInputError(tr("count area {name!r}: the boundary has no exterior ('ext') ring").format(name=name))
    polygons = [[r] for _, r in exteriors]
    if holes:
        lon0, lat0 = exteriors[0][1][0]
        proj = LocalProjection(lon0, lat0)
        shells = [ogr.CreateGeometryFromWkt("POLYGON(" + _wkt_ring(*proj.forward(r[:, 0], r[:, 1])) + ")")
                  for _, r in exteriors]
        for n, hole in holes:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(*(float(v) for v in proj.forward(hole[0, 0], hole[0, 1])))
            owner = next((j for j, shell in enumerate(shells) if shell.Contains(point)), None)
            if owner is None:
                raise LunarInputError(tr("count area {name!r}: hole (sub-area {n}) lies in no exterior ring").format(
                    name=name, n=n))
            polygons[owner].append(hole)
    return CountArea(polygons, name)
