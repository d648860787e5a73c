"""Training and leak-free cross-validation of the oxide 1D-CNNs.

Every fold's network is trained only on its training sites: the z-scores of inputs and targets are fitted on
them, early stopping watches their training loss (Qiu et al. 2025), and the held-out sites are predicted once at
the end. All folds, the ensemble members and the final all-sites model of a target are trained together as
one batch of independent networks (``cnn.batched_forward``), which is what makes the full LOOCV fast.
"""
import base64
import datetime
import html
import io
import math
import re
import time
from dataclasses import dataclass, field

import numpy as np

from ..errors import LunarInputError
from ..feedback import Progress, ensure
from ..messages import tr
from . import cnn, trust

MIN_SITES = 5
CODE_VERSION = "oxide-cnn 1.0"


@dataclass
class TrainingResult:
    bundle: "cnn.ModelBundle"
    predictions: list            # (site, target, measured, out-of-fold predicted)
    metrics: dict                # target -> {r2, rmse, n, train_r2, train_rmse}
    settings: dict
    folds: dict = field(default_factory=dict)   # target -> list of (train site indices, test site indices)
    seconds: float = 0.0
    grouped: list = field(default_factory=list)  # (site, target, measured, leave-one-group-out predicted)


# --------------------------------------------------------------------------------------------- input

def _columns(rows):
    if isinstance(rows, dict):
        cols = {str(k): list(v) for k, v in rows.items()}
        lens = {len(v) for v in cols.values()}
        if len(lens) > 1:
            raise LunarInputError(tr("table: columns have different lengths {lengths}").format(lengths=sorted(lens)))
        return cols, (lens.pop() if lens else 0)
    rows = list(rows)
    names = []
    for r in rows:
        for k in r:
            if k not in names:
                names.append(k)
    return {k: [r.get(k) for r in rows] for k in names}, len(rows)


def _number(value):
    if value is None:
        return None
    if isinstance(value, (int, float, np.floating, np.integer)):
        v = float(value)
        return None if math.isnan(v) else v
    s = str(value).strip()
    if s == "" or s.lower() in ("nan", "na", "null", "none"):
        return None
    return float(s)


def _numbers(cols, name, what, sites):
    """Column ``name`` as floats, NaN where empty; a clear error when missing or not numeric."""
    if name not in cols:
        raise LunarInputError(tr("{what} '{name}' is missing from the table (columns: {columns})").format(
            what=what, name=name, columns=list(cols)))
    out = np.full(len(sites), np.nan)
    for i, v in enumerate(cols[name]):
        try:
            x = _number(v)
        except ValueError:
            raise LunarInputError(tr("{what} '{name}': '{value}' at site '{site}' is not a number").format(
                what=what, name=name, value=v, site=sites[i])) from None
        if x is not None:
            out[i] = x
    return out


def read_table(rows, feature_fields, target_fields, site_field="site", equation_preset=cnn.FEATURE_EQUATION_PRESET):
    """(sites, X (n, f), Y (n, t) with NaN for missing targets, band_names, wavelengths, feature_names, targets,
    band_arrays {band name: (n,) reflectance}); derived features use ``equation_preset``'s constants."""
    cols, n = _columns(rows)
    if n == 0:
        raise LunarInputError(tr("table: no rows"))
    bands, wavelengths, features = cnn.resolve_features(feature_fields, list(cols))
    site_key = site_field if site_field in cols else next((k for k in cols if k.lower() == "site"), None)
    sites = [str(s) for s in cols[site_key]] if site_key else [f"row {i + 1}" for i in range(n)]
    band_arrays = {}
    for b in bands:
        band_arrays[b] = _numbers(cols, b, tr("feature field"), sites)
        missing = np.flatnonzero(np.isnan(band_arrays[b]))
        if missing.size:
            raise LunarInputError(tr("feature field '{field}': value missing at site '{site}'").format(
                field=b, site=sites[missing[0]]))
    X = cnn.features_from_bands(band_arrays, features, equation_preset).astype(np.float64)
    for j, f in enumerate(features):
        bad = np.flatnonzero(~np.isfinite(X[:, j]))
        if bad.size:
            raise LunarInputError(tr("feature '{feature}' is undefined at site '{site}' (check its "
                                     "reflectance)").format(feature=f, site=sites[bad[0]]))
    if isinstance(target_fields, str):
        target_fields = [t.strip() for t in target_fields.split(",") if t.strip()]
    targets = [str(t) for t in target_fields]
    if not targets:
        raise LunarInputError(tr("target fields: at least one target is needed"))
    Y = np.stack([_numbers(cols, t, tr("target field"), sites) for t in targets], axis=1)
    return sites, X, Y, bands, wavelengths, features, targets, band_arrays


def landing_site(value):
    """The group of a station: the mission name and number it starts with ('Apollo 16 - S1', 'Apollo16S1' and
    'Apollo 16' -> 'Apollo 16'; 'Luna 24' -> 'Luna 24'), else the whole value (stripped)."""
    m = re.match(r"\s*([A-Za-z][A-Za-z' ]*?)[\s_-]*(\d+)", str(value))
    return f"{m.group(1).strip()} {m.group(2)}" if m else str(value).strip()


def read_groups(rows, group_field, sites):
    """Group label (``landing_site`` of the field's value) of every row; a clear error for a missing field/value."""
    cols, _ = _columns(rows)
    if group_field not in cols:
        raise LunarInputError(tr("group field '{field}' is missing from the table (columns: {columns})").format(
            field=group_field, columns=list(cols)))
    groups = []
    for site, value in zip(sites, cols[group_field]):
        if value is None or str(value).strip() in ("", "NULL"):
            raise LunarInputError(tr("group field '{field}': no value at site '{site}'").format(field=group_field,
                                                                                                 site=site))
        groups.append(landing_site(value))
    return groups


def make_folds(n, validation="loo", folds=10, seed=0, label=None, groups=None):
    """[(train indices, test indices)] over range(n): leave-one-out, shuffled k-fold (deterministic) or
    leave-one-group-out ('group', with ``groups`` a label per index). ``label`` names the column in errors
    (default: 'target')."""
    label = tr("target") if label is None else label
    if validation == "group":
        labels = list(dict.fromkeys(groups))
        if len(labels) < 2:
            raise LunarInputError(tr("{label}: leave-one-group-out needs at least 2 groups, got {groups}").format(
                label=label, groups=labels))
        g = np.asarray(groups, dtype=object)
        return [(np.flatnonzero(g != lab), np.flatnonzero(g == lab)) for lab in labels]
    if validation in ("loo", "loocv", "leave-one-out"):
        return [(np.array([j for j in range(n) if j != i]), np.array([i])) for i in range(n)]
    if validation in ("kfold", "k-fold"):
        k = int(folds)
        if k < 2:
            raise LunarInputError(tr("folds: at least 2 are needed, got {folds}").format(folds=k))
        if n < k:
            raise LunarInputError(tr("{label}: {n} sites are fewer than the {folds} folds asked for").format(
                label=label, n=n, folds=k))
        perm = np.random.default_rng(seed).permutation(n)
        parts = np.array_split(perm, k)
        return [(np.sort(np.concatenate([p for q, p in enumerate(parts) if q != i])), np.sort(parts[i]))
                for i in range(k)]
    if validation in ("none", None):
        return []
    raise LunarInputError(tr("validation: expected 'loo' or 'kfold', got {validation!r}").format(
        validation=validation))


# --------------------------------------------------------------------------------------------- fitting

def fit_networks(X, y, train_sets, architecture, seeds, feedback=None, progress=None, columns=None, epochs=None):
    """Train one network per (training index set, seed) pair, all at once.

    ``y`` is (N,) or (N, T) with ``columns[i]`` the target column of ``train_sets[i]``. Each network z-scores X
    and y with the mean/std of its own training rows only. Returns a list of dicts
    {state: {name: float32 array}, x_mean, x_std, y_mean, y_std, epochs} in the order train_sets x seeds.
    """
    import torch
    spec = cnn.arch_spec(architecture)
    max_epochs = int(epochs or spec.epochs)
    nf = X.shape[1]
    y = np.asarray(y, dtype=np.float64)
    y2 = y[:, None] if y.ndim == 1 else y
    columns = list(columns) if columns is not None else [0] * len(train_sets)
    jobs = [(np.asarray(tr), s, c) for tr, c in zip(train_sets, columns) for s in seeds]
    M, N = len(jobs), X.shape[0]
    xm = np.array([X[tr].mean(0) for tr, _, _ in jobs])
    xs = np.array([X[tr].std(0) for tr, _, _ in jobs])
    xs = np.where(xs > 1e-12, xs, 1.0)
    ym = np.array([y2[tr, c].mean() for tr, _, c in jobs])
    ys = np.array([y2[tr, c].std() for tr, _, c in jobs])
    ys = np.where(ys > 1e-12, ys, 1.0)
    Xn = torch.tensor((X[None, :, :] - xm[:, None, :]) / xs[:, None, :], dtype=torch.float32)  # (M, N, F)
    yfill = np.where(np.isfinite(y2), y2, 0.0)
    Yn = torch.tensor((yfill[:, [c for _, _, c in jobs]].T - ym[:, None]) / ys[:, None], dtype=torch.float32)  # (M, N)

    params = {k: torch.tensor(v, requires_grad=True)
              for k, v in cnn.init_params(architecture, nf, [s for _, s, _ in jobs]).items()}
    kernels = [v for k, v in params.items() if k.endswith(".weight")]
    opt = torch.optim.Adam(list(params.values()), lr=spec.lr, foreach=True)
    n_train = np.array([len(tr) for tr, _, _ in jobs])
    n_batches = int(math.ceil(n_train.max() / spec.batch))
    rng = np.random.default_rng(12345 + int(seeds[0]))
    best = {k: v.detach().clone() for k, v in params.items()}
    best_loss = torch.full((M,), float("inf"))
    wait = torch.zeros(M, dtype=torch.long)
    stopped = torch.zeros(M, dtype=torch.bool)
    epochs_run = torch.zeros(M, dtype=torch.long)
    full_batch = spec.batch >= n_train.max()
    if full_batch:
        mask_full = torch.zeros(M, N)
        for m, (tr, _, _) in enumerate(jobs):
            mask_full[m, tr] = 1.0
    progress = progress or Progress(feedback, max_epochs)
    for epoch in range(max_epochs):
        if epoch % 20 == 0:
            progress.step(epoch)
        if full_batch:
            batches = [(torch.arange(N).expand(M, N), mask_full)]
        else:
            idx = np.zeros((M, n_batches * spec.batch), dtype=np.int64)
            msk = np.zeros((M, n_batches * spec.batch), dtype=np.float32)
            for m, (tr, _, _) in enumerate(jobs):
                perm = rng.permutation(tr)
                idx[m, :len(perm)] = perm
                msk[m, :len(perm)] = 1.0
            idx_t, msk_t = torch.from_numpy(idx), torch.from_numpy(msk)
            batches = [(idx_t[:, b * spec.batch:(b + 1) * spec.batch], msk_t[:, b * spec.batch:(b + 1) * spec.batch])
                       for b in range(n_batches)]
        epoch_loss = torch.zeros(M)
        for bidx, bmask in batches:
            xb = torch.gather(Xn, 1, bidx[:, :, None].expand(-1, -1, nf))
            yb = torch.gather(Yn, 1, bidx)
            pred = cnn.batched_forward(params, xb, architecture, nf)
            cnt = bmask.sum(1)
            data_loss = ((pred - yb) ** 2 * bmask).sum(1) / cnt.clamp(min=1)
            reg = sum((w ** 2).flatten(1).sum(1) for w in kernels) * spec.l2 if spec.l2 else torch.zeros(M)
            loss_m = (data_loss + reg) * (cnt > 0)
            opt.zero_grad()
            loss_m.sum().backward()
            opt.step()
            epoch_loss += loss_m.detach() * cnt / torch.tensor(n_train, dtype=torch.float32)
        epochs_run += (~stopped).long()
        if spec.patience:
            improved = (epoch_loss < best_loss) & ~stopped
            best_loss = torch.where(improved, epoch_loss, best_loss)
            wait = torch.where(improved, torch.zeros_like(wait), wait + 1)
            with torch.no_grad():
                for k, v in params.items():
                    sel = improved.view(-1, *([1] * (v.dim() - 1)))
                    best[k] = torch.where(sel, v.detach(), best[k])
            stopped |= wait >= spec.patience
            if bool(stopped.all()):
                break
    if not spec.patience:
        best = {k: v.detach().clone() for k, v in params.items()}
    out = []
    for m, (tr, s, _) in enumerate(jobs):
        out.append({"state": {k: best[k][m].numpy().astype(np.float32).copy() for k in best},
                    "x_mean": xm[m], "x_std": xs[m], "y_mean": float(ym[m]), "y_std": float(ys[m]),
                    "epochs": int(epochs_run[m]), "seed": int(s)})
    return out


def predict_fitted(fitted, X, architecture):
    """Mean prediction (wt%) of a list of fitted networks (one fold's ensemble) on raw features X."""
    import torch
    nf = X.shape[1]
    xn = np.array([(X - f["x_mean"]) / f["x_std"] for f in fitted])
    params = {k: torch.tensor(np.stack([f["state"][k] for f in fitted])) for k in fitted[0]["state"]}
    with torch.no_grad():
        p = cnn.batched_forward(params, torch.tensor(xn, dtype=torch.float32), architecture, nf).numpy()
    p = p * np.array([f["y_std"] for f in fitted])[:, None] + np.array([f["y_mean"] for f in fitted])[:, None]
    return p.mean(0)


def r2_rmse(measured, predicted):
    measured, predicted = np.asarray(measured, float), np.asarray(predicted, float)
    ss_res = float(((measured - predicted) ** 2).sum())
    ss_tot = float(((measured - measured.mean()) ** 2).sum())
    return (1.0 - ss_res / ss_tot if ss_tot > 0 else float("nan")), math.sqrt(ss_res / len(measured))


def train_and_validate(rows, feature_fields, target_fields, architecture=0, validation="loo", folds=10, seed=0,
                       feedback=None, ensemble=None, site_field="site", epochs=None, group_field=None,
                       equation_preset=cnn.FEATURE_EQUATION_PRESET):
    """Cross-validate (leak-free) and train the final all-sites model for every target.

    ``rows``: csv.DictReader rows or a dict of columns. ``feature_fields``: a FeaturePreset, preset name or
    list of feature names (raw band fields plus derived OMAT/theta_Fe/theta_Ti). A site missing a target is
    left out for that target only. ``ensemble`` overrides the architecture's member count, ``epochs`` its
    maximum epoch count. ``group_field`` adds leave-one-group-out figures beside ``validation``'s (groups:
    ``landing_site`` of the field's value). The folds, members and final models of all targets train together as
    one batch of independent networks, the grouped folds as a second one. The bundle's card gets the bounds, the
    spectral domain and the calibrated 1-sigma (``trust``), all measured on ``validation``'s folds.
    ``equation_preset``: the constants of the derived features, recorded in the bundle when it uses them.
    """
    import torch
    t0 = time.time()
    spec = cnn.arch_spec(architecture)
    n_members = int(ensemble or spec.ensemble)
    if n_members < 1:
        raise LunarInputError(tr("ensemble: at least one member is needed, got {ensemble}").format(ensemble=ensemble))
    sites, X, Y, bands, wavelengths, features, targets, band_arrays = read_table(rows, feature_fields, target_fields,
                                                                              site_field, equation_preset)
    equation_preset = equation_preset if cnn.uses_equations(features) else None
    groups = read_groups(rows, group_field, sites) if group_field else None
    plan = []
    for j, t in enumerate(targets):
        have = np.flatnonzero(np.isfinite(Y[:, j]))
        if have.size < MIN_SITES:
            raise LunarInputError(tr("target field '{field}': {count} sites have a value, at least {needed} "
                                     "needed").format(field=t, count=have.size, needed=MIN_SITES))
        label = tr("target field '{field}'").format(field=t)
        fl = make_folds(have.size, validation, folds, seed, label=label)
        gl = make_folds(have.size, "group", label=label, groups=[groups[i] for i in have]) if groups else []
        plan.append((j, t, have, fl, gl))
    feedback = ensure(feedback)
    n_epochs = int(epochs or spec.epochs)
    seeds = [int(seed) * 1000 + k for k in range(n_members)]
    members, x_mean, x_std, y_mean, y_std = {}, {}, {}, {}, {}
    predictions, grouped, metrics, fold_record, epochs_run = [], [], {}, {}, {}

    def batch(fold_lists, with_final, start, end):
        """Train every fold (and the final all-sites model) of every target as one batch; returns (fitted, offsets).
        The grouped folds are a batch of their own, so adding them leaves the per-station figures and the
        shipped weights as they were (a batch's size changes the float rounding, and training amplifies it)."""
        train_sets, columns, offsets = [], [], []
        for (j, t, have, _, _), fl in zip(plan, fold_lists):
            offsets.append(len(train_sets))
            for tr, _ in fl:
                train_sets.append(have[tr])
                columns.append(j)
            if with_final:
                train_sets.append(have)
                columns.append(j)
        fitted = fit_networks(X, Y, train_sets, architecture, seeds, columns=columns, epochs=epochs,
                              progress=Progress(feedback, n_epochs, start, end))
        return fitted, offsets

    split = 80.0 if groups else 100.0
    feedback.pushInfo(tr("training {networks} networks x {members} members together ({folds}, plus one final model "
                         "each)").format(networks=sum(len(fl) + 1 for *_, fl, _ in plan), members=n_members,
                                         folds=", ".join(tr("{target}: {n} folds").format(target=t, n=len(fl))
                                                         for _, t, _, fl, _ in plan)))
    fitted, offsets = batch([fl for *_, fl, _ in plan], True, 0.0, split)
    if groups:
        feedback.pushInfo(tr("training {networks} networks x {members} members leaving one group out ({groups})").format(
            networks=sum(len(gl) for *_, gl in plan), members=n_members,
            groups=", ".join(tr("{target}: {n} groups").format(target=t, n=len(gl)) for _, t, _, _, gl in plan)))
        group_fitted, group_offsets = batch([gl for *_, gl in plan], False, split, 100.0)
    spectra = trust.log_spectra(band_arrays, bands)
    try:
        domain, loo_d2 = trust.SpectralDomain.fit_with_threshold(spectra, bands)
    except LunarInputError as err:  # a small or degenerate table: no domain, a constant 1-sigma
        domain, no_domain = None, str(err)
        trust.warn(feedback, tr("no spectral domain for this model: {reason}").format(reason=err))
    n_domain = domain.n_sites if domain else len(sites)
    sigma = {}

    def held_out_d2(test):
        """Squared distances of the test sites from the domain of all the other sites (0 without a domain)."""
        if domain is None:
            return np.zeros(len(test))
        keep = np.setdiff1d(np.arange(len(sites)), test)
        try:
            return trust.SpectralDomain.fit(spectra[keep], bands).distance2(spectra[test])
        except LunarInputError:  # too few sites left: the all-sites domain (a little optimistic)
            return domain.distance2(spectra[test])

    def out_of_fold(fold_list, networks, first, have):
        """Out-of-fold predictions and the held-out squared distances (domain refitted without the test sites)."""
        oof, d2 = np.full(have.size, np.nan), np.full(have.size, np.nan)
        for f, (tr, te) in enumerate(fold_list):
            group = networks[(first + f) * n_members:(first + f + 1) * n_members]
            oof[te] = predict_fitted(group, X[have[te]], architecture)
            d2[te] = held_out_d2(have[te])
        return oof, d2

    for k, (j, t, have, fl, gl) in enumerate(plan):
        off = offsets[k]
        yt = Y[have, j]
        final = fitted[(off + len(fl)) * n_members:(off + len(fl) + 1) * n_members]
        tr2, trmse = r2_rmse(yt, predict_fitted(final, X[have], architecture))
        m = {"n": int(have.size), "train_r2": tr2, "train_rmse": trmse, "r2": float("nan"), "rmse": float("nan")}
        if fl:
            oof, d2 = out_of_fold(fl, fitted, off, have)
            m["r2"], m["rmse"] = r2_rmse(yt, oof)
            predictions += [(sites[have[i]], t, float(yt[i]), float(oof[i])) for i in range(have.size)]
            scale, coverage = trust.calibrate_sigma(yt - oof, d2, n_domain)
            sigma[t] = {"scale": scale, "coverage": coverage}
        if gl:
            oof_g, d2_g = out_of_fold(gl, group_fitted, group_offsets[k], have)
            m["group_r2"], m["group_rmse"] = r2_rmse(yt, oof_g)
            m["n_groups"] = len(gl)
            grouped += [(sites[have[i]], t, float(yt[i]), float(oof_g[i])) for i in range(have.size)]
            if t in sigma:  # the per-station scale judged on groups never seen in training, and the scale they need
                scaled = np.abs(yt - oof_g) / np.sqrt(1.0 + trust.leverage(d2_g, n_domain))
                sigma[t]["coverage_grouped"] = float(np.mean(scaled <= sigma[t]["scale"]))
                sigma[t]["scale_grouped"] = float(np.quantile(scaled, trust.ONE_SIGMA))
        metrics[t] = m
        fold_record[t] = [([int(have[i]) for i in tr], [int(have[i]) for i in te]) for tr, te in fl]
        members[t] = [f["state"] for f in final]
        x_mean[t], x_std[t] = final[0]["x_mean"].astype(np.float64), final[0]["x_std"].astype(np.float64)
        y_mean[t], y_std[t] = final[0]["y_mean"], final[0]["y_std"]
        epochs_run[t] = [f["epochs"] for f in final]
    seconds = time.time() - t0
    settings = {"architecture": int(architecture), "architecture_description": spec.description,
                "validation": validation if validation not in ("loocv", "leave-one-out") else "loo",
                "folds": int(folds) if validation in ("kfold", "k-fold") else None, "seed": int(seed),
                "ensemble": n_members, "lr": spec.lr, "max_epochs": int(epochs or spec.epochs), "batch": spec.batch,
                "l2": spec.l2, "early_stopping_patience": spec.patience,
                "early_stopping_monitor": "training loss" if spec.patience else None,
                "final_epochs": epochs_run, "normalisation": "z-score of inputs and targets fitted on each training set",
                "group_field": group_field, "torch_version": str(torch.__version__), "code_version": CODE_VERSION}
    if domain is None:
        domain_card = {"none": no_domain}
    else:
        domain_card = dict(domain.to_dict(),
                           stations_inside_in_sample=float(np.mean(domain.distance2(spectra) <= domain.threshold)),
                           stations_inside_leave_one_out=float(np.mean(loo_d2 <= domain.threshold)))
        if groups:
            held = np.empty(len(sites))
            for lab in dict.fromkeys(groups):
                out = np.flatnonzero([g == lab for g in groups])
                held[out] = held_out_d2(out)
            domain_card["stations_inside_leave_one_group_out"] = float(np.mean(held <= domain.threshold))
    card = {"features": features, "bands": bands, "wavelengths_nm": wavelengths, "targets": targets,
            "training_sites": {t: [sites[i] for i in have] for _, t, have, _, _ in plan},
            "settings": settings, "metrics": metrics, "training_seconds": round(seconds, 2),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "trust": {"bounds_wt_percent": {t: list(trust.bounds_of(t)) for t in targets}, "domain": domain_card,
                      "sigma": {"method": "scale * sqrt(1 + 1/n + d^2/(n - 1)), d^2 the spectral-domain distance; "
                                          "scale: 68.27% quantile of the out-of-fold |residual| / sqrt(1 + leverage)",
                                "n": n_domain, **sigma}}}
    if groups:
        card["groups"] = {s: g for s, g in zip(sites, groups)}
    card["equation_preset"] = equation_preset
    bundle = cnn.ModelBundle(int(architecture), features, bands, wavelengths, targets, x_mean, x_std, y_mean, y_std,
                             members, card, equation_preset)
    return TrainingResult(bundle, predictions, metrics, settings, fold_record, seconds, grouped)


# --------------------------------------------------------------------------------------------- report

def write_report_html(result, path, title="Oxide 1D-CNN training report"):
    """An HTML report: out-of-fold R²/RMSE per oxide (per station and, with groups, per landing site) beside the
    training fit, the calibrated 1-sigma and its coverage, predicted-vs-measured plots, settings."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    def fmt(value, digits=3):
        return "–" if value is None or not np.isfinite(value) else f"{value:.{digits}f}"

    grouped = bool(result.grouped)
    sigma = result.bundle.card.get("trust", {}).get("sigma", {})
    rows = []
    for t, m in result.metrics.items():
        group_cells = (f"<td>{m.get('n_groups', '–')}</td><td>{fmt(m.get('group_r2'))}</td>"
                       f"<td>{fmt(m.get('group_rmse'))}</td>") if grouped else ""
        s = sigma.get(t, {})
        rows.append(f"<tr><td>{html.escape(t)}</td><td>{m['n']}</td><td>{fmt(m['r2'])}</td><td>{fmt(m['rmse'])}</td>"
                    f"{group_cells}<td>{fmt(s.get('scale'), 2)}</td><td>{fmt(s.get('coverage'))}</td>"
                    f"<td>{fmt(m['train_r2'])}</td><td>{fmt(m['train_rmse'])}</td></tr>")
    images = []
    for t in result.metrics:
        sets = [("out-of-fold", result.predictions)] + ([("leave one landing site out", result.grouped)]
                                                        if grouped else [])
        for label, predictions in sets:
            pts = [(meas, pred) for _, tt, meas, pred in predictions if tt == t]
            if not pts:
                continue
            a = np.array(pts)
            fig = Figure(figsize=(4, 4), dpi=100)
            ax = fig.add_subplot(111)
            ax.scatter(a[:, 0], a[:, 1], s=14)
            lo, hi = float(a.min()), float(a.max())
            ax.plot([lo, hi], [lo, hi], "k--", lw=0.8)
            r2, rmse = r2_rmse(a[:, 0], a[:, 1])
            ax.set_title(f"{t}, {label}:\nR² {r2:.3f}, RMSE {rmse:.2f}", fontsize=9)
            ax.set_xlabel(f"measured {t} (wt%)")
            ax.set_ylabel(f"predicted {t} (wt%)")
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            images.append(f'<img alt="{html.escape(t)} {html.escape(label)}" src="data:image/png;base64,'
                          f'{base64.b64encode(buf.getvalue()).decode()}">')
    settings = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
                       for k, v in result.settings.items())
    domain = result.bundle.card.get("trust", {}).get("domain", {})
    if "threshold_d2" in domain:
        domain_text = (f"Spectral domain (Mahalanobis d² of the log reflectance, threshold "
                       f"{domain['threshold_d2']:.2f}"
                       f" = the {100 * domain['quantile']:.0f}th percentile of the stations' leave-one-out d²): "
                       f"stations inside {100 * domain['stations_inside_leave_one_out']:.1f}% leaving each out, "
                       f"{100 * domain['stations_inside_in_sample']:.1f}% in sample")
        if "stations_inside_leave_one_group_out" in domain:
            domain_text += (f", {100 * domain['stations_inside_leave_one_group_out']:.1f}% leaving each landing "
                            "site out")
        domain_text += "."
    else:
        domain_text = f"No spectral domain: {domain.get('none', 'not recorded')}."
    group_head = ("<th>landing sites</th><th>R² leaving one landing site out</th><th>RMSE (landing site)</th>"
                  if grouped else "")
    b = result.bundle
    doc = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif}} table{{border-collapse:collapse}} td,th{{border:1px solid #999;padding:3px 8px}}</style>
</head><body><h1>{html.escape(title)}</h1>
<p>Features: {html.escape(', '.join(b.feature_names))}; bands: {html.escape(', '.join(b.band_names))}.
Validation: {html.escape(str(result.settings.get('validation')))} (normalisation and early stopping fitted inside
each training fold). Wall time {result.seconds:.1f} s.</p>
<p><b>Out-of-fold</b> figures judge each site with a network that never saw it: they are what a new site can expect.
<b>Training fit</b> is the shipped all-sites network on its own training sites: always better, never a validation.
{"Stations of one landing site are not independent, so the landing-site columns leave all of them out at once."
 if grouped else ""}</p>
<table><tr><th>oxide</th><th>n</th><th>out-of-fold R² (per station)</th><th>out-of-fold RMSE (per station)</th>
{group_head}<th>1-sigma scale (wt%)</th><th>±1-sigma coverage (out-of-fold)</th>
<th>training fit R² (not a validation)</th><th>training fit RMSE</th></tr>{''.join(rows)}</table>
<p>{html.escape(domain_text)}</p>
<h2>Predicted vs measured (out-of-fold)</h2>{''.join(images)}
<h2>Settings</h2><table>{settings}</table></body></html>"""
    from ..model_files import write_text_atomic
    return write_text_atomic(doc, str(path))
