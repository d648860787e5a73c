"""Multi-scale crater detection on a DEM or image raster with the CenterNet-style ``network.CraterNet``.

A ``Detector`` holds one model (``model_io.load``) and its card's settings; ``Detector.detect`` cuts the raster
into the tiles of ``tiles`` (image pyramid, overlapping tiles keeping their cores), runs the network on each,
and merges the detections of all tiles and levels by non-maximum suppression on circles in km on the lunar
sphere. It returns ``schema.Crater`` records.

Diameters are measured on the ground: the network gives the radius in pixels along x and along y, the
end points centre +- radius are converted to lon/lat (the raster CRS's own geographic base) and their
great-circle distances from the centre give the two radii in km. A geographic raster's x stretch by
1/cos(lat), or any projection's scale, is so accounted for.

torch is imported inside functions only.
"""
import math

import numpy as np
from scipy.spatial import cKDTree

from ..errors import LunarInputError
from ..feedback import Progress, info
from ..moon import MOON_RADIUS_KM, great_circle_km, xyz_km
from ..raster import RasterGeo
from . import model_io
from .schema import Crater
from .tiles import STRIDE, Level, Pyramid, level_plan, normalise_tile, tile_jobs

OUTPUT_STRIDE = 2


class Detector:
    """A crater detector loaded once: the bundle, its typed card, and its network on ``device`` (auto, cpu,
    cuda: core.device), built on the first tile (never on this machine when the tiles run on a cluster)."""

    def __init__(self, bundle, device="auto"):
        self.bundle = bundle
        self.card = model_io.card(bundle)
        if self.card.input not in model_io.INPUT_KINDS:
            raise LunarInputError(f"the crater model takes '{self.card.input}' input: expected one of "
                                  f"{', '.join(model_io.INPUT_KINDS)}")
        self.device = device
        self._model = None

    @property
    def model(self):
        if self._model is None:
            import torch
            from ..device import resolve_device
            model = model_io.network(self.bundle, fuse=True)
            self._model = model.to(resolve_device(self.device)).to(memory_format=torch.channels_last)
        return self._model

    def detect(self, source, min_diameter_km, max_diameter_km, confidence=0.5, tile_size=None, overlap=None, band=1,
               feedback=None, nms_dist_frac=None, nms_max_ratio=None, levels=None, scheduler=""):
        """Craters of ``min_diameter_km``..``max_diameter_km`` on band ``band`` of a DEM or image RasterSource
        (the kind the model card's "input" names), as [Crater] sorted by decreasing confidence.

        ``levels``: run only these pyramid levels (each keeping every size it finds) -- for benchmarks.
        ``scheduler``: '' in-process, else a Dask SCHEDULER spec: the tiles run in chunks on the workers
        (core.cluster.detect_on_cluster) and their raw detections are merged here by the same suppression.
        ``tile_size``, ``overlap``, ``nms_*``: None takes the model card's.
        """
        from ..cluster import detect_on_cluster, parse_scheduler
        card = self.card
        tile_size = card.tile_size if tile_size is None else tile_size
        overlap = card.overlap if overlap is None else overlap
        geo = RasterGeo(source)
        band = source.check_band(band, "the DEM")
        if not (0 < float(min_diameter_km) < float(max_diameter_km)):
            raise LunarInputError(f"crater diameters: need 0 < minimum ({min_diameter_km} km) < maximum "
                                  f"({max_diameter_km} km)")
        if not 0.0 <= float(overlap) < 0.95:
            raise LunarInputError(f"tile overlap {overlap} must be in [0, 0.95)")
        if not 0.0 < float(confidence) <= 1.0:
            raise LunarInputError(f"confidence threshold {confidence} must be in (0, 1]")
        tile = int(tile_size) // STRIDE * STRIDE
        if tile < 64:
            raise LunarInputError(f"tile size {tile_size} is too small: use at least 64 pixels")
        on_cluster = parse_scheduler(scheduler)[0] != "inprocess"
        dist_frac = float(nms_dist_frac if nms_dist_frac is not None else card.nms_dist_frac)
        max_ratio = float(nms_max_ratio if nms_max_ratio is not None else card.nms_max_ratio)
        plan, _ = level_plan(geo, card.keep_px, float(min_diameter_km), float(max_diameter_km))
        if levels is not None:
            plan = [Level(int(k), 0.0, float("inf")) for k in levels]
        jobs = tile_jobs(source, geo.wrap, plan, tile, overlap)
        used = sorted({job.level for job in jobs})
        info(feedback,
             f"pyramid levels {', '.join(str(k) for k in used) or 'none'} (level k: 2^k source pixels per pixel), "
             f"{len(jobs)} tiles of {tile} px, overlap {float(overlap):.0%}")
        if on_cluster:
            raw = detect_on_cluster(scheduler, source, band, self.bundle, jobs, float(confidence), self.device,
                                    feedback, progress_range=(0.0, 99.0))
            progress = Progress(feedback, 1, 99.0, 100.0)
        else:
            progress = Progress(feedback, len(jobs) + 1)
            pyramid = Pyramid(source, band, wrap=geo.wrap, feedback=feedback)
            raw = []
            for n, job in enumerate(jobs):
                progress.step(n)
                raw.extend(self.tile_craters(pyramid, geo, job, float(confidence)))
        merged = nms_circles(raw, dist_frac, max_ratio)
        out = [c for c in merged if float(min_diameter_km) <= c.diameter_km <= float(max_diameter_km)]
        progress.step(progress.total)
        return sorted(out, key=lambda c: -c.confidence)

    def tile_craters(self, pyramid, geo, job, confidence):
        """Raw detections ([Crater], before suppression) of one TileJob: the same code in-process and on a
        worker."""
        source = pyramid.source
        level, keep_lo, keep_hi, wl, hl, (x0, w, cx0, cx1), (y0, h, cy0, cy1) = job
        f = 1 << level
        x, valid = normalise_tile(pyramid.read(level, x0, y0, w, h), self.card.highpass_sigma_px)
        if x is None:
            return []
        rows, cols, vals, rx, ry, ox, oy = peaks(run_network(self.model, x), confidence)
        if not rows.size:
            return []
        lx = (cols + ox) * OUTPUT_STRIDE   # continuous tile pixel coords
        ly = (rows + oy) * OUTPUT_STRIDE
        gx, gy = lx + x0, ly + y0
        vx = np.clip(lx.astype(int), 0, valid.shape[1] - 1)
        vy = np.clip(ly.astype(int), 0, valid.shape[0] - 1)
        core = (gx >= cx0) & (gx < cx1) & (gy >= cy0) & (gy < cy1) & valid[vy, vx]
        dpx = 2.0 * np.sqrt(rx * ry)
        core &= (dpx >= keep_lo) & (dpx < keep_hi)
        if not core.any():
            return []
        gx, gy, rx, ry, vals = gx[core], gy[core], rx[core], ry[core], vals[core]
        if geo.wrap:
            gx = gx % wl
        col0, row0 = gx * f, gy * f
        inside = (col0 < source.xsize) & (row0 < source.ysize)
        col0, row0, rx, ry, vals = col0[inside], row0[inside], rx[inside] * f, ry[inside] * f, vals[inside]
        lon, lat, rkx, rky = geo.radii_km(col0, row0, rx, ry)
        raw = []
        for i in range(len(vals)):
            dkm = float(rkx[i] + rky[i])
            if not np.isfinite(dkm):
                continue
            raw.append(Crater(float(lon[i]), float(lat[i]), dkm, float(vals[i]), int(level)))
        return raw


# -------------------------------------------------------------------------------------- the network
def run_network(model, x):
    """Raw network output (5, H/2, W/2) on the CPU for one normalised tile (H, W): heat logits, log radii (x, y)
    in input pixels, centre offset logits (x, y). The tile goes to the model's device (CPU or CUDA)."""
    import torch
    device = next(model.parameters()).device
    with torch.no_grad():
        t = torch.from_numpy(np.ascontiguousarray(x))[None, None].to(device)
        return model(t.contiguous(memory_format=torch.channels_last))[0].cpu()


def peaks(out, threshold, window=3):
    """Local maxima of the heat map at or above ``threshold`` (probability).

    Returns rows, cols (output cells), confidence, rx, ry (input pixels), offset x, y (cells).
    """
    import torch
    import torch.nn.functional as F
    heat = out[0:1]
    logit = math.log(threshold / (1.0 - threshold)) if threshold < 1.0 else float("inf")
    m = F.max_pool2d(heat[None], window, stride=1, padding=window // 2)[0]
    keep = (heat == m) & (heat >= logit)
    idx = torch.nonzero(keep[0], as_tuple=False)
    r, c = idx[:, 0], idx[:, 1]
    v = out[:, r, c]
    conf = torch.sigmoid(v[0]).numpy()
    radii = torch.exp(v[1:3].clamp(-3.0, 6.0)).numpy()
    offs = torch.sigmoid(v[3:5]).numpy()
    return r.numpy(), c.numpy(), conf, radii[0], radii[1], offs[0], offs[1]


# --------------------------------------------------------------------------------------------- NMS
def nms_circles(dets, dist_frac=0.5, max_ratio=1.6):
    """Merge detections of one crater: keep the most confident of any pair whose centres are less than
    ``dist_frac * min(r)`` km apart (great circle) and whose radii differ by less than ``max_ratio``.

    ``dets``: [Crater]. Returns the kept ones, most confident first.
    """
    if not dets:
        return []
    lon = np.array([d.lon for d in dets], float)
    lat = np.array([d.lat for d in dets], float)
    r = np.array([d.diameter_km for d in dets], float) / 2.0
    conf = np.array([d.confidence for d in dets], float)
    order = np.argsort(-conf, kind="stable")
    xyz = xyz_km(lon, lat)
    tree = cKDTree(xyz)
    alive = np.ones(len(dets), bool)
    kept = []
    for i in order:
        if not alive[i]:
            continue
        kept.append(i)
        alive[i] = False
        arc = dist_frac * r[i]
        chord = 2 * MOON_RADIUS_KM * math.sin(min(arc / (2 * MOON_RADIUS_KM), math.pi / 2))
        nb = np.array(tree.query_ball_point(xyz[i], chord * 1.0001), dtype=int)
        nb = nb[alive[nb]] if nb.size else nb
        if nb.size:
            d = great_circle_km(lon[i], lat[i], lon[nb], lat[nb])
            rmin, rmax = np.minimum(r[i], r[nb]), np.maximum(r[i], r[nb])
            dup = (d < dist_frac * rmin) & (rmax < max_ratio * rmin)
            alive[nb[dup]] = False
    return [dets[i] for i in kept]


__all__ = ["Detector", "nms_circles", "peaks", "run_network", "OUTPUT_STRIDE"]
