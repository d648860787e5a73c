"""Oxide 1D-CNN core: predictor vs plain torch, features, model files, training and leak-free validation."""
import csv
import json
from pathlib import Path

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.oxides import cnn, equations, model_io, training

ROOT = Path(__file__).resolve().parents[2]
OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]


def random_bundle(arch, preset, targets=OXIDES, members=1, seed=1, equation_preset="qiu2025"):
    bands, wls, feats = cnn.resolve_features(preset)
    nf = len(feats)
    rng = np.random.default_rng(seed)
    weights = {}
    for i, t in enumerate(targets):
        p = cnn.init_params(arch, nf, list(range(10 * i, 10 * i + members)))
        weights[t] = [{k: (v[m] + rng.normal(0, 0.05, v[m].shape)).astype(np.float32) for k, v in p.items()}
                      for m in range(members)]
    return cnn.ModelBundle(arch, feats, bands, wls, list(targets),
                           {t: rng.uniform(0.05, 0.2, nf) for t in targets},
                           {t: rng.uniform(0.01, 0.1, nf) for t in targets},
                           {t: float(5 + i) for i, t in enumerate(targets)},
                           {t: float(2 + i) for i, t in enumerate(targets)}, weights, {"note": "test"},
                           equation_preset if cnn.uses_equations(feats) else None)


def synthetic_bands(n, seed=0):
    rng = np.random.default_rng(seed)
    r750 = rng.uniform(0.06, 0.3, n)
    return {"R415": r750 * rng.uniform(0.55, 0.75, n), "R750": r750, "R900": r750 * rng.uniform(1.0, 1.1, n),
            "R950": r750 * rng.uniform(1.0, 1.15, n), "R1000": r750 * rng.uniform(1.0, 1.2, n)}


def clementine_rows(shared_data):
    with open(shared_data / "samples" / "clementine_sites.csv", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("arch,preset,members", [(0, cnn.CLEMENTINE, 1), (1, cnn.CLEMENTINE, 1),
                                                  (1, cnn.KAGUYA_MI, 2), (2, cnn.CLEMENTINE_PLUS, 3)])
def test_predictor_matches_plain_torch_conv1d(arch, preset, members):
    import torch
    bundle = random_bundle(arch, preset, members=members)
    X = np.random.default_rng(3).uniform(0.02, 0.4, (3000, bundle.n_features)).astype(np.float32)
    fast = cnn.Predictor(bundle).predict(X)
    assert fast.shape == (3000, 5) and fast.dtype == np.float32
    # Plain per-oxide torch model built from nn.Conv1d layers, mean of the members.
    for j, t in enumerate(bundle.targets):
        nets = [bundle.network(t, m) for m in range(members)]
        assert any(isinstance(mod, torch.nn.Conv1d) for mod in nets[0].modules())
        xs = torch.tensor((X - bundle.x_mean[t]) / bundle.x_std[t], dtype=torch.float32)
        with torch.no_grad():
            ref = np.mean([net(xs)[:, 0].numpy() for net in nets], axis=0) * bundle.y_std[t] + bundle.y_mean[t]
        assert np.max(np.abs(fast[:, j] - ref)) < 1e-4


def test_predictor_shapes_names_and_nan():
    bundle = random_bundle(2, cnn.CLEMENTINE_PLUS, members=2)
    pred = cnn.Predictor(bundle)
    assert pred.targets == OXIDES
    assert pred.band_names == ["R415", "R750", "R900", "R950", "R1000"]
    assert pred.wavelengths == [415.0, 750.0, 900.0, 950.0, 1000.0]
    assert pred.feature_names == ["R415", "R750", "R900", "R950", "R1000", "OMAT", "theta_Fe", "theta_Ti"]
    bands = synthetic_bands(1000)
    bands["R900"][7] = np.nan
    bands["R750"][8] = np.inf
    out = pred.predict_bands(bands)
    assert out.shape == (1000, 5)
    assert np.isnan(out[7]).all() and np.isnan(out[8]).all()
    assert np.isfinite(np.delete(out, [7, 8], axis=0)).all()
    assert pred.predict(np.zeros((0, 8), np.float32)).shape == (0, 5)
    with pytest.raises(LunarInputError, match="features"):
        pred.predict(np.zeros((4, 6), np.float32))


def test_features_from_bands_clementine_preset():
    bands = synthetic_bands(50)
    X = cnn.features_from_bands(bands, cnn.CLEMENTINE)
    assert X.shape == (50, 6) and X.dtype == np.float32
    np.testing.assert_allclose(X[:, 1], bands["R750"], rtol=1e-6)
    np.testing.assert_allclose(X[:, 5], equations.omat(bands["R750"], bands["R950"], equations.PRESETS["qiu2025"]),
                               rtol=1e-5)
    with pytest.raises(LunarInputError, match="R950"):
        cnn.features_from_bands({k: v for k, v in bands.items() if k != "R950"}, cnn.CLEMENTINE)
    b, w, f = cnn.resolve_features(cnn.KAGUYA_MI_PLUS)
    assert f[-3:] == ["OMAT", "theta_Fe", "theta_Ti"] and len(b) == 8 and w[1] == 749.0


def test_save_load_roundtrip(tmp_path):
    bundle = random_bundle(2, cnn.CLEMENTINE_PLUS, members=2, equation_preset="lucey2000")
    path = model_io.save_model(bundle, tmp_path / "m.pt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pt"]   # no temporary file (.partial) left
    back = model_io.load_model(path)
    assert back.feature_names == bundle.feature_names and back.targets == bundle.targets
    assert back.card == {"note": "test"} and back.equation_preset == "lucey2000"
    X = cnn.features_from_bands(synthetic_bands(500), back)
    np.testing.assert_array_equal(cnn.Predictor(back).predict(X), cnn.Predictor(bundle).predict(X))
    card = model_io.write_card(back, tmp_path / "m.json")
    assert json.loads((tmp_path / "m.json").read_text())["bands"] == card["bands"] == back.band_names
    assert card["equation_preset"] == "lucey2000"


def test_derived_features_use_the_recorded_equation_preset():
    bands = synthetic_bands(200)
    qiu, lucey = (random_bundle(2, cnn.CLEMENTINE_PLUS, equation_preset=k) for k in ("qiu2025", "lucey2000"))
    X_qiu, X_lucey = cnn.features_from_bands(bands, qiu), cnn.features_from_bands(bands, lucey)
    np.testing.assert_array_equal(X_qiu[:, :5], X_lucey[:, :5])      # raw bands alike
    inside = bands["R750"] > equations.PRESETS["lucey2000"].x0_fe    # Lucey's theta_Fe is NaN below x0 = 0.08
    assert 0 < inside.sum() < 200 and np.isnan(X_lucey[~inside, 6]).all() and np.isfinite(X_qiu).all()
    assert np.abs(X_qiu[inside, 5:] - X_lucey[inside, 5:]).min() > 1e-4   # OMAT, theta_Fe, theta_Ti differ
    np.testing.assert_array_equal(X_lucey, cnn.features_from_bands(bands, cnn.CLEMENTINE_PLUS, "lucey2000"))
    np.testing.assert_array_equal(X_lucey, cnn.features_from_bands(bands, cnn.Predictor(lucey)))
    with pytest.raises(LunarInputError, match="derived features need an equation preset"):
        random_bundle(2, cnn.CLEMENTINE_PLUS, equation_preset=None)
    with pytest.raises(LunarInputError, match="equation preset 'lucey' is unknown"):
        random_bundle(2, cnn.CLEMENTINE_PLUS, equation_preset="lucey")
    assert random_bundle(0, cnn.KAGUYA_MI, equation_preset="qiu2025").equation_preset is None


def test_model_files_record_and_check_the_equation_preset(tmp_path):
    import torch
    model_io.save_model(random_bundle(0, cnn.CLEMENTINE, equation_preset="lucey2000"), tmp_path / "m.pt")
    data = torch.load(tmp_path / "m.pt", weights_only=True)
    assert (data["version"], data["equation_preset"]) == (2, "lucey2000")
    old = dict(data, version=1)     # a file from before the preset was recorded
    del old["equation_preset"]
    torch.save(old, tmp_path / "v1.pt")
    assert model_io.load_model(tmp_path / "v1.pt").equation_preset == model_io.VERSION_1_EQUATION_PRESET == "qiu2025"
    torch.save(dict(data, equation_preset="qiu2031"), tmp_path / "unknown.pt")
    with pytest.raises(LunarInputError, match=r"unknown.pt': .*equation preset 'qiu2031', which this Lunar Lab "
                                              r"does not know \(known: qiu2025, lucey2000\)"):
        model_io.load_model(tmp_path / "unknown.pt")
    del data["equation_preset"]
    torch.save(data, tmp_path / "lacking.pt")
    with pytest.raises(LunarInputError, match="lacking.pt' lacks equation_preset"):
        model_io.load_model(tmp_path / "lacking.pt")


@pytest.mark.parametrize("name", ["oxide_clementine", "oxide_kaguya_mi_tio2"])
def test_three_forward_passes_agree_on_shipped_models(name):
    """The torch network (nn.Conv1d), the fast Predictor and the training pass (batched_forward), all built from
    cnn.layer_plan, give the same wt% on the shipped weights."""
    bundle = model_io.load_model(ROOT / "models" / f"{name}.pt")
    rng = np.random.default_rng(5)
    if bundle.equation_preset:
        X = cnn.features_from_bands(synthetic_bands(4000), bundle)
    else:
        X = rng.uniform(0.05, 0.3, (4000, bundle.n_features)).astype(np.float32)
    fast = cnn.Predictor(bundle).predict(X)
    torch_net = bundle.predict_reference(X)
    training_pass = np.stack([training.predict_fitted(
        [{"state": sd, "x_mean": bundle.x_mean[t], "x_std": bundle.x_std[t], "y_mean": bundle.y_mean[t],
          "y_std": bundle.y_std[t]} for sd in bundle.members[t]], X.astype(np.float64), bundle.architecture)
        for t in bundle.targets], axis=1)
    assert np.isfinite(fast).all() and fast.std(axis=0).min() > 0.1   # varied predictions, not a constant
    np.testing.assert_allclose(fast, torch_net, atol=2e-4, rtol=0)
    np.testing.assert_allclose(training_pass, torch_net, atol=2e-4, rtol=0)


def test_corrupt_and_foreign_model_files(tmp_path):
    import torch
    bad = tmp_path / "corrupt.pt"
    bad.write_bytes(b"not a torch file at all")
    with pytest.raises(LunarInputError, match="corrupt.pt"):
        model_io.load_model(bad)
    foreign = tmp_path / "foreign.pt"
    torch.save({"state_dict": {"w": torch.zeros(3)}}, foreign)
    with pytest.raises(LunarInputError, match="foreign.pt.*format"):
        model_io.load_model(foreign)
    good = tmp_path / "good.pt"
    model_io.save_model(random_bundle(0, cnn.CLEMENTINE, members=1), good)
    data = torch.load(good, weights_only=True)
    del data["members"]
    torch.save(data, tmp_path / "partial.pt")
    with pytest.raises(LunarInputError, match="partial.pt.*members"):
        model_io.load_model(tmp_path / "partial.pt")
    truncated = tmp_path / "truncated.pt"
    truncated.write_bytes(good.read_bytes()[:200])
    with pytest.raises(LunarInputError, match="truncated.pt"):
        model_io.load_model(truncated)
    with pytest.raises(LunarInputError, match="missing.pt"):
        model_io.load_model(tmp_path / "missing.pt")


def test_bad_training_input_errors(shared_data):
    rows = clementine_rows(shared_data)
    with pytest.raises(LunarInputError, match="R900"):
        training.train_and_validate([{k: v for k, v in r.items() if k != "R900"} for r in rows], cnn.CLEMENTINE,
                                    ["FeO"])
    broken = [dict(r) for r in rows]
    broken[3]["R750"] = "abc"
    with pytest.raises(LunarInputError, match="R750.*abc.*Apollo 14 - LM"):
        training.train_and_validate(broken, cnn.CLEMENTINE, ["FeO"])
    with pytest.raises(LunarInputError, match="folds"):
        training.train_and_validate(rows[:8], cnn.CLEMENTINE, ["FeO"], validation="kfold", folds=10)
    few = [dict(r) for r in rows]
    for r in few[4:]:
        r["MgO"] = ""
    with pytest.raises(LunarInputError, match="MgO.*2 sites have a value"):
        training.train_and_validate(few, cnn.CLEMENTINE, ["FeO", "MgO"])
    with pytest.raises(LunarInputError, match="Nope"):
        training.train_and_validate(rows, cnn.CLEMENTINE, ["Nope"])
    with pytest.raises(LunarInputError, match="architecture"):
        training.train_and_validate(rows, cnn.CLEMENTINE, ["FeO"], architecture=9)


def test_kfold_is_leak_free_and_normalisation_fitted_on_fold():
    folds = training.make_folds(23, "kfold", folds=5, seed=4)
    assert len(folds) == 5
    seen = np.concatenate([te for _, te in folds])
    assert sorted(seen.tolist()) == list(range(23))
    for tr, te in folds:
        assert not set(tr) & set(te) and len(tr) + len(te) == 23
    assert [te.tolist() for _, te in training.make_folds(23, "kfold", 5, 4)] == [te.tolist() for _, te in folds]
    loo = training.make_folds(6, "loo")
    assert all(te.tolist() == [i] and i not in tr for i, (tr, te) in enumerate(loo))
    # Normalisation comes from the training rows only: a wild held-out row must not move it.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 6))
    y = rng.normal(size=12)
    X[0] = 1e6
    y[0] = 1e6
    fitted = training.fit_networks(X, y, [np.arange(1, 12)], 0, [0], epochs=5)
    np.testing.assert_allclose(fitted[0]["x_mean"], X[1:].mean(0))
    np.testing.assert_allclose(fitted[0]["y_std"], y[1:].std())


def test_held_out_site_never_influences_its_prediction():
    """Changing the held-out site's target (and features) must not change its out-of-fold prediction."""
    rng = np.random.default_rng(2)
    n = 12
    cols = {"site": [f"s{i}" for i in range(n)], "FeO": list(rng.uniform(4, 20, n))}
    for b, base in (("R415", 0.07), ("R750", 0.12), ("R900", 0.125), ("R950", 0.128), ("R1000", 0.13)):
        cols[b] = list(base + rng.uniform(-0.02, 0.02, n))
    a = training.train_and_validate(cols, cnn.CLEMENTINE, ["FeO"], validation="kfold", folds=4, seed=1, epochs=60)
    fold_of_0 = next(i for i, (_, te) in enumerate(a.folds["FeO"]) if 0 in te)
    assert all(0 not in tr for tr, te in [a.folds["FeO"][fold_of_0]])
    cols2 = {k: list(v) for k, v in cols.items()}
    cols2["FeO"][0] = 99.0
    b = training.train_and_validate(cols2, cnn.CLEMENTINE, ["FeO"], validation="kfold", folds=4, seed=1, epochs=60)
    pa = {s: p for s, _, _, p in a.predictions}
    pb = {s: p for s, _, _, p in b.predictions}
    held_with_0 = [cols["site"][i] for i in a.folds["FeO"][fold_of_0][1]]
    for s in held_with_0:
        assert pa[s] == pytest.approx(pb[s], abs=1e-6)
    # ... while the same seed gives the same result (deterministic).
    c = training.train_and_validate(cols, cnn.CLEMENTINE, ["FeO"], validation="kfold", folds=4, seed=1, epochs=60)
    assert [p for *_, p in c.predictions] == [p for *_, p in a.predictions]


def test_train_small_missing_targets_skipped_and_report(shared_data, tmp_path):
    rows = clementine_rows(shared_data)
    res = training.train_and_validate(rows, cnn.CLEMENTINE, ["TiO2", "MgO"], validation="kfold", folds=3, seed=0,
                                      epochs=60)
    assert res.metrics["TiO2"]["n"] == 47 and res.metrics["MgO"]["n"] == 37
    assert {t for _, t, _, _ in res.predictions} == {"TiO2", "MgO"}
    assert len([p for p in res.predictions if p[1] == "MgO"]) == 37
    for m in res.metrics.values():
        assert set(m) >= {"r2", "rmse", "n", "train_r2", "train_rmse"}
        assert m["train_r2"] > 0.5
    X = cnn.features_from_bands({b: [float(r[b]) for r in rows] for b in res.bundle.band_names}, res.bundle)
    assert cnn.Predictor(res.bundle).predict(X).shape == (47, 2)
    back = model_io.load_model(model_io.save_model(res.bundle, tmp_path / "trained.pt"))  # card is weights_only-safe
    assert back.card["metrics"]["MgO"]["n"] == 37
    html = training.write_report_html(res, tmp_path / "report.html")
    text = Path(html).read_text()
    assert "data:image/png;base64," in text and "MgO" in text and "training fit R² (not a validation)" in text
    assert "out-of-fold R² (per station)" in text


def _shipped(name):
    pt, js = ROOT / "models" / f"{name}.pt", ROOT / "models" / f"{name}.json"
    if not pt.exists():
        pytest.skip(f"{pt} not trained yet (scripts/train_oxide_models.py)")
    return model_io.load_model(pt), json.loads(js.read_text())


def test_shipped_clementine_model_card_metrics(shared_data):
    bundle, card = _shipped("oxide_clementine")
    assert bundle.targets == OXIDES and card["targets"] == OXIDES
    assert card["bands"] == bundle.band_names and card["features"] == bundle.feature_names
    assert card["metrics"] == bundle.card["metrics"]
    rows = clementine_rows(shared_data)
    X = cnn.features_from_bands({b: [float(r[b]) for r in rows] for b in bundle.band_names}, bundle)
    pred = cnn.Predictor(bundle).predict(X)
    for j, t in enumerate(OXIDES):
        have = [i for i, r in enumerate(rows) if r[t].strip()]
        y = np.array([float(rows[i][t]) for i in have])
        r2, rmse = training.r2_rmse(y, pred[have, j])
        m = card["metrics"][t]
        assert m["n"] == len(have)
        assert r2 == pytest.approx(m["train_r2"], abs=1e-3) and rmse == pytest.approx(m["train_rmse"], abs=1e-3)
        assert m["r2"] <= m["train_r2"] and m["r2"] > 0.6
    assert "equation_feo_r2" in card["comparison"]


@pytest.mark.slow
def test_shipped_clementine_loocv_reproduces(shared_data):
    bundle, card = _shipped("oxide_clementine")
    s = card["settings"]
    res = training.train_and_validate(clementine_rows(shared_data), bundle.feature_names, ["FeO"],
                                      architecture=s["architecture"], validation="loo", seed=s["seed"],
                                      ensemble=s["ensemble"])
    assert res.metrics["FeO"]["r2"] == pytest.approx(card["metrics"]["FeO"]["r2"], abs=2e-3)


def test_kaguya_minibatch_architecture_trains(shared_data):
    with open(shared_data / "samples" / "kaguya_mi_sites_tio2.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    res = training.train_and_validate(rows, cnn.KAGUYA_MI_PLUS, ["TiO2"], architecture=1, validation="kfold",
                                      folds=5, seed=2, epochs=8, site_field="Site")
    assert res.bundle.band_names[0] == "414nm" and res.bundle.feature_names[-1] == "theta_Ti"
    assert "ThetaFe" not in res.bundle.band_names  # computed from the bands, never read from the table
    assert res.metrics["TiO2"]["n"] == 55 and len(res.predictions) == 55
    assert res.settings["batch"] == 10
