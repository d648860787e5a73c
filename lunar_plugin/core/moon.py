"""Lunar constants and spherical geodesy (IAU 2015 sphere, R = 1737.4 km)."""
import math

import numpy as np

MOON_RADIUS_KM = 1737.4
MOON_RADIUS_M = MOON_RADIUS_KM * 1000.0
#: Geographic lunar CRS (IAU 2015, Moon 2000, sphere); projected outputs keep their input CRS.
MOON_GEOGRAPHIC_CRS = "IAU_2015:30100"
#: The ellipsoid string QgsDistanceArea accepts (setEllipsoid('IAU_2015:30100') returns NaN on QGIS 3.22).
QGIS_MOON_ELLIPSOID = "PARAMETER:1737400:1737400"
KM_PER_DEGREE = math.pi * MOON_RADIUS_KM / 180.0


def same_body(radius_a_m, radius_b_m):
    """Whether two ellipsoid radii (m) are of one body: within 2%, far tighter than any two bodies mapped in GIS
    (the Moon 1737.4 km, Mars 3396 km, Earth 6378 km) and looser than any one body's datums."""
    return abs(radius_a_m - radius_b_m) < 0.02 * max(radius_a_m, radius_b_m)


def great_circle_km(lon1, lat1, lon2, lat2):
    """Haversine distance on the lunar sphere, degrees in, km out (numpy broadcasting)."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * MOON_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def xyz_km(lon, lat):
    """Cartesian coordinates (km) on the lunar sphere of points in degrees, (N, 3): for k-d trees of chords."""
    lon, lat = np.radians(lon), np.radians(lat)
    return MOON_RADIUS_KM * np.c_[np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]


def chord_km(arc_km):
    """Straight-line length (km) of a great-circle arc of ``arc_km``: the radius a k-d tree of ``xyz_km`` points
    needs to find everything within that arc."""
    return 2 * MOON_RADIUS_KM * np.sin(np.minimum(np.asarray(arc_km, float) / (2 * MOON_RADIUS_KM), math.pi / 2))


def pairs_within(tree_xyz, query_xyz, radius_km):
    """(i, j): every query point i with every tree point j within its straight-line ``radius_km`` (one radius, or
    one per query point), found with a k-d tree; flat index arrays."""
    from scipy.spatial import cKDTree
    near = cKDTree(tree_xyz).query_ball_point(query_xyz, radius_km) if len(tree_xyz) and len(query_xyz) else []
    i = np.repeat(np.arange(len(near)), [len(n) for n in near]).astype(int)
    return i, np.fromiter((k for n in near for k in n), int, i.size)


def band_area_km2(lat_south, lat_north, dlon_deg):
    """Exact area of a latitude band segment (degrees) on the sphere: R^2 * dlon * (sin n - sin s)."""
    return (MOON_RADIUS_KM ** 2 * np.radians(dlon_deg)
            * (np.sin(np.radians(lat_north)) - np.sin(np.radians(lat_south))))


def polygon_area_km2(lons, lats):
    """Area of a simple polygon given as lon/lat vertices (degrees) on the lunar sphere, also around a pole.

    Uses the spherical-excess line integral (as in Chamberlain & Duquette 2007). Once the ring winds around a pole
    the integral measures the side holding the south pole; the polygon's inside is then taken to be the smaller
    side, as a count area or a crater always is.
    """
    lon = np.radians(np.asarray(lons, dtype=float))
    lat = np.radians(np.asarray(lats, dtype=float))
    if lon.size < 3:
        return 0.0
    lon2, lat2 = np.roll(lon, -1), np.roll(lat, -1)
    dlon = (lon2 - lon + np.pi) % (2 * np.pi) - np.pi
    area = abs(np.sum(dlon * (2 + np.sin(lat) + np.sin(lat2)))) * MOON_RADIUS_KM ** 2 / 2.0
    if abs(dlon.sum()) < np.pi:   # winds around no pole
        return float(area)
    return float(min(area, 4 * np.pi * MOON_RADIUS_KM ** 2 - area))


def pixel_size_m(geotransform, is_geographic, row_lat_deg=None):
    """Ground size (dx, dy) in metres of one pixel; for geographic rasters dx shrinks with cos(lat)."""
    sx, sy = abs(geotransform[1]), abs(geotransform[5])
    if not is_geographic:
        return sx, sy
    dy = np.radians(sy) * MOON_RADIUS_M
    dx = np.radians(sx) * MOON_RADIUS_M * np.cos(np.radians(row_lat_deg if row_lat_deg is not None else 0.0))
    return dx, dy


def circle_polygon_lonlat(lon, lat, diameter_km, n=64):
    """Vertices (lon, lat) in degrees of a circle of ``diameter_km`` around (lon, lat) on the lunar sphere.

    Destination-point formula on R = 1737.4 km, ``n`` vertices counter-clockwise from north, ring not
    closed (repeat the first vertex if a closed ring is needed). Longitudes stay continuous around the
    centre (they may leave [-180, 180] for circles across the antimeridian); near a pole the ring is
    what the formula gives (a circle enclosing the pole is not a simple lon/lat polygon).
    """
    n = max(int(n), 3)
    delta = (float(diameter_km) / 2.0) / MOON_RADIUS_KM
    phi1, lam1 = math.radians(float(lat)), math.radians(float(lon))
    bearing = -np.arange(n) * (2 * math.pi / n)
    sin_phi2 = math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * np.cos(bearing)
    phi2 = np.arcsin(np.clip(sin_phi2, -1.0, 1.0))
    lam2 = lam1 + np.arctan2(np.sin(bearing) * math.sin(delta) * math.cos(phi1),
                             math.cos(delta) - math.sin(phi1) * sin_phi2)
    return [(float(a), float(b)) for a, b in zip(np.degrees(lam2), np.degrees(phi2))]
