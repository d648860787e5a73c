"""Oxide abundances from reflectance: band-ratio equations and 1D CNNs."""
