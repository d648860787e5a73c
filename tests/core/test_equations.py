"""Band-ratio equations: the published figures on the real sample-site table."""
import csv

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.oxides import equations
from lunar_lab.tests.rasters import r2_rmse


@pytest.fixture(scope="module")
def sites(shared_data):
    rows = list(csv.DictReader(open(shared_data / "samples" / "clementine_sites.csv")))
    return {k: np.array([float(r[k]) for r in rows]) for k in ("R415", "R750", "R950", "FeO", "TiO2")}


@pytest.mark.parametrize("preset, feo_fig, tio2_fig", [
    ("qiu2025", (0.948, 1.04), (0.824, 1.18)),
    ("lucey2000", (0.924, 1.26), (0.818, 1.20)),
])
def test_published_figures_on_sites(sites, preset, feo_fig, tio2_fig):
    c = equations.preset(preset)
    assert c.key == preset
    feo, tio2, _ = equations.all_products(sites["R415"], sites["R750"], sites["R950"], c)
    assert np.isfinite(feo).all() and np.isfinite(tio2).all()
    r2, rmse = r2_rmse(feo, sites["FeO"])
    assert (round(r2, 3), round(rmse, 2)) == feo_fig
    r2, rmse = r2_rmse(tio2, sites["TiO2"])
    assert (round(r2, 3), round(rmse, 2)) == tio2_fig


def test_domain_gives_nan():
    c = equations.PRESETS["qiu2025"]
    r750 = np.array([0.01, 0.1, 0.1], np.float32)      # 0.01 <= x0Fe = 0.018: outside the FeO domain
    r950 = np.array([0.012, 0.11, 0.11], np.float32)
    r415 = np.array([0.005, 0.06, 0.03], np.float32)   # 0.03/0.1 < y0Ti = 0.481: theta_Ti < 0
    feo, tio2, omat = equations.all_products(r415, r750, r950, c)
    assert np.isnan(feo[0]) and np.isfinite(feo[1:]).all()
    assert np.isnan(tio2[2]) and np.isfinite(tio2[1])
    assert np.isfinite(omat).all()


def test_custom_constants_override_preset():
    qiu = equations.PRESETS["qiu2025"]
    c = qiu.with_overrides(fe_slope=10.0, x0_ti=None)
    assert (c.fe_slope, c.x0_ti, c.name, c.key) == (10.0, qiu.x0_ti, "Qiu et al. 2025 (custom)", "qiu2025+custom")
    assert qiu.with_overrides(fe_slope=None) is qiu


def test_presets_by_name():
    assert equations.preset_choice(equations.PRESET_CHOICES.index("lucey2000")) is equations.PRESETS["lucey2000"]
    assert set(equations.PRESET_CHOICES) == set(equations.PRESETS)
    assert all(c.key == key for key, c in equations.PRESETS.items())
    with pytest.raises(LunarInputError, match=r"equation preset 'qiu2024' is unknown \(known: qiu2025, lucey2000\)"):
        equations.preset("qiu2024")
    with pytest.raises(LunarInputError, match=r"PRESET: expected 0..1 \(qiu2025, lucey2000\), got 2"):
        equations.preset_choice(2)


def test_mg_number():
    value = equations.mg_number(np.array([10.0]), np.array([8.0]))
    expected = (8 / 40.30) / (8 / 40.30 + 10 / 71.84)
    assert value[0] == pytest.approx(expected, rel=1e-6)
    assert np.isnan(equations.mg_number(np.array([np.nan]), np.array([8.0]))[0])
