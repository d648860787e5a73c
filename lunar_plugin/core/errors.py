"""Errors the core raises; the Processing layer turns them into QgsProcessingException."""


class LunarInputError(ValueError):
    """Bad input a user can fix: the message names the file, band or field and what was expected."""


class Cancelled(RuntimeError):
    """The user cancelled the run; whatever was half-written has been removed."""
