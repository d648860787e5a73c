"""Count areas on the Moon sphere, the three counting modes and the exchange files (.scc, .diam, .stat, shapefile
pairs), against craterstats 3.6.x (the oracle in tests/oracle) and its sample counts."""
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import count_areas, crater_files, csfd
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from tests.oracle import craterstats_oracle  # noqa: F401 -- fixture: craterstats 3.6.x in its own venv

CE6 = "CE-6 8-km vicinity.scc"


def _sample(oracle, name):
    return Path(oracle.version["path"]) / "sample" / name


def test_ce6_scc_imports_with_its_area_and_ages(craterstats_oracle):
    """The Chang'E-6 count: 799 craters, its boundary measured on the sphere within 0.5% of 52.487 km^2 (and of
    craterstats' own reading), ages as craterstats' from the imported craters."""
    path = _sample(craterstats_oracle, CE6)
    count = crater_files.read_count(path)
    cs = craterstats_oracle.call("read", source=str(path))
    assert count.diameters_km.size == len(cs["diam"]) == 799
    area = count.count_area()
    assert area.area_km2 == pytest.approx(52.487, rel=0.005)
    assert area.area_km2 == pytest.approx(cs["area"], rel=1e-6)
    assert area.perimeter_km == pytest.approx(cs["perimeter"], rel=1e-5) and cs["perimeter"] == pytest.approx(25.68,
                                                                                                             rel=1e-3)
    assert np.all((count.lons > -155) & (count.lons < -153) & (count.lats > -42) & (count.lats < -41))   # degrees
    for method in csfd.METHODS:
        ours = csfd.fit_model_age(count.diameters_km, area.area_km2, 0.125, 0.25, "neukum1983", "neukum1983",
                                  method=method, fractions=count.fractions, perimeter_km=area.perimeter_km)
        if method in ("poisson", "b-poisson"):
            r = craterstats_oracle.call("poisson", source=str(path), pf="Moon, Neukum (1983)", range=[0.125, 0.25],
                                        bcc=method == "b-poisson")
            median, lo, hi = r["median"], r["lo"], r["hi"]
        else:
            median, lo, hi = craterstats_oracle.call("fit", source=str(path), pf="Moon, Neukum (1983)",
                                                     range=[0.125, 0.25], presentation=method)["t"]
        assert ours.age_ga == pytest.approx(median, rel=0.02)
        assert ours.err_plus_ga == pytest.approx(hi - median, rel=0.02)
        assert ours.err_minus_ga == pytest.approx(median - lo, rel=0.02)


def test_fractions_as_craterstats_computes_them(craterstats_oracle, tmp_path):
    """Rim-crossing fractions: the CE-6 count written as a _CRATER/_AREA pair; craterstats' Spatialcount and
    Lunar Lab's 'fraction' mode give the same craters, diameters, area and (linear) fractions."""
    count = crater_files.read_count(_sample(craterstats_oracle, CE6))
    crater_path, _ = crater_files.write_shapefile_pair(tmp_path / "ce6.shp", count)
    cs = craterstats_oracle.call("read", source=crater_path)
    ours = crater_files.read_count(crater_path)
    assert ours.area_km2 == pytest.approx(cs["area"], rel=1e-6)
    assert ours.perimeter_km == pytest.approx(cs["perimeter"], rel=1e-5)
    order_cs, order = np.argsort(cs["diam"]), np.argsort(ours.diameters_km)
    np.testing.assert_allclose(ours.diameters_km[order], np.asarray(cs["diam"])[order_cs], rtol=1e-4)
    fractions_cs = np.asarray(cs["fraction"])[order_cs]
    assert np.count_nonzero(fractions_cs < 1) == np.count_nonzero(ours.fractions < 1) > 20
    np.testing.assert_allclose(ours.fractions[order], fractions_cs, atol=0.01)
    # the mode itself, on the lon/lat the .scc holds
    area = count.count_area()
    result = area.count(count.lons, count.lats, count.diameters_km, mode="fraction")
    assert result.index.size == 799 and np.all((result.fractions > 0) & (result.fractions <= 1))
    centre = area.count(count.lons, count.lats, count.diameters_km, mode="centre")
    assert centre.index.size < 799 and np.all(centre.fractions == 1)
    # and the fits in fraction mode: craterstats' own fractions of the pair give the same ages
    for method in ("cumulative", "differential"):
        ours = csfd.fit_model_age(count.diameters_km[result.index], area.area_km2, 0.0625, 0.25, method=method,
                                  fractions=result.fractions)
        t = craterstats_oracle.call("fit", source=crater_path, pf="Moon, Neukum et al. (2001)", range=[0.0625, 0.25],
                                    presentation=method)["t"]
        assert ours.age_ga == pytest.approx(t[0], rel=0.02)
        assert ours.err_plus_ga == pytest.approx(t[2] - t[0], rel=0.02)


def test_buffered_count_and_its_ages_in_craterstats(craterstats_oracle, tmp_path):
    """Buffered crater counting: a crater counts when its centre lies within its radius of the area; each has
    its own reference area (A + P r + pi r^2 for a convex area); the .scc Lunar Lab writes (boundary, perimeter)
    gives craterstats' b-poisson the same age, and its .diam with reference_area the same cumulative fit."""
    count = crater_files.read_count(_sample(craterstats_oracle, CE6))
    area = count.count_area()
    result = area.count(count.lons, count.lats, count.diameters_km, mode="buffered")
    centre = area.count(count.lons, count.lats, count.diameters_km, mode="centre")
    assert set(centre.index) <= set(result.index)
    r = count.diameters_km[result.index] / 2
    np.testing.assert_allclose(result.reference_areas_km2, area.area_km2 + area.perimeter_km * r + np.pi * r ** 2,
                               rtol=2e-3)
    d = count.diameters_km[result.index]
    scc = csfd.write_scc(tmp_path / "bcc.scc", d, area.area_km2, lons=count.lons[result.index],
                         lats=count.lats[result.index], boundary=area.boundary_rings(), perimeter_km=area.perimeter_km)
    ours = csfd.fit_model_age(d, area.area_km2, 0.125, 0.25, "neukum2001", "neukum2001", method="b-poisson",
                              perimeter_km=area.perimeter_km)
    cs = craterstats_oracle.call("poisson", source=str(scc), pf="Moon, Neukum et al. (2001)", range=[0.125, 0.25],
                                 bcc=True)
    assert ours.age_ga == pytest.approx(cs["median"], rel=0.02)
    assert ours.err_plus_ga == pytest.approx(cs["hi"] - cs["median"], rel=0.02)
    diam = csfd.write_diam(tmp_path / "bcc.diam", d, area.area_km2, reference_areas=result.reference_areas_km2)
    ours = csfd.fit_model_age(d, area.area_km2, 0.125, 0.5, "neukum2001", "neukum2001", method="cumulative",
                              reference_areas_km2=result.reference_areas_km2)
    cs = craterstats_oracle.call("fit", source=str(diam), pf="Moon, Neukum et al. (2001)", range=[0.125, 0.5],
                                 presentation="cumulative")
    assert ours.age_ga == pytest.approx(cs["t"][0], rel=0.02)
    assert ours.err_plus_ga == pytest.approx(cs["t"][2] - cs["t"][0], rel=0.02)


def test_written_scc_runs_in_craterstats_randomness_analysis(craterstats_oracle, tmp_path):
    """A .scc Lunar Lab writes (sub-areas, a hole, perimeter, crater lon/lat) is read by craterstats'
    Randomnessanalysis (a few Monte Carlo trials) with the same area and perimeter."""
    count = crater_files.read_count(_sample(craterstats_oracle, CE6))
    outer = count.count_area()
    lon0, lat0 = outer.centre
    hole = [(lon0 - 0.02, lat0 - 0.02), (lon0 + 0.02, lat0 - 0.02), (lon0 + 0.02, lat0 + 0.02), (lon0 - 0.02,
                                                                                                 lat0 + 0.02)]
    area = count_areas.CountArea([[outer.polygons[0][0], hole]], "with hole")
    hole_area = count_areas.CountArea([[hole]]).area_km2
    assert area.area_km2 == pytest.approx(outer.area_km2 - hole_area, rel=1e-9)
    kept = area.count(count.lons, count.lats, count.diameters_km, "centre").index
    scc = csfd.write_scc(tmp_path / "holed.scc", count.diameters_km[kept], area.area_km2, lons=count.lons[kept],
                         lats=count.lats[kept], boundary=area.boundary_rings(), perimeter_km=area.perimeter_km)
    back = crater_files.read_count(scc)
    assert [tag for _, tag, _ in back.boundary] == ["ext", "int"]
    assert back.count_area().area_km2 == pytest.approx(area.area_km2, rel=1e-9)
    ra = craterstats_oracle.call("randomness", source=str(scc), out=str(tmp_path / "holed"), trials=4)
    assert ra["n"] == kept.size
    assert ra["area"] == pytest.approx(area.area_km2, rel=1e-5)
    assert ra["perimeter"] == pytest.approx(area.perimeter_km, rel=1e-5)
    assert ra["n_sigma"] and all(np.isfinite(v) for v in ra["n_sigma"].values())


def test_diam_stat_and_scc_round_trips(craterstats_oracle, tmp_path):
    count = crater_files.read_count(_sample(craterstats_oracle, "e1.diam"))
    assert count.fractions is not None and np.any(count.fractions < 1)
    back = crater_files.read_count(crater_files.write_count(tmp_path / "e1.diam", count))
    np.testing.assert_allclose(back.diameters_km, count.diameters_km)
    np.testing.assert_allclose(back.fractions, count.fractions, rtol=1e-5)
    stat = crater_files.write_count(tmp_path / "e1.stat", count)
    cs = craterstats_oracle.call("read", source=str(stat))
    assert cs["area"] == pytest.approx(count.area_km2, rel=1e-3)
    ours = crater_files.read_stat(stat)
    assert ours["area_km2"] == pytest.approx(count.area_km2, rel=1e-3)
    assert sum(b["n_event"] for b in ours["bins"]) == count.diameters_km.size
    sample_stat = crater_files.read_stat(_sample(craterstats_oracle, "sample.stat"))
    assert sample_stat["area_km2"] == pytest.approx(123.45, rel=1e-3)


def test_bad_files_and_areas(tmp_path):
    bad = tmp_path / "bad.scc"
    bad.write_text("Total_area = 10 <km^2>\n")
    with pytest.raises(LunarInputError, match=r"bad.scc: no 'crater = \{diam"):
        crater_files.read_count(bad)
    with pytest.raises(LunarInputError, match=r"expected a .scc, .diam or _CRATER/_AREA .shp file"):
        crater_files.read_count(tmp_path / "x.txt")
    with pytest.raises(LunarInputError, match=r"latitudes must lie in -90..90 degrees \(is the ring in a projected"):
        count_areas.CountArea([[[(0, 0), (1000, 0), (1000, 1000)]]], "metres")
    with pytest.raises(LunarInputError, match="unknown counting mode 'rim'"):
        count_areas.CountArea([[[(0, 0), (1, 0), (1, 1)]]]).count([0.5], [0.2], [1.0], mode="rim")


def test_area_around_a_pole():
    """A ring of latitude -85 around the south pole: the cap's area and perimeter (great-circle edges between
    vertices 0.5 degree apart: within 2e-5 of the latitude circle's), craters at the pole count."""
    import math
    lon = np.linspace(-180, 180, 721)[:-1]
    cap = count_areas.CountArea([[list(zip(lon, np.full(lon.size, -85.0)))]], "cap")
    radius = 1737.4
    assert cap.area_km2 == pytest.approx(2 * math.pi * radius ** 2 * (1 - math.sin(math.radians(85))), rel=2e-5)
    assert cap.perimeter_km == pytest.approx(2 * math.pi * radius * math.cos(math.radians(85)), rel=2e-5)
    assert cap.count([0, 90, 10], [-90, -86, -80], [1, 1, 1]).index.tolist() == [0, 1]
