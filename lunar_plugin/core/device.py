"""Where torch runs: the DEVICE parameter ('auto', 'cpu', 'cuda') resolved against what torch sees.

torch is imported inside the function (the plugin loads without it).
"""
from .errors import LunarInputError
from .messages import tr

#: DEVICE values, in the order of the algorithms' enum parameter.
DEVICES = ["auto", "cpu", "cuda"]


def resolve_device(spec="auto"):
    """A torch.device: 'auto' (or empty) is CUDA when torch sees a GPU, else the CPU; 'cuda' without a GPU is a
    clear error. On CUDA, TF32 is switched off so results agree with the CPU (1e-4 wt%, the same craters)."""
    import torch
    if isinstance(spec, int):
        spec = DEVICES[spec]
    spec = str(spec or "auto").strip().lower()
    if spec not in DEVICES and not spec.startswith("cuda:"):
        raise LunarInputError(tr("DEVICE: '{spec}' is none of {devices}").format(spec=spec, devices=", ".join(DEVICES)))
    if spec == "auto":
        spec = "cuda" if torch.cuda.is_available() else "cpu"
    if spec.startswith("cuda"):
        if not torch.cuda.is_available():
            raise LunarInputError(tr("DEVICE: '{spec}' was asked for, but torch {version} sees no CUDA GPU here; use "
                                     "auto or cpu").format(spec=spec, version=torch.__version__))
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
    return torch.device(spec)
