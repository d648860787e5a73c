"""One module per algorithm; ``all_algorithms`` lists them for the provider."""


def all_algorithms():
    from .csfd import CraterSizeFrequency
    from .equal_area_sampling import EqualAreaSampling
    from .fuse_dom_dem import FuseDomDem
    from .mg_number import MgNumber
    from .oxide_equations import OxideEquations
    from .synthetic_scene import SyntheticScene
    return [SyntheticScene(), OxideEquations(), MgNumber(), FuseDomDem(), EqualAreaSampling(), CraterSizeFrequency()]
