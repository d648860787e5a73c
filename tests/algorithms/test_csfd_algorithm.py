"""lunar:csfd through processing.run on a synthetic crater population of known age."""
import os

import numpy as np
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from lunar_lab.lunar_plugin.core import crater_files, csfd
from tests.oracle import craterstats_oracle  # noqa: F401 -- fixture: craterstats 3.6.x in its own venv

TMERC = "+proj=tmerc +lat_0=-43 +lon_0=-154 +k=1 +x_0=0 +y_0=0 +a=1737400 +b=1737400 +units=m +no_defs"
LONLAT = "+proj=longlat +R=1737400 +no_defs"


def _layer(path, geometry_type, fields, rows):
    layer = _memory_layer(geometry_type, "IAU_2015:30100", fields, rows)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), options)
    return str(path)


@pytest.fixture
def population(tmp_path):
    """Craters of a 3.0 Ga surface drawn from the Neukum PF inside a 20 x 20 degree box at the equator."""
    box = QgsGeometry.fromWkt("POLYGON((-10 -10,10 -10,10 10,-10 10,-10 -10))")
    area = _layer(tmp_path / "area.gpkg", "Polygon", [("name", QVariant.String)], [(box, ["box"])])
    from qgis.core import QgsDistanceArea, QgsProject
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("IAU_2015:30100"), QgsProject.instance().transformContext())
    da.setEllipsoid("PARAMETER:1737400:1737400")
    area_km2 = da.measureArea(box) / 1e6
    diameters = csfd.synthetic_population(3.0, area_km2, 2.0, 64.0, seed=3)
    rng = np.random.default_rng(1)
    lon = rng.uniform(-10, 10, diameters.size)
    lat = np.degrees(np.arcsin(rng.uniform(np.sin(np.radians(-10)), np.sin(np.radians(10)), diameters.size)))
    rows = [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [float(d), "Imbrian" if i % 2 else "Eratosthenian"])
            for i, (x, y, d) in enumerate(zip(lon, lat, diameters))]
    # and a few craters outside the box, which must not be counted
    rows += [(QgsGeometry.fromPointXY(QgsPointXY(40, 0)), [100.0, "Imbrian"])]
    craters = _layer(tmp_path / "craters.gpkg", "Point", [("diameter_km", QVariant.Double),
                                                          ("system", QVariant.String)], rows)
    return craters, area, diameters, area_km2


def test_model_age_matches_core_and_truth(run_alg, population, tmp_path):
    craters, area, diameters, area_km2 = population
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "MAX_DIAMETER_KM": 64.0,
                                 "OUTPUT_TABLE": str(tmp_path / "table.csv"), "OUTPUT_PLOT": str(tmp_path / "csfd.png"),
                                 "OUTPUT_DIAM": str(tmp_path / "count.diam")})
    expected = csfd.fit_model_age(diameters, area_km2, 2.0, 64.0)
    assert out["N_CRATERS"] == diameters.size
    assert out["MODEL_AGE_GA"] == pytest.approx(expected.age_ga, rel=1e-6)
    assert abs(out["MODEL_AGE_GA"] - 3.0) < 3 * out["MODEL_AGE_ERR_GA"] + 0.05
    assert out["SYSTEM"] == csfd.system_for_age(out["MODEL_AGE_GA"])
    for name in ("csfd.png", "csfd.svg", "count.diam", "count.scc", "table.csv"):
        assert os.path.getsize(tmp_path / name) > 0


def test_split_by_system(run_alg, population, tmp_path):
    craters, area, _, _ = population
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "SPLIT_BY_SYSTEM": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})
    groups = {f["group"] for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    assert groups == {"all craters", "Imbrian", "Eratosthenian"}


def test_missing_diameter_field(run_alg, population, tmp_path):
    craters, area, _, _ = population
    with pytest.raises(QgsProcessingException, match="no diameter field 'diam'"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "DIAMETER_FIELD": "diam",
                               "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})


def test_zero_area_polygon(run_alg, population, tmp_path):
    craters, _, _, _ = population
    flat = _layer(tmp_path / "flat.gpkg", "Polygon", [("n", QVariant.Int)],
                  [(QgsGeometry.fromWkt("POLYGON((0 0,1 0,2 0,0 0))"), [1])])
    with pytest.raises(QgsProcessingException, match="AREA: count area 'all' has zero size on the Moon sphere"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": flat, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                               "OUTPUT_PLOT": str(tmp_path / "p.png")})


def test_unclassified_and_out_of_range_craters_are_counted_not_drawn(run_alg, population, tmp_path):
    """A NULL System is no group of its own; an age outside the model's range is no System curve; the HTML
    report's counts equal the table's and the log's."""
    from lunar_lab.tests.recording import RecordingFeedback
    craters, area, diameters, _ = population
    source = QgsVectorLayer(craters, "c", "ogr")
    rows = []
    for i, f in enumerate(source.getFeatures()):
        system = None if i % 7 == 0 else f["system"]
        rows.append((QgsGeometry(f.geometry()), [f["diameter_km"], system, i % 5 != 0]))
    marked = _layer(tmp_path / "marked.gpkg", "Point", [("diameter_km", QVariant.Double), ("system", QVariant.String),
                                                       ("in_model_range", QVariant.Bool)], rows)

    log = RecordingFeedback()
    out = run_alg("lunar:csfd", {"CRATERS": marked, "AREA": area, "MIN_DIAMETER_KM": 2.0, "SPLIT_BY_SYSTEM": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png"),
                                 "OUTPUT_HTML": str(tmp_path / "r.html")}, feedback=log)
    inside = diameters.size  # the one crater outside the box is not counted
    unclassified = sum(1 for i in range(inside) if i % 7 == 0)
    out_of_range = sum(1 for i in range(inside) if i % 7 != 0 and i % 5 == 0)
    table = {}
    for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures():
        table[f["group"]] = table.get(f["group"], 0) + int(f["n"])
    assert set(table) == {"all craters", "Imbrian", "Eratosthenian"}
    assert table["all craters"] == inside
    assert table["Imbrian"] + table["Eratosthenian"] == inside - unclassified - out_of_range
    assert any(f"{unclassified} craters without a System and {out_of_range} outside" in line for line in log.lines)
    report = open(out["OUTPUT_HTML"], encoding="utf-8").read()
    for group, n in table.items():
        assert f"<tr><td>{group}</td><td>{n}</td></tr>" in report
    assert "data:image/png;base64," in report


def test_error_bars_are_bounded_like_craterstats():
    """Gehrels' 1-sigma Poisson bounds: one crater spans 0.173-3.30, not down to zero (1e-9 on a log axis)."""
    lower, upper = csfd.poisson_interval([1, 10, 100])
    assert lower[0] == pytest.approx(0.173, abs=1e-3) and upper[0] == pytest.approx(3.300, abs=1e-3)
    assert lower[1] == pytest.approx(6.89, abs=0.01) and upper[1] == pytest.approx(14.27, abs=0.01)
    assert upper[2] == pytest.approx(100 + np.sqrt(100.75) + 1, abs=0.05)  # Gehrels eq. 7


def _memory_layer(kind, crs, fields, rows):
    layer = QgsVectorLayer(f"{kind}?crs={crs}" if ":" in crs else kind, "tmp", "memory")
    if ":" not in crs:
        layer.setCrs(QgsCoordinateReferenceSystem.fromProj(crs))
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, t) for name, t in fields])
    layer.updateFields()
    features = []
    for geometry, attributes in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(geometry)
        f.setAttributes(attributes)
        features.append(f)
    provider.addFeatures(features)
    return layer


@pytest.fixture
def ce6(craterstats_oracle):
    """craterstats' Chang'E-6 count: its boundary as a polygon kept in the transverse Mercator Moon CRS (a PROJ
    string) it was measured in, its craters as points in lon/lat."""
    from qgis.core import QgsCoordinateTransform, QgsProject
    from pathlib import Path
    path = Path(craterstats_oracle.version["path"]) / "sample" / "CE-6 8-km vicinity.scc"
    count = crater_files.read_count(path)
    ring = count.boundary[0][2]
    geographic, tmerc = QgsCoordinateReferenceSystem.fromProj(LONLAT), QgsCoordinateReferenceSystem.fromProj(TMERC)
    polygon = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring + ring[:1]]])
    polygon.transform(QgsCoordinateTransform(geographic, tmerc, QgsProject.instance().transformContext()))
    area = _memory_layer("Polygon", TMERC, [("name", QVariant.String)], [(polygon, ["CE-6"])])
    craters = _memory_layer("Point", LONLAT, [("diameter_km", QVariant.Double)],
                            [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [float(d)])
                             for x, y, d in zip(count.lons, count.lats, count.diameters_km)])
    return craters, area, count, path


@pytest.mark.parametrize("mode,method", [(0, 0), (1, 1), (2, 0), (2, 2)])
def test_ce6_count_area_in_transverse_mercator(run_alg, craterstats_oracle, ce6, tmp_path, mode, method):
    """The CE-6 count area kept in its transverse Mercator CRS: 52.487 km^2 within 0.5%, and the .scc the
    algorithm writes (boundary, perimeter, fractions, lon/lat in degrees) gives craterstats the same age."""
    craters, area, count, _ = ce6
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 0.125, "MAX_DIAMETER_KM": 0.25,
                                 "PRODUCTION": 2, "CHRONOLOGY": 0, "COUNT_MODE": mode, "METHOD": method,
                                 "EQUILIBRIUM": 1, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                                 "OUTPUT_PLOT": str(tmp_path / "p.png"), "OUTPUT_DIAM": str(tmp_path / "ce6.diam"),
                                 "OUTPUT_STAT": str(tmp_path / "ce6.stat"),
                                 "OUTPUT_SHAPEFILES": str(tmp_path / "ce6.shp")})
    assert out["AREA_KM2"] == pytest.approx(52.487, rel=0.005)
    # the .stat and the shapefile pair as craterstats reads them
    assert craterstats_oracle.call("read", source=out["OUTPUT_STAT"])["area"] == pytest.approx(out["AREA_KM2"],
                                                                                               rel=1e-3)
    pair = craterstats_oracle.call("read", source=out["OUTPUT_SHAPEFILES"])
    assert pair["area"] == pytest.approx(out["AREA_KM2"], rel=1e-5)
    assert len(pair["diam"]) == len(crater_files.read_count(tmp_path / "ce6.scc").diameters_km)
    written = crater_files.read_count(tmp_path / "ce6.scc")
    assert written.count_area().area_km2 == pytest.approx(out["AREA_KM2"], rel=1e-6)
    assert np.all((written.lons > -155) & (written.lons < -153) & (written.lats > -42) & (written.lats < -41))
    if mode == 1:
        assert np.any(written.fractions < 1)
    kind = ["poisson", "cumulative", "differential"][method]
    if kind == "poisson":
        cs = craterstats_oracle.call("poisson", source=str(tmp_path / "ce6.scc"), pf="Moon, Neukum (1983)",
                                     range=[0.125, 0.25], bcc=mode == 2)
        median = cs["median"]
    else:
        median = craterstats_oracle.call("fit", source=str(tmp_path / ("ce6.diam" if mode == 2 else "ce6.scc")),
                                         pf="Moon, Neukum (1983)", range=[0.125, 0.25], presentation=kind)["t"][0]
    assert out["MODEL_AGE_GA"] == pytest.approx(median, rel=0.02)


def test_named_count_areas_get_one_age_each(run_alg, population, tmp_path):
    craters, _, _, _ = population
    halves = _memory_layer("Polygon", "IAU_2015:30100", [("unit", QVariant.String)], [
        (QgsGeometry.fromWkt("POLYGON((-10 -10,0 -10,0 10,-10 10,-10 -10))"), ["west"]),
        (QgsGeometry.fromWkt("POLYGON((0 -10,10 -10,10 10,0 10,0 -10))"), ["east"])])
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": halves, "AREA_NAME_FIELD": "unit",
                                 "MIN_DIAMETER_KM": 2.0, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                                 "OUTPUT_PLOT": str(tmp_path / "p.png"), "OUTPUT_HTML": str(tmp_path / "r.html"),
                                 "OUTPUT_DIAM": str(tmp_path / "c.diam"), "OUTPUT_SHAPEFILES": str(tmp_path / "c.shp")})
    written = crater_files.read_count(out["OUTPUT_SCC"])            # the named areas as named sub-areas
    assert sorted(written.area_names.values()) == ["east", "west"]
    assert written.count_area().area_km2 == pytest.approx(out["AREA_KM2"], rel=1e-9)
    names = sorted(f["area_name"] for f in QgsVectorLayer(str(tmp_path / "c_AREA.shp"), "a", "ogr").getFeatures())
    assert names == ["east", "west"]
    table = {}
    for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures():
        table[f["group"]] = table.get(f["group"], 0) + int(f["n"])
    assert table["area west"] + table["area east"] == table["all craters"] == out["N_CRATERS"]
    report = open(out["OUTPUT_HTML"], encoding="utf-8").read()
    assert "<td>area west</td>" in report and "<td>area east</td>" in report


def test_function_file_choice(run_alg, population, tmp_path):
    craters, area, _, _ = population
    functions = tmp_path / "functions_user.txt"
    functions.write_text("chronology={\n name='Moon, linear'\n coefficients=[0,1,0,1e-3]\n}\n")
    with pytest.raises(QgsProcessingException, match="FUNCTION_FILE .* has no chronology function 'Moon, nope'"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "FUNCTION_FILE": str(functions),
                               "CHRONOLOGY_NAME": "Moon, nope", "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                               "OUTPUT_PLOT": str(tmp_path / "p.png")})
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "MAX_DIAMETER_KM": 64.0,
                                 "FUNCTION_FILE": str(functions), "CHRONOLOGY_NAME": "Moon, linear",
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})
    n1 = csfd.fit_model_age([f["diameter_km"] for f in QgsVectorLayer(craters, "c", "ogr").getFeatures()
                             if abs(f.geometry().asPoint().x()) <= 10], out["AREA_KM2"], 2.0, 64.0).n1
    assert out["MODEL_AGE_GA"] == pytest.approx(n1 / 1e-3, rel=0.01)   # linear: T = N(1) / 1e-3


@pytest.mark.parametrize("crs", ["", TMERC])
def test_import_ce6_scc(run_alg, craterstats_oracle, tmp_path, crs):
    """lunar:importcratercount: the CE-6 .scc as craters and a count area (by default in the transverse Mercator CRS
    the file names, or as asked); the area measures 52.487 km^2 within 0.5%, the crater lon/lat are degrees, and
    lunar:csfd on the imported layers gives craterstats' age."""
    from pathlib import Path
    path = Path(craterstats_oracle.version["path"]) / "sample" / "CE-6 8-km vicinity.scc"
    params = {"INPUT": str(path), "OUTPUT_CRATERS": str(tmp_path / "craters.gpkg"),
              "OUTPUT_AREA": str(tmp_path / "area.gpkg")}
    if crs:
        params["CRS"] = QgsCoordinateReferenceSystem.fromProj(crs)
    out = run_alg("lunar:importcratercount", params)
    assert out["N_CRATERS"] == 799
    assert out["AREA_KM2"] == pytest.approx(52.487, rel=0.005)
    assert out["PERIMETER_KM"] == pytest.approx(25.68, rel=0.005)
    craters, area = QgsVectorLayer(out["OUTPUT_CRATERS"], "c", "ogr"), QgsVectorLayer(out["OUTPUT_AREA"], "a", "ogr")
    assert craters.featureCount() == 799 and area.featureCount() == 1
    assert "tmerc" in area.crs().toProj()              # the file's own CRS, or the one asked for
    box = area.extent()
    assert box.width() > 5000 and box.width() < 10000   # metres: about 8 km across
    lons = [f["lon"] for f in craters.getFeatures()]
    assert min(lons) > -155 and max(lons) < -153
    a = next(area.getFeatures())
    assert a["area_km2"] == pytest.approx(52.487, rel=0.005)
    fit = run_alg("lunar:csfd", {"CRATERS": out["OUTPUT_CRATERS"], "AREA": out["OUTPUT_AREA"],
                                 "MIN_DIAMETER_KM": 0.125, "MAX_DIAMETER_KM": 0.25, "PRODUCTION": 2,
                                 "COUNT_MODE": 2, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                                 "OUTPUT_PLOT": str(tmp_path / "p.png")})
    assert fit["AREA_KM2"] == pytest.approx(out["AREA_KM2"], rel=1e-4)
    cs = craterstats_oracle.call("poisson", source=str(path), pf="Moon, Neukum (1983)", range=[0.125, 0.25],
                                 bcc=True)
    assert fit["N_CRATERS"] == cs["k"]
    table = sum(int(f["n"]) for f in QgsVectorLayer(fit["OUTPUT_TABLE"], "t", "ogr").getFeatures())
    assert table == 799                                    # every crater of the file lies within its radius
    assert fit["MODEL_AGE_GA"] == pytest.approx(cs["median"], rel=0.02)


def test_import_diam_and_bad_file(run_alg, craterstats_oracle, tmp_path):
    from pathlib import Path
    path = Path(craterstats_oracle.version["path"]) / "sample" / "e1.diam"
    out = run_alg("lunar:importcratercount", {"INPUT": str(path), "OUTPUT_CRATERS": str(tmp_path / "c.gpkg"),
                                              "OUTPUT_AREA": str(tmp_path / "a.gpkg")})
    cs = craterstats_oracle.call("read", source=str(path))
    assert out["N_CRATERS"] == len(cs["diam"]) and out["AREA_KM2"] == pytest.approx(cs["area"])
    fractions = sorted(f["fraction"] for f in QgsVectorLayer(out["OUTPUT_CRATERS"], "c", "ogr").getFeatures())
    np.testing.assert_allclose(fractions, sorted(cs["fraction"]), rtol=1e-6)
    bad = tmp_path / "bad.scc"
    bad.write_text("Total_area = 1 <km^2>\n")
    with pytest.raises(QgsProcessingException, match=r"bad.scc: no 'crater = \{diam"):
        run_alg("lunar:importcratercount", {"INPUT": str(bad), "OUTPUT_CRATERS": str(tmp_path / "x.gpkg")})


def test_count_area_in_polar_stereographic(run_alg, tmp_path):
    """A 20 x 20 km square in the IAU south polar stereographic CRS, 100 km from the pole: measured on the
    sphere it is 400 km^2 / k^2, k = 2 / (1 - sin lat) the projection's scale there; craters given in lon/lat."""
    import math
    square = QgsGeometry.fromWkt("POLYGON((-10000 90000,10000 90000,10000 110000,-10000 110000,-10000 90000))")
    area = _memory_layer("Polygon", "IAU_2015:30135", [("name", QVariant.String)], [(square, ["polar"])])
    lat_centre = -90 + math.degrees(100.0 / 1737.4)            # close enough: the scale varies by 1e-4 here
    lats = np.linspace(lat_centre - 0.15, lat_centre + 0.15, 40)
    craters = _memory_layer("Point", LONLAT, [("diameter_km", QVariant.Double)],
                            [(QgsGeometry.fromPointXY(QgsPointXY((i % 5) * 3.0, float(la))), [1.0 + i % 7])
                             for i, la in enumerate(lats)])
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 1.0, "MAX_DIAMETER_KM": 16.0,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})
    k = 2 / (1 - math.sin(math.radians(lat_centre)))
    assert out["AREA_KM2"] == pytest.approx(400.0 / k ** 2, rel=3e-4)
    assert out["N_CRATERS"] == 16          # lon 0 and 3 degrees: x = 0 and 5.2 km; 6 degrees: 10.5 km, outside


def test_pseudo_log_binning_and_snapped_range(run_alg, craterstats_oracle, ce6, tmp_path):
    """BINNING pseudo-log and SNAP_RANGE: the range 0.13-0.21 km becomes 0.13-0.25 km as in craterstats' default
    plot, and the cumulative fit equals craterstats' (snapped) c-fit on the written .scc."""
    craters, area, _, _ = ce6
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 0.13, "MAX_DIAMETER_KM": 0.21,
                                 "PRODUCTION": 2, "METHOD": 1, "BINNING": 1, "SNAP_RANGE": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png"),
                                 "OUTPUT_DIAM": str(tmp_path / "ce6.diam")})
    t = craterstats_oracle.call("fit", source=str(tmp_path / "ce6.scc"), pf="Moon, Neukum (1983)", range=[0.13, 0.21],
                                presentation="cumulative", binning="pseudo-log", snap=True)["t"]
    assert out["MODEL_AGE_GA"] == pytest.approx(t[0], rel=0.02)
    bins = sorted(round(float(f["bin_min_km"]), 6) for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures())
    assert {0.13, 0.14, 0.15, 0.17, 0.2} <= set(bins)                  # pseudo-log edges


def test_earth_labelled_layers_are_taken_as_lunar_degrees(run_alg, population, tmp_path):
    """Craters labelled EPSG:4326 (as much planetary data is) beside a count area in the IAU Moon CRS: their degrees
    are lunar degrees, as everywhere in Lunar Lab; the age is the same as with the Moon CRS."""
    craters, area, diameters, _ = population
    source = QgsVectorLayer(craters, "c", "ogr")
    earth = _memory_layer("Point", "EPSG:4326", [("diameter_km", QVariant.Double)],
                          [(QgsGeometry(f.geometry()), [f["diameter_km"]]) for f in source.getFeatures()])
    moon_area = _memory_layer("Polygon", "IAU_2015:30100", [("n", QVariant.Int)],
                              [(QgsGeometry.fromWkt("POLYGON((-10 -10,10 -10,10 10,-10 10,-10 -10))"), [1])])
    out = run_alg("lunar:csfd", {"CRATERS": earth, "AREA": moon_area, "MIN_DIAMETER_KM": 2.0,
                                 "MAX_DIAMETER_KM": 64.0, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                                 "OUTPUT_PLOT": str(tmp_path / "p.png")})
    assert out["N_CRATERS"] == diameters.size
    assert out["MODEL_AGE_GA"] == pytest.approx(csfd.fit_model_age(diameters, out["AREA_KM2"], 2.0, 64.0).age_ga,
                                                rel=1e-9)


# ---------------------------------------------------------------------------------------------------- issue 24

def test_fit_range_outside_the_production_function_is_refused_before_counting(run_alg, population, tmp_path):
    """MIN 20 / MAX 500 km with Neukum et al. 2001 (valid 0.01-300 km), or a range wholly outside it: refused
    before any crater is read, in the dialog's words (labels, the option's name, the valid range)."""
    from lunar_lab.tests.recording import RecordingFeedback
    craters, area, _, _ = population
    for d_min, d_max in ((20.0, 500.0), (400.0, 800.0)):
        log = RecordingFeedback()
        with pytest.raises(QgsProcessingException,
                           match=r"fit range .* \(“Fit range: minimum diameter \(km\)”, “Fit range: maximum diameter "
                                 r"\(km\)”\) is not inside the range the production function Neukum et al\. 2001 is "
                                 r"valid for, 0\.01–300 km"):
            run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": d_min,
                                   "MAX_DIAMETER_KM": d_max, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                                   "OUTPUT_PLOT": str(tmp_path / "p.png")}, feedback=log)
        assert not any("craters counted" in line for line in log.lines)   # no counting work was done
        assert not any("neukum2001" in line for line in log.lines)
    with pytest.raises(QgsProcessingException, match="“Fit range: minimum diameter \\(km\\)” \\(50 km\\) must be "
                                                     "smaller than “Fit range: maximum diameter \\(km\\)” \\(20 km\\)"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 50.0, "MAX_DIAMETER_KM": 20.0,
                               "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})


def _svg_texts(path):
    """The texts of a matplotlib SVG (it writes each text as a comment beside its glyphs)."""
    import re
    return re.findall(r"<!-- (.*?) -->", open(path, encoding="utf-8").read())


def test_split_by_system_report_and_plot(run_alg, population, tmp_path):
    """Split by System: 'all craters' is drawn with its points beside the Systems; each System's fit says what it
    is ('craters mapped as Imbrian: model age ..., which falls in the ...'); the count area reads the same in the
    log, the plot and the HTML report, which holds the plot and the fit results."""
    from lunar_lab.tests.recording import RecordingFeedback
    craters, area, diameters, _ = population
    log = RecordingFeedback()
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "SPLIT_BY_SYSTEM": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png"),
                                 "OUTPUT_HTML": str(tmp_path / "r.html")}, feedback=log)
    texts = _svg_texts(tmp_path / "p.svg")
    assert f"all craters: {diameters.size} craters" in texts            # the points of 'all craters'
    area_text = csfd.format_area(out["AREA_KM2"])
    assert f"CSFD, area {area_text}" in texts
    assert any(f"on {area_text} (perimeter" in line for line in log.lines)
    report = open(out["OUTPUT_HTML"], encoding="utf-8").read()
    assert f"Count area {area_text} (perimeter" in report
    for system in ("Imbrian", "Eratosthenian"):
        described = [t for t in texts if t.startswith(f"craters mapped as {system}: model age ")]
        assert len(described) == 1 and (", which falls in the " in described[0] or
                                        f", in the {system} as mapped" in described[0])
        assert described[0].split(", N = ")[0] in report
        assert any(line.startswith(described[0].split(", N = ")[0]) for line in log.lines)
    assert "all craters: model age " in report and "data:image/png;base64," in report
    assert any(" craters counted " in line and "; per System: " in line and "Imbrian " in line for line in log.lines)


def test_the_count_line_names_systems_only_when_split(run_alg, population, tmp_path):
    """Without a split by System the log says nothing of Systems (it said 'per System: -')."""
    from lunar_lab.tests.recording import RecordingFeedback
    craters, area, _, _ = population
    log = RecordingFeedback()
    run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0,
                           "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")},
            feedback=log)
    counted = [line for line in log.lines if " craters counted " in line]
    assert len(counted) == 1 and "System" not in counted[0], counted


def test_report_is_an_html_output_qgis_shows():
    """OUTPUT_HTML is an HTML output, created by default: the dialog writes it and lists it in the Results Viewer."""
    from qgis.core import QgsApplication, QgsProcessingOutputHtml
    alg = QgsApplication.processingRegistry().createAlgorithmById("lunar:csfd")
    assert isinstance(alg.outputDefinition("OUTPUT_HTML"), QgsProcessingOutputHtml)
    assert alg.parameterDefinition("OUTPUT_HTML").createByDefault()


def test_layer_extent_as_count_area(run_alg, population, tmp_path):
    """EXTENT instead of AREA polygons: a lon/lat rectangle measured on the Moon sphere (R^2 dlon (sin lat2 -
    sin lat1)), every crater inside counted; the same rectangle in a projected Moon CRS gives the same area."""
    import math
    craters, _, diameters, _ = population
    out = run_alg("lunar:csfd", {"CRATERS": craters, "EXTENT": "-10,10,-10,10 [IAU_2015:30100]",
                                 "MIN_DIAMETER_KM": 2.0, "MAX_DIAMETER_KM": 64.0,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})
    expected = 1737.4 ** 2 * math.radians(20.0) * 2 * math.sin(math.radians(10.0))
    assert out["AREA_KM2"] == pytest.approx(expected, rel=1e-4)
    assert out["N_CRATERS"] == diameters.size
    half = 1737400 * math.radians(10.0)                                  # equirectangular metres
    projected = run_alg("lunar:csfd", {
        "CRATERS": craters, "EXTENT": f"{-half},{half},{-half},{half} [IAU_2015:30110]", "MIN_DIAMETER_KM": 2.0,
        "MAX_DIAMETER_KM": 64.0, "OUTPUT_TABLE": str(tmp_path / "t2.csv"), "OUTPUT_PLOT": str(tmp_path / "p2.png")})
    assert projected["AREA_KM2"] == pytest.approx(expected, rel=1e-4)


def test_count_area_extent_or_polygons_exactly_one(run_alg, population, tmp_path):
    craters, area, _, _ = population
    outputs = {"OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")}
    with pytest.raises(QgsProcessingException,
                       match="No count area: give “Count area” or “Count area extent \\(without count area polygons"):
        run_alg("lunar:csfd", {"CRATERS": craters, **outputs})
    with pytest.raises(QgsProcessingException,
                       match="Both “Count area” and “Count area extent .*” are given: give only one of them"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "EXTENT": "-10,10,-10,10 [IAU_2015:30100]",
                               **outputs})
    with pytest.raises(QgsProcessingException,
                       match="EXTENT: the extent is given in EPSG:4326 .*, a CRS of another body; give it in a "
                             "lunar CRS"):
        run_alg("lunar:csfd", {"CRATERS": craters, "EXTENT": "-10,10,-10,10 [EPSG:4326]", **outputs})
