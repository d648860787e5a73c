"""core.raster.RasterGeo: its closed-form equirectangular mapping agrees with OGR in any linear unit."""
import numpy as np
import pytest
from osgeo import gdal, osr

from lunar_lab.lunar_plugin.core.raster import RasterGeo, RasterSource


@pytest.mark.parametrize("proj", ["+proj=eqc +lon_0=180 +R=1737400 +units=m",
                                  "+proj=eqc +lon_0=180 +R=1737400 +units=km",
                                  "+proj=eqc +lat_ts=30 +lat_0=10 +lon_0=-20 +x_0=5 +y_0=-3 +R=1737400 +units=km"])
def test_equirectangular_closed_form_matches_ogr(tmp_path, proj):
    srs = osr.SpatialReference()
    srs.ImportFromProj4(proj)
    scale = 1000.0 if "units=km" in proj else 1.0
    ds = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "eqc.tif"), 100, 50, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((-3e6 / scale, 6e4 / scale, 0, 1.5e6 / scale, 0, -6e4 / scale))
    ds.SetProjection(srs.ExportToWkt())
    ds = None
    geo = RasterGeo(RasterSource(tmp_path / "eqc.tif"))
    assert geo.eqc is not None
    x, y = np.array([-2e6, 0.0, 1e6]) / scale, np.array([1e6, 0.0, -5e5]) / scale
    lon, lat = geo.lonlat(x, y)
    ll = srs.CloneGeogCS()
    for s in (srs, ll):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ref = np.array(osr.CoordinateTransformation(srs, ll).TransformPoints(np.c_[x, y]))
    assert np.allclose(lon, (ref[:, 0] + 180) % 360 - 180, atol=1e-9) and np.allclose(lat, ref[:, 1], atol=1e-9)
    back = geo.xy_from_lonlat(lon, lat)
    assert np.allclose(back[0], x) and np.allclose(back[1], y)
