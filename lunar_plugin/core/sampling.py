"""Quasi-equal-area sampling on the lunar sphere (Qiu et al. 2025, Methods, eq. 8).

Latitude bands of fixed step dphi; in each band the longitude step is
    dlambda = A / (R^2 * dphi * cos(phi))
so every cell covers ~A km^2 (R = 1737.4 km). Cells are generated band by band, so a global run
(~17 million cells at the defaults) streams: rasters are read one row per band, statistics are kept
in fixed-size histograms, and cells are handed to the caller in batches. On a Dask cluster the workers sample
runs of bands (``sample_bands``, ``sampled_bands``) and the driver keeps the statistics in band order,
so they are those of an in-process run bit for bit.
"""
import json
import math
from contextlib import closing

import numpy as np
from osgeo import gdal, ogr, osr

from .cluster import check_workers, dask_client, ordered_results, parse_scheduler
from .errors import LunarInputError
from .feedback import Progress
from .messages import tr
from .moon import MOON_RADIUS_KM, band_area_km2
from .raster import RasterSource
from .vector_files import memory_vector_source

PERCENTILES = (2.5, 25.0, 50.0, 75.0, 97.5)
HISTOGRAM_BINS = 50
_FINE_BINS = 8192


def band_edges(south, north, lat_step):
    """Southern edges of the latitude bands covering [south, north]."""
    if not (-90.0 <= south < north <= 90.0):
        raise LunarInputError(tr("EXTENT latitudes must satisfy -90 <= south < north <= 90 "
                                 "(got {south}, {north})").format(south=south, north=north))
    if lat_step <= 0:
        raise LunarInputError(tr("LAT_STEP must be > 0 degrees (got {step})").format(step=lat_step))
    n = int(math.ceil((north - south) / lat_step - 1e-9))
    return south + lat_step * np.arange(n)


def lon_step_deg(lat_centre, lat_step, area_km2):
    """Qiu et al. 2025, eq. 8, in degrees."""
    if area_km2 <= 0:
        raise LunarInputError(tr("AREA_KM2 must be > 0 (got {area})").format(area=area_km2))
    cos_phi = max(math.cos(math.radians(lat_centre)), 1e-12)
    return math.degrees(area_km2 / (MOON_RADIUS_KM ** 2 * math.radians(lat_step) * cos_phi))


def band_cells(west, east, lat_south, lat_step, area_km2):
    """Cell-centre longitudes, longitude step and exact spherical cell area of one latitude band."""
    lat_north = min(lat_south + lat_step, 90.0)
    centre = (lat_south + lat_north) / 2
    dlon = lon_step_deg(centre, lat_step, area_km2)
    n = int(math.floor((east - west) / dlon + 0.5))
    lons = west + dlon * (np.arange(max(n, 1)) + 0.5)
    lons = lons[lons < east] if n >= 1 else lons
    return lons, dlon, float(band_area_km2(lat_south, lat_north, dlon)), centre


def count_cells(extent, lat_step, area_km2):
    west, south, east, north = extent
    return int(sum(band_cells(west, east, s, lat_step, area_km2)[0].size for s in band_edges(south, north, lat_step)))


class RasterSampler:
    """Nearest-pixel values of every band of a raster at lunar lon/lat points (NaN = nodata/outside)."""

    def __init__(self, source, name):
        self.source, self.name = source, name
        source.require_crs()
        self.geographic = source.is_geographic
        self.field_names = [f"{name}_b{b}" if source.count > 1 else name for b in range(1, source.count + 1)]
        if not self.geographic:
            moon = osr.SpatialReference()
            moon.SetFromUserInput("IAU_2015:30100")
            moon.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            target = source.srs
            target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            self.transform = osr.CoordinateTransformation(moon, target)

    def _pixels(self, lons, lat):
        gt = self.source.geotransform
        if self.geographic:
            x = (lons - gt[0]) % 360.0 + gt[0] if abs(gt[1] * self.source.xsize) >= 359.999 else lons
            y = np.full_like(lons, lat)
        else:
            pts = np.column_stack([lons, np.full_like(lons, lat)])
            out = np.array(self.transform.TransformPoints(pts))
            x, y = out[:, 0], out[:, 1]
        cols = np.floor((x - gt[0]) / gt[1]).astype(np.int64)
        rows = np.floor((y - gt[3]) / gt[5]).astype(np.int64)
        return cols, rows

    def sample(self, lons, lat):
        src = self.source
        values = np.full((src.count, lons.size), np.nan, np.float32)
        cols, rows = self._pixels(lons, lat)
        inside = (cols >= 0) & (cols < src.xsize) & (rows >= 0) & (rows < src.ysize)
        if not inside.any():
            return values
        idx = np.nonzero(inside)[0]
        for chunk in np.array_split(idx, max(1, idx.size // 4096)):
            c0, c1 = cols[chunk].min(), cols[chunk].max() + 1
            r0, r1 = rows[chunk].min(), rows[chunk].max() + 1
            block = src.read(list(range(1, src.count + 1)), (int(c0), int(r0), int(c1 - c0), int(r1 - r0)))
            values[:, chunk] = block[:, rows[chunk] - r0, cols[chunk] - c0]
        return values

    def value_range(self):
        """Approximate min/max of every band (decimated read) for histogram bins."""
        ranges = []
        for b in range(1, self.source.count + 1):
            a = self.source.sample(b)
            ranges.append((float(a.min()), float(a.max())) if a.size else (0.0, 1.0))
        return ranges


def band_values(samplers, lons, lat):
    """(fields, cells) values of every sampler's bands at one band's cell centres."""
    return np.concatenate([s.sample(lons, lat) for s in samplers]) if samplers else np.empty((0, lons.size))


def sample_bands(raster_specs, west, east, lat_souths, lat_step, area_km2):
    """Worker task: ``band_values`` of a run of latitude bands (None for a band without cells), the rasters
    opened from ``raster_specs`` [(path, role, field name)] as the driver opened them."""
    samplers = [RasterSampler(RasterSource(path, role), name) for path, role, name in raster_specs]
    out = []
    for lat_s in lat_souths:
        lons, _, _, lat_c = band_cells(west, east, lat_s, lat_step, area_km2)
        out.append(band_values(samplers, lons, lat_c) if lons.size else None)
    return out


class RunningStats:
    """Count, mean, std, min, max exactly; percentiles and histogram from fixed fine bins (streaming)."""

    def __init__(self, low, high):
        pad = (high - low) * 0.05 or 1.0
        self.low, self.high = low - pad, high + pad
        self.count, self.total, self.total_sq = 0, 0.0, 0.0
        self.minimum, self.maximum = math.inf, -math.inf
        self.fine = np.zeros(_FINE_BINS, np.int64)

    def add(self, values):
        v = values[np.isfinite(values)].astype(np.float64)
        if v.size == 0:
            return
        self.count += v.size
        self.total += v.sum()
        self.total_sq += np.square(v).sum()
        self.minimum, self.maximum = min(self.minimum, v.min()), max(self.maximum, v.max())
        idx = np.clip(((v - self.low) / (self.high - self.low) * _FINE_BINS).astype(np.int64), 0, _FINE_BINS - 1)
        self.fine += np.bincount(idx, minlength=_FINE_BINS)

    def summary(self):
        if self.count == 0:
            return {"count": 0}
        mean = self.total / self.count
        std = math.sqrt(max(self.total_sq / self.count - mean ** 2, 0.0))
        edges = np.linspace(self.low, self.high, _FINE_BINS + 1)
        cum = np.cumsum(self.fine) / self.count
        pct = {f"p{p:g}".replace('.', '_'): float(np.clip(np.interp(p / 100, cum, edges[1:]),
                                                             self.minimum, self.maximum))
               for p in PERCENTILES}
        hist_edges = np.linspace(self.minimum, self.maximum, HISTOGRAM_BINS + 1)
        centres = (edges[:-1] + edges[1:]) / 2
        hist, _ = np.histogram(np.clip(centres, self.minimum, self.maximum), hist_edges, weights=self.fine)
        return {"count": int(self.count), "mean": mean, "std": std, "min": float(self.minimum),
                "max": float(self.maximum), **pct,
                "histogram": json.dumps({"edges": [round(float(e), 6) for e in hist_edges],
                                         "counts": [int(c) for c in hist]})}


class ZoneIndex:
    """Zone polygons (lon/lat WKT) rasterised on a fine grid over the extent, for fast cell lookups."""

    def __init__(self, zones, extent, resolution_deg):
        self.names = [name for name, _ in zones]
        west, south, east, north = extent
        self.res = resolution_deg
        self.west, self.north = west, north
        self.nx = max(1, int(math.ceil((east - west) / resolution_deg)))
        self.ny = max(1, int(math.ceil((north - south) / resolution_deg)))
        if self.nx * self.ny > 200_000_000:
            raise LunarInputError(tr("ZONES: the extent is too large for the zone grid; choose a coarser LAT_STEP"))
        mem = gdal.GetDriverByName("MEM").Create("", self.nx, self.ny, 1, gdal.GDT_UInt16)
        mem.SetGeoTransform((west, resolution_deg, 0, north, 0, -resolution_deg))
        vector = memory_vector_source("zones")
        moon = osr.SpatialReference()
        moon.SetFromUserInput("IAU_2015:30100")
        layer = vector.CreateLayer("zones", srs=moon, geom_type=ogr.wkbMultiPolygon)
        layer.CreateField(ogr.FieldDefn("zone_id", ogr.OFTInteger))
        for i, (_, wkt) in enumerate(zones, start=1):
            feature = ogr.Feature(layer.GetLayerDefn())
            geometry = ogr.CreateGeometryFromWkt(wkt)
            if geometry is None:
                raise LunarInputError(tr("ZONES: polygon {n} is not a valid geometry").format(n=i))
            feature.SetGeometry(geometry)
            feature.SetField("zone_id", i)
            layer.CreateFeature(feature)
        gdal.RasterizeLayer(mem, [1], layer, options=["ATTRIBUTE=zone_id"])
        self.grid = mem.ReadAsArray()

    def lookup(self, lons, lat):
        cols = np.clip(((lons - self.west) / self.res).astype(np.int64), 0, self.nx - 1)
        row = int(np.clip((self.north - lat) / self.res, 0, self.ny - 1))
        return self.grid[row, cols]


def sample_equal_area(samplers, extent, lat_step=0.15, area_km2=2.25, zones=None, on_batch=None,
                      batch_size=100_000, feedback=None, scheduler=""):
    """Sample rasters at equal-area cell centres over ``extent`` = (west, south, east, north) degrees.

    samplers: RasterSampler list. zones: optional list of (name, WKT polygon in lon/lat).
    on_batch(batch) receives dicts of arrays: lon, lat, dlon, lat_south, area_km2, zone (names) and
    one array per sampler field. Returns statistics rows: dicts with zone, variable and the summary.
    ``scheduler``: '' in-process, else a Dask SCHEDULER spec: the rasters are sampled on the workers (they must
    see the rasters' paths); zones, statistics and batches stay here, in band order.
    """
    west, south, east, north = extent
    if not east > west:
        raise LunarInputError(tr("EXTENT: east ({east}) must be greater than west ({west})").format(
            east=east, west=west))
    edges = band_edges(south, north, lat_step)
    fields = [f for s in samplers for f in s.field_names]
    ranges = [r for s in samplers for r in s.value_range()]
    zone_index = ZoneIndex(zones, extent, lat_step / 2) if zones else None
    zone_names = ["all"] + (zone_index.names if zone_index else [])
    stats = {(z, f): RunningStats(*r) for z in zone_names for f, r in zip(fields, ranges)}
    cell_area = RunningStats(area_km2 * 0.9, area_km2 * 1.1)
    progress = Progress(feedback, len(edges))
    pending, pending_n = [], 0

    def flush():
        nonlocal pending, pending_n
        if pending and on_batch is not None:
            on_batch({key: np.concatenate([p[key] for p in pending]) for key in pending[0]})
        pending, pending_n = [], 0

    remote = None   # on a cluster: the values of every band, in order
    if parse_scheduler(scheduler)[0] != "inprocess" and samplers:
        remote = sampled_bands(scheduler, samplers, edges, west, east, lat_step, area_km2)
    try:
        for i, lat_s in enumerate(edges):
            progress.step(i)
            lons, dlon, area, lat_c = band_cells(west, east, lat_s, lat_step, area_km2)
            values = next(remote) if remote is not None else None
            if lons.size == 0:
                continue
            if values is None:
                values = band_values(samplers, lons, lat_c)
            zone_ids = zone_index.lookup(lons, lat_c) if zone_index else np.zeros(lons.size, np.int64)
            cell_area.add(np.full(lons.size, area))
            for k, field in enumerate(fields):
                stats[("all", field)].add(values[k])
                for z in np.unique(zone_ids[zone_ids > 0]):
                    stats[(zone_names[z], field)].add(values[k][zone_ids == z])
            batch = {"lon": lons, "lat": np.full(lons.size, lat_c), "dlon": np.full(lons.size, dlon),
                     "lat_south": np.full(lons.size, lat_s),
                     "lat_step": np.full(lons.size, min(lat_step, 90 - lat_s)), "area_km2": np.full(lons.size, area),
                     "zone": (np.array(zone_names, dtype=object)[zone_ids] if zone_index
                              else np.full(lons.size, "", object))}
            batch.update({field: values[k] for k, field in enumerate(fields)})
            pending.append(batch)
            pending_n += lons.size
            if pending_n >= batch_size:
                flush()
    finally:
        if remote is not None:
            remote.close()   # after a cancel or an error: cancels the tasks still pending, closes the client
    flush()
    progress.step(len(edges))
    rows = [{"zone": z, "variable": f, **stats[(z, f)].summary()} for z in zone_names for f in fields]
    rows.append({"zone": "all", "variable": "cell_area_km2", **cell_area.summary()})
    return rows


# ------------------------------------------------------------------------------------ on a Dask cluster
#: Equal-area cells per sampling task, at least (whole latitude bands).
CELLS_PER_TASK = 1 << 18


def sampled_bands(scheduler, samplers, edges, west, east, lat_step, area_km2):
    """Generator: ``sampling.band_values`` of every latitude band of ``edges`` in order (None for a band without
    cells), sampled on the cluster in runs of whole bands of at least CELLS_PER_TASK cells, a few runs ahead.
    The client is connected (and the workers checked) before this returns; closing the generator closes it."""
    runs, cells = [[]], 0
    for lat_s in edges:
        if cells >= CELLS_PER_TASK:
            runs.append([])
            cells = 0
        runs[-1].append(float(lat_s))
        cells += band_cells(west, east, lat_s, lat_step, area_km2)[0].size
    specs = [(s.source.path, s.source.role, s.name) for s in samplers]

    def values():
        with dask_client(scheduler) as client:
            check_workers(client, [path for path, _, _ in specs])
            yield None   # connected: the caller's first next() returns here
            window = 2 * max(1, len(client.scheduler_info()["workers"]))
            calls = [(sample_bands, (specs, west, east, run, lat_step, area_km2)) for run in runs]
            with closing(ordered_results(client, calls, window)) as results:   # cancelled before the client closes
                for values_of_run in results:
                    yield from values_of_run

    stream = values()
    next(stream)
    return stream
