"""craterstats 3.6.x as a test oracle, run by the craterstats venv's Python (not the plugin's).

Protocol: one JSON request per line on stdin, one JSON reply per line on stdout, until EOF:

    {"op": "poisson", "source": "/tmp/a.diam", "pf": "Moon, Neukum et al. (2001)", "range": [1, 32]}
    -> {"ok": true, "result": {"k": 1002, "median": 3.01, "lo": 2.99, "hi": 3.03, ...}}
    -> {"ok": false, "error": "ValueError: Production function not found: ..."}

Ops (names of functions as in craterstats' config/functions.txt; ``cf`` defaults to ``pf``; ranges in km):
  version                       craterstats/numpy/scipy/python versions
  functions                     production, chronology and chronology-system entries of functions.txt
  pf      pf, d[, a0=0]         C(d) and F(d) (cumulative, differential; a0 = log10 N(1): 0 -> P(1 km) = 1), range
  cf      cf[, t][, n1]         N1(t) and phi(t) = dN1/dt; t(n1) by craterstats' own inversion
  read    source                what Cratercount reads from a .diam/.scc/.stat file: area, perimeter, diam, fraction
  binned  source[, binning='root-2'][, presentations]   Cratercount.apply_binning + getplotdata per presentation
  poisson source, pf[, cf], range[, bcc][, snap_binning]   Craterpdf: k, median, lo, hi (1-sigma percentiles),
                                the range clipped to the PF's as Craterplot does (and snapped to bins with snap_binning)
  fit     source, pf[, cf], range, presentation ('cumulative'|'differential')[, binning='root-2'][, resurf=0]
          [, snap=False]        (snap: the range widened to bin edges first, as Craterplot does by default)
                                c-fit / d-fit as Craterplot.calculate_age does: a0 (fit, lower, upper) and t(a0)
  randomness source, out[, trials=10][, measure='m2cnd']   Randomnessanalysis of a .scc or shapefile pair: the
                                count it analyses and n_sigma per root-2 bin (craterstats' own Monte Carlo, seed 42)
Only craterstats' public classes are used (Cratercount, Productionfn, Chronologyfn, Craterpdf, Randomnessanalysis).
"""
import json
import os
import sys
import traceback


def _jsonable(x):
    import numpy as np
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, np.ndarray):
        return _jsonable(x.tolist())
    if isinstance(x, np.generic):
        return x.item()
    return x


class Oracle:
    def __init__(self):
        import craterstats as cst
        self.cst = cst
        self.functions_file = os.path.join(cst.PATH, "config", "functions.txt")
        self._pf, self._cf = {}, {}

    # -------------------------------------------------------------------------------------------- helpers
    def pf(self, name):
        if name not in self._pf:
            self._pf[name] = self.cst.Productionfn(self.functions_file, name)
        return self._pf[name]

    def cf(self, name):
        if name not in self._cf:
            self._cf[name] = self.cst.Chronologyfn(self.functions_file, name)
        return self._cf[name]

    def count(self, source):
        return self.cst.Cratercount(source)

    @staticmethod
    def _range(r):
        return [float(v) for v in r]

    # -------------------------------------------------------------------------------------------- ops
    def op_version(self):
        import numpy
        import scipy
        return {"craterstats": self.cst.__version__, "numpy": numpy.__version__, "scipy": scipy.__version__,
                "python": sys.version.split()[0], "executable": sys.executable, "path": self.cst.PATH}

    def op_functions(self):
        import craterstats.gm as gm
        txt = gm.read_textfile(self.functions_file, as_string=True, ignore_hash=True)
        src = gm.read_textstructure(txt, from_string=True)
        out = {}
        for kind in ("production", "chronology", "chronology_system", "equilibrium"):
            entries = src.get(kind, [])
            entries = entries if isinstance(entries, list) else [entries]
            out[kind] = [dict(e) if kind == "chronology_system" else e["name"] for e in entries]
        return out

    def op_pf(self, pf, d, a0=0.0):
        import numpy as np
        p = self.pf(pf)
        d = np.asarray(d, dtype=float)
        # C/F directly: Productionfn.evaluate treats a0=0 as "use the file's a0"
        return {"C": p.C(d, float(a0)), "F": p.F(d, float(a0)), "range": p.range}

    def op_cf(self, cf, t=None, n1=None):
        import numpy as np
        c = self.cf(cf)
        out = {}
        if t is not None:
            t = np.asarray(t, dtype=float)
            out.update(N1=c.N1(t), phi=c.phi(t))
        if n1 is not None:
            out.update(t=c.t(n1=np.asarray(n1, dtype=float)))
        return out

    def op_read(self, source):
        cc = self.count(source)
        return {"area": cc.area, "perimeter": cc.perimeter, "buffered": cc.buffered,
                "diam": list(cc.diam) if cc.diam is not None else None,
                "fraction": list(getattr(cc, "fraction", []) or [])}

    def op_binned(self, source, binning="root-2", presentations=(), range=None, pf=None):
        cc = self.count(source)
        cc.apply_binning(binning)
        out = {"binned": dict(cc.binned), "area": cc.area}
        for pres in presentations:
            p = cc.getplotdata(pres, binning, range=self._range(range) if range else None,
                               pf=self.pf(pf) if pf else None)
            out[pres] = {k: p[k] for k in ("d", "y", "err", "n", "n_event")}
        return out

    def op_poisson(self, source, pf, range, cf=None, bcc=False, snap_binning=None):
        import numpy as np
        cc = self.count(source)
        p, c = self.pf(pf), self.cf(cf or pf)
        r = self._range(range)
        if snap_binning:
            r = [float(v) for v in cc.decode_range([str(v) for v in r], snap_binning, 1)]
        r0 = np.clip(r, p.range[0], p.range[1])          # Craterplot.calculate_age
        pdf = self.cst.Craterpdf(p, c, cc, r0, bcc=bool(bcc))
        median, lo, hi = pdf.median1sigma()
        return {"k": int(pdf.k), "median": median, "lo": lo, "hi": hi, "range": r0,
                "n1": float(c.N1(median)), "area": cc.area}

    def op_fit(self, source, pf, range, presentation, cf=None, binning="root-2", resurf=0, snap=False):
        cc = self.count(source)
        p, c = self.pf(pf), self.cf(cf or pf)
        r = self._range(range)
        if snap:                                          # Craterplot's default: decode_range with snap=1
            r = [float(v) for v in cc.decode_range([str(v) for v in r], binning, 1)]
        if presentation == "cumulative":
            p0 = cc.getplotdata("cumulative", binning, range=r, resurfacing=int(resurf), pf=p)
        elif presentation == "differential":
            p0 = cc.getplotdata("differential", binning, range=r, pf=p)
        else:
            raise ValueError(f"presentation must be 'cumulative' or 'differential', got {presentation!r}")
        a0 = p.fit(p0)
        return {"n": p0["n"], "a0": a0, "t": c.t(a0=a0), "n1": [10 ** float(v) for v in a0],
                "d": p0["d"], "y": p0["y"], "err": p0["err"]}


    def op_randomness(self, source, out, trials=10, measure="m2cnd"):
        ra = self.cst.Randomnessanalysis(source, out=out)
        ra.run_montecarlo(int(trials), measure)
        ra.calculate_stats()
        stats = ra.montecarlo[measure]["stats"]
        return {"area": ra.area, "perimeter": ra.perimeter, "n": len(ra.diam), "n_sigma": {b: float(v.n_sigma) for b, v in stats.items()}}


def main():
    out = sys.stdout
    sys.stdout = sys.stderr                 # anything craterstats prints must not break the protocol
    try:
        oracle = Oracle()
        startup_error = None
    except Exception as e:                  # reported on every request, so the test says what is wrong
        oracle, startup_error = None, f"craterstats failed to import: {type(e).__name__}: {e}"
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            if startup_error:
                raise RuntimeError(startup_error)
            req = json.loads(line)
            op = req.pop("op")
            fn = getattr(oracle, "op_" + op, None)
            if fn is None:
                raise ValueError(f"unknown op {op!r}")
            reply = {"ok": True, "result": _jsonable(fn(**req))}
        except BaseException as e:          # noqa: BLE001 - the test side raises it with the traceback
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc()}
        out.write(json.dumps(reply, allow_nan=True) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
