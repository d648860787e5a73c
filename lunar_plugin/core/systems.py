"""The five lunar Systems, one table for crater ages, the CSFD, map styles and legends.

Codes 1 (oldest) .. 5 (youngest) are the class labels of the crater-age model and the values of its
``system_code`` field. Age spans (Ga, [start, end), a boundary belongs to the older System) follow the seed
(Yang et al. 2020) after Wilhelms (1987); colours are the seed's Fig. 1/2 hues (red, brown, yellow, green, blue)
as map colours, the same in a QGIS legend and on a CSFD plot.
"""
from typing import NamedTuple


class System(NamedTuple):
    code: int
    name: str
    start_ga: float   # the young end of the span (inclusive)
    end_ga: float     # the old end (exclusive)
    colour: str       # "#rrggbb"

    @property
    def label(self):
        """Legend text, e.g. 'Imbrian (3.85–3.16 Ga)', oldest age first as geologists read a column."""
        return f"{self.name} ({self.end_ga:g}\u2013{self.start_ga:g} Ga)"


#: Oldest first, so SYSTEMS[code - 1].code == code.
SYSTEMS = (
    System(1, "pre-Nectarian", 3.92, 4.52, "#d7191c"),
    System(2, "Nectarian", 3.85, 3.92, "#8c510a"),
    System(3, "Imbrian", 3.16, 3.85, "#f2c200"),   # the seed's yellow, darkened to stay readable on white
    System(4, "Eratosthenian", 0.8, 3.16, "#1a9641"),
    System(5, "Copernican", 0.0, 0.8, "#2c7bb6"),
)
CODES = tuple(s.code for s in SYSTEMS)
MOON_AGE_GA = SYSTEMS[0].end_ga


def by_code(code):
    """The System of a code 1-5 (KeyError otherwise)."""
    if code not in CODES:
        raise KeyError(code)
    return SYSTEMS[int(code) - 1]


def _key(name):
    return str(name).strip().lower().replace("-", "").replace(" ", "")


def by_name(name):
    """The System named ``name`` (case, hyphens and spaces ignored: 'Pre-Nectarian', 'pre nectarian'), or None."""
    key = _key(name)
    return next((s for s in SYSTEMS if _key(s.name) == key), None)


def for_age(age_ga):
    """The System an age (Ga, finite, >= 0) falls in; ages beyond the Moon's give the oldest."""
    return next((s for s in SYSTEMS if s.start_ga <= age_ga < s.end_ga), SYSTEMS[0])


__all__ = ["System", "SYSTEMS", "CODES", "MOON_AGE_GA", "by_code", "by_name", "for_age"]
