"""Crater size-frequency distributions (CSFD) and crater model ages.

Science core of the ``lunar:csfd`` algorithm: no qgis here.

* Production functions (PF), normalised so that ``P(1 km) = 1`` and scaled by N(1):
  - ``neukum2001``: Neukum, Ivanov & Hartmann (2001), Space Sci. Rev. 96, 55-86, the 11th-degree polynomial
    ``log10 N(>=D) = a0 + sum_n a_n (log10 D)^n``, valid 0.01-300 km (Ivanov et al. 2001).
  - ``hartmann2010``: Hartmann 2010 iteration, a table of incremental counts in sqrt(2) bins (Michael 2013),
    cumulative interpolated log-log between bin minima.
* Chronology functions (CF): ``N(1) = a (exp(b T) - 1) + c T`` (N(1) per km^2 of craters >= 1 km, T in Ga):
  - ``neukum2001``: a = 5.44e-14, b = 6.93, c = 8.38e-4 (Neukum et al. 2001).
  - ``hartmann2010``: a = 2.57e-14, b = 6.93, c = 3.97e-4 (the chronology craterstats pairs with the Hartmann
    2010 PF, after Michael 2013).
* Binning: craterstats-style geometric bins with edges at 2^(k/m) km (m = 2 for ``root-2``), so 1 km is an edge.
* Model ages: ``poisson`` = the likelihood method of Michael et al. (2016, Icarus 277, 279-285) as craterstats
  3.6.4+ computes it: the number of craters k in [d_min, d_max) is Poisson with mean mu = A N1(T) [P(d_min) -
  P(d_max)]; the likelihood is weighted by the impact rate dN1/dT (a flat prior in mu, so mu is Gamma(k + 1)
  distributed); the age is the median and the errors are the 15.9/84.1 percentiles. For ~100+ craters this is
  the flat-prior-in-T age within about 1%; for a few craters it is markedly older (1 crater >= 1 km on 300 km^2,
  Neukum et al. 2001: 3.55 Ga, where a flat prior in T gave 2.34 Ga).
  ``cumulative`` = least-squares fit of the PF to the binned cumulative CSFD (log space, weight = cumulative count)
  over the bins inside [d_min, d_max]; errors from N(1) (1 +- 1/sqrt(N)), N = craters >= the smallest bin used.
* Systems: names, age spans and colours come from ``core.systems`` (the one table of the five lunar Systems).
"""
import math
from dataclasses import dataclass, field, asdict

import numpy as np

from .errors import LunarInputError
from .model_files import write_atomic, write_text_atomic
from .feedback import Progress
from .moon import MOON_RADIUS_KM
from . import systems

# --------------------------------------------------------------------------------------------------------------
# Production functions
# --------------------------------------------------------------------------------------------------------------


class PolynomialPF:
    """Cumulative PF ``log10 N(>=D) = a0 + sum a_n (log10 D)^n``; here normalised to 1 at D = 1 km."""

    def __init__(self, name, coefficients, d_range_km, reference=""):
        self.name = name
        self.a = np.asarray(coefficients, dtype=float)   # a[0] is the published a0 (unused: N(1) comes from the CF)
        self.d_range_km = (float(d_range_km[0]), float(d_range_km[1]))
        self.reference = reference

    def log10_cumulative(self, d_km):
        x = np.log10(np.asarray(d_km, dtype=float))
        # Horner on a1..an, constant term 0 so that log10 P(1 km) = 0
        y = np.zeros_like(x)
        for c in self.a[:0:-1]:
            y = (y + c) * x
        return y

    def cumulative(self, d_km):
        """P(>=D) relative to P(>=1 km)."""
        return 10.0 ** self.log10_cumulative(d_km)

    def log_slope(self, d_km):
        """d log10 P / d log10 D."""
        x = np.log10(np.asarray(d_km, dtype=float))
        y = np.zeros_like(x)
        n = len(self.a) - 1
        for i in range(n, 0, -1):
            y = y * x + i * self.a[i]
        return y

    def differential(self, d_km):
        """-dP/dD per km (normalised like ``cumulative``)."""
        d = np.asarray(d_km, dtype=float)
        return -self.cumulative(d) * self.log_slope(d) / d


class TabularRoot2PF:
    """PF given as incremental counts H_i in sqrt(2) bins [2^((i-i1)/2), 2^((i-i1+1)/2)) km (Hartmann style)."""

    def __init__(self, name, incremental, index_1km, reference=""):
        self.name = name
        h = np.asarray(incremental, dtype=float)
        cum = np.cumsum(h[::-1])[::-1]                      # N(>= bin minimum)
        self._log_c = np.log10(cum) - np.log10(cum[index_1km])
        i = np.arange(h.size)
        self._log_dmin = (i - index_1km) / 2.0 * np.log10(2.0)
        d_mean = 2.0 ** ((i - index_1km) / 2.0 + 0.25)
        self.d_range_km = (float(d_mean[0]), float(d_mean[-1]))
        self.reference = reference

    def log10_cumulative(self, d_km):
        return np.interp(np.log10(np.asarray(d_km, dtype=float)), self._log_dmin, self._log_c)

    def cumulative(self, d_km):
        return 10.0 ** self.log10_cumulative(d_km)

    def log_slope(self, d_km):
        x = np.log10(np.asarray(d_km, dtype=float))
        slopes = np.diff(self._log_c) / np.diff(self._log_dmin)
        j = np.clip(np.searchsorted(self._log_dmin, x, side="right") - 1, 0, slopes.size - 1)
        return slopes[j]

    def differential(self, d_km):
        d = np.asarray(d_km, dtype=float)
        return -self.cumulative(d) * self.log_slope(d) / d


class Chronology:
    """N(1) = a (exp(b T) - 1) + c T  [craters >= 1 km per km^2, T in Ga]."""

    def __init__(self, name, a, b, c, reference=""):
        self.name, self.a, self.b, self.c = name, float(a), float(b), float(c)
        self.reference = reference

    def n1(self, t_ga):
        t = np.asarray(t_ga, dtype=float)
        return self.a * np.expm1(self.b * t) + self.c * t

    def age(self, n1):
        """Inverse of ``n1`` (monotonic), by Newton iterations from a bracketing start; vectorised."""
        n = np.atleast_1d(np.asarray(n1, dtype=float))
        if np.any(~np.isfinite(n)) or np.any(n < 0):
            raise LunarInputError(f"N(1) must be a finite number >= 0, got {n1!r}")
        lo = np.zeros_like(n)
        # upper bracket: both terms are increasing, each alone bounds T from above
        hi = np.minimum(n / self.c, np.log1p(n / self.a) / self.b) + 1e-12
        for _ in range(200):                                # bisection: robust and plenty fast for vectors
            mid = 0.5 * (lo + hi)
            above = self.n1(mid) > n
            hi = np.where(above, mid, hi)
            lo = np.where(above, lo, mid)
            if np.all(hi - lo < 1e-13):
                break
        t = 0.5 * (lo + hi)
        return t if np.ndim(n1) else float(t[0])


# Neukum, Ivanov & Hartmann (2001), Table 1 (lunar PF, valid 0.01 km <= D <= 300 km).
# a0 = -3.0768 (the paper prints -3.0876; irrelevant here because N(1) comes from the chronology).
_NEUKUM2001_A = [-3.0768, -3.557528, 0.781027, 1.021521, -0.156012, -0.444058,
                 0.019977, 0.086850, -0.005874, -0.006809, 8.25e-4, 5.54e-5]

# Hartmann 2010 iteration: incremental counts per sqrt(2) bin, bin minima 2^((i-13)/2) km (as used by craterstats).
_HARTMANN2010_H = [3.66e4, 9.87e3, 2.63e3, 6.99e2, 1.86e2, 4.98e1, 1.33e1, 3.49, 9.40e-1, 2.50e-1, 6.65e-2,
                   1.76e-2, 4.69e-3, 1.25e-3, 4.73e-4, 2.53e-4, 1.36e-4, 7.26e-5, 3.90e-5, 2.08e-5, 1.12e-5,
                   5.98e-6, 3.21e-6, 1.72e-6, 9.22e-7, 3.80e-7, 1.50e-7]

PRODUCTION_FUNCTIONS = {
    "neukum2001": PolynomialPF("Moon, Neukum et al. (2001)", _NEUKUM2001_A, (0.01, 300.0),
                               "Neukum, Ivanov & Hartmann (2001), Space Sci. Rev. 96, 55-86"),
    "hartmann2010": TabularRoot2PF("Moon, Hartmann 2010 iteration", _HARTMANN2010_H, 13,
                                   "Hartmann (2010), in Michael (2013), Icarus 226, 885-890"),
}

CHRONOLOGIES = {
    "neukum2001": Chronology("Moon, Neukum et al. (2001)", 5.44e-14, 6.93, 8.38e-4,
                             "Neukum, Ivanov & Hartmann (2001), Space Sci. Rev. 96, 55-86"),
    "hartmann2010": Chronology("Moon, Hartmann 2010 iteration", 2.57e-14, 6.93, 3.97e-4,
                               "Hartmann (2010); Michael (2013), Icarus 226, 885-890"),
}

# --------------------------------------------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------------------------------------------


def system_for_age(age_ga):
    """Name of the lunar System an age (Ga) falls in (``core.systems``).

    A boundary age belongs to the older System (0.8 Ga is Eratosthenian, 3.85 Nectarian, 3.92 pre-Nectarian),
    i.e. each System is [start, end). Model ages beyond 4.52 Ga still return "pre-Nectarian" (the oldest System).
    """
    try:
        t = float(age_ga)
    except (TypeError, ValueError):
        raise LunarInputError(f"age must be a number in Ga, got {age_ga!r}") from None
    if not math.isfinite(t) or t < 0:
        raise LunarInputError(f"age must be a finite number >= 0 Ga, got {age_ga!r}")
    return systems.for_age(t).name


def system_colour(name):
    """The System's colour for a System name (case/hyphen-insensitive), or None if the name is not a System."""
    system = systems.by_name(name)
    return system.colour if system else None


# --------------------------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------------------------


def _get(table, key, what):
    try:
        return table[key]
    except KeyError:
        raise LunarInputError(f"unknown {what} {key!r}; expected one of {sorted(table)}") from None


def _check_diameters(diameters_km, what="diameters_km"):
    try:
        d = np.asarray(diameters_km, dtype=float).ravel()
    except (TypeError, ValueError):
        raise LunarInputError(f"{what}: crater diameters must be numbers in km") from None
    if d.size == 0:
        raise LunarInputError(f"{what}: no crater diameters given (the crater list is empty)")
    bad = ~np.isfinite(d) | (d <= 0)
    if np.any(bad):
        raise LunarInputError(f"{what}: {int(bad.sum())} crater diameter(s) are zero, negative or not a number "
                              f"(first: {d[bad][0]!r}); diameters must be > 0 km")
    return d


def _check_area(area_km2, what="area_km2"):
    try:
        a = float(area_km2)
    except (TypeError, ValueError):
        raise LunarInputError(f"{what}: counting area must be a number in km^2, got {area_km2!r}") from None
    if not math.isfinite(a) or a <= 0:
        raise LunarInputError(f"{what}: counting area must be > 0 km^2, got {area_km2!r}")
    if a > 4 * math.pi * MOON_RADIUS_KM ** 2 * 1.0001:
        raise LunarInputError(f"{what}: counting area {a:g} km^2 is larger than the whole Moon "
                              f"({4 * math.pi * MOON_RADIUS_KM ** 2:.4g} km^2)")
    return a

# --------------------------------------------------------------------------------------------------------------
# Binning and the CSFD table
# --------------------------------------------------------------------------------------------------------------


#: bins per factor of 2 in diameter (craterstats names)
BINNINGS = {"x2": 1, "root-2": 2, "4th root-2": 4}
_EDGE_EPS = 1e-9


def _bin_index(d, per_octave):
    return np.floor(per_octave * np.log2(d) + _EDGE_EPS).astype(int)


def bin_edges(diameters_km, binning="root-2"):
    """Edges 2^(k/m) km covering all diameters; a diameter on an edge goes into the bin above it."""
    m = _get(BINNINGS, binning, "binning")
    d = _check_diameters(diameters_km)
    idx = _bin_index(d, m)
    k = np.arange(idx.min(), idx.max() + 2)
    return 2.0 ** (k / m)


def csfd_table(diameters_km, area_km2, binning="root-2", include_empty=False, feedback=None):
    """Binned CSFD with Poisson errors, one row dict per bin, smallest bin first.

    Rows: bin_min_km, bin_max_km, bin_centre_km (geometric mean), n, cumulative (craters >= bin_min per km^2),
    cumulative_err (sqrt(N_cum)/A), differential (n / (bin width * A), per km^3), differential_err (sqrt(n)/..),
    r_value (D_centre^3 * differential; Crater Analysis Techniques Working Group 1979) and r_err.
    Empty bins are left out unless ``include_empty``.
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    m = _get(BINNINGS, binning, "binning")
    idx = _bin_index(d, m)
    k0 = int(idx.min())
    counts = np.bincount(idx - k0)
    ncum = np.cumsum(counts[::-1])[::-1]
    progress = Progress(feedback, counts.size)
    rows = []
    for i, n in enumerate(counts):
        progress.step(i)
        if n == 0 and not include_empty:
            continue
        lo, hi = 2.0 ** ((k0 + i) / m), 2.0 ** ((k0 + i + 1) / m)
        centre = math.sqrt(lo * hi)
        width = hi - lo
        diff = n / (width * area)
        rows.append({
            "bin_min_km": lo, "bin_max_km": hi, "bin_centre_km": centre, "n": int(n),
            "cumulative": ncum[i] / area, "cumulative_err": math.sqrt(ncum[i]) / area,
            "differential": diff, "differential_err": math.sqrt(n) / (width * area),
            "r_value": centre ** 3 * diff, "r_err": centre ** 3 * math.sqrt(n) / (width * area),
        })
    progress.step(counts.size)
    return rows

# --------------------------------------------------------------------------------------------------------------
# Model ages
# --------------------------------------------------------------------------------------------------------------


@dataclass
class AgeFit:
    """A crater model age: age_ga (+err_plus_ga / -err_minus_ga), N(1 km) per km^2 and the System it falls in."""
    age_ga: float
    err_plus_ga: float
    err_minus_ga: float
    n1: float
    n_craters: int
    system: str
    method: str
    production: str
    chronology: str
    d_min_km: float
    d_max_km: float
    area_km2: float
    n1_err_plus: float = 0.0
    n1_err_minus: float = 0.0
    label: str = ""
    extra: dict = field(default_factory=dict)

    def as_dict(self):
        return asdict(self)

    def age_text(self):
        return format_age(self.age_ga, self.err_plus_ga, self.err_minus_ga)


def format_age(age_ga, err_plus_ga, err_minus_ga):
    """'3.80 +0.02/-0.03 Ga', or in Ma below 1 Ga ('512 +40/-38 Ma')."""
    def two_digits(x):  # 180, not 1.8e+02
        return f"{float(f'{x:.2g}'):g}"
    if age_ga < 1.0:
        return f"{age_ga * 1000:.0f} +{two_digits(err_plus_ga * 1000)}/-{two_digits(err_minus_ga * 1000)} Ma"
    return f"{age_ga:.2f} +{two_digits(err_plus_ga)}/-{two_digits(err_minus_ga)} Ga"


def _check_range(d_min_km, d_max_km, pf, production):
    try:
        lo = float(d_min_km)
        hi = pf.d_range_km[1] if d_max_km is None else float(d_max_km)
    except (TypeError, ValueError):
        raise LunarInputError(f"fit range must be numbers in km, got {d_min_km!r}-{d_max_km!r}") from None
    if not (math.isfinite(lo) and lo > 0) or math.isnan(hi) or hi <= lo:
        raise LunarInputError(f"fit range {d_min_km!r}-{d_max_km!r} km is empty: need 0 < d_min_km < d_max_km")
    rlo, rhi = pf.d_range_km
    if math.isinf(hi):
        hi = rhi
    tol = 1e-6
    if lo < rlo * (1 - tol) or hi > rhi * (1 + tol):
        raise LunarInputError(f"fit range {lo:g}-{hi:g} km is outside the {production!r} production function's "
                              f"valid range {rlo:g}-{rhi:g} km")
    return max(lo, rlo), min(hi, rhi)


def _poisson_age(k, expected_per_n1, cf):
    """Median and 15.87/84.13 percentiles of T for k craters with Poisson mean mu = expected_per_n1 * N1(T).

    As craterstats 3.6.4+ (``Craterpdf``: ``poisson(k, lambda) * cf.phi(t)``): the likelihood is weighted by the
    impact rate dN1/dT, i.e. the density in T is P(k | mu(T)) dmu/dT, a flat prior in mu. The posterior of mu is
    then the Gamma(k + 1, 1) distribution, whose percentiles are exact (no grid): mu_q = P^-1(k + 1, q) (the
    inverse regularised incomplete gamma function), and T_q = N1^-1(mu_q / expected_per_n1), percentiles being
    invariant under the monotonic map mu -> T. craterstats evaluates the same pdf on a grid of 0.7% steps in N1
    limited to T <= 5 Ga; its cdf, a right-endpoint sum, puts its percentiles about half a step (0.35% in N1)
    below these (0.35% younger on young surfaces, where T is proportional to N1).
    """
    from scipy.special import gammaincinv
    g = 0.5 * (1 + math.erf(1 / math.sqrt(2)))             # 0.8413
    mu = gammaincinv(k + 1.0, np.array([1 - g, 0.5, g]))
    lo, med, hi = cf.age(mu / expected_per_n1)
    return float(med), float(hi - med), float(med - lo)


def fit_model_age(diameters_km, area_km2, d_min_km, d_max_km=None, production="neukum2001",
                  chronology="neukum2001", method="poisson", binning="root-2", label="", feedback=None):
    """Crater model age of a count on ``area_km2`` from the craters with d_min_km <= D < d_max_km.

    ``method``: 'poisson' (Michael et al. 2016 likelihood; needs >= 1 crater in range) or 'cumulative'
    (PF fitted to the binned cumulative CSFD over the bins lying inside the range; needs >= 2 non-empty bins;
    choose d_min/d_max on bin edges 2^(k/2) km to use exactly the intended bins).
    ``d_max_km=None`` means the production function's upper limit. Returns an ``AgeFit``.
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    pf = _get(PRODUCTION_FUNCTIONS, production, "production function")
    cf = _get(CHRONOLOGIES, chronology, "chronology")
    lo, hi = _check_range(d_min_km, d_max_km, pf, production)
    progress = Progress(feedback, 2)
    progress.step(0)

    if method == "poisson":
        k = int(np.count_nonzero((d >= lo) & (d < hi)))
        if k == 0:
            raise LunarInputError(f"fit range {lo:g}-{hi:g} km holds no craters (of {d.size}, "
                                  f"{d.min():g}-{d.max():g} km): widen the range")
        per_n1 = area * float(pf.cumulative(lo) - pf.cumulative(hi))
        age, ep, em = _poisson_age(k, per_n1, cf)
        n1 = float(cf.n1(age))
        n1p, n1m = float(cf.n1(age + ep)) - n1, n1 - float(cf.n1(age - em))
        n_used = k
        extra = {"expected_per_n1": per_n1}
    elif method == "cumulative":
        m = _get(BINNINGS, binning, "binning")
        idx = _bin_index(d, m)
        ks = np.unique(idx)
        b_lo, b_hi = 2.0 ** (ks / m), 2.0 ** ((ks + 1) / m)
        tol = 1e-6
        sel = (b_lo >= lo * (1 - tol)) & (b_hi <= hi * (1 + tol))
        if np.count_nonzero(sel) < 2:
            raise LunarInputError(
                f"fit range {lo:g}-{hi:g} km holds {int(np.count_nonzero(sel))} non-empty {binning} bin(s); "
                f"a cumulative fit needs at least 2: widen the range or use method='poisson'")
        ks, b_lo = ks[sel], b_lo[sel]
        ncum = np.array([np.count_nonzero(idx >= kk) for kk in ks], dtype=float)
        n_used = int(np.count_nonzero(np.isin(idx, ks)))
        # log10(ncum/A) = log10 N1 + log10 P(D); weighted least squares with weight ~ 1/var(log N) ~ N
        resid = np.log10(ncum / area) - pf.log10_cumulative(b_lo)
        log_n1 = float(np.sum(ncum * resid) / np.sum(ncum))
        n1 = 10.0 ** log_n1
        rel = 1.0 / math.sqrt(ncum[0])
        n1p, n1m = n1 * rel, n1 * min(rel, 0.999999)
        age = cf.age(n1)
        ep = cf.age(n1 + n1p) - age
        em = age - cf.age(n1 - n1m)
        extra = {"bins_km": b_lo.tolist(), "n_cumulative_first_bin": int(ncum[0])}
    else:
        raise LunarInputError(f"unknown age method {method!r}; expected 'poisson' or 'cumulative'")
    progress.step(2)
    return AgeFit(age_ga=float(age), err_plus_ga=float(ep), err_minus_ga=float(em), n1=float(n1),
                  n_craters=int(n_used), system=system_for_age(age), method=method, production=production,
                  chronology=chronology, d_min_km=float(lo), d_max_km=float(hi), area_km2=area,
                  n1_err_plus=float(n1p), n1_err_minus=float(n1m), label=label, extra=extra)


def synthetic_population(age_ga, area_km2, d_min_km, d_max_km, seed=0, production="neukum2001",
                         chronology="neukum2001"):
    """Crater diameters (km) drawn from the PF for a surface of ``age_ga`` (Poisson total, fixed seed)."""
    area = _check_area(area_km2)
    pf = _get(PRODUCTION_FUNCTIONS, production, "production function")
    cf = _get(CHRONOLOGIES, chronology, "chronology")
    lo, hi = _check_range(d_min_km, d_max_km, pf, production)
    rng = np.random.default_rng(seed)
    p_lo, p_hi = float(pf.cumulative(lo)), float(pf.cumulative(hi))
    n = rng.poisson(area * float(cf.n1(age_ga)) * (p_lo - p_hi))
    u = rng.random(n)
    target = np.log10(p_hi + u * (p_lo - p_hi))
    grid = np.linspace(np.log10(lo), np.log10(hi), 20001)
    logp = pf.log10_cumulative(10.0 ** grid)              # decreasing in D
    return np.sort(10.0 ** np.interp(target, logp[::-1], grid[::-1]))[::-1]

# --------------------------------------------------------------------------------------------------------------
# Plot
# --------------------------------------------------------------------------------------------------------------


def _isochron(fit, d):
    pf = PRODUCTION_FUNCTIONS[fit.production]
    return fit.n1 * pf.cumulative(d), d ** 3 * fit.n1 * pf.differential(d)


def poisson_interval(n):
    """1-sigma Poisson confidence bounds (lower, upper) of counts ``n`` (Gehrels 1986, as craterstats draws its
    error bars): a single crater spans 0.17-3.3, never down to zero on a log axis."""
    from scipy.stats import chi2
    n = np.asarray(n, float)
    lower = np.where(n > 0, chi2.ppf(0.158655, 2 * np.maximum(n, 1)) / 2.0, 0.0)
    upper = chi2.ppf(0.841345, 2 * (n + 1)) / 2.0
    return lower, upper


def _bars(values, counts):
    """Asymmetric error bars (below, above) of values measured from ``counts`` craters."""
    lower, upper = poisson_interval(counts)
    scale = np.where(counts > 0, values / np.maximum(counts, 1), 0.0)
    return values - lower * scale, upper * scale - values


def plot_csfd(groups, area_km2, out_png=None, out_svg=None, fits=None, binning="root-2", title=None,
              feedback=None):
    """Cumulative CSFD (left) and R-plot (right), log axes, with fitted isochrons and their age labels.

    ``groups``: dict name -> diameters (km); ``area_km2``: one area for all groups or dict name -> area.
    Groups named after the Systems get the seed colours (pre-Nectarian red, Nectarian brown, Imbrian yellow,
    Eratosthenian green, Copernican blue). ``fits``: AgeFit list, or dict name -> AgeFit; a fit whose ``label``
    (or dict key) names a group is drawn in that group's colour. Writes PNG and/or SVG; returns the paths.
    """
    # Figure + the Agg canvas directly: no pyplot, no global backend switch inside QGIS
    from matplotlib.figure import Figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(groups, dict) or not groups:
        raise LunarInputError("groups: give a dict of group name -> crater diameters (km) with at least one group")
    if out_png is None and out_svg is None:
        raise LunarInputError("plot_csfd: give out_png and/or out_svg")
    if isinstance(fits, dict):
        fits = [(str(k), f) for k, f in fits.items()]
    else:
        fits = [(f.label, f) for f in (fits or [])]

    fig = Figure(figsize=(12, 5.5))
    FigureCanvasAgg(fig)
    ax_c, ax_r = fig.subplots(1, 2)
    cycle = iter(["black", "purple", "darkcyan", "magenta", "olive", "grey", "orange", "navy"] * 10)
    colours = {}
    progress = Progress(feedback, len(groups) + len(fits))
    d_all = []
    for i, (name, diam) in enumerate(groups.items()):
        progress.step(i)
        area = area_km2[name] if isinstance(area_km2, dict) else area_km2
        rows = csfd_table(diam, _check_area(area, f"area of group {name!r}"), binning=binning)
        colour = system_colour(name) or next(cycle)
        colours[str(name)] = colour
        lo = np.array([r["bin_min_km"] for r in rows])
        mid = np.array([r["bin_centre_km"] for r in rows])
        d_all += [lo.min(), lo.max() * 2]
        counts = np.array([r_["n"] for r_ in rows], float)
        label = f"{name}: {int(counts.sum())} craters"
        c = np.array([r_["cumulative"] for r_ in rows])
        cumulative_counts = np.cumsum(counts[::-1])[::-1]
        ax_c.errorbar(lo, c, yerr=_bars(c, cumulative_counts), fmt="o", ms=4, color=colour, label=label,
                      capsize=2, lw=0.8)
        r = np.array([r_["r_value"] for r_ in rows])
        ax_r.errorbar(mid, r, yerr=_bars(r, counts), fmt="o", ms=4, color=colour, label=label, capsize=2,
                      lw=0.8)   # csfd_table leaves empty bins out: every row has a crater

    if d_all:
        d_plot = np.geomspace(min(d_all) / 1.5, max(d_all), 300)
    for j, (key, f) in enumerate(fits):
        progress.step(len(groups) + j)
        colour = colours.get(key) or colours.get(f.label) or "black"
        pf = PRODUCTION_FUNCTIONS[f.production]
        d = d_plot[(d_plot >= pf.d_range_km[0]) & (d_plot <= pf.d_range_km[1])]
        yc, yr = _isochron(f, d)
        ax_c.plot(d, yc, "--", color=colour, lw=0.8)
        ax_r.plot(d, yr, "--", color=colour, lw=0.8)
        dd = np.geomspace(f.d_min_km, f.d_max_km, 100)
        yc2, yr2 = _isochron(f, dd)
        fit_label = (f"{key} fit: " if key else "fit: ") + \
            f"{f.age_text()} ({f.system}), N = {f.n_craters} in {f.d_min_km:g}\u2013{f.d_max_km:g} km"
        ax_c.plot(dd, yc2, "-", color=colour, lw=1.6, label=fit_label)
        ax_r.plot(dd, yr2, "-", color=colour, lw=1.6)
        # one stacked column of age labels in the empty upper-right corner: they never overlap each other,
        # and the legend sits below the plots
        ax_c.text(0.98, 0.97 - 0.065 * j, f"{key + ': ' if key else ''}{f.age_text()}", transform=ax_c.transAxes,
                  ha="right", va="top", color=colour, fontsize=9,
                  bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5})

    ax_c.set(xscale="log", yscale="log", xlabel="Crater diameter D (km)",
             ylabel="Cumulative crater frequency N(\u2265D) (km$^{-2}$)", title="Cumulative CSFD")
    ax_r.set(xscale="log", yscale="log", xlabel="Crater diameter D (km)", ylabel="Relative crater frequency R",
             title="R-plot")
    for ax in (ax_c, ax_r):
        ax.grid(True, which="major", lw=0.3, alpha=0.6)
    handles, labels = ax_c.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=8, frameon=False)
    if title:
        fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.06 + 0.035 * ((len(labels) + 1) // 2), 1, 1))
    written = []
    for path in (out_png, out_svg):
        if path:
            kind = "png" if str(path).lower().endswith(".png") else "svg"
            write_atomic(str(path), lambda tmp: fig.savefig(tmp, format=kind, dpi=150 if kind == "png" else None))
            written.append(str(path))
    progress.step(len(groups) + len(fits))
    return written

# --------------------------------------------------------------------------------------------------------------
# craterstats files
# --------------------------------------------------------------------------------------------------------------


def _optional_column(values, n, what):
    if values is None:
        return None
    try:
        v = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise LunarInputError(f"{what} must be numbers") from None
    if v.size != n:
        raise LunarInputError(f"{what} has {v.size} values for {n} craters")
    if not np.all(np.isfinite(v)):
        raise LunarInputError(f"{what} holds values that are not finite numbers")
    return v


def _fmt_area(area):
    # craterstats' .scc reader takes only digits and a point: no exponent
    return np.format_float_positional(float(area), precision=12, unique=True, fractional=False, trim="-")


def write_diam(path, diameters_km, area_km2, fractions=None, lons=None, lats=None, comment=None):
    """A craterstats .diam file: ``area = A`` and ``crater = {diameter[, fraction[, lon, lat]]`` table."""
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    frac = _optional_column(fractions, d.size, "fractions")
    if frac is not None and (np.any(frac < 0) or np.any(frac > 1)):
        raise LunarInputError("fractions must lie in 0..1")
    lon = _optional_column(lons, d.size, "lons")
    lat = _optional_column(lats, d.size, "lats")
    if (lon is None) != (lat is None):
        raise LunarInputError("give both lons and lats, or neither")
    if lon is not None and frac is None:
        frac = np.ones(d.size)
    cols = ["diameter"] + (["fraction"] if frac is not None else []) + (["lon", "lat"] if lon is not None else [])
    lines = ["# Crater count written by Lunar Lab (craterstats .diam format)"]
    lines += [f"# {c}" for c in (comment or "").splitlines()]
    lines += ["#", "# area, km^2", f"area = {_fmt_area(area)}", "#", "#              km        -      deg  deg",
              "crater = {" + ", ".join(cols)]
    for i in range(d.size):
        row = [f"{d[i]:.10g}"]
        if frac is not None:
            row.append(f"{frac[i]:.6g}")
        if lon is not None:
            row += [f"{lon[i]:.8f}", f"{lat[i]:.8f}"]
        lines.append("\t".join(row))
    lines.append("}")
    return write_text_atomic("\n".join(lines) + "\n", str(path))


def write_scc(path, diameters_km, area_km2, lons=None, lats=None, fractions=None, boundary=None,
              perimeter_km=None, radius_km=MOON_RADIUS_KM):
    """A craterstats/CraterTools .scc (spatial crater count) file.

    ``boundary``: optional counting-area outline, a list of rings, each a sequence of (lon, lat) degrees.
    ``perimeter_km``: optional, written as ``Perimeter`` (craterstats needs it for buffered-Poisson ages).
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    lon = _optional_column(lons, d.size, "lons")
    lat = _optional_column(lats, d.size, "lats")
    if (lon is None) != (lat is None):
        raise LunarInputError("give both lons and lats, or neither")
    frac = _optional_column(fractions, d.size, "fractions")
    if frac is None:
        frac = np.ones(d.size)
    elif np.any(frac < 0) or np.any(frac > 1):
        raise LunarInputError("fractions must lie in 0..1")
    lines = ["# Spatial crater count", "#", "# Written by Lunar Lab", "#", "# Ellipsoid axes:"]
    lines += [f"{ax}_axis_radius = {radius_km:g} <km>" for ax in "abc"]
    if boundary:
        lines += ["#", "# area_shapes:", "unit_boundary = {vertex,sub_area,tag,lon,lat"]
        v = 1
        for j, ring in enumerate(boundary, start=1):
            for x, y in ring:
                lines.append(f"{v}\t{j}\text\t{float(x):.10f}\t{float(y):.10f}")
                v += 1
        lines.append("}")
    lines += ["#", f"Total_area = {_fmt_area(area)} <km^2>"]
    if perimeter_km is not None:
        p = float(perimeter_km)
        if not math.isfinite(p) or p <= 0:
            raise LunarInputError(f"perimeter_km must be > 0, got {perimeter_km!r}")
        lines.append(f"Perimeter = {p:.6f}")
    lines += ["#", "# crater_diameters:"]
    if lon is not None:
        lines.append("crater = {diam,fraction,lon,lat")
        lines += [f"{d[i]:.10g}\t{frac[i]:.6g}\t{lon[i]:.10f}\t{lat[i]:.10f}" for i in range(d.size)]
    else:
        lines.append("crater = {diam,fraction")
        lines += [f"{d[i]:.10g}\t{frac[i]:.6g}" for i in range(d.size)]
    lines.append("}")
    return write_text_atomic("\n".join(lines) + "\n", str(path))
