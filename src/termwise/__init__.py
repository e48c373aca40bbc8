"""termwise: read agreements and compute what they mean."""

__version__ = "0.1.0"
