"""newsfuse: rebuild what happened from many news reports of the same events."""

__version__ = "0.1.0"
