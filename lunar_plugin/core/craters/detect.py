"""Multi-scale crater detection on a DEM or image raster with the CenterNet-style ``network.CraterNet``.

A ``Detector`` holds one model (``model_io.load``) and its card's settings; ``Detector.detect`` cuts the raster
into the tiles of ``tiles`` (image pyramid, overlapping tiles keeping their cores), runs the network on each,
and merges the detections of all tiles and levels by non-maximum suppression on circles in km on the lunar
sphere (``suppression``, region by region as the tiles go down the raster). It returns ``schema.Crater``
records.

Diameters are measured on the ground: the network gives the radius in pixels along x and along y, the
end points centre +- radius are converted to lon/lat (the raster CRS's own geographic base) and their
great-circle distances from the centre give the two radii in km. A geographic raster's x stretch by
1/cos(lat), or any projection's scale, is so accounted for.

On a Dask cluster (``raw_on_cluster``) the tiles run in chunks on the workers, with the same ``tile_raw``, and
come back in order to the same region-by-region merge here. The network runs in ONNX Runtime or torch (the
bundle's engine: ``model_io.load_for``); onnxruntime, torch and Dask are imported inside functions only.
"""
import math
import uuid
from contextlib import closing

import numpy as np

from ..cluster import check_workers, dask_client, ordered_results, parse_scheduler
from ..errors import LunarInputError
from ..feedback import Progress, info
from ..messages import tr
from ..raster import RasterGeo, RasterSource
from . import model_io, suppression
from .tiles import STRIDE, Level, Pyramid, RasterWindow, TilePlan, level_plan, normalise_tile

OUTPUT_STRIDE = 2


class Detector:
    """A crater detector loaded once: the bundle, its typed card, and its network on ``device`` (auto, cpu,
    cuda: core.device), built on the first tile (never on this machine when the tiles run on a cluster).

    The engine is the bundle's: one from ``model_io.load_for(path, 'onnxruntime')`` holds its ONNX network under
    "onnx" and runs in ONNX Runtime (no torch imported); a torch bundle (``model_io.load``) runs in torch."""

    def __init__(self, bundle, device="auto"):
        self.bundle = bundle
        self.card = model_io.card(bundle)
        if self.card.input not in model_io.INPUT_KINDS:
            raise LunarInputError(tr("the crater model takes '{input}' input: expected one of {kinds}").format(
                input=self.card.input, kinds=", ".join(model_io.INPUT_KINDS)))
        self.device = device
        self.engine = "onnxruntime" if bundle.get("onnx") is not None else "torch"
        self._model = None

    @property
    def model(self):
        if self._model is None:
            onnx = self.bundle.get("onnx")
            if onnx is not None:
                self._model = onnx if str(onnx.device) == str(self.device) else onnx.with_device(self.device)
                self._model.session   # made now: a wrong DEVICE fails before the first tile
            else:
                import torch
                from ..device import resolve_device
                model = model_io.network(self.bundle, fuse=True)
                self._model = model.to(resolve_device(self.device)).to(memory_format=torch.channels_last)
        return self._model

    def detect(self, source, min_diameter_km, max_diameter_km, confidence=0.5, tile_size=None, overlap=None, band=1,
               feedback=None, nms_dist_frac=None, nms_max_ratio=None, levels=None, scheduler=""):
        """Craters of ``min_diameter_km``..``max_diameter_km`` on band ``band`` of a DEM or image RasterSource
        (the kind the model card's "input" names), as [Crater] sorted by decreasing confidence. Holds them all:
        a global mosaic's craters go through ``detect_regions``.

        ``levels``: run only these pyramid levels (each keeping every size it finds) -- for benchmarks.
        ``scheduler``: '' in-process, else a Dask SCHEDULER spec: the tiles run in chunks on the workers
        (``raw_on_cluster``) and their raw detections are merged here by the same suppression.
        ``tile_size``, ``overlap``, ``nms_*``: None takes the model card's.
        """
        run = self._prepare(source, min_diameter_km, max_diameter_km, confidence, tile_size, overlap, band, feedback,
                            nms_dist_frac, nms_max_ratio, levels, scheduler)
        kept = np.concatenate(list(self._kept_regions(*run)))
        return suppression.craters(kept[suppression.by_confidence(kept)])

    def detect_regions(self, source, min_diameter_km, max_diameter_km, confidence=0.5, tile_size=None, overlap=None,
                       band=1, feedback=None, nms_dist_frac=None, nms_max_ratio=None, levels=None, scheduler=""):
        """The craters of ``detect`` region by region from the raster's top row down, each region's most confident
        first: a generator of [Crater] lists that holds about one tile row of raw detections at a time
        (suppression.RegionMerger), whatever the raster's size. The arguments are checked before it returns."""
        return self._as_craters(self._kept_regions(*self._prepare(
            source, min_diameter_km, max_diameter_km, confidence, tile_size, overlap, band, feedback, nms_dist_frac,
            nms_max_ratio, levels, scheduler)))

    @staticmethod
    def _as_craters(regions):
        with closing(regions):   # closed early (a cancel, a failed write): the cluster's tasks are cancelled
            for kept in regions:
                yield suppression.craters(kept)

    def _prepare(self, source, min_diameter_km, max_diameter_km, confidence, tile_size, overlap, band, feedback,
                 nms_dist_frac, nms_max_ratio, levels, scheduler):
        """The arguments checked and the tile plan made: the arguments of ``_kept_regions``."""
        card = self.card
        tile_size = card.tile_size if tile_size is None else tile_size
        overlap = card.overlap if overlap is None else overlap
        geo = RasterGeo(source)
        band = source.check_band(band, tr("the DEM"))
        if not (0 < float(min_diameter_km) < float(max_diameter_km)):
            raise LunarInputError(tr("crater diameters: need 0 < minimum ({minimum} km) < maximum ({maximum} "
                                     "km)").format(minimum=min_diameter_km, maximum=max_diameter_km))
        if not 0.0 <= float(overlap) < 0.95:
            raise LunarInputError(tr("tile overlap {overlap} must be in [0, 0.95)").format(overlap=overlap))
        if not 0.0 < float(confidence) <= 1.0:
            raise LunarInputError(tr("confidence threshold {confidence} must be in (0, 1]").format(
                confidence=confidence))
        tile = int(tile_size) // STRIDE * STRIDE
        if tile < 64:
            raise LunarInputError(tr("tile size {tile_size} is too small: use at least 64 pixels").format(
                tile_size=tile_size))
        d_range = float(min_diameter_km), float(max_diameter_km)
        plan, _ = level_plan(geo, card.keep_px, *d_range)
        if levels is not None:
            plan = [Level(int(k), 0.0, float("inf")) for k in levels]
        tiles = TilePlan(source, geo.wrap, plan, tile, overlap)
        info(feedback, tr("pyramid levels {levels} (level k: 2^k source pixels per pixel), {count} tiles of {tile} px, "
                          "overlap {overlap:.0%}").format(
            levels=", ".join(str(k) for k in tiles.used_levels()) or tr("none"), count=tiles.count, tile=tile,
            overlap=float(overlap)))
        merger = suppression.RegionMerger(nms_dist_frac if nms_dist_frac is not None else card.nms_dist_frac,
                                          nms_max_ratio if nms_max_ratio is not None else card.nms_max_ratio,
                                          suppression.row_km(geo))
        return source, band, geo, tiles, merger, float(confidence), d_range, feedback, scheduler

    def _kept_regions(self, source, band, geo, tiles, merger, confidence, d_range, feedback, scheduler):
        """Generator: the kept craters (RAW) of each region as it finishes, the last one at the end."""
        if parse_scheduler(scheduler)[0] != "inprocess":
            rows = raw_on_cluster(scheduler, source, band, self.bundle, tiles, confidence, self.device, feedback)
        else:
            rows = self._raw_rows(source, band, geo, tiles, confidence, feedback)
        removed = [0, 0]   # craters below / above the diameter range
        with closing(rows):   # a cancel or an error stops the cluster's tasks
            for first_row, raw in rows:
                if merger.due():
                    yield self._in_range(merger.close(first_row), *d_range, removed)
                merger.add(raw)
        yield self._in_range(merger.close(), *d_range, removed)
        info(feedback, tr("suppression: {added} raw detections, at most {peak} held at once").format(
            added=merger.added, peak=merger.peak))
        if any(removed):   # say what the size filter took: a minimum meant for another model removed 96% once
            info(feedback, tr("diameter range {lo:g}-{hi:g} km: {below} craters below it and {above} above it left "
                              "out").format(lo=d_range[0], hi=d_range[1], below=removed[0], above=removed[1]))

    @staticmethod
    def _in_range(kept, d_lo, d_hi, removed):
        """The craters within [d_lo, d_hi] km; ``removed`` counts those below and above."""
        below, above = kept["diameter_km"] < d_lo, kept["diameter_km"] > d_hi
        removed[0] += int(below.sum())
        removed[1] += int(above.sum())
        return kept[~below & ~above]

    def _raw_rows(self, source, band, geo, tiles, confidence, feedback):
        """Generator of (first source row of the tile, its raw detections) for every tile, in-process, in the
        order of ``tiles.rows()``."""
        progress = Progress(feedback, tiles.count)
        pyramid = Pyramid(source, band, wrap=geo.wrap, feedback=feedback)
        done = 0
        for row in tiles.rows():
            for job in row.jobs:
                progress.step(done)
                yield row.first_row, self.tile_raw(pyramid, geo, job, confidence)
                done += 1
        progress.step(done)

    def tile_raw(self, pyramid, geo, job, confidence):
        """Raw detections (suppression.RAW, before suppression) of one TileJob: the same code in-process and on
        a worker."""
        source = pyramid.source
        f = 1 << job.level
        x0, _, cx0, cx1 = job.x
        y0, _, cy0, cy1 = job.y
        nothing = np.zeros(0, suppression.RAW)
        x, valid = normalise_tile(pyramid.read(job.level, x0, y0, job.x.size, job.y.size),
                                  self.card.highpass_sigma_px)
        if x is None:
            return nothing
        rows, cols, vals, rx, ry, ox, oy = peaks(run_network(self.model, x), confidence)
        if not rows.size:
            return nothing
        lx = (cols + ox) * OUTPUT_STRIDE   # continuous tile pixel coords
        ly = (rows + oy) * OUTPUT_STRIDE
        gx, gy = lx + x0, ly + y0
        vx = np.clip(lx.astype(int), 0, valid.shape[1] - 1)
        vy = np.clip(ly.astype(int), 0, valid.shape[0] - 1)
        core = (gx >= cx0) & (gx < cx1) & (gy >= cy0) & (gy < cy1) & valid[vy, vx]
        dpx = 2.0 * np.sqrt(rx * ry)
        core &= (dpx >= job.keep_lo) & (dpx < job.keep_hi)
        if not core.any():
            return nothing
        gx, gy, rx, ry, vals = gx[core], gy[core], rx[core], ry[core], vals[core]
        if geo.wrap:
            gx = gx % job.wl
        col0, row0 = gx * f, gy * f
        inside = (col0 < source.xsize) & (row0 < source.ysize)
        col0, row0, rx, ry, vals = col0[inside], row0[inside], rx[inside] * f, ry[inside] * f, vals[inside]
        lon, lat, rkx, rky = geo.radii_km(col0, row0, rx, ry)
        dkm = np.asarray(rkx + rky, float)
        ok = np.isfinite(dkm)
        return suppression.raw_detections(lon[ok], lat[ok], dkm[ok], np.asarray(vals, float)[ok], job.level,
                                          row0[ok], job.index)


# ------------------------------------------------------------------------------------ on a Dask cluster
#: Tiles of one pyramid level and one tile row per detection chunk, at most.
TILES_PER_CHUNK = 16
#: Detection chunks submitted ahead per worker: enough to keep every worker busy while the driver takes the
#: results in order, few enough that it holds only these chunks' raw detections.
CHUNKS_AHEAD = 4
_detectors = {}   # (run token, device) -> Detector, per worker process


def detection_chunks(tile_plan, tiles=TILES_PER_CHUNK):
    """Generator of (first source row, [TileJob]): runs of at most ``tiles`` tiles of one tile row of one level,
    in the order of ``tile_plan.rows()``. A chunk reads the level rows its tiles span, overlap included."""
    for row in tile_plan.rows():
        for start in range(0, len(row.jobs), tiles):
            yield row.first_row, row.jobs[start:start + tiles]


def detect_chunk(path, role, band, bundle, token, jobs, confidence, device, window=None):
    """Worker task: the raw detections (suppression.RAW) of one chunk of tiles, by ``Detector.tile_raw`` as
    in-process; ``window``: the RasterWindow the tiles were planned on (an extent), None for the whole raster."""
    key = (token, str(device))
    if key not in _detectors:
        _detectors.clear()
        _detectors[key] = Detector(bundle, device)
    source = RasterSource(path, role)
    if window is not None:
        source = RasterWindow(source, window)
    geo = RasterGeo(source)
    level, y0, h = jobs[0].level, jobs[0].y.start, jobs[0].y.size
    pyramid = Pyramid(source, band, wrap=geo.wrap, rows={level: (y0, y0 + h)})
    raw = np.concatenate([_detectors[key].tile_raw(pyramid, geo, job, confidence) for job in jobs])
    source.close()
    return raw


def raw_on_cluster(scheduler, source, band, bundle, tile_plan, confidence, device="auto", feedback=None,
                   progress_range=(0.0, 100.0)):
    """Generator of (first source row, raw detections) for every chunk of tiles of ``tile_plan``, computed on the
    cluster a few chunks per worker ahead and given in the order of ``tile_plan.rows()``, as in-process; the
    driver holds the results of those few chunks only. Closing it cancels what is still pending."""
    progress = Progress(feedback, tile_plan.count, *progress_range)
    with dask_client(scheduler) as client:
        check_workers(client, [source.path])
        shared = client.scatter(bundle, broadcast=True, hash=False)
        token = uuid.uuid4().hex
        window = CHUNKS_AHEAD * max(1, len(client.scheduler_info()["workers"]))
        pixels = source.window if isinstance(source, RasterWindow) else None   # an extent: the same window there
        calls = ((detect_chunk, (source.path, source.role, band, shared, token, jobs, confidence, device, pixels))
                 for _, jobs in detection_chunks(tile_plan))
        done = 0
        with closing(ordered_results(client, calls, window, on_wait=lambda: progress.step(done))) as results:
            for (first_row, jobs), raw in zip(detection_chunks(tile_plan), results):   # the results come in order
                done += len(jobs)
                progress.step(done)
                yield first_row, raw


# -------------------------------------------------------------------------------------- the network
def run_network(model, x):
    """Raw network output (5, H/2, W/2), a float32 numpy array, for one normalised tile (H, W): heat logits, log
    radii (x, y) in input pixels, centre offset logits (x, y). ``model``: an engine.OnnxModel (ONNX Runtime) or a
    torch CraterNet (the tile goes to its device, CPU or CUDA)."""
    x = np.ascontiguousarray(x, dtype=np.float32)[None, None]
    if hasattr(model, "session"):
        return model.run({"tile": x})[0][0]
    import torch
    device = next(model.parameters()).device
    with torch.no_grad():
        t = torch.from_numpy(x).to(device)
        return model(t.contiguous(memory_format=torch.channels_last))[0].cpu().numpy()


def peaks(out, threshold, window=3):
    """Local maxima of the heat map at or above ``threshold`` (probability): a cell at least as high as every
    cell of the ``window`` x ``window`` square around it (as a max-pool with -inf padding), looked at only where
    the heat passes the threshold (a few hundred cells of a tile's 262 144).

    Returns rows, cols (output cells), confidence, rx, ry (input pixels), offset x, y (cells).
    """
    heat = out[0]
    logit = math.log(threshold / (1.0 - threshold)) if threshold < 1.0 else float("inf")
    r, c = np.nonzero(heat >= np.float32(logit))
    if r.size:
        h, w = heat.shape
        v0 = heat[r, c]
        keep = np.ones(r.size, bool)
        half = window // 2
        for dy in range(-half, half + 1):
            rr = np.clip(r + dy, 0, h - 1)   # a clipped neighbour is the cell itself or one inside: as -inf padding
            for dx in range(-half, half + 1):
                if dy or dx:
                    keep &= v0 >= heat[rr, np.clip(c + dx, 0, w - 1)]
        r, c = r[keep], c[keep]
    v = out[:, r, c].astype(np.float32)
    with np.errstate(over="ignore"):
        conf = 1.0 / (1.0 + np.exp(-v[0]))
        radii = np.exp(np.clip(v[1:3], -3.0, 6.0))
        offs = 1.0 / (1.0 + np.exp(-v[3:5]))
    return r, c, conf, radii[0], radii[1], offs[0], offs[1]


__all__ = ["Detector", "peaks", "run_network", "OUTPUT_STRIDE", "detection_chunks", "detect_chunk", "raw_on_cluster"]
