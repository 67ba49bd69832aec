"""G4: the ``_headers`` file of the demo build, read back with independent parsers.

The CSP must allow exactly the inline scripts the built pages hold (hashed here from pages
parsed with lxml, not with the plugin's parser), nothing inline by name, and no eval.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from chancery.core.headers import (
    HEADERS_PATH,
    content_security_policy,
    csp_hash,
    headers_file,
    inline_code,
    nginx_snippet,
    parse_headers_file,
    redirects_file,
)
from tests.conftest import TEST_NOW, build_in, of, page, site_config, write_tree

EXECUTABLE = (None, "", "text/javascript", "application/javascript", "module")


def policy_of(site: Path) -> dict[str, list[str]]:
    rules = parse_headers_file((site / HEADERS_PATH).read_text("utf-8"))
    assert [pattern for pattern, _ in rules] == ["/*"]
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


def _build_with_hook(root: Path, hook: str) -> Path:
    """A small two-language site with chancery/headers and a MkDocs hook file."""
    write_tree(root / "content", SMALL_SITE)
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
        "from pathlib import Path\n"
        "from mkdocs.plugins import event_priority\n"
        "@event_priority(-500)\n"
        "def on_post_build(config):\n"
        "    page = Path(config.site_dir) / 'index.html'\n"
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
