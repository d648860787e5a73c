"""One module per algorithm; ``all_algorithms`` lists them for the provider."""


def all_algorithms():
    from .csfd import CraterSizeFrequency
    from .equal_area_sampling import EqualAreaSampling
    from .fuse_dom_dem import FuseDomDem
    from .mg_number import MgNumber
    from .oxide_equations import OxideEquations
    return [OxideEquations(), MgNumber(), FuseDomDem(), EqualAreaSampling(), CraterSizeFrequency()]
