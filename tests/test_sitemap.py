"""The sitemap: valid, absolute, reciprocal, the same alternates as every page's head.

Real builds are parsed with lxml and validated against the sitemaps.org schemas (and a schema
for the xhtml:link alternates), kept in tests/data so that the tests run offline.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree, html

from chancery.core.sitemap import (
    SitemapEntry,
    build_sitemaps,
    gzip_bytes,
    render_urlset,
    robots_txt,
)
from tests.conftest import TEST_NOW, build_in, of, page, site_config, write_tree

DATA = Path(__file__).parent / "data"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "https://ministry.example/"
LANGUAGES = (("en", "foreign"), ("fr", "foreign"), ("ko", "domestic"))

NEWS = {"type": "news", "date": "2026-03-12T10:00:00+09:00"}
STATEMENT = {"type": "statement", "kind": "statement", "date": "2026-07-09T15:00:00+09:00"}
WITHDRAWN = {"date": "2026-08-01T09:00:00+09:00", "reason": "Superseded by a new statement."}

FILES: dict[str, str | bytes] = {
    "en/index.md": page("Home", "Welcome."),
    "fr/index.md": page("Accueil", "Welcome.", translation_of=of("en", "Welcome.")),
    "ko/index.md": page("홈", "Welcome.", translation_of=of("en", "Welcome.")),
    "en/about.md": page(
        "About",
        "Ministry.",
        date="2026-01-05T09:00:00+09:00",
        updated="2026-04-01T09:00:00+09:00",
        changes=[{"date": "2026-06-30T12:00:00+02:00", "note": "New address."}],
    ),
    "fr/about.md": page("À propos", "Ministry.", translation_of=of("en", "Ministry.")),
    "ko/about.md": page("소개", "Ministry.", translation_of=of("en", "Ministry.")),
    # Missing in Korean: the Korean build shows an honest fallback.
    "en/news/visit.md": page("Visit", "Visit.", **NEWS),
    "fr/news/visit.md": page("Visite", "Visit.", **NEWS, translation_of=of("en", "Visit.")),
    # Withdrawn in French only: out of the sitemap, and out of the others' alternates.
    "en/news/old.md": page("Old", "Old.", **NEWS),
    "fr/news/old.md": page(
        "Ancien", "Old.", **NEWS, translation_of=of("en", "Old."), withdrawn=WITHDRAWN
    ),
    "ko/news/old.md": page("옛", "Old.", **NEWS, translation_of=of("en", "Old.")),
    "en/news/zqxdraft.md": page("Draft", "Draft.", **NEWS, draft=True),
    "en/statements/s.md": page("Statement", "Said.", **STATEMENT),
    "fr/statements/s.md": page(
        "Déclaration", "Said.", **STATEMENT, translation_of=of("en", "Said.")
    ),
    "ko/statements/s.md": page("성명", "Said.", **STATEMENT, translation_of=of("en", "Said.")),
}


def chancery_config(site_names: Mapping[str, str] | None = None, **seo: Any) -> dict[str, Any]:
    """mkdocs.yml of a test site with chancery/seo and chancery/integrity before search.

    ``site_names`` are the ministry's name in each language (declared with the language).
    """
    config = site_config(LANGUAGES, {"translation_gate": "warn"})
    plugins = config["plugins"]
    for language in plugins[0]["chancery/content"]["languages"]:
        if site_names and language["code"] in site_names:
            language["site_name"] = site_names[language["code"]]
    at = plugins.index("search")
    plugins[at:at] = [{"chancery/seo": seo}, {"chancery/integrity": {}}]
    return config


def build(
    root: Path,
    files: Mapping[str, str | bytes],
    site_names: Mapping[str, str] | None = None,
    **seo: Any,
) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        patch.delenv("CHANCERY_SIGNING_KEY", raising=False)
        write_tree(root / "content", files)
        (root / "mkdocs.yml").write_text(
            yaml.safe_dump(chancery_config(site_names, **seo), allow_unicode=True),
            encoding="utf-8",
        )
        return build_in(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sitemap"), FILES)


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("split"), FILES, sitemap_max_urls=4)


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / name)))


def urls(document: etree._Element) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each <loc> with its (hreflang, href) alternates, in document order."""
    found = {}
    for url in document.iterfind("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc is not None
        found[loc] = tuple(
            (link.get("hreflang"), link.get("href")) for link in url.iterfind("x:link", NS)
        )
    return found


def html_pages(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """(absolute URL, file) of every HTML page of the site but the 404 pages."""
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if relative.endswith("404.html"):
            continue
        yield SITE + relative.removesuffix("index.html"), file


def head(file: Path) -> tuple[str | None, tuple[tuple[str, str], ...], bool]:
    """A page's canonical URL, hreflang alternates and whether it asks for noindex."""
    tree = html.parse(str(file))
    canonical = tree.xpath("string(//head/link[@rel='canonical']/@href)") or None
    alternates = tuple(
        (link.get("hreflang"), link.get("href"))
        for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    )
    noindex = bool(tree.xpath("//head/meta[@name='robots'][contains(@content, 'noindex')]"))
    return canonical, alternates, noindex


def check_sitemap_matches_heads(site_dir: Path) -> dict[str, tuple[tuple[str, str], ...]]:
    """Assert that the sitemap lists exactly the indexable pages, with their head alternates."""
    sitemap = urls(etree.parse(str(site_dir / "sitemap.xml")).getroot())
    expected = {}
    for url, file in html_pages(site_dir):
        canonical, alternates, noindex = head(file)
        if noindex or canonical != url:
            assert url not in sitemap, url  # a fallback (canonical elsewhere) or noindex page
            continue
        expected[url] = alternates
    assert sitemap == expected
    return sitemap


def test_sitemap_validates_with_its_alternates(site: Path) -> None:
    document = etree.parse(str(site / "sitemap.xml"))
    validator = schema("sitemap-with-xhtml.xsd")
    assert validator.validate(document), validator.error_log
    assert document.getroot().tag == f"{{{NS['s']}}}urlset"


def test_the_schemas_bite() -> None:
    validator = schema("sitemap-with-xhtml.xsd")
    good = render_urlset([SitemapEntry(SITE, None, (("en", SITE),))])
    assert validator.validate(etree.fromstring(good))
    relative = good.replace(f'href="{SITE}"'.encode(), b'href="/"')
    assert not validator.validate(etree.fromstring(relative))
    unknown = good.replace(b"<xhtml:link ", b"<xhtml:meta ")
    assert not validator.validate(etree.fromstring(unknown))


def test_sitemap_lists_each_indexable_page_with_its_head_alternates(site: Path) -> None:
    sitemap = check_sitemap_matches_heads(site)
    assert f"{SITE}statements/s/" in sitemap
    # A generated page in every language (the verification page) is listed with its versions.
    assert [code for code, _ in sitemap[f"{SITE}ko/verify/"]] == ["en", "fr", "ko", "x-default"]
    assert sitemap[f"{SITE}fr/statements/s/"] == (
        ("en", f"{SITE}statements/s/"),
        ("fr", f"{SITE}fr/statements/s/"),
        ("ko", f"{SITE}ko/statements/s/"),
        ("x-default", f"{SITE}statements/s/"),
    )


def test_alternates_are_absolute_reciprocal_with_x_default(site: Path) -> None:
    sitemap = urls(etree.parse(str(site / "sitemap.xml")).getroot())
    for loc, alternates in sitemap.items():
        assert loc.startswith(SITE)
        if not alternates:
            continue
        codes = [code for code, _ in alternates]
        assert len(set(codes)) == len(codes), loc
        assert (codes[-1], alternates[-1][1]) == ("x-default", dict(alternates).get("en")), loc
        assert loc in dict(alternates).values(), loc  # it names itself
        for code, href in alternates:
            assert href.startswith(SITE), (loc, code)
            # Reciprocal: every alternate is in the sitemap with the very same set.
            assert sitemap[href] == alternates, (loc, href)


def test_fallbacks_withdrawn_and_drafts_stay_out(site: Path) -> None:
    sitemap = urls(etree.parse(str(site / "sitemap.xml")).getroot())
    assert (site / "ko/news/visit/index.html").is_file()  # the fallback exists ...
    assert f"{SITE}ko/news/visit/" not in sitemap  # ... but is not advertised
    assert sitemap[f"{SITE}news/visit/"] == (
        ("en", f"{SITE}news/visit/"),
        ("fr", f"{SITE}fr/news/visit/"),
        ("x-default", f"{SITE}news/visit/"),
    )
    # The withdrawn French version stays online, noindex, out of the sitemap and the others'
    # alternates, in the sitemap and in the head alike.
    assert (site / "fr/news/old/index.html").is_file()
    assert f"{SITE}fr/news/old/" not in sitemap
    assert sitemap[f"{SITE}ko/news/old/"] == (
        ("en", f"{SITE}news/old/"),
        ("ko", f"{SITE}ko/news/old/"),
        ("x-default", f"{SITE}news/old/"),
    )
    assert head(site / "news/old/index.html")[1] == sitemap[f"{SITE}news/old/"]
    assert head(site / "fr/news/old/index.html")[1:] == ((), True)
    text = (site / "sitemap.xml").read_text("utf-8")
    assert "zqxdraft" not in text


def test_lastmod_comes_from_the_content_never_the_build(site: Path) -> None:
    document = etree.parse(str(site / "sitemap.xml"))
    lastmod = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in document.iterfind("s:url", NS)
    }
    # The latest of date, updated and the change history, with the offset the editor wrote.
    assert lastmod[f"{SITE}about/"] == "2026-06-30T12:00:00+02:00"
    assert lastmod[f"{SITE}news/visit/"] == "2026-03-12T10:00:00+09:00"
    assert lastmod[f"{SITE}fr/about/"] is None  # no date in the content: none invented
    text = (site / "sitemap.xml").read_text("utf-8")
    assert TEST_NOW[:10] not in text and datetime.now().date().isoformat() not in text
    # static-i18n's own sitemap (changefreq daily on every URL) was replaced.
    assert "changefreq" not in text


def test_gzip_copy_is_the_same_sitemap_without_a_timestamp(site: Path) -> None:
    data = (site / "sitemap.xml").read_bytes()
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == data
    assert compressed[4:8] == b"\0\0\0\0"  # the gzip header's mtime
    assert compressed == gzip_bytes(data)


def test_robots_txt_names_the_sitemap(site: Path) -> None:
    lines = (site / "robots.txt").read_text("utf-8").splitlines()
    assert f"Sitemap: {SITE}sitemap.xml" in lines
    assert "User-agent: *" in lines


def test_a_sitemap_index_past_the_limit(site: Path, split_site: Path) -> None:
    index = etree.parse(str(split_site / "sitemap.xml"))
    validator = schema("siteindex.xsd")
    assert validator.validate(index), validator.error_log
    locations = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]
    whole = urls(etree.parse(str(site / "sitemap.xml")).getroot())
    assert len(locations) == -(-len(whole) // 4) > 1
    parts: dict[str, tuple[tuple[str, str], ...]] = {}
    sitemap_schema = schema("sitemap-with-xhtml.xsd")
    for number, location in enumerate(locations, start=1):
        assert location == f"{SITE}sitemap-{number}.xml"
        document = etree.parse(str(split_site / f"sitemap-{number}.xml"))
        assert sitemap_schema.validate(document), sitemap_schema.error_log
        part = urls(document.getroot())
        assert 0 < len(part) <= 4 and not set(part) & set(parts)
        parts.update(part)
        compressed = (split_site / f"sitemap-{number}.xml.gz").read_bytes()
        assert gzip.decompress(compressed) == (split_site / f"sitemap-{number}.xml").read_bytes()
    assert parts == whole
    # robots.txt keeps naming one address: the index.
    assert f"Sitemap: {SITE}sitemap.xml" in (split_site / "robots.txt").read_text("utf-8")


def test_split_respects_the_byte_limit_too() -> None:
    entries = [SitemapEntry(f"{SITE}page-{n:03d}/") for n in range(30)]
    one = len(render_urlset(entries[:1]))
    files = build_sitemaps(entries, SITE, max_urls=1000, max_bytes=one * 3)
    names = [file.path for file in files]
    assert names[:2] == ["sitemap.xml", "sitemap.xml.gz"]
    sizes = [len(file.data) for file in files if file.path.endswith(".xml")][1:]
    assert len(sizes) > 1 and all(size <= one * 3 for size in sizes)
    assert build_sitemaps(entries, SITE) == build_sitemaps(list(reversed(entries)), SITE)


def test_robots_txt_keeps_an_existing_file() -> None:
    existing = "User-agent: *\nDisallow: /drafts/\n"
    text = robots_txt(f"{SITE}sitemap.xml", existing)
    assert text.startswith(existing) and text.endswith(f"Sitemap: {SITE}sitemap.xml\n")
    assert robots_txt(f"{SITE}sitemap.xml", text) == text


def test_demo_sitemap_is_valid_and_matches_every_head(demo_site: Path) -> None:
    document = etree.parse(str(demo_site / "sitemap.xml"))
    validator = schema("sitemap-with-xhtml.xsd")
    assert validator.validate(document), validator.error_log
    demo = "https://mofa.haneul.example/"
    sitemap = urls(document.getroot())
    pages = {}
    for file in sorted(demo_site.rglob("*.html")):
        relative = file.relative_to(demo_site).as_posix()
        if not relative.endswith("404.html"):
            pages[demo + relative.removesuffix("index.html")] = head(file)
    for url, (canonical, alternates, noindex) in pages.items():
        if noindex or canonical != url:
            assert url not in sitemap, url
        else:
            assert sitemap[url] == alternates, url
    assert set(sitemap) <= set(pages)
    # Deliberately missing translations are fallbacks, never in the sitemap.
    for missing in ("ar/news/2026-03-climate-partnership/", "ko/news/2026-11-mexico-open-day/"):
        assert (demo_site / missing / "index.html").is_file()
        assert demo + missing not in sitemap
    # Every version of the UN speech lists all six languages and x-default.
    speech = sitemap[demo + "fr/statements/2026-09-unga-speech/"]
    assert [code for code, _ in speech] == ["en", "fr", "es", "zh", "ar", "ko", "x-default"]


def test_without_site_url_no_sitemap_and_no_raw_template(tmp_path: Path) -> None:
    # The theme's sitemap template (static-i18n's) must not be copied as it is instead.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        write_tree(tmp_path / "content", FILES)
        config = chancery_config()
        del config["site_url"]
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        site_dir = build_in(tmp_path)
    assert (site_dir / "index.html").is_file()
    assert not (site_dir / "sitemap.xml").exists()
    assert "Sitemap:" not in (site_dir / "robots.txt").read_text("utf-8")
