"""Crater size-frequency distributions (CSFD) and crater model ages.

Science core of the ``lunar:csfd`` algorithm: no qgis here.

* Functions: one table, ``FUNCTIONS`` (key, kind, craterstats name, label, citation), read from the lunar entries
  of craterstats 3.6.11's config/functions.txt (Michael; kept here in its own format and checked against it):
  production functions (PF, normalised so that ``P(1 km) = 1`` and scaled by N(1)) Neukum 1983, Neukum et al.
  2001 (11th-degree polynomials) and the Hartmann 2010 iteration (incremental counts in sqrt(2) bins);
  chronologies ``N(1) = a (exp(b T) - 1) + c T`` Neukum 1983, Neukum et al. 2001, Hartmann 2010 and Yue et al.
  2022; equilibrium functions Trask 1966 and Hartmann 1984. Any other function comes from a craterstats function
  file (``load_function_file``). Production and chronology are chosen separately.
* Binning: craterstats-style geometric bins with edges at 2^(k/m) km (m = 2 for ``root-2``), so 1 km is an edge.
* Model ages, as craterstats 3.6.x computes them (``METHODS``): ``poisson`` = the likelihood method of Michael
  et al. (2016) weighted by the impact rate dN1/dT (craterstats >= 3.6.4; a flat prior in the expected count, so
  its posterior is Gamma(k + 1) and the median and 15.9/84.1 percentiles are exact); ``b-poisson`` = the same for
  buffered crater counting (Fassett & Head 2008; expected count integrated over A + P D/2 + pi D^2/4);
  ``cumulative`` and ``differential`` = craterstats' c-fit and d-fit: the PF fitted to the binned CSFD (crater
  fractions weight the bins, errors from the crater numbers; differential values corrected for the binning bias,
  Michael 2013), errors from the first bin's 0.98-sigma bar.
* Systems: names, age spans and colours come from ``core.systems`` (the one table of the five lunar Systems).
"""
import math
from dataclasses import dataclass, field, asdict

import numpy as np

from .errors import LunarInputError
from .model_files import write_atomic, write_text_atomic
from .feedback import Progress
from .messages import tr
from .moon import MOON_RADIUS_KM
from . import systems

# --------------------------------------------------------------------------------------------------------------
# craterstats text structures (functions.txt, .diam, .scc): ``key = value``, ``key = [a, b]``, ``key = {`` ...
# ``}`` (a nested structure) and ``key = {col1, col2`` rows ``}`` (a table). A repeated key becomes a list.
# Read the way craterstats' gm.read_textstructure reads them (Michael, craterstats, BSD-3); written anew here.
# --------------------------------------------------------------------------------------------------------------


def _strip_quotes(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    return s


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return line[:i]
    return line


def _split_row(row):
    out, cur, quote = [], "", None
    for ch in row:
        if quote:
            if ch == quote:
                quote = None
            else:
                cur += ch
        elif ch in "'\"":
            quote = ch
        elif ch.isspace():
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def _add(result, key, value):
    if key in result:
        if not isinstance(result[key], list) or not result.get("__list_" + key):
            result[key] = [result[key]]
            result["__list_" + key] = True
        result[key].append(value)
    else:
        result[key] = value


def _clean(result):
    return {k: v for k, v in result.items() if not k.startswith("__list_")}


def parse_text_structure(text, source="text"):
    """A craterstats text structure as nested dicts; tables as dict column -> list of strings. ``source`` names the
    file in errors (LunarInputError)."""
    lines = [_strip_comment(line).rstrip() for line in text.lstrip("\ufeff").splitlines()]

    def block(i, closing):
        result = {}
        while i < len(lines):
            line = lines[i].strip()
            i += 1
            if not line:
                continue
            if line.startswith("}"):
                if closing:
                    return _clean(result), i
                raise LunarInputError(tr("{source}: line {line}: '}}' without an opening '{{'").format(
                    source=source, line=i))
            if "=" not in line:
                raise LunarInputError(tr("{source}: line {line}: expected 'name = value', got {text!r}").format(
                    source=source, line=i, text=line))
            key, value = (part.strip() for part in line.split("=", 1))
            if value.startswith("{"):
                columns = value[1:].strip()
                if columns:                                     # a table: column names on the opening line
                    names = [c.strip() for c in columns.split(",") if c.strip()]
                    table = {n: [] for n in names}
                    while True:
                        if i >= len(lines):
                            raise LunarInputError(tr("{source}: table {key!r} has no closing '}}'").format(
                                source=source, key=key))
                        row = lines[i].strip()
                        i += 1
                        if row.startswith("}"):
                            break
                        if row:
                            cells = _split_row(row)
                            for j, n in enumerate(names):
                                table[n].append(cells[j] if j < len(cells) else "")
                    _add(result, key, table)
                else:
                    nested, i = block(i, True)
                    _add(result, key, nested)
                continue
            if value.startswith("*"):
                value = value[1:]
            if value.startswith("[") or value.startswith("("):
                close = "]" if value[0] == "[" else ")"
                while close not in value and i < len(lines):
                    value += lines[i].strip()
                    i += 1
                items = value.strip("[]() ").split(",")
                _add(result, key, [_strip_quotes(v) for v in items if v.strip()])
            else:
                _add(result, key, _strip_quotes(value))
        if closing:
            raise LunarInputError(tr("{source}: a structure has no closing '}}'").format(source=source))
        return _clean(result), i

    return block(0, False)[0]

# --------------------------------------------------------------------------------------------------------------
# Production, chronology and equilibrium functions
# --------------------------------------------------------------------------------------------------------------


def _poly(a, x):
    y = np.zeros_like(x)
    for c in a[::-1]:
        y = y * x + c
    return y


class PolynomialPF:
    """Cumulative ``log10 N(>=D) = a0 + sum a_n (log10 D)^n``. A production function is normalised to 1 at 1 km
    (its a0 is ignored: N(1) comes from the chronology); an equilibrium function (``absolute``) keeps its a0."""

    def __init__(self, name, coefficients, d_range_km, reference="", absolute=False):
        self.name = name
        self.a = np.asarray(coefficients, dtype=float)
        self.d_range_km = (float(d_range_km[0]), float(d_range_km[1]))
        self.reference = reference
        self.offset = float(self.a[0]) if absolute else 0.0

    def log10_cumulative(self, d_km):
        x = np.log10(np.asarray(d_km, dtype=float))
        return _poly(np.concatenate([[self.offset], self.a[1:]]), x)

    def cumulative(self, d_km):
        """P(>=D) relative to P(>=1 km) (production), or N(>=D) per km^2 (equilibrium)."""
        return 10.0 ** self.log10_cumulative(d_km)

    def log_slope(self, d_km):
        """d log10 P / d log10 D."""
        x = np.log10(np.asarray(d_km, dtype=float))
        return _poly(np.arange(1, len(self.a)) * self.a[1:], x)

    def differential(self, d_km):
        """-dP/dD per km (Michael & Neukum 2010, Eq. 1; normalised like ``cumulative``)."""
        d = np.asarray(d_km, dtype=float)
        return -self.cumulative(d) * self.log_slope(d) / d


def bin_bias_correction(beta, k):
    """Ratio of a binned differential value to the true one for a power law of log-log cumulative slope ``k`` in
    bins of ratio ``beta`` (Michael 2013, Eq. 2)."""
    g = beta ** 0.5 - beta ** -0.5
    k = np.asarray(k, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(np.abs(k) < 1e-5, 1.0, (beta ** (k / 2.0) - beta ** (-k / 2.0)) / (g * k))


class TabularRoot2PF:
    """PF given as incremental counts H_i in sqrt(2) bins [2^((i-i1)/2), 2^((i-i1+1)/2)) km (Hartmann style).

    Cumulative: interpolated log-log between bin minima; differential: the binned values at the bin centres,
    corrected for the binning bias (Michael 2013) and interpolated log-log, as craterstats evaluates it."""

    def __init__(self, name, incremental, index_1km, reference=""):
        self.name = name
        h = np.asarray(incremental, dtype=float)
        cum = np.cumsum(h[::-1])[::-1]                      # N(>= bin minimum)
        self._log_c = np.log10(cum) - np.log10(cum[index_1km])
        i = np.arange(h.size)
        self._log_dmin = (i - index_1km) / 2.0 * np.log10(2.0)
        d_mean = 2.0 ** ((i - index_1km) / 2.0 + 0.25)
        self._log_dmean = np.log10(d_mean)
        self.d_range_km = (float(d_mean[0]), float(d_mean[-1]))
        self.reference = reference
        c = 10.0 ** self._log_c
        inc = c - np.concatenate([c[1:], [0.0]])
        beta = math.sqrt(2.0)
        f_bin = inc / d_mean / (2 ** 0.25 - 2 ** -0.25)
        k = (self._log_c - np.roll(self._log_c, -1)) / np.log10(beta)
        k[-1] = k[-2]
        self._log_f = np.log10(f_bin / bin_bias_correction(beta, k))

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
        return 10.0 ** np.interp(np.log10(np.asarray(d_km, dtype=float)), self._log_dmean, self._log_f)


class Chronology:
    """N(1) = a (exp(b T) - 1) + c T  [craters >= 1 km per km^2, T in Ga]."""

    def __init__(self, name, a, b, c, reference=""):
        self.name, self.a, self.b, self.c = name, float(a), float(b), float(c)
        self.reference = reference

    def n1(self, t_ga):
        t = np.asarray(t_ga, dtype=float)
        return self.a * np.expm1(self.b * t) + self.c * t

    def phi(self, t_ga):
        """dN1/dT, the impact rate per Ga."""
        return self.a * self.b * np.exp(self.b * np.asarray(t_ga, dtype=float)) + self.c

    def age(self, n1):
        """Inverse of ``n1`` (monotonic), by bisection from a bracketing start; vectorised."""
        n = np.atleast_1d(np.asarray(n1, dtype=float))
        if np.any(~np.isfinite(n)) or np.any(n < 0):
            raise LunarInputError(tr("N(1) must be a finite number >= 0, got {n1!r}").format(n1=n1))
        lo = np.zeros_like(n)
        # upper bracket: both terms are increasing, each alone bounds T from above
        hi = np.minimum(n / self.c if self.c > 0 else np.inf,
                        np.log1p(n / self.a) / self.b if self.a > 0 else np.inf) + 1e-12
        if np.any(~np.isfinite(hi)):
            raise LunarInputError(tr("chronology {name!r} cannot be inverted (a and c are both 0)").format(
                name=self.name))
        for _ in range(200):                                # bisection: robust and plenty fast for vectors
            mid = 0.5 * (lo + hi)
            above = self.n1(mid) > n
            hi = np.where(above, mid, hi)
            lo = np.where(above, lo, mid)
            if np.all(hi - lo < 1e-13):
                break
        t = 0.5 * (lo + hi)
        return t if np.ndim(n1) else float(t[0])


def _number_list(entry, key, source):
    try:
        values = entry[key]
        values = values if isinstance(values, list) else [values]
        return [float(v) for v in values]
    except (KeyError, TypeError, ValueError):
        raise LunarInputError(tr("{source}: function {name!r} needs a numeric list {key!r}").format(
            source=source, name=entry.get('name', '?'), key=key)) from None


def _as_list(value):
    return value if isinstance(value, list) else ([] if value is None else [value])


def parse_functions(text, source="functions file"):
    """Production, chronology and equilibrium functions of a craterstats function file (config/functions.txt
    format), as ``{"production": {name: PF}, "chronology": {name: Chronology}, "equilibrium": {name: PF},
    "pairs": {chronology-system name: (pf name, cf name)}}``. Only the two function types craterstats 3.6 knows
    (polynomial, 'tabular incremental root-2') and coefficient chronologies are read."""
    tree = parse_text_structure(text, source)
    out = {"production": {}, "chronology": {}, "equilibrium": {}, "pairs": {}}
    for kind in ("production", "equilibrium"):
        for e in _as_list(tree.get(kind)):
            name = e.get("name")
            if not name:
                raise LunarInputError(tr("{source}: a {kind} function has no name").format(
                    source=source, kind=_kind_word(kind)))
            kind_of = e.get("type", "polynomial")
            reference = e.get("reference", "")
            if kind_of == "polynomial":
                rng = _number_list(e, "range", source) if "range" in e else [1e-4, 2e3]
                out[kind][name] = PolynomialPF(name, _number_list(e, "coefficients", source), rng, reference,
                                               absolute=kind == "equilibrium")
            elif kind_of == "tabular incremental root-2":
                index = _number_list(e, "index_1km", source)[0]
                out[kind][name] = TabularRoot2PF(name, _number_list(e, "H", source), int(index), reference)
            else:
                raise LunarInputError(tr("{source}: {kind} function {name!r} has type {type!r}; expected "
                                         "'polynomial' or 'tabular incremental root-2'").format(
                    source=source, kind=_kind_word(kind), name=name, type=kind_of))
    for e in _as_list(tree.get("chronology")):
        name = e.get("name")
        if not name:
            raise LunarInputError(tr("{source}: a chronology function has no name").format(source=source))
        p = _number_list(e, "coefficients", source)
        if len(p) != 4:
            raise LunarInputError(tr("{source}: chronology {name!r} needs 4 coefficients [a, b, 0, c] for "
                                     "N1 = a (exp(b T) - 1) + c T, got {count}").format(
                source=source, name=name, count=len(p)))
        out["chronology"][name] = Chronology(name, p[0], p[1], p[3], e.get("reference", ""))
    for e in _as_list(tree.get("chronology_system")):
        if {"name", "pf", "cf"} <= set(e):
            out["pairs"][e["name"]] = (e["pf"], e["cf"])
    return out


def load_function_file(path):
    """A user's craterstats function file (functions.txt format): see ``parse_functions``. Its functions are also
    registered by name, so ``fit_model_age`` and the plots take their names."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as e:
        raise LunarInputError(tr("function file {path}: cannot be read ({error})").format(path=path, error=e)) \
            from None
    functions = parse_functions(text, tr("function file {path}").format(path=path))
    if not (functions["production"] or functions["chronology"]):
        raise LunarInputError(tr("function file {path}: holds no production or chronology function "
                                 "(expected craterstats' functions.txt format)").format(path=path))
    for kind in ("production", "chronology", "equilibrium"):
        _USER[kind].update(functions[kind])
    return functions


# The lunar functions of craterstats 3.6.11's config/functions.txt (Michael, craterstats, BSD-3): the values as
# published there, in its own format; tests/core/test_csfd.py checks them against craterstats itself.
_BUILTIN_FUNCTIONS = """
production={
   name='Moon, Neukum (1983)'
   coefficients=[-2.5339,-3.6269,0.43662,0.79347,0.086468,-0.26485,-0.066382,0.037923,0.010596,-0.0022496,
      -0.00051797,0.0000397]
   range=[.01,300.]
}
chronology={
    name='Moon, Neukum (1983)'
    coefficients=[5.44E-14,6.93E0,0,8.38E-4]
}
production={
   name='Moon, Neukum et al. (2001)'
   coefficients=[-3.0768e00,-3.557528e00,0.781027e00,1.021521e00,-0.156012e00,-0.444058e00,0.019977e00,
      0.086850e00,-0.005874e00,-0.006809e00,8.25e-04,5.54e-05]
   range=[.01,300.]
}
chronology={
    name='Moon, Neukum et al. (2001)'
    coefficients=[5.44E-14,6.93E0,0,8.38E-4]
}
production={
   name='Moon, Hartmann 2010 iteration'
   type='tabular incremental root-2'
   H=[3.66E+04,9.87E+03,2.63E+03,6.99E+02,1.86E+02,4.98E+01,1.33E+01,3.49E+00,9.40E-01,2.50E-01,6.65E-02,
      1.76E-02,4.69E-03,1.25E-03,4.73E-04,2.53E-04,1.36E-04,7.26E-05,3.90E-05,2.08E-05,1.12E-05,5.98E-06,
      3.21E-06,1.72E-06,9.22E-07,3.80E-07,1.50E-07]
   index_1km=13
}
chronology={
    name='Moon, Hartmann 2010 iteration'
    coefficients=[2.57E-14,6.93,0,3.97E-04]
}
chronology={
    name='Moon, Yue et al. (2022)'
    coefficients=[1.089E-13,6.757,0,7.660E-4]
}
equilibrium={
   name='Lunar equilibrium (Trask, 1966)'
   coefficients=[-1.1,-2.]
   range=[.001,1000.]
}
equilibrium={
   name='Hartmann (1984)'
   coefficients=[-1.14,-1.83]
   range=[.001,1000.]
}
"""


@dataclass(frozen=True)
class CraterFunction:
    """One row of the function table: ``key`` (what the code and the files use), ``kind`` (production,
    chronology, equilibrium), craterstats' ``name``, the user's ``label`` (authors and year), the ``citation``, the
    production function a chronology is paired with in craterstats (``pairs_with``)."""
    key: str
    kind: str
    name: str
    label: str
    citation: str
    pairs_with: str = ""

    @property
    def function(self):
        return _BUILTIN[self.kind][self.name]

    @property
    def d_range_km(self):
        return getattr(self.function, "d_range_km", None)


_NEUKUM1983 = "Neukum (1983), Habilitation thesis, Ludwig-Maximilians-Universität München"
_NEUKUM2001 = "Neukum, Ivanov & Hartmann (2001), Space Sci. Rev. 96, 55-86; range after Ivanov, Neukum & Wagner (2001)"
_HARTMANN2010 = "Hartmann 2010 iteration (Hartmann, pers. comm.), after Michael (2013), Icarus 226, 885-890"
#: The one table of the offered functions (no list indexes anywhere: look rows up by kind and key; the order is
#: the order of the dialog's options, Neukum et al. 2001 and Hartmann 2010 first as before issue 23).
FUNCTIONS = (
    CraterFunction("neukum2001", "production", "Moon, Neukum et al. (2001)", "Neukum et al. 2001", _NEUKUM2001),
    CraterFunction("hartmann2010", "production", "Moon, Hartmann 2010 iteration", "Hartmann 2010 iteration",
                   _HARTMANN2010),
    CraterFunction("neukum1983", "production", "Moon, Neukum (1983)", "Neukum 1983", _NEUKUM1983),
    CraterFunction("neukum2001", "chronology", "Moon, Neukum et al. (2001)", "Neukum et al. 2001", _NEUKUM2001,
                   "neukum2001"),
    CraterFunction("hartmann2010", "chronology", "Moon, Hartmann 2010 iteration", "Hartmann 2010 iteration",
                   _HARTMANN2010, "hartmann2010"),
    CraterFunction("neukum1983", "chronology", "Moon, Neukum (1983)", "Neukum 1983", _NEUKUM1983, "neukum1983"),
    CraterFunction("yue2022", "chronology", "Moon, Yue et al. (2022)", "Yue et al. 2022",
                   "Yue et al. (2022), Nature Astronomy 6, 541-545 (Chang'e-5 calibration)", "neukum2001"),
    CraterFunction("trask1966", "equilibrium", "Lunar equilibrium (Trask, 1966)", "Trask 1966",
                   "Trask (1966), JPL Tech. Rep. 32-800, 252-263"),
    CraterFunction("hartmann1984", "equilibrium", "Hartmann (1984)", "Hartmann 1984",
                   "Hartmann (1984), Icarus 60, 56-74"),
)

_BUILTIN = parse_functions(_BUILTIN_FUNCTIONS, "built-in functions")
_USER = {"production": {}, "chronology": {}, "equilibrium": {}}


def functions_of(kind):
    """The table's rows of one kind, in table order."""
    return [f for f in FUNCTIONS if f.kind == kind]


def function_row(kind, key):
    for f in FUNCTIONS:
        if f.kind == kind and f.key == key:
            return f
    raise LunarInputError(tr("unknown {kind} function {key!r}; expected one of {keys} or a name from a loaded "
                             "function file").format(kind=_kind_word(kind), key=key,
                                                     keys=[f.key for f in functions_of(kind)]))


def _kind_word(kind):
    """The user's word for a function kind in messages (the English one is the kind itself)."""
    words = {"production": tr("production"), "chronology": tr("chronology"), "equilibrium": tr("equilibrium")}
    return words.get(kind, kind)


def resolve_function(kind, key):
    """The function object for a table key, a craterstats name, a loaded user function's name, or the object."""
    if not isinstance(key, str):
        return key
    for f in FUNCTIONS:
        if f.kind == kind and key in (f.key, f.name):
            return f.function
    if key in _USER[kind]:
        return _USER[kind][key]
    function_row(kind, key)                              # raises the error that lists the choices


def default_chronology(production):
    """The chronology craterstats pairs with a production function (its chronology_system)."""
    for f in FUNCTIONS:
        if f.kind == "chronology" and f.pairs_with == production and f.key == production:
            return f.key
    return "neukum2001"


PRODUCTION_FUNCTIONS = {f.key: f.function for f in functions_of("production")}
CHRONOLOGIES = {f.key: f.function for f in functions_of("chronology")}
EQUILIBRIUM_FUNCTIONS = {f.key: f.function for f in functions_of("equilibrium")}

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
        raise LunarInputError(tr("age must be a number in Ga, got {age!r}").format(age=age_ga)) from None
    if not math.isfinite(t) or t < 0:
        raise LunarInputError(tr("age must be a finite number >= 0 Ga, got {age!r}").format(age=age_ga))
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
        raise LunarInputError(tr("unknown {what} {key!r}; expected one of {keys}").format(
            what=what, key=key, keys=sorted(table))) from None


def _check_diameters(diameters_km, what="diameters_km"):
    try:
        d = np.asarray(diameters_km, dtype=float).ravel()
    except (TypeError, ValueError):
        raise LunarInputError(tr("{what}: crater diameters must be numbers in km").format(what=what)) from None
    if d.size == 0:
        raise LunarInputError(tr("{what}: no crater diameters given (the crater list is empty)").format(what=what))
    bad = ~np.isfinite(d) | (d <= 0)
    if np.any(bad):
        raise LunarInputError(tr("{what}: {count} crater diameter(s) are zero, negative or not a number "
                                 "(first: {first!r}); diameters must be > 0 km").format(
            what=what, count=int(bad.sum()), first=d[bad][0]))
    return d


def _check_area(area_km2, what="area_km2"):
    try:
        a = float(area_km2)
    except (TypeError, ValueError):
        raise LunarInputError(tr("{what}: counting area must be a number in km^2, got {area!r}").format(
            what=what, area=area_km2)) from None
    if not math.isfinite(a) or a <= 0:
        raise LunarInputError(tr("{what}: counting area must be > 0 km^2, got {area!r}").format(
            what=what, area=area_km2))
    if a > 4 * math.pi * MOON_RADIUS_KM ** 2 * 1.0001:
        raise LunarInputError(tr("{what}: counting area {area:g} km^2 is larger than the whole Moon "
                                 "({moon:.4g} km^2)").format(what=what, area=a,
                                                            moon=4 * math.pi * MOON_RADIUS_KM ** 2))
    return a

# --------------------------------------------------------------------------------------------------------------
# Binning and the CSFD table
# --------------------------------------------------------------------------------------------------------------


#: craterstats' binnings: geometric ones as (base, bins per factor of base), so that 1 km is an edge; 'pseudo-log'
#: has the edges 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.7, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9 x 10^k km (craterstats'
#: default for plots and fits).
BINNINGS = {"x2": (2.0, 1), "root-2": (2.0, 2), "4th root-2": (2.0, 4), "10/decade": (10.0, 10),
            "20/decade": (10.0, 20), "pseudo-log": None}
_PSEUDO_LOG = [1., 1.1, 1.2, 1.3, 1.4, 1.5, 1.7, 2., 2.5, 3., 3.5, 4., 4.5, 5., 6., 7., 8., 9.]
_EDGE_EPS = 1e-9


def _pseudo_log_edges(lo, hi):
    decades = [10 ** e for e in range(int(math.floor(math.log10(lo))) - 1, int(math.ceil(math.log10(hi))) + 2)]
    return np.outer(decades, _PSEUDO_LOG).ravel()      # as craterstats computes them: the same floats


def _bins(d, binning):
    """(edges, index): the bin edges covering the diameters ``d`` and each diameter's bin (a diameter on an edge
    goes into the bin above it)."""
    spec = _get(BINNINGS, binning, tr("binning"))
    if spec is None:
        grid = _pseudo_log_edges(float(d.min()), float(d.max()))
        k = np.searchsorted(grid, d, side="right") - 1
        k0, k1 = int(k.min()), int(k.max())
        return grid[k0:k1 + 2], k - k0
    base, m = spec
    k = np.floor(m * np.log(d) / math.log(base) + _EDGE_EPS).astype(int)
    k0 = int(k.min())
    return base ** (np.arange(k0, int(k.max()) + 2) / m), k - k0


def snap_range(d_min_km, d_max_km, binning):
    """The fit range widened to bin edges as craterstats does by default (Cratercount.decode_range, snap=1): the
    last edge below d_min (times 1.0000001), the first edge at or above d_max (times 0.999999)."""
    lo, hi = float(d_min_km), float(d_max_km)
    a = lo * 1.0000001
    b = hi * 0.999999 if math.isfinite(hi) else a
    spec = _get(BINNINGS, binning, tr("binning"))
    if spec is None:
        grid = _pseudo_log_edges(min(a, b), max(a, b))
    else:
        base, m = spec
        k = np.arange(math.floor(m * math.log(min(a, b), base)) - 2, math.ceil(m * math.log(max(a, b), base)) + 3)
        grid = base ** (k / m)
    new_lo = float(grid[np.searchsorted(grid, a, side="left") - 1])
    new_hi = float(grid[np.searchsorted(grid, b, side="left")]) if math.isfinite(hi) else hi
    return new_lo, new_hi


def bin_edges(diameters_km, binning="root-2"):
    """Edges (2^(k/m) km for the root-2 family) covering all diameters; a diameter on an edge goes into the bin
    above it."""
    return _bins(_check_diameters(diameters_km), binning)[0]


def csfd_table(diameters_km, area_km2, binning="root-2", include_empty=False, feedback=None, fractions=None,
               reference_areas_km2=None):
    """Binned CSFD with Poisson errors, one row dict per bin, smallest bin first.

    Rows: bin_min_km, bin_max_km, bin_centre_km (geometric mean), n (craters), cumulative (craters >= bin_min per
    km^2), cumulative_err, differential (per km^3), differential_err, r_value (D_centre^3 * differential; Crater
    Analysis Techniques Working Group 1979) and r_err. Densities count each crater with its ``fractions`` (rim-
    crossing counts) on ``area_km2`` or on its own ``reference_areas_km2`` (buffered counts); errors are the
    densities over sqrt(n), as craterstats draws them. Empty bins are left out unless ``include_empty``.
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    edges, idx = _bins(d, binning)
    w = _optional_column(fractions, d.size, "fractions")
    w = np.ones(d.size) if w is None else w
    refs = _optional_column(reference_areas_km2, d.size, "reference_areas_km2")
    density = w / (refs if refs is not None else area)
    counts = np.bincount(idx, minlength=edges.size - 1)
    dens = np.bincount(idx, weights=density, minlength=edges.size - 1)
    ncum = np.cumsum(counts[::-1])[::-1]
    dcum = np.cumsum(dens[::-1])[::-1]
    progress = Progress(feedback, counts.size)
    rows = []
    for i, n in enumerate(counts):
        progress.step(i)
        if n == 0 and not include_empty:
            continue
        lo, hi = float(edges[i]), float(edges[i + 1])
        centre = math.sqrt(lo * hi)
        width = hi - lo
        diff = dens[i] / width
        diff_err = diff / math.sqrt(n) if n else 0.0
        rows.append({
            "bin_min_km": lo, "bin_max_km": hi, "bin_centre_km": centre, "n": int(n),
            "cumulative": dcum[i], "cumulative_err": dcum[i] / math.sqrt(ncum[i]) if ncum[i] else 0.0,
            "differential": diff, "differential_err": diff_err,
            "r_value": centre ** 3 * diff, "r_err": centre ** 3 * diff_err,
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
    """'3.58 +0.05/-0.08 Ga', or in Ma below 1 Ga ('512 +40/-38 Ma'): the age and both errors with the same
    decimals (two in Ga, none in Ma, more where the smaller error would otherwise round to zero), as craterstats
    writes them; never '+0.31/-0.4' or '1.8e+02'."""
    scale, unit, decimals = (1000.0, "Ma", 0) if age_ga < 1.0 else (1.0, "Ga", 2)
    age, plus, minus = age_ga * scale, err_plus_ga * scale, err_minus_ga * scale
    smaller = min(plus, minus)
    if math.isfinite(smaller) and smaller > 0:
        decimals = max(decimals, -math.floor(math.log10(smaller)))
    return f"{age:.{decimals}f} +{plus:.{decimals}f}/-{minus:.{decimals}f} {unit}"


def format_area(area_km2):
    """A count area as every output writes it (log, plot, report): thousands separated, at least four significant
    digits ('5,027,860 km²', '52.49 km²', '0.01230 km²')."""
    a = float(area_km2)
    decimals = max(0, 3 - math.floor(math.log10(a))) if a > 0 else 0
    return f"{a:,.{decimals}f} km\u00b2"


#: How a fit is described (plot legend, log, report). ``mapped``/``mapped_elsewhere``: a fit over the craters mapped
#: as one System (split by System), whose age may fall in that System or another; ``group``: any other count.
#: The algorithm passes its translations of these.
FIT_WORDING = {"mapped": "craters mapped as {name}: model age {age}, in the {system} as mapped",
               "mapped_elsewhere": "craters mapped as {name}: model age {age}, which falls in the {system}",
               "group": "{name}: model age {age} ({system})"}


def describe_fit(name, fit, wording=None):
    """What a fit says, in words a planetary scientist reads without a key: a fit over the craters mapped as one
    System that gives an age in another says so ('craters mapped as pre-Nectarian: model age 3.58 +0.05/-0.08 Ga,
    which falls in the Imbrian')."""
    wording = wording or FIT_WORDING
    mapped = systems.by_name(name) if name else None
    if mapped is None:
        kind = "group"
    else:
        kind = "mapped" if systems.by_name(fit.system) == mapped else "mapped_elsewhere"
    return wording[kind].format(name=name or fit.label or "fit", age=fit.age_text(), system=fit.system)


def covers_fit_range(d_range_km, lo, hi, tol=1e-6):
    """Whether a production function valid over ``d_range_km`` covers the fit range ``lo``-``hi`` km (a relative
    ``tol`` for ranges written with fewer digits than the function's)."""
    rlo, rhi = d_range_km
    return not (lo < rlo * (1 - tol) or hi > rhi * (1 + tol))


def _check_range(d_min_km, d_max_km, pf, production):
    try:
        lo = float(d_min_km)
        hi = pf.d_range_km[1] if d_max_km is None else float(d_max_km)
    except (TypeError, ValueError):
        raise LunarInputError(tr("fit range must be numbers in km, got {d_min!r}-{d_max!r}").format(
            d_min=d_min_km, d_max=d_max_km)) from None
    if not (math.isfinite(lo) and lo > 0) or math.isnan(hi) or hi <= lo:
        raise LunarInputError(tr("fit range {d_min!r}-{d_max!r} km is empty: need 0 < d_min_km < d_max_km").format(
            d_min=d_min_km, d_max=d_max_km))
    rlo, rhi = pf.d_range_km
    if math.isinf(hi):
        hi = rhi
    if not covers_fit_range(pf.d_range_km, lo, hi):
        raise LunarInputError(tr("fit range {lo:g}-{hi:g} km is outside the {production!r} production function's "
                                 "valid range {rlo:g}-{rhi:g} km").format(lo=lo, hi=hi, production=production,
                                                                         rlo=rlo, rhi=rhi))
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


def buffered_expectation_per_n1(pf, d_min_km, d_max_km, area_km2, perimeter_km):
    """Expected number of craters in [d_min, d_max) per unit N(1) for buffered crater counting (Fassett & Head
    2008): a crater of diameter D counts where its centre lies within D/2 of the area, an area of A + P D/2 +
    pi D^2/4 (Kneissl et al. 2015); integrated over the PF's differential form as craterstats' b-poisson does
    (Simpson's rule on 500 diameters)."""
    from scipy.integrate import simpson
    d = np.linspace(d_min_km, d_max_km, 500)
    y = (area_km2 + d * perimeter_km / 2.0 + np.pi * d ** 2 / 4.0) * pf.differential(d)
    return float(simpson(y, x=d))


#: Age methods: Poisson likelihood (Michael et al. 2016), buffered Poisson (b-poisson), cumulative and
#: differential fits (c-fit, d-fit) -- craterstats' four.
METHODS = ("poisson", "b-poisson", "cumulative", "differential")


def _binned_for_fit(d, weights, area, binning, lo, hi, presentation, pf):
    """The points craterstats fits (Cratercount.getplotdata without snapping): non-empty bins whose geometric
    centre lies strictly inside (lo, hi); fractions weight n, errors come from the number of craters (events)."""
    edges, idx = _bins(d, binning)
    n = np.bincount(idx, weights=weights, minlength=edges.size - 1)
    n_event = np.bincount(idx, minlength=edges.size - 1).astype(float)
    b_lo, b_hi = edges[:-1], edges[1:]
    centre = np.sqrt(b_lo * b_hi)
    if presentation == "cumulative":
        ncum = np.cumsum(n[::-1])[::-1]
        ncum_event = np.cumsum(n_event[::-1])[::-1]
    q = (n > 0) & (centre > lo) & (centre < hi)
    if presentation == "cumulative":
        x, y = b_lo[q], ncum[q] / area
        err = y / np.sqrt(ncum_event[q])
    else:
        x = centre[q]
        y = n[q] / (b_hi[q] - b_lo[q]) / area
        err = y / np.sqrt(n_event[q])
        beta = (centre[q] / b_lo[q]) ** 2
        slope = np.log10(pf.cumulative(x * np.sqrt(beta)) / pf.cumulative(x / np.sqrt(beta))) / np.log10(beta)
        y = y / bin_bias_correction(beta, slope)
    return x, y, err, float(n[q].sum()), int(n_event[q].sum())


def _fit_a0(pf, presentation, x, y, err):
    """log10 N(1) fitted as craterstats' Productionfn.fit does (curve_fit of the log PF with sigma 1/sqrt(y) for
    cumulative, 1/sqrt(err) for differential data): the model is a0 + g(D), linear in a0, so the weighted
    least-squares solution is the weighted mean of the residuals. Returns (a0, lower, upper); the bounds shift a0
    by the first point's 0.98-sigma error, as craterstats does."""
    if presentation == "cumulative":
        g, w = pf.log10_cumulative(x), y
    else:
        g, w = np.log10(pf.differential(x)), err
    a0 = float(np.sum(w * (np.log10(y) - g)) / np.sum(w))
    y0, e0 = float(y[0]), float(err[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = a0 - (math.log10(y0) - (math.log10(y0 - 0.98 * e0) if y0 - 0.98 * e0 > 0 else -np.inf))
    upper = a0 - (math.log10(y0) - math.log10(y0 + 0.98 * e0))
    return a0, lower, upper


def fit_model_age(diameters_km, area_km2, d_min_km, d_max_km=None, production="neukum2001",
                  chronology="neukum2001", method="poisson", binning="root-2", label="", feedback=None,
                  fractions=None, perimeter_km=None, reference_areas_km2=None, snap=False):
    """Crater model age of a count on ``area_km2`` from the craters with d_min_km <= D < d_max_km, as craterstats
    3.6.x computes it.

    ``production``/``chronology``: a key of ``FUNCTIONS`` ('neukum1983', 'neukum2001', 'hartmann2010';
    chronologies also 'yue2022'), a craterstats name, or a function loaded with ``load_function_file``.
    ``method``: 'poisson' (Michael et al. 2016 likelihood, weighted by dN1/dT; counts craters, not fractions),
    'b-poisson' (buffered: needs ``perimeter_km``; every crater given is one whose buffered area holds its centre),
    'cumulative' or 'differential' (the PF fitted to the binned CSFD over the non-empty bins whose centre lies inside
    the range; ``fractions`` weight the bins; ``reference_areas_km2``: each crater's own counting area, as
    buffered crater counting's .diam ``reference_area`` column, which replaces ``area_km2``).
    ``d_max_km=None`` means the production function's upper limit. ``snap``: widen the range to ``binning``'s
    edges first, as craterstats does unless told not to (its default binning is 'pseudo-log').
    Returns an ``AgeFit``.
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    pf = resolve_function("production", production)
    cf = resolve_function("chronology", chronology)
    if snap:
        _check_range(d_min_km, d_max_km, pf, production)
        d_min_km, d_max_km = snap_range(d_min_km, pf.d_range_km[1] if d_max_km is None else d_max_km, binning)
        d_min_km = max(d_min_km, pf.d_range_km[0])          # craterstats clips to the PF's range afterwards
        d_max_km = min(d_max_km, pf.d_range_km[1])
    lo, hi = _check_range(d_min_km, d_max_km, pf, production)
    weights = _optional_column(fractions, d.size, "fractions")
    weights = np.ones(d.size) if weights is None else weights
    if np.any(weights < 0):
        raise LunarInputError(tr("fractions must be >= 0"))
    refs = _optional_column(reference_areas_km2, d.size, "reference_areas_km2")
    progress = Progress(feedback, 2)
    progress.step(0)
    extra = {}
    if method in ("poisson", "b-poisson"):
        k = int(np.count_nonzero((d >= lo) & (d < hi)))
        if k == 0:
            raise LunarInputError(tr("fit range {lo:g}-{hi:g} km holds no craters (of {count}, "
                                     "{d_min:g}-{d_max:g} km): widen the range").format(
                lo=lo, hi=hi, count=d.size, d_min=d.min(), d_max=d.max()))
        if method == "b-poisson":
            if perimeter_km is None or not float(perimeter_km) > 0:
                raise LunarInputError(tr("method 'b-poisson' (buffered crater counting) needs the count area's "
                                         "perimeter_km > 0, got {perimeter!r}").format(perimeter=perimeter_km))
            per_n1 = buffered_expectation_per_n1(pf, lo, hi, area, float(perimeter_km))
        else:
            per_n1 = area * float(pf.cumulative(lo) - pf.cumulative(hi))
        age, ep, em = _poisson_age(k, per_n1, cf)
        n1 = float(cf.n1(age))
        n1p, n1m = float(cf.n1(age + ep)) - n1, n1 - float(cf.n1(age - em))
        n_used = k
        extra = {"expected_per_n1": per_n1}
    elif method in ("cumulative", "differential"):
        fit_area = area
        if refs is not None:
            if np.any(refs <= 0):
                raise LunarInputError(tr("reference_areas_km2 must be > 0"))
            weights, fit_area = weights / refs, 1.0
        x, y, err, n_weighted, n_used = _binned_for_fit(d, weights, fit_area, binning, lo, hi, method, pf)
        if x.size == 0:
            raise LunarInputError(
                tr("fit range {lo:g}-{hi:g} km holds no non-empty {binning} bin whose centre lies inside it: widen "
                   "the range or use method='poisson'").format(lo=lo, hi=hi, binning=binning))
        a0, a_lo, a_hi = _fit_a0(pf, method, x, y, err)
        n1, n1_lo, n1_hi = 10.0 ** a0, 10.0 ** a_lo, 10.0 ** a_hi
        age = cf.age(n1)
        ep = cf.age(n1_hi) - age
        em = age - cf.age(n1_lo)
        n1p, n1m = n1_hi - n1, n1 - n1_lo
        extra = {"bins_km": x.tolist(), "n_fractional": n_weighted, "log10_n1": [a0, a_lo, a_hi]}
    else:
        raise LunarInputError(tr("unknown age method {method!r}; expected one of {methods}").format(
            method=method, methods=list(METHODS)))
    progress.step(2)
    return AgeFit(age_ga=float(age), err_plus_ga=float(ep), err_minus_ga=float(em), n1=float(n1),
                  n_craters=int(n_used), system=system_for_age(age), method=method,
                  production=production if isinstance(production, str) else pf.name,
                  chronology=chronology if isinstance(chronology, str) else cf.name,
                  d_min_km=float(lo), d_max_km=float(hi), area_km2=area,
                  n1_err_plus=float(n1p), n1_err_minus=float(n1m), label=label, extra=extra)


def synthetic_population(age_ga, area_km2, d_min_km, d_max_km, seed=0, production="neukum2001",
                         chronology="neukum2001"):
    """Crater diameters (km) drawn from the PF for a surface of ``age_ga`` (Poisson total, fixed seed)."""
    area = _check_area(area_km2)
    pf = resolve_function("production", production)
    cf = resolve_function("chronology", chronology)
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
    pf = resolve_function("production", fit.production)
    return fit.n1 * pf.cumulative(d), d ** 3 * fit.n1 * pf.differential(d), fit.n1 * pf.differential(d)


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
              feedback=None, equilibrium=None, weights=None):
    """``csfd_figure`` written as PNG and/or SVG (each under a temporary name, renamed when complete); returns the
    paths."""
    if out_png is None and out_svg is None:
        raise LunarInputError(tr("plot_csfd: give out_png and/or out_svg"))
    fig = csfd_figure(groups, area_km2, fits=fits, binning=binning, title=title, feedback=feedback,
                      equilibrium=equilibrium, weights=weights)
    written = []
    for path in (out_png, out_svg):
        if path:
            kind = "png" if str(path).lower().endswith(".png") else "svg"
            write_atomic(str(path), lambda tmp: fig.savefig(tmp, format=kind, dpi=150 if kind == "png" else None))
            written.append(str(path))
    return written


def csfd_figure(groups, area_km2, fits=None, binning="root-2", title=None, feedback=None, equilibrium=None,
                weights=None):
    """Cumulative CSFD (left), differential CSFD (middle) and relative (R) plot (right), log axes, with fitted
    isochrons and an optional ``equilibrium`` line (a key of ``EQUILIBRIUM_FUNCTIONS``: Trask 1966, Hartmann 1984).
    ``weights``: dict name -> dict of ``csfd_table`` keyword arguments (fractions, reference_areas_km2) of a group.

    ``groups``: dict name -> diameters (km), each drawn as points; ``area_km2``: one area for all groups or dict
    name -> area. Groups named after the Systems get the seed colours (pre-Nectarian red, Nectarian brown, Imbrian
    yellow, Eratosthenian green, Copernican blue). ``fits``: AgeFit list, or dict name -> AgeFit; a fit whose
    ``label`` (or dict key) names a group is drawn in that group's colour. The ages are written in the legend below
    the plots (``describe_fit``), never on top of data points. Returns the matplotlib Figure (no pyplot).
    """
    # Figure + the Agg canvas directly: no pyplot, no global backend switch inside QGIS
    from matplotlib.figure import Figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(groups, dict) or not groups:
        raise LunarInputError(tr("groups: give a dict of group name -> crater diameters (km) with at least one "
                                 "group"))
    if isinstance(fits, dict):
        fits = [(str(k), f) for k, f in fits.items()]
    else:
        fits = [(f.label, f) for f in (fits or [])]

    rows_of_legend = (len(groups) + len(fits) + (1 if equilibrium else 0) + 1) // 2
    legend_in = 0.25 + 0.2 * rows_of_legend
    fig = Figure(figsize=(17, 5.0 + legend_in))
    FigureCanvasAgg(fig)
    ax_c, ax_d, ax_r = fig.subplots(1, 3)
    cycle = iter(["black", "purple", "darkcyan", "magenta", "olive", "grey", "orange", "navy"] * 10)
    colours = {}
    progress = Progress(feedback, len(groups) + len(fits))
    d_all = []
    for i, (name, diam) in enumerate(groups.items()):
        progress.step(i)
        area = area_km2[name] if isinstance(area_km2, dict) else area_km2
        rows = csfd_table(diam, _check_area(area, tr("area of group {name!r}").format(name=name)), binning=binning,
                          **((weights or {}).get(name) or {}))
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
        df = np.array([r_["differential"] for r_ in rows])
        ax_d.errorbar(mid, df, yerr=_bars(df, counts), fmt="o", ms=4, color=colour, label=label, capsize=2, lw=0.8)
        r = np.array([r_["r_value"] for r_ in rows])
        ax_r.errorbar(mid, r, yerr=_bars(r, counts), fmt="o", ms=4, color=colour, label=label, capsize=2,
                      lw=0.8)   # csfd_table leaves empty bins out: every row has a crater

    if d_all:
        d_plot = np.geomspace(min(d_all) / 1.5, max(d_all), 300)
    for j, (key, f) in enumerate(fits):
        progress.step(len(groups) + j)
        colour = colours.get(key) or colours.get(f.label) or "black"
        pf = resolve_function("production", f.production)
        d = d_plot[(d_plot >= pf.d_range_km[0]) & (d_plot <= pf.d_range_km[1])]
        yc, yr, yd = _isochron(f, d)
        ax_c.plot(d, yc, "--", color=colour, lw=0.8)
        ax_r.plot(d, yr, "--", color=colour, lw=0.8)
        ax_d.plot(d, yd, "--", color=colour, lw=0.8)
        dd = np.geomspace(f.d_min_km, f.d_max_km, 100)
        yc2, yr2, yd2 = _isochron(f, dd)
        ax_d.plot(dd, yd2, "-", color=colour, lw=1.6)
        fit_label = f"{describe_fit(key, f)}, N = {f.n_craters} in {f.d_min_km:g}\u2013{f.d_max_km:g} km"
        ax_c.plot(dd, yc2, "-", color=colour, lw=1.6, label=fit_label)
        ax_r.plot(dd, yr2, "-", color=colour, lw=1.6)

    if equilibrium and d_all:
        eq = resolve_function("equilibrium", equilibrium)
        row = next((r for r in FUNCTIONS if r.kind == "equilibrium" and equilibrium in (r.key, r.name)), None)
        d = np.geomspace(min(d_all) / 1.5, max(d_all), 200)
        eq_label = f"equilibrium ({row.label if row else eq.name})"
        ax_c.plot(d, eq.cumulative(d), ":", color="grey", lw=1.2, label=eq_label)
        ax_d.plot(d, eq.differential(d), ":", color="grey", lw=1.2)
        ax_r.plot(d, d ** 3 * eq.differential(d), ":", color="grey", lw=1.2)
    ax_d.set(xscale="log", yscale="log", xlabel="Crater diameter D (km)",
             ylabel="Differential crater frequency (km$^{-3}$)", title="Differential CSFD")
    ax_d.grid(True, which="major", lw=0.3, alpha=0.6)
    ax_c.set(xscale="log", yscale="log", xlabel="Crater diameter D (km)",
             ylabel="Cumulative crater frequency N(\u2265D) (km$^{-2}$)", title="Cumulative CSFD")
    ax_r.set(xscale="log", yscale="log", xlabel="Crater diameter D (km)", ylabel="Relative crater frequency R",
             title="R-plot")
    for ax in (ax_c, ax_r):
        ax.grid(True, which="major", lw=0.3, alpha=0.6)
    # the counts and ages in one legend below the plots: on no data point, however the curves run
    handles, labels = ax_c.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=9, frameon=False)
    if title:
        fig.suptitle(title)
    fig.tight_layout(rect=(0, legend_in / fig.get_figheight(), 1, 1))
    progress.step(len(groups) + len(fits))
    return fig

# --------------------------------------------------------------------------------------------------------------
# craterstats files
# --------------------------------------------------------------------------------------------------------------


def _optional_column(values, n, what):
    if values is None:
        return None
    try:
        v = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise LunarInputError(tr("{what} must be numbers").format(what=what)) from None
    if v.size != n:
        raise LunarInputError(tr("{what} has {count} values for {n} craters").format(what=what, count=v.size, n=n))
    if not np.all(np.isfinite(v)):
        raise LunarInputError(tr("{what} holds values that are not finite numbers").format(what=what))
    return v


def _fmt_area(area):
    # craterstats' .scc reader takes only digits and a point: no exponent
    return np.format_float_positional(float(area), precision=12, unique=True, fractional=False, trim="-")


def write_diam(path, diameters_km, area_km2, fractions=None, lons=None, lats=None, comment=None,
               reference_areas=None):
    """A craterstats .diam file: ``area = A`` and ``crater = {diameter[, fraction][, reference_area][, lon, lat]``.

    ``reference_areas``: each crater's own counting area (km^2) of a buffered count (Fassett & Head 2008), which
    craterstats reads instead of the area (a crater then weighs 1/reference_area on a nominal area of 1)."""
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    frac = _optional_column(fractions, d.size, "fractions")
    if frac is not None and (np.any(frac < 0) or np.any(frac > 1)):
        raise LunarInputError(tr("fractions must lie in 0..1"))
    refs = _optional_column(reference_areas, d.size, "reference_areas")
    if refs is not None and np.any(refs <= 0):
        raise LunarInputError(tr("reference_areas must be > 0 km^2"))
    lon = _optional_column(lons, d.size, "lons")
    lat = _optional_column(lats, d.size, "lats")
    if (lon is None) != (lat is None):
        raise LunarInputError(tr("give both lons and lats, or neither"))
    if lon is not None and frac is None:
        frac = np.ones(d.size)
    cols = (["diameter"] + (["fraction"] if frac is not None else []) + (["reference_area"] if refs is not None
                                                                          else [])
            + (["lon", "lat"] if lon is not None else []))
    lines = ["# Crater count written by Lunar Lab (craterstats .diam format)"]
    lines += [f"# {c}" for c in (comment or "").splitlines()]
    lines += ["#", "# area, km^2", f"area = {_fmt_area(area)}", "#", "#              km        -      deg  deg",
              "crater = {" + ", ".join(cols)]
    for i in range(d.size):
        row = [f"{d[i]:.10g}"]
        if frac is not None:
            row.append(f"{frac[i]:.6g}")
        if refs is not None:
            row.append(f"{refs[i]:.10g}")
        if lon is not None:
            row += [f"{lon[i]:.8f}", f"{lat[i]:.8f}"]
        lines.append("\t".join(row))
    lines.append("}")
    return write_text_atomic("\n".join(lines) + "\n", str(path))


def write_scc(path, diameters_km, area_km2, lons=None, lats=None, fractions=None, boundary=None,
              perimeter_km=None, radius_km=MOON_RADIUS_KM, area_names=None):
    """A craterstats/CraterTools/OpenCraterTool .scc (spatial crater count) file.

    ``boundary``: the count area's outline, a list of rings of (lon, lat) degrees (each its own exterior sub-area),
    or of (sub_area, tag, ring) with tag 'ext' (exterior) or 'int' (a hole), as ``count_areas.CountArea.
    boundary_rings`` gives them; with crater lon/lat, craterstats' randomness analysis reads it.
    ``perimeter_km``: written as ``Total_perimeter`` (craterstats needs it for buffered-Poisson ages).
    ``fractions``: the linear fraction of each crater inside the area (craterstats' reading of the column).
    """
    d = _check_diameters(diameters_km)
    area = _check_area(area_km2)
    lon = _optional_column(lons, d.size, "lons")
    lat = _optional_column(lats, d.size, "lats")
    if (lon is None) != (lat is None):
        raise LunarInputError(tr("give both lons and lats, or neither"))
    frac = _optional_column(fractions, d.size, "fractions")
    if frac is None:
        frac = np.ones(d.size)
    elif np.any(frac < 0) or np.any(frac > 1):
        raise LunarInputError(tr("fractions must lie in 0..1"))
    lines = ["# Spatial crater count", "#", "# Written by Lunar Lab", "#", "# Ellipsoid axes:"]
    lines += [f"{ax}_axis_radius = {radius_km:g} <km>" for ax in "abc"]
    if boundary:
        rings = [(j, "ext", r) for j, r in enumerate(boundary, start=1)] \
            if not isinstance(boundary[0], tuple) or len(boundary[0]) != 3 or isinstance(boundary[0][0], float) \
            else list(boundary)
        lines += ["#", "# area_shapes:", "unit_boundary = {vertex,sub_area,tag,lon,lat", "#"]
        for n, _, _ in rings:
            name = (area_names or {}).get(n)
            lines.append(f"# Area_name {n} = {name or 'NULL'}")
        v = 1
        for n, tag, ring in rings:
            for x, y in ring:
                lines.append(f"{v}\t{n}\t{tag}\t{float(x):.12f}\t{float(y):.12f}")
                v += 1
        lines.append("}")
    lines += ["#", f"Total_area = {_fmt_area(area)} <km^2>"]
    if perimeter_km is not None:
        p = float(perimeter_km)
        if not math.isfinite(p) or p <= 0:
            raise LunarInputError(tr("perimeter_km must be > 0, got {perimeter!r}").format(perimeter=perimeter_km))
        lines.append(f"Total_perimeter = {p:.9f} <km>")
    lines += ["#", "# crater_diameters:"]
    if lon is not None:
        lines.append("crater = {diam,fraction,lon,lat")
        lines += [f"{d[i]:.10g}\t{frac[i]:.6g}\t{lon[i]:.10f}\t{lat[i]:.10f}" for i in range(d.size)]
    else:
        lines.append("crater = {diam,fraction")
        lines += [f"{d[i]:.10g}\t{frac[i]:.6g}" for i in range(d.size)]
    lines.append("}")
    return write_text_atomic("\n".join(lines) + "\n", str(path))
