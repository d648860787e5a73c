"""Training data for the crater detector: CenterNet targets, scenes, random crops, synthetic scenes, and the
labelled region of a raster for fine-tuning.

A scene is a dict: "dem" (2-D float array, NaN = nodata, at the pixel scale the network will see; "normalised":
True when it is already a ``normalise_tile`` output), "craters" ((N, 4) array: x, y, rx, ry in pixels of that
array; x, y continuous with 0 at the left/top edge), optional "box" (x0, y0, x1, y1: crops lie inside it) and
"weight" (sampling weight). ``scenes_from_raster`` builds them for pyramid levels of a raster; ``synthetic_scene``
draws a simple crater field (pre-training). numpy/scipy/GDAL only.
"""
import math
import uuid

import numpy as np
from osgeo import gdal
from scipy import ndimage

from ..errors import LunarInputError
from ..messages import tr
from ..raster import RasterGeo, RasterSource, all_nodata_check
from .tiles import Pyramid, normalise_tile, tile_starts


# ------------------------------------------------------------------------------------------ targets
def make_targets(h, w, craters, lo_px, hi_px, stride=2):
    """CenterNet targets for one (h, w) crop at the network's output resolution (h/stride, w/stride).

    craters: (N, 4) x, y, rx, ry in input pixels (x, y continuous, 0 = left/top edge). Craters whose
    diameter 2*sqrt(rx*ry) is in [lo_px, hi_px] are positives (Gaussian heat peak; size and offset
    targets at the centre cell, size also at its neighbours); smaller and larger ones are ignored near
    their centres (the loss neither rewards nor punishes a peak there).
    Returns heat (H, W), size (2, H, W) log radii in input px, size_w (H, W), offset (2, H, W),
    offset_w (H, W), weight (H, W).
    """
    H, W = h // stride, w // stride
    heat = np.zeros((H, W), np.float32)
    size = np.zeros((2, H, W), np.float32)
    size_w = np.zeros((H, W), np.float32)
    offset = np.zeros((2, H, W), np.float32)
    offset_w = np.zeros((H, W), np.float32)
    weight = np.ones((H, W), np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    for x, y, rx, ry in np.asarray(craters, float).reshape(-1, 4):
        d = 2.0 * math.sqrt(rx * ry)
        fx, fy = x / stride, y / stride
        cx, cy = int(math.floor(fx)), int(math.floor(fy))
        if d < lo_px or d > hi_px:
            rad = 1.0 if d < lo_px else max(1.5, 0.3 * d / 2.0 / stride)
            r0 = int(math.ceil(rad))
            ys0, ys1 = max(cy - r0, 0), min(cy + r0 + 1, H)
            xs0, xs1 = max(cx - r0, 0), min(cx + r0 + 1, W)
            if ys1 > ys0 and xs1 > xs0:
                sub = (xx[ys0:ys1, xs0:xs1] - cx) ** 2 + (yy[ys0:ys1, xs0:xs1] - cy) ** 2 <= rad * rad
                weight[ys0:ys1, xs0:xs1][sub] = 0.0
            continue
        sig = min(max(0.7, 0.12 * d / 2.0 / stride), 3.0)
        r0 = int(math.ceil(3 * sig))
        ys0, ys1 = max(cy - r0, 0), min(cy + r0 + 1, H)
        xs0, xs1 = max(cx - r0, 0), min(cx + r0 + 1, W)
        if ys1 <= ys0 or xs1 <= xs0:
            continue
        g = np.exp(-((xx[ys0:ys1, xs0:xs1] - cx) ** 2 + (yy[ys0:ys1, xs0:xs1] - cy) ** 2) / (2 * sig * sig))
        heat[ys0:ys1, xs0:xs1] = np.maximum(heat[ys0:ys1, xs0:xs1], g.astype(np.float32))
        if not (0 <= cx < W and 0 <= cy < H):
            continue
        heat[cy, cx] = 1.0
        offset[0, cy, cx], offset[1, cy, cx] = fx - cx, fy - cy
        offset_w[cy, cx] = 1.0
        for yy0 in range(max(cy - 1, 0), min(cy + 2, H)):
            for xx0 in range(max(cx - 1, 0), min(cx + 2, W)):
                if size_w[yy0, xx0] >= 1.0:
                    continue
                size[0, yy0, xx0] = math.log(rx)
                size[1, yy0, xx0] = math.log(ry)
                size_w[yy0, xx0] = 1.0 if (yy0 == cy and xx0 == cx) else 0.5
    return heat, size, size_w, offset, offset_w, weight


# ---------------------------------------------------------------------------------------- synthetic
def _fractal(h, w, rng, beta=3.2):
    """Power-law (1/f^beta spectrum) rough terrain, unit std, via FFT."""
    ky = np.fft.fftfreq(h)[:, None]
    kx = np.fft.rfftfreq(w)[None, :]
    k = np.sqrt(kx * kx + ky * ky)
    k[0, 0] = 1.0 / max(h, w)
    spec = (rng.standard_normal(k.shape) + 1j * rng.standard_normal(k.shape)) * k ** (-beta / 2.0)
    z = np.fft.irfft2(spec, s=(h, w)).astype(np.float32)
    return z / (z.std() + 1e-6)


def synthetic_scene(size, rng, n_craters=None, d_range=(3.0, 90.0), stretch_prob=0.6):
    """A synthetic DEM (size x size) of rough terrain with bowl/complex craters, and its craters.

    Returns (dem float32, craters (N, 4): x, y, rx, ry in pixels). Craters are stretched along x by
    1/cos(lat) for a random lat (as on a geographic raster) with probability ``stretch_prob``.
    """
    h = w = int(size)
    dem = _fractal(h, w, rng) * rng.uniform(0.1, 0.6)
    n = int(n_craters if n_craters is not None else rng.integers(20, 120))
    a = 1.8  # cumulative size-frequency slope
    u = rng.uniform(size=n)
    lo, hi = d_range
    ds = (lo ** -a - u * (lo ** -a - hi ** -a)) ** (-1.0 / a)
    rng.shuffle(ds)
    out = []
    yy, xx = np.mgrid[0:h, 0:w]
    for d in ds:
        r = d / 2.0
        s = 1.0 / math.cos(math.radians(rng.uniform(0, 68))) if rng.uniform() < stretch_prob else 1.0
        rx, ry = r * s, r
        cx, cy = rng.uniform(-0.3 * rx, w + 0.3 * rx), rng.uniform(-0.3 * ry, h + 0.3 * ry)
        ext = 3.0
        x0, x1 = int(max(cx - ext * rx, 0)), int(min(cx + ext * rx + 1, w))
        y0, y1 = int(max(cy - ext * ry, 0)), int(min(cy + ext * ry + 1, h))
        if x1 <= x0 or y1 <= y0:
            continue
        px, py = xx[y0:y1, x0:x1] + 0.5 - cx, yy[y0:y1, x0:x1] + 0.5 - cy
        theta = np.arctan2(py, px)
        wob = 1.0 + rng.uniform(0, 0.08) * np.sin(rng.integers(2, 6) * theta + rng.uniform(0, 6.3))
        rho = np.sqrt((px / rx) ** 2 + (py / ry) ** 2) / wob
        depth = rng.uniform(0.3, 1.5) * (r / 8.0) ** 0.6   # in units of the background roughness
        rim = depth * rng.uniform(0.1, 0.4)
        power = rng.uniform(2.0, 6.0) if d > 15 else rng.uniform(1.6, 2.5)
        inside = rho < 1.0
        prof = np.where(inside, -depth + (depth + rim) * rho ** power, rim * np.maximum(rho, 1.0) ** -3.0)
        if d > 25 and rng.uniform() < 0.5:   # central peak
            prof += depth * rng.uniform(0.1, 0.4) * np.exp(-(rho / 0.15) ** 2)
        if rng.uniform() < 0.6 and d > 6:    # degradation
            prof = ndimage.uniform_filter(prof, int(rng.uniform(0.0, 0.3) * r) | 1)
        patch = dem[y0:y1, x0:x1]
        fill = np.clip(1.0 - rho, 0, 1) ** 0.5 * rng.uniform(0.3, 0.9)
        base = patch.mean()
        dem[y0:y1, x0:x1] = patch * (1 - fill) + base * fill + prof
        out.append((cx, cy, rx, ry))
    return dem.astype(np.float32), np.array(out, float).reshape(-1, 4)


# ------------------------------------------------------------------------------------------- scenes
def craters_to_pixels(geo, lon, lat, d_km, level=0):
    """(N, 4) x, y, rx, ry in level pixels of a raster (RasterGeo) for craters given in lon/lat/km."""
    lon, lat, d = (np.asarray(v, float).ravel() for v in (lon, lat, d_km))
    X, Y = geo.xy_from_lonlat(lon, lat)
    col, row = geo.pixel(X, Y)
    kx, ky = geo.km_per_px(col, row)
    f = float(1 << level)
    r = d / 2.0
    return np.c_[col / f, row / f, r / kx / f, r / ky / f]


def scenes_from_raster(source, lon, lat, d_km, levels=(0, 1, 2), lon_ranges=((-180.0, 0.0),),
                       band=1, tile=512, sigma=32.0, lat_limit=80.0, buffer_deg=2.0):
    """Training scenes: normalised inference tiles of each pyramid level, cut to longitude ranges.

    lon/lat/d_km: the catalogue (all of it: craters outside a range still shape the targets near its edge).
    lon_ranges: [(lon_min, lon_max)] kept for crops, shrunk by ``buffer_deg``. Returns a list of scenes.
    """
    all_nodata_check(source, [band])   # else "no training scenes" would hide the cause
    geo = RasterGeo(source)
    pyramid = Pyramid(source, band, wrap=geo.wrap)
    scenes = []
    for level in levels:
        f = 1 << level
        wl, hl = pyramid.size(level)
        cr = craters_to_pixels(geo, lon, lat, d_km, level)
        ok = np.isfinite(cr).all(axis=1)
        cr = cr[ok]
        for (x0, w, _, _) in tile_starts(wl, tile, 0.5, wrap=geo.wrap):
            for (y0, h, _, _) in tile_starts(hl, tile, 0.5):
                x, valid = normalise_tile(pyramid.read(level, x0, y0, w, h), sigma)
                if x is None:
                    continue
                cols = (np.arange(w) + x0 + 0.5) * f
                rows = (np.arange(h) + y0 + 0.5) * f
                lons, _ = geo.lonlat(*geo.crs_xy(cols % source.xsize, np.full(w, source.ysize / 2.0)))
                _, lats = geo.lonlat(*geo.crs_xy(np.full(h, source.xsize / 2.0), rows))
                for lo0, lo1 in lon_ranges:
                    cok = (lons >= lo0 + buffer_deg) & (lons < lo1 - buffer_deg)
                    rok = (np.abs(lats) <= lat_limit) & (rows < source.ysize)
                    if cok.sum() < 32 or rok.sum() < 32:
                        continue
                    cidx, ridx = np.flatnonzero(cok), np.flatnonzero(rok)
                    if (np.diff(cidx) != 1).any():   # a range split by the tile seam: take the larger run
                        runs = np.split(cidx, np.flatnonzero(np.diff(cidx) != 1) + 1)
                        cidx = max(runs, key=len)
                    box = (int(cidx[0]), int(ridx[0]), int(cidx[-1]) + 1, int(ridx[-1]) + 1)
                    # crater coordinates relative to the tile, wrapped to the nearest copy
                    cx = cr[:, 0] - x0
                    if geo.wrap:
                        cx = (cx + wl / 2.0) % wl - wl / 2.0
                        cx = np.where(cx < -wl / 4.0, cx + wl, cx)
                    local = np.c_[cx, cr[:, 1] - y0, cr[:, 2], cr[:, 3]]
                    scenes.append({"dem": x, "normalised": True, "craters": local, "box": box,
                                   "level": level, "weight": 1.0})
    return scenes


def random_crop(scene, crop, rng, zoom_range, sigma):
    """A normalised crop (crop x crop), its craters and its loss mask (1 inside the scene's box).

    Random zoom and flips. The crop may reach outside the box (context), but the loss there is masked.
    """
    dem = scene["dem"]
    if not scene.get("normalised"):
        dem, _ = normalise_tile(dem, sigma)
        if dem is None:
            dem = np.zeros(scene["dem"].shape, np.float32)
    H, W = dem.shape
    x0b, y0b, x1b, y1b = scene.get("box") or (0, 0, W, H)
    z = math.exp(rng.uniform(math.log(zoom_range[0]), math.log(zoom_range[1])))
    src = min(int(math.ceil(crop / z)), H, W)
    z = crop / src
    lo_x, hi_x = max(0, int(x0b - src // 2)), min(W - src, int(x1b - src // 2))
    lo_y, hi_y = max(0, int(y0b - src // 2)), min(H - src, int(y1b - src // 2))
    sx = int(rng.integers(lo_x, hi_x + 1)) if hi_x >= lo_x else max(0, min(W - src, x0b))
    sy = int(rng.integers(lo_y, hi_y + 1)) if hi_y >= lo_y else max(0, min(H - src, y0b))
    a = dem[sy:sy + src, sx:sx + src]
    mask = np.zeros((src, src), np.float32)
    mask[max(y0b - sy, 0):max(min(y1b - sy, src), 0), max(x0b - sx, 0):max(min(x1b - sx, src), 0)] = 1.0
    if abs(z - 1.0) > 1e-3:
        a = ndimage.zoom(a, z, order=1)[:crop, :crop]
        mask = ndimage.zoom(mask, z, order=0)[:crop, :crop]
        if a.shape != (crop, crop):
            pad = ((0, crop - a.shape[0]), (0, crop - a.shape[1]))
            a, mask = np.pad(a, pad), np.pad(mask, pad)
    cr = np.array(scene["craters"], float).reshape(-1, 4).copy()
    cr[:, 0] = (cr[:, 0] - sx) * z
    cr[:, 1] = (cr[:, 1] - sy) * z
    cr[:, 2:] *= z
    if rng.uniform() < 0.5:
        a, mask = a[:, ::-1], mask[:, ::-1]
        cr[:, 0] = crop - cr[:, 0]
    if rng.uniform() < 0.5:
        a, mask = a[::-1, :], mask[::-1, :]
        cr[:, 1] = crop - cr[:, 1]
    if len(cr):
        m = cr[:, 2:].max(axis=1)
        cr = cr[(cr[:, 0] > -m) & (cr[:, 0] < crop + m) & (cr[:, 1] > -m) & (cr[:, 1] < crop + m)]
    return np.ascontiguousarray(a, dtype=np.float32), cr, np.ascontiguousarray(mask)


def labelled_region(source, lon, lat, d_km, margin=1.0):
    """A RasterSource on the part of ``source`` that holds the labelled craters (+ ``margin`` diameters).

    Fine-tuning on a few labelled craters must not see the scene's unlabelled craters as background: train
    (and score) on the region the user labelled, where every crater of interest is expected to be marked.
    Returns (RasterSource on an in-memory VRT, its /vsimem path); gdal.Unlink the path when done.
    """
    geo = RasterGeo(source)
    x, y = geo.xy_from_lonlat(np.asarray(lon, float), np.asarray(lat, float))
    col, row = geo.pixel(x, y)
    km_x, km_y = geo.km_per_px(col, row)
    reach_x = (0.5 + margin) * np.asarray(d_km) / km_x
    reach_y = (0.5 + margin) * np.asarray(d_km) / km_y
    x0 = int(max(0, np.floor(np.nanmin(col - reach_x))))
    y0 = int(max(0, np.floor(np.nanmin(row - reach_y))))
    x1 = int(min(source.xsize, np.ceil(np.nanmax(col + reach_x))))
    y1 = int(min(source.ysize, np.ceil(np.nanmax(row + reach_y))))
    if x1 - x0 < 32 or y1 - y0 < 32:
        raise LunarInputError(tr("the labelled craters cover less than 32 x 32 pixels of the raster"))
    path = f"/vsimem/lunar_labelled_{uuid.uuid4().hex}.vrt"
    gdal.Translate(path, source.ds, format="VRT", srcWin=[x0, y0, x1 - x0, y1 - y0])
    return RasterSource(path, source.role + " (labelled region)"), path


__all__ = ["make_targets", "synthetic_scene", "craters_to_pixels", "scenes_from_raster", "random_crop",
           "labelled_region"]
