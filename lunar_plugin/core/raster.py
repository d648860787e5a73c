"""Block-wise GDAL raster I/O: bounded memory, nodata masks, and atomic outputs.

Every raster algorithm reads its inputs block by block (whole 256x256 output tiles) through
``process_blocks`` and writes through ``AtomicRasterWriter``: outputs go to a hidden temporary file beside
the target and are renamed only when complete, so an error or a cancel never leaves a half-written file
and never touches an input.
"""
import math
import os
import shutil
from concurrent.futures import ThreadPoolExecutor, wait

import numpy as np
from osgeo import gdal, osr

from . import partial
from .errors import Cancelled, LunarInputError
from .feedback import Progress
from .messages import tr
from .moon import great_circle_km

gdal.UseExceptions()

#: Nodata value of every float output written by Lunar Lab.
NODATA = -9999.0
#: Pixels per block (all bands of one block are in memory at once, plus the outputs).
BLOCK_PIXELS = 1 << 22
#: Blocks a raster is cut into at least (down to single 256x256 tiles): progress and Cancel come between blocks, so
#: a 1 M-pixel raster in one block showed a busy bar jumping 0 -> 100 and ignored Cancel until the end.
MIN_BLOCKS = 16
#: ZSTD level 1: as small as DEFLATE on lunar data, ~3x faster to write (measured in bench/bench_equations.py).
GTIFF_OPTIONS = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=ZSTD", "ZSTD_LEVEL=1",
                 "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]


class RasterSource:
    """An opened input raster with what the algorithms ask of it, and errors that name the file."""

    def __init__(self, path, role="INPUT"):
        self.path, self.role = str(path), role
        try:
            self.ds = gdal.Open(self.path, gdal.GA_ReadOnly)
        except RuntimeError as err:
            raise LunarInputError(tr("{role}: cannot open '{path}' as a raster ({error})").format(
                role=role, path=self.path, error=err)) from None
        if self.ds is None or self.ds.RasterCount == 0:
            raise LunarInputError(tr("{role}: '{path}' holds no raster band").format(role=role, path=self.path))
        if self.ds.RasterXSize == 0 or self.ds.RasterYSize == 0:
            raise LunarInputError(tr("{role}: '{path}' is empty (0 pixels)").format(role=role, path=self.path))
        self.xsize, self.ysize, self.count = self.ds.RasterXSize, self.ds.RasterYSize, self.ds.RasterCount
        self.geotransform = self.ds.GetGeoTransform()
        self.wkt = self.ds.GetProjection() or ""
        self.nodata = [self.ds.GetRasterBand(i + 1).GetNoDataValue() for i in range(self.count)]

    @property
    def srs(self):
        if not self.wkt:
            return None
        srs = osr.SpatialReference()
        srs.ImportFromWkt(self.wkt)
        return srs

    @property
    def is_geographic(self):
        srs = self.srs
        return bool(srs is not None and srs.IsGeographic())

    def require_crs(self):
        if not self.wkt:
            raise LunarInputError(tr("{role}: '{path}' has no coordinate reference system; "
                                     "assign one (e.g. IAU_2015:30100) first").format(role=self.role, path=self.path))

    def verify(self):
        """Read one pixel of the first, middle and last block of every band: a truncated or corrupt file fails
        here, with its name, before any work (GDAL opens such files and fails only when the data is read)."""
        corners = {(0, 0), (self.xsize // 2, self.ysize // 2), (self.xsize - 1, self.ysize - 1)}
        for b in range(1, self.count + 1):
            band = self.ds.GetRasterBand(b)
            for x, y in sorted(corners):
                try:
                    band.ReadRaster(x, y, 1, 1)
                except RuntimeError as err:
                    raise LunarInputError(tr("{role}: '{path}' cannot be read (band {band}, pixel {x}, {y}): "
                                             "the file is truncated or corrupt ({error})").format(
                        role=self.role, path=self.path, band=b, x=x, y=y,
                        error=str(err).splitlines()[0][:200])) from None
        return self

    def check_band(self, index, what):
        """Validate a 1-based band index and return it."""
        index = int(index)
        if not 1 <= index <= self.count:
            raise LunarInputError(tr("{role}: band {band} for {what} does not exist; "
                                     "'{name}' has {count} band(s)").format(
                role=self.role, band=index, what=what, name=os.path.basename(self.path), count=self.count))
        return index

    def same_grid(self, other):
        return (self.xsize, self.ysize) == (other.xsize, other.ysize) and np.allclose(
            self.geotransform, other.geotransform, rtol=0, atol=1e-9 * max(1.0, abs(self.geotransform[1])))

    def pixel_centres(self, window):
        """x and y coordinates (CRS units) of the pixel centres of a window, as 1-D arrays."""
        xoff, yoff, w, h = window
        gt = self.geotransform
        xs = gt[0] + (xoff + np.arange(w) + 0.5) * gt[1]
        ys = gt[3] + (yoff + np.arange(h) + 0.5) * gt[5]
        return xs, ys

    def read(self, bands, window, halo=0):
        """Read 1-based ``bands`` over ``window`` (+ ``halo`` pixels each side, edge-replicated).

        Returns float32 data shaped (bands, h, w) with NaN where a band is nodata or not finite.
        """
        xoff, yoff, w, h = window
        x0, y0 = max(xoff - halo, 0), max(yoff - halo, 0)
        x1, y1 = min(xoff + w + halo, self.xsize), min(yoff + h + halo, self.ysize)
        out = np.empty((len(bands), y1 - y0, x1 - x0), dtype=np.float32)
        for k, b in enumerate(bands):
            band = self.ds.GetRasterBand(b)
            a = band.ReadAsArray(x0, y0, x1 - x0, y1 - y0).astype(np.float32, copy=False)
            scale, offset = band.GetScale(), band.GetOffset()
            nd = self.nodata[b - 1]
            bad = ~np.isfinite(a)
            if nd is not None:
                bad |= a == np.float32(nd)
            if scale not in (None, 1.0) or offset not in (None, 0.0):
                a = a * np.float32(scale or 1.0) + np.float32(offset or 0.0)
            a[bad] = np.nan
            out[k] = a
        if halo:
            pads = ((0, 0), (y0 - (yoff - halo), (yoff + h + halo) - y1), (x0 - (xoff - halo), (xoff + w + halo) - x1))
            out = np.pad(out, pads, mode="edge")
        return out

    def sample(self, band, max_pixels=1_000_000):
        """The valid values of a 1-based band, read decimated to about ``max_pixels`` (scale/offset applied):
        for value ranges and percentiles without reading a whole mosaic."""
        step = max(1, int(np.sqrt(self.xsize * self.ysize / max_pixels)))
        xs, ys = max(1, self.xsize // step), max(1, self.ysize // step)
        b = self.ds.GetRasterBand(band)
        a = b.ReadAsArray(0, 0, self.xsize, self.ysize, buf_xsize=xs, buf_ysize=ys).astype(np.float64)
        nd = self.nodata[band - 1]
        a = a[np.isfinite(a) & (a != nd)] if nd is not None else a[np.isfinite(a)]
        return a * (b.GetScale() or 1.0) + (b.GetOffset() or 0.0)

    def close(self):
        self.ds = None


def windows(xsize, ysize, max_pixels=BLOCK_PIXELS):
    """Blocks of whole 256x256 output tiles, as (xoff, yoff, w, h): strips of a multiple of 256 rows, or, where a
    raster is too wide for that, 256-row strips cut into runs of whole tiles. Each tile is then complete when its
    block is flushed and is written once (a tile flushed half-done is written again, and the file grows with every
    copy: 20000-pixel-wide outputs passed the 4 GB TIFF limit that way). At least one tile per block."""
    tile = 256
    rows = max_pixels // max(xsize, 1) // tile * tile
    if rows >= tile:
        cols = xsize
    else:
        rows = tile
        cols = max(tile, max_pixels // tile // tile * tile)
    return [(x, y, min(cols, xsize - x), min(rows, ysize - y))
            for y in range(0, ysize, rows) for x in range(0, xsize, cols)]


def check_output_path(path, inputs=()):
    """An output must be writable and must not be one of the inputs."""
    path = os.path.abspath(str(path))
    for src in inputs:
        if os.path.abspath(src) == path:
            raise LunarInputError(tr("output '{path}' is also an input; inputs are never overwritten").format(
                path=path))
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as err:
            raise LunarInputError(tr("cannot create the output folder '{folder}': {error}").format(
                folder=folder, error=err.strerror)) from None
    if not os.access(folder, os.W_OK):
        raise LunarInputError(tr("output folder '{folder}' is not writable").format(folder=folder))
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise LunarInputError(tr("output '{path}' exists and is not writable").format(path=path))
    return path


class AtomicRasterWriter:
    """A GeoTIFF written under a temporary name and renamed over ``path`` only on success.

    ``bands`` is a list of (description, unit) pairs. Use as a context manager: leaving the block with
    an exception (a Cancelled one too) deletes the temporary file.
    """

    def __init__(self, path, like, bands, dtype=gdal.GDT_Float32, nodata=NODATA, options=None):
        self.path = check_output_path(path)
        self.tmp = partial.partial_path(self.path, ".tif")
        self.nodata = nodata
        drv = gdal.GetDriverByName("GTiff")
        xsize, ysize, gt, wkt = like
        opts = list(options or GTIFF_OPTIONS)
        if dtype == gdal.GDT_Byte:
            opts = [o for o in opts if not o.startswith("NUM_THREADS")]
        try:
            self.ds = drv.Create(self.tmp, xsize, ysize, len(bands), dtype, opts)
        except RuntimeError as err:
            partial.discard(self.tmp)
            raise LunarInputError(tr("cannot write output '{path}': {error}").format(path=self.path, error=err)) \
                from None
        self.ds.SetGeoTransform(gt)
        if wkt:
            self.ds.SetProjection(wkt)
        for i, (description, unit) in enumerate(bands, start=1):
            band = self.ds.GetRasterBand(i)
            band.SetDescription(description)
            if unit:
                band.SetUnitType(unit)
            if nodata is not None:
                band.SetNoDataValue(nodata)

    def write(self, band_index, window, array):
        """Write a 2-D block (0-based band index); NaN becomes the nodata value."""
        a = np.asarray(array)
        if self.nodata is not None and a.dtype.kind == "f":
            a = np.where(np.isfinite(a), a, self.nodata)
        try:
            self.ds.GetRasterBand(band_index + 1).WriteArray(a, window[0], window[1])
        except RuntimeError as err:
            raise LunarInputError(write_failure(self.path, err)) from None

    def flush(self):
        try:
            self.ds.FlushCache()
        except RuntimeError as err:
            raise LunarInputError(write_failure(self.path, err)) from None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.ds.FlushCache()
                self.ds = None
                partial.commit(self.tmp, self.path)
            except (RuntimeError, OSError) as err:  # a full disk shows here
                self.ds = None
                partial.discard(self.tmp)
                raise LunarInputError(write_failure(self.path, err)) from None
            _remove(self.path + ".aux.xml")
        else:
            self.ds = None
            partial.discard(self.tmp)
        return False


#: Free space below which a failed write is put down to a full disk (GDAL says only, e.g., "TIFFAppendToStrip: Write
#: error at scanline 4294967295").
FULL_DISK_BYTES = 64 << 20


def write_failure(path, err):
    """The message for a failed write of ``path``: a full disk says so, with the space left."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if "No space left" in str(err) or (free is not None and free < FULL_DISK_BYTES):
        left = tr("{free:.1f} MiB free").format(free=free / 2 ** 20) if free is not None else tr("no space left")
        return tr("cannot write output '{path}': the disk is full ({left} in {folder}); free space or write "
                  "elsewhere").format(path=path, left=left, folder=folder)
    return tr("cannot write output '{path}': {error}").format(path=path, error=err)


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def grid_of(source):
    """(xsize, ysize, geotransform, wkt) of a RasterSource, the ``like`` argument of writers."""
    return source.xsize, source.ysize, source.geotransform, source.wkt


def check_aligned(inputs, outputs):
    """Inputs on one grid and CRS (the first one's); outputs writable and none of them an input."""
    first = inputs[0][0]
    for src, _ in inputs[1:]:
        if src.srs is not None and first.srs is not None and not src.srs.IsSame(first.srs):
            raise LunarInputError(tr("{role} '{name}' is in another CRS than {first_role} '{first_name}'; "
                                     "reproject it first").format(
                role=src.role, name=os.path.basename(src.path), first_role=first.role,
                first_name=os.path.basename(first.path)))
        if not src.same_grid(first):
            raise LunarInputError(tr("{role} '{name}' is not on the grid of {first_role} '{first_name}' (size or "
                                     "geotransform differ); resample it first (e.g. gdal:warpreproject)").format(
                role=src.role, name=os.path.basename(src.path), first_role=first.role,
                first_name=os.path.basename(first.path)))
    input_paths = [src.path for src, _ in inputs]
    for spec in outputs:
        check_output_path(spec[0], input_paths)


def write_block(writers, window, results):
    """One block's results (one array per writer, (bands, h, w) or (h, w)) into the outputs; the finished tiles
    go to disk, so memory stays bounded by one strip."""
    for writer, result in zip(writers, results):
        result = np.asarray(result)
        if result.ndim == 2:
            result = result[None]
        for b in range(result.shape[0]):
            writer.write(b, window, result[b])
        writer.flush()


def compute_block(func, arrays, window, step_pixels=None, progress=None, index=0):
    """``func`` on one block, in strips of at most ``step_pixels`` pixels when asked (and the block has no halo):
    a slow per-pixel model (the oxide CNN) then reports progress and honours Cancel within a block, whose size
    is set by how GDAL writes whole tiles. Same result as one call on the whole block."""
    x, y, w, h = window
    rows = max(1, step_pixels // max(w, 1)) if step_pixels else h
    if rows >= h or arrays[0].shape[-2] != h:
        return func(arrays, window)
    strips = []
    for top in range(0, h, rows):
        if progress is not None:
            progress.step(index + top / h)
        n = min(rows, h - top)
        strips.append(func([a[..., top:top + n, :] for a in arrays], (x, y + top, w, n)))
    return [np.concatenate([np.asarray(strip[k]) for strip in strips], axis=-2) for k in range(len(strips[0]))]


def process_blocks(inputs, outputs, func, feedback=None, halo=0, max_pixels=BLOCK_PIXELS,
                   progress_range=(0.0, 100.0), metadata=None, step_pixels=None):
    """Run ``func`` over aligned inputs block by block and write its results atomically.

    inputs:  list of (RasterSource, [1-based bands]) on one grid (the first one's).
    outputs: list of (path, [(description, unit), ...]) -- one float32 GeoTIFF each, same grid -- or
             (path, bands, gdal_type, nodata) for another data type.
    func(arrays, window) -> list of arrays, one per output, shaped (bands, h, w) or (h, w); arrays
    are float32 (bands, h+2*halo, w+2*halo) with NaN for nodata.
    metadata: optional callable, called after the last block, returning one dict (or None) per output: GDAL
    metadata items written into that output before it is renamed (figures known only once every block is done).
    step_pixels: ``func`` runs on strips of at most this many pixels (``compute_block``), for progress and Cancel
    about every second of a slow ``func``.
    """
    check_aligned(inputs, outputs)
    first = inputs[0][0]
    blocks = windows(first.xsize, first.ysize, min(max_pixels, first.xsize * first.ysize // MIN_BLOCKS))
    progress = Progress(feedback, len(blocks), *progress_range)
    writers = [AtomicRasterWriter(spec[0], grid_of(first), *spec[1:]) for spec in outputs]
    # one block is written (and compressed: GDAL lets go of the GIL) in a thread while the next one is read and
    # computed; only that thread touches the outputs until it is done (bench/bench_equations.py)
    pool = ThreadPoolExecutor(1, thread_name_prefix="lunar-write")
    writing = None
    try:
        for i, window in enumerate(blocks):
            progress.step(i)
            arrays = [src.read(bands, window, halo) for src, bands in inputs]
            results = compute_block(func, arrays, window, step_pixels, progress, i)
            if writing is not None:
                writing.result()   # the previous block is on disk (or its error is raised here)
            writing = pool.submit(write_block, writers, window, results)
        if writing is not None:
            writing.result()
        progress.step(len(blocks))
        write_metadata(writers, metadata)
    except BaseException as exc:
        if writing is not None:
            wait([writing])   # never close an output the thread still writes to
        for writer in writers:
            writer.__exit__(type(exc), exc, None)
        raise
    finally:
        pool.shutdown()
    for writer in writers:
        writer.__exit__(None, None, None)
    return [writer.path for writer in writers]


def write_metadata(writers, metadata):
    """Each writer's GDAL metadata from ``metadata()`` (one dict or None per writer, called once all blocks are
    written, e.g. the clipped-pixel counts); nothing when ``metadata`` is None."""
    for writer, items in zip(writers, metadata() if metadata else []):
        if items:
            writer.ds.SetMetadata({str(k): str(v) for k, v in items.items()})


#: Projection names GDAL gives the equirectangular (simple cylindrical) projection of LOLA and Kaguya products.
EQUIRECTANGULAR = ("equirectangular", "equidistant_cylindrical", "plate_carree")


class RasterGeo:
    """Pixel <-> CRS <-> lon/lat (degrees, lon in -180..180) for a north-up RasterSource with a CRS.

    Geographic and equirectangular rasters are mapped with closed formulas (fast enough to sample every
    crater's chip), any other projection through OGR. ``wrap`` is True when the raster spans 360 degrees of
    longitude, so pixel columns wrap at the seam.
    """

    def __init__(self, source):
        if not source.wkt:
            raise LunarInputError(tr("{role}: '{path}' has no coordinate reference system; "
                                     "crater sizes need one (assign e.g. IAU_2015:30100 first)").format(
                role=source.role, path=source.path))
        gt = source.geotransform
        if gt[2] or gt[4]:
            raise LunarInputError(tr("{role}: '{path}' has a rotated geotransform; "
                                     "warp it to a north-up grid first (gdal:warpreproject)").format(
                role=source.role, path=source.path))
        self.gt = gt
        self.xsize, self.ysize = source.xsize, source.ysize
        srs = source.srs
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.geographic = bool(srs.IsGeographic())
        self.eqc = self.to_geo = self.from_geo = None
        if not self.geographic:
            if not srs.IsProjected():
                raise LunarInputError(tr("{role}: the CRS of '{path}' is neither geographic nor "
                                         "projected; assign a lunar CRS (e.g. IAU_2015:30100)").format(
                    role=source.role, path=source.path))
            if (srs.GetAttrValue("PROJECTION") or "").lower() in EQUIRECTANGULAR:
                unit = srs.GetLinearUnits()   # metres per CRS unit (LOLA products use m, some km)
                deg = srs.GetSemiMajor() * math.pi / 180.0 / unit   # CRS units per degree along a meridian
                lat_ts = srs.GetNormProjParm(osr.SRS_PP_STANDARD_PARALLEL_1, 0.0)
                self.eqc = {"lon0": srs.GetNormProjParm(osr.SRS_PP_CENTRAL_MERIDIAN, 0.0),
                            "lat0": srs.GetNormProjParm(osr.SRS_PP_LATITUDE_OF_ORIGIN, 0.0),
                            "fe": srs.GetNormProjParm(osr.SRS_PP_FALSE_EASTING, 0.0) / unit,
                            "fn": srs.GetNormProjParm(osr.SRS_PP_FALSE_NORTHING, 0.0) / unit,
                            "kx": deg * math.cos(math.radians(lat_ts)), "ky": deg}
            else:
                geo = srs.CloneGeogCS()
                geo.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                self.to_geo = osr.CoordinateTransformation(srs, geo)
                self.from_geo = osr.CoordinateTransformation(geo, srs)
        self.wrap = self._is_global()

    def crs_xy(self, col, row):
        """CRS coordinates of continuous pixel coordinates (0 = left/top edge)."""
        gt = self.gt
        return gt[0] + np.asarray(col, float) * gt[1], gt[3] + np.asarray(row, float) * gt[5]

    def pixel(self, x, y):
        gt = self.gt
        return (np.asarray(x, float) - gt[0]) / gt[1], (np.asarray(y, float) - gt[3]) / gt[5]

    def lonlat(self, x, y):
        x, y = np.atleast_1d(np.asarray(x, float)), np.atleast_1d(np.asarray(y, float))
        if self.geographic:
            lon, lat = x.copy(), y.copy()
        elif self.eqc:
            e = self.eqc
            lon, lat = e["lon0"] + (x - e["fe"]) / e["kx"], e["lat0"] + (y - e["fn"]) / e["ky"]
        else:
            pts = np.array(self.to_geo.TransformPoints(np.c_[x.ravel(), y.ravel()]))
            lon, lat = pts[:, 0].reshape(x.shape), pts[:, 1].reshape(x.shape)
        lon = (lon + 180.0) % 360.0 - 180.0
        return lon, np.clip(lat, -90.0, 90.0)

    def xy_from_lonlat(self, lon, lat):
        """CRS coordinates of lon/lat; on a geographic raster the longitude turn nearest its centre."""
        lon, lat = np.atleast_1d(np.asarray(lon, float)), np.atleast_1d(np.asarray(lat, float))
        if self.geographic:
            x0 = self.gt[0] + 0.5 * self.xsize * self.gt[1]
            return x0 + ((lon - x0 + 180.0) % 360.0 - 180.0), lat
        if self.eqc:
            e = self.eqc
            dlon = (lon - e["lon0"] + 180.0) % 360.0 - 180.0
            return e["fe"] + e["kx"] * dlon, e["fn"] + e["ky"] * (lat - e["lat0"])
        pts = np.array(self.from_geo.TransformPoints(np.c_[lon.ravel(), lat.ravel()]))
        return pts[:, 0].reshape(lon.shape), pts[:, 1].reshape(lon.shape)

    def _is_global(self):
        """True when the raster spans 360 degrees of longitude linearly in x (wrap tiles at the seam)."""
        row = self.ysize / 2.0
        cols = np.array([0.5, self.xsize / 2.0, self.xsize - 0.5, 1.5])
        try:
            lon, _ = self.lonlat(*self.crs_xy(cols, np.full(4, row)))
        except Exception:  # noqa: BLE001 -- a projection that cannot say is not global
            return False
        step = (lon[3] - lon[0] + 540.0) % 360.0 - 180.0
        if not np.isfinite(step) or abs(step) < 1e-12:
            return False
        span = abs(step) * self.xsize
        return bool(abs(span - 360.0) < 0.5 * abs(step))

    def radii_km(self, col, row, rx_px, ry_px):
        """Ground radii (km) along x and y of circles centred at pixel coords with pixel radii."""
        col, row = np.asarray(col, float), np.asarray(row, float)
        lon0, lat0 = self.lonlat(*self.crs_xy(col, row))
        out = []
        for dc, dr in ((rx_px, 0 * rx_px), (0 * ry_px, ry_px)):
            ds = []
            for s in (-1.0, 1.0):
                lon1, lat1 = self.lonlat(*self.crs_xy(col + s * dc, row + s * dr))
                ds.append(great_circle_km(lon0, lat0, lon1, lat1))
            out.append(0.5 * (ds[0] + ds[1]))
        return lon0, lat0, out[0], out[1]

    def km_per_px(self, col, row):
        """Ground size (km) of one pixel along x and y at pixel coords (arrays)."""
        ones = np.ones_like(np.asarray(col, float))
        _, _, kx, ky = self.radii_km(col, row, ones, ones)
        return kx, ky


def all_nodata_check(source, bands):
    """Raise if every pixel of the given bands is nodata (cheap: a decimated read)."""
    for b in bands:
        if source.sample(b, 250_000).size == 0:
            raise LunarInputError(tr("{role}: band {band} of '{name}' holds only nodata").format(
                role=source.role, band=b, name=os.path.basename(source.path)))


__all__ = ["NODATA", "RasterSource", "RasterGeo", "AtomicRasterWriter", "process_blocks", "write_metadata", "windows",
           "grid_of", "check_output_path", "check_aligned", "all_nodata_check", "Cancelled"]
