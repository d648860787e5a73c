"""lunar:mgnumber, lunar:fusedomdem and lunar:equalareasampling through processing.run."""
import os

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from lunar_lab.tests.rasters import read_raster, write_raster


def test_mg_number(run_alg, tmp_path):
    feo = write_raster(tmp_path / "feo.tif", np.array([[10.0, 5.0], [-9999, 20.0]], np.float32), nodata=-9999)
    mgo = write_raster(tmp_path / "mgo.tif", np.array([[8.0, 6.0], [7.0, 4.0]], np.float32))
    out = run_alg("lunar:mgnumber", {"FEO": feo, "MGO": mgo, "OUTPUT": str(tmp_path / "mg.tif")})["OUTPUT"]
    mg = read_raster(out)
    assert mg[0, 0] == pytest.approx((8 / 40.30) / (8 / 40.30 + 10 / 71.84), rel=1e-6)
    assert np.isnan(mg[1, 0])


def test_mg_number_refuses_other_grid(run_alg, tmp_path):
    feo = write_raster(tmp_path / "feo.tif", np.ones((2, 2), np.float32))
    mgo = write_raster(tmp_path / "mgo.tif", np.ones((3, 3), np.float32))
    with pytest.raises(QgsProcessingException, match="not on the grid"):
        run_alg("lunar:mgnumber", {"FEO": feo, "MGO": mgo, "OUTPUT": str(tmp_path / "mg.tif")})


def test_mg_number_refuses_other_crs(run_alg, tmp_path):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30110")  # Moon equirectangular
    feo = write_raster(tmp_path / "feo.tif", np.ones((2, 2), np.float32))
    mgo = write_raster(tmp_path / "mgo.tif", np.ones((2, 2), np.float32), wkt=srs.ExportToWkt())
    with pytest.raises(QgsProcessingException, match="another CRS"):
        run_alg("lunar:mgnumber", {"FEO": feo, "MGO": mgo, "OUTPUT": str(tmp_path / "mg.tif")})


def _cone_dem(tmp_path, lat0=0.0, size=101, step_deg=0.01):
    """A cone of known slope: height falls 100 m per km away from the centre (5.71 degrees)."""
    km_per_deg = np.pi * 1737.4 / 180
    y, x = np.mgrid[0:size, 0:size] - size // 2
    lat = lat0 - y * step_deg
    dx_km = x * step_deg * km_per_deg * np.cos(np.radians(lat))
    dy_km = y * step_deg * km_per_deg
    dem = (5000 - 100 * np.hypot(dx_km, dy_km)).astype(np.float32)
    gt = (-step_deg * size / 2, step_deg, 0, lat0 + step_deg * size / 2, 0, -step_deg)
    return write_raster(tmp_path / f"cone{lat0}.tif", dem, geotransform=gt)


@pytest.mark.parametrize("lat0", [0.0, 70.0])
def test_fusion_slope_in_true_metres(run_alg, tmp_path, lat0):
    dem = _cone_dem(tmp_path, lat0)
    out = run_alg("lunar:fusedomdem", {"DEM": dem, "OUTPUT": str(tmp_path / "fused.tif")})["OUTPUT"]
    slope = read_raster(out, 2)
    ring = slope[30:70, 30:70]
    core = np.hypot(*np.mgrid[30:70, 30:70] - 50) > 3
    assert np.median(ring[core]) == pytest.approx(np.degrees(np.arctan(0.1)), abs=0.1)


def test_fusion_with_dom_on_other_grid_and_eight_bit(run_alg, tmp_path):
    dem = _cone_dem(tmp_path)
    dom = write_raster(tmp_path / "dom.tif", np.random.default_rng(0).random((200, 200), dtype=np.float32),
                       geotransform=(-0.505, 0.00505, 0, 0.505, 0, -0.00505))
    out = run_alg("lunar:fusedomdem", {"DEM": dem, "DOM": dom, "EIGHT_BIT": True,
                                       "OUTPUT": str(tmp_path / "fused8.tif")})["OUTPUT"]
    from osgeo import gdal
    ds = gdal.Open(out)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (200, 200, 3)
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert ds.GetRasterBand(2).GetDescription() == "Slope (degrees)"


def test_fusion_needs_a_crs(run_alg, tmp_path):
    dem = write_raster(tmp_path / "nocrs.tif", np.ones((5, 5), np.float32), wkt=False)
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run_alg("lunar:fusedomdem", {"DEM": dem, "OUTPUT": str(tmp_path / "f.tif")})


def test_equal_area_sampling_points_and_stats(run_alg, tmp_path):
    data = np.tile(np.linspace(0, 10, 20, dtype=np.float32), (20, 1))
    raster = write_raster(tmp_path / "feo.tif", data, geotransform=(0.0, 0.05, 0, 1.0, 0, -0.05))
    zones = tmp_path / "zones.geojson"
    zones.write_text('{"type":"FeatureCollection","features":['
                     '{"type":"Feature","properties":{"unit":"mare"},"geometry":{"type":"Polygon",'
                     '"coordinates":[[[0,0],[0.5,0],[0.5,1],[0,1],[0,0]]]}}]}')
    out = run_alg("lunar:equalareasampling", {"RASTERS": [raster], "LAT_STEP": 0.05, "AREA_KM2": 1.0,
                                              "ZONES": str(zones), "ZONE_FIELD": "unit",
                                              "OUTPUT": str(tmp_path / "samples.gpkg"),
                                              "OUTPUT_STATS": str(tmp_path / "stats.csv")})
    samples = QgsVectorLayer(out["OUTPUT"], "s", "ogr")
    assert samples.isValid() and samples.featureCount() > 800
    assert {"lon", "lat", "area_km2", "zone", "feo"} <= set(samples.fields().names())
    areas = [f["area_km2"] for f in samples.getFeatures()]
    assert max(abs(a - 1.0) for a in areas) < 0.005
    stats = {(f["zone"], f["variable"]): f for f in QgsVectorLayer(out["OUTPUT_STATS"], "t", "ogr").getFeatures()}
    assert float(stats[("all", "feo")]["mean"]) == pytest.approx(5.0, abs=0.3)
    assert float(stats[("mare", "feo")]["mean"]) < 3.0


def test_equal_area_sampling_polygons(run_alg, tmp_path):
    raster = write_raster(tmp_path / "v.tif", np.ones((10, 10), np.float32), geotransform=(0, 0.1, 0, 1, 0, -0.1))
    out = run_alg("lunar:equalareasampling", {"RASTERS": [raster], "LAT_STEP": 0.2, "AREA_KM2": 30.0,
                                              "GEOMETRY": 1, "OUTPUT": str(tmp_path / "cells.gpkg")})
    layer = QgsVectorLayer(out["OUTPUT"], "c", "ogr")
    from qgis.core import QgsDistanceArea, QgsCoordinateReferenceSystem, QgsProject
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("IAU_2015:30100"), QgsProject.instance().transformContext())
    da.setEllipsoid("PARAMETER:1737400:1737400")
    for f in layer.getFeatures():
        assert da.measureArea(f.geometry()) / 1e6 == pytest.approx(30.0, rel=0.005)
    assert not [n for n in os.listdir(tmp_path) if "partial" in n]


def test_equal_area_statistics_only(run_alg, tmp_path):
    raster = write_raster(tmp_path / "v.tif", np.full((10, 10), 2.0, np.float32), geotransform=(0, 0.1, 0, 1, 0, -0.1))
    out = run_alg("lunar:equalareasampling", {"RASTERS": [raster], "LAT_STEP": 0.05, "AREA_KM2": 1.0,
                                              "OUTPUT_STATS": str(tmp_path / "stats.csv")})
    assert "OUTPUT" not in out
    rows = {f["variable"]: f for f in QgsVectorLayer(out["OUTPUT_STATS"], "t", "ogr").getFeatures()}
    from lunar_lab.lunar_plugin.core.sampling import count_cells
    assert float(rows["v"]["mean"]) == pytest.approx(2.0)
    assert int(rows["v"]["count"]) == count_cells((0.0, 0.0, 1.0, 1.0), 0.05, 1.0) == 920
