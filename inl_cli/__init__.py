"""inl: read the country programs of the State Department's INL bureau in the terminal."""

__version__ = "0.1.0"
