"""tests/craters.py: crater lists compared as sets, whatever their order."""
import numpy as np

from ..craters import same_craters

CRATERS = np.array([[10.0, 5.0, 2.0], [10.01, 5.0, 1.5], [-30.0, -60.0, 12.0]])


def test_the_same_craters_in_another_order_match():
    assert same_craters(CRATERS, CRATERS[[2, 0, 1]], 1e-6, 1e-6) == (True, "")


def test_a_moved_resized_missing_or_doubled_crater_does_not():
    moved = CRATERS.copy()
    moved[1, 0] += 0.001                     # ~0.03 km east
    ok, why = same_craters(CRATERS, moved, 1e-3, 1e-6)
    assert not ok and why.startswith("crater 1 at (10.01000, 5.00000): nearest 0.0")
    resized = CRATERS.copy()
    resized[2, 2] += 0.01
    assert same_craters(CRATERS, resized, 1e-6, 1e-3) == (
        False, "crater 2 at (-30.00000, -60.00000): nearest 0 km away, diameter 0.01 km off")
    assert same_craters(CRATERS, CRATERS[:2], 1, 1) == (False, "3 against 2 craters")
    assert same_craters(CRATERS, CRATERS[[0, 0, 2]], 1, 1) == (False, "1 craters share a nearest neighbour")
