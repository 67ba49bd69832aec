"""Thin MkDocs adapters: they turn MkDocs events into calls to ``chancery.core``."""
