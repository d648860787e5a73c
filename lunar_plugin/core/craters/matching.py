"""Match detected craters to a catalogue with DeepMoon's rule, in km on the lunar sphere.

A detection and a catalogue crater match when (great-circle centre distance)^2 < 1.8 * min(r)^2 and
|r1 - r2| < min(r) (Silburt et al. 2019, there in pixels; here in km). Matching is one-to-one, solved
for the smallest total distance with the Hungarian method (scipy) among admissible pairs.

Both sets are matched in full; the scores then count only what lies in the diameter range and
``extent``: recall over in-range catalogue craters, precision over in-range detections. A 58 km detection
of a 62 km crater thus counts for the recall of a 60 km cut, and is not a false detection either.
"""
import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import connected_components
from scipy.sparse import coo_matrix

from ..errors import LunarInputError
from ..messages import tr
from ..moon import great_circle_km, pairs_within, xyz_km
from .schema import Crater

DEFAULT_BINS_KM = (20, 40, 60, 90, 130, 200, 300, 500, 1000)


def _columns(items, name):
    """(lon, lat, diameter_km) arrays from schema.Crater records, dicts, an (N, 3) array or a tuple of 3 arrays."""
    if items is None:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    if isinstance(items, dict):
        items = (items["lon"], items["lat"], items["diameter_km"])
    if isinstance(items, (list, tuple)) and items and isinstance(items[0], Crater):
        arr = np.array([[c.lon, c.lat, c.diameter_km] for c in items], float)
    elif isinstance(items, (list, tuple)) and items and isinstance(items[0], dict):
        arr = np.array([[d["lon"], d["lat"], d["diameter_km"]] for d in items], float)
    elif isinstance(items, tuple) and len(items) == 3:
        arr = np.c_[tuple(np.asarray(v, float).ravel() for v in items)]
    else:
        arr = np.asarray(items, float)
        if arr.size == 0:
            arr = arr.reshape(0, 3)
    if arr.ndim != 2 or arr.shape[1] < 3:
        raise LunarInputError(tr("{name}: expected rows of (lon, lat, diameter_km), got shape {shape}").format(
            name=name, shape=arr.shape))
    lon, lat, d = arr[:, 0], arr[:, 1], arr[:, 2]
    if not (np.isfinite(arr[:, :3]).all() and (d > 0).all() and (np.abs(lat) <= 90).all()):
        raise LunarInputError(tr("{name}: lon/lat/diameter must be finite, |lat| <= 90 and diameter > 0").format(
            name=name))
    return (lon + 180.0) % 360.0 - 180.0, lat, d


def in_extent(lon, lat, extent):
    """Mask of points inside extent = (lon_min, lon_max, lat_min, lat_max) (degrees, lon -180..180)."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    if extent is None:
        return np.ones(lon.shape, bool)
    lo0, lo1, la0, la1 = extent
    return (lon >= lo0) & (lon < lo1) & (lat >= la0) & (lat < la1)


def pair_candidates(dl, cl):
    """Admissible pairs (i detection, j catalogue, distance km) under the DeepMoon rule."""
    (lon1, lat1, d1), (lon2, lat2, d2) = dl, cl
    if not len(lon1) or not len(lon2):
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    r1, r2 = d1 / 2.0, d2 / 2.0
    # a pair needs distance < sqrt(1.8) min(r) <= sqrt(1.8) r1: search each detection's own reach (a chord
    # is shorter than its arc, so the chord search misses nothing)
    i, j = pairs_within(xyz_km(lon2, lat2), xyz_km(lon1, lat1), np.sqrt(1.8) * r1 * 1.01)
    dist = great_circle_km(lon1[i], lat1[i], lon2[j], lat2[j])
    rmin = np.minimum(r1[i], r2[j])
    ok = (dist ** 2 < 1.8 * rmin ** 2) & (np.abs(r1[i] - r2[j]) < rmin)
    return i[ok], j[ok], dist[ok]


def assign(n1, n2, i, j, dist):
    """One-to-one assignment minimising total distance (Hungarian on each connected group)."""
    m1, m2 = np.full(n1, -1), np.full(n2, -1)
    if not len(i):
        return m1, m2
    graph = coo_matrix((np.ones(len(i)), (i, n1 + j)), shape=(n1 + n2, n1 + n2))
    _, labels = connected_components(graph, directed=False)
    groups = {}
    for k in range(len(i)):
        groups.setdefault(labels[i[k]], []).append(k)
    for ks in groups.values():
        ks = np.array(ks)
        ui, uj = np.unique(i[ks]), np.unique(j[ks])
        cost = np.full((len(ui), len(uj)), 1e9)
        cost[np.searchsorted(ui, i[ks]), np.searchsorted(uj, j[ks])] = dist[ks]
        a, b = linear_sum_assignment(cost)
        good = cost[a, b] < 1e9
        m1[ui[a[good]]] = uj[b[good]]
        m2[uj[b[good]]] = ui[a[good]]
    return m1, m2


def match(detections, catalog, min_d_km, max_d_km, extent=None, bins_km=DEFAULT_BINS_KM):
    """Score detections against a catalogue of craters within [min_d_km, max_d_km] and ``extent``.

    detections, catalog: lists of dicts (lon, lat, diameter_km), (N, 3) arrays or (lon, lat, d) tuples.
    extent: (lon_min, lon_max, lat_min, lat_max) in degrees, lon in -180..180, or None.
    Returns a dict: recall, precision, f1, median_rel_diameter_error (|d_det - d_cat| / d_cat over
    matched in-range catalogue craters), n_catalog, n_detections, n_matched_catalog, n_true_detections,
    bins (per catalogue-diameter bin: range, n_catalog, n_matched, recall, n_detections, n_true,
    precision), detection_status (per detection: 'matched', 'false' or 'out' -- outside range/extent),
    catalog_status (per catalogue crater: 'matched', 'missed' or 'out'), pairs (det index, cat index).
    """
    if not 0 <= float(min_d_km) < float(max_d_km):
        raise LunarInputError(tr("matching: need 0 <= min diameter ({minimum}) < max diameter ({maximum})").format(
            minimum=min_d_km, maximum=max_d_km))
    dl, cl = _columns(detections, tr("detections")), _columns(catalog, tr("catalog"))
    i, j, dist = pair_candidates(dl, cl)
    m_det, m_cat = assign(len(dl[0]), len(cl[0]), i, j, dist)
    det_in = in_extent(dl[0], dl[1], extent) & (dl[2] >= min_d_km) & (dl[2] <= max_d_km)
    cat_in = in_extent(cl[0], cl[1], extent) & (cl[2] >= min_d_km) & (cl[2] <= max_d_km)
    det_ok, cat_ok = m_det >= 0, m_cat >= 0
    n_cat, n_det = int(cat_in.sum()), int(det_in.sum())
    tp_cat, tp_det = int((cat_in & cat_ok).sum()), int((det_in & det_ok).sum())
    recall = tp_cat / n_cat if n_cat else float("nan")
    precision = tp_det / n_det if n_det else float("nan")
    f1 = (2 * recall * precision / (recall + precision)
          if n_cat and n_det and (recall + precision) > 0 else 0.0)
    sel = np.flatnonzero(cat_in & cat_ok)
    rel = np.abs(dl[2][m_cat[sel]] - cl[2][sel]) / cl[2][sel] if sel.size else np.zeros(0)
    bins = []
    edges = [b for b in bins_km]
    for lo, hi in zip(edges[:-1], edges[1:]):
        c = cat_in & (cl[2] >= lo) & (cl[2] < hi)
        d = det_in & (dl[2] >= lo) & (dl[2] < hi)
        if not c.any() and not d.any():
            continue
        nc, nm = int(c.sum()), int((c & cat_ok).sum())
        nd, nt = int(d.sum()), int((d & det_ok).sum())
        bins.append({"range_km": [lo, hi], "n_catalog": nc, "n_matched": nm,
                     "recall": nm / nc if nc else None, "n_detections": nd, "n_true": nt,
                     "precision": nt / nd if nd else None})
    det_status = np.where(~det_in, "out", np.where(det_ok, "matched", "false")).tolist()
    cat_status = np.where(~cat_in, "out", np.where(cat_ok, "matched", "missed")).tolist()
    pairs = [(int(a), int(b)) for a, b in enumerate(m_det) if b >= 0]
    return {"recall": recall, "precision": precision, "f1": f1,
            "median_rel_diameter_error": float(np.median(rel)) if rel.size else float("nan"),
            "n_catalog": n_cat, "n_detections": n_det, "n_matched_catalog": tp_cat,
            "n_true_detections": tp_det, "bins": bins, "detection_status": det_status,
            "catalog_status": cat_status, "pairs": pairs}


__all__ = ["match", "pair_candidates", "assign", "in_extent", "DEFAULT_BINS_KM"]
