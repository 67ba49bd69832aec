"""Chancery: a foreign-first static-site generator for a foreign ministry's portal."""

__version__ = "0.1.0"
