"""A deterministic synthetic lunar scene: the plugin's embedded demo data and the tests' fixture.

``make_scene`` builds, from one seed, a DEM, an illuminated image (DOM), a 5-band Clementine-like reflectance
cube, mare/highland units with known FeO/TiO2 and the ground-truth list of craters; ``write_scene`` writes
them as GeoTIFFs (and a CSV of craters).

Physical ingredients
- Craters: cumulative size-frequency N(>D) ~ D^-2 between 6 pixels and a quarter of the scene, count scaled by
  ``crater_density``. Morphometry after Pike (1977), rim-crest-to-floor depth d and rim height h in km:
  simple (D < 15 km) d = 0.196 D^1.010, h = 0.036 D^1.014, parabolic bowl; complex d = 1.044 D^0.301,
  h = 0.236 D^0.399, flat floor of diameter 0.187 D^1.249 (Pike 1977), terraced walls, central peak for
  D > 20 km (height 0.0049 D^1.297, Hale & Grieve 1982; base 0.22 D). Ejecta blanket decaying as (r/R)^-3 out to
  3 R (McGetchin et al. 1973). Degradation (0 fresh .. 1 old; older and smaller craters more degraded) lowers d
  and h and diffuses the radial profile. Craters are added oldest first; each new cavity replaces the terrain it
  excavates (older craters are cut), and its ejecta adds onto it.
- Units: a large-scale topography field; its lows below the ``mare_fraction`` quantile are flooded by mare
  basalt (flat, smooth, lower, dark, FeO 16-20 wt%, TiO2 2-8 wt%), the rest is highland (bright, FeO 4-6,
  TiO2 < 1). Craters older than the flooding are buried where the mare is.
- Reflectance: a plausible R750 per unit (brighter around fresh craters), R950 and R415 from inverting the
  Qiu et al. 2025 equations (preset ``TRUTH_EQUATION_PRESET``, 'qiu2025') for the unit FeO/TiO2, so ``feo_true`` and
  ``tio2_true`` are exactly what the equations give back from the stored float32 reflectance. R900 and R1000
  are plausible shapes of the 1-um band only (no equation reads them).
- DOM: Lambertian shading of the DEM (slopes in metres on the 1737.4 km sphere, dx shrinking with cos(lat)),
  cast shadows at the sun angles, times an albedo from R750, plus a little noise; 0..1.

Memory: about 80 bytes per pixel at the peak (the outputs themselves are ~37 bytes per pixel); craters
are built in local windows. Time on one core: ~3 s for 1024 x 1024, ~45 s for 4096 x 4096 (crater stamping).
"""
import csv
import io
import math
import os
from dataclasses import dataclass, field

import numpy as np
from scipy import fft as sfft
from scipy import ndimage
from scipy.spatial import cKDTree

from .errors import LunarInputError
from .feedback import Progress
from .messages import tr
from .moon import KM_PER_DEGREE, MOON_GEOGRAPHIC_CRS, MOON_RADIUS_KM
from .oxides import equations
from .vector_files import memory_vector_source

#: Band names and centre wavelengths of the reflectance cube (Clementine UVVIS).
BANDS = [("R415", 415), ("R750", 750), ("R900", 900), ("R950", 950), ("R1000", 1000)]
SIMPLE_COMPLEX_KM = 15.0
CENTRAL_PEAK_KM = 20.0
EJECTA_EXTENT = 3.0           # ejecta modelled out to 3 crater radii
MARE_FLOOD_TIME = 0.6         # fraction of the crater population older than the mare flooding
MIN_DIAMETER_PX = 6.0
#: The equation preset whose inversion gives R415/R950 and so defines ``feo_true``/``tio2_true``.
TRUTH_EQUATION_PRESET = "qiu2025"

# (name, kind, FeO wt%, TiO2 wt%, R750)
MARE_UNITS = [("Low-Ti mare", "mare", 16.5, 2.5, 0.105),
              ("Intermediate-Ti mare", "mare", 18.0, 4.8, 0.095),
              ("High-Ti mare", "mare", 19.5, 7.5, 0.085)]
HIGHLAND_UNITS = [("Anorthositic highland", "highland", 4.2, 0.3, 0.22),
                  ("Noritic highland", "highland", 5.8, 0.8, 0.19)]


@dataclass
class Scene:
    dem: np.ndarray                 # float32 (h, w), metres relative to the 1737.4 km sphere
    dom: np.ndarray                 # float32 (h, w), illuminated reflectance image 0..1
    reflectance: np.ndarray         # float32 (5, h, w): R415, R750, R900, R950, R1000 (0..1)
    mare_mask: np.ndarray           # bool (h, w)
    feo_true: np.ndarray            # float32 (h, w), wt% (``equation_preset``'s equations on ``reflectance``)
    tio2_true: np.ndarray           # float32 (h, w), wt%
    unit_id: np.ndarray             # uint8 (h, w): index into ``units`` (1-based; 0 never used)
    units: list                     # dicts: id, name, kind, feo_wt, tio2_wt, r750, area_fraction
    craters: list                   # every crater whose whole rim is inside the scene (dicts, see make_scene)
    edge_craters: list              # craters cut by the scene edge (same fields)
    geotransform: tuple
    wkt: str
    width: int
    height: int
    pixel_deg: float
    pixel_m: float                  # along a meridian (dy); dx = pixel_m * cos(lat)
    seed: int
    sun_azimuth: float
    sun_elevation: float
    band_names: list = field(default_factory=lambda: [b for b, _ in BANDS])
    equation_preset: str = TRUTH_EQUATION_PRESET   # the equations that define feo_true/tio2_true

    @property
    def like(self):
        """(xsize, ysize, geotransform, wkt): the ``like`` argument of ``core.raster.AtomicRasterWriter``."""
        return self.width, self.height, self.geotransform, self.wkt


def moon_wkt():
    """WKT of the geographic Moon CRS (IAU_2015:30100)."""
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.SetFromUserInput(MOON_GEOGRAPHIC_CRS)
    return srs.ExportToWkt()


def pike_morphometry(diameter_km):
    """(kind, rim-to-floor depth km, rim height km) of a fresh lunar crater after Pike (1977)."""
    D = float(diameter_km)
    if D < SIMPLE_COMPLEX_KM:
        return "simple", 0.196 * D ** 1.010, 0.036 * D ** 1.014
    return "complex", 1.044 * D ** 0.301, 0.236 * D ** 0.399


# ---------------------------------------------------------------------------------------------------- noise

def _spectral_noise(rng, h, w, beta, cutoff=None, highpass=None):
    """Fractal (power ~ k^-beta) float32 noise of std 1; optional Gaussian low-pass ``cutoff`` and
    high-pass ``highpass`` frequencies in cycles per pixel."""
    white = rng.standard_normal((h, w), dtype=np.float32)
    spec = sfft.rfft2(white, workers=1)
    del white
    ky = sfft.fftfreq(h).astype(np.float32)[:, None]
    kx = sfft.rfftfreq(w).astype(np.float32)[None, :]
    k2 = ky * ky + kx * kx
    k2[0, 0] = 1.0
    filt = k2 ** np.float32(-beta / 4.0)
    filt[0, 0] = 0.0
    if cutoff is not None:
        filt *= np.exp(-k2 / np.float32(cutoff * cutoff))
    if highpass is not None:
        filt *= 1.0 - np.exp(-k2 / np.float32(highpass * highpass))
    del k2
    spec *= filt
    del filt
    out = sfft.irfft2(spec, s=(h, w), workers=1).astype(np.float32, copy=False)
    std = float(out.std())
    out -= np.float32(out.mean())
    if std > 0:
        out /= np.float32(std)
    return out


def _smooth_field(rng, h, w, features=3.0):
    """A smooth large-scale float32 field (std ~1) with about ``features`` blobs across the scene; built on a
    coarse grid and upsampled (cheap for large scenes)."""
    f = max(1, min(h, w) // 128)
    hc, wc = max(h // f, 8), max(w // f, 8)
    coarse = _spectral_noise(rng, hc, wc, beta=4.0, cutoff=features / min(hc, wc))
    if (hc, wc) == (h, w):
        return coarse
    return ndimage.zoom(coarse, (h / hc, w / wc), order=1, grid_mode=True, mode="grid-wrap").astype(np.float32)


def _smoothstep(x):
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


# ---------------------------------------------------------------------------------------------------- craters

_R_GRID = np.linspace(0.0, EJECTA_EXTENT, 301)
_REPLACE = 1.0 - np.clip((_R_GRID - 0.75) / 0.3, 0.0, 1.0) ** 2 * (3 - 2 * np.clip((_R_GRID - 0.75) / 0.3, 0.0, 1.0))
_SIMPLE_CACHE = {}


def _degrade(z, degradation):
    sigma = (0.04 + 0.3 * degradation) / (_R_GRID[1] - _R_GRID[0])
    return ndimage.gaussian_filter1d(z, sigma, mode="mirror")


def _simple_parts(degradation):
    """Smoothed unit profiles A (depth part) and B (rim part) of a simple crater: z = d*A + h*B (linear, so
    the diffusion of degradation commutes with the scaling and one pair serves all diameters)."""
    key = round(degradation, 2)
    if key not in _SIMPLE_CACHE:
        r = _R_GRID
        inside = r <= 1.0
        tail = EJECTA_EXTENT ** -3.0
        a = np.where(inside, r * r - 1.0, 0.0)
        b = np.where(inside, 1.0, (np.maximum(r, 1.0) ** -3.0 - tail) / (1.0 - tail))
        _SIMPLE_CACHE[key] = (_degrade(a, key), _degrade(b, key))
    return _SIMPLE_CACHE[key]


def _radial_profile(D, kind, degradation):
    """Radial profile of a crater: (elevation km on ``_R_GRID`` (radii) relative to the pre-impact surface,
    rim-to-floor depth km, rim height km)."""
    _, d0, h0 = pike_morphometry(D)
    d = d0 * (1.0 - 0.6 * degradation)
    h = h0 * (1.0 - 0.75 * degradation)
    r = _R_GRID
    if kind == "simple":
        a, b = _simple_parts(degradation)
        z = d * a + h * b
        rim = float(z[100])  # r = 1
        rim = max(rim, float(z[90:110].max()))
        return z, rim - float(z[0]), rim
    z = np.empty_like(r)
    inside = r <= 1.0
    floor = h - d
    rf = float(np.clip(0.187 * D ** 0.249, 0.25, 0.7))
    s = np.clip((r[inside] - rf) / (1.0 - rf), 0.0, 1.0)
    n_terr = 3 if D > 30 else 2
    st = s - 0.75 * np.sin(2 * np.pi * n_terr * s) / (2 * np.pi * n_terr)
    z[inside] = floor + d * st ** 1.4
    floor_r = (rf + 0.22) / 2.0
    if D > CENTRAL_PEAK_KM:
        hp = min(0.0049 * D ** 1.297, 0.45 * d) * (1.0 - 0.5 * degradation)
        z[inside] += hp * np.clip(1.0 - r[inside] / 0.22, 0.0, 1.0) ** 1.5
    out = ~inside
    tail = EJECTA_EXTENT ** -3.0
    z[out] = h * (r[out] ** -3.0 - tail) / (1.0 - tail)
    z = _degrade(z, degradation)
    rim = float(z[(r > 0.7) & (r < 1.3)].max())
    return z, rim - float(np.interp(floor_r, r, z)), rim


def _make_craters(rng, w, h, gt, pixel_km_y, scene_km_w, scene_km_h, density):
    """Draw the crater population (centres may lie outside the scene so that edges are cratered too)."""
    d_min = MIN_DIAMETER_PX * pixel_km_y
    d_max = max(min(scene_km_w, scene_km_h) / 4.0, d_min * 1.5)
    # sample centres over the scene extended by d_max/2 on each side, uniform on the sphere
    margin_deg = (d_max / 2.0) / KM_PER_DEGREE
    lat_n = min(gt[3] + margin_deg, 89.9)
    lat_s = max(gt[3] + h * gt[5] - margin_deg, -89.9)
    lat_c = gt[3] + h * gt[5] / 2.0
    lon_margin = margin_deg / max(math.cos(math.radians(min(abs(lat_c), 85.0))), 0.05)
    lon_w = gt[0] - lon_margin
    lon_e = gt[0] + w * gt[1] + lon_margin
    area_px = (lat_n - lat_s) * (lon_e - lon_w) / (gt[1] * abs(gt[5]))
    # cover ~60% of the area with crater floors (slope -2 makes the covered area ~ 2 ln(Dmax/Dmin))
    mean_area_px = (math.pi / 4.0) * MIN_DIAMETER_PX ** 2 * 2.0 * math.log(d_max / d_min)
    n = int(round(density * 0.6 * area_px / mean_area_px))
    if n <= 0:
        return []
    u = rng.random(n)
    q = (d_min / d_max) ** 2
    diam = d_min * (1.0 - u * (1.0 - q)) ** -0.5
    sin_lat = rng.uniform(math.sin(math.radians(lat_s)), math.sin(math.radians(lat_n)), n)
    lat = np.degrees(np.arcsin(sin_lat))
    lon = rng.uniform(lon_w, lon_e, n)
    age = rng.random(n)                      # 0 oldest .. 1 youngest
    jitter = rng.normal(0.0, 0.06, n)
    size_term = np.log10(diam / d_min) / max(math.log10(d_max / d_min), 1e-6)
    degradation = np.clip((1.0 - age) ** 0.8 * (1.15 - 0.45 * size_term) + jitter, 0.0, 0.95)
    irregular = rng.uniform(0.0, 2 * np.pi, (n, 2))
    order = np.argsort(age, kind="stable")
    craters = []
    for i in order:
        D = float(diam[i])
        kind, _, _ = pike_morphometry(D)
        craters.append({"lon": float(lon[i]), "lat": float(lat[i]), "diameter_km": D, "kind": kind,
                        "degradation": float(degradation[i]), "age": float(age[i]),
                        "pre_mare": bool(age[i] < MARE_FLOOD_TIME), "_phase": irregular[i]})
    return craters


def _stamp(dem, crater, gt, dx_km, pixel_km_y, fresh):
    """Add one crater to ``dem`` (metres) in a local window; record depth/rim and the pixel geometry."""
    h, w = dem.shape
    D = crater["diameter_km"]
    R = D / 2.0
    cx = (crater["lon"] - gt[0]) / gt[1]
    cy = (crater["lat"] - gt[3]) / gt[5]
    r_px_y = R / pixel_km_y
    cos_c = max(math.cos(math.radians(crater["lat"])), 1e-3)
    r_px_x = R / (pixel_km_y * cos_c)
    crater.update(x=float(cx), y=float(cy), radius_px=float(r_px_y), radius_px_x=float(r_px_x))
    ext_y = EJECTA_EXTENT * r_px_y + 1
    y0, y1 = max(int(math.floor(cy - ext_y)), 0), min(int(math.ceil(cy + ext_y)), h)
    if y0 >= y1:
        return
    lat_far = max(abs(gt[3] + y0 * gt[5]), abs(gt[3] + y1 * gt[5]))
    cos_far = max(math.cos(math.radians(min(lat_far, 89.9))), 1e-3)
    ext_x = EJECTA_EXTENT * R / (pixel_km_y * cos_far) + 1
    x0, x1 = max(int(math.floor(cx - ext_x)), 0), min(int(math.ceil(cx + ext_x)), w)
    if x0 >= x1:
        return
    rows = np.arange(y0, y1, dtype=np.float32) + np.float32(0.5)
    cols = np.arange(x0, x1, dtype=np.float32) + np.float32(0.5)
    ddy = ((rows - np.float32(cy)) * np.float32(pixel_km_y))[:, None]
    ddx = (cols - np.float32(cx))[None, :] * dx_km[y0:y1, None]
    r2 = ddx * ddx + ddy * ddy
    rr = np.sqrt(r2) / np.float32(R)
    # slight non-circularity: radius modulated by cos(2 theta + phase), from dx, dy without trigonometry
    ph = crater["_phase"]
    r2 += np.float32(1e-12)
    cos2 = (ddx * ddx - ddy * ddy) / r2
    sin2 = (2.0 * ddx) * ddy / r2
    mod = np.float32(0.03 * math.cos(ph[0])) * cos2 - np.float32(0.03 * math.sin(ph[0])) * sin2
    rr *= np.float32(1.0) + mod
    near = rr < EJECTA_EXTENT
    if not near.any():
        return
    prof, depth_km, rim_km = _radial_profile(D, crater["kind"], crater["degradation"])
    crater["depth_km"] = float(depth_km)
    crater["rim_height_km"] = float(rim_km)
    win = dem[y0:y1, x0:x1]
    ann = (rr >= 1.0) & (rr < 1.6)
    ref = float(win[ann].mean()) if ann.any() else float(win[near].mean())
    # linear interpolation in the radial tables (float32, one index for both tables)
    pos = np.minimum(rr, np.float32(EJECTA_EXTENT)) * np.float32((_R_GRID.size - 1) / EJECTA_EXTENT)
    i = np.minimum(pos.astype(np.int32), _R_GRID.size - 2)
    t = pos - i
    z_tab = (prof * 1000.0).astype(np.float32)
    c_tab = _REPLACE.astype(np.float32)
    z = z_tab[i] + t * (z_tab[i + 1] - z_tab[i])
    c = c_tab[i] + t * (c_tab[i + 1] - c_tab[i])
    win += c * (np.float32(ref) - win) + z
    if fresh is not None and crater["degradation"] < 0.35:
        strength = (0.35 - crater["degradation"]) / 0.35 * 0.45
        b = np.where(rr < 1.0, 1.0, np.clip(rr, 1.0, None) ** -2.5 - EJECTA_EXTENT ** -2.5).astype(np.float32)
        np.maximum(fresh[y0:y1, x0:x1], np.float32(strength) * b, out=fresh[y0:y1, x0:x1])


def _obliterated(craters):
    """Indices of craters whose whole rim lies inside a younger, larger crater's cavity."""
    if len(craters) < 2:
        return set()
    lat = np.radians([c["lat"] for c in craters])
    lon = np.radians([c["lon"] for c in craters])
    xyz = MOON_RADIUS_KM * np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    radius = np.array([c["diameter_km"] / 2.0 for c in craters])
    tree = cKDTree(xyz)
    r_min = radius.min()
    gone = set()
    for j in np.argsort(-radius):
        reach = 0.9 * radius[j] - r_min
        if reach <= 0:
            break
        for i in tree.query_ball_point(xyz[j], reach):
            if i < j and np.linalg.norm(xyz[i] - xyz[j]) + radius[i] <= 0.9 * radius[j]:
                gone.add(i)
    return gone


# ---------------------------------------------------------------------------------------------------- shading

def _cast_shadows(dem, dx_m, dy_m, azimuth, elevation):
    """Boolean mask of pixels in cast shadow for a sun at (azimuth clockwise from north, elevation) degrees."""
    az, el = math.radians(azimuth), math.radians(elevation)
    tan_el = math.tan(el)
    sa, ca = math.sin(az), math.cos(az)
    h, w = dem.shape
    shadow = np.zeros((h, w), dtype=bool)
    if abs(sa) >= abs(ca):
        # march along columns away from the sun; rows shift by cos(az) * s / dy per step
        cols = range(w) if sa < 0 else range(w - 1, -1, -1)
        s = dx_m / abs(sa)                                 # (h,) ground step along the ray
        shift = ca * s / dy_m                              # rows per step (row index grows southward)
        drop = (s * tan_el).astype(np.float32)
        idx = np.arange(h, dtype=np.float64)
        horizon = None
        for c in cols:
            zc = dem[:, c]
            if horizon is None:
                horizon = zc.copy()
                continue
            prev = np.interp(idx - shift, idx, horizon, left=-np.inf, right=-np.inf).astype(np.float32) - drop
            shadow[:, c] = zc < prev - 0.01
            horizon = np.maximum(zc, prev)
    else:
        rows = range(h) if ca > 0 else range(h - 1, -1, -1)
        s = dy_m / abs(ca)
        drop = np.float32(s * tan_el)
        idx = np.arange(w, dtype=np.float64)
        horizon = None
        for r_ in rows:
            zr = dem[r_]
            if horizon is None:
                horizon = zr.copy()
                continue
            shift = -sa * s / dx_m[r_]                     # columns per step (away from the sun)
            prev = np.interp(idx - shift, idx, horizon, left=-np.inf, right=-np.inf).astype(np.float32) - drop
            shadow[r_] = zr < prev - 0.01
            horizon = np.maximum(zr, prev)
    return shadow


def _illumination(dem, dx_m, dy_m, azimuth, elevation):
    """cos(incidence) of the sun on the DEM (0 where facing away or in cast shadow), float32."""
    az, el = math.radians(azimuth), math.radians(elevation)
    gy, gx = np.gradient(dem)
    gx /= dx_m[:, None].astype(np.float32)                # dz/d(east)
    gy /= np.float32(-dy_m)                                # dz/d(north): rows grow southward
    lx, ly, lz = math.sin(az) * math.cos(el), math.cos(az) * math.cos(el), math.sin(el)
    cos_i = (np.float32(lz) - np.float32(lx) * gx - np.float32(ly) * gy)
    cos_i /= np.sqrt(np.float32(1.0) + gx * gx + gy * gy)
    del gx, gy
    np.maximum(cos_i, 0.0, out=cos_i)
    cos_i[_cast_shadows(dem, dx_m, dy_m, azimuth, elevation)] = 0.0
    return cos_i


# ---------------------------------------------------------------------------------------------------- scene

def _check(width, height, centre_lon, centre_lat, pixel_deg, pixel_m, crater_density, mare_fraction,
           sun_azimuth, sun_elevation):
    if int(width) != width or int(height) != height or width < 16 or height < 16:
        raise LunarInputError(tr("synthetic scene: width and height must be whole numbers >= 16 "
                                 "(got {width} x {height})").format(width=width, height=height))
    if width * height > 16384 * 16384:
        raise LunarInputError(tr("synthetic scene: {width} x {height} pixels is too large (at most 16384^2)").format(
            width=width, height=height))
    if pixel_deg is None:
        if not (pixel_m is not None and np.isfinite(pixel_m) and pixel_m > 0):
            raise LunarInputError(tr("synthetic scene: pixel size must be > 0 m (got {size})").format(size=pixel_m))
        pixel_deg = float(pixel_m) / (KM_PER_DEGREE * 1000.0)
    elif not (np.isfinite(pixel_deg) and pixel_deg > 0):
        raise LunarInputError(tr("synthetic scene: pixel size must be > 0 degrees (got {size})").format(
            size=pixel_deg))
    pixel_deg = float(pixel_deg)
    half_h = height * pixel_deg / 2.0
    if not -90.0 <= centre_lat - half_h or not centre_lat + half_h <= 90.0:
        raise LunarInputError(tr("synthetic scene: {rows} rows of {size:.6g} deg around latitude "
                                 "{lat} leave -90..90; move the centre or make the scene smaller").format(
            rows=height, size=pixel_deg, lat=centre_lat))
    if width * pixel_deg > 360.0:
        raise LunarInputError(tr("synthetic scene: the scene is wider than 360 degrees of longitude"))
    if not (np.isfinite(crater_density) and crater_density >= 0):
        raise LunarInputError(tr("synthetic scene: crater density must be >= 0 (got {density})").format(
            density=crater_density))
    if not (0.0 <= mare_fraction <= 1.0):
        raise LunarInputError(tr("synthetic scene: mare fraction must be within 0..1 (got {fraction})").format(
            fraction=mare_fraction))
    if not (0.0 < sun_elevation <= 90.0):
        raise LunarInputError(tr("synthetic scene: sun elevation must be within 0..90 degrees, above 0 "
                                 "(got {elevation})").format(elevation=sun_elevation))
    if not np.isfinite(sun_azimuth):
        raise LunarInputError(tr("synthetic scene: sun azimuth must be a number of degrees (got {azimuth})").format(
            azimuth=sun_azimuth))
    return pixel_deg


def _invert_equations(feo, tio2, r750, c):
    """R415 and R950 (float32) for which the equations with constants ``c`` give ``feo``/``tio2`` at ``r750``."""
    r750d = r750.astype(np.float64)
    th_fe = (feo.astype(np.float64) - c.fe_offset) / c.fe_slope
    r950 = r750d * (c.y0_fe - np.tan(th_fe) * (r750d - c.x0_fe))
    th_ti = (tio2.astype(np.float64) / c.ti_scale) ** (1.0 / c.ti_exponent)
    r415 = r750d * (c.y0_ti + np.tan(th_ti) * (r750d - c.x0_ti))
    return r415.astype(np.float32), r950.astype(np.float32)


def make_scene(width=1024, height=1024, centre_lon=-20.0, centre_lat=10.0, pixel_deg=None, pixel_m=100.0,
               seed=42, crater_density=1.0, mare_fraction=0.4, sun_azimuth=270.0, sun_elevation=20.0,
               feedback=None):
    """Build a synthetic lunar scene (deterministic for a seed). See the module docstring.

    Pixels are square in degrees: ``pixel_deg`` or, when None, ``pixel_m`` metres along a meridian on the
    1737.4 km sphere. Crater dicts hold lon, lat (centre, degrees), diameter_km, depth_km (rim crest to floor),
    rim_height_km (above the pre-impact surface), kind ('simple'/'complex'), degradation (0 fresh .. 1 old),
    x, y (centre in pixel coordinates: x = column, y = row, 0 at the top-left corner of the raster, so a
    crater centred on pixel (i, j) has x = i + 0.5), radius_px (radius in rows), radius_px_x (in columns at the
    centre latitude), id, age_rank (0 = oldest) and pre_mare.
    """
    width, height = int(width), int(height)
    pixel_deg = _check(width, height, centre_lon, centre_lat, pixel_deg, pixel_m, crater_density,
                       mare_fraction, sun_azimuth, sun_elevation)
    progress = Progress(feedback, 100)
    progress.step(0)
    rng = np.random.default_rng(int(seed))
    seeds = rng.integers(0, 2 ** 63 - 1, 8)
    rngs = [np.random.default_rng(int(s)) for s in seeds]
    w, h = width, height
    gt = (centre_lon - w * pixel_deg / 2.0, pixel_deg, 0.0, centre_lat + h * pixel_deg / 2.0, 0.0, -pixel_deg)
    pixel_km_y = pixel_deg * KM_PER_DEGREE
    lat_rows = gt[3] + (np.arange(h) + 0.5) * gt[5]
    cos_rows = np.maximum(np.cos(np.radians(lat_rows)), 1e-3)
    dx_km = (pixel_km_y * cos_rows).astype(np.float32)
    scene_km_h = h * pixel_km_y
    scene_km_w = w * pixel_km_y * math.cos(math.radians(min(abs(centre_lat), 89.0)))

    # ---- large-scale topography, mare basins and units
    big = _smooth_field(rngs[0], h, w, features=2.5)
    sub = _smooth_field(rngs[1], h, w, features=3.0)
    var = _smooth_field(rngs[2], h, w, features=6.0)
    amp_m = 900.0 * float(np.clip(min(scene_km_w, scene_km_h) / 100.0, 0.3, 4.0)) ** 0.5
    sample = big[:: max(1, h // 256), :: max(1, w // 256)]
    if mare_fraction <= 0:
        thr = float(sample.min()) - 10.0
    elif mare_fraction >= 1:
        thr = float(sample.max()) + 10.0
    else:
        thr = float(np.quantile(sample, mare_fraction))
    m = _smoothstep((np.float32(thr) - big) / np.float32(0.25) + np.float32(0.5)).astype(np.float32)
    mare_level = np.float32(amp_m * (thr - 0.15))
    dem = big * np.float32(amp_m)
    progress.step(5)

    pixel_m_y = pixel_km_y * 1000.0
    rough = _spectral_noise(rngs[3], h, w, beta=3.0)
    diff_std = float(np.diff(rough[:, : min(w, 512)], axis=1).std()) or 1.0
    dem += rough * np.float32(math.tan(math.radians(4.0)) * pixel_m_y / diff_std)
    del rough
    progress.step(10)

    # ---- craters, oldest first; mare flooding in between
    craters = _make_craters(rngs[4], w, h, gt, pixel_km_y, scene_km_w, scene_km_h, crater_density)
    fresh = np.zeros((h, w), dtype=np.float32)
    flooded = False
    n = max(len(craters), 1)
    for k, crater in enumerate(craters):
        if k % 64 == 0:
            progress.step(10 + 60 * k / n)
        if not flooded and not crater["pre_mare"]:
            dem *= 1.0 - m
            dem += m * mare_level
            flooded = True
        _stamp(dem, crater, gt, dx_km, pixel_km_y, fresh)
    if not flooded:
        dem *= 1.0 - m
        dem += m * mare_level
    fine = _spectral_noise(rngs[6], h, w, beta=2.5, highpass=1.0 / 24.0)
    diff_std = float(np.diff(fine[:, : min(w, 512)], axis=1).std()) or 1.0
    dem += fine * np.float32(math.tan(math.radians(1.5)) * pixel_m_y / diff_std)
    del fine
    progress.step(72)

    # ---- ground truth: whole rim inside, not buried by mare, not obliterated by a younger crater
    gone = _obliterated(craters)
    inside, edge = [], []
    for k, c in enumerate(craters):
        c["id"] = k
        c["age_rank"] = k
        phase = c.pop("_phase")
        del phase
        if k in gone or "depth_km" not in c:
            continue
        col, row = int(min(max(c["x"], 0), w - 1)), int(min(max(c["y"], 0), h - 1))
        if c["pre_mare"] and m[row, col] > 0.5 and 0 <= c["x"] < w and 0 <= c["y"] < h:
            continue
        if (c["x"] - c["radius_px_x"] >= 0 and c["x"] + c["radius_px_x"] <= w
                and c["y"] - c["radius_px"] >= 0 and c["y"] + c["radius_px"] <= h):
            inside.append(c)
        elif (c["x"] + c["radius_px_x"] > 0 and c["x"] - c["radius_px_x"] < w
              and c["y"] + c["radius_px"] > 0 and c["y"] - c["radius_px"] < h):
            edge.append(c)
    for c in inside + edge:
        c.pop("age", None)
    progress.step(75)

    # ---- units and composition
    units = []
    unit_id = np.zeros((h, w), dtype=np.uint8)
    mare_mask = m > 0.5
    q1, q2 = np.quantile(sub[:: max(1, h // 256), :: max(1, w // 256)], [1 / 3, 2 / 3])
    hl_split = float(np.median(sub[:: max(1, h // 256), :: max(1, w // 256)]))
    mare_idx = np.where(sub < q1, 0, np.where(sub < q2, 1, 2)).astype(np.uint8)
    hl_idx = (sub < hl_split).astype(np.uint8)
    del sub
    lut_m = np.array([u[2:5] for u in MARE_UNITS], dtype=np.float32)
    lut_h = np.array([u[2:5] for u in HIGHLAND_UNITS], dtype=np.float32)
    for j, u in enumerate(HIGHLAND_UNITS):
        unit_id[~mare_mask & (hl_idx == j)] = j + 1
    for j, u in enumerate(MARE_UNITS):
        unit_id[mare_mask & (mare_idx == j)] = len(HIGHLAND_UNITS) + j + 1
    for j, u in enumerate(HIGHLAND_UNITS + MARE_UNITS):
        units.append({"id": j + 1, "name": u[0], "kind": u[1], "feo_wt": u[2], "tio2_wt": u[3], "r750": u[4],
                      "area_fraction": float(np.count_nonzero(unit_id == j + 1)) / (w * h)})
    def mix(i, hl_idx, mare_idx):  # unit property i (FeO, TiO2, R750), mare and highland blended at contacts
        out = lut_h[:, i][hl_idx]
        out += (lut_m[:, i][mare_idx] - out) * m
        return out

    feo = mix(0, hl_idx, mare_idx) + np.float32(0.4) * var
    tio2 = mix(1, hl_idx, mare_idx) * (np.float32(1.0) + np.float32(0.08) * var)
    r750 = mix(2, hl_idx, mare_idx)
    del mare_idx, hl_idx, var
    np.clip(feo, 1.0, 25.0, out=feo)
    np.clip(tio2, 0.1, 12.0, out=tio2)
    noise = rngs[7].normal(0.0, 1.0, (h, w)).astype(np.float32)
    r750 *= (np.float32(1.0) + fresh) * (np.float32(1.0) + np.float32(0.02) * noise)
    del fresh
    np.clip(r750, 0.04, 0.6, out=r750)
    progress.step(80)

    c = equations.PRESETS[TRUTH_EQUATION_PRESET]
    refl = np.empty((5, h, w), dtype=np.float32)
    refl[1] = r750
    for y in range(0, h, 256):   # strips: the float64 inversion stays small
        refl[0, y:y + 256], refl[3, y:y + 256] = _invert_equations(feo[y:y + 256], tio2[y:y + 256],
                                                                   r750[y:y + 256], c)
    r950 = refl[3]
    refl[2] = np.float32(0.3) * r750 + np.float32(0.7) * r950
    refl[4] = r950 * (np.float32(1.0) + np.float32(0.015) * (np.float32(1.0) - feo / np.float32(20.0)))
    del r750, feo, tio2
    feo_true = np.asarray(equations.feo(refl[1], refl[3], c), dtype=np.float32)
    tio2_true = np.asarray(equations.tio2(refl[0], refl[1], c), dtype=np.float32)
    progress.step(88)

    # ---- DOM: shading times albedo
    dx_m = dx_km.astype(np.float64) * 1000.0
    cos_i = _illumination(dem, dx_m, pixel_m_y, sun_azimuth, sun_elevation)
    gain = np.float32(0.45 / (0.2 * max(math.sin(math.radians(sun_elevation)), 0.05)))
    dom = cos_i
    dom *= refl[1]
    dom *= gain
    dom += np.float32(0.01) * noise
    del noise
    np.clip(dom, 0.0, 1.0, out=dom)
    progress.step(100)

    return Scene(dem=dem, dom=dom, reflectance=refl, mare_mask=mare_mask, feo_true=feo_true, tio2_true=tio2_true,
                 unit_id=unit_id, units=units, craters=inside, edge_craters=edge, geotransform=gt,
                 wkt=moon_wkt(), width=w, height=h, pixel_deg=pixel_deg, pixel_m=pixel_m_y, seed=int(seed),
                 sun_azimuth=float(sun_azimuth), sun_elevation=float(sun_elevation))


CRATER_FIELDS = ["id", "lon", "lat", "diameter_km", "depth_km", "rim_height_km", "kind", "degradation",
                 "x", "y", "radius_px", "radius_px_x", "age_rank", "pre_mare"]


def write_scene(scene, dem_path, dom_path, reflectance_path, craters_csv_path=None, feedback=None):
    """Write the DEM, DOM and reflectance cube as GeoTIFFs (atomically) and optionally a CSV of craters.

    Any of the raster paths may be None to skip it. Returns the list of written paths.
    """
    from osgeo import gdal  # noqa: F401  (core.raster imports it too)
    from .raster import AtomicRasterWriter

    jobs = []
    if dem_path:
        jobs.append((dem_path, [("Elevation (synthetic, m relative to the 1737.4 km sphere)", "m")],
                     [scene.dem], None))
    if dom_path:
        jobs.append((dom_path, [(f"Illuminated reflectance (synthetic DOM, sun az {scene.sun_azimuth:g} "
                                 f"el {scene.sun_elevation:g})", "reflectance")], [scene.dom], None))
    if reflectance_path:
        jobs.append((reflectance_path, [(f"{name} (Clementine UVVIS {wl} nm)", "reflectance")
                                        for name, wl in BANDS],
                     list(scene.reflectance), [wl for _, wl in BANDS]))
    rows = 256
    total = sum(len(arrays) for _, _, arrays, _ in jobs) * max(1, math.ceil(scene.height / rows))
    progress = Progress(feedback, total)
    done = 0
    written = []
    for path, bands, arrays, wavelengths in jobs:
        with AtomicRasterWriter(path, scene.like, bands) as writer:
            if wavelengths:
                for i, wl in enumerate(wavelengths, start=1):
                    writer.ds.GetRasterBand(i).SetMetadata({"wavelength": str(wl), "wavelength_units": "nm"})
            for b, array in enumerate(arrays):
                for y in range(0, scene.height, rows):
                    progress.step(done)
                    block = array[y:y + rows]
                    writer.write(b, (0, y, scene.width, block.shape[0]), block)
                    done += 1
        written.append(os.path.abspath(path))
    if craters_csv_path:
        from .raster import check_output_path
        path = check_output_path(craters_csv_path)
        from .model_files import write_text_atomic
        table = io.StringIO()
        writer = csv.DictWriter(table, fieldnames=CRATER_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for c in scene.craters:
            writer.writerow({k: (f"{v:.6f}" if isinstance(v, float) else v) for k, v in c.items()})
        write_text_atomic(table.getvalue(), path)
        written.append(path)
    progress.step(total)
    return written


__all__ = ["Scene", "make_scene", "write_scene", "pike_morphometry", "moon_wkt", "BANDS", "CRATER_FIELDS"]


def unit_polygons(scene):
    """The scene's geologic units as (WKT multipolygon in lon/lat, unit dict) pairs, e.g. ZONES for sampling."""
    from osgeo import gdal, ogr

    mem = gdal.GetDriverByName("MEM").Create("", scene.width, scene.height, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(scene.geotransform)
    mem.GetRasterBand(1).WriteArray(scene.unit_id)
    vector = memory_vector_source("units")
    layer = vector.CreateLayer("units", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("unit", ogr.OFTInteger))
    gdal.Polygonize(mem.GetRasterBand(1), None, layer, 0)
    merged = {}
    for feature in layer:
        merged.setdefault(feature.GetField("unit"), ogr.Geometry(ogr.wkbMultiPolygon)).AddGeometry(
            feature.GetGeometryRef())
    by_id = {u["id"]: u for u in scene.units}
    return [(geometry.ExportToWkt(), by_id[uid]) for uid, geometry in sorted(merged.items()) if uid in by_id]
