"""DOM/DEM fusion (Yang et al. 2020): one 3-band raster on the DOM's grid for crater detectors.

Band 1 carries morphology from the image (DOM brightness, or a DEM hillshade when no DOM is given),
band 2 the slope in degrees computed on true metres of the lunar sphere, band 3 the elevation (m).
With ``eight_bit`` every band is stretched to 0-255 (brightness and elevation between their 2nd and
98th percentiles, slope over 0-45 degrees), the form detectors trained on Chang'E tiles expect.
"""
import uuid

import numpy as np
from osgeo import gdal

from .moon import MOON_RADIUS_M, same_body
from .errors import LunarInputError
from .messages import tr
from .raster import RasterSource, all_nodata_check, process_blocks

BANDS = [("Brightness (DOM)", ""), ("Slope (degrees)", "deg"), ("Elevation (m)", "m")]
SLOPE_MAX_DEG = 45.0


def pixel_metres(source, ys):
    """Pixel size (dx per row, dy) in metres: on the sphere for geographic rasters, CRS units otherwise."""
    gt = source.geotransform
    srs = source.srs
    if srs is not None and srs.IsGeographic():
        dy = np.radians(abs(gt[5])) * MOON_RADIUS_M
        dx = np.radians(abs(gt[1])) * MOON_RADIUS_M * np.cos(np.radians(np.clip(ys, -89.999, 89.999)))
        return dx[:, None], dy
    unit = srs.GetLinearUnits() if srs is not None else 1.0
    return np.full((len(ys), 1), abs(gt[1]) * unit), abs(gt[5]) * unit


def slope_degrees(dem, dx, dy):
    """Slope of a DEM block that carries a 1-pixel halo; returns the block without the halo."""
    gy, gx = np.gradient(dem.astype(np.float64))
    gx = gx[1:-1, 1:-1] / dx
    gy = gy[1:-1, 1:-1] / dy
    return np.degrees(np.arctan(np.hypot(gx, gy))).astype(np.float32)


def hillshade(dem, dx, dy, azimuth=315.0, altitude=45.0):
    """Lambertian shading of a DEM block with a 1-pixel halo (0..1), the image when no DOM is given."""
    gy, gx = np.gradient(dem.astype(np.float64))
    gx = gx[1:-1, 1:-1] / dx
    gy = -gy[1:-1, 1:-1] / dy  # rows run south
    az, alt = np.radians(azimuth), np.radians(altitude)
    slope = np.arctan(np.hypot(gx, gy))
    aspect = np.arctan2(-gx, gy)
    shade = np.sin(alt) * np.cos(slope) + np.cos(alt) * np.sin(slope) * np.cos(az - aspect)
    return np.clip(shade, 0, 1).astype(np.float32)


def _percentiles(source, band, low=2.0, high=98.0):
    lo, hi = np.percentile(source.sample(band), [low, high])
    return float(lo), float(hi if hi > lo else lo + 1.0)


def _warp_to(dem, dom):
    """The DEM resampled (bilinear) onto the DOM's grid, as an in-memory VRT."""
    path = f"/vsimem/lunar_dem_{uuid.uuid4().hex}.vrt"
    gt = dom.geotransform
    bounds = (gt[0], gt[3] + gt[5] * dom.ysize, gt[0] + gt[1] * dom.xsize, gt[3])
    gdal.Warp(path, dem.ds, format="VRT", outputBounds=bounds, width=dom.xsize, height=dom.ysize,
              dstSRS=dom.wkt, resampleAlg="bilinear", srcNodata=dem.nodata[0], dstNodata=-32768.0,
              outputType=gdal.GDT_Float32)
    return path


def fuse(dem_path, output_path, dom_path=None, dem_band=1, dom_band=1, eight_bit=False, feedback=None):
    """Write the fused 3-band raster; returns the output path."""
    dem = RasterSource(dem_path, "DEM")
    dem.require_crs()
    dem_band = dem.check_band(dem_band, tr("elevation"))
    all_nodata_check(dem, [dem_band])
    dom = None
    warped = None
    if dom_path:
        dom = RasterSource(dom_path, "DOM")
        dom.require_crs()
        dom_band = dom.check_band(dom_band, tr("brightness"))
        all_nodata_check(dom, [dom_band])
        if not dom.same_grid(dem) or not dom.srs.IsSame(dem.srs):
            if not same_body(dom.srs.GetSemiMajor(), dem.srs.GetSemiMajor()):
                raise LunarInputError(tr(
                    "DOM '{dom}' and DEM '{dem}' are in CRSs of different bodies (ellipsoid radii "
                    "{dom_radius:,.0f} m and {dem_radius:,.0f} m), and no transformation "
                    "joins two bodies: give the mislabelled one its lunar CRS first (e.g. gdal_edit.py -a_srs "
                    "IAU_2015:30100)").format(dom=dom.path, dem=dem.path, dom_radius=dom.srs.GetSemiMajor(),
                                              dem_radius=dem.srs.GetSemiMajor()))
            warped = _warp_to(dem, dom)
            dem = RasterSource(warped, tr("DEM (warped to the DOM grid)"))
            dem_band = 1
            all_nodata_check(dem, [dem_band])
    base = dom or dem
    try:
        ranges = None
        if eight_bit:
            ranges = [_percentiles(dom, dom_band) if dom else (0.0, 1.0), (0.0, SLOPE_MAX_DEG),
                      _percentiles(dem, dem_band)]

        def compute(arrays, window):
            elevation = arrays[0][0]
            xs, ys = base.pixel_centres(window)
            dx, dy = pixel_metres(base, ys)
            slope = slope_degrees(elevation, dx, dy)
            bright = arrays[1][0, 1:-1, 1:-1] if dom is not None else hillshade(elevation, dx, dy)
            fused = np.stack([bright, slope, elevation[1:-1, 1:-1]])
            invalid = ~np.isfinite(fused).all(axis=0)
            if not ranges:
                fused[:, invalid] = np.nan
                return [fused]
            lo = np.array([r[0] for r in ranges], np.float32)[:, None, None]
            hi = np.array([r[1] for r in ranges], np.float32)[:, None, None]
            scaled = np.round(np.clip((fused - lo) / (hi - lo) * 254.0 + 1.0, 1, 255))
            return [np.where(invalid, 0, scaled).astype(np.uint8)]

        inputs = [(dem, [dem_band])] + ([(dom, [dom_band])] if dom else [])
        bands = list(BANDS) if dom else [("Hillshade (from DEM)", "")] + BANDS[1:]
        output = (output_path, bands, gdal.GDT_Byte, 0) if eight_bit else (output_path, bands)
        return process_blocks(inputs, [output], compute, feedback, halo=1)[0]
    finally:
        if warped:
            dem.close()
            gdal.Unlink(warped)

