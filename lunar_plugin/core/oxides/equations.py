"""FeO, TiO2 and OMAT from Clementine UVVIS band ratios (Qiu et al. 2025 eqs. 1-5; Lucey et al. 2000).

theta_Fe = -arctan[((R950/R750) - y0Fe) / (R750 - x0Fe)]      wt% FeO  = slope * theta_Fe + offset
theta_Ti =  arctan[((R415/R750) - y0Ti) / (R750 - x0Ti)]      wt% TiO2 = scale * theta_Ti ** exponent
OMAT     = sqrt((R750 - x0Fe)^2 + ((R950/R750) - y0Fe)^2)
Outside the equations' domain (R750 <= x0, theta_Ti < 0, nodata input) the result is NaN.
"""
from dataclasses import dataclass, fields, replace

import numpy as np
from osgeo import gdal


@dataclass(frozen=True)
class EquationConstants:
    x0_fe: float
    y0_fe: float
    fe_slope: float
    fe_offset: float
    x0_ti: float
    y0_ti: float
    ti_scale: float
    ti_exponent: float
    name: str = "custom"    # the label outputs and logs show
    key: str = "custom"     # the preset's key in PRESETS, which model cards record

    def with_overrides(self, **values):
        """Constants with the given fields replaced (None leaves a field as it is)."""
        changes = {k: float(v) for k, v in values.items() if v is not None}
        return replace(self, name=self.name + " (custom)", key=self.key + "+custom", **changes) if changes else self


#: The eight constants of the equations, in order (parameter ids are these in capitals: X0_FE, ...).
CONSTANT_NAMES = tuple(f.name for f in fields(EquationConstants) if f.name not in ("name", "key"))


#: The published constants, by name (a model card or a script names the preset it used).
PRESETS = {
    # Qiu et al. 2025, fitted on 49 sites including Chang'E-6.
    "qiu2025": EquationConstants(0.018, 1.188, 24.770, -8.053, 0.0, 0.481, 7.128, 4.022, "Qiu et al. 2025",
                                 "qiu2025"),
    # Lucey et al. 2000, JGR 105(E8):20297.
    "lucey2000": EquationConstants(0.08, 1.19, 17.427, -7.565, 0.0, 0.42, 3.708, 5.979, "Lucey et al. 2000",
                                   "lucey2000"),
}
#: The options of the PRESET enum (the oxide equations algorithm, lunar-batch), in their order.
PRESET_CHOICES = ("qiu2025", "lucey2000")


def preset(key):
    """The constants of preset ``key``; a clear error naming the known presets otherwise."""
    from ..errors import LunarInputError
    from ..messages import tr
    if key not in PRESETS:
        raise LunarInputError(tr("equation preset '{key}' is unknown (known: {known})").format(
            key=key, known=", ".join(PRESETS)))
    return PRESETS[key]


def preset_choice(index):
    """The constants of option ``index`` of the PRESET enum (PRESET_CHOICES)."""
    from ..errors import LunarInputError
    from ..messages import tr
    if not 0 <= int(index) < len(PRESET_CHOICES):
        raise LunarInputError(tr("PRESET: expected 0..{last} ({choices}), got {index}").format(
            last=len(PRESET_CHOICES) - 1, choices=", ".join(PRESET_CHOICES), index=index))
    return PRESETS[PRESET_CHOICES[int(index)]]


def theta_fe(r750, r950, c):
    with np.errstate(divide="ignore", invalid="ignore"):
        t = -np.arctan(((r950 / r750) - c.y0_fe) / (r750 - c.x0_fe))
    return np.where(r750 > c.x0_fe, t, np.nan)


def theta_ti(r415, r750, c, signed=False):
    """theta_Ti; NaN outside the equation's domain (theta < 0 too, unless ``signed``: a network input may be
    negative, highlands are)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.arctan(((r415 / r750) - c.y0_ti) / (r750 - c.x0_ti))
    ok = r750 > c.x0_ti
    return np.where(ok if signed else ok & (t >= 0), t, np.nan)


def feo(r750, r950, c):
    return c.fe_slope * theta_fe(r750, r950, c) + c.fe_offset


def tio2(r415, r750, c):
    with np.errstate(invalid="ignore"):
        return c.ti_scale * np.power(theta_ti(r415, r750, c), c.ti_exponent)


def omat(r750, r950, c):
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.sqrt((r750 - c.x0_fe) ** 2 + ((r950 / r750) - c.y0_fe) ** 2)
    return np.where(r750 > 0, value, np.nan)


def all_products(r415, r750, r950, c):
    """(FeO, TiO2, OMAT) as float32 arrays; NaN marks nodata or out-of-domain pixels."""
    out = feo(r750, r950, c), tio2(r415, r750, c), omat(r750, r950, c)
    return tuple(np.asarray(a, dtype=np.float32) for a in out)


def mg_number(feo_wt, mgo_wt):
    """Molar Mg/(Mg+Fe) from MgO and FeO wt% (molar masses 40.30 and 71.84 g/mol)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        mg = np.asarray(mgo_wt, dtype=np.float64) / 40.30
        fe = np.asarray(feo_wt, dtype=np.float64) / 71.84
        value = mg / (mg + fe)
    ok = (np.asarray(mgo_wt) >= 0) & (np.asarray(feo_wt) >= 0) & ((mg + fe) > 0)
    return np.where(ok, value, np.nan).astype(np.float32)


#: Bands of the equations' spectral domain (``models/oxide_equations_domain.json``), in the order it stores them.
DOMAIN_BANDS = ["R415", "R750", "R950"]
DOMAIN_NODATA = 255


class EquationBlocks:
    """One block of ``equation_maps``: an object (not a closure) so Dask workers run the very same code.
    ``tally`` counts valid and out-of-domain pixels of the blocks run in this process."""

    def __init__(self, constants, reflectance_scale, wanted, domain=None, domain_output=False):
        self.constants, self.scale, self.wanted = constants, np.float32(reflectance_scale), list(wanted)
        self.domain, self.domain_output = domain, bool(domain_output)
        self.tally = {"valid": 0, "outside": 0}

    def __call__(self, arrays, window):
        from . import trust
        r415, r750, r950 = arrays[0] * self.scale
        values = dict(zip(("feo", "tio2", "omat"), all_products(r415, r750, r950, self.constants)))
        result = [values[key] for key in self.wanted]
        if self.domain is not None:
            d2 = self.domain.distance2(trust.log_spectra({"R415": r415, "R750": r750, "R950": r950}, DOMAIN_BANDS))
            valid = np.isfinite(d2)
            inside = d2 <= self.domain.threshold
            self.tally["valid"] += int(valid.sum())
            self.tally["outside"] += int((valid & ~inside).sum())
            if self.domain_output:
                result.append(np.where(valid, inside, DOMAIN_NODATA).astype(np.uint8).reshape(r750.shape))
        return result


def equation_maps(input_path, band_415, band_750, band_950, outputs, constants,
                  reflectance_scale=1.0, feedback=None, domain=None, scheduler=""):
    """Write FeO, TiO2 and OMAT rasters from a reflectance raster, block by block.

    ``outputs`` maps 'feo', 'tio2', 'omat' and 'domain' to output paths (any subset). Reflectance is
    DN * reflectance_scale on a 0..1 scale. ``domain`` (a trust.SpectralDomain of log R415, R750, R950 on the
    sample stations the published fits used) gives the byte 'domain' output (1 inside, 0 outside, 255 nodata)
    and the share of pixels outside it in the log and every output's metadata. ``scheduler``: '' in-process,
    else a Dask SCHEDULER spec (see core.cluster).
    """
    from ..cluster import map_blocks
    from ..errors import LunarInputError
    from ..feedback import ensure
    from ..messages import tr
    from ..raster import RasterSource, all_nodata_check
    from . import trust

    src = RasterSource(input_path, "INPUT")
    bands = [src.check_band(band_415, "R415"), src.check_band(band_750, "R750"), src.check_band(band_950, "R950")]
    if not reflectance_scale > 0:
        raise LunarInputError(tr("REFLECTANCE_SCALE must be > 0 (got {scale})").format(scale=reflectance_scale))
    all_nodata_check(src, bands)
    products = {"feo": ("FeO (wt%) - " + constants.name + " equation", "wt%"),
                "tio2": ("TiO2 (wt%) - " + constants.name + " equation", "wt%"),
                "omat": ("OMAT - " + constants.name + " origin", "")}
    wanted = [key for key in ("feo", "tio2", "omat") if outputs.get(key)]
    if not wanted and not outputs.get("domain"):
        raise LunarInputError(tr("no output requested"))
    if outputs.get("domain") and domain is None:
        raise LunarInputError(tr("OUTPUT_DOMAIN: no spectral domain of the equations' fitting sites was given"))
    specs = [(outputs[key], [products[key]]) for key in wanted]
    if outputs.get("domain"):
        specs.append((outputs["domain"], [("inside the spectral domain of the equations' fitting sites (1 yes, 0 no)",
                                           "")], gdal.GDT_Byte, DOMAIN_NODATA))
    blocks = EquationBlocks(constants, reflectance_scale, wanted, domain, outputs.get("domain"))

    def summary():   # on a cluster, map_blocks has added every chunk's counts into blocks.tally
        if domain is None:
            return []
        return [trust.domain_summary(feedback, blocks.tally, domain,
                                     tr("the spectral domain of the sample stations the equations were fitted on"),
                                     "log R415, R750, R950", tr("the published fits end there"))] * len(specs)

    feedback = ensure(feedback)
    return map_blocks([(src, bands)], specs, blocks, feedback, scheduler=scheduler, metadata=summary)


def load_equation_domain(path):
    """The equations' spectral domain from its JSON card (``models/oxide_equations_domain.json``)."""
    import json

    from ..errors import LunarInputError
    from ..messages import tr
    from . import trust
    try:
        with open(path, encoding="utf-8") as fh:
            return trust.SpectralDomain.from_dict(json.load(fh)["domain"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LunarInputError(tr("the equations' spectral domain '{path}' cannot be read ({error})").format(
            path=path, error=err)) from None


def mg_number_map(feo_path, mgo_path, output_path, feo_band=1, mgo_band=1, feedback=None):
    """Write the Mg# raster (molar Mg/(Mg+Fe)) from FeO and MgO rasters on one grid."""
    from ..raster import RasterSource, all_nodata_check, process_blocks

    feo_src, mgo_src = RasterSource(feo_path, "FEO"), RasterSource(mgo_path, "MGO")
    bands = [feo_src.check_band(feo_band, "FeO"), mgo_src.check_band(mgo_band, "MgO")]
    all_nodata_check(feo_src, bands[:1])
    all_nodata_check(mgo_src, bands[1:])
    return process_blocks([(feo_src, bands[:1]), (mgo_src, bands[1:])],
                          [(output_path, [("Mg# (molar Mg/(Mg+Fe))", "")])],
                          lambda arrays, window: [mg_number(arrays[0][0], arrays[1][0])], feedback)[0]
