"""CSFD binning, model ages (checked against craterstats 3.6.x, the oracle in tests/oracle), Systems, bad input,
plots and craterstats files."""
import math
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import csfd, systems
from lunar_lab.lunar_plugin.core.errors import LunarInputError, Cancelled
from tests.oracle import craterstats_oracle  # noqa: F401 -- fixture: craterstats 3.6.x in its own venv

# Synthetic populations: (true age Ga, area km^2, seed); ~1000 craters in the 1-32 km fit range.
POPULATIONS = [(0.5, 2.5e6, 5), (3.0, 4.0e5, 30), (3.8, 6.0e4, 38)]
CST_NAMES = {"neukum2001": "Moon, Neukum et al. (2001)", "hartmann2010": "Moon, Hartmann 2010 iteration"}
FIT_RANGE = (1.0, 32.0)     # sqrt(2) bin edges: both tools use exactly the same craters/bins


def _population(age, area, seed, system="neukum2001"):
    return csfd.synthetic_population(age, area, 0.5, 100.0, seed=seed, production=system, chronology=system)


def _rel(a, b):
    return abs(a - b) / abs(b)


# ---------------------------------------------------------------------------------------------------- (a) ages

@pytest.mark.parametrize("system", ["neukum2001", "hartmann2010"])
@pytest.mark.parametrize("age,area,seed", POPULATIONS)
def test_poisson_age_agrees_with_craterstats(craterstats_oracle, tmp_path, system, age, area, seed):
    d = _population(age, area, seed, system)
    ours = csfd.fit_model_age(d, area, *FIT_RANGE, production=system, chronology=system, method="poisson")
    cs = craterstats_oracle.call("poisson", source=str(csfd.write_diam(tmp_path / "pop.diam", d, area)),
                                 pf=CST_NAMES[system], range=list(FIT_RANGE))      # craterstats reads our .diam
    median, lo, hi = cs["median"], cs["lo"], cs["hi"]
    assert ours.n_craters == cs["k"]
    assert _rel(ours.age_ga, median) < 0.02
    # 1-sigma errors within 2% of craterstats' (the same posterior; its pdf grid has 0.7% steps in N)
    assert ours.err_plus_ga == pytest.approx(hi - median, rel=0.02)
    assert ours.err_minus_ga == pytest.approx(median - lo, rel=0.02)
    # and the true age is recovered within 3 sigma
    assert ours.age_ga - 3 * ours.err_minus_ga < age < ours.age_ga + 3 * ours.err_plus_ga


@pytest.mark.parametrize("system", ["neukum2001", "hartmann2010"])
@pytest.mark.parametrize("age,area,seed", POPULATIONS)
def test_cumulative_fit_agrees_with_craterstats(craterstats_oracle, tmp_path, system, age, area, seed):
    d = _population(age, area, seed, system)
    ours = csfd.fit_model_age(d, area, *FIT_RANGE, production=system, chronology=system, method="cumulative")
    cs = craterstats_oracle.call("fit", source=str(csfd.write_diam(tmp_path / "pop.diam", d, area)),
                                 pf=CST_NAMES[system], range=list(FIT_RANGE), presentation="cumulative",
                                 binning="root-2")
    t = cs["t"][0]
    assert ours.n_craters == cs["n"]
    np.testing.assert_allclose(ours.extra["bins_km"], cs["d"], rtol=1e-9)     # the same bins went into both fits
    assert _rel(ours.age_ga, t) < 0.02
    assert ours.n1 == pytest.approx(cs["n1"][0], rel=0.02)
    assert ours.n1 > 0 and ours.err_plus_ga > 0 and ours.err_minus_ga > 0


# Real counts shipped in craterstats' sample/ folder, with ranges from its demo_commands.txt (2 to 313 craters).
SAMPLE_COUNTS = [("CE-6 8-km vicinity.scc", (0.12, 0.2)), ("Pickering.scc", (0.2, 0.7)), ("Pickering.scc", (2.0, 5.0)),
                 ("Im2.scc", (1.8, 20.0)), ("e1.diam", (0.24, 1.5)), ("w1.diam", (0.21, 1.2)), ("w2.diam", (1.5, 5.0)),
                 ("w5_l2.diam", (0.12, 0.8))]


def _sample(oracle, name):
    path = Path(oracle.version["path"]) / "sample" / name
    count = oracle.call("read", source=str(path))
    return path, count


@pytest.mark.parametrize("system", ["neukum2001", "hartmann2010"])
@pytest.mark.parametrize("name,fit_range", SAMPLE_COUNTS)
def test_poisson_age_of_real_counts_agrees_with_craterstats(craterstats_oracle, system, name, fit_range):
    path, count = _sample(craterstats_oracle, name)
    ours = csfd.fit_model_age(count["diam"], count["area"], *fit_range, production=system, chronology=system)
    cs = craterstats_oracle.call("poisson", source=str(path), pf=CST_NAMES[system], range=list(fit_range))
    assert ours.n_craters == cs["k"] >= 2
    assert _rel(ours.age_ga, cs["median"]) < 0.02
    assert ours.err_plus_ga == pytest.approx(cs["hi"] - cs["median"], rel=0.02)
    assert ours.err_minus_ga == pytest.approx(cs["median"] - cs["lo"], rel=0.02)


# Small counts (craters >= 1 km): old surfaces (1-5 craters on 300-1000 km^2, where a flat prior in T gave 2.3-3.2
# Ga against craterstats' 3.4-3.6 Ga), the same age band with 10-1000 craters, and young surfaces.
SMALL_COUNTS = [(1, 300.0), (2, 500.0), (3, 1000.0), (5, 1000.0), (10, 3000.0), (100, 3.0e4), (1000, 3.0e5),
                (1, 1.0e4), (3, 1.0e5), (10, 1.0e6)]


@pytest.mark.parametrize("system", ["neukum2001", "hartmann2010"])
@pytest.mark.parametrize("k,area", SMALL_COUNTS)
def test_poisson_age_of_small_counts_agrees_with_craterstats(craterstats_oracle, tmp_path, system, k, area):
    """craterstats 3.6.4+ weights the Poisson likelihood by dN1/dT; so does fit_model_age: median and 1-sigma
    within 2% from 1 crater to 1000."""
    d = np.geomspace(1.0, 8.0, k) if k > 1 else [1.5]
    d = np.concatenate([d, [0.7, 0.9, 40.0]])        # outside the 1-32 km range: counted by neither
    ours = csfd.fit_model_age(d, area, *FIT_RANGE, production=system, chronology=system)
    cs = craterstats_oracle.call("poisson", source=str(csfd.write_diam(tmp_path / "small.diam", d, area)),
                                 pf=CST_NAMES[system], range=list(FIT_RANGE))
    assert ours.n_craters == cs["k"] == k
    assert _rel(ours.age_ga, cs["median"]) < 0.02
    assert ours.err_plus_ga == pytest.approx(cs["hi"] - cs["median"], rel=0.02)
    assert ours.err_minus_ga == pytest.approx(cs["median"] - cs["lo"], rel=0.02)
    assert ours.n1 == pytest.approx(cs["n1"], rel=0.02)


def test_oracle_reproduces_craterstats_demo(craterstats_oracle):
    """craterstats' own demo (config/demo_commands.txt, default system Neukum 1983): the CE-6 8-km vicinity count,
    0.12-0.20 km, is 1.84 +0.17/-0.16 Ga on 52.487 km^2 with 799 craters: the oracle calls craterstats as it does."""
    path, count = _sample(craterstats_oracle, "CE-6 8-km vicinity.scc")
    assert len(count["diam"]) == 799 and count["area"] == pytest.approx(52.487, abs=1e-3)
    cs = craterstats_oracle.call("poisson", source=str(path), pf="Moon, Neukum (1983)", range=[0.12, 0.2],
                                 snap_binning="pseudo-log")
    assert csfd.format_age(cs["median"], cs["hi"] - cs["median"], cs["median"] - cs["lo"]) == "1.84 +0.17/-0.16 Ga"


def _fake_python(tmp_path, script):
    exe = tmp_path / "python"
    exe.write_text("#!/bin/sh\n" + script + "\n")
    exe.chmod(0o755)
    return str(exe)


def test_missing_or_broken_oracle_fails_not_skips(tmp_path, monkeypatch):
    from tests import oracle
    monkeypatch.setenv("LUNAR_CRATERSTATS_PYTHON", str(tmp_path / "none" / "python"))
    with pytest.raises(pytest.fail.Exception, match=r"does not exist: run `make setup`"):
        oracle.start_oracle()
    broken = _fake_python(tmp_path, "echo 'No module named craterstats' >&2; exit 3")
    monkeypatch.setenv("LUNAR_CRATERSTATS_PYTHON", broken)
    with pytest.raises(pytest.fail.Exception, match=r"is broken: .*exited.*:\nNo module named craterstats"):
        oracle.start_oracle()
    monkeypatch.setenv("LUNAR_CRATERSTATS_PYTHON", _fake_python(
        tmp_path, """read line; echo '{"ok": true, "result": {"craterstats": "3.2.1"}}'; cat >/dev/null"""))
    with pytest.raises(pytest.fail.Exception, match=r"has craterstats 3.2.1; the tests need 3.6.x >= 3.6.4"):
        oracle.start_oracle()


def test_oracle_runs_the_pinned_craterstats(craterstats_oracle):
    """The oracle's interpreter has what requirements-craterstats.txt pins (scripts/install-craterstats.sh)."""
    pins = dict(line.split("==") for line in (Path(__file__).parents[2] / "requirements-craterstats.txt").read_text()
                .splitlines() if "==" in line and not line.startswith("#"))
    version = craterstats_oracle.version
    assert {name: version[name] for name in ("craterstats", "numpy", "scipy")} == {
        name: pins[name] for name in ("craterstats", "numpy", "scipy")}
    assert tuple(int(p) for p in version["python"].split(".")[:2]) >= (3, 12)


def test_oracle_reports_craterstats_errors(craterstats_oracle, tmp_path):
    from tests.oracle import OracleError
    with pytest.raises(OracleError, match=r"'poisson' failed: ValueError: Production function not found: Moon, nope"):
        craterstats_oracle.call("poisson", source=str(csfd.write_diam(tmp_path / "a.diam", [1.5, 2.0], 10.0)),
                                pf="Moon, nope", range=[1, 4])
    with pytest.raises(OracleError, match=r"Unable to read file: .*missing.scc"):
        craterstats_oracle.call("read", source=str(tmp_path / "missing.scc"))
    assert craterstats_oracle.call("version")["craterstats"].startswith("3.6.")   # still answering


def test_fit_result_fields_and_system():
    d = _population(3.8, 6.0e4, 38)
    fit = csfd.fit_model_age(d, 6.0e4, 1.0, 32.0)
    assert fit.system == "Imbrian"
    assert fit.n1 == pytest.approx(float(csfd.CHRONOLOGIES["neukum2001"].n1(fit.age_ga)))
    assert fit.method == "poisson" and fit.d_min_km == 1.0 and fit.d_max_km == 32.0
    assert "Ga" in fit.age_text()
    assert set(fit.as_dict()) >= {"age_ga", "err_plus_ga", "err_minus_ga", "n1", "n_craters", "system"}


def test_chronology_and_pf_values():
    cf = csfd.CHRONOLOGIES["neukum2001"]
    # N(1) = 5.44e-14 (exp(6.93 T) - 1) + 8.38e-4 T
    assert float(cf.n1(1.0)) == pytest.approx(5.44e-14 * (math.exp(6.93) - 1) + 8.38e-4, rel=1e-12)
    for t in (0.0, 0.01, 0.8, 3.16, 3.85, 4.5):
        assert cf.age(cf.n1(t)) == pytest.approx(t, abs=1e-9)
    pf = csfd.PRODUCTION_FUNCTIONS["neukum2001"]
    assert float(pf.cumulative(1.0)) == pytest.approx(1.0)
    # published a1: local log-log slope at 1 km
    assert float(pf.log_slope(1.0)) == pytest.approx(-3.557528)
    # differential agrees with a numerical derivative of the cumulative
    d, h = 5.0, 1e-5
    num = -(pf.cumulative(d * (1 + h)) - pf.cumulative(d * (1 - h))) / (2 * d * h)
    assert float(pf.differential(d)) == pytest.approx(float(num), rel=1e-6)
    assert float(csfd.PRODUCTION_FUNCTIONS["hartmann2010"].cumulative(1.0)) == pytest.approx(1.0)


def test_pf_and_cf_match_craterstats(craterstats_oracle):
    d = np.geomspace(0.02, 250, 50)
    t = np.array([0.0, 0.01, 0.5, 1.0, 3.0, 3.5, 3.8, 4.0, 4.4])
    for system in ("neukum2001", "hartmann2010"):
        name = CST_NAMES[system]
        ours = csfd.PRODUCTION_FUNCTIONS[system]
        ok = (d > ours.d_range_km[0]) & (d < ours.d_range_km[1])
        pf = craterstats_oracle.call("pf", pf=name, d=d[ok].tolist())
        np.testing.assert_allclose(ours.cumulative(d[ok]), pf["C"], rtol=1e-6)
        if system == "neukum2001":      # polynomial: same closed-form derivative (Hartmann's F is bias-corrected)
            np.testing.assert_allclose(ours.differential(d[ok]), pf["F"], rtol=1e-6)
        cf = craterstats_oracle.call("cf", cf=name, t=t.tolist())
        np.testing.assert_allclose(csfd.CHRONOLOGIES[system].n1(t), cf["N1"], rtol=1e-12, atol=1e-300)
        # ages from N(1): craterstats inverts by interpolating a 5 Myr table, so agreement to 0.1 Myr
        n1 = np.array(cf["N1"][1:])
        back = craterstats_oracle.call("cf", cf=name, n1=n1.tolist())["t"]
        np.testing.assert_allclose(csfd.CHRONOLOGIES[system].age(n1), back, atol=1e-4)


# ---------------------------------------------------------------------------------------------------- (b) binning

HAND = [1.0, 1.2, 1.5, 2.0, 3.0, 5.0]


def test_binning_hand_checked():
    rows = csfd.csfd_table(HAND, 100.0)
    r2 = math.sqrt(2)
    assert [r["n"] for r in rows] == [2, 1, 1, 1, 1]        # 1.0 and 1.2 | 1.5 | 2.0 (on edge: upper bin) | 3 | 5
    np.testing.assert_allclose([r["bin_min_km"] for r in rows], [1, r2, 2, 2 * r2, 4])
    np.testing.assert_allclose([r["bin_max_km"] for r in rows], [r2, 2, 2 * r2, 4, 4 * r2])
    first = rows[0]
    assert first["bin_centre_km"] == pytest.approx(2 ** 0.25)
    assert first["cumulative"] == pytest.approx(6 / 100)
    assert first["cumulative_err"] == pytest.approx(math.sqrt(6) / 100)
    width = r2 - 1
    assert first["differential"] == pytest.approx(2 / (width * 100))
    assert first["differential_err"] == pytest.approx(math.sqrt(2) / (width * 100))
    assert first["r_value"] == pytest.approx(2 ** 0.75 * 2 / (width * 100))
    assert first["r_err"] == pytest.approx(2 ** 0.75 * math.sqrt(2) / (width * 100))
    last = rows[-1]
    assert last["cumulative"] == pytest.approx(0.01) and last["cumulative_err"] == pytest.approx(0.01)


def test_binning_empty_bins_and_matches_craterstats(craterstats_oracle, tmp_path):
    d = [1.1, 1.15, 5.0]
    rows = csfd.csfd_table(d, 10.0, include_empty=True)
    assert [r["n"] for r in rows] == [2, 0, 0, 0, 1]
    assert [r["cumulative"] for r in rows] == pytest.approx([0.3, 0.1, 0.1, 0.1, 0.1])
    assert [r["n"] for r in csfd.csfd_table(d, 10.0)] == [2, 1]
    # same bins as craterstats root-2 on a random count
    rng = np.random.default_rng(1)
    d = 0.3 * (1 - rng.random(400)) ** (-1 / 2.0)
    cs = craterstats_oracle.call("binned", source=str(csfd.write_diam(tmp_path / "r.diam", d, 50.0)),
                                 binning="root-2", presentations=["R-plot", "cumulative"])
    b = {k: np.asarray(v) for k, v in cs["binned"].items()}
    nz = b["n"] > 0
    rows = csfd.csfd_table(d, 50.0)
    assert len(rows) == int(nz.sum()) > 5
    np.testing.assert_allclose([r["bin_min_km"] for r in rows], b["d_min"][nz], rtol=1e-9)
    np.testing.assert_allclose([r["bin_max_km"] for r in rows], b["d_max"][nz], rtol=1e-9)
    np.testing.assert_allclose([r["n"] for r in rows], b["n"][nz])
    np.testing.assert_allclose([r["cumulative"] for r in rows], b["ncum"][nz] / 50.0)
    np.testing.assert_allclose([r["cumulative_err"] for r in rows], cs["cumulative"]["err"], rtol=1e-9)
    r_cst = cs["R-plot"]
    np.testing.assert_allclose([r["bin_centre_km"] for r in rows], r_cst["d"], rtol=1e-9)
    np.testing.assert_allclose([r["r_value"] for r in rows], r_cst["y"], rtol=1e-9)
    np.testing.assert_allclose([r["r_err"] for r in rows], r_cst["err"], rtol=1e-9)


def test_feedback_cancel():
    class Stop:
        def setProgress(self, p):
            pass

        def isCanceled(self):
            return True
    with pytest.raises(Cancelled, match="cancel"):
        csfd.csfd_table(HAND, 100.0, feedback=Stop())


# ---------------------------------------------------------------------------------------------------- (c) Systems

@pytest.mark.parametrize("age,name", [
    (0.0, "Copernican"), (0.7999, "Copernican"), (0.8, "Eratosthenian"), (3.1599, "Eratosthenian"),
    (3.16, "Imbrian"), (3.8499, "Imbrian"), (3.85, "Nectarian"), (3.9199, "Nectarian"),
    (3.92, "pre-Nectarian"), (4.52, "pre-Nectarian"), (4.8, "pre-Nectarian"),
])
def test_system_boundaries(age, name):
    assert csfd.system_for_age(age) == name


def test_system_colours_are_the_systems_table():
    """The CSFD plot draws a System's group in the colour its map legend uses (core.systems)."""
    assert csfd.system_colour("pre-Nectarian") == csfd.system_colour("Pre-Nectarian") == "#d7191c"   # red
    assert csfd.system_colour("nectarian") == "#8c510a"        # brown
    assert csfd.system_colour("Imbrian") == "#f2c200"          # the seed's yellow, darkened
    assert csfd.system_colour("Eratosthenian") == "#1a9641"    # green
    assert csfd.system_colour("Copernican") == "#2c7bb6"       # blue
    assert csfd.system_colour("mare unit 3") is None


def test_systems_table_is_ordered_and_contiguous():
    assert [s.code for s in systems.SYSTEMS] == [1, 2, 3, 4, 5]
    assert [s.name for s in systems.SYSTEMS] == ["pre-Nectarian", "Nectarian", "Imbrian", "Eratosthenian",
                                                 "Copernican"]
    for older, younger in zip(systems.SYSTEMS, systems.SYSTEMS[1:]):
        assert older.start_ga == younger.end_ga   # no gap, no overlap
    assert systems.SYSTEMS[-1].start_ga == 0.0 and systems.MOON_AGE_GA == 4.52
    assert systems.by_code(3).label == "Imbrian (3.85\u20133.16 Ga)"
    assert systems.by_name("pre nectarian") is systems.by_code(1) and systems.by_name("Imbrian2") is None
    with pytest.raises(KeyError, match="6"):
        systems.by_code(6)


@pytest.mark.parametrize("bad,match", [(-0.1, "finite number >= 0 Ga, got -0.1"),
                                       (float("nan"), "finite number >= 0 Ga, got nan"),
                                       ("old", "must be a number in Ga, got 'old'")])
def test_system_bad_age(bad, match):
    with pytest.raises(LunarInputError, match=match):
        csfd.system_for_age(bad)


# ---------------------------------------------------------------------------------------------------- (d) bad input

@pytest.mark.parametrize("diams,area,match", [
    ([], 100.0, "no crater diameters"),
    ([1.0, 0.0, 2.0], 100.0, "zero, negative"),
    ([1.0, -2.0], 100.0, "zero, negative"),
    ([1.0, float("nan")], 100.0, "not a number"),
    ([1.0, 2.0], 0.0, "area"),
    ([1.0, 2.0], -5.0, "area"),
    ([1.0, 2.0], float("nan"), "area"),
    ([1.0, 2.0], 1e9, "larger than the whole Moon"),
])
def test_bad_input_table(diams, area, match):
    with pytest.raises(LunarInputError, match=match):
        csfd.csfd_table(diams, area)
    with pytest.raises(LunarInputError, match=match):
        csfd.fit_model_age(diams, area, 1.0, 10.0)


def test_bad_fit_range():
    d = [1.1, 1.2, 3.0, 5.0]
    with pytest.raises(LunarInputError, match="holds no craters"):
        csfd.fit_model_age(d, 100.0, 10.0, 20.0)
    with pytest.raises(LunarInputError, match="empty"):
        csfd.fit_model_age(d, 100.0, 5.0, 2.0)
    with pytest.raises(LunarInputError, match="valid range"):
        csfd.fit_model_age(d, 100.0, 0.001, 10.0)
    with pytest.raises(LunarInputError, match="valid range"):
        csfd.fit_model_age(d, 100.0, 1.0, 1000.0)
    # fewer non-empty bins than a cumulative fit needs
    one_bin = csfd.fit_model_age([1.1, 1.2], 100.0, 1.0, 2.0, method="cumulative")   # one bin: craterstats fits it
    assert one_bin.extra["bins_km"] == [1.0] and one_bin.n1 == pytest.approx(2 / 100.0)
    with pytest.raises(LunarInputError, match="unknown age method"):
        csfd.fit_model_age(d, 100.0, 1.0, 10.0, method="guess")
    with pytest.raises(LunarInputError, match="production function"):
        csfd.fit_model_age(d, 100.0, 1.0, 10.0, production="nope")
    with pytest.raises(LunarInputError, match="binning"):
        csfd.csfd_table(d, 100.0, binning="5/decade")


# ---------------------------------------------------------------------------------------------------- (e) outputs

def test_plot_files(tmp_path):
    groups, fits = {}, {}
    for (age, area, seed), name in zip(POPULATIONS, ["Copernican", "Eratosthenian", "Imbrian"]):
        groups[name] = _population(age, area / 20, seed)
    areas = {name: area / 20 for (_, area, _), name in zip(POPULATIONS, groups)}
    for name in groups:
        fits[name] = csfd.fit_model_age(groups[name], areas[name], 1.0, 32.0)
    png, svg = tmp_path / "csfd.png", tmp_path / "csfd.svg"
    written = csfd.plot_csfd(groups, areas, png, svg, fits=fits)
    assert written == [str(png), str(svg)]
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text()
    assert "<svg" in text and len(text) > 10_000
    # without fits, one area for all, PNG only
    csfd.plot_csfd({"count": HAND}, 100.0, out_png=tmp_path / "b.png")
    assert (tmp_path / "b.png").stat().st_size > 0
    with pytest.raises(LunarInputError, match="groups: give a dict of group name -> crater diameters"):
        csfd.plot_csfd({}, 100.0, out_png=tmp_path / "c.png")


def test_diam_and_scc_files_read_by_craterstats(craterstats_oracle, tmp_path):
    def read(path):
        return craterstats_oracle.call("read", source=str(path))
    d = [5.0, 1.0, 2.5, 1.7]
    cc = read(csfd.write_diam(tmp_path / "a.diam", d, 123.5))
    assert cc["area"] == pytest.approx(123.5)
    assert sorted(cc["diam"]) == pytest.approx(sorted(d))
    cc = read(csfd.write_diam(tmp_path / "b.diam", d, 10.0, fractions=[1, 0.5, 1, 1], lons=[1, 2, 3, 4],
                              lats=[0, 0, 1, 1]))
    assert dict(zip(cc["diam"], cc["fraction"]))[1.0] == pytest.approx(0.5)
    assert sorted(cc["fraction"]) == pytest.approx([0.5, 1, 1, 1])

    p = csfd.write_scc(tmp_path / "a.scc", d, 4.5e-5, lons=[10, 11, 12, 13], lats=[-1, -2, -3, -4],
                       boundary=[[(9, -5), (14, -5), (14, 0), (9, 0), (9, -5)]], perimeter_km=30.0)
    cc = read(p)
    assert cc["area"] == pytest.approx(4.5e-5)
    assert cc["perimeter"] == pytest.approx(30.0)
    assert cc["diam"] == pytest.approx(sorted(d))
    cc = read(csfd.write_scc(tmp_path / "b.scc", d, 2.5e6))
    assert cc["area"] == pytest.approx(2.5e6)
    assert cc["perimeter"] is None
    with pytest.raises(LunarInputError, match="lons has 2 values for 4 craters"):
        csfd.write_scc(tmp_path / "c.scc", d, 10.0, lons=[1, 2])
    with pytest.raises(LunarInputError, match="no crater diameters given"):
        csfd.write_diam(tmp_path / "c.diam", [], 10.0)


def test_age_text_uses_plain_digits():
    """'904 +180/-160 Ma', never '1.8e+02' in a legend; the age and both errors with the same decimals (issue 24:
    '+0.31/-0.4 Ga'), more where the smaller error needs them."""
    assert csfd.format_age(0.904, 0.18, 0.16) == "904 +180/-160 Ma"
    assert csfd.format_age(0.0755, 0.011, 0.0104) == "76 +11/-10 Ma"
    assert csfd.format_age(3.58, 0.0512, 0.0797) == "3.58 +0.05/-0.08 Ga"
    assert csfd.format_age(2.1, 0.31, 0.4) == "2.10 +0.31/-0.40 Ga"
    assert csfd.format_age(3.52, 0.061, 0.07) == "3.52 +0.06/-0.07 Ga"
    assert csfd.format_age(4.0, 0.006, 0.0061) == "4.000 +0.006/-0.006 Ga"
    assert csfd.format_age(0.0052, 0.0012, 0.0008) == "5.2 +1.2/-0.8 Ma"


def test_area_text_is_one_format():
    """One way to write a count area (log, plot title, report): thousands separated, four significant digits."""
    assert csfd.format_area(5027860.1) == "5,027,860 km\u00b2"
    assert csfd.format_area(52.4871) == "52.49 km\u00b2"
    assert csfd.format_area(0.012301) == "0.01230 km\u00b2"


def _fit_of_age(age, label):
    area = 4.0e5
    return csfd.fit_model_age(csfd.synthetic_population(age, area, 1.0, 32.0, seed=4), area, 1.0, 32.0,
                              label=label)


def test_fit_over_a_mapped_system_says_where_its_age_falls():
    """'pre-Nectarian fit: 3.58 Ga (Imbrian)' read as a contradiction: a fit over the craters mapped as one System
    says plainly whether its model age falls in that System or in another (issue 24)."""
    imbrian_age = _fit_of_age(3.6, "pre-Nectarian")
    assert imbrian_age.system == "Imbrian"
    assert csfd.describe_fit("pre-Nectarian", imbrian_age) == \
        f"craters mapped as pre-Nectarian: model age {imbrian_age.age_text()}, which falls in the Imbrian"
    assert csfd.describe_fit("Imbrian", imbrian_age) == \
        f"craters mapped as Imbrian: model age {imbrian_age.age_text()}, in the Imbrian as mapped"
    assert csfd.describe_fit("all craters", imbrian_age) == \
        f"all craters: model age {imbrian_age.age_text()} (Imbrian)"


def test_age_labels_lie_on_no_data_point():
    """The ages are written outside the plot panels (a legend below them), so no label covers a data point,
    however the curves run (issue 24: labels in the upper right corner covered points)."""
    groups = {"all craters": _population(3.6, 4.0e5, 4), "Imbrian": _population(3.6, 2.0e5, 5)}
    fits = {name: csfd.fit_model_age(d, 4.0e5 if name == "all craters" else 2.0e5, 1.0, 32.0)
            for name, d in groups.items()}
    fig = csfd.csfd_figure(groups, {"all craters": 4.0e5, "Imbrian": 2.0e5}, fits=fits)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    from matplotlib.text import Text
    labels = [t for t in fig.findobj(Text) if any(f.age_text() in t.get_text() for f in fits.values())]
    assert len(labels) == len(fits)
    for label in labels:
        box = label.get_window_extent(renderer)
        for ax in fig.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), label.get_text()


# ------------------------------------------------------------------------------------------ functions, methods
# Every offered production x chronology pair and all four of craterstats' age methods, against craterstats itself.

PRODUCTIONS = [f.key for f in csfd.functions_of("production")]
CHRONOLOGY_KEYS = [f.key for f in csfd.functions_of("chronology")]
METHOD_RANGES = [("CE-6 8-km vicinity.scc", (0.125, 0.25)), ("e1.diam", (0.24, 1.5)), ("Pickering.scc", (0.2, 0.7)),
                 ("w1.diam", (0.21, 1.2))]


def _oracle_age(oracle, source, pf, cf, fit_range, method):
    """craterstats' (median, +err, -err) for one method: Craterpdf for (b-)Poisson, Productionfn.fit otherwise."""
    names = {f.key: f.name for f in csfd.FUNCTIONS}
    if method in ("poisson", "b-poisson"):
        cs = oracle.call("poisson", source=str(source), pf=names[pf], cf=names[cf], range=list(fit_range),
                         bcc=method == "b-poisson")
        median, lo, hi = cs["median"], cs["lo"], cs["hi"]
    else:
        cs = oracle.call("fit", source=str(source), pf=names[pf], cf=names[cf], range=list(fit_range),
                         presentation=method)
        median, lo, hi = cs["t"]
    return median, hi - median, median - lo


def _assert_age_close(fit, expected, rel=0.02):
    median, plus, minus = expected
    assert _rel(fit.age_ga, median) < rel
    assert fit.err_plus_ga == pytest.approx(plus, rel=rel)
    if math.isnan(minus):   # craterstats: log10 of (first point - 0.98 sigma) < 0; Lunar Lab: down to 0 Ga
        assert fit.err_minus_ga == pytest.approx(fit.age_ga, abs=1e-9) and fit.method == "differential"
    else:
        assert fit.err_minus_ga == pytest.approx(minus, rel=rel)


def test_function_table_matches_craterstats_functions_file(craterstats_oracle):
    """One table (key, kind, craterstats name, label, citation): each name is in craterstats' functions.txt, and
    the values evaluate as craterstats evaluates them."""
    listed = craterstats_oracle.call("functions")
    d = np.geomspace(0.011, 290, 40)
    t = np.array([0.0, 0.001, 0.5, 1.0, 3.0, 3.8, 4.4])
    for row in csfd.FUNCTIONS:
        assert row.name in listed[row.kind], row
        assert row.label and row.citation
        if row.kind == "production":
            ok = (d > row.d_range_km[0]) & (d < row.d_range_km[1])
            cs = craterstats_oracle.call("pf", pf=row.name, d=d[ok].tolist())
            np.testing.assert_allclose(row.function.cumulative(d[ok]), cs["C"], rtol=1e-6)
            np.testing.assert_allclose(row.function.differential(d[ok]), cs["F"], rtol=1e-6)
        elif row.kind == "chronology":
            cs = craterstats_oracle.call("cf", cf=row.name, t=t.tolist())
            np.testing.assert_allclose(row.function.n1(t), cs["N1"], rtol=1e-12, atol=1e-300)
            np.testing.assert_allclose(row.function.phi(t), cs["phi"], rtol=1e-12)
    pairs = {(r.key, r.pairs_with) for r in csfd.functions_of("chronology")}
    assert ("yue2022", "neukum2001") in pairs and csfd.default_chronology("neukum1983") == "neukum1983"


def test_equilibrium_functions_as_craterstats():
    """Trask (1966): N(>=D) = 10^-1.1 D^-2; Hartmann (1984): 10^-1.14 D^-1.83 (per km^2, D in km)."""
    trask, hartmann = csfd.EQUILIBRIUM_FUNCTIONS["trask1966"], csfd.EQUILIBRIUM_FUNCTIONS["hartmann1984"]
    assert float(trask.cumulative(2.0)) == pytest.approx(10 ** -1.1 / 4, rel=1e-12)
    assert float(hartmann.cumulative(10.0)) == pytest.approx(10 ** (-1.14 - 1.83), rel=1e-12)


@pytest.mark.parametrize("method", csfd.METHODS)
@pytest.mark.parametrize("chronology", CHRONOLOGY_KEYS)
@pytest.mark.parametrize("production", PRODUCTIONS)
def test_every_function_pair_and_method_agrees_with_craterstats(craterstats_oracle, production, chronology, method):
    """Real counts of craterstats' sample/ (fractions < 1 included; e1.diam has them), median and 1-sigma within
    2% of craterstats' for each production x chronology pair and each method (b-poisson where the file has a
    perimeter)."""
    for name, fit_range in METHOD_RANGES:
        path, count = _sample(craterstats_oracle, name)
        if method == "b-poisson" and count["perimeter"] is None:
            continue
        ours = csfd.fit_model_age(count["diam"], count["area"], *fit_range, production=production,
                                  chronology=chronology, method=method, fractions=count["fraction"] or None,
                                  perimeter_km=count["perimeter"])
        _assert_age_close(ours, _oracle_age(craterstats_oracle, path, production, chronology, fit_range, method))


@pytest.mark.parametrize("method,k", [(m, k) for m in csfd.METHODS for k in (1, 3, 10, 100, 1000)
                                      if k >= 3 or m in ("poisson", "b-poisson")])
def test_methods_from_one_to_a_thousand_craters(craterstats_oracle, tmp_path, method, k):
    """Counts of 1 to 1000 craters written by Lunar Lab (.scc with a perimeter) and read by craterstats (binned fits
    from 3 craters: they need 2 non-empty bins)."""
    area, perimeter = 200.0 * k, 60.0 * math.sqrt(k)
    d = np.geomspace(1.0, 12.0, k) if k > 1 else np.array([1.5])
    fit_range = (1.0, 16.0)
    for production, chronology in [("neukum2001", "neukum2001"), ("neukum1983", "yue2022"),
                                   ("hartmann2010", "hartmann2010")]:
        ours = csfd.fit_model_age(d, area, *fit_range, production=production, chronology=chronology,
                                  method=method, perimeter_km=perimeter)
        source = csfd.write_scc(tmp_path / "count.scc", d, area, perimeter_km=perimeter)
        _assert_age_close(ours, _oracle_age(craterstats_oracle, source, production, chronology, fit_range, method))


def test_user_function_file(tmp_path):
    """A craterstats function file (functions.txt format) gives functions by name; bad files name what is wrong."""
    path = tmp_path / "functions_user.txt"
    path.write_text("# mine\nproduction={\n name='Moon, steep'\n coefficients=[0,-3.0]\n range=[.1,10.]\n}\n"
                    "chronology={\n name='Moon, linear'\n coefficients=[0,1,0,1e-3]\n}\n")
    loaded = csfd.load_function_file(path)
    assert set(loaded["production"]) == {"Moon, steep"} and set(loaded["chronology"]) == {"Moon, linear"}
    fit = csfd.fit_model_age([2.0] * 10, 1.0e4, 1.0, 10.0, production="Moon, steep", chronology="Moon, linear",
                             method="poisson")
    # N(>=1 km)/N1 = 1 - 10^-3; a linear chronology: T = N1 / 1e-3; flat prior in mu: median of Gamma(11)
    from scipy.special import gammaincinv
    assert fit.age_ga == pytest.approx(gammaincinv(11, 0.5) / (1.0e4 * (1 - 1e-3)) / 1e-3, rel=1e-6)
    bad = tmp_path / "bad.txt"
    bad.write_text("chronology={\n name='x'\n coefficients=[1,2]\n}\n")
    with pytest.raises(LunarInputError, match=r"bad.txt: chronology 'x' needs 4 coefficients"):
        csfd.load_function_file(bad)
    with pytest.raises(LunarInputError, match=r"unknown production function 'Moon, nope'; expected one of"):
        csfd.fit_model_age([2.0], 1.0e4, 1.0, 10.0, production="Moon, nope")


def test_method_errors():
    with pytest.raises(LunarInputError, match="'b-poisson' .* needs the count area's perimeter_km"):
        csfd.fit_model_age([1.5, 2.0], 100.0, 1.0, 4.0, method="b-poisson")
    with pytest.raises(LunarInputError, match="holds no non-empty root-2 bin"):
        csfd.fit_model_age([1.5, 2.0], 100.0, 5.0, 8.0, method="differential")
    with pytest.raises(LunarInputError, match="fractions has 1 values for 2 craters"):
        csfd.fit_model_age([1.5, 2.0], 100.0, 1.0, 4.0, method="cumulative", fractions=[1.0])


@pytest.mark.parametrize("binning", list(csfd.BINNINGS))
def test_binnings_and_snapped_ranges_as_craterstats(craterstats_oracle, binning):
    """craterstats' binnings (pseudo-log, its default, included) and its default snapping of the fit range to bin
    edges: off-edge ranges give the same ages, snapped or not, for every method."""
    for name, fit_range in [("CE-6 8-km vicinity.scc", (0.13, 0.31)), ("e1.diam", (0.23, 1.3))]:
        path, count = _sample(craterstats_oracle, name)
        for method in csfd.METHODS:
            if method == "b-poisson" and count["perimeter"] is None:
                continue
            for snap in (False, True):
                ours = csfd.fit_model_age(count["diam"], count["area"], *fit_range, "neukum2001", "neukum2001",
                                          method=method, binning=binning, fractions=count["fraction"] or None,
                                          perimeter_km=count["perimeter"], snap=snap)
                if method in ("poisson", "b-poisson"):
                    cs = craterstats_oracle.call("poisson", source=str(path), pf="Moon, Neukum et al. (2001)",
                                                 range=list(fit_range), bcc=method == "b-poisson",
                                                 snap_binning=binning if snap else None)
                    assert ours.n_craters == cs["k"]
                    expected = cs["median"], cs["hi"] - cs["median"], cs["median"] - cs["lo"]
                    assert [ours.d_min_km, ours.d_max_km] == pytest.approx(cs["range"], rel=1e-6)
                else:
                    t = craterstats_oracle.call("fit", source=str(path), pf="Moon, Neukum et al. (2001)",
                                                range=list(fit_range), presentation=method, binning=binning,
                                                snap=snap)["t"]
                    expected = t[0], t[2] - t[0], t[0] - t[1]
                _assert_age_close(ours, expected)
    assert csfd.snap_range(0.13, 0.31, "pseudo-log") == pytest.approx((0.13, 0.35))
    assert csfd.snap_range(0.13, 0.31, "root-2") == pytest.approx((2 ** -3, 2 ** -1.5))
