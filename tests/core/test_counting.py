"""Crater counting geometry on the Moon sphere (lunar_plugin/core/counting.py): circles from 2 and 3 points
against circles built independently with the destination-point formula (moon.circle_polygon_lonlat), near a pole,
across longitude +-180 and large enough for a flat formula to be wrong; areas with holes; the vetting session."""
import math

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core import counting
from lunar_lab.lunar_plugin.core.errors import LunarInputError
from lunar_lab.lunar_plugin.core.moon import (MOON_RADIUS_KM, band_area_km2, circle_polygon_lonlat,
                                              great_circle_km, polygon_area_km2)

CIRCLES = [  # lon, lat, diameter_km
    (23.5, 12.25, 7.3),          # an ordinary crater
    (-140.0, 61.0, 480.0),       # a basin at high latitude: a lon/lat-flat formula is far off
    (179.95, -3.0, 18.0),        # across the antimeridian
    (35.0, -89.7, 40.0),         # encloses the south pole (the pole is 9 km from its centre, its radius 20 km)
    (0.0, 89.99, 0.05),          # tiny, at the north pole
]


def rim(lon, lat, diameter_km, bearings_deg):
    """Points of the rim at the given bearings (degrees clockwise from north), by the destination-point formula."""
    ring = circle_polygon_lonlat(lon, lat, diameter_km, n=360)  # counter-clockwise from north, one per degree
    return [ring[(-b) % 360] for b in bearings_deg]


def assert_same_circle(found, lon, lat, diameter_km, rel=1e-6):
    """Within a millionth: the reference rim points themselves lose digits near a pole (arcsin close to 1)."""
    f_lon, f_lat, f_d = found
    assert -180.0 <= f_lon <= 180.0
    assert great_circle_km(f_lon, f_lat, lon, lat) < diameter_km * 1e-6, (found, lon, lat)
    assert f_d == pytest.approx(diameter_km, rel=rel)


@pytest.mark.parametrize("lon, lat, diameter_km", CIRCLES)
def test_two_points_give_the_circle_of_that_diameter(lon, lat, diameter_km):
    (a_lon, a_lat), (b_lon, b_lat) = rim(lon, lat, diameter_km, [37, 217])
    found = counting.circle_from_two_points(a_lon, a_lat, b_lon, b_lat)
    assert_same_circle(found, lon, lat, diameter_km)
    assert found[2] == pytest.approx(float(great_circle_km(a_lon, a_lat, b_lon, b_lat)), rel=1e-7)


@pytest.mark.parametrize("lon, lat, diameter_km", CIRCLES)
@pytest.mark.parametrize("bearings", [(0, 120, 240), (10, 35, 300), (90, 180, 181)])
def test_three_rim_points_give_the_circle(lon, lat, diameter_km, bearings):
    points = rim(lon, lat, diameter_km, bearings)
    found = counting.circle_from_three_points([p[0] for p in points], [p[1] for p in points])
    assert_same_circle(found, lon, lat, diameter_km)


def test_three_points_with_longitudes_beyond_180_are_the_same_circle():
    points = rim(179.95, -3.0, 18.0, (0, 120, 240))
    shifted = [p[0] + 360.0 if p[0] < 0 else p[0] for p in points]   # a map east of +180 gives 180.1, not -179.9
    assert min(shifted) > 179.0 and max(shifted) > 180.0
    found = counting.circle_from_three_points(shifted, [p[1] for p in points])
    assert_same_circle(found, 179.95, -3.0, 18.0)


def test_a_flat_lon_lat_measure_would_be_wrong_where_the_sphere_is_right():
    """The basin at 61 N: the east-west chord in degrees of longitude is half as long on the ground."""
    (a_lon, a_lat), (b_lon, b_lat) = rim(-140.0, 61.0, 480.0, [90, 270])
    flat = math.hypot(a_lon - b_lon, a_lat - b_lat) * math.pi * MOON_RADIUS_KM / 180.0
    assert flat > 1.8 * 480.0
    assert counting.circle_from_two_points(a_lon, a_lat, b_lon, b_lat)[2] == pytest.approx(480.0, rel=1e-9)


def test_a_great_circle_through_three_points_is_a_hemisphere():
    found = counting.circle_from_three_points([0.0, 90.0, 10.0], [0.0, 0.0, 0.0])
    assert found[2] == pytest.approx(math.pi * MOON_RADIUS_KM, rel=1e-9)
    assert abs(found[1]) == pytest.approx(90.0)


def test_coincident_points_are_refused_with_a_message():
    with pytest.raises(LunarInputError, match="two of the three rim points coincide"):
        counting.circle_from_three_points([10.0, 10.0, 11.0], [5.0, 5.0, 5.0])
    with pytest.raises(LunarInputError, match="are the same point"):
        counting.circle_from_two_points(10.0, 5.0, 10.0, 5.0)
    with pytest.raises(LunarInputError, match="antipodal"):
        counting.circle_from_two_points(10.0, 5.0, -170.0, -5.0)
    with pytest.raises(LunarInputError, match="needs 3 points, got 4"):
        counting.circle_from_three_points([1, 2, 3, 4], [1, 2, 3, 4])
    assert counting.circle_from_points([0.0, 0.0], [0.0, 1.0])[2] == pytest.approx(KM_PER_DEG, rel=1e-12)


KM_PER_DEG = math.pi * MOON_RADIUS_KM / 180.0


@pytest.mark.parametrize("lon, lat, diameter_km", CIRCLES)
def test_ring_is_the_geodesic_circle_closed_and_continuous(lon, lat, diameter_km):
    lons, lats = counting.circle_ring(lon, lat, diameter_km, n=96)
    assert len(lons) == 97 and lons[0] == lons[-1] and lats[0] == lats[-1]
    distance = great_circle_km(lon, lat, lons, lats)
    assert np.allclose(distance, diameter_km / 2, rtol=1e-9, atol=1e-9)
    if abs(lat) < 80:  # away from the poles a ring's longitudes are continuous around the centre's
        assert np.max(np.abs(np.diff(lons))) < 10 and abs(np.mean(lons) - lon) < diameter_km / KM_PER_DEG


def test_ring_area_is_the_spherical_cap_and_holes_are_subtracted():
    lon, lat, d = 40.0, 30.0, 300.0
    lons, lats = counting.circle_ring(lon, lat, d, n=2048)
    cap = 2 * math.pi * MOON_RADIUS_KM ** 2 * (1 - math.cos(d / 2 / MOON_RADIUS_KM))
    assert counting.area_km2([list(zip(lons, lats))]) == pytest.approx(cap, rel=1e-5)
    box = [(0, 0), (4, 0), (4, 4), (0, 4)]
    hole = [(1, 1), (2, 1), (2, 2), (1, 2)]
    expected = band_area_km2(0, 4, 4) - band_area_km2(1, 2, 1)
    # edges along parallels are small-circle arcs in band_area_km2 and in the line integral alike
    assert counting.area_km2([box, hole]) == pytest.approx(expected, rel=1e-9)
    assert counting.area_km2([]) == 0.0


def test_vetting_orders():
    conf = [0.5, 0.9, 0.1, 0.9, 0.7]
    lon = [10.0, 12.0, 10.5, 11.0, 12.5]
    lat = [0.0, 0.0, -1.0, -1.0, 0.02]
    d = [5.0] * 5
    assert list(counting.vetting_order(conf, lon, lat, d, "confidence_desc")) == [1, 3, 4, 0, 2]
    assert list(counting.vetting_order(conf, lon, lat, d, "confidence_asc")) == [2, 0, 4, 1, 3]
    # row 1 (north, lat ~0) west to east, row 2 (lat -1) east to west
    assert list(counting.vetting_order(conf, lon, lat, d, "position")) == [0, 1, 4, 3, 2]
    with pytest.raises(LunarInputError, match="vetting order must be one of"):
        counting.vetting_order(conf, lon, lat, d, "size")
    assert list(counting.vetting_order([], [], [], [], "position")) == []


def test_vetting_session_decides_tags_undoes_and_resumes():
    session = counting.VettingSession(["a", "b", "c", "d"])
    assert session.current == "a"
    assert session.decide("accepted") == ("a", (None, None), ("accepted", None))
    assert session.current == "b"
    session.decide("rejected")
    assert session.set_tag("secondary") == ("c", (None, None), ("accepted", "secondary"))
    assert session.current == "c"          # a tag stays on the crater
    session.decide("redrawn")              # keeps the tag
    assert session.state["c"] == ("redrawn", "secondary") and session.current == "d"
    assert session.counts() == {"accepted": 1, "rejected": 1, "redrawn": 1, "decided": 3, "total": 4}
    assert session.undo() == ("c", ("accepted", "secondary"), ("redrawn", "secondary"))
    assert session.current == "c"
    assert session.undo() == ("c", (None, None), ("accepted", "secondary"))
    session.move(-1)
    assert session.current == "b"
    session.decide("accepted")             # changing a decision moves to the next undecided one
    assert session.current == "c" and session.state["b"] == ("accepted", None)
    session.decide("accepted")
    session.decide("rejected")
    assert session.finished and session.current is None
    with pytest.raises(LunarInputError, match="at its end"):
        session.decide("accepted")
    with pytest.raises(LunarInputError, match="vetting must be one of"):
        session.decide("maybe")
    resumed = counting.VettingSession(["a", "b", "c", "d"], {"a": ("accepted", None), "b": ("rejected", "x")})
    assert resumed.current == "c" and resumed.counts()["decided"] == 2
    assert counting.VettingSession(["a"], {"a": ("accepted", None)}).finished
    while session.undo() is not None:
        pass
    assert session.counts()["decided"] == 0 and session.current == "a"


@pytest.mark.parametrize("pole", [90.0, -90.0])
@pytest.mark.parametrize("clockwise", [False, True])
def test_count_areas_around_either_pole_are_the_polar_cap(pole, clockwise):
    """A ring along a parallel 4 degrees from a pole (either way round) is that cap; a hole off the pole is cut."""
    lat = math.copysign(86.0, pole)
    lons = np.linspace(-180.0, 180.0, 721)[:-1]
    ring = [(lon, lat) for lon in (lons[::-1] if clockwise else lons)]
    cap = 2 * math.pi * MOON_RADIUS_KM ** 2 * (1 - math.sin(math.radians(86.0)))
    assert polygon_area_km2(*np.asarray(ring).T) == pytest.approx(cap, rel=1e-9)
    hole = [(10.0, math.copysign(88.0, pole)), (20.0, math.copysign(88.0, pole)), (20.0, math.copysign(87.0, pole)),
            (10.0, math.copysign(87.0, pole))]
    assert counting.area_km2([ring, hole]) == pytest.approx(cap - band_area_km2(87.0, 88.0, 10.0), rel=1e-9)
