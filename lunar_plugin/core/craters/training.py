"""Training, saving and loading of crater detector bundles; synthetic crater scenes for pre-training.

A bundle is a plain dict: {"format": "lunar-lab-crater-detector", "version": 1, "card": {...},
"config": {...}, "state_dict": {name: tensor}} written with torch.save and read with
torch.load(weights_only=True). Transfer learning: ``train(..., base_bundle=b)`` starts from the weights
of ``b`` (e.g. a model pre-trained on synthetic scenes) instead of random ones.

Training samples come from ``scenes``: dicts with "dem" (2-D float array, NaN = nodata, at the pixel
scale the network will see), "craters" ((N, 4) array: x, y, rx, ry in pixels of that array; x, y
continuous with 0 at the left/top edge) and optional "box" (x0, y0, x1, y1: crops lie inside it)
and "weight" (sampling weight). ``scenes_from_raster`` builds them for pyramid levels of a raster.
"""
import json
import math
import os
import uuid

import numpy as np
from osgeo import gdal
from scipy import ndimage

from ..errors import LunarInputError
from ..model_files import load_checked, save_atomic, write_json_atomic
from ..feedback import Progress
from ..raster import RasterGeo, RasterSource
from .detect import FORMAT, Pyramid, normalise_tile, tile_starts

VERSION = 1
DEFAULT_SETTINGS = {
    "crop": 192, "batch": 8, "lr": 2e-3, "steps_per_epoch": 50, "train_px": [4.0, 60.0],
    "zoom": [0.7, 1.45], "synthetic_fraction": 0.0, "highpass_sigma_px": 32.0, "tile": 512,
    "weight_decay": 1e-4,
}


# ------------------------------------------------------------------------------------------ bundles
def new_bundle(config=None, card=None):
    from .network import build
    model = build(config)
    return {"format": FORMAT, "version": VERSION, "card": dict(card or {}), "config": dict(model.config),
            "state_dict": {k: v.detach().clone() for k, v in model.state_dict().items()}}


def model_from_bundle(bundle, fuse=False):
    """The CraterNet of a bundle, in eval mode (``fuse``: BatchNorm folded, for inference only)."""
    from .network import build
    try:
        model = build(bundle.get("config"))
        model.load_state_dict(bundle["state_dict"])
    except (KeyError, RuntimeError, TypeError, ValueError) as err:
        raise LunarInputError(f"crater model: the weights do not fit the network ({err})") from None
    model.eval()
    return model.fuse() if fuse else model


def save_bundle(bundle, path, card_path=None):
    """torch.save the bundle to ``path`` and write its card as JSON beside it (path with .json)."""
    path = str(path)
    plain = {"format": FORMAT, "version": int(bundle.get("version", VERSION)),
             "card": json.loads(json.dumps(bundle.get("card", {}))),
             "config": json.loads(json.dumps(bundle.get("config", {}))),
             "state_dict": {k: v.detach().cpu().clone() for k, v in bundle["state_dict"].items()}}
    save_atomic(plain, path)
    card_path = card_path or os.path.splitext(path)[0] + ".json"
    write_json_atomic(plain["card"], card_path)
    return path


def load_bundle(path):
    """Load a bundle saved by ``save_bundle``; a missing, corrupt or foreign file raises LunarInputError."""
    path = str(path)
    obj = load_checked(path, FORMAT, "crater detector", max_version=VERSION)
    if not isinstance(obj.get("state_dict"), dict) or not isinstance(obj.get("card"), dict):
        raise LunarInputError(f"crater model '{path}' lacks its weights or model card")
    model_from_bundle(obj)  # check the weights fit
    return obj


def card_threshold(bundle):
    """The confidence threshold the model's training chose (best F1 on its training split)."""
    card = bundle.get("card", {})
    return float(card.get("confidence_threshold", card.get("metrics", {}).get("threshold", 0.3)))


def fine_tune_settings(base_bundle):
    """Settings for fine-tuning ``base_bundle``: an image model's own last training settings (positives from its
    labels' cut, e.g. 8 px for NAC, not DEFAULT_SETTINGS' 4 px) at a quarter of their learning rate, as it starts
    from fitted weights; None (DEFAULT_SETTINGS) for a DEM model, whose defaults were tuned for it."""
    card = (base_bundle or {}).get("card", {})
    history = card.get("training_history") or []
    if card.get("input") != "image" or not history:
        return None
    settings = {k: v for k, v in history[-1].get("settings", {}).items()
                if k in DEFAULT_SETTINGS and k != "steps_per_epoch"}
    settings["lr"] = float(settings.get("lr", DEFAULT_SETTINGS["lr"])) / 4.0
    return settings


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
    geo = RasterGeo(source)
    pyramid = Pyramid(source, band, wrap=geo.wrap)
    scenes = []
    for level in levels:
        f = 1 << level
        wl, hl = int(math.ceil(source.xsize / f)), int(math.ceil(source.ysize / f))
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


def _crop(scene, crop, rng, zoom_range, sigma):
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


def _focal(logits, target, weight):
    import torch
    import torch.nn.functional as F
    p = torch.sigmoid(logits).clamp(1e-4, 1 - 1e-4)
    pos = (target >= 0.999).float()
    neg = 1.0 - pos
    lp = -F.logsigmoid(logits) * (1 - p) ** 2 * pos
    ln = -F.logsigmoid(-logits) * p ** 2 * (1 - target) ** 4 * neg
    n = pos.sum().clamp(min=1.0)
    return ((lp + ln) * weight).sum() / n


def train(scenes, base_bundle=None, epochs=10, seed=0, feedback=None, synthetic_fraction=None,
          settings=None, card=None, log=None, time_limit_s=None):
    """Train (or fine-tune ``base_bundle``) a crater detector on ``scenes``; returns a new bundle.

    scenes: see the module doc (may be empty when synthetic_fraction is 1). synthetic_fraction: share of
    each batch drawn from ``synthetic_scene``. settings override DEFAULT_SETTINGS. ``log(str)`` gets
    progress lines; ``time_limit_s`` stops early (the bundle says how many steps ran).
    """
    import time
    import torch
    cfg = dict(DEFAULT_SETTINGS, **(settings or {}))
    if synthetic_fraction is not None:
        cfg["synthetic_fraction"] = float(synthetic_fraction)
    if not scenes and cfg["synthetic_fraction"] < 1.0:
        raise LunarInputError("crater training: no training scenes (and synthetic_fraction < 1)")
    if int(epochs) < 1:
        raise LunarInputError(f"crater training: epochs must be >= 1, got {epochs}")
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    if base_bundle is not None:
        model = model_from_bundle(base_bundle)
        base_card = dict(base_bundle.get("card", {}))
    else:
        from .network import build
        model = build(cfg.get("network"))
        base_card = {}
    model.train()
    model = model.to(memory_format=torch.channels_last)   # 2-3x faster on CPU
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    steps = int(epochs) * int(cfg["steps_per_epoch"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.15)
    weights = np.array([s.get("weight", 1.0) for s in scenes], float) if scenes else np.zeros(0)
    weights = weights / weights.sum() if weights.size else weights
    crop, batch = int(cfg["crop"]), int(cfg["batch"])
    lo_px, hi_px = cfg["train_px"]
    progress = Progress(feedback, steps)
    t0, done, hist = time.time(), 0, []
    for step in range(steps):
        progress.step(step)
        xs, hs, ss, sws, os_, ows, ws = [], [], [], [], [], [], []
        for _ in range(batch):
            if not scenes or rng.uniform() < cfg["synthetic_fraction"]:
                a, cr = synthetic_scene(crop, rng)
                a, _ = normalise_tile(a, cfg["highpass_sigma_px"])
                mask = None
            else:
                sc = scenes[rng.choice(len(scenes), p=weights)]
                a, cr, mask = _crop(sc, crop, rng, cfg["zoom"], cfg["highpass_sigma_px"])
            t = list(make_targets(crop, crop, cr, lo_px, hi_px))
            if mask is not None:
                t[-1] = t[-1] * mask[::2, ::2]
            xs.append(a[None])
            for lst, v in zip((hs, ss, sws, os_, ows, ws), t):
                lst.append(v if v.ndim == 3 else v[None])
        x = torch.from_numpy(np.stack(xs)).contiguous(memory_format=torch.channels_last)
        th, ts, tsw, to, tow, tw = (torch.from_numpy(np.stack(v)) for v in (hs, ss, sws, os_, ows, ws))
        out = model(x)
        l_heat = _focal(out[:, 0:1], th, tw)
        l_size = ((out[:, 1:3] - ts).abs() * tsw).sum() / tsw.sum().clamp(min=1.0) / 2.0
        l_off = ((torch.sigmoid(out[:, 3:5]) - to).abs() * tow).sum() / tow.sum().clamp(min=1.0) / 2.0
        loss = l_heat + 1.0 * l_size + 0.5 * l_off
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        done = step + 1
        hist.append((float(l_heat.detach()), float(l_size.detach())))
        if log and (step % 25 == 0 or step == steps - 1):
            hh = np.mean(hist[-25:], axis=0)
            log(f"step {step + 1}/{steps} heat {hh[0]:.3f} size {hh[1]:.3f} {time.time() - t0:.0f}s")
        if time_limit_s and time.time() - t0 > time_limit_s:
            if log:
                log(f"time limit: stopped after {done} steps")
            break
    model.eval()
    out_card = dict(base_card)
    out_card.update(card or {})
    out_card.setdefault("input", "dem")
    out_card["highpass_sigma_px"] = cfg["highpass_sigma_px"]
    out_card.setdefault("keep_px", [16.0, 40.0])
    history = list(out_card.get("training_history", []))
    history.append({"steps": done, "planned_steps": steps, "seed": seed, "fine_tuned": base_bundle is not None,
                    "settings": {k: v for k, v in cfg.items() if k != "network"},
                    "final_loss": [float(v) for v in np.mean(hist[-25:], axis=0)] if hist else None,
                    "seconds": round(time.time() - t0, 1)})
    out_card["training_history"] = history
    return {"format": FORMAT, "version": VERSION, "card": out_card, "config": dict(model.config),
            "state_dict": {k: v.detach().contiguous().clone() for k, v in model.state_dict().items()}}


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
        raise LunarInputError("the labelled craters cover less than 32 x 32 pixels of the raster")
    path = f"/vsimem/lunar_labelled_{uuid.uuid4().hex}.vrt"
    gdal.Translate(path, source.ds, format="VRT", srcWin=[x0, y0, x1 - x0, y1 - y0])
    return RasterSource(path, source.role + " (labelled region)"), path


__all__ = ["train", "save_bundle", "load_bundle", "new_bundle", "model_from_bundle", "make_targets",
           "synthetic_scene", "scenes_from_raster", "labelled_region", "card_threshold", "craters_to_pixels",
           "fine_tune_settings", "DEFAULT_SETTINGS", "FORMAT"]
