"""One module per algorithm; ``all_algorithms`` lists them for the provider."""


def all_algorithms():
    from .oxide_equations import OxideEquations
    return [OxideEquations()]
