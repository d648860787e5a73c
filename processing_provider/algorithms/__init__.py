"""One module per algorithm; ``all_algorithms`` lists them for the provider."""


def all_algorithms():
    from .crater_ages import ClassifyCraterAges, TrainCraterAges
    from .csfd import CraterSizeFrequency
    from .detect_craters import DetectCraters
    from .equal_area_sampling import EqualAreaSampling
    from .evaluate_craters import EvaluateCraters
    from .fuse_dom_dem import FuseDomDem
    from .import_crater_count import ImportCraterCount
    from .mg_number import MgNumber
    from .oxide_cnn import OxideCnn, TrainOxideCnn
    from .oxide_equations import OxideEquations
    from .synthetic_scene import SyntheticScene
    from .train_crater_detector import TrainCraterDetector
    return [SyntheticScene(), OxideEquations(), OxideCnn(), TrainOxideCnn(), MgNumber(), FuseDomDem(), EqualAreaSampling(), DetectCraters(),
            TrainCraterDetector(), EvaluateCraters(), ClassifyCraterAges(),
            TrainCraterAges(), CraterSizeFrequency(), ImportCraterCount()]
