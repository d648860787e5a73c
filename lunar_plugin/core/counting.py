"""Crater counting on the Moon sphere, without QGIS: circles from 2 or 3 clicked points, geodesic rings for
display and storage, count-area areas with holes, and the vetting session (order, decisions, undo, progress) that
the desktop tools (lunar_plugin/map_tools.py, lunar_plugin/vetting.py) drive.

Points are (lon, lat) in degrees on the IAU 2015 sphere (R = 1737.4 km, ``moon.MOON_RADIUS_KM``); any map CRS is
turned into these before they reach this module, so a diameter is the same whatever projection it was drawn in.
"""
import math

import numpy as np

from .errors import LunarInputError
from .messages import tr
from .moon import MOON_RADIUS_KM, polygon_area_km2

#: Tags a counted or vetted crater can carry (stored as these values; the desktop shows translated labels).
TAGS = ("standard", "secondary", "doubtful", "degraded", "cluster", "overlapping")
#: What vetting writes in the ``vetting`` field.
ACCEPTED, REJECTED, REDRAWN = "accepted", "rejected", "redrawn"
DECISIONS = (ACCEPTED, REJECTED, REDRAWN)
#: Orders a vetting session can step through the detections in.
ORDERS = ("confidence_desc", "confidence_asc", "position")


def unit_vectors(lon, lat):
    """(N, 3) unit vectors of points in degrees (any longitude, wrapped or not)."""
    lon, lat = np.radians(np.asarray(lon, float)), np.radians(np.asarray(lat, float))
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=-1)


def lonlat(vector):
    """(lon, lat) in degrees of a vector (any length), lon in [-180, 180]."""
    x, y, z = (float(v) for v in vector)
    return math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))


def _angle(a, b):
    """Angle (radians) between unit vectors, stable for small and large angles."""
    return math.atan2(float(np.linalg.norm(np.cross(a, b))), float(np.dot(a, b)))


def circle_from_two_points(lon1, lat1, lon2, lat2):
    """(lon, lat, diameter_km) of the crater whose diameter runs from point 1 to point 2: centre at the normalised
    midpoint of the unit vectors, diameter the great-circle distance."""
    a, b = unit_vectors([lon1, lon2], [lat1, lat2])
    middle = a + b
    if np.linalg.norm(middle) < 1e-12:
        raise LunarInputError(tr("the two points of a crater diameter are antipodal: no unique centre"))
    if _angle(a, b) == 0.0:
        raise LunarInputError(tr("the two points of a crater diameter are the same point"))
    lon, lat = lonlat(middle)
    return lon, lat, MOON_RADIUS_KM * _angle(a, b)


def circle_from_three_points(lons, lats):
    """(lon, lat, diameter_km) of the small circle through three rim points: the plane through them cuts the sphere
    in that circle; its normal (turned towards the points) is the centre, and the geodesic diameter is
    2 R x angle(normal, point)."""
    if len(lons) != 3 or len(lats) != 3:
        raise LunarInputError(tr("a crater by its rim needs 3 points, got {count}").format(count=len(lons)))
    p = unit_vectors(lons, lats)
    normal = np.cross(p[1] - p[0], p[2] - p[0])
    # three distinct points of a sphere are never collinear: a tiny normal means two of them (almost) coincide
    spread = max(np.linalg.norm(p[1] - p[0]), np.linalg.norm(p[2] - p[0]), np.linalg.norm(p[2] - p[1]))
    if np.linalg.norm(normal) <= 1e-9 * max(spread, 1e-300) ** 2 or spread == 0.0:
        raise LunarInputError(tr("two of the three rim points coincide: click three different points on the rim"))
    normal /= np.linalg.norm(normal)
    if np.dot(normal, p.mean(axis=0)) < 0:
        normal = -normal
    lon, lat = lonlat(normal)
    radius = np.mean([_angle(normal, q) for q in p])
    return lon, lat, 2 * MOON_RADIUS_KM * float(radius)


def circle_from_points(lons, lats):
    """The crater of 2 (diameter ends) or 3 (rim) points."""
    if len(lons) == 2:
        return circle_from_two_points(lons[0], lats[0], lons[1], lats[1])
    return circle_from_three_points(lons, lats)


def circle_ring(lon, lat, diameter_km, n=128):
    """(lons, lats) arrays of ``n`` points of the geodesic circle, closed (first point repeated), counter-clockwise
    seen from outside the sphere. Longitudes are unwrapped around the centre's (continuous across +-180, so a
    geographic ring is drawn in one piece); around a pole they are the rotation's own, to be projected point by
    point (a polar map shows a round ring)."""
    n = max(int(n), 8)
    centre = unit_vectors(lon, lat)
    # an east and a north unit vector at the centre (any pair orthogonal to it near a pole)
    east = np.cross([0.0, 0.0, 1.0], centre)
    if np.linalg.norm(east) < 1e-12:
        east = np.array([0.0, 1.0, 0.0])
    east /= np.linalg.norm(east)
    north = np.cross(centre, east)
    angle = (float(diameter_km) / 2.0) / MOON_RADIUS_KM
    theta = np.linspace(0.0, 2 * math.pi, n + 1)
    points = (math.cos(angle) * centre[None, :]
              + math.sin(angle) * (np.cos(theta)[:, None] * east[None, :] + np.sin(theta)[:, None] * north[None, :]))
    lons = np.degrees(np.arctan2(points[:, 1], points[:, 0]))
    lats = np.degrees(np.arctan2(points[:, 2], np.hypot(points[:, 0], points[:, 1])))
    lons = np.degrees(np.unwrap(np.radians(lons)))
    lons += 360.0 * np.round((lon - lons[0]) / 360.0)  # in the centre's longitude domain
    lons[-1], lats[-1] = lons[0], lats[0]
    return lons, lats


def area_km2(rings):
    """Area on the sphere of a polygon given as rings of (lon, lat) vertices in degrees: the first the outer
    boundary, the others holes (subtracted); rings around a pole included. Densify the rings first where edges are
    long."""
    if not rings:
        return 0.0
    outer = polygon_area_km2(*np.asarray(rings[0], float).T)
    holes = sum(polygon_area_km2(*np.asarray(ring, float).T) for ring in rings[1:])
    return float(outer - holes)


def vetting_order(confidence, lon, lat, diameter_km, order):
    """Indices of the detections in the order a vetting session visits them: ``confidence_desc`` (surest first),
    ``confidence_asc`` (doubtful first) or ``position`` (rows of latitude from north to south, west to east then
    back, so that each step pans a short way; rows two median diameters high). Ties keep the input order."""
    if order not in ORDERS:
        raise LunarInputError(tr("vetting order must be one of {orders}, got {order!r}").format(
            orders=", ".join(ORDERS), order=order))
    n = len(lon)
    index = np.arange(n)
    if n == 0:
        return index
    if order == "confidence_desc":
        return index[np.lexsort((index, -np.asarray(confidence, float)))]
    if order == "confidence_asc":
        return index[np.lexsort((index, np.asarray(confidence, float)))]
    lat = np.asarray(lat, float)
    lon = np.asarray(lon, float)
    row_deg = max(2 * float(np.median(diameter_km)) / (math.pi * MOON_RADIUS_KM / 180.0), 1e-6)
    row = np.floor((lat.max() - lat) / row_deg).astype(int)
    along = np.where(row % 2 == 0, lon, -lon)
    return index[np.lexsort((index, along, row))]


class VettingSession:
    """Decisions on a list of detections, one at a time, with undo: no QGIS here, the desktop writes what
    ``apply`` and ``undo`` return to the layer.

    ``ids``: the detections' ids in visiting order; ``decided``: {id: (vetting, tag)} already stored (a resumed
    session starts at the first undecided one). Each change is one undo step: ``decide`` (accept, reject, redraw,
    with the tag), ``tag`` (the current crater's tag) and moves stay out of the undo stack except that undoing a
    decision goes back to that crater.
    """

    def __init__(self, ids, decided=None):
        self.ids = list(ids)
        self.state = {i: (None, None) for i in self.ids}
        for i, value in (decided or {}).items():
            if i in self.state:
                self.state[i] = tuple(value)
        self.undo_stack = []
        self.position = self.first_undecided()

    def first_undecided(self, start=0):
        for k in range(start, len(self.ids)):
            if self.state[self.ids[k]][0] is None:
                return k
        for k in range(0, min(start, len(self.ids))):
            if self.state[self.ids[k]][0] is None:
                return k
        return len(self.ids)  # all done: past the end

    @property
    def current(self):
        return self.ids[self.position] if 0 <= self.position < len(self.ids) else None

    @property
    def finished(self):
        return self.position >= len(self.ids)

    def counts(self):
        """{decision: count} over all detections, plus 'decided' and 'total'."""
        found = {d: 0 for d in DECISIONS}
        for vetting, _tag in self.state.values():
            if vetting in found:
                found[vetting] += 1
        found["decided"] = sum(found[d] for d in DECISIONS)
        found["total"] = len(self.ids)
        return found

    def _change(self, new_state, advance):
        crater = self.current
        if crater is None:
            raise LunarInputError(tr("no crater to decide: the vetting session is at its end"))
        old = self.state[crater]
        self.undo_stack.append((crater, old, self.position))
        self.state[crater] = new_state
        if advance:  # the next undecided one (after this, then from the start), or past the end when all are
            self.position = self.first_undecided(self.position + 1)
        return crater, old, new_state

    def decide(self, vetting, tag=None, advance=True):
        """Record ``vetting`` (accepted/rejected/redrawn) for the current crater, keeping its tag unless one is
        given; moves on to the next undecided crater. Returns (id, old (vetting, tag), new (vetting, tag))."""
        if vetting not in DECISIONS:
            raise LunarInputError(tr("vetting must be one of {decisions}, got {vetting!r}").format(
                decisions=", ".join(DECISIONS), vetting=vetting))
        crater = self.current
        old_tag = self.state[crater][1] if crater is not None else None
        return self._change((vetting, tag if tag is not None else old_tag), advance)

    def set_tag(self, tag):
        """Tag the current crater (accepting it if undecided, since a tag is a statement about a real crater);
        stays on it. Returns (id, old, new)."""
        crater = self.current
        vetting = self.state[crater][0] if crater is not None else None
        return self._change((vetting or ACCEPTED, tag), advance=False)

    def undo(self):
        """Undo the last change and go back to its crater; returns (id, state now, state undone) or None."""
        if not self.undo_stack:
            return None
        crater, old, position = self.undo_stack.pop()
        undone = self.state[crater]
        self.state[crater] = old
        self.position = position
        return crater, old, undone

    def move(self, step):
        """Previous (-1) / next (+1) crater, decided or not, clamped to the list (the end is one past the last)."""
        self.position = min(max(self.position + step, 0), len(self.ids))
        return self.current
