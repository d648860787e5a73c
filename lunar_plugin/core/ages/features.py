"""Per-crater morphology chips and morphometric / context attributes for crater age classification.

Every crater is sampled on a grid fixed in crater radii (not in pixels), so a 20 km and a 200 km crater give
chips of the same shape: the chip spans ``CHIP_EXTENT_RADII`` radii each side of the centre, and the
attributes come from a polar grid (``RING_RADII`` x ``N_AZIMUTH``). Sample positions are placed in true
kilometres on the lunar sphere (east offsets shrink with cos(lat)) and then mapped to the raster's pixels
through its own CRS, so geographic rasters, equirectangular rasters centred on 0 or 180 degrees (LOLA
LDEM products) and longitudes given as -180..180 or 0..360 all work. Values are bilinearly interpolated;
a sample touching nodata is NaN.

numpy + GDAL only (no torch, no qgis).
"""
import math

import numpy as np
from scipy import ndimage

from ..errors import LunarInputError
from ..feedback import Progress
from ..messages import tr
from ..moon import MOON_RADIUS_KM, MOON_RADIUS_M, chord_km, xyz_km
from ..raster import RasterGeo
from .. import systems

#: The chip covers +-CHIP_EXTENT_RADII crater radii around the centre.
CHIP_EXTENT_RADII = 3.0
#: Radii (in crater radii) of the polar sampling rings used for the attributes.
RING_RADII = np.round(np.arange(0.0, 3.0001, 0.1), 4)
N_AZIMUTH = 32
#: A crater whose samples are more than this fraction nodata is skipped.
MAX_NODATA_FRACTION = 0.05
#: Radii (km, beyond 3 crater radii) of the rings giving the regional context (terrain type).
REGIONAL_KM = (100.0, 200.0)
N_REGIONAL_AZIMUTH = 16
#: Rasters up to this many pixels are read into memory once; larger ones are read per crater.
CACHE_PIXELS = 1 << 24
#: Geology codes accepted: the lunar System (1-5) of the mapped unit the crater sits on, 0 = unknown.
GEOLOGY_CODES = systems.CODES

# The attribute tables: name -> meaning. A model file records the names in this order; the feature code returns a
# {name: column} dict and the attribute matrix is stacked from these tables by name (``_columns``).
DEM_ATTRIBUTES = {
    "log10_diameter_km": "size (the crater catalogue gives it; strongly tied to age through degradation)",
    "depth_diameter": "(rim crest - floor) / D",
    "depth_km": "rim crest - floor, km",
    "rim_height_diameter": "(rim crest - surrounding terrain) / D",
    "rim_sharpness": "rim crest curvature: crest - mean(profile 0.4 R inside and outside), / D",
    "rim_variability": "azimuthal s.d. of the rim crest height / D (breached, overprinted rims)",
    "inner_wall_slope_deg": "mean over azimuths of the wall slope between 0.4 R and the crest",
    "inner_wall_slope_p90_deg": "90th percentile over azimuths of that wall slope",
    "interior_roughness": "s.d. of the interior (r < 0.7 R) about its radial profile / D",
    "central_relief": "centre - lowest floor ring / D (central peaks)",
    "ejecta_relief": "mean profile 1.2-2.0 R minus terrain (2.5-3 R) / D",
    "exterior_roughness": "s.d. of 1.3-3 R samples about their rings' medians / D",
    "outer_flank_slope_deg": "crest to 2 R",
    "terrain_elevation_km": "surrounding terrain (2.5-3 R) above the 1737.4 km sphere",
    "regional_elevation_km": "median elevation on rings REGIONAL_KM around the crater (fixed km, not radii)",
    "regional_relief_km": "s.d. of the elevation on those rings (smooth maria vs rugged highlands)",
}
#: Brightness measures of an image-like raster (IMAGE, OMAT), each attribute named "<raster>_<measure>".
IMAGE_MEASURES = {
    "in_out_ratio": "mean inside 0.8 R / median of 1.5-3 R",
    "rim_out_ratio": "mean of 0.8-1.2 R / median of 1.5-3 R",
    "exterior_level": "median of 1.5-3 R (mare vs highland); standardised by the network",
    "interior_cv": "s.d. / mean inside 0.8 R",
    "regional_level": "median on the regional rings (the exterior level where they leave the raster)",
    "exterior_regional_ratio": "exterior level / regional level",
}
IMAGE_ATTRIBUTES = ["image_" + m for m in IMAGE_MEASURES]
OMAT_ATTRIBUTES = ["omat_in_out_ratio", "omat_rim_out_ratio"]
GEOLOGY_ATTRIBUTES = [f"geology_system_{c}" for c in GEOLOGY_CODES]
#: Crater-count context from a catalogue (older surfaces carry more superposed craters): see catalogue_context.
CATALOGUE_ATTRIBUTES = ["superposed_density_log", "regional_density_log", "rim_overprint_count"]
#: Radius (km) of the regional crater-density disc and the smallest catalogue diameter counted (km).
DENSITY_RADIUS_KM = 150.0
DENSITY_MIN_D_KM = 5.0


class _Sampler:
    """Bilinear sampling of band 1 of a RasterSource at lon/lat (degrees), NaN for nodata or outside."""

    def __init__(self, source, role):
        self.source, self.role = source, role
        self.geo = RasterGeo(source)
        self.wrap = self.geo.wrap
        self.cached = None
        if source.xsize * source.ysize <= CACHE_PIXELS:
            self.cached = source.read([1], (0, 0, source.xsize, source.ysize))[0]

    def pixel_coords(self, lon, lat):
        """Fractional (col, row) of lon/lat with pixel centres at integers."""
        col, row = self.geo.pixel(*self.geo.xy_from_lonlat(lon, lat))
        col, row = col - 0.5, row - 0.5
        if self.wrap:
            col = np.mod(col, self.source.xsize)
        return col, row

    def inside(self, col, row):
        ok = (row >= -0.5) & (row <= self.source.ysize - 0.5)
        if not self.wrap:
            ok &= (col >= -0.5) & (col <= self.source.xsize - 0.5)
        return ok

    def sample(self, col, row):
        """Bilinear values at (m, p) pixel coordinates, one crater per row (NaN outside or at nodata)."""
        if self.cached is not None:
            return _bilinear(self.cached, col, row, self.wrap, 0, 0)
        return np.stack([self._sample_window(c, r) for c, r in zip(col, row)])

    def _sample_window(self, col, row):
        nx, ny = self.source.xsize, self.source.ysize
        r0 = int(max(0, math.floor(np.nanmin(row)) - 1))
        r1 = int(min(ny, math.ceil(np.nanmax(row)) + 2))
        if r1 <= r0:
            return np.full(col.shape, np.nan, dtype=np.float32)
        c0 = int(max(0, math.floor(np.nanmin(col)) - 1))
        c1 = int(min(nx, math.ceil(np.nanmax(col)) + 2))
        if self.wrap and (np.nanmax(col) - np.nanmin(col) > nx / 2 or c0 == 0 or c1 == nx):
            c0, c1 = 0, nx   # the window crosses the seam: read whole rows
        block = self.source.read([1], (c0, r0, c1 - c0, r1 - r0))[0]
        return _bilinear(block, col, row, self.wrap and c0 == 0 and c1 == nx, c0, r0)


def _bilinear(a, col, row, wrap, c0, r0):
    """Bilinear interpolation (scipy, order 1): NaN where a neighbour is nodata or the point is outside."""
    h, w = a.shape
    c = np.asarray(col, dtype=np.float64) - c0
    r = np.asarray(row, dtype=np.float64) - r0
    if wrap:
        c = np.mod(c, w)
        a = np.concatenate([a, a[:, :1]], axis=1)   # the neighbour of the last column is the first
    v = ndimage.map_coordinates(a, [r.ravel(), c.ravel()], order=1, mode="nearest", prefilter=False)
    v = v.reshape(c.shape).astype(np.float32)
    bad = (r < -0.5 - 1e-9) | (r > h - 0.5 + 1e-9)
    if not wrap:
        bad |= (c < -0.5 - 1e-9) | (c > w - 0.5 + 1e-9)
    v[bad] = np.nan
    return v


def _offsets_lonlat(lon, lat, east_km, north_km):
    """lon/lat (degrees) of points east_km / north_km from (lon, lat), local tangent approximation on the sphere.

    lon, lat: (n,), east/north: (n, m) -> (n, m) arrays. Latitude beyond the poles is kept as is (the caller
    treats |lat| > 90 as outside).
    """
    lat_p = lat[:, None] + np.degrees(north_km / MOON_RADIUS_KM)
    coslat = np.cos(np.radians(lat_p))
    coslat = np.where(np.abs(coslat) < 1e-6, 1e-6, coslat)
    lon_p = lon[:, None] + np.degrees(east_km / (MOON_RADIUS_KM * coslat))
    return lon_p, lat_p


def _validate_craters(craters):
    arr = np.asarray(craters, dtype=np.float64) if len(craters) else np.zeros((0, 3))
    if arr.ndim != 2 or arr.shape[1] != 3:
        raise LunarInputError(tr("craters: expected a list of (lon, lat, diameter_km) triples, got an array shaped "
                                 "{shape}").format(shape=arr.shape))
    bad = ~np.isfinite(arr).all(axis=1)
    if bad.any():
        raise LunarInputError(tr("craters: crater {index} has a non-finite lon/lat/diameter").format(
            index=int(np.flatnonzero(bad)[0])))
    nonpos = arr[:, 2] <= 0
    if nonpos.any():
        i = int(np.flatnonzero(nonpos)[0])
        raise LunarInputError(tr("craters: crater {index} has diameter {diameter:g} km; diameters must be > 0 "
                                 "km").format(index=i, diameter=arr[i, 2]))
    badlat = np.abs(arr[:, 1]) > 90
    if badlat.any():
        i = int(np.flatnonzero(badlat)[0])
        raise LunarInputError(tr("craters: crater {index} has latitude {latitude:g}; expected -90..90 degrees").format(
            index=i, latitude=arr[i, 1]))
    return arr


def _validate_geology(geology, n):
    if geology is None:
        return None
    g = list(geology)
    if len(g) != n:
        raise LunarInputError(tr("geology: {codes} unit codes for {n} craters; give one per crater").format(
            codes=len(g), n=n))
    out = np.zeros(n, dtype=np.int64)
    for i, v in enumerate(g):
        if v is None or (isinstance(v, float) and not np.isfinite(v)):
            continue
        try:
            iv = int(v)
        except (TypeError, ValueError):
            raise LunarInputError(tr("geology: crater {index} unit code {code!r} is not an integer System code "
                                     "(1-5, 0/None = unknown)").format(index=i, code=v)) from None
        if iv != v or not (iv == 0 or iv in GEOLOGY_CODES):
            raise LunarInputError(tr("geology: crater {index} unit code {code!r}; expected a System code 1-5 "
                                     "(0/None = unknown)").format(index=i, code=v))
        out[i] = iv
    return out


def attribute_names(image=False, omat=False, geology=False, catalogue=False):
    """Names of the attribute columns crater_features returns for the given optional inputs."""
    names = list(DEM_ATTRIBUTES)
    if image:
        names += IMAGE_ATTRIBUTES
    if omat:
        names += OMAT_ATTRIBUTES
    if geology:
        names += GEOLOGY_ATTRIBUTES
    if catalogue:
        names += CATALOGUE_ATTRIBUTES
    return names


def channel_names(image=False, omat=False):
    names = ["dem_relief"]
    if image:
        names.append("image_rel")
    if omat:
        names.append("omat_rel")
    return names


def crater_features(dem, craters, image=None, omat=None, geology=None, chip_px=32, feedback=None,
                    batch=256, catalogue=None):
    """Chips and attributes for a list of craters.

    dem:      RasterSource (band 1 = elevation or radius, metres).
    craters:  list of (lon, lat, diameter_km); lon in -180..180 or 0..360 degrees.
    image:    optional RasterSource (DOM / fused image, band 1 = brightness).
    omat:     optional RasterSource (band 1 = OMAT).
    geology:  optional per-crater System code (1-5) of the underlying mapped unit, 0/None = unknown.
    catalogue: optional crater catalogue [(lon, lat, diameter_km), ...] covering the craters' surroundings
              (complete for D >= 5 km); adds crater-count attributes (see catalogue_context).

    Returns (chips float32 (n, c, chip_px, chip_px), attributes float32 (n, k), attribute_names,
    skipped = [(index, reason), ...]) where n counts the craters kept, in input order, and the skipped
    indices refer to the input list. Channels: DEM relief relative to the surrounding terrain in units of
    the diameter x 10, then (if given) image and OMAT relative to their surrounding median.
    """
    arr = _validate_craters(craters)
    n_in = len(arr)
    chip_px = int(chip_px)
    if chip_px < 8:
        raise LunarInputError(tr("chip_px: {chip_px} is too small; use 8 pixels or more").format(chip_px=chip_px))
    geo = _validate_geology(geology, n_in)
    samplers = [_Sampler(dem, "DEM")]
    if image is not None:
        samplers.append(_Sampler(image, "IMAGE"))
    if omat is not None:
        samplers.append(_Sampler(omat, "OMAT"))
    names = attribute_names(image is not None, omat is not None, geo is not None, catalogue is not None)
    cat_attrs = None if catalogue is None else catalogue_context(arr, catalogue)
    chans = channel_names(image is not None, omat is not None)

    # sample geometry (in crater radii): chip grid then polar rings
    g = (np.arange(chip_px) + 0.5) / chip_px * 2.0 - 1.0
    g = g * CHIP_EXTENT_RADII
    gx, gy = np.meshgrid(g, -g)              # row 0 = north
    az = np.arange(N_AZIMUTH) * 2 * np.pi / N_AZIMUTH
    rr, aa = np.meshgrid(RING_RADII, az, indexing="ij")  # (n_r, n_az)
    px = np.concatenate([gx.ravel(), (rr * np.sin(aa)).ravel()])
    py = np.concatenate([gy.ravel(), (rr * np.cos(aa)).ravel()])
    n_chip = chip_px * chip_px
    n_polar = len(px) - n_chip
    raz = np.arange(N_REGIONAL_AZIMUTH) * 2 * np.pi / N_REGIONAL_AZIMUTH
    rkm, rza = np.meshgrid(np.asarray(REGIONAL_KM), raz, indexing="ij")
    qx, qy = (rkm * np.sin(rza)).ravel(), (rkm * np.cos(rza)).ravel()

    chips_out, attrs_out, kept, skipped = [], [], [], []
    progress = Progress(feedback, max(n_in, 1))
    for start in range(0, n_in, batch):
        progress.step(start)
        sl = slice(start, min(start + batch, n_in))
        lon, lat, diam = arr[sl, 0], arr[sl, 1], arr[sl, 2]
        radius = diam / 2.0
        ex = np.concatenate([px[None, :] * radius[:, None], np.broadcast_to(qx, (len(lon), len(qx)))], axis=1)
        ny = np.concatenate([py[None, :] * radius[:, None], np.broadcast_to(qy, (len(lon), len(qy)))], axis=1)
        lon_p, lat_p = _offsets_lonlat(lon, lat, ex, ny)
        # regional rings are context only: they may run beyond the poles / raster (then they are dropped)
        beyond_pole = (np.abs(lat_p[:, :n_chip + n_polar]) > 90).any(axis=1)
        values = []
        inside_all = None
        for s in samplers:
            col, row = s.pixel_coords(lon_p, lat_p)
            ins = s.inside(col[:, :n_chip + n_polar], row[:, :n_chip + n_polar]).all(axis=1) & ~beyond_pole
            if inside_all is None:
                inside_all = ins
            v = np.full(lon_p.shape, np.nan, dtype=np.float32)
            if ins.any():
                v[ins] = s.sample(col[ins], row[ins])
            values.append((v, ins))
        for j in range(sl.stop - sl.start):
            i = sl.start + j
            for (v, ins), s in zip(values, samplers):
                if not ins[j]:
                    skipped.append((i, f"outside the {s.role} raster (crater and {CHIP_EXTENT_RADII:g} radii around it)"))
                    break
                frac = float(np.isnan(v[j, :n_chip + n_polar]).mean())
                if frac > MAX_NODATA_FRACTION:
                    # one wording per raster (not the share itself): the log groups the skipped craters by reason
                    skipped.append((i, f"{s.role} is nodata over more than {MAX_NODATA_FRACTION:.0%} of the "
                                       "crater's samples"))
                    break
            else:
                kept.append(i)
        keep_j = [i - sl.start for i in kept if sl.start <= i < sl.stop]
        if not keep_j:
            continue
        keep_j = np.array(keep_j)
        d = diam[keep_j]
        dem_v = values[0][0][keep_j]
        chips_b, attrs_b = _dem_features(dem_v[:, :n_chip], dem_v[:, n_chip:n_chip + n_polar],
                                         dem_v[:, n_chip + n_polar:], d, chip_px)
        chip_list, attr_list = [chips_b], [attrs_b]
        k = 1
        if image is not None:
            c, a = _image_features(values[k][0][keep_j], n_chip, n_polar, chip_px, "image_", IMAGE_ATTRIBUTES)
            chip_list.append(c)
            attr_list.append(a)
            k += 1
        if omat is not None:
            c, a = _image_features(values[k][0][keep_j], n_chip, n_polar, chip_px, "omat_", OMAT_ATTRIBUTES)
            chip_list.append(c)
            attr_list.append(a)
            k += 1
        if geo is not None:
            gg = geo[sl][keep_j]
            attr_list.append(_columns({f"geology_system_{c}": (gg == c).astype(np.float32) for c in GEOLOGY_CODES},
                                      GEOLOGY_ATTRIBUTES))
        if cat_attrs is not None:
            attr_list.append(cat_attrs[sl][keep_j])
        chips_out.append(np.concatenate(chip_list, axis=1))
        attrs_out.append(np.concatenate(attr_list, axis=1))
    progress.step(n_in)
    c = len(chans)
    chips = np.concatenate(chips_out) if chips_out else np.zeros((0, c, chip_px, chip_px), np.float32)
    attrs = np.concatenate(attrs_out) if attrs_out else np.zeros((0, len(names)), np.float32)
    return chips.astype(np.float32), attrs.astype(np.float32), names, skipped


def catalogue_context(craters, catalogue):
    """Crater-count attributes (n, 3) of ``craters`` from a catalogue of (lon, lat, diameter_km).

    superposed_density_log: log10(1 + catalogue craters of 5 km <= D_c < 0.5 D whose centres lie within
        1.5 crater radii, per 1e4 km2) -- craters on the crater's floor, walls and ejecta are younger than it;
    regional_density_log: log10(1 + craters >= 5 km per 1e4 km2 within DENSITY_RADIUS_KM), surface age proxy;
    rim_overprint_count: craters of 0.05 D .. 0.8 D centred within 0.75-1.25 radii (rim destroyed by impacts).
    The crater itself (centre within 0.2 R, diameter within a factor 1.3) is not counted.
    """
    from scipy.spatial import cKDTree

    arr = _validate_craters(craters)
    cat = np.asarray(catalogue, dtype=np.float64) if len(catalogue) else np.zeros((0, 3))
    if cat.ndim != 2 or cat.shape[1] != 3 or not np.isfinite(cat).all():
        raise LunarInputError(tr("catalogue: expected finite (lon, lat, diameter_km) triples"))
    cat = cat[cat[:, 2] >= DENSITY_MIN_D_KM]
    columns = {name: np.zeros(len(arr), dtype=np.float32) for name in CATALOGUE_ATTRIBUTES}
    if len(cat) == 0 or len(arr) == 0:
        return _columns(columns, CATALOGUE_ATTRIBUTES)
    tree = cKDTree(xyz_km(cat[:, 0], cat[:, 1]))
    pts = xyz_km(arr[:, 0], arr[:, 1])
    radius = arr[:, 2] / 2.0
    reach = np.maximum(1.5 * radius, DENSITY_RADIUS_KM)
    lists = tree.query_ball_point(pts, chord_km(reach))
    for i, idx in enumerate(lists):
        if not idx:
            continue
        idx = np.asarray(idx)
        c = cat[idx]
        dist = 2.0 * MOON_RADIUS_KM * np.arcsin(np.clip(np.linalg.norm(
            xyz_km(c[:, 0], c[:, 1]) - pts[i], axis=1) / (2.0 * MOON_RADIUS_KM), 0, 1))
        d, r = arr[i, 2], radius[i]
        self_ = (dist < 0.2 * r) & (np.maximum(c[:, 2] / d, d / c[:, 2]) < 1.3)
        c, dist = c[~self_], dist[~self_]
        sup = (dist < 1.5 * r) & (c[:, 2] < 0.5 * d)
        area_sup = math.pi * (1.5 * r) ** 2
        reg = dist < DENSITY_RADIUS_KM
        area_reg = math.pi * DENSITY_RADIUS_KM ** 2
        rim = (dist >= 0.75 * r) & (dist <= 1.25 * r) & (c[:, 2] >= 0.05 * d) & (c[:, 2] <= 0.8 * d)
        columns["superposed_density_log"][i] = np.log10(1.0 + sup.sum() / area_sup * 1e4)
        columns["regional_density_log"][i] = np.log10(1.0 + reg.sum() / area_reg * 1e4)
        columns["rim_overprint_count"][i] = rim.sum()
    return _columns(columns, CATALOGUE_ATTRIBUTES)


def _columns(values, names):
    """The (n, len(names)) attribute matrix of {name: column}, columns in the order of ``names``."""
    if set(values) != set(names):
        raise ValueError(f"attribute columns {sorted(values)} do not match the table {list(names)}")
    return np.stack([values[name] for name in names], axis=1)


def _fill_nan_rows(a):
    """Replace NaNs by the row median (nodata is rare: MAX_NODATA_FRACTION)."""
    if np.isnan(a).any():
        med = np.nanmedian(a, axis=1, keepdims=True)
        med = np.where(np.isfinite(med), med, 0.0)
        a = np.where(np.isnan(a), med, a)
    return a


def _regional(values):
    """Median and s.d. of the regional ring samples per crater, ignoring NaN (beyond the raster)."""
    ok = np.isfinite(values).any(axis=1)
    med = np.full(len(values), np.nan)
    sd = np.full(len(values), np.nan)
    if ok.any():
        med[ok] = np.nanmedian(values[ok], axis=1)
        sd[ok] = np.nanstd(values[ok], axis=1)
    return med, sd


def _dem_features(chip, polar, regional, diam_km, chip_px):
    n = len(diam_km)
    chip = _fill_nan_rows(chip.astype(np.float64))
    polar = _fill_nan_rows(polar.astype(np.float64)).reshape(n, len(RING_RADII), N_AZIMUTH)
    d_m = diam_km * 1000.0
    r_m = d_m / 2.0
    R = RING_RADII
    prof = np.median(polar, axis=2)                       # (n, n_r)
    ring = lambda lo, hi: (R >= lo - 1e-6) & (R <= hi + 1e-6)  # noqa: E731
    terrain = np.median(polar[:, ring(2.5, 3.0), :].reshape(n, -1), axis=1)
    # rim crest per azimuth: highest point between 0.7 and 1.4 radii
    rim_zone = ring(0.7, 1.4)
    rz = polar[:, rim_zone, :]
    rim_az = rz.max(axis=1)                               # (n, n_az)
    rim_idx = np.flatnonzero(rim_zone)[rz.argmax(axis=1)]  # ring index of the crest per azimuth
    rim = rim_az.mean(axis=1)
    inner = ring(0.0, 0.6)
    floor = prof[:, inner].min(axis=1)
    depth = rim - floor
    # rim sharpness: crest vs the profile 0.4 R inside and outside the mean crest radius
    crest_r = R[rim_idx].mean(axis=1)
    p_in = _interp_rows(R, prof, crest_r - 0.4)
    p_out = _interp_rows(R, prof, crest_r + 0.4)
    p_crest = _interp_rows(R, prof, crest_r)
    sharp = (p_crest - 0.5 * (p_in + p_out)) / d_m
    # inner wall slope per azimuth between 0.4 R and the crest
    i04 = int(np.argmin(np.abs(R - 0.4)))
    h04 = polar[:, i04, :]
    run_m = np.maximum(R[rim_idx] - 0.4, 0.1) * r_m[:, None]
    wall = np.degrees(np.arctan2(rim_az - h04, run_m))
    # outer flank: crest to 2 R
    i20 = int(np.argmin(np.abs(R - 2.0)))
    run_o = np.maximum(2.0 - R[rim_idx], 0.1) * r_m[:, None]
    flank = np.degrees(np.arctan2(rim_az - polar[:, i20, :], run_o))
    # interior roughness about the radial profile
    ii = ring(0.0, 0.7)
    resid_in = polar[:, ii, :] - prof[:, ii, None]
    rough_in = resid_in.reshape(n, -1).std(axis=1) / d_m
    central = (prof[:, 0] - prof[:, inner].min(axis=1)) / d_m
    ejecta = (prof[:, ring(1.2, 2.0)].mean(axis=1) - terrain) / d_m
    oe = ring(1.3, 3.0)
    resid_out = polar[:, oe, :] - np.median(polar[:, oe, :], axis=2, keepdims=True)
    rough_out = resid_out.reshape(n, -1).std(axis=1) / d_m
    to_km = lambda e: np.where(e > 0.5 * MOON_RADIUS_M, e - MOON_RADIUS_M, e) / 1000.0  # noqa: E731
    elev_km = to_km(terrain)
    reg_med, reg_sd = _regional(regional.astype(np.float64))
    reg_med = np.where(np.isfinite(reg_med), reg_med, terrain)
    reg_sd = np.where(np.isfinite(reg_sd), reg_sd, rough_out * d_m)
    attrs = _columns({
        "log10_diameter_km": np.log10(diam_km), "depth_diameter": depth / d_m, "depth_km": depth / 1000.0,
        "rim_height_diameter": (rim - terrain) / d_m, "rim_sharpness": sharp,
        "rim_variability": rim_az.std(axis=1) / d_m, "inner_wall_slope_deg": wall.mean(axis=1),
        "inner_wall_slope_p90_deg": np.percentile(wall, 90, axis=1), "interior_roughness": rough_in,
        "central_relief": central, "ejecta_relief": ejecta, "exterior_roughness": rough_out,
        "outer_flank_slope_deg": flank.mean(axis=1), "terrain_elevation_km": elev_km,
        "regional_elevation_km": to_km(reg_med), "regional_relief_km": reg_sd / 1000.0,
    }, list(DEM_ATTRIBUTES))
    chips = ((chip - terrain[:, None]) / d_m[:, None] * 10.0).reshape(n, 1, chip_px, chip_px)
    return chips.astype(np.float32), attrs.astype(np.float32)


def _image_features(values, n_chip, n_polar, chip_px, prefix, names):
    """Chip channel and the attributes ``names`` ("<prefix><measure>", IMAGE_MEASURES) of an image-like raster."""
    n = values.shape[0]
    chip = _fill_nan_rows(values[:, :n_chip].astype(np.float64))
    polar = _fill_nan_rows(values[:, n_chip:n_chip + n_polar].astype(np.float64)).reshape(n, len(RING_RADII), N_AZIMUTH)
    reg, _ = _regional(values[:, n_chip + n_polar:].astype(np.float64))
    R = RING_RADII
    ring = lambda lo, hi: (R >= lo - 1e-6) & (R <= hi + 1e-6)  # noqa: E731
    out = np.median(polar[:, ring(1.5, 3.0), :].reshape(n, -1), axis=1)
    inn = polar[:, ring(0.0, 0.8), :].reshape(n, -1)
    rim = polar[:, ring(0.8, 1.2), :].reshape(n, -1).mean(axis=1)
    eps = 1e-6 + 1e-3 * np.abs(out)
    scale = np.where(np.abs(out) > eps, out, eps)
    measures = {
        "in_out_ratio": inn.mean(axis=1) / scale, "rim_out_ratio": rim / scale, "exterior_level": out,
        "interior_cv": inn.std(axis=1) / np.maximum(np.abs(inn.mean(axis=1)), eps),
        "regional_level": np.where(np.isfinite(reg), reg, out),
        "exterior_regional_ratio": out / np.where(np.isfinite(reg) & (np.abs(reg) > eps), reg, scale),
    }
    attrs = _columns({name: measures[name[len(prefix):]] for name in names}, names)
    chips = (chip / scale[:, None] - 1.0).reshape(n, 1, chip_px, chip_px)
    return chips.astype(np.float32), attrs.astype(np.float32)


def _interp_rows(x, y, xq):
    """Per-row linear interpolation of y (n, m) on x (m,) at xq (n,)."""
    xq = np.clip(xq, x[0], x[-1])
    i = np.clip(np.searchsorted(x, xq) - 1, 0, len(x) - 2)
    t = (xq - x[i]) / (x[i + 1] - x[i])
    rows = np.arange(len(xq))
    return y[rows, i] * (1 - t) + y[rows, i + 1] * t


__all__ = ["crater_features", "catalogue_context", "attribute_names", "channel_names", "CHIP_EXTENT_RADII",
           "GEOLOGY_CODES"]
