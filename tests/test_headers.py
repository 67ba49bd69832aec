"""G4: the ``_headers`` file of the demo build, read back with independent parsers.

The CSP must allow exactly the inline scripts the built pages hold (hashed here from pages
parsed with lxml, not with the plugin's parser), nothing inline by name, and no eval.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from chancery.core import headers as core_headers
from chancery.core.headers import (
    HEADERS_PATH,
    SVG_RULE,
    content_security_policy,
    csp_hash,
    headers_file,
    immutable_rules,
    inline_code,
    nginx_snippet,
    parse_headers_file,
    redirects_file,
)
from tests.conftest import TEST_NOW, Files, build_in, of, page, site_config, write_tree

EXECUTABLE = (None, "", "text/javascript", "application/javascript", "module")


def policy_of(site: Path) -> dict[str, list[str]]:
    rules = parse_headers_file((site / HEADERS_PATH).read_text("utf-8"))
    assert rules[0][0] == "/*"
    # One page policy; SVG images alone get a (stricter) one of their own.
    assert all(
        "Content-Security-Policy" not in dict(headers)
        for path, headers in rules[1:]
        if path != SVG_RULE[0]
    )
    headers = dict(rules[0][1])
    directives: dict[str, list[str]] = {}
    for part in headers["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_csp_allows_exactly_the_inline_scripts_of_the_build(demo_site: Path) -> None:
    expected: set[str] = set()
    for built in demo_site.rglob("*.html"):
        soup = BeautifulSoup(built.read_text("utf-8"), "lxml")
        for script in soup.find_all("script", src=False):
            if script.get("type") in EXECUTABLE:
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                expected.add(f"'sha256-{base64.b64encode(digest).decode()}'")
        assert not soup.find_all(style=True), f"{built}: style attribute"
        assert not soup.find_all("style"), f"{built}: <style> element"
    assert expected, "the demo has no inline script: Material changed"
    scripts = policy_of(demo_site)["script-src"]
    assert {source for source in scripts if source.startswith("'sha256-")} == expected


def test_csp_directives_are_strict(demo_site: Path) -> None:
    directives = policy_of(demo_site)
    everything = [value for values in directives.values() for value in values]
    assert "'unsafe-inline'" not in everything
    assert "'unsafe-eval'" not in everything
    assert "'unsafe-hashes'" not in everything
    assert not [value for value in everything if "://" in value or value == "*"]
    assert directives["script-src"][0] == "'self'"
    # Pagefind compiles its WebAssembly; this allows that and no eval().
    assert directives["script-src"][-1] == "'wasm-unsafe-eval'"
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


def test_other_security_headers(demo_site: Path) -> None:
    headers = dict(parse_headers_file((demo_site / HEADERS_PATH).read_text("utf-8"))[0][1])
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]


def test_the_signed_manifest_lists_the_headers_as_published(demo_site: Path) -> None:
    manifest = json.loads((demo_site / ".well-known/chancery/manifest.json").read_text("utf-8"))
    for name in (HEADERS_PATH, "_redirects", "fr/404.html"):
        data = (demo_site / name).read_bytes()
        assert manifest["files"][name] == hashlib.sha256(data).hexdigest(), name


def test_inline_code_tells_scripts_from_data_blocks() -> None:
    html = (
        "<script>a()</script><script type=module>b()</script>"
        '<script type="application/ld+json">{"x": 1}</script>'
        '<script type="application/json">{}</script><script src="/x.js"></script>'
        '<style>p{color:red}</style><p style="color:red" onclick="c()">x</p>'
    )
    found = inline_code(html)
    assert found.scripts == ["a()", "b()"]
    assert found.styles == ["p{color:red}"]
    assert found.style_attributes == ["color:red"]
    assert found.event_handlers == ["<p onclick>"]


def test_csp_hash_matches_the_spec_example() -> None:
    # The SHA-256 of the empty string, as browsers compute it for an empty <script></script>.
    assert csp_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_headers_file_round_trips() -> None:
    policy = content_security_policy(["'sha256-x'"], [], wasm=False)
    rules = parse_headers_file(headers_file(policy))
    assert dict(rules[0][1])["Content-Security-Policy"] == policy
    assert "'wasm-unsafe-eval'" not in policy


def test_headers_file_errors_name_the_line() -> None:
    with pytest.raises(ValueError, match=r"_headers:1:"):
        parse_headers_file("  X-Orphan: 1\n")


def test_404_rules_for_netlify_and_nginx() -> None:
    assert redirects_file(["", "fr/", "ko/"]).splitlines() == [
        "/fr/*  /fr/404.html  404",
        "/ko/*  /ko/404.html  404",
        "/*  /404.html  404",
    ]
    snippet = nginx_snippet("default-src 'self'", ["", "fr/"])
    assert "error_page 404 /404.html;" in snippet
    assert "location /fr/ { error_page 404 /fr/404.html; }" in snippet
    assert "add_header Content-Security-Policy \"default-src 'self'\" always;" in snippet


SMALL_SITE = {
    "en/index.md": page("Home", "Welcome."),
    "ko/index.md": page("홈", "환영합니다.", translation_of=of("en", "Welcome.")),
}


#: The start of a hook that changes the site after it is built, before chancery/headers (-900).
POST_BUILD_HOOK = (
    "from pathlib import Path\n"
    "from mkdocs.plugins import event_priority\n"
    "@event_priority(-500)\n"
    "def on_post_build(config):\n"
)


def _build_with_hook(root: Path, hook: str, changes: Files | None = None) -> Path:
    """A small two-language site with chancery/headers and a MkDocs hook file."""
    write_tree(root / "content", {**SMALL_SITE, **(changes or {})})
    (root / "hook.py").write_text(hook, encoding="utf-8")
    config = site_config((("en", "foreign"), ("ko", "domestic")))
    config["plugins"].insert(config["plugins"].index("search"), "chancery/headers")
    config["hooks"] = [str(root / "hook.py")]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        return build_in(root)


def test_a_page_changed_after_it_was_built_is_hashed_again(tmp_path: Path) -> None:
    # Pages are hashed as they are built; one rewritten later must be read again.
    site = _build_with_hook(
        tmp_path,
        POST_BUILD_HOOK + "    page = Path(config.site_dir) / 'index.html'\n"
        "    html = page.read_text('utf-8')\n"
        "    page.write_text(html.replace('</body>', '<script>window.late=1</script></body>'))\n",
    )
    assert "window.late=1" in (site / "index.html").read_text("utf-8")
    assert csp_hash("window.late=1") in policy_of(site)["script-src"]


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ('<p onclick="go()">x</p>', "index.html: has inline event handlers (<p onclick>)"),
        ('<p style="color: red">x</p>', "index.html: has a style attribute ('color: red')"),
    ],
)
def test_inline_code_the_csp_would_block_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, markup: str, message: str
) -> None:
    hook = (
        "def on_post_page(output, page, config):\n"
        "    if page.file.src_uri == 'en/index.md':\n"
        f"        return output.replace('</article>', {markup!r} + '</article>')\n"
        "    return output\n"
    )
    with pytest.raises(Abort):
        _build_with_hook(tmp_path, hook)
    assert message in caplog.text  # MkDocs logs a page's error, then aborts.


# Inline code kept between builds ------------------------------------------------------------

INLINE_CODE_CACHE = Path(".cache/chancery/inline-code.json")


def _counting_scans(patch: pytest.MonkeyPatch) -> list[str]:
    """Record each page the headers plugin parses for inline code (the scan the cache spares)."""
    scanned: list[str] = []

    def counted(html: str) -> Any:
        scanned.append(html)
        return inline_code(html)

    patch.setattr("chancery.mkdocs_plugins.headers.inline_code", counted)
    return scanned


def test_unchanged_pages_take_their_hashes_from_the_last_build(tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        scanned = _counting_scans(patch)
        first = _build_with_hook(tmp_path, "")
        policy, pages = policy_of(first), len(list(first.rglob("*.html")))
        assert len(scanned) >= pages  # Every page parsed once on a cold build.
        scanned.clear()
        again = _build_with_hook(tmp_path, "")
        assert scanned == []
        assert policy_of(again) == policy
        # A page whose bytes changed is parsed again, and only such pages.
        edited = _build_with_hook(tmp_path, "", {"en/index.md": page("Home", "Welcome back.")})
    assert any("Welcome back." in html for html in scanned)
    assert 0 < len(scanned) < pages
    assert policy_of(edited) == policy


def test_a_late_script_on_an_unchanged_page_is_still_allowed(tmp_path: Path) -> None:
    # A page rewritten after it was built is not taken from the cache by its path. (MkDocs
    # loads a hook file once per process: the one hook adds the script named in late.txt.)
    hook = (
        POST_BUILD_HOOK + "    late = Path(config.config_file_path).parent / 'late.txt'\n"
        "    if late.exists():\n"
        "        page = Path(config.site_dir) / 'index.html'\n"
        "        html = page.read_text('utf-8')\n"
        "        script = f'<script>{late.read_text()}</script></body>'\n"
        "        page.write_text(html.replace('</body>', script))\n"
    )
    _build_with_hook(tmp_path, hook)
    (tmp_path / "late.txt").write_text("window.late=2", "utf-8")
    site = _build_with_hook(tmp_path, hook)
    assert "window.late=2" in (site / "index.html").read_text("utf-8")
    assert csp_hash("window.late=2") in policy_of(site)["script-src"]


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda record: [["'unsafe-inline'"], []], id="a source that is not a hash"),
        pytest.param(lambda record: [record[0], "x"], id="not a list of hashes"),
        pytest.param(lambda record: None, id="not a record"),
    ],
)
def test_a_tampered_inline_code_file_is_not_trusted(
    tmp_path: Path, tamper: Callable[[Any], Any]
) -> None:
    policy = policy_of(_build_with_hook(tmp_path, ""))
    cache = tmp_path / INLINE_CODE_CACHE
    data = json.loads(cache.read_text("utf-8"))
    assert data["pages"]  # The cold build kept its pages.
    data["pages"] = {digest: tamper(record) for digest, record in data["pages"].items()}
    cache.write_text(json.dumps(data), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        scanned = _counting_scans(patch)
        site = _build_with_hook(tmp_path, "")
    assert scanned  # Parsed again, not read from the file.
    assert policy_of(site) == policy


def test_an_unreadable_inline_code_file_means_a_full_scan(tmp_path: Path) -> None:
    policy = policy_of(_build_with_hook(tmp_path, ""))
    (tmp_path / INLINE_CODE_CACHE).write_bytes(b"\xff{not json")
    with pytest.MonkeyPatch.context() as patch:
        scanned = _counting_scans(patch)
        site = _build_with_hook(tmp_path, "")
    assert scanned
    assert policy_of(site) == policy
    # And the file is whole again for the next build.
    assert json.loads((tmp_path / INLINE_CODE_CACHE).read_text("utf-8"))["pages"]


# Cache lifetimes ---------------------------------------------------------------------------

YEAR = "public, max-age=31536000, immutable"
FIVE_MINUTES = "public, max-age=300, must-revalidate"
#: Names with a hash of their content, as the tools write them (read independently here):
#: Material's main.57a0d79d.min.css and bundle.<hash>.min.js, Pagefind's en_1a2b3c4.pf_index.
HASHED = re.compile(r"(\.[0-9a-f]{8}\.min\.(css|js)(\.map)?|_[0-9a-f]{7,}\.pf_[a-z]+)$")


def served(text: str, url: str, *, detach: bool) -> dict[str, str]:
    """The headers a host sends for ``url`` by the ``_headers`` ``text``.

    Every matching rule applies, in order; a header set by two of them gets both values joined
    with ", " (Cloudflare Pages documents this). ``detach`` honours "! Name" lines as
    Cloudflare does; without it they are skipped, as Netlify's parser does.
    """
    headers: dict[str, str] = {}
    matching = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            matching = fnmatch.fnmatchcase(url, line.strip())
        elif matching and line.strip().startswith("!"):
            if detach:
                headers.pop(line.strip()[1:].strip().lower(), None)
        elif matching:
            name, _, value = line.strip().partition(":")
            key, value = name.strip().lower(), value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def first_max_age(cache_control: str) -> int:
    # What a cache uses when a response says max-age twice (RFC 9111, 4.2.1).
    found = re.search(r"max-age=(\d+)", cache_control)
    assert found, cache_control
    return int(found.group(1))


def test_hashed_files_are_kept_a_year_and_everything_else_five_minutes(demo_site: Path) -> None:
    text = (demo_site / HEADERS_PATH).read_text("utf-8")
    files = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*") if p.is_file())
    lifetimes: dict[str, set[str]] = {"year": set(), "short": set()}
    for path in files:
        urls = [f"/{path}"]
        if path.endswith("index.html"):
            urls.append(f"/{path.removesuffix('index.html')}")  # the address readers use
        for url in urls:
            cloudflare = served(text, url, detach=True)["cache-control"]
            expected = YEAR if HASHED.search(path) else FIVE_MINUTES
            assert cloudflare == expected, url
            lifetimes["year" if expected == YEAR else "short"].add(path.rsplit(".", 1)[-1])
            # Where "!" is not understood, the short lifetime still comes first: no file is
            # ever kept longer than intended.
            netlify = served(text, url, detach=False)["cache-control"]
            assert first_max_age(netlify) <= first_max_age(cloudflare), url
    # Material's stylesheets, scripts and maps, Pagefind's index files; pages, feeds, JSON, the
    # sitemap, our own unhashed assets (stylesheets, scripts, fonts), Pagefind's loader.
    assert lifetimes["year"] == {"css", "js", "map", "pf_fragment", "pf_index", "pf_meta"}
    assert {"html", "xml", "json", "gz", "txt", "css", "js", "woff2", "pagefind"} <= (
        lifetimes["short"]
    )


def test_headers_file_fits_the_hosts_limits(demo_site: Path) -> None:
    # Cloudflare Pages reads at most 100 rules, and lines of at most 2,000 characters.
    text = (demo_site / HEADERS_PATH).read_text("utf-8")
    assert len(parse_headers_file(text)) <= 100
    assert max(len(line) for line in text.splitlines()) <= 2000


def test_a_sites_own_file_beside_materials_is_not_kept_a_year(tmp_path: Path) -> None:
    # A site's extra_css at assets/stylesheets/extra.min.css carries no hash: the rule for
    # Material's stylesheets must not take it in.
    site = _build_with_hook(
        tmp_path,
        POST_BUILD_HOOK
        + "    Path(config.site_dir, 'assets/stylesheets/extra.min.css').write_text('p{}')\n",
    )
    text = (site / HEADERS_PATH).read_text("utf-8")
    extra = "/assets/stylesheets/extra.min.css"
    assert served(text, extra, detach=True)["cache-control"] == FIVE_MINUTES
    materials = [
        p.name for p in (site / "assets/stylesheets").glob("*.min.css") if HASHED.search(p.name)
    ]
    assert materials
    for name in materials:
        url = f"/assets/stylesheets/{name}"
        assert served(text, url, detach=True)["cache-control"] == YEAR, url


def test_immutable_rules_group_hashed_files_by_folder_and_ending() -> None:
    paths = [
        "index.html",
        "assets/stylesheets/main.57a0d79d.min.css",
        "assets/stylesheets/palette.fb2fffe2.min.css",
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "assets/javascripts/extra.js",
        "search/pagefind/pagefind.zh-Hant_2bb968baf9.pf_meta",
        "search/pagefind/pagefind.js",
        "search/pagefind/fragment/pt-BR_12453c7.pf_fragment",
        "ko/assets/stylesheets/notes.min.css",
    ]
    assert immutable_rules(paths) == [
        "/assets/javascripts/*.min.js",
        "/assets/javascripts/*.min.js.map",
        "/assets/stylesheets/*.min.css",
        "/search/pagefind/*.pf_meta",
        "/search/pagefind/fragment/*.pf_fragment",
    ]
    # A file without a hash under one of those patterns: the hashed ones are named instead.
    with_extra = [*paths, "assets/stylesheets/extra.min.css"]
    assert immutable_rules(with_extra)[2:4] == [
        "/assets/stylesheets/main.57a0d79d.min.css",
        "/assets/stylesheets/palette.fb2fffe2.min.css",
    ]
    assert immutable_rules(["about/index.html", "assets/chancery/chancery.css"]) == []


# Folders a case-insensitive match treats as equal though lower() does not (a long s, a dotted
# capital I), beside hashed and unhashed names of the kinds the rules know.
_FOLDERS = ("assets/stylesheets", "assets/\u017ftylesheets", "ASSETS/Stylesheets", "x/index")
_FOLDERS += ("index", "\u0130ndex", "search/fragment")
_FILE = st.builds(
    "/".join,
    st.tuples(
        st.sampled_from(_FOLDERS),
        st.sampled_from(
            ["main.57a0d79d.min.css", "extra.min.css", "en_1a2b3c4.pf_index", "en.pf_index"]
        ),
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_FILE, min_size=1, max_size=25))
@example(["assets/stylesheets/main.57a0d79d.min.css", "assets/\u017ftylesheets/extra.min.css"])
@example(["index/en_1a2b3c4.pf_index", "\u0130ndex/en.pf_index"])
def test_the_quick_test_before_each_pattern_changes_no_rule(paths: list[str]) -> None:
    # The hosts match case-insensitively, where a long s or a dotted capital I match letters
    # lower() does not give: the quick test must leave those paths to the regex.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(core_headers, "_may_match", lambda start, path: True)
        slow = immutable_rules(paths)
    assert immutable_rules(paths) == slow


def test_svg_images_opened_as_documents_run_nothing(demo_site: Path) -> None:
    text = (demo_site / HEADERS_PATH).read_text("utf-8")
    emblem = served(text, "/assets/images/emblem.svg", detach=True)["content-security-policy"]
    # The site's policy and the SVG's own: a browser applies both, so the stricter wins.
    assert "default-src 'none'; img-src 'self' data:; sandbox" in emblem
    page = served(text, "/news/", detach=True)["content-security-policy"]
    assert "sandbox" not in page
