"""What makes an oxide map trustworthy: physical bounds, the training sites' spectral domain, a per-pixel 1-sigma.

* ``OXIDE_BOUNDS``: the one table of physically possible values (wt%). A prediction outside is clipped to the
  bound and counted (``clip_to_bounds``); the counts go to the log and to the outputs' metadata.
* ``SpectralDomain``: the Mahalanobis distance of a pixel's log reflectance (every band the model reads) from the
  training sites'. Log reflectance is the model's feature space without its redundancy: OMAT, theta_Fe and
  theta_Ti are functions of the same bands, and the raw bands are so collinear (r > 0.99) that a covariance of
  the model's eight features is near singular. The log spectrum's level and band-to-band slopes are not (|r| <=
  0.54 on the 47 Clementine stations), so no shrinkage is needed, and a slope no station has (flat, inverted,
  a 1-um continuum unlike the soils') is far away even where its reflectance level is common. The threshold is a
  quantile of the stations' leave-one-out distances, so a station counts as inside as a new pixel would.
* ``sigma_from_distance``: 1-sigma in wt% grows with the distance like a regression's prediction interval,
  s * sqrt(1 + 1/n + d^2 / (n - 1)); ``calibrate_sigma`` fits s on out-of-fold residuals (68.27% within +-1 sigma)
  and measures the coverage with s refitted without each station in turn.
"""
import math
from dataclasses import dataclass

import numpy as np

from ..errors import LunarInputError
from ..messages import tr

#: Physically possible oxide abundances (wt%): lower 0, upper the span of lunar soils, basalts, glasses and
#: highland rocks (Lunar Sourcebook ch. 6-7; the rare monomineralic cumulates such as dunite 72415 aside) plus a
#: margin. FeO: olivine basalts (Apollo 12/15) reach 22.5. TiO2: Apollo 17 high-Ti basalts ~13, Apollo 14 red
#: glass beads 16.4. Al2O3: ferroan anorthosites 35-36 (pure anorthite 36.6). MgO: green glass and olivine basalts
#: ~18-20, troctolite 76535 ~19. CaO: anorthosites 19-20 (anorthite 20.1).
OXIDE_BOUNDS = {"FeO": (0.0, 25.0), "TiO2": (0.0, 17.0), "Al2O3": (0.0, 37.0), "MgO": (0.0, 25.0),
                "CaO": (0.0, 22.0)}
#: Share of the stations' leave-one-out distances that lies inside the domain (its threshold's quantile).
DOMAIN_QUANTILE = 0.95
#: Smallest eigenvalue of the sites' covariance, relative to the largest, that still counts as full rank.
RANK_TOLERANCE = 1e-10
#: Share of sites within +-1 sigma of a normal distribution.
ONE_SIGMA = 0.6827


def warn(feedback, text):
    """A warning where the feedback has pushWarning (QgsProcessingFeedback), else an info line."""
    getattr(feedback, "pushWarning", feedback.pushInfo)(text)


def domain_summary(feedback, tally, domain, where, measure, consequence):
    """Log the share of a map's valid pixels outside ``domain`` (a warning when any are) and return the metadata
    items each output records. ``tally``: the blocks' counts ('valid', 'outside'); the text reads "...% of N valid
    pixels lie outside {where} (Mahalanobis d^2 of {measure} > threshold): {consequence}"."""
    share = tally["outside"] / tally["valid"] if tally["valid"] else float("nan")
    text = tr("{share:.3f}% of {valid} valid pixels lie outside {where} (Mahalanobis d^2 of {measure} > "
              "{threshold:.2f}): {consequence}").format(share=100 * share, valid=tally["valid"], where=where,
                                                        measure=measure, threshold=domain.threshold,
                                                        consequence=consequence)
    (warn(feedback, text) if share > 0 else feedback.pushInfo(text))
    return {"LUNAR_DOMAIN_FRACTION_OUTSIDE": f"{share:.6f}", "LUNAR_VALID_PIXELS": tally["valid"],
            "LUNAR_DOMAIN_THRESHOLD_D2": f"{domain.threshold:.4f}"}


def bounds_of(target):
    """(low, high) wt% of an oxide; (0, 100) for a target the table does not list (any wt% is >= 0)."""
    return OXIDE_BOUNDS.get(str(target), (0.0, 100.0))


def clip_to_bounds(values, targets):
    """Clip ``values`` (n, n_targets) in place to each target's bounds; {target: (n below, n above)}."""
    counts = {}
    for j, t in enumerate(targets):
        low, high = bounds_of(t)
        column = values[:, j]
        with np.errstate(invalid="ignore"):
            below, above = column < low, column > high
        counts[t] = (int(below.sum()), int(above.sum()))
        np.clip(column, low, high, out=column)  # NaN stays NaN
    return counts


def log_spectra(band_arrays, band_names):
    """(n, n_bands) float64 log reflectance; NaN where a band is nodata or not > 0."""
    cols = []
    for b in band_names:
        a = np.asarray(band_arrays[b], dtype=np.float64).reshape(-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            cols.append(np.where(a > 0, np.log(np.where(a > 0, a, 1.0)), np.nan))
    return np.stack(cols, axis=1)


@dataclass
class SpectralDomain:
    """Mean and whitening matrix of the training sites' log reflectance, and the distance threshold."""
    band_names: list
    mean: np.ndarray        # (b,)
    whiten: np.ndarray      # (b, b): d^2 = |(x - mean) @ whiten|^2 (inverse Cholesky factor of the covariance)
    threshold: float        # squared distance; inside when d^2 <= threshold
    n_sites: int
    quantile: float = DOMAIN_QUANTILE

    @classmethod
    def fit(cls, spectra, band_names, threshold=float("nan"), quantile=DOMAIN_QUANTILE):
        """From (n, b) log spectra of the sites; ``threshold`` is set by ``fit_with_threshold``."""
        spectra = np.asarray(spectra, dtype=np.float64)
        n, b = spectra.shape
        if not np.isfinite(spectra).all():
            raise LunarInputError(tr("spectral domain: every site needs a reflectance > 0 in each of {bands}").format(
                bands=list(band_names)))
        if n < b + 2:
            raise LunarInputError(tr("spectral domain: {n} sites are too few for {bands} bands (at least {needed} "
                                     "needed)").format(n=n, bands=b, needed=b + 2))
        cov = np.cov(spectra, rowvar=False).reshape(b, b)
        # rank from the eigenvalues: whether a factorisation of a singular matrix raises depends on the BLAS
        eigenvalues = np.linalg.eigvalsh(cov)
        if not eigenvalues.min() > RANK_TOLERANCE * max(eigenvalues.max(), 0.0):
            raise LunarInputError(tr("spectral domain: the sites' bands {bands} are linearly dependent (a covariance "
                                     "without full rank)").format(bands=list(band_names)))
        whiten = np.linalg.inv(np.linalg.cholesky(cov)).T
        return cls(list(band_names), spectra.mean(0), whiten, float(threshold), int(n), float(quantile))

    @classmethod
    def fit_with_threshold(cls, spectra, band_names, quantile=DOMAIN_QUANTILE):
        """The domain of all sites, with the threshold at ``quantile`` of the leave-one-out distances.

        Returns (domain, leave-one-out squared distances of the sites)."""
        spectra = np.asarray(spectra, dtype=np.float64)
        loo = np.array([cls.fit(np.delete(spectra, i, 0), band_names).distance2(spectra[i:i + 1])[0]
                        for i in range(spectra.shape[0])])
        domain = cls.fit(spectra, band_names, float(np.quantile(loo, quantile)), quantile)
        return domain, loo

    def distance2(self, spectra):
        """Squared Mahalanobis distance of (n, b) log spectra (NaN stays NaN)."""
        z = (np.asarray(spectra, dtype=np.float64) - self.mean) @ self.whiten
        return np.einsum("ij,ij->i", z, z)

    def to_dict(self):
        return {"method": "Mahalanobis distance of the log reflectance of the model's bands",
                "band_names": list(self.band_names), "mean": self.mean.tolist(), "whiten": self.whiten.tolist(),
                "threshold_d2": self.threshold, "n_sites": self.n_sites, "quantile": self.quantile}

    @classmethod
    def from_dict(cls, d):
        b = len(d["band_names"])
        mean, whiten = np.asarray(d["mean"], np.float64), np.asarray(d["whiten"], np.float64)
        if mean.shape != (b,) or whiten.shape != (b, b) or not math.isfinite(float(d["threshold_d2"])):
            raise ValueError("spectral domain: inconsistent sizes or no threshold")
        return cls(list(d["band_names"]), mean, whiten, float(d["threshold_d2"]), int(d["n_sites"]),
                   float(d.get("quantile", DOMAIN_QUANTILE)))


def leverage(d2, n):
    """A regression's leverage of a point at squared Mahalanobis distance d2 from n sites' mean."""
    return 1.0 / n + np.asarray(d2, dtype=np.float64) / (n - 1)


def sigma_from_distance(scale, d2, n):
    """1-sigma (wt%) at squared distance d2: scale * sqrt(1 + leverage)."""
    return scale * np.sqrt(1.0 + leverage(d2, n))


def calibrate_sigma(residuals, d2, n):
    """(scale, coverage): scale puts 68.27% of the out-of-fold residuals within +-1 sigma; coverage is measured
    with the scale refitted on the other sites for each site (so it is not fitted on the site it judges)."""
    residuals, d2 = np.abs(np.asarray(residuals, np.float64)), np.asarray(d2, np.float64)
    scaled = residuals / np.sqrt(1.0 + leverage(d2, n))
    scale = float(np.quantile(scaled, ONE_SIGMA))
    covered = [scaled[i] <= np.quantile(np.delete(scaled, i), ONE_SIGMA) for i in range(scaled.size)]
    return scale, float(np.mean(covered))


@dataclass
class ModelTrust:
    """The trust part of a model card: bounds table, spectral domain (or None) and 1-sigma scales per target."""
    domain: object
    sigma_scale: dict
    n_sites: int
    no_domain: str = ""

    @classmethod
    def from_card(cls, card, model_name=None):
        info = (card or {}).get("trust") or {}
        dom = info.get("domain") or {}
        sig = info.get("sigma") or {}
        try:
            domain = SpectralDomain.from_dict(dom) if "threshold_d2" in dom else None
            scales = {t: float(v["scale"]) for t, v in sig.items() if isinstance(v, dict) and "scale" in v}
        except (KeyError, TypeError, ValueError) as err:
            raise LunarInputError(tr("{model}: its card's spectral domain or 1-sigma is unreadable ({error})").format(
                model=tr("the model") if model_name is None else model_name, error=err)) from None
        reason = dom.get("none") or tr("it was trained before Lunar Lab recorded one; retrain it with "
                                       "lunar:trainoxidecnn or scripts/train_oxide_models.py")
        return cls(domain, scales, int(sig.get("n") or (domain.n_sites if domain else 0)), "" if domain else reason)

    def sigmas(self, targets, d2):
        """(n, len(targets)) float32 1-sigma in wt% at squared distances d2 (one square root for all targets)."""
        factor = sigma_from_distance(1.0, d2, self.n_sites).astype(np.float32)
        return factor[:, None] * np.array([self.sigma_scale[t] for t in targets], np.float32)
