"""Oxide maps a user can trust: bounds, spectral domain, calibrated 1-sigma, leave-one-group-out validation."""
import csv
import json
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.oxides import cnn, maps, model_io, training, trust

ROOT = Path(__file__).resolve().parents[2]
OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]
BANDS = ["R415", "R750", "R900", "R950", "R1000"]


def clementine_rows(shared_data):
    with open(shared_data / "samples" / "clementine_sites.csv", newline="") as fh:
        return list(csv.DictReader(fh))


def station_spectra(rows):
    return trust.log_spectra({b: [float(r[b]) for r in rows] for b in BANDS}, BANDS)


def test_clip_to_bounds_counts_and_keeps_nodata():
    values = np.array([[-3.0, 1.0], [30.0, np.nan], [12.0, 18.5]], np.float32)
    counts = trust.clip_to_bounds(values, ["FeO", "TiO2"])
    assert counts == {"FeO": (1, 1), "TiO2": (0, 1)}
    assert values[0, 0] == 0 and values[1, 0] == trust.OXIDE_BOUNDS["FeO"][1] and values[2, 1] == 17
    assert np.isnan(values[1, 1])
    assert trust.bounds_of("SiO2") == (0.0, 100.0)


def test_domain_keeps_the_stations_and_refuses_spectra_no_soil_has(shared_data):
    spectra = station_spectra(clementine_rows(shared_data))
    domain, loo = trust.SpectralDomain.fit_with_threshold(spectra, BANDS)
    assert np.mean(loo <= domain.threshold) >= 0.9  # each station judged by a domain fitted without it
    assert np.mean(domain.distance2(spectra) <= domain.threshold) >= 0.9
    unphysical = [[0.05] * 5, [0.2] * 5, [0.4] * 5,  # flat
                  [0.15 * 0.98 ** k for k in range(5)], [0.2, 0.15, 0.12, 0.11, 0.10],  # inverted slopes
                  [0.062, 0.1, 0.104, 0.105, 0.105]]  # a mare level with a 1-um continuum no station has
    assert np.all(domain.distance2(np.log(unphysical)) > domain.threshold)
    assert np.isnan(domain.distance2(trust.log_spectra({b: [np.nan] for b in BANDS}, BANDS))).all()
    again = trust.SpectralDomain.from_dict(json.loads(json.dumps(domain.to_dict())))
    assert np.allclose(again.distance2(spectra), domain.distance2(spectra))


def test_domain_needs_enough_independent_sites():
    with pytest.raises(LunarInputError, match="too few"):
        trust.SpectralDomain.fit(np.zeros((5, 5)), BANDS)
    flat = np.log(np.full((10, 5), 0.1)) + np.arange(10)[:, None] * 0.01  # every band moves together
    with pytest.raises(LunarInputError, match="linearly dependent"):
        trust.SpectralDomain.fit(flat, BANDS)


def test_sigma_calibration_coverage():
    rng = np.random.default_rng(0)
    residuals = rng.normal(0, 2.0, 400)
    scale, coverage = trust.calibrate_sigma(residuals, np.zeros(400), 400)
    assert scale == pytest.approx(2.0, rel=0.15) and coverage == pytest.approx(0.6827, abs=0.03)
    # residuals that grow with the distance are covered with the leverage-scaled sigma
    d2 = rng.uniform(0, 100, 400)
    grown = rng.normal(0, 1.0, 400) * np.sqrt(1 + trust.leverage(d2, 20))
    scale, coverage = trust.calibrate_sigma(grown, d2, 20)
    assert scale == pytest.approx(1.0, rel=0.15) and 0.63 < coverage < 0.73
    assert trust.sigma_from_distance(1.0, 0.0, 20) == pytest.approx(np.sqrt(1.05))


def test_landing_site_groups_and_folds():
    assert [training.landing_site(v) for v in ("Apollo 16 - S1", "Apollo16S11", "Apollo12-3", "Luna 24",
                                                "Apollo 17 - LRV4/S2a", "Mare Crisium")] == \
        ["Apollo 16", "Apollo 16", "Apollo 12", "Luna 24", "Apollo 17", "Mare Crisium"]
    folds = training.make_folds(5, "group", groups=["a", "b", "a", "c", "b"])
    assert [te.tolist() for _, te in folds] == [[0, 2], [1, 4], [3]]
    assert all(not set(tr) & set(te) for tr, te in folds)
    with pytest.raises(LunarInputError, match="at least 2 groups"):
        training.make_folds(3, "group", groups=["a", "a", "a"])


def test_group_field_adds_figures_without_changing_the_per_station_ones(shared_data):
    rows = clementine_rows(shared_data)
    plain = training.train_and_validate(rows, cnn.CLEMENTINE_PLUS, ["TiO2"], validation="kfold", folds=5, epochs=15)
    grouped = training.train_and_validate(rows, cnn.CLEMENTINE_PLUS, ["TiO2"], validation="kfold", folds=5,
                                          epochs=15, group_field="site")
    assert grouped.metrics["TiO2"]["r2"] == plain.metrics["TiO2"]["r2"]
    assert grouped.metrics["TiO2"]["n_groups"] == 9 and "group_r2" not in plain.metrics["TiO2"]
    assert [p[0] for p in grouped.grouped] == [p[0] for p in grouped.predictions]
    assert grouped.bundle.card["groups"]["Apollo 16 - S4"] == "Apollo 16"
    sigma = grouped.bundle.card["trust"]["sigma"]["TiO2"]
    assert 0.55 < sigma["coverage"] < 0.8 and sigma["scale"] > 0 and "coverage_grouped" in sigma
    with pytest.raises(LunarInputError, match="group field 'mission'"):
        training.train_and_validate(rows, cnn.CLEMENTINE_PLUS, ["TiO2"], epochs=2, group_field="mission")


def test_shipped_clementine_card_trust(shared_data):
    card = json.loads((ROOT / "models" / "oxide_clementine.json").read_text())
    dom = card["trust"]["domain"]
    assert dom["stations_inside_leave_one_out"] >= 0.9 and dom["stations_inside_in_sample"] >= 0.9
    assert all(v["outside"] for k, v in card["unphysical_spectra"].items() if k != "threshold_d2")
    for t in OXIDES:
        assert 0.60 <= card["trust"]["sigma"][t]["coverage"] <= 0.76
        assert card["metrics"][t]["group_r2"] < card["metrics"][t]["r2"]  # landing sites are not independent
        assert card["trust"]["bounds_wt_percent"][t] == list(trust.OXIDE_BOUNDS[t])
    # the same domain, refitted from the recorded table, as the card says
    domain, _ = trust.SpectralDomain.fit_with_threshold(station_spectra(clementine_rows(shared_data)), BANDS)
    assert domain.threshold == pytest.approx(dom["threshold_d2"], rel=1e-9)
    bundle = model_io.load_model(ROOT / "models" / "oxide_clementine.pt")
    assert bundle.card["trust"]["domain"]["threshold_d2"] == dom["threshold_d2"]


def test_trusted_prediction_of_the_stations_stays_in_bounds(shared_data):
    rows = clementine_rows(shared_data)
    bundle = model_io.load_model(ROOT / "models" / "oxide_clementine.pt")
    predictor = cnn.Predictor(bundle)
    checks = trust.ModelTrust.from_card(bundle.card)
    out = maps.trusted_prediction(predictor, checks, {b: np.array([float(r[b]) for r in rows]) for b in BANDS},
                                  uncertainty=True)
    for j, t in enumerate(bundle.targets):
        low, high = trust.OXIDE_BOUNDS[t]
        assert np.all((out["predicted"][:, j] >= low) & (out["predicted"][:, j] <= high))
    assert out["inside"].mean() >= 0.9 and out["sigma"].shape == (len(rows), 5) and np.all(out["sigma"] > 0)
    no_trust = trust.ModelTrust.from_card({})
    assert no_trust.domain is None and "retrain" in no_trust.no_domain
