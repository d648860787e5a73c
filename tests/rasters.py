"""Small GeoTIFF fixtures for tests."""
import numpy as np
from osgeo import gdal, osr


def moon_wkt():
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30100")
    return srs.ExportToWkt()


def write_raster(path, bands, geotransform=(0.0, 0.01, 0.0, 0.0, 0.0, -0.01), wkt=None, nodata=None,
                 dtype=gdal.GDT_Float32):
    bands = np.asarray(bands)
    if bands.ndim == 2:
        bands = bands[None]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), bands.shape[2], bands.shape[1], bands.shape[0], dtype)
    ds.SetGeoTransform(geotransform)
    if wkt is not False:
        ds.SetProjection(wkt or moon_wkt())
    for i, band in enumerate(bands, start=1):
        b = ds.GetRasterBand(i)
        if nodata is not None:
            b.SetNoDataValue(nodata)
        b.WriteArray(band)
    ds = None
    return str(path)


def read_raster(path, band=1):
    ds = gdal.Open(str(path))
    b = ds.GetRasterBand(band)
    a = b.ReadAsArray().astype(float)
    nd = b.GetNoDataValue()
    if nd is not None:
        a[a == nd] = np.nan
    return a


def r2_rmse(predicted, observed):
    predicted, observed = np.asarray(predicted, float), np.asarray(observed, float)
    ss_res = np.sum((predicted - observed) ** 2)
    return 1 - ss_res / np.sum((observed - observed.mean()) ** 2), np.sqrt(ss_res / observed.size)
