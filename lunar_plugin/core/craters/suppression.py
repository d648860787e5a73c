"""Non-maximum suppression of raw detections: over a whole raster at once, or region by region in bounded memory.

Greedy suppression (the most confident detection first, removing the ones it duplicates) decides a detection
only from those it conflicts with, so it gives the same result on each connected component of the conflict
graph run alone. Tiles run in order of the first source row their cores keep (``tiles.TilePlan.rows``); a
detection further above the next tile row's first row than it could reach (``row_km``) can meet no detection
still to come, and a component of such detections is final: ``RegionMerger`` suppresses it and lets it go. A
global mosaic so holds about one tile row of raw detections, not all of them, and the craters are those of one
suppression over the whole raster, ties of equal confidence included (broken by tile number, then order in the
tile).

numpy/scipy only.
"""
import math

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from ..moon import chord_km, great_circle_km, pairs_within, xyz_km
from .schema import Crater

#: One raw detection: the Crater fields, the source row of its centre, the number of its tile (TileJob.index) and
#: its place among that tile's detections.
RAW = np.dtype([("lon", "f8"), ("lat", "f8"), ("diameter_km", "f8"), ("confidence", "f8"), ("level", "i4"),
                ("row", "f8"), ("tile", "i8"), ("k", "i4")])
#: RegionMerger closes regions once this many raw detections wait (tests set 1: close at every new row).
CLOSE_AT = 20000


def raw_detections(lon, lat, diameter_km, confidence, level, row, tile):
    """A RAW array of one tile's detections, numbered in order."""
    raw = np.empty(len(lon), RAW)
    raw["lon"], raw["lat"], raw["diameter_km"], raw["confidence"] = lon, lat, diameter_km, confidence
    raw["level"], raw["row"], raw["tile"], raw["k"] = level, row, tile, np.arange(len(lon))
    return raw


def by_confidence(raw):
    """Indices of ``raw`` most confident first, ties by tile number and place in the tile: the order of an
    in-process run's raw list."""
    return np.lexsort((raw["k"], raw["tile"], -raw["confidence"]))


def craters(raw):
    """[Crater] of a RAW array, in its order."""
    return [Crater(float(d["lon"]), float(d["lat"]), float(d["diameter_km"]), float(d["confidence"]),
                   int(d["level"])) for d in raw]


def conflict_graph(raw, dist_frac, max_ratio):
    """Which detections of ``raw`` duplicate which (sparse, symmetric): centres less than ``dist_frac * min(r)`` km
    apart (great circle) and radii within a factor ``max_ratio``."""
    lon, lat, r = raw["lon"], raw["lat"], raw["diameter_km"] / 2.0
    xyz = xyz_km(lon, lat)
    i, j = pairs_within(xyz, xyz, chord_km(dist_frac * r) * 1.0001)   # a partner lies within its own reach
    if i.size:
        rmin, rmax = np.minimum(r[i], r[j]), np.maximum(r[i], r[j])
        edge = (great_circle_km(lon[i], lat[i], lon[j], lat[j]) < dist_frac * rmin) & (rmax < max_ratio * rmin)
        i, j = i[edge], j[edge]
    return csr_matrix((np.ones(i.size, bool), (i, j)), shape=(raw.size, raw.size))


def suppress(raw, dist_frac, max_ratio, graph=None):
    """Indices of the kept detections of ``raw``, most confident first: each detection, most confident first,
    is kept unless a kept one duplicates it (``conflict_graph``, or ``graph`` when the caller has it)."""
    graph = conflict_graph(raw, dist_frac, max_ratio) if graph is None else graph
    alive = np.ones(raw.size, bool)
    kept = []
    for i in by_confidence(raw):
        if alive[i]:
            kept.append(i)
            alive[graph.indices[graph.indptr[i]:graph.indptr[i + 1]]] = False
    return np.array(kept, int)


def row_km(geo, samples=9):
    """A lower bound of the great-circle km between two points per source row between them (0: none found).

    Sampled over the raster in steps of one row and of up to two columns either way, halved for safety: a
    geographic or equirectangular raster's rows are exactly a latitude step apart, any other projection's scale
    changes slowly over the conflict distance of one crater."""
    cols, rows = np.meshgrid(np.linspace(0, geo.xsize - 1, samples), np.linspace(0, geo.ysize - 1, samples))
    cols, rows = cols.ravel(), rows.ravel()
    lon0, lat0 = geo.lonlat(*geo.crs_xy(cols, rows))
    steps = []
    for dc in (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0):
        lon1, lat1 = geo.lonlat(*geo.crs_xy(cols + dc, rows + 1.0))
        steps.append(great_circle_km(lon0, lat0, lon1, lat1))
    steps = np.asarray(steps)
    steps = steps[np.isfinite(steps)]
    return 0.5 * float(steps.min()) if steps.size and steps.min() > 0 else 0.0


class RegionMerger:
    """Suppression fed tile row by tile row (``add``) that hands back each region once no later tile can change
    it (``close``). ``km_per_row``: ``row_km`` of the raster."""

    def __init__(self, dist_frac, max_ratio, km_per_row):
        self.dist_frac, self.max_ratio, self.km_per_row = float(dist_frac), float(max_ratio), float(km_per_row)
        self.waiting = []   # RAW arrays added since the last close, after what it left
        self.count = 0      # raw detections in them
        self.close_at = CLOSE_AT
        #: Raw detections added in all, and the most held at once.
        self.added = self.peak = 0

    def add(self, raw):
        if raw.size:
            self.waiting.append(raw)
            self.count += raw.size
            self.added += raw.size
            self.peak = max(self.peak, self.count)

    def due(self):
        """Enough detections wait for a close to be worth its cost."""
        return self.count >= self.close_at

    def close(self, first_row=math.inf):
        """The kept detections (RAW, most confident first) of every region finished when no tile still to come
        keeps a source row above ``first_row`` (inf: all of them, at the end)."""
        raw = np.concatenate(self.waiting) if self.waiting else np.zeros(0, RAW)
        graph = conflict_graph(raw, self.dist_frac, self.max_ratio)
        if math.isinf(first_row):
            done = np.ones(raw.size, bool)
        else:
            reach_km = self.dist_frac * raw["diameter_km"] / 2.0
            safe = (first_row - raw["row"]) * self.km_per_row >= reach_km
            label = connected_components(graph, directed=False)[1]
            done = ~np.isin(label, label[~safe])
        finished, left = raw[done], raw[~done]
        self.waiting, self.count = ([left] if left.size else []), left.size
        # a region that cannot close yet (a wide crater's reach) waits for more rows before the next try
        self.close_at = max(CLOSE_AT, 2 * left.size)
        return finished[suppress(finished, self.dist_frac, self.max_ratio, graph[done][:, done])]


__all__ = ["RAW", "CLOSE_AT", "raw_detections", "by_confidence", "craters", "conflict_graph", "suppress", "row_km",
           "RegionMerger"]
