"""Model files: written atomically, read without ever executing code (torch.load weights_only=True)."""
import os

from . import partial
from .errors import LunarInputError
from .messages import tr


def write_atomic(path, write):
    """Call ``write(tmp)`` for a temporary file beside ``path`` and rename it over ``path`` when complete."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = partial.partial_path(path)
    try:
        write(tmp)
        partial.commit(tmp, path)
    except (OSError, RuntimeError) as err:  # a full disk: OSError from files, RuntimeError from torch.save
        raise LunarInputError(tr("cannot write '{path}': {error}").format(
            path=path, error=getattr(err, "strerror", None) or err)) from None
    finally:
        partial.discard(tmp)
    return path


def save_atomic(data, path):
    """torch.save a plain dict (tensors, numbers, strings, lists) atomically."""
    import torch
    return write_atomic(path, lambda tmp: torch.save(data, tmp))


def write_text_atomic(text, path):
    """A report or table written atomically (nothing half-written is left on error)."""
    def write(tmp):
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    return write_atomic(path, write)


def write_json_atomic(data, path):
    """A model card (or any JSON document) written atomically."""
    import json

    def write(tmp):
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    return write_atomic(path, write)


def read_weights(path, role=None):
    """The object stored in a model file, read with ``weights_only=True`` so that no code in it can run; a
    missing, truncated, corrupt or code-carrying file is refused with a plain reason. ``role`` (the parameter
    name) starts the message."""
    import pickle

    import torch
    path = os.fspath(path)
    where = f"{role}: " if role else ""
    if not os.path.isfile(path):
        raise LunarInputError(tr("{where}model file '{path}' does not exist").format(where=where, path=path))
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        if "unsupported global" in str(err).lower():  # torch's refusal of pickled Python objects
            raise LunarInputError(tr("{where}model file '{path}' is refused: it is not a plain weights file (it holds "
                                     "Python objects, which Lunar Lab never loads because they could run "
                                     "code)").format(where=where, path=path)) from None
        raise LunarInputError(tr("{where}model file '{path}' cannot be read: it is truncated, corrupt or not a "
                                 "PyTorch file ({error})").format(where=where, path=path,
                                                                  error=str(err).splitlines()[0][:120])) from None
    except Exception as err:  # noqa: BLE001 -- corrupt, truncated, not a torch file
        detail = str(err).splitlines()[0][:120] if str(err) else ""
        raise LunarInputError(tr("{where}model file '{path}' cannot be read: it is truncated, corrupt or not a "
                                 "PyTorch file ({kind}: {error})").format(where=where, path=path,
                                                                          kind=type(err).__name__,
                                                                          error=detail)) from None


def load_checked(path, format_tag, what, required=(), max_version=None):
    """The plain dict saved in ``path``, checked to be a Lunar Lab ``what`` with ``format_tag``, keys and (when
    ``max_version`` is given) a format version this code reads."""
    path = os.fspath(path)
    data = read_weights(path)
    if not isinstance(data, dict) or data.get("format") != format_tag:
        tag = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise LunarInputError(tr("model file '{path}' is not a Lunar Lab {what} (format tag {tag!r}, expected "
                                 "{expected!r})").format(path=path, what=what, tag=tag, expected=format_tag))
    missing = [k for k in required if k not in data]
    if missing:
        raise LunarInputError(tr("model file '{path}' lacks {missing}").format(path=path, missing=", ".join(missing)))
    if max_version is not None and int(data["version"]) > max_version:
        raise LunarInputError(tr("model file '{path}' has format version {version}; this Lunar Lab reads up to "
                                 "{maximum}").format(path=path, version=data["version"], maximum=max_version))
    return data
