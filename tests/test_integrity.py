"""Signed statements: the manifest, its Ed25519 signature, and `chancery verify`.

Keys are made here with cryptography; the private key reaches the build only through the
environment, as in CI.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import logging
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from lxml import html
from mkdocs.exceptions import Abort

from chancery.cli import main
from chancery.core.integrity import (
    MANIFEST_PATH,
    PUBLIC_KEY_PATH,
    SIGNATURE_PATH,
    IntegrityError,
    fingerprint,
    locate_site,
    parse_manifest,
    published_files,
    sign,
    spaced,
    verify_site,
)
from tests.conftest import TEST_NOW, build_in, write_tree
from tests.test_sitemap import FILES, chancery_config

KEY = Ed25519PrivateKey.generate()
OTHER_KEY = Ed25519PrivateKey.generate()


def pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def raw_base64(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.b64encode(raw).decode()


def public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def build(
    root: Path,
    environment: dict[str, str] | None = None,
    integrity: dict[str, Any] | None = None,
) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", TEST_NOW)
        for name in ("CHANCERY_SIGNING_KEY", "CHANCERY_SIGNING_PUBLIC_KEY"):
            patch.delenv(name, raising=False)
        for name, value in (environment or {}).items():
            patch.setenv(name, value)
        write_tree(root / "content", FILES)
        config = chancery_config()
        if integrity:
            for plugin in config["plugins"]:
                if isinstance(plugin, dict) and "chancery/integrity" in plugin:
                    plugin["chancery/integrity"] = integrity
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        return build_in(root)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("signed"), {"CHANCERY_SIGNING_KEY": pem(KEY)})


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "ministry.pem"
    path.write_bytes(public_pem(KEY))
    return path


@pytest.fixture
def copy(signed: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(signed, target)
    return target


def verify(
    where: Path | str, key_file: Path | None, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, list[str]]:
    arguments = ["verify", str(where), *options]
    if key_file is not None:
        arguments += ["--public-key", str(key_file)]
    status = main(arguments)
    out, err = capsys.readouterr()
    return status, (out + err).splitlines()


def test_signed_build_lists_every_file_and_signs_the_manifest(signed: Path) -> None:
    manifest_bytes = (signed / MANIFEST_PATH).read_bytes()
    manifest = parse_manifest(manifest_bytes)
    files = sorted(p.relative_to(signed).as_posix() for p in signed.rglob("*") if p.is_file())
    # Everything but the manifest and its signature, written last: after the other languages,
    # the sitemap, robots.txt and the public key.
    assert sorted(manifest.files) == sorted(set(files) - {MANIFEST_PATH, SIGNATURE_PATH})
    for name in ("sitemap.xml", "sitemap.xml.gz", "robots.txt", PUBLIC_KEY_PATH, "ko/index.html"):
        assert name in manifest.files
    assert manifest.key == fingerprint(KEY.public_key())
    assert manifest.site == "https://ministry.example/"
    assert list(json.loads(manifest_bytes)["files"]) == sorted(manifest.files)
    assert (signed / PUBLIC_KEY_PATH).read_bytes() == public_pem(KEY)
    signature = base64.b64decode((signed / SIGNATURE_PATH).read_bytes())
    KEY.public_key().verify(signature, manifest_bytes)  # raises if it does not verify
    assert b"PRIVATE KEY" not in b"".join(
        (signed / path).read_bytes() for path in published_files(signed)
    )


def test_verify_accepts_the_untouched_site(
    signed: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = verify(signed, key_file, capsys)
    assert status == 0
    assert lines[-1].startswith("VERIFIED")
    assert lines[0] == "signature: valid, key " + " ".join(
        fingerprint(KEY.public_key())[i : i + 4] for i in range(0, 64, 4)
    )


def test_one_byte_changed_in_any_published_file_is_named(
    copy: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = KEY.public_key()
    paths = published_files(copy)
    assert len(paths) > 40
    for path in paths:
        file = copy / path
        original = file.read_bytes()
        assert original, path
        file.write_bytes(original[:-1] + bytes([original[-1] ^ 0x01]))
        result = verify_site(locate_site(str(copy)), key)
        assert (result.signature, result.tampered, result.missing, result.extra) == (
            "valid",
            (path,),
            (),
            (),
        ), path
        file.write_bytes(original)
    statement = copy / "fr/statements/s/index.html"
    statement.write_bytes(statement.read_bytes().replace(b"Said.", b"Sajd.", 1))
    status, lines = verify(copy, key_file, capsys)
    assert status == 1
    assert lines[0] == "tampered: fr/statements/s/index.html"
    assert lines[-1] == "FAILED: 1 tampered"


def test_a_changed_manifest_breaks_the_signature(
    copy: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A forger who edits a page and puts its new hash in the manifest still fails.
    statement = copy / "statements/s/index.html"
    forged = statement.read_bytes().replace(b"Said.", b"Never said.", 1)
    statement.write_bytes(forged)
    manifest = parse_manifest((copy / MANIFEST_PATH).read_bytes())
    files = dict(manifest.files)
    files["statements/s/index.html"] = hashlib.sha256(forged).hexdigest()
    document = json.loads((copy / MANIFEST_PATH).read_bytes())
    document["files"] = files
    (copy / MANIFEST_PATH).write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    status, lines = verify(copy, key_file, capsys)
    assert status == 1
    assert lines[0].startswith("signature: INVALID")


def test_a_signature_made_with_another_key_is_rejected(
    copy: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = (copy / MANIFEST_PATH).read_bytes()
    (copy / SIGNATURE_PATH).write_bytes(sign(manifest, OTHER_KEY))
    status, lines = verify(copy, key_file, capsys)
    assert status == 1
    assert lines[0].startswith("signature: INVALID")
    assert lines[-1] == "FAILED: bad signature"


def forge(copy: Path) -> None:
    """Rewrite a statement and re-sign the whole copy with a key the copy itself publishes."""
    statement = copy / "statements/s/index.html"
    statement.write_bytes(statement.read_bytes().replace(b"Said.", b"Never said.", 1))
    (copy / PUBLIC_KEY_PATH).write_bytes(public_pem(OTHER_KEY))
    document = json.loads((copy / MANIFEST_PATH).read_bytes())
    for path in ("statements/s/index.html", PUBLIC_KEY_PATH):
        document["files"][path] = hashlib.sha256((copy / path).read_bytes()).hexdigest()
    document["key"] = fingerprint(OTHER_KEY.public_key())
    forged = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode()
    (copy / MANIFEST_PATH).write_bytes(forged)
    (copy / SIGNATURE_PATH).write_bytes(sign(forged, OTHER_KEY))


def pinning_project(root: Path, key: Ed25519PrivateKey) -> Path:
    """A site's mkdocs.yml pinning ``key`` with integrity_public_key; returns its folder."""
    root.mkdir()
    (root / "keys").mkdir()
    (root / "keys/ministry.pem").write_bytes(public_pem(key))
    config = {"plugins": [{"chancery/integrity": {"integrity_public_key": "keys/ministry.pem"}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    return root


def test_a_forgery_signed_with_its_own_key_is_not_verified(
    copy: Path,
    key_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forge(copy)
    nowhere = tmp_path / "nowhere"  # no mkdocs.yml here: no pinned key
    nowhere.mkdir()
    monkeypatch.chdir(nowhere)
    # Without the ministry's key: every check passes against the forger's key, and it says so;
    # a script that only looks at the exit status does not accept it.
    status, lines = verify(copy, None, capsys)
    assert status == 4, lines
    assert lines[0] == "signature: valid, key " + spaced(fingerprint(OTHER_KEY.public_key()))
    assert lines[1].startswith(
        "warning: checked only against the key this site publishes "
        "(.well-known/chancery/public-key.pem); anyone who can change the site can change "
        "that key. Pass --public-key FILE"
    )
    assert lines[-1].startswith("UNTRUSTED KEY: the signature is valid and all ")
    # With the ministry's key, given or pinned in the site's mkdocs.yml: a bad signature.
    status, lines = verify(copy, key_file, capsys)
    assert status == 1 and lines[0].startswith("signature: INVALID")
    project = pinning_project(tmp_path / "project", KEY)
    for where, arguments in ((nowhere, ["-f", str(project / "mkdocs.yml")]), (project, [])):
        monkeypatch.chdir(where)
        status, lines = verify(copy, None, capsys, *arguments)
        assert status == 1, (where, lines)
        assert lines[0].startswith("signature: INVALID")
        assert lines[1].startswith("key: integrity_public_key in ")
        assert lines[1].endswith("keys/ministry.pem)")
        assert lines[-1] == "FAILED: bad signature"
    # Accepting the site's own key is a choice the reader makes, and the warning stays.
    monkeypatch.chdir(nowhere)
    status, lines = verify(copy, None, capsys, "--trust-site-key")
    assert status == 0, lines
    assert lines[1].startswith("warning: checked only against the key this site publishes")
    assert lines[-1].startswith("VERIFIED with the site's own key (--trust-site-key)")


def test_the_pinned_key_verifies_the_real_site(
    signed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(pinning_project(tmp_path / "project", KEY))
    status, lines = verify(signed, None, capsys)
    assert status == 0, lines
    assert not [line for line in lines if line.startswith("warning")]
    assert lines[-1].startswith("VERIFIED: the signature is valid")


def test_a_key_that_cannot_be_read_is_named(
    signed: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = pinning_project(tmp_path / "project", KEY)
    (project / "keys/ministry.pem").unlink()
    status, lines = verify(signed, None, capsys, "-f", str(project / "mkdocs.yml"))
    assert status == 2
    config = project / "mkdocs.yml"
    assert lines == [
        f"error: {config}: plugins: chancery/integrity: integrity_public_key: cannot read "
        f"{project / 'keys/ministry.pem'} (No such file or directory); give the path of the "
        "ministry's public key file, relative to mkdocs.yml"
    ]
    status, lines = verify(signed, tmp_path / "none.pem", capsys)
    assert (status, lines) == (
        2,
        [f"error: {tmp_path / 'none.pem'}: cannot read it (No such file or directory)"],
    )
    status, lines = verify(signed, None, capsys, "-f", str(tmp_path / "missing.yml"))
    assert status == 2 and lines[0].startswith(f"error: {tmp_path / 'missing.yml'}: cannot be read")
    with pytest.raises(SystemExit) as refused:
        main(["verify", str(signed), "--public-key", str(key_file), "--trust-site-key"])
    assert refused.value.code == 2


def test_missing_and_extra_files_are_named(
    copy: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (copy / "fr/about/index.html").unlink()
    (copy / "statements/forged").mkdir()
    (copy / "statements/forged/index.html").write_text("<p>A forged statement</p>")
    status, lines = verify(copy, key_file, capsys)
    assert status == 1
    assert "missing: fr/about/index.html" in lines
    assert "extra: statements/forged/index.html" in lines
    assert lines[-1] == "FAILED: 1 missing, 1 extra"


def test_verify_over_http(copy: Path, key_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with serve(copy) as url:
        status, lines = verify(url, key_file, capsys)
        assert status == 0, lines
        assert any("cannot be listed" in line for line in lines)
        (copy / "ko/statements/s/index.html").write_bytes(b"forged")
        (copy / "about/index.html").unlink()
        status, lines = verify(url, key_file, capsys)
    assert status == 1
    assert lines[:2] == ["tampered: ko/statements/s/index.html", "missing: about/index.html"]


def test_verify_cannot_check_what_is_not_there(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = verify(tmp_path, key_file, capsys)
    assert status == 2 and "no .well-known/chancery/manifest.json" in lines[0]
    status, lines = verify(tmp_path / "nowhere", key_file, capsys)
    assert status == 2
    with serve(tmp_path) as url:
        status, lines = verify(url, key_file, capsys)
    assert status == 2


def test_a_manifest_cannot_point_outside_the_site(copy: Path) -> None:
    document = json.loads((copy / MANIFEST_PATH).read_bytes())
    document["files"]["../../etc/passwd"] = "0" * 64
    (copy / MANIFEST_PATH).write_text(json.dumps(document))
    with pytest.raises(IntegrityError, match="unsafe path"):
        verify_site(locate_site(str(copy)), KEY.public_key())


def test_same_content_and_key_give_the_same_bytes(signed: Path, tmp_path: Path) -> None:
    # The key given as base64 of its raw bytes, in another folder: identical output.
    again = build(tmp_path / "again", {"CHANCERY_SIGNING_KEY": raw_base64(KEY)})
    for name in (MANIFEST_PATH, SIGNATURE_PATH, PUBLIC_KEY_PATH, "sitemap.xml.gz"):
        assert (again / name).read_bytes() == (signed / name).read_bytes(), name


def test_an_unsigned_build_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with mkdocs_log(caplog):
        site = build(tmp_path / "unsigned")
    assert any("UNSIGNED build" in record.getMessage() for record in caplog.records)
    assert (site / MANIFEST_PATH).is_file()
    assert not (site / SIGNATURE_PATH).exists() and not (site / PUBLIC_KEY_PATH).exists()
    assert parse_manifest((site / MANIFEST_PATH).read_bytes()).key is None
    status, lines = verify(site, None, capsys)
    assert status == 3 and lines[-1].startswith("UNSIGNED")
    verify_page = html.parse(str(site / "fr/verify/index.html"))
    assert verify_page.xpath("//*[contains(@class, 'chancery-notice--unsigned')]")


def test_statements_link_to_the_verification_page_of_their_language(signed: Path) -> None:
    for prefix in ("", "fr/", "ko/"):
        statement = html.parse(str(signed / prefix / "statements/s/index.html"))
        links = statement.xpath("//aside[contains(@class, 'chancery-verify')]//a/@href")
        assert len(links) == 1
        target = (signed / prefix / "statements/s" / links[0] / "index.html").resolve()
        assert target == (signed / prefix / "verify/index.html").resolve()
        verify_page = html.parse(str(target))
        assert verify_page.getroot().get("lang") == (prefix.strip("/") or "en")
        code = verify_page.xpath("string(//code[contains(@class, 'chancery-fingerprint')])")
        assert code.replace(" ", "") == fingerprint(KEY.public_key())
        hrefs = verify_page.xpath("//article//a/@href")
        for href in hrefs:
            if ".well-known" in href:
                assert (target.parent / href).resolve().is_file(), href


def test_signing_problems_stop_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def failure(name: str, *args: Any, **kwargs: Any) -> str:
        caplog.clear()
        with mkdocs_log(caplog), pytest.raises(Abort):
            build(tmp_path / name, *args, **kwargs)
        assert not list((tmp_path / name).glob("site/**/*.html"))  # stopped before writing
        return "\n".join(record.getMessage() for record in caplog.records)

    message = failure("a", integrity={"integrity_require_signature": True})
    assert "integrity_require_signature is set but CHANCERY_SIGNING_KEY is empty" in message
    secret = "bm90IGEga2V5"
    message = failure("b", {"CHANCERY_SIGNING_KEY": secret})
    assert "CHANCERY_SIGNING_KEY: base64 decodes to 9 bytes" in message
    assert secret not in message
    other = base64.b64encode(
        OTHER_KEY.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
    ).decode()
    message = failure("c", {"CHANCERY_SIGNING_KEY": pem(KEY), "CHANCERY_SIGNING_PUBLIC_KEY": other})
    assert "CHANCERY_SIGNING_KEY does not belong to the published public key" in message


def test_demo_statements_link_to_verification_and_the_build_is_hashed(
    demo_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = verify(demo_site, None, capsys)
    assert status == 3, lines  # the test build has no key: unsigned, every file matching
    for language in ("", "fr/", "es/", "zh/", "ar/", "ko/"):
        for statement in sorted((demo_site / language / "statements").glob("*/index.html")):
            links = html.parse(str(statement)).xpath(
                "//aside[contains(@class,'chancery-verify')]//a/@href"
            )
            assert links, statement
            assert (statement.parent / links[0] / "index.html").resolve() == (
                demo_site / language / "verify/index.html"
            ).resolve()


@contextmanager
def mkdocs_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Capture MkDocs' log records even after its CLI has stopped them from propagating."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(caplog.handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(caplog.handler)
        logger.setLevel(level)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
