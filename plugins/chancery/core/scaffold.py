"""Starting a portal, and a page of any content type: what ``chancery new`` writes.

``chancery new site`` writes a complete portal for a ministry from the templates in
``chancery/scaffold/site/``: ``mkdocs.yml`` with each language declared once, a home and an
about page in every language, the topics file, a neutral emblem, the publishing workflow, the
requirements and a README. The pages' placeholder text comes from the interface catalogs, so
each language's pages are in that language; every version but the source's records the source
body's hash, so the new portal passes the parity gate and builds with ``--strict`` at once.

``chancery new TYPE`` writes one page as a draft, with the required fields of its type set to
example values that pass the checks (``chancery/scaffold/types.yml``), and says what to fill in.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from chancery.core.catalog import body_hash
from chancery.core.config import SiteSettings
from chancery.core.errors import ContentError
from chancery.core.front_matter_edit import translation_of_lines
from chancery.core.languages import (
    LanguageDeclaration,
    LanguagePolicy,
    PolicyError,
    babel_locale,
    language_name,
)
from chancery.core.listings import SECTION_TYPES
from chancery.core.models import MODELS
from chancery.core.publication import PAGE_SUFFIX, _bad_name
from chancery.core.source import SourceError, parse_source
from chancery.core.strings import Strings, update_folder
from chancery.core.theme_languages import theme_language
from chancery.core.travel_advice import SECTIONS
from chancery.core.validation import validate_front_matter

#: The scaffold's data: the templates of a new portal and the fields of each content type.
SCAFFOLD_DIR = Path(__file__).resolve().parent.parent / "scaffold"
SITE_TEMPLATES = SCAFFOLD_DIR / "site"
TYPES_FILE = SCAFFOLD_DIR / "types.yml"
#: The files of a new portal: each template of ``SITE_TEMPLATES`` and where it goes. Templates
#: ending in ``.j2`` are rendered with Jinja; the others are copied as they are.
SITE_FILES = (
    ("mkdocs.yml.j2", "mkdocs.yml"),
    ("README.md.j2", "README.md"),
    ("requirements.txt.j2", "requirements.txt"),
    ("gitignore", ".gitignore"),
    ("publish.yml", ".github/workflows/publish.yml"),
    ("emblem.svg", "overrides/assets/images/emblem.svg"),
)
#: The address a new portal gets when none is given; README.md says to replace it.
PLACEHOLDER_URL = "https://ministry.example/"
#: The example topic a new portal declares, named in every language from the catalogs.
EXAMPLE_TAG = "ministry"
#: The region of the commented-out example in mkdocs.yml: CLDR names it in every language.
EXAMPLE_REGION = ("europe", "150")
#: The distribution that the requirements of a new portal name.
DISTRIBUTION = "mkdocs-chancery"

_NAMED = re.compile(r"^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)=(.*)$", re.DOTALL)
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


class ScaffoldError(ValueError):
    """A request ``chancery new`` cannot carry out; the message says why and what to do."""


@dataclass(frozen=True)
class SiteRequest:
    """What a new portal is made from."""

    #: The languages in menu order, with their roles (names are in ``names``).
    languages: tuple[LanguageDeclaration, ...]
    #: The ministry's name by language tag, for the languages it was given in.
    names: Mapping[str, str]
    #: The name given without a language: it stands for every language not named.
    default_name: str | None = None
    root: str | None = None
    site_url: str = PLACEHOLDER_URL


@dataclass(frozen=True)
class Plan:
    """Files to write, by path relative to their folder, and what the editor must know."""

    files: Mapping[str, str]
    notes: tuple[str, ...]
    #: Languages Chancery ships no interface strings for: a catalog to translate is created.
    new_catalogs: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewPage:
    """A page of one content type, ready to be written as a draft."""

    file: Path
    #: The file as editors see it, relative to mkdocs.yml: ``content/fr/news/visit.md``.
    shown: str
    text: str
    #: The fields and text the editor must fill in before publishing it.
    fill_in: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class TypeSpec:
    """What a new page of one type holds besides its title (``types.yml``)."""

    #: Each required field and its example value, written as YAML.
    fields: Mapping[str, str]
    fill_in: tuple[str, ...]


# --- A new portal -----------------------------------------------------------------------------


def parse_languages(spec: str) -> tuple[LanguageDeclaration, ...]:
    """The languages of ``--languages en:domestic,de,ja``, in order (foreign by default)."""
    declarations = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        code, _, role = item.partition(":")
        role = role.strip() or "foreign"
        if role not in ("domestic", "foreign"):
            raise ScaffoldError(
                f"--languages: '{item}': the role is domestic or foreign, as in en:domestic "
                "(a language without a role is foreign)"
            )
        declarations.append(
            LanguageDeclaration(code.strip(), "domestic" if role == "domestic" else "foreign")
        )
    if not declarations:
        raise ScaffoldError(
            "--languages: no language given; list BCP 47 tags in menu order, the ministry's own "
            "language marked :domestic, e.g. --languages en:domestic,de,ja,pt-BR"
        )
    return tuple(declarations)


def parse_names(values: Iterable[str], codes: Sequence[str]) -> tuple[dict[str, str], str | None]:
    """The ministry's names given as ``--site-name de=Auswärtiges Amt``, and one without a tag.

    A value that starts with a language tag and '=' names the ministry in that language; any
    other value is the name for every language not named otherwise.
    """
    names: dict[str, str] = {}
    default: str | None = None
    for value in values:
        match = _NAMED.match(value.strip())
        tag, name = (match.group(1), match.group(2).strip()) if match else (None, value.strip())
        if not name:
            raise ScaffoldError(f"--site-name '{value}': the name is empty; write it after '='")
        if tag is None:
            if default is not None:
                raise ScaffoldError(
                    f"--site-name '{value}': a name without a language is given twice "
                    f"('{default}'); prefix the others with their language, e.g. de=Auswärtiges Amt"
                )
            default = name
        elif tag not in codes:
            raise ScaffoldError(
                f"--site-name '{value}': '{tag}' is not one of the languages "
                f"({', '.join(codes)}); write it as given in --languages"
            )
        elif tag in names:
            raise ScaffoldError(f"--site-name: the name in '{tag}' is given twice; keep one")
        else:
            names[tag] = name
    return names, default


def site_url(value: str) -> str:
    """The portal's address as mkdocs.yml needs it: http(s), a host, ending with '/'."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ScaffoldError(
            f"--site-url '{value}': not the address of a site; write it as "
            "https://www.mfa.example/ (or with a path: https://www.gov.example/foreign-affairs/)"
        )
    return value.strip() if value.strip().endswith("/") else value.strip() + "/"


def site_policy(request: SiteRequest) -> LanguagePolicy:
    """The language policy of the request, or ScaffoldError saying what to change."""
    try:
        return LanguagePolicy.declare(request.languages, request.root)
    except PolicyError as error:
        option = "--root" if str(error).startswith("root_language") else "--languages"
        raise ScaffoldError(f"{option}: {error}") from error


def source_language(policy: LanguagePolicy) -> str:
    """The language a new portal's pages are written in first: the domestic one, else the root."""
    return (policy.domestic or policy.root).code


def plan_site(request: SiteRequest, strings: Strings) -> Plan:
    """Every file of a new portal, and what the editor must replace or know."""
    policy = site_policy(request)
    names = _names(request, policy)
    unnamed = [code for code in policy.codes if code not in request.names]
    source = source_language(policy)
    files = _content(policy, names, strings, source)
    for path, text in files.items():
        # The ministry's name is a page title: what a title may not hold, it may not either.
        _check_page(text, path, path.split("/")[1], policy.codes)
    files["content/_tags.yml"] = _tags_file(policy, strings)
    partials = _theme_partials()
    context = {
        "site_name": names[policy.root_code],
        "site_url": request.site_url,
        "root": policy.root_code,
        "source": source,
        "languages": [
            {
                "code": language.code,
                "role": language.role,
                "name": language.name,
                "english_name": language_name(language.code, "en"),
                "site_name": names[language.code],
                "named": language.code in request.names,
            }
            for language in policy.languages
        ],
        "has_domestic": policy.domestic is not None,
        "example_language": _example_language(policy, source),
        "region_names": _flow_mapping(
            {
                code: str(babel_locale(code).territories.get(EXAMPLE_REGION[1]))
                for code in policy.codes
            }
        ),
        "region_slug": EXAMPLE_REGION[0],
        "unnamed": unnamed,
        "placeholder_url": request.site_url == PLACEHOLDER_URL,
        "types": list(MODELS),
        "requirement": DISTRIBUTION + _version_range(_installed_version()),
    }
    files.update(_render_site(context))
    new_catalogs = tuple(code for code in policy.codes if not strings.catalogs_for(code))
    notes = _site_notes(request, policy, names, unnamed, new_catalogs, partials)
    return Plan(files, tuple(notes), new_catalogs)


def write_site(directory: Path, plan: Plan) -> list[str]:
    """Write a new portal into ``directory``, a new or empty folder: nothing is overwritten.

    Returns the paths written, relative to ``directory``.
    """
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory}: is a file; name a new or empty folder")
    if directory.is_dir() and any(directory.iterdir()):
        raise ScaffoldError(
            f"{directory}: is not empty; name a new or empty folder (nothing was written, and "
            "`chancery new site` never overwrites a file)"
        )
    written = []
    for relative, text in sorted(plan.files.items()):
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        written.append(relative)
    if plan.new_catalogs:
        for update in update_folder(directory / "locales", plan.new_catalogs):
            written.append(update.path.relative_to(directory).as_posix())
    return written


def _names(request: SiteRequest, policy: LanguagePolicy) -> dict[str, str]:
    """The ministry's name in each language: as given, else the default, else one given."""
    fallback = request.default_name
    if fallback is None:
        order = [source_language(policy), policy.root_code, *policy.codes]
        fallback = next((request.names[code] for code in order if code in request.names), None)
    if fallback is None:
        raise ScaffoldError(
            "--site-name: the ministry's name is needed in at least one language, e.g. "
            f"--site-name '{policy.codes[0]}=Ministry of Foreign Affairs'; repeat it for each "
            "language"
        )
    return {code: request.names.get(code, fallback) for code in policy.codes}


def _content(
    policy: LanguagePolicy, names: Mapping[str, str], strings: Strings, source: str
) -> dict[str, str]:
    """The home and about pages of every language; each non-source version is a translation."""
    files = {}
    for name, build in (("index.md", _home), ("about.md", _about)):
        source_body = build(strings, source, names[source])[2]
        for code in policy.codes:
            title, description, body = build(strings, code, names[code])
            extra = [] if code == source else translation_of_lines(source, body_hash(source_body))
            files[f"content/{code}/{name}"] = page_text(
                [("title", _quoted(title)), ("description", _quoted(description)), ("type", "page")]
                + ([("tags", f"[{EXAMPLE_TAG}]")] if name == "about.md" else []),
                body,
                extra,
            )
    return files


def _home(strings: Strings, code: str, site_name: str) -> tuple[str, str, str]:
    about = strings.text("scaffold.about.title", code)
    body = f"{strings.text('scaffold.home.body', code)}\n\n- [{about}](about.md)\n"
    return site_name, strings.text("scaffold.home.description", code), body


def _about(strings: Strings, code: str, site_name: str) -> tuple[str, str, str]:
    return (
        strings.text("scaffold.about.title", code),
        strings.text("scaffold.about.description", code),
        strings.text("scaffold.about.body", code) + "\n",
    )


def _tags_file(policy: LanguagePolicy, strings: Strings) -> str:
    lines = [
        "# The topics pages are tagged with (`tags: [ministry]`), and their name in every language",
        "# of the portal: readers see the name, never the slug. A tag that is not declared here is",
        "# an error, and a tag without a name in a language is a gap the parity gate reports.",
        f"{EXAMPLE_TAG}:",
    ]
    lines += [
        f"  {yaml_text(code)}: {_quoted(strings.text('scaffold.tag.ministry', code))}"
        for code in policy.codes
    ]
    return "\n".join(lines) + "\n"


def _render_site(context: Mapping[str, object]) -> dict[str, str]:
    environment = Environment(
        loader=FileSystemLoader(SITE_TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters["yaml"] = yaml_text
    files = {}
    for template, target in SITE_FILES:
        if template.endswith(".j2"):
            files[target] = environment.get_template(template).render(context)
        else:
            files[target] = (SITE_TEMPLATES / template).read_text(encoding="utf-8")
    return files


def _site_notes(
    request: SiteRequest,
    policy: LanguagePolicy,
    names: Mapping[str, str],
    unnamed: Sequence[str],
    new_catalogs: Sequence[str],
    partials: set[str],
) -> list[str]:
    notes = [
        "overrides/assets/images/emblem.svg: a neutral placeholder (also the favicon and the "
        "logo of link previews); replace it with the ministry's emblem"
    ]
    if unnamed:
        listed = ", ".join(f"{code} ({policy.get(code).name})" for code in unnamed)
        notes.append(
            f"mkdocs.yml: the ministry's name was not given in {listed}; these languages show "
            f"'{names[unnamed[0]]}' until you write each one's site_name"
        )
    if request.site_url == PLACEHOLDER_URL:
        notes.append(
            f"mkdocs.yml: site_url is a placeholder ({PLACEHOLDER_URL}); write the portal's address"
        )
    for code in new_catalogs:
        notes.append(
            f"locales/{code}.po: Chancery ships no interface strings in {code}; translate this "
            f"catalog (until then the parity gate stops the build, and content/{code}/ shows "
            "placeholder text in English)"
        )
    for code in policy.codes:
        if theme_language(code, partials) is None:
            notes.append(
                f"{code}: Material has no interface translation for this language; add one as "
                f"overrides/partials/languages/{code}.html (copy Material's en.html and translate "
                "it), or the build stops"
            )
    return notes


def _example_language(policy: LanguagePolicy, source: str) -> str:
    """A language to show translating into in the README: the first one that is not the source."""
    return (
        next(code for code in policy.codes if code != source) if len(policy.codes) > 1 else source
    )


def _theme_partials() -> set[str]:
    """The languages Material (and Chancery's own templates) have interface strings for.

    Found by their files, without importing Material (the core never imports the site tools).
    """
    folders = [SCAFFOLD_DIR.parent / "templates" / "partials" / "languages"]
    spec = importlib.util.find_spec("material")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "templates" / "partials" / "languages")
    return {path.stem for folder in folders for path in folder.glob("*.html")}


def _installed_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0.1.0"


def _version_range(version: str) -> str:
    """A pip range from ``version`` to the next release that may change the settings.

    Before 1.0 a minor release may; after it, a major one: 0.1.0 -> ">=0.1.0,<0.2".
    """
    match = re.match(r"(\d+)\.(\d+)", version)
    if match is None:
        return f">={version}"
    major, minor = int(match.group(1)), int(match.group(2))
    upper = f"0.{minor + 1}" if major == 0 else str(major + 1)
    return f">={version},<{upper}"


# --- A new page -------------------------------------------------------------------------------


def plan_page(
    settings: SiteSettings,
    kind: str,
    language: str,
    path: str,
    *,
    title: str,
    description: str,
    now: datetime,
    strings: Strings,
) -> NewPage:
    """A draft page of type ``kind`` at ``path`` in ``language``'s folder, checked as builds do."""
    model = MODELS.get(kind)
    if model is None:
        close = difflib.get_close_matches(kind, list(MODELS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ScaffoldError(
            f"'{kind}' is not a content type{hint}; the types are {', '.join(MODELS)}"
        )
    codes = settings.policy.codes
    if language not in codes:
        raise ScaffoldError(
            f"--lang {language}: not a language of this site; use one of {', '.join(codes)}"
        )
    inner = _page_path(path, language)
    content = settings.content_dir
    prefix = _shown_prefix(settings)
    shown = f"{prefix}{language}/{inner}"
    file = content / language / inner
    if file.exists():
        raise ScaffoldError(f"{shown}: already exists; edit it, or choose another name")
    for other in codes:
        if other != language and (content / other / inner).exists():
            raise ScaffoldError(
                f"{prefix}{other}/{inner} exists: translate it rather than start a new page, "
                f"with `chancery translate {prefix}{other}/{inner} --to {language}`"
            )
    spec = _type_spec(kind)
    values = {"now": now.replace(microsecond=0).isoformat(), "hashtag": _camel_case(inner)}
    fields = [("title", _quoted(title)), ("description", _quoted(description)), ("type", kind)]
    fields += [(name, value.format(**values)) for name, value in spec.fields.items()]
    fields.append(("draft", "true"))
    text = page_text(fields, _page_body(kind, language, strings))
    _check_page(text, shown, language, codes, settings.regions.slugs)
    fill_in = (
        "the text below the front matter, and the title and description if they need it",
        *spec.fill_in,
    )
    return NewPage(
        file, shown, text, fill_in, tuple(_page_notes(settings, kind, language, inner, shown))
    )


def _page_body(kind: str, language: str, strings: Strings) -> str:
    """A placeholder paragraph in the page's language; travel advice marks its four sections."""
    parts = [strings.text("scaffold.page.body", language)]
    if kind == "travel-advice":
        parts += [
            f"## {strings.text(f'scaffold.travel.{section}', language)} {{#{section}}}"
            for section in SECTIONS
        ]
    return "\n\n".join(parts) + "\n"


def write_page(page: NewPage) -> None:
    """Write a new page; an existing file is never overwritten."""
    page.file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with page.file.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(page.text)
    except FileExistsError as error:
        raise ScaffoldError(
            f"{page.shown}: already exists; edit it, or choose another name"
        ) from error


def page_text(fields: Sequence[tuple[str, str]], body: str, extra: Sequence[str] = ()) -> str:
    """A content file: front matter from ``fields`` (values written as YAML), then the body."""
    lines = [f"{name}: {value}" for name, value in fields]
    return "---\n" + "".join(f"{line}\n" for line in [*lines, *extra]) + "---\n\n" + body


def yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that every YAML reader reads as this text.

    A plain word stays plain (``en``, ``pt-BR``); anything else is double-quoted, as are words
    YAML 1.1 reads as something else (``no`` is false there).
    """
    if _PLAIN.match(value) and yaml.safe_load(value) == value:
        return value
    return _quoted(value)


def _quoted(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar, escapes included.
    return json.dumps(value, ensure_ascii=False)


def _flow_mapping(values: Mapping[str, str]) -> str:
    return (
        "{"
        + ", ".join(f"{yaml_text(key)}: {yaml_text(value)}" for key, value in values.items())
        + "}"
    )


def _page_path(path: str, language: str) -> str:
    """The page's path inside its language folder, checked: lower-case ASCII, public, ``.md``."""
    given = PurePosixPath(path.replace("\\", "/"))
    example = f"news/{given.name or 'visit.md'}"
    if given.is_absolute() or ".." in given.parts or not given.parts:
        raise ScaffoldError(
            f"{path}: give the page's path inside content/{language}/, e.g. {example}"
        )
    if given.suffix != PAGE_SUFFIX:
        raise ScaffoldError(
            f"{path}: a page's file name ends in .md, e.g. {given.with_suffix(PAGE_SUFFIX)}"
        )
    # The publisher's own rule, which also refuses names starting with '_' or '.' (private).
    problem = _bad_name(given, skip_language=False)
    if problem:
        raise ScaffoldError(f"{path}: {problem}")
    return given.as_posix()


def _shown_prefix(settings: SiteSettings) -> str:
    try:
        return settings.content_dir.relative_to(settings.config_file.parent).as_posix() + "/"
    except ValueError:
        return f"{settings.content_dir}/"


def _type_spec(kind: str) -> TypeSpec:
    spec = yaml.safe_load(TYPES_FILE.read_text(encoding="utf-8"))[kind]
    return TypeSpec(
        {str(name): str(value) for name, value in spec["fields"].items()},
        tuple(str(item) for item in spec["fill_in"]),
    )


def _camel_case(path: str) -> str:
    """A hashtag's word from a file name: 'open-testland.md' -> 'OpenTestland'."""
    words = re.split(r"[^A-Za-z0-9]+", PurePosixPath(path).stem)
    return "".join(word[:1].upper() + word[1:] for word in words if word) or "Campaign"


def _check_page(
    text: str, shown: str, language: str, codes: Sequence[str], regions: Sequence[str] = ()
) -> None:
    """Check a new page as a build would (the title's length...); raise ScaffoldError."""
    try:
        document = parse_source(text.encode("utf-8"), shown)
    except SourceError as error:
        raise _not_written([error.error]) from error
    content, errors = validate_front_matter(
        document.front_matter,
        shown,
        language,
        tuple(codes),
        regions=tuple(regions),
        body=document.body,
        end_line=document.end_line,
    )
    if content is None:
        raise _not_written(errors)


def _not_written(errors: Iterable[ContentError]) -> ScaffoldError:
    lines = "".join(f"\n  {error}" for error in sorted(errors))
    return ScaffoldError(f"nothing was written; give other values:{lines}")


def _page_notes(
    settings: SiteSettings, kind: str, language: str, inner: str, shown: str
) -> list[str]:
    notes = []
    folder = PurePosixPath(inner).parent
    while folder.parts:
        is_type_folder = len(folder.parts) == 1 and folder.as_posix() in SECTION_TYPES
        index = settings.content_dir / language / folder / "index.md"
        if (
            not is_type_folder
            and not index.exists()
            and PurePosixPath(inner) != folder / "index.md"
        ):
            notes.append(
                f"{folder.as_posix()}/ has no index.md in {language}: a section needs one in every "
                "language (its title names the section); start it with "
                f"`chancery new page --lang {language} {folder.as_posix()}/index.md`"
            )
        folder = folder.parent
    others = [code for code in settings.policy.codes if code != language]
    if others:
        needed = (
            "the parity gate needs them, current, before the site can be published"
            if kind in settings.translation.required_types
            else "readers of the other languages see this page in its own language until then"
        )
        notes.append(
            f"translations ({', '.join(others)}): once the page is written, start each with "
            f"`chancery translate {shown} --to LANG`; {needed}"
        )
    return notes
