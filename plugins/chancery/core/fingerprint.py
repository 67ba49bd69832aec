"""Fingerprints of the values a template is rendered from: equal fingerprints, equal output.

A page's HTML is a function of its templates and of the values in its template context. The
page cache (chancery.mkdocs_plugins.page_cache) keys each rendered page by a fingerprint of
those values, so a fingerprint must change whenever anything a template could show changes:
it hashes every field of every dataclass and model, every item of every mapping and sequence
(in order, since templates iterate in order), and the exact type of every value (a Markup and a
str with the same text render differently).

What it cannot describe faithfully it refuses (:class:`Unfingerprintable`) rather than guess:
the page is then rendered as usual. A needless render is only slow; a wrong reuse is a bug.
Callers teach it their own types with ``special`` (the MkDocs page, navigation, configuration).

A page's context holds thousands of values, so the work per value is kept small: how to hash
each type is worked out once (:class:`Rules`), and the text is hashed once, at the end.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

from pydantic import BaseModel


class Unfingerprintable(Exception):
    """A value whose every effect on a template the fingerprint cannot capture."""


#: How one type is hashed: given the fingerprint to feed and the value.
Special = Callable[["Fingerprint", Any], None]
_Handler = Callable[["Fingerprint", Any], None]


class Rules:
    """How to hash each type: the caller's special types first, then the general rules.

    A type's rule is found once and kept, so share one Rules between many fingerprints.
    A special rule applies to its type and its subclasses. A value whose class defines
    ``__fingerprint__()`` (a large object constant within a build) gives its own digest.
    """

    def __init__(self, special: Mapping[type, Special] | None = None) -> None:
        self._special = dict(special or {})
        self._found: dict[type, _Handler] = {}
        #: Digests of frozen dataclass instances, by identity (the instances are held, so no
        #: other object takes their id): pages of one language build share many of them.
        self.memo: dict[int, tuple[str, Any]] = {}

    def forget(self) -> None:
        """Drop the digests of instances (at the start of each language build)."""
        self.memo = {}

    def handler(self, kind: type) -> _Handler:
        """The rule for values of exactly ``kind``."""
        found = self._found.get(kind)
        if found is None:
            found = self._found[kind] = self._find(kind)
        return found

    def _find(self, kind: type) -> _Handler:
        for base in kind.__mro__:
            if base in self._special:
                return self._special[base]
        if issubclass(kind, str):
            tag = f"{kind.__module__}.{kind.__qualname__}"
            return lambda fingerprint, value: fingerprint.text(tag, value)
        if kind in (int, float, bool, bytes, type(None)) or issubclass(kind, (*_TIMES, PurePath)):
            tag = kind.__qualname__
            return lambda fingerprint, value: fingerprint.text(tag, repr(value))
        if issubclass(kind, enum.Enum):
            tag = f"enum {kind.__module__}.{kind.__qualname__}"
            return lambda fingerprint, value: fingerprint.text(tag, repr(value.value))
        if callable(getattr(kind, "__fingerprint__", None)) and not issubclass(kind, type):
            tag = f"own {kind.__module__}.{kind.__qualname__}"
            return lambda fingerprint, value: fingerprint.text(tag, value.__fingerprint__())
        if issubclass(kind, (FunctionType, BuiltinFunctionType, MethodType)):
            return _add_code
        return self._container(kind)

    def _container(self, kind: type) -> _Handler:
        name = f"{kind.__module__}.{kind.__qualname__}"
        if dataclasses.is_dataclass(kind):
            names = tuple(f.name for f in dataclasses.fields(kind))
            add = _fields(f"dataclass {name}", names)
            frozen = getattr(kind, "__dataclass_params__", None)
            return _remembered(add) if frozen is not None and frozen.frozen else add
        if issubclass(kind, BaseModel):
            return _fields(f"model {name}", tuple(kind.model_fields))
        if issubclass(kind, Mapping):
            return _guarded(_add_mapping, name)
        if issubclass(kind, (list, tuple)):
            return _guarded(_add_sequence, name)
        if issubclass(kind, (set, frozenset)):
            return _guarded(_add_set, name)

        def refuse(fingerprint: Fingerprint, value: Any) -> None:
            raise Unfingerprintable(name)

        return refuse


class Fingerprint:
    """An incremental hash of values; :meth:`add` each one, then read :meth:`hexdigest`.

    ``subject`` is whatever the special rules need to know (the page being rendered).
    """

    def __init__(self, rules: Rules | None = None, *, subject: Any = None) -> None:
        self.rules = rules or Rules()
        self.subject = subject
        #: Whether what was added depends on the subject (a special rule says so).
        self.used_subject = False
        self._parts: list[str] = []
        self._open: set[int] = set()

    def hexdigest(self) -> str:
        """The fingerprint of everything added so far."""
        text = "".join(self._parts).encode("utf-8", "surrogatepass")
        return hashlib.blake2b(text, digest_size=24).hexdigest()

    def copy(self) -> Fingerprint:
        """A fingerprint of what was added so far, to add to apart from this one."""
        twin = Fingerprint(self.rules, subject=self.subject)
        twin.used_subject = self.used_subject
        twin._parts = list(self._parts)
        return twin

    def text(self, tag: str, value: str) -> None:
        """Add a piece of text, under a tag saying what it is (lengths keep parts apart)."""
        self._parts.append(f"\0{tag}:{len(value)}:")
        self._parts.append(value)

    def add(self, value: Any) -> None:
        """Add ``value`` and everything it holds; raises Unfingerprintable if it cannot."""
        self.rules.handler(type(value))(self, value)

    def of(self, value: Any) -> str:
        """The fingerprint of ``value`` alone, with the same rules and subject."""
        single = Fingerprint(self.rules, subject=self.subject)
        single.add(value)
        self.used_subject |= single.used_subject
        return single.hexdigest()


_TIMES = (datetime, date, time, timedelta)


def _guarded(add: _Handler, name: str) -> _Handler:
    def guarded(fingerprint: Fingerprint, value: Any) -> None:
        if id(value) in fingerprint._open:
            raise Unfingerprintable(f"a {name} that contains itself")
        fingerprint._open.add(id(value))
        try:
            fingerprint.text("type", name)
            add(fingerprint, value)
        finally:
            fingerprint._open.discard(id(value))

    return guarded


def _remembered(add: _Handler) -> _Handler:
    # A frozen instance met again (the alerts' view on every page) is hashed once, unless
    # its digest depended on the subject.
    def remembered(fingerprint: Fingerprint, value: Any) -> None:
        memo = fingerprint.rules.memo
        found = memo.get(id(value))
        if found is None:
            single = Fingerprint(fingerprint.rules, subject=fingerprint.subject)
            add(single, value)
            found = (single.hexdigest(), value)
            if single.used_subject:
                fingerprint.used_subject = True
            else:
                memo[id(value)] = found
        fingerprint.text("frozen", found[0])

    return remembered


def _fields(tag: str, names: tuple[str, ...]) -> _Handler:
    def add(fingerprint: Fingerprint, value: Any) -> None:
        for name in names:
            fingerprint.text("field", name)
            fingerprint.add(getattr(value, name))

    return _guarded(add, tag)


def _add_mapping(fingerprint: Fingerprint, value: Mapping[Any, Any]) -> None:
    fingerprint.text("mapping", str(len(value)))
    for key, item in value.items():
        fingerprint.add(key)
        fingerprint.add(item)


def _add_sequence(fingerprint: Fingerprint, value: list[Any] | tuple[Any, ...]) -> None:
    fingerprint.text("sequence", str(len(value)))
    for item in value:
        fingerprint.add(item)


def _add_set(fingerprint: Fingerprint, value: set[Any] | frozenset[Any]) -> None:
    # A set's order varies between runs; a template iterating it is unordered anyway, so its
    # items are hashed in a fixed order of their own fingerprints.
    fingerprint.text("set", str(len(value)))
    for digest in sorted(fingerprint.of(item) for item in value):
        fingerprint.text("item", digest)


def _add_code(fingerprint: Fingerprint, value: Any) -> None:
    # Code: what it does is versioned with the software (in the cache's settings); a bound
    # method also reads its object.
    fingerprint.text("code", f"{value.__module__}.{value.__qualname__}")
    if isinstance(value, MethodType):
        fingerprint.add(value.__self__)
