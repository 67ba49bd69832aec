"""Interface strings: gettext catalogs read with Babel, in the package and in the site's folder.

Every string a reader sees is an entry of a catalog (``.po``): ``msgctxt`` is its key
("notice.missing"), ``msgid`` its English text and ``msgstr`` its translation. The package
ships ``chancery/locales/``: the template ``chancery.pot`` and one file per language, named by
its BCP 47 tag (``fr.po``, ``zh-Hans.po``). A site's own folder of ``.po`` files overrides the
package entry by entry, and may add languages (and keys for its own templates).

A reader's language is matched to catalogs by its tag, then by Babel's likely subtags: ``zh``
and ``zh-CN`` read ``zh-Hans``, ``zh-TW`` reads ``zh-Hant`` (never ``zh-Hans``), ``pt-BR``
reads ``pt-BR`` then ``pt``, ``en-GB`` reads ``en``. A string that none of them translates is
shown in English, as a last resort, and :meth:`Strings.missing` names it.
"""

from __future__ import annotations

import functools
import gettext
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, read_po, write_po

from chancery.core.fingerprint import Fingerprint

#: The package's catalogs.
PACKAGE_DIR = Path(__file__).resolve().parent.parent / "locales"
#: The template: every key with its English text and translators' notes.
TEMPLATE_NAME = "chancery.pot"
#: The language of the template's msgids, and the reader's last resort.
SOURCE_LANGUAGE = "en"
#: The placeholder of the number that a plural string's form is chosen by.
COUNT = "count"
#: The flag of entries whose text has {placeholders} (checked by msgfmt --check and by us).
BRACE_FORMAT = "python-brace-format"

PROJECT = "Chancery"
#: The header comment of every catalog, after its first line.
_HEADER_NOTE = """\
# Each entry: msgctxt is the key, msgid the English text, msgstr the translation.
# Keep every {placeholder} as it is; see Chancery's translator's guide, "Interface strings".
#"""
#: The date of catalogs made from nothing: a fixed one, so that output does not depend on
#: when it was made (translators' tools set PO-Revision-Date when they save).
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


class StringsError(ValueError):
    """A catalog that cannot be used; the message names the file, line and fix."""


class UnknownStringError(KeyError):
    """Code or a template asked for a key that no catalog defines."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Source:
    """A key as the template (or a site's own catalog) defines it: its English text."""

    key: str
    text: str
    #: The English plural, for a string that shows a count.
    plural_text: str | None = None
    #: The names of its {placeholders}: every translation must keep exactly these.
    placeholders: frozenset[str] = frozenset()

    @property
    def forms(self) -> tuple[str, ...]:
        """The English forms: one, or singular and plural."""
        return (self.text,) if self.plural_text is None else (self.text, self.plural_text)


@dataclass(frozen=True)
class _Entry:
    """One translated string of one catalog."""

    forms: tuple[str, ...]
    #: The tag of the catalog it comes from.
    language: str
    #: For a plural string: the form index of a count, by the catalog's Plural-Forms.
    plural: Callable[[int], int] | None = None


def normalize_tag(tag: str) -> str:
    """A language tag in BCP 47's usual case: 'zh-hant-tw' -> 'zh-Hant-TW'; 'pt_BR' -> 'pt-BR'.

    Raises ValueError for text that is not a language tag.
    """
    language, territory, script, variant = parse_locale(tag.replace("_", "-"), sep="-")[:4]
    return "-".join(part for part in (language, script, territory, variant) if part)


def language_chain(tag: str) -> tuple[str, ...]:
    """The catalogs a reader of ``tag`` can read, best first (English is not added).

    The tag itself, then the same language with the script Babel's likely subtags give it, then
    without the region; a bare language only when its usual script is the tag's, so that
    ``zh-TW`` (Traditional) never falls to ``zh`` (Simplified) nor ``sr-Latn`` to ``sr``.
    """
    try:
        exact = normalize_tag(tag)
    except ValueError:
        return (tag,)
    language, territory, script = parse_locale(exact, sep="-")[:3]
    script = script or _likely_script(language, territory)
    candidates = [exact]
    if territory and script:
        candidates.append(f"{language}-{script}-{territory}")
    if territory and _likely_script(language, territory) == script:
        candidates.append(f"{language}-{territory}")
    if script:
        candidates.append(f"{language}-{script}")
    if script is None or _likely_script(language, None) == script:
        candidates.append(language)
    return tuple(dict.fromkeys(candidates))


def placeholders(text: str) -> frozenset[str]:
    """The names of the {placeholders} of a python-brace-format string.

    Raises ValueError for a lone '{' or '}' (a literal brace is written '{{' or '}}').
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


class Strings:
    """The interface strings of one build: the package's catalogs and the site's overrides.

    Load it once per build (:meth:`load`); look strings up by key and reader's language.
    """

    def __init__(
        self,
        sources: Mapping[str, Source],
        catalogs: Mapping[str, Mapping[str, _Entry]],
    ) -> None:
        self._sources = dict(sources)
        self._catalogs = {tag: dict(entries) for tag, entries in catalogs.items()}
        #: Per reader's language: each key's entry from the first catalog of its chain.
        self._resolved: dict[str, dict[str, _Entry]] = {}
        self._fingerprint: str | None = None

    def __fingerprint__(self) -> str:
        """A digest of every string (chancery.core.fingerprint): it changes with any of them."""
        if self._fingerprint is None:
            self._fingerprint = Fingerprint().of((self._sources, self._catalogs))
        return self._fingerprint

    @classmethod
    def load(cls, site_dir: Path | None = None, *, relative_to: Path | None = None) -> Strings:
        """The package's catalogs, overridden entry by entry by those in ``site_dir``.

        ``site_dir`` may be missing (a site with no strings of its own); file names in errors
        are shown relative to ``relative_to`` (the folder of mkdocs.yml).
        """
        template_path = PACKAGE_DIR / TEMPLATE_NAME
        sources = _sources(_read(template_path, _shown(template_path)), _shown(template_path))
        catalogs: dict[str, dict[str, _Entry]] = {}
        for tag, path in catalog_files(PACKAGE_DIR):
            catalogs[tag] = _entries(path, tag, _shown(path), sources, site=False)
        if site_dir is not None and site_dir.is_dir():
            # English first: a site's own keys take their English text from it.
            files = sorted(
                catalog_files(site_dir, relative_to), key=lambda item: item[0] != SOURCE_LANGUAGE
            )
            for tag, path in files:
                entries = _entries(path, tag, _shown(path, relative_to), sources, site=True)
                catalogs[tag] = {**catalogs.get(tag, {}), **entries}
        return cls(sources, catalogs)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key, in the template's order (a site's own keys last)."""
        return tuple(self._sources)

    @property
    def plural_keys(self) -> tuple[str, ...]:
        """The keys of strings that show a count and so have plural forms."""
        return tuple(key for key, source in self._sources.items() if source.plural_text)

    @property
    def languages(self) -> tuple[str, ...]:
        """The tags of the languages that have a catalog (the package's or the site's)."""
        return tuple(sorted(self._catalogs))

    def source(self, key: str) -> Source:
        """The English source of ``key``."""
        try:
            return self._sources[key]
        except KeyError as error:
            raise UnknownStringError(
                f"no interface string '{key}'; add it to chancery/locales/{TEMPLATE_NAME} "
                "(or, for a site's own template, to its locales folder)"
            ) from error

    def catalogs_for(self, language: str) -> tuple[str, ...]:
        """The catalogs a reader of ``language`` reads, best first (English only if asked)."""
        available = {_comparable(tag): tag for tag in self._catalogs}
        found = (available.get(_comparable(tag)) for tag in language_chain(language))
        return tuple(dict.fromkeys(tag for tag in found if tag is not None))

    def text(self, key: str, language: str) -> str:
        """The string ``key`` in ``language`` (in English if no catalog of it translates it)."""
        source = self.source(key)
        if source.plural_text is not None:
            raise UnknownStringError(
                f"interface string '{key}' shows a count; ask for plural('{key}', language, n)"
            )
        return self._entry(key, language).forms[0]

    def plural(self, key: str, language: str, count: int) -> str:
        """The form of the string ``key`` that goes with ``count``, by the language's rules."""
        source = self.source(key)
        if source.plural_text is None:
            raise UnknownStringError(f"interface string '{key}' has no plural forms; ask text()")
        entry = self._entry(key, language)
        rule = entry.plural or _english_plural
        return entry.forms[rule(count)]

    def language_of(self, key: str, language: str) -> str:
        """The language ``key`` is shown in to readers of ``language``: its catalog's tag.

        Values put into the string (language names, dates) are written in that language, so
        that a sentence shown in English as a last resort reads "The English version", never
        "The Englisch version".
        """
        self.source(key)
        return self._entry(key, language).language

    def missing(self, language: str) -> tuple[str, ...]:
        """The keys that no catalog of ``language`` translates: readers see them in English."""
        resolved = self._table(language)
        return tuple(key for key in self._sources if key not in resolved)

    def _entry(self, key: str, language: str) -> _Entry:
        entry = self._table(language).get(key)
        if entry is None:
            entry = self._table(SOURCE_LANGUAGE).get(key)
        if entry is None:
            return _Entry(self._sources[key].forms, SOURCE_LANGUAGE, _english_plural)
        return entry

    def _table(self, language: str) -> dict[str, _Entry]:
        table = self._resolved.get(language)
        if table is None:
            table = {}
            for tag in reversed(self.catalogs_for(language)):
                table.update(self._catalogs[tag])
            self._resolved[language] = table
        return table


def catalog_files(folder: Path, relative_to: Path | None = None) -> list[tuple[str, Path]]:
    """The ``<tag>.po`` files of a folder, with their tags; a file named otherwise is an error."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.po")):
        try:
            tag = normalize_tag(path.stem)
            Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError) as error:
            raise StringsError(
                f"{_shown(path, relative_to)}: '{path.stem}' is not a language tag Babel "
                "knows; name the file by the language's BCP 47 tag, such as de.po, pt-BR.po "
                "or zh-Hant.po"
            ) from error
        if tag in found:
            raise StringsError(
                f"{_shown(path, relative_to)}: {found[tag].name} is the same language ({tag}); "
                "keep one of them"
            )
        found[tag] = path
    return sorted(found.items())


def _read(path: Path, shown: str, tag: str | None = None) -> Catalog:
    """A catalog; ``tag`` gives the plural rule when the file's header does not."""
    try:
        with path.open("rb") as stream:
            return read_po(stream, locale=tag and tag.replace("-", "_"), abort_invalid=True)
    except OSError as error:
        raise StringsError(f"{shown}: cannot be read: {error.strerror}") from error
    except (PoFileError, UnicodeDecodeError) as error:
        raise StringsError(
            f"{shown}: not a valid PO file ({error}); check it with msgfmt --check {shown}"
        ) from error


def _sources(template: Catalog, shown: str) -> dict[str, Source]:
    return {str(message.context): _source(message, shown) for message in _messages(template, shown)}


def _source(message: Message, shown: str) -> Source:
    """The English of an entry: its msgid (and msgid_plural), with their placeholders."""
    english = _ids(message)
    names = _placeholders(english[0], shown, message)
    if len(english) > 1 and (
        _placeholders(english[1], shown, message) != names or COUNT not in names
    ):
        raise StringsError(
            f"{shown}:{message.lineno}: {message.context}: msgid and msgid_plural must have the "
            f"same placeholders, the number among them as {{{COUNT}}}"
        )
    plural_text = english[1] if len(english) > 1 else None
    return Source(str(message.context), english[0], plural_text, names)


def _entries(
    path: Path, tag: str, shown: str, sources: dict[str, Source], *, site: bool
) -> dict[str, _Entry]:
    """The translated entries of one catalog, checked against their sources.

    A site's catalog may define keys of its own (for its templates): they join ``sources``.
    """
    catalog = _read(path, shown, tag)
    rule = _plural_rule(catalog.plural_expr)
    entries: dict[str, _Entry] = {}
    for message in _messages(catalog, shown):
        key = str(message.context)
        forms = _forms(message)
        source = sources.get(key)
        if source is None:
            if not site:
                raise StringsError(
                    f"{shown}:{message.lineno}: {key}: not in {TEMPLATE_NAME}; add it there, "
                    "or remove it here"
                )
            source = sources[key] = _source(message, shown)
        # Untranslated: a fuzzy entry awaits a translator's review; Babel gives a plural entry
        # with fewer forms than the language has (Plural-Forms) empty ones.
        if message.fuzzy or not all(forms):
            continue
        _check(message, forms, source, shown)
        entries[key] = _Entry(forms, tag, rule if source.plural_text is not None else None)
    return entries


def _messages(catalog: Catalog, shown: str) -> Iterable[Message]:
    """The entries of a catalog (not its header), each with a key of its own."""
    seen: dict[str, int | None] = {}
    for message in catalog:
        if not message.id:
            continue
        if not message.context:
            raise StringsError(
                f"{shown}:{message.lineno}: '{_ids(message)[0]}' has no msgctxt; each entry "
                'names its key in msgctxt, as in msgctxt "notfound.title"'
            )
        key = str(message.context)
        if key in seen:
            raise StringsError(
                f"{shown}:{message.lineno}: {key} is defined twice (also at line {seen[key]}); "
                "keep one"
            )
        seen[key] = message.lineno
        yield message


def _check(message: Message, forms: tuple[str, ...], source: Source, shown: str) -> None:
    key = source.key
    where = f"{shown}:{message.lineno}: {key}"
    if (source.plural_text is None) != (len(_ids(message)) == 1):
        needs = "one msgstr" if source.plural_text is None else "msgid_plural and msgstr[N]"
        raise StringsError(f"{where}: its English text decides its shape; write {needs}")
    for form in forms:
        names = _placeholders(form, shown, message)
        if names != source.placeholders and not _may_leave_out_count(names, source):
            raise StringsError(
                f"{where}: the translation has the placeholders {_listed(names)} where the "
                f"English text has {_listed(source.placeholders)}; keep them exactly as they are "
                "(translate only the words around them)"
            )


def _may_leave_out_count(names: frozenset[str], source: Source) -> bool:
    # A plural form for one number only (Arabic's "two", Korean's only form) may spell the
    # number out instead of showing {count}; every other placeholder stays.
    return source.plural_text is not None and names | {COUNT} == source.placeholders


def _listed(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _placeholders(text: str, shown: str, message: Message) -> frozenset[str]:
    try:
        return placeholders(text)
    except ValueError as error:
        raise StringsError(
            f"{shown}:{message.lineno}: {message.context}: {error} in {text!r}; write a literal "
            "brace as {{ or }}"
        ) from error


def _forms(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, tuple | list):
        return tuple(str(form or "") for form in message.string)
    return (str(message.string or ""),)


@functools.lru_cache(maxsize=64)
def _plural_rule(expression: str) -> Callable[[int], int]:
    """Gettext's own reading of a Plural-Forms expression."""
    return gettext.c2py(expression)


_english_plural = _plural_rule(get_plural(SOURCE_LANGUAGE).plural_expr)


@functools.lru_cache(maxsize=256)
def _likely_script(language: str, territory: str | None) -> str | None:
    table: Mapping[str, str] = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else "", language):
        if key in table:
            return parse_locale(table[key])[2]
    return None


def _comparable(tag: str) -> str:
    try:
        return normalize_tag(tag)
    except ValueError:
        return tag


def _shown(path: Path, relative_to: Path | None = None) -> str:
    if relative_to is not None:
        try:
            return path.relative_to(relative_to).as_posix()
        except ValueError:
            pass
    if path.is_relative_to(PACKAGE_DIR.parent):
        return path.relative_to(PACKAGE_DIR.parent.parent).as_posix()
    return str(path)


# Writing catalogs: `chancery strings update` and the package's own maintenance.


@dataclass(frozen=True)
class Update:
    """What refreshing one catalog from the template did."""

    path: Path
    tag: str
    #: A site's catalog of a language the package ships: it holds the site's overrides only.
    overrides: bool
    created: bool
    #: Keys added untranslated, and translations marked fuzzy because the English changed.
    added: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    #: Keys the template no longer has (kept as obsolete in the package; a site's own kept).
    obsolete: tuple[str, ...] = ()
    untranslated: int = 0
    total: int = 0


def update_folder(
    folder: Path,
    new_languages: Sequence[str] = (),
    *,
    template_path: Path = PACKAGE_DIR / TEMPLATE_NAME,
) -> list[Update]:
    """Refresh every catalog of ``folder`` from the template, and create ``new_languages``.

    As ``pybabel update`` does, keyed by msgctxt: translations are kept; an entry whose English
    changed keeps its old translation, marked fuzzy (so it is not shown until a translator
    reviews it); new keys are added untranslated. In a site's folder, a language the package
    ships (or a variant of one, such as en-GB) holds the site's overrides only, so nothing is
    added to it, and keys of the site's own are kept; in the folder of the template itself,
    keys it dropped become obsolete.
    """
    template = _read(template_path, _shown(template_path))
    _sources(template, _shown(template_path))
    own_template = folder.resolve() == template_path.parent.resolve()
    shipped = {tag for tag, _ in catalog_files(template_path.parent)}
    existing = dict(catalog_files(folder)) if folder.is_dir() else {}
    for language in new_languages:
        try:
            tag = normalize_tag(language)
            Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError) as error:
            raise StringsError(
                f"'{language}' is not a language tag Babel knows; use one such as de, pt-BR "
                "or zh-Hant"
            ) from error
        existing.setdefault(tag, folder / f"{tag}.po")
    updates = []
    for tag, path in sorted(existing.items()):
        old = _read(path, _shown(path), tag) if path.exists() else None
        overrides = not own_template and not shipped.isdisjoint(language_chain(tag))
        catalog, update = _updated(template, old, tag, path, own_template, overrides)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(serialize(catalog, tag))
        updates.append(update)
    return updates


def serialize(catalog: Catalog, tag: str | None) -> bytes:
    """A catalog as PO text, its Language header the BCP 47 tag (Babel writes 'zh_Hans')."""
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, include_previous=True)
    data = buffer.getvalue()
    if tag is not None and catalog.locale_identifier:
        data = data.replace(
            f'"Language: {catalog.locale_identifier}\\n"'.encode(),
            f'"Language: {tag}\\n"'.encode(),
            1,
        )
    return data


def new_catalog(tag: str | None, template: Catalog | None = None) -> Catalog:
    """An empty catalog for ``tag`` (None: the template) with Chancery's headers.

    Last-Translator keeps gettext's initial value, which translators' tools fill in.
    """
    locale = Locale.parse(tag, sep="-") if tag else None
    created = template.creation_date if template is not None else _EPOCH
    if locale is None:
        comment = "# Interface strings of Chancery: the template of every catalog."
    else:
        comment = f"# {locale.english_name} ({tag}) interface strings of Chancery."
    return Catalog(
        locale=locale,
        header_comment=f"{comment}\n{_HEADER_NOTE}",
        project=PROJECT,
        version=_version(),
        copyright_holder="",
        msgid_bugs_address="",
        creation_date=created,
        revision_date=created,
        language_team=locale.english_name if locale is not None else None,
        fuzzy=False,
    )


def _version() -> str:
    try:
        return metadata.version("mkdocs-chancery")
    except metadata.PackageNotFoundError:
        return "0"


def _updated(
    template: Catalog, old: Catalog | None, tag: str, path: Path, package: bool, overrides: bool
) -> tuple[Catalog, Update]:
    catalog = new_catalog(tag, template)
    if old is not None:
        catalog.header_comment = old.header_comment
        catalog.revision_date = old.revision_date
        catalog.last_translator = old.last_translator
        catalog.language_team = old.language_team
    count = catalog.num_plurals
    previous = {str(m.context): m for m in old or () if m.id and m.context}
    added, fuzzy = [], []
    untranslated = 0
    for message in template:
        if not message.id:
            continue
        key = str(message.context)
        before = previous.pop(key, None)
        if before is None and overrides:
            continue
        string_, is_fuzzy = _merged(message, before, tag, count)
        flags = [flag for flag in message.flags if flag != "fuzzy"]
        if is_fuzzy:
            flags.append("fuzzy")
        catalog.add(
            message.id,
            string_,
            context=key,
            auto_comments=message.auto_comments,
            user_comments=before.user_comments if before is not None else (),
            flags=flags,
            previous_id=before.id if is_fuzzy and before is not None else (),
        )
        if before is None:
            added.append(key)
        elif is_fuzzy and not (before.fuzzy and before.id == message.id):
            fuzzy.append(key)
        if is_fuzzy or not all(string_ if isinstance(string_, tuple) else (string_,)):
            untranslated += 1
    obsolete = []
    for key, message in previous.items():
        if package:
            catalog.obsolete[(_ids(message)[0], key)] = message
            obsolete.append(key)
        else:
            catalog[message.id] = message  # A site's own key, kept as it is.
    total = sum(1 for message in catalog if message.id)
    update = Update(
        path,
        tag,
        overrides=overrides,
        created=old is None,
        added=tuple(added) if old is not None else (),
        fuzzy=tuple(fuzzy),
        obsolete=tuple(obsolete),
        untranslated=untranslated,
        total=total,
    )
    return catalog, update


def _merged(
    message: Message, before: Message | None, tag: str, count: int
) -> tuple[str | tuple[str, ...], bool]:
    """The translation an updated entry keeps, and whether it needs review (fuzzy)."""
    english = _ids(message)
    plural = len(english) > 1
    if before is None:
        forms = english if tag == SOURCE_LANGUAGE else ("",) * count
        return _shaped(forms, plural), False
    old = _forms(before)
    if tag == SOURCE_LANGUAGE and old == _ids(before):
        # English that still says what the template said: it follows the template.
        return _shaped(english, plural), False
    needs_review = before.fuzzy or before.id != message.id
    return _shaped((old + ("",) * count)[:count] if plural else old, plural), needs_review


def _ids(message: Message) -> tuple[str, ...]:
    """The English of an entry: its msgid, and its msgid_plural if it has one."""
    if isinstance(message.id, tuple | list):
        return tuple(str(part) for part in message.id)
    return (str(message.id),)


def _shaped(forms: tuple[str, ...], plural: bool) -> str | tuple[str, ...]:
    return forms if plural else forms[0]
