"""The crater counting tools' layer helpers in QGIS (lunar_plugin/map_tools.py, vetting.py) without a desktop:
crater and area layers (memory and GeoPackage), craters written as points or geodesic circles in any layer CRS,
areas measured on the Moon sphere, the edit buffer honoured. The tools themselves are driven in
tests/e2e/test_counting_desktop.py."""
import numpy as np
import pytest


@pytest.fixture()
def tools(qgis_app):
    from qgis.core import QgsProject

    from lunar_lab.lunar_plugin import map_tools
    before = set(QgsProject.instance().mapLayers())
    yield map_tools
    QgsProject.instance().removeMapLayers(list(set(QgsProject.instance().mapLayers()) - before))  # only ours


def _crs(text):
    from qgis.core import QgsCoordinateReferenceSystem
    return QgsCoordinateReferenceSystem(text)


def test_crater_written_as_a_point_lands_on_its_centre(tools):
    layer = tools.new_layer("craters", _crs("IAU_2015:30135"), polygon=False)
    assert layer.fields().names() == ["lon", "lat", "diameter_km", "tag", "method"]
    assert layer.crs().authid() == "IAU_2015:30135" and layer.geometryType() == 0   # points
    fid = tools.write_crater(layer, 35.0, -88.5, 12.0, "doubtful", "3 points")
    feature = layer.getFeature(fid)
    lons, lats = tools.to_lonlat([feature.geometry().asPoint()], layer.crs())
    assert lons[0] == pytest.approx(35.0, abs=1e-9) and lats[0] == pytest.approx(-88.5, abs=1e-9)
    assert (feature["diameter_km"], feature["tag"], feature["method"]) == (12.0, "doubtful", "3 points")
    assert layer.dataProvider().featureCount() == 1   # written through the provider


@pytest.mark.parametrize("crs", ["IAU_2015:30100", "IAU_2015:30135", "IAU_2015:30110"])
def test_crater_written_as_a_circle_is_geodesic_in_any_layer_crs(tools, crs):
    from lunar_lab.lunar_plugin.core.moon import great_circle_km
    layer = tools.new_layer("craters", _crs(crs))
    lon, lat = (20.0, -87.0) if crs == "IAU_2015:30135" else (20.0, 40.0)
    fid = tools.write_crater(layer, lon, lat, 30.0)
    ring = layer.getFeature(fid).geometry().asMultiPolygon()[0][0]
    lons, lats = tools.to_lonlat(ring, layer.crs())
    assert len(ring) == tools.RING_POINTS + 1
    assert np.allclose(great_circle_km(lon, lat, lons, lats), 15.0, rtol=1e-9)


def test_geopackage_layers_reopen_with_their_moon_crs_and_tag_choices(tools, tmp_path):
    from qgis.core import QgsVectorLayer
    layer = tools.new_layer("craters", tools.moon_crs(), path=str(tmp_path / "count.gpkg"))
    assert layer.isValid() and layer.crs().authid() == "IAU_2015:30100"
    setup = layer.editorWidgetSetup(layer.fields().indexOf("tag"))
    assert setup.type() == "ValueMap"
    assert [list(item.values())[0] for item in setup.config()["map"]] == list(tools.counting.TAGS)
    tools.write_crater(layer, 1.0, 2.0, 3.0)
    reopened = QgsVectorLayer(str(tmp_path / "count.gpkg"), "again", "ogr")
    assert reopened.crs().authid() == "IAU_2015:30100" and reopened.featureCount() == 1


def test_a_layer_being_edited_gets_the_crater_in_its_edit_buffer(tools):
    layer = tools.new_layer("craters", tools.moon_crs())
    layer.startEditing()
    tools.write_crater(layer, 1.0, 2.0, 3.0)
    assert layer.isModified() and layer.featureCount() == 1 and layer.dataProvider().featureCount() == 0
    layer.undoStack().undo()   # QGIS's own undo
    assert layer.featureCount() == 0
    layer.rollBack()


def test_areas_are_measured_on_the_sphere_with_holes(tools):
    from qgis.core import QgsGeometry

    from lunar_lab.lunar_plugin.core.moon import band_area_km2
    geographic = tools.moon_crs()
    box = QgsGeometry.fromWkt("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0),(1 1, 2 1, 2 2, 1 2, 1 1))")
    expected = band_area_km2(0, 4, 4) - band_area_km2(1, 2, 1)
    assert tools.geodesic_area_km2(box, geographic) == pytest.approx(expected, rel=1e-9)
    projected = QgsGeometry(box)
    projected.transform(tools._transform(geographic, _crs("IAU_2015:30110")))   # equirectangular: same lines
    assert tools.geodesic_area_km2(projected, _crs("IAU_2015:30110")) == pytest.approx(expected, rel=1e-6)
    assert tools.geodesic_area_km2(QgsGeometry(), geographic) == 0.0


def test_vetting_style_colours_each_decision(qgis_app, tools):
    from lunar_lab.lunar_plugin import vetting
    layer = tools.new_layer("craters", tools.moon_crs())
    vetting.set_vetting_style(layer)
    renderer = layer.renderer()
    assert renderer.classAttribute() == "vetting"
    assert [(c.value(), c.label()) for c in renderer.categories()] == [
        ("accepted", "accepted"), ("rejected", "rejected"), ("redrawn", "redrawn"), ("", "not decided")]


def test_a_geopackage_that_cannot_be_written_is_named_in_the_error(tools, tmp_path):
    from lunar_lab.lunar_plugin.core.errors import LunarInputError
    with pytest.raises(LunarInputError, match=r"Cannot write .*no_such_folder/count\.gpkg"):
        tools.new_layer("craters", tools.moon_crs(), path=str(tmp_path / "no_such_folder" / "count.gpkg"))
