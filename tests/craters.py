"""Crater lists compared as sets: two runs may list the same craters in another order (a cluster's chunks, another
engine, ties broken on another CPU), so each crater is paired with its nearest neighbour on the Moon."""
import numpy as np
from scipy.spatial import cKDTree

from lunar_lab.lunar_plugin.core.moon import xyz_km


def as_rows(craters):
    """(n, 3) lon, lat, diameter_km of ``Crater`` records."""
    return np.array([[c.lon, c.lat, c.diameter_km] for c in craters], dtype=np.float64).reshape(-1, 3)


def pair_craters(a, b):
    """Nearest crater of ``b`` for each of ``a`` (rows lon, lat, diameter_km): (index into b, centre distance km,
    diameter difference km). The pairing is one to one when the indices are distinct."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    distance, index = cKDTree(xyz_km(b[:, 0], b[:, 1])).query(xyz_km(a[:, 0], a[:, 1]))
    return index, distance, np.abs(a[:, 2] - b[index, 2])


def same_craters(a, b, centre_km, diameter_km):
    """Whether ``a`` and ``b`` hold the same craters, in any order: equal counts and a one-to-one pairing in which
    every centre lies within ``centre_km`` and every diameter within ``diameter_km``; else why not."""
    if len(a) != len(b):
        return False, f"{len(a)} against {len(b)} craters"
    if len(a) == 0:
        return True, ""
    index, distance, diameter = pair_craters(a, b)
    if len(set(index.tolist())) != len(index):
        return False, f"{len(index) - len(set(index.tolist()))} craters share a nearest neighbour"
    worst = int(np.argmax(distance / centre_km + diameter / diameter_km))
    if distance[worst] > centre_km or diameter[worst] > diameter_km:
        return False, (f"crater {worst} at ({a[worst, 0]:.5f}, {a[worst, 1]:.5f}): nearest {distance[worst]:.3g} km "
                       f"away, diameter {diameter[worst]:.3g} km off")
    return True, ""
