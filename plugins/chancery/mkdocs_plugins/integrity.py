"""The integrity plugin: a signed manifest of every published file, and how to verify it.

After the last file of the last language is written, the build hashes the whole site into
``.well-known/chancery/manifest.json`` and signs it with the ministry's Ed25519 key, read from
``CHANCERY_SIGNING_KEY`` in the environment (CI's secret store), never from the repository.
Without a key the build says, in its log and on every language's verification page, that it
is unsigned. Each language gets a page explaining how to verify a statement, and every
statement links to it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from chancery.core.integrity import (
    MANIFEST_PATH,
    PRIVATE_KEY_VARIABLE,
    PUBLIC_KEY_PATH,
    PUBLIC_KEY_VARIABLE,
    SIGNATURE_PATH,
    IntegrityError,
    build_manifest,
    fingerprint,
    load_private_key,
    load_public_key,
    parse_manifest,
    public_key_pem,
    same_key,
    sign,
    spaced,
)
from chancery.core.presentation import PageView
from chancery.mkdocs_plugins.site import (
    SiteWideStep,
    add_language_page,
    content_plugin,
    is_nested_language_build,
    runs_site_wide_steps,
    set_language_menu,
)

log = get_plugin_logger(__name__)

VERIFY_TEMPLATE = "chancery/verify.html"


class IntegrityPluginConfig(base.Config):
    """Settings of ``chancery/integrity`` in mkdocs.yml."""

    #: Fail the build when no signing key is given (set it in CI, where the key must be).
    integrity_require_signature = c.Type(bool, default=False)
    #: A file holding the ministry's public key (PEM); public, so it may live in the repository.
    #: Without it, the key comes from CHANCERY_SIGNING_PUBLIC_KEY or from the private key.
    integrity_public_key = c.Optional(c.File(exists=True))
    #: Where each language's verification page is served, under the language's prefix.
    integrity_page = c.Type(str, default="verify")


@dataclass(frozen=True)
class IntegrityView:
    """What templates show about signing: ``chancery_integrity``."""

    signed: bool
    #: The signing key's SHA-256 fingerprint in groups of four, when the key is known.
    fingerprint: str | None
    #: Site-relative URLs (templates pass them through MkDocs' `url` filter).
    page_url: str
    public_key_url: str | None
    manifest_url: str
    signature_url: str
    #: The site's address, for the `chancery verify` example.
    site_url: str


class IntegrityPlugin(BasePlugin[IntegrityPluginConfig], SiteWideStep):
    """Hashes and signs the published site, and tells readers how to check it."""

    def __init__(self) -> None:
        self.private_key: Ed25519PrivateKey | None = None
        self.public_key: Ed25519PublicKey | None = None
        #: src_uri of this language build's verification page.
        self.page_uri: str | None = None

    # Runs with the other Chancery plugins, before static-i18n (-100) starts a language, so
    # that a bad or missing key stops the build before anything is written.
    @event_priority(0)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Read the signing key from the environment, once per `mkdocs build`."""
        self.page_uri = None
        if is_nested_language_build(config):
            return config
        self.private_key, self.public_key = self._resolve_keys()
        if self.private_key is None and self.config.integrity_require_signature:
            raise PluginError(
                f"chancery/integrity: integrity_require_signature is set but "
                f"{PRIVATE_KEY_VARIABLE} is empty; give the signing key to this build "
                "(a CI secret), or unset the requirement for a local build"
            )
        return config

    # Runs after static-i18n's on_files (-100) has chosen this language's files, so that the
    # page joins this language only (as chancery/languages' fallbacks do).
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add this language's verification page."""
        content = content_plugin(config, "chancery/integrity")
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        slug = self.config.integrity_page.strip("/")
        front_matter = {
            "title": content.strings().text("verify.title", reader.code),
            "description": content.strings().text("verify.description", reader.code),
            "template": VERIFY_TEMPLATE,
        }
        page = add_language_page(
            files,
            config,
            prefix=policy.url_prefix(reader.code),
            language=reader.code,
            slug=slug,
            front_matter=front_matter,
            owner="chancery/integrity",
            option="integrity_page",
        )
        self.page_uri = page.src_uri
        return files

    # Runs after chancery/languages (0) and before chancery/seo (-10), which reads the
    # verification page's hreflang for the head and the sitemap.
    @event_priority(-5)
    def on_page_context(
        self,
        context: TemplateContext,
        /,
        *,
        page: MkDocsPage,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext | None:
        """Tell every page where the verification page is, and whether this build is signed."""
        content = content_plugin(config, "chancery/integrity")
        policy, _, _ = content.state()
        reader = content.reader_language(config)
        slug = self.config.integrity_page.strip("/")
        path = f"{slug}/" if config.use_directory_urls else f"{slug}.html"
        page_url = policy.url_prefix(reader.code) + path
        if page.file.src_uri == self.page_uri:
            # The page exists in every language: the selector and hreflang list them all.
            _render_selector(config, policy.codes, policy.url_prefix, path)
            site = (config.site_url or "/").rstrip("/") + "/"
            hreflang = [(code, site + policy.url_prefix(code) + path) for code in policy.codes]
            hreflang.append(("x-default", site + policy.url_prefix(policy.root.code) + path))
            view: PageView = context["chancery"]  # type: ignore[typeddict-item]
            context["chancery"] = dataclasses.replace(  # type: ignore[typeddict-unknown-key]
                view, hreflang=tuple(hreflang) if config.site_url else ()
            )
        key = self.public_key
        context["chancery_integrity"] = IntegrityView(  # type: ignore[typeddict-unknown-key]
            signed=self.private_key is not None,
            fingerprint=spaced(fingerprint(key)) if key is not None else None,
            page_url=page_url,
            public_key_url=PUBLIC_KEY_PATH if key is not None else None,
            manifest_url=MANIFEST_PATH,
            signature_url=SIGNATURE_PATH,
            site_url=config.site_url or "",
        )
        return context

    # The last writer of the build: after static-i18n's on_post_build (-100), which runs the
    # other languages' builds, and after every other plugin's, so that the manifest lists the
    # site exactly as it is published.
    @event_priority(-1000)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Publish the public key, then hash every file into the manifest, then sign it."""
        if not runs_site_wide_steps(config):
            return
        site_dir = Path(config.site_dir)
        key_id = None
        if self.public_key is not None:
            _write(site_dir / PUBLIC_KEY_PATH, public_key_pem(self.public_key))
        if self.private_key is not None:
            key_id = fingerprint(self.private_key.public_key())
        signature = site_dir / SIGNATURE_PATH
        signature.unlink(missing_ok=True)
        manifest = build_manifest(site_dir, config.site_url, key_id)
        _write(site_dir / MANIFEST_PATH, manifest)
        count = len(parse_manifest(manifest).files)
        if self.private_key is None:
            log.info(
                f"UNSIGNED build: wrote {MANIFEST_PATH} but no signature; readers cannot verify "
                f"this copy. Set {PRIVATE_KEY_VARIABLE} to sign (see Chancery's publisher's guide, "
                '"Signed statements")'
            )
            return
        _write(signature, sign(manifest, self.private_key))
        log.info(f"Signed {MANIFEST_PATH} ({count} files) with key {spaced(key_id or '')}")

    def _resolve_keys(self) -> tuple[Ed25519PrivateKey | None, Ed25519PublicKey | None]:
        try:
            private_text = os.environ.get(PRIVATE_KEY_VARIABLE, "").strip()
            private = load_private_key(private_text) if private_text else None
            public = self._resolve_public_key()
        except IntegrityError as error:
            raise PluginError(f"chancery/integrity: {error}") from error
        if private is None:
            return None, public
        derived = private.public_key()
        if public is not None and not same_key(public, derived):
            raise PluginError(
                f"chancery/integrity: {PRIVATE_KEY_VARIABLE} does not belong to the published "
                f"public key ({spaced(fingerprint(public))}); give the matching pair"
            )
        return private, derived

    def _resolve_public_key(self) -> Ed25519PublicKey | None:
        path = self.config.integrity_public_key
        if path:
            return load_public_key(Path(path).read_bytes(), str(path))
        text = os.environ.get(PUBLIC_KEY_VARIABLE, "").strip()
        return load_public_key(text, PUBLIC_KEY_VARIABLE) if text else None


def _render_selector(
    config: MkDocsConfig, codes: tuple[str, ...], prefix: Callable[[str], str], path: str
) -> None:
    # The language selector of a verification page leads to the same page in each language
    # (chancery/languages only knows content pages).
    policy = content_plugin(config, "chancery/integrity").state()[0]
    set_language_menu(config, [(policy.get(code), prefix(code) + path) for code in codes])


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
