"""core.vector_files and core.partial without QGIS: what GDAL stores for the lunar CRS, what is rewritten, and the
temporary names outputs are written under."""
import os
import sqlite3

import pytest
from osgeo import ogr, osr

from lunar_lab.lunar_plugin.core import partial
from lunar_lab.lunar_plugin.core.vector_files import make_crs_readable, name_single_layer, wkt2_without_id


def _write(path, driver, points=((10.0, 20.0), (-170.5, -45.25))):
    srs = osr.SpatialReference()
    srs.SetFromUserInput("IAU_2015:30100")
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("craters", srs, ogr.wkbPoint)
    for x, y in points:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def _read(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    srs = layer.GetSpatialRef()
    points = [f.GetGeometryRef().GetPoint_2D() for f in layer]
    return srs, points


def test_geopackage_authority_is_rewritten_to_iau_2015(tmp_path):
    path = _write(tmp_path / "c.gpkg", "GPKG")
    query = "SELECT organization, definition FROM gpkg_spatial_ref_sys WHERE organization LIKE 'IAU%'"
    with sqlite3.connect(path) as db:
        _, before = db.execute(query).fetchone()
    assert 'AUTHORITY["IAU","30100"]' in before  # what GDAL 3.6 writes and QGIS 3.22 cannot resolve
    assert make_crs_readable(path)
    with sqlite3.connect(path) as db:
        organization, after = db.execute(query).fetchone()
    assert organization == "IAU_2015" and 'AUTHORITY["IAU",' not in after and 'AUTHORITY["IAU_2015","30100"]' in after
    srs, points = _read(path)
    assert srs.GetSemiMajor() == 1737400.0 and points == [(10.0, 20.0), (-170.5, -45.25)]


def test_geojson_crs_becomes_wkt2_without_identifiers(tmp_path):
    path = _write(tmp_path / "c.geojson", "GeoJSON")
    assert "urn:ogc:def:crs:IAU_2015::30100" in open(path).read()
    assert make_crs_readable(path)
    text = open(path).read()
    assert "urn:ogc" not in text and ",ID[" not in text and "Moon (2015) - Sphere" in text
    srs, points = _read(path)
    assert srs.IsGeographic() and srs.GetSemiMajor() == 1737400.0
    assert points == [(10.0, 20.0), (-170.5, -45.25)]  # lon/lat order kept
    assert not make_crs_readable(path)  # nothing left to rewrite


def test_other_formats_are_left_alone(tmp_path):
    path = _write(tmp_path / "c.shp", "ESRI Shapefile")
    before = open(tmp_path / "c.prj").read()
    assert not make_crs_readable(path)
    assert open(tmp_path / "c.prj").read() == before


def test_wkt2_without_id_keeps_the_moon():
    wkt = wkt2_without_id("IAU_2015:30100")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    assert ",ID[" not in wkt and srs.GetSemiMajor() == 1737400.0 and srs.IsGeographic()


def test_temporary_geopackage_layer_takes_the_final_name(tmp_path):
    path = _write(tmp_path / ".c.gpkg.123-abcdef01.partial.gpkg", "GPKG")
    name_single_layer(path, "craters_final")
    assert ogr.Open(path).GetLayer(0).GetName() == "craters_final"


def test_partial_names_commit_and_discard(tmp_path):
    target = tmp_path / "out.shp"
    tmp = partial.partial_path(target, ".shp")
    assert os.path.basename(tmp).startswith(".out.shp.") and tmp.endswith(".partial.shp") and tmp in partial.live
    _write(tmp, "ESRI Shapefile")
    assert partial.commit(tmp, target) == str(target)
    assert sorted(os.listdir(tmp_path)) == ["out.dbf", "out.prj", "out.shp", "out.shx"]
    assert tmp not in partial.live
    again = partial.partial_path(tmp_path / "x.tif", ".tif")
    open(again, "w").write("half")
    open(again + ".aux.xml", "w").write("stats")
    partial.discard(again)
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".x.tif")]


def test_only_dead_writers_partials_are_removed(tmp_path):
    target = tmp_path / "feo.tif"
    dead = tmp_path / f".feo.tif.{2 ** 22 + 7}-0123abcd.partial.tif"
    mine = tmp_path / f".feo.tif.{os.getpid()}-89abcdef.partial.tif"
    other_output = tmp_path / f".tio2.tif.{2 ** 22 + 7}-0123abcd.partial.tif"
    for p in (dead, mine, other_output):
        p.write_text("half")
    assert partial.remove_stale(target) == [str(dead)]
    assert mine.exists() and other_output.exists()


@pytest.mark.parametrize("name", ["a b.tif", "weird[1].tif", "ünï.tif"])
def test_partials_of_odd_names(tmp_path, name):
    tmp = partial.partial_path(tmp_path / name, ".tif")
    open(tmp, "w").write("x")
    partial.commit(tmp, tmp_path / name)
    assert os.listdir(tmp_path) == [name]


def test_a_dead_cluster_runs_chunk_folder_is_removed_too(tmp_path):
    dead = tmp_path / f".feo.tif.{2 ** 22 + 7}-0123abcd.partial.tif"
    chunks = tmp_path / f".feo.tif.{2 ** 22 + 7}-0123abcd.partial.tif.chunks"
    dead.write_text("half")
    chunks.mkdir()
    (chunks / "0.tif").write_text("chunk")
    assert sorted(partial.remove_stale(tmp_path / "feo.tif")) == [str(dead), str(chunks)]
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("extension", ["gpkg", "shp", "geojson"])
def test_lunar_batch_crater_files_keep_every_field_and_a_readable_crs(tmp_path, extension):
    """bin/lunar-batch's writer: the GeoPackage's authority rewritten as the plugin's outputs are, a shapefile's
    truncated diameter_km filled, nothing but the output left."""
    from lunar_lab.lunar_plugin.core.batch import write_crater_circles
    from lunar_lab.lunar_plugin.core.craters.schema import Crater
    path = tmp_path / f"c.{extension}"
    assert write_crater_circles(iter([Crater(10.0, 5.0, 3.0, 0.9, 2)]), str(path)) == 1
    ds = ogr.Open(str(path))
    feature = ds.GetLayer(0).GetNextFeature()
    assert [feature.GetField(i) for i in range(feature.GetFieldCount())] == [10.0, 5.0, 3.0, 0.9, 2]
    if extension == "gpkg":
        with sqlite3.connect(path) as db:
            definitions = [row[0] for row in db.execute("SELECT definition FROM gpkg_spatial_ref_sys WHERE "
                                                         "organization LIKE 'IAU%'")]
        assert definitions and all('AUTHORITY["IAU",' not in d for d in definitions), definitions
    assert not [p for p in os.listdir(tmp_path) if "partial" in p]
