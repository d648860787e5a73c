"""Multi-scale crater detection on a DEM raster with the CenterNet-style ``network.CraterNet``.

An image pyramid (2x2 mean per level) lets one network, trained for craters of a few to ~50 pixels,
find craters from a few pixels up to most of a tile. Each level is cut into tiles with ``overlap``; a tile
keeps the detections centred in its core (the part no neighbour covers better); detections from all
tiles and levels are merged by non-maximum suppression on circles in km on the lunar sphere.

Diameters are measured on the ground: the network gives the radius in pixels along x and along y, the
end points centre +- radius are converted to lon/lat (the raster CRS's own geographic base) and their
great-circle distances from the centre give the two radii in km. A geographic raster's x stretch by
1/cos(lat), or any projection's scale, is so accounted for.

torch is imported inside functions only.
"""
import math

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from ..errors import Cancelled, LunarInputError
from ..feedback import Progress, ensure, info
from ..moon import MOON_RADIUS_KM, great_circle_km, xyz_km
from ..raster import RasterGeo

#: Format tag of crater detector bundles (see training.save_bundle).
FORMAT = "lunar-lab-crater-detector"
STRIDE = 32   # tiles are multiples of the network stride (network.STRIDE)
OUTPUT_STRIDE = 2
#: Pyramid levels of at most this many pixels (64 MB) are built once in memory (see Pyramid).
LEVEL_MEMORY_PX = 1 << 24
#: Source pixels read at once while building a level.
STRIP_PX = 1 << 22
#: Input kinds a model card may name: an elevation raster or an optical image (both normalised per tile).
INPUT_KINDS = ("dem", "image")


# ------------------------------------------------------------------------------------- image pieces
def read_level(source, band, level, x0, y0, w, h, wrap=False):
    """Level ``level`` pixels [x0, x0+w) x [y0, y0+h) of a band (2x2 mean per level), NaN outside/nodata."""
    f = 1 << level
    X0, Y0, W, H = x0 * f, y0 * f, w * f, h * f
    out = np.full((H, W), np.nan, dtype=np.float32)
    ry0, ry1 = max(Y0, 0), min(Y0 + H, source.ysize)
    if ry1 > ry0:
        if wrap:
            cols = np.arange(X0, X0 + W) % source.xsize
            # contiguous runs of source columns
            breaks = np.flatnonzero(np.diff(cols) != 1) + 1
            for run in np.split(np.arange(W), breaks):
                c0 = cols[run[0]]
                block = source.read([band], (int(c0), ry0, len(run), ry1 - ry0))[0]
                out[ry0 - Y0:ry1 - Y0, run[0]:run[-1] + 1] = block
        else:
            rx0, rx1 = max(X0, 0), min(X0 + W, source.xsize)
            if rx1 > rx0:
                out[ry0 - Y0:ry1 - Y0, rx0 - X0:rx1 - X0] = source.read([band], (rx0, ry0, rx1 - rx0, ry1 - ry0))[0]
    if f > 1:
        out = downsample(out, f)
    return out


class Pyramid:
    """Pixels of one band at any pyramid level: f x f block means (f = 2**level), NaN outside or nodata.

    A level of at most LEVEL_MEMORY_PX pixels is built once, from strips of whole blocks, so a big mosaic is
    read once per level and a high level never allocates its full-resolution footprint (a 512-px tile of
    level 5 covers 16384 x 16384 source pixels). Larger, lower levels are read tile by tile through
    ``read_level``, whose windows are then small. Both give the same block means.
    """

    def __init__(self, source, band, wrap=False, feedback=None, rows=None):
        self.source, self.band, self.wrap = source, band, wrap
        self.feedback = ensure(feedback)
        self.levels = {}   # level -> (first row held, pixels)
        #: {level: (first, end)}: the level rows a cluster chunk needs; only the strips holding them are built.
        self.rows = rows or {}

    def size(self, level):
        f = 1 << level
        return int(math.ceil(self.source.xsize / f)), int(math.ceil(self.source.ysize / f))

    def read(self, level, x0, y0, w, h):
        """Level pixels [x0, x0+w) x [y0, y0+h); columns wrap around a global raster."""
        wl, hl = self.size(level)
        if level == 0 or wl * hl > LEVEL_MEMORY_PX:
            return read_level(self.source, self.band, level, x0, y0, w, h, wrap=self.wrap)
        if level not in self.levels:
            self.levels[level] = self._build(level)
        top, img = self.levels[level]
        out = np.full((h, w), np.nan, dtype=np.float32)
        ry0, ry1 = max(y0, 0), min(y0 + h, hl)
        if ry1 > ry0:
            cols = np.arange(x0, x0 + w)
            if self.wrap:
                cols %= wl
            inside = (cols >= 0) & (cols < wl)
            out[ry0 - y0:ry1 - y0, inside] = img[ry0 - top:ry1 - top][:, cols[inside]]
        return out

    def _build(self, level):
        f = 1 << level
        wl, hl = self.size(level)
        rows = max(1, STRIP_PX // (f * f * wl))
        first, end = self.rows.get(level, (0, hl))
        # strips on the same grid as a whole-level build, so a chunk's pixels are the in-process ones exactly
        starts = range(max(0, first) // rows * rows, min(end, hl), rows)
        top = starts[0] if len(starts) else 0
        img = np.empty((min(starts[-1] + rows, hl) - top if len(starts) else 0, wl), dtype=np.float32)
        for r0 in starts:
            if self.feedback.isCanceled():
                raise Cancelled("cancelled by the user")
            n = min(rows, hl - r0)
            img[r0 - top:r0 - top + n] = read_level(self.source, self.band, level, 0, r0, wl, n)
        return top, img


def downsample(a, f):
    """NaN-aware f x f block mean (shape must be a multiple of f)."""
    h, w = a.shape[0] // f, a.shape[1] // f
    blocks = a[:h * f, :w * f].reshape(h, f, w, f)
    ok = np.isfinite(blocks)
    total = np.where(ok, blocks, 0.0).sum(axis=(1, 3), dtype=np.float64)
    n = ok.sum(axis=(1, 3))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, total / np.maximum(n, 1), np.nan).astype(np.float32)


def local_mean(a, sigma):
    """Gaussian-like blur of width ``sigma`` (pixels): three passes of a box filter (O(1) per pixel)."""
    w = int(round(math.sqrt(4.0 * sigma * sigma + 1.0))) | 1
    out = np.asarray(a, dtype=np.float32)
    for axis in (0, 1):
        for _ in range(3):
            out = ndimage.uniform_filter1d(out, w, axis=axis, mode="reflect")
    return out


def normalise_tile(a, sigma=32.0):
    """High-pass a DEM tile (minus a local mean of width ``sigma``, nodata-aware) and divide by its std.

    Returns (float32 array with nodata set to 0, valid mask). All-nodata tiles give (None, mask).
    """
    a = np.asarray(a, dtype=np.float32)
    valid = np.isfinite(a)
    if not valid.any():
        return None, valid
    filled = np.where(valid, a, 0.0).astype(np.float32)
    mean_all = float(filled[valid].mean())
    if sigma and sigma > 0:
        if valid.all():
            local = local_mean(filled - mean_all, sigma) + mean_all
        else:
            num = local_mean(np.where(valid, filled - mean_all, 0.0), sigma)
            den = local_mean(valid.astype(np.float32), sigma)
            local = np.where(den > 1e-3, num / np.maximum(den, 1e-3), 0.0) + mean_all
        hp = np.where(valid, a - local, 0.0)
    else:
        hp = np.where(valid, a - mean_all, 0.0)
    std = float(hp[valid].std())
    x = hp / (std + 1e-6) if std > 0 else hp
    return np.clip(x, -8.0, 8.0).astype(np.float32), valid


def tile_starts(length, tile, overlap, wrap=False):
    """[(start, size, core_lo, core_hi)] covering 0..length along one axis (level pixels)."""
    stride = max(STRIDE, int(round(tile * (1.0 - overlap)) // STRIDE * STRIDE))
    margin = (tile - stride) // 2
    if wrap and length > tile:
        n = int(math.ceil(length / stride))
        return [(i * stride - margin, tile, i * stride, (i + 1) * stride) for i in range(n)]
    if length <= tile:
        size = int(math.ceil(length / STRIDE) * STRIDE)
        return [(0, size, 0, length)]
    out, p = [], 0
    while True:
        p = min(p, length - tile)
        lo = p + margin if p > 0 else 0
        hi = p + tile - margin if p + tile < length else length
        out.append((p, tile, lo, hi))
        if p + tile >= length:
            break
        p += stride
    return out


# -------------------------------------------------------------------------------------- the model
def load_model(bundle, device="cpu"):
    """(torch model in eval mode on ``device``, card) from a bundle dict or a path (training.load_bundle)."""
    from .training import load_bundle, model_from_bundle
    if not isinstance(bundle, dict):
        bundle = load_bundle(bundle)
    import torch
    model = model_from_bundle(bundle, fuse=True).to(device).to(memory_format=torch.channels_last)
    return model, bundle["card"]


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


def level_plan(geo, card, min_d_km, max_d_km):
    """[(level, keep_lo_px, keep_hi_px)]: pyramid levels and the diameter range (level px) each keeps."""
    lo, hi = card.get("keep_px", [16.0, 40.0])
    _, ky = geo.km_per_px(np.array([geo.xsize / 2.0]), np.array([geo.ysize / 2.0]))
    px_km = float(ky[0])
    if not np.isfinite(px_km) or px_km <= 0:
        raise LunarInputError("cannot measure the pixel size of the raster in km (check its CRS)")
    top = max(0, int(math.ceil(math.log2(max(max_d_km, 1e-9) / (hi * px_km)))))
    bottom = max(0, int(math.floor(math.log2(max(min_d_km, 1e-9) / (lo * px_km)))) + 0)
    bottom = min(bottom, top)
    plan = []
    for k in range(bottom, top + 1):
        plan.append((k, 0.0 if k == bottom else lo, hi if k < top else float("inf")))
    return plan, px_km


# --------------------------------------------------------------------------------------------- NMS
def nms_circles(dets, dist_frac=0.5, max_ratio=1.6):
    """Merge detections of one crater: keep the most confident of any pair whose centres are less than
    ``dist_frac * min(r)`` km apart (great circle) and whose radii differ by less than ``max_ratio``.

    ``dets``: list of dicts with lon, lat, diameter_km, confidence. Returns the kept dicts.
    """
    if not dets:
        return []
    lon = np.array([d["lon"] for d in dets], float)
    lat = np.array([d["lat"] for d in dets], float)
    r = np.array([d["diameter_km"] for d in dets], float) / 2.0
    conf = np.array([d["confidence"] for d in dets], float)
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


# ---------------------------------------------------------------------------------------- detection
def detection_jobs(source, geo, plan, tile, overlap):
    """Every tile of every pyramid level: [(level, keep_lo, keep_hi, wl, hl, (x0, w, cx0, cx1), (y0, h, cy0, cy1))].
    Tiles overlap; each keeps the detections centred in its core (cx0..cx1, cy0..cy1), so every place of a level
    belongs to exactly one tile whichever machine runs it."""
    jobs = []
    for level, keep_lo, keep_hi in plan:
        f = 1 << level
        wl, hl = int(math.ceil(source.xsize / f)), int(math.ceil(source.ysize / f))
        if level > plan[0][0] and max(wl, hl) < max(2.0 * keep_lo, 8):
            continue   # the whole level is smaller than two of the smallest craters it would keep
        xs = tile_starts(wl, tile, overlap, wrap=geo.wrap)
        ys = tile_starts(hl, tile, overlap, wrap=False)
        for ty in ys:
            for tx in xs:
                jobs.append((level, keep_lo, keep_hi, wl, hl, tx, ty))
    return jobs


def tile_detections(model, pyramid, geo, job, sigma, confidence):
    """Raw detections (dicts, before suppression) of one tile job: the same code in-process and on a worker."""
    source = pyramid.source
    level, keep_lo, keep_hi, wl, hl, (x0, w, cx0, cx1), (y0, h, cy0, cy1) = job
    f = 1 << level
    x, valid = normalise_tile(pyramid.read(level, x0, y0, w, h), sigma)
    if x is None:
        return []
    rows, cols, vals, rx, ry, ox, oy = peaks(run_network(model, x), confidence)
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
    X, Y = geo.crs_xy(col0, row0)
    raw = []
    for i in range(len(vals)):
        dkm = float(rkx[i] + rky[i])
        if not np.isfinite(dkm):
            continue
        raw.append({"lon": float(lon[i]), "lat": float(lat[i]), "diameter_km": dkm,
                    "confidence": float(vals[i]), "level": int(level), "x": float(X[i]), "y": float(Y[i]),
                    "radius_crs": float(rx[i] * abs(geo.gt[1]))})
    return raw


def detect_craters(source, bundle, min_diameter_km, max_diameter_km, confidence=0.5, tile_size=None,
                   overlap=None, band=1, feedback=None, nms_dist_frac=None, nms_max_ratio=None, levels=None,
                   scheduler="", device="auto"):
    """Detect craters of ``min_diameter_km``..``max_diameter_km`` on band ``band`` of a DEM or image RasterSource
    (the kind the model card's "input" names; both go through ``normalise_tile``, offset and gain invariant).

    ``bundle``: a detector bundle (dict from training.load_bundle) or the path of a .pt file.
    Returns a list of dicts: lon, lat (degrees, lon in -180..180), diameter_km, confidence (0..1),
    level (pyramid level it came from), x, y (centre in the raster CRS), radius_crs (radius along x in
    CRS units, for information), sorted by decreasing confidence.
    ``levels``: run only these pyramid levels (each keeping every size it finds) -- for benchmarks.
    ``scheduler``: '' in-process, else a Dask SCHEDULER spec: the tiles run in chunks on the workers
    (core.cluster.detect_on_cluster) and their raw detections are merged here by the same suppression.
    ``device``: auto, cpu or cuda (core.device).
    ``tile_size``, ``overlap``: None takes the model card's "tile_size" / "overlap" (default 512 and 0.5).
    """
    from ..cluster import parse_scheduler
    from ..device import resolve_device
    if not isinstance(bundle, dict):
        from .training import load_bundle
        bundle = load_bundle(bundle)
    tile_size = int(bundle["card"].get("tile_size", 512)) if tile_size is None else tile_size
    overlap = float(bundle["card"].get("overlap", 0.5)) if overlap is None else overlap
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
    model, card = load_model(bundle, "cpu" if on_cluster else resolve_device(device))
    if card.get("input", "dem") not in INPUT_KINDS:
        raise LunarInputError(f"the crater model takes '{card.get('input')}' input: expected one of "
                              f"{', '.join(INPUT_KINDS)}")
    sigma = float(card.get("highpass_sigma_px", 32.0))
    dist_frac = float(nms_dist_frac if nms_dist_frac is not None else card.get("nms_dist_frac", 0.5))
    max_ratio = float(nms_max_ratio if nms_max_ratio is not None else card.get("nms_max_ratio", 1.6))
    plan, _ = level_plan(geo, card, float(min_diameter_km), float(max_diameter_km))
    if levels is not None:
        plan = [(int(k), 0.0, float("inf")) for k in levels]
    jobs = detection_jobs(source, geo, plan, tile, overlap)
    used = sorted({job[0] for job in jobs})
    info(feedback,
         f"pyramid levels {', '.join(str(k) for k in used) or 'none'} (level k: 2^k source pixels per pixel), "
         f"{len(jobs)} tiles of {tile} px, overlap {float(overlap):.0%}")
    if on_cluster:
        from ..cluster import detect_on_cluster
        raw = detect_on_cluster(scheduler, source, band, bundle, jobs, sigma, float(confidence), device,
                                feedback, progress_range=(0.0, 99.0))
        progress = Progress(feedback, 1, 99.0, 100.0)
    else:
        progress = Progress(feedback, len(jobs) + 1)
        pyramid = Pyramid(source, band, wrap=geo.wrap, feedback=feedback)
        raw = []
        for n, job in enumerate(jobs):
            progress.step(n)
            raw.extend(tile_detections(model, pyramid, geo, job, sigma, float(confidence)))
    merged = nms_circles(raw, dist_frac, max_ratio)
    out = [d for d in merged if float(min_diameter_km) <= d["diameter_km"] <= float(max_diameter_km)]
    progress.step(progress.total)
    return sorted(out, key=lambda d: -d["confidence"])


__all__ = ["INPUT_KINDS", "detect_craters", "detection_jobs", "tile_detections", "nms_circles", "normalise_tile", "read_level",
           "Pyramid", "RasterGeo", "FORMAT", "load_model", "level_plan", "tile_starts", "downsample"]
