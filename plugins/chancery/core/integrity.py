"""A signed manifest of every published file: SHA-256 hashes, signed with Ed25519.

The build hashes every file it publishes into ``.well-known/chancery/manifest.json`` and, when
the ministry's private key is in the environment (never in the repository), signs the
manifest's exact bytes into ``manifest.json.sig``. Anyone holding the ministry's public key can
then show that a copy of a statement is, byte for byte, what the ministry published; and
``chancery verify`` names every file that was changed, removed or added since.

Ed25519 signatures are deterministic, and the manifest holds no time, so the same content and
key give the same bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from chancery.core.config import read_plugin_options
from chancery.core.walk import files_under

WELL_KNOWN = ".well-known/chancery"
MANIFEST_PATH = f"{WELL_KNOWN}/manifest.json"
SIGNATURE_PATH = f"{WELL_KNOWN}/manifest.json.sig"
PUBLIC_KEY_PATH = f"{WELL_KNOWN}/public-key.pem"
#: Files that the manifest cannot list: itself, and the signature made over it.
UNLISTED = frozenset({MANIFEST_PATH, SIGNATURE_PATH})

MANIFEST_FORMAT = "chancery-manifest/1"

#: The plugin, and its option that pins the ministry's public key (a file beside mkdocs.yml).
PLUGIN_NAME = "chancery/integrity"
PUBLIC_KEY_OPTION = "integrity_public_key"

#: The environment variables the build reads keys from.
PRIVATE_KEY_VARIABLE = "CHANCERY_SIGNING_KEY"
PUBLIC_KEY_VARIABLE = "CHANCERY_SIGNING_PUBLIC_KEY"


class IntegrityError(ValueError):
    """A key, manifest or signature that cannot be used; the message says how to fix it."""


# Keys ------------------------------------------------------------------------------------------


def load_private_key(text: str, source: str = PRIVATE_KEY_VARIABLE) -> Ed25519PrivateKey:
    """An Ed25519 private key from PEM (PKCS#8) or base64 of its 32 raw bytes.

    Messages name ``source`` and never repeat the key.
    """
    data = text.strip()
    if data.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_private_key(data.encode("ascii"), password=None)
        except (ValueError, TypeError, UnicodeEncodeError) as error:
            raise IntegrityError(
                f"{source}: not a readable unencrypted PEM private key; export it with "
                "`openssl pkey -in key.pem` (no passphrase)"
            ) from error
        if not isinstance(key, Ed25519PrivateKey):
            raise IntegrityError(f"{source}: the PEM key is not an Ed25519 key")
        return key
    raw = _base64(data, source, "private key")
    if len(raw) != 32:
        raise IntegrityError(
            f"{source}: base64 decodes to {len(raw)} bytes; an Ed25519 private key has 32"
        )
    return Ed25519PrivateKey.from_private_bytes(raw)


def load_public_key(data: bytes | str, source: str) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM (SubjectPublicKeyInfo) or base64 of its 32 raw bytes."""
    text = data.decode("ascii", "replace") if isinstance(data, bytes) else data
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as error:
            raise IntegrityError(f"{source}: not a readable PEM public key") from error
        if not isinstance(key, Ed25519PublicKey):
            raise IntegrityError(f"{source}: the PEM key is not an Ed25519 key")
        return key
    raw = _base64(text, source, "public key")
    if len(raw) != 32:
        raise IntegrityError(
            f"{source}: base64 decodes to {len(raw)} bytes; an Ed25519 public key has 32"
        )
    return Ed25519PublicKey.from_public_bytes(raw)


def read_public_key(path: Path) -> Ed25519PublicKey:
    """The Ed25519 public key in the file at ``path`` (PEM or base64)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IntegrityError(f"{path}: cannot read it ({error.strerror})") from error
    return load_public_key(data, str(path))


def pinned_public_key(config_file: Path) -> tuple[Ed25519PublicKey, Path] | None:
    """The key ``config_file`` pins with chancery/integrity's integrity_public_key, and its file.

    None when the site pins no key. The path is relative to the configuration's folder, as
    MkDocs reads it.
    """
    options = read_plugin_options(config_file, PLUGIN_NAME) or {}
    value = options.get(PUBLIC_KEY_OPTION)
    if not value:
        return None
    if not isinstance(value, str):
        raise IntegrityError(
            f"{config_file}: plugins: {PLUGIN_NAME}: {PUBLIC_KEY_OPTION}: give the path of the "
            "ministry's public key file (PEM), relative to this file"
        )
    path = config_file.parent / value
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IntegrityError(
            f"{config_file}: plugins: {PLUGIN_NAME}: {PUBLIC_KEY_OPTION}: cannot read {path} "
            f"({error.strerror}); give the path of the ministry's public key file, relative "
            f"to {config_file.name}"
        ) from error
    return load_public_key(data, str(path)), path


def trusted_key(
    public_key_file: Path | None, config_file: Path | None
) -> tuple[Ed25519PublicKey | None, str | None]:
    """The ministry's key for `chancery verify`, and where it came from.

    The file given, else the key ``config_file`` pins; (None, None) when neither gives one,
    and only the key the site publishes is left.
    """
    if public_key_file is not None:
        return read_public_key(public_key_file), f"--public-key {public_key_file}"
    pinned = pinned_public_key(config_file) if config_file is not None else None
    if pinned is None:
        return None, None
    key, path = pinned
    return key, f"{PUBLIC_KEY_OPTION} in {config_file} ({path})"


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    """The public key as PEM, the form published at the well-known path."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, in hex: what the ministry publishes to compare against."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def spaced(fingerprint_hex: str) -> str:
    """A fingerprint in groups of four, easier to read aloud and compare."""
    return " ".join(fingerprint_hex[i : i + 4] for i in range(0, len(fingerprint_hex), 4))


def same_key(first: Ed25519PublicKey, second: Ed25519PublicKey) -> bool:
    """Whether two public keys are the same key."""
    return fingerprint(first) == fingerprint(second)


# Manifest --------------------------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex."""
    return hashlib.sha256(data).hexdigest()


def published_files(site_dir: Path) -> list[str]:
    """Every file under ``site_dir`` the manifest lists, as sorted POSIX paths."""
    return [path for path in files_under(site_dir) if path not in UNLISTED]


def build_manifest(site_dir: Path, site_url: str | None, key_id: str | None) -> bytes:
    """The manifest of ``site_dir``: each published file's SHA-256, sorted by path."""
    files = {path: sha256_hex((site_dir / path).read_bytes()) for path in published_files(site_dir)}
    return render_manifest(files, site_url, key_id)


def render_manifest(files: Mapping[str, str], site_url: str | None, key_id: str | None) -> bytes:
    """The manifest's bytes: stable JSON, sorted keys, one file per line."""
    document = {
        "format": MANIFEST_FORMAT,
        "algorithm": "sha256",
        "site": site_url,
        # The fingerprint of the key that signs this manifest, or null for an unsigned build.
        "key": key_id,
        "files": dict(sorted(files.items())),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest."""

    files: Mapping[str, str]
    site: str | None
    key: str | None


def parse_manifest(data: bytes, source: str = MANIFEST_PATH) -> Manifest:
    """Read a manifest, refusing paths that would leave the site (``..``, absolute)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IntegrityError(f"{source}: not a JSON manifest ({error})") from error
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        raise IntegrityError(f"{source}: not a {MANIFEST_FORMAT} manifest")
    files = document.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(path, str) and isinstance(digest, str) for path, digest in files.items()
    ):
        raise IntegrityError(f"{source}: 'files' must map paths to SHA-256 hashes")
    for path in files:
        _check_relative(path, source)
    key = document.get("key")
    site = document.get("site")
    return Manifest(
        files=files,
        site=site if isinstance(site, str) else None,
        key=key if isinstance(key, str) else None,
    )


def sign(manifest: bytes, key: Ed25519PrivateKey) -> bytes:
    """The signature file's bytes: base64 of the Ed25519 signature of ``manifest``."""
    return base64.b64encode(key.sign(manifest)) + b"\n"


def signature_valid(manifest: bytes, signature_file: bytes, key: Ed25519PublicKey) -> bool:
    """Whether ``signature_file`` is ``key``'s signature of exactly these manifest bytes."""
    try:
        signature = base64.b64decode(signature_file.strip(), validate=True)
        key.verify(signature, manifest)
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True


# Verification ----------------------------------------------------------------------------------

SignatureState = Literal["valid", "invalid", "missing"]


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: the signature's state and every file that differs."""

    signature: SignatureState
    #: The fingerprint of the key the signature was checked with, if any.
    key_id: str | None
    files: int
    tampered: tuple[str, ...]
    missing: tuple[str, ...]
    #: Files present but not in the manifest; None when they cannot be listed (a web site).
    extra: tuple[str, ...] | None
    #: The signature was checked with the key the site publishes, not one given by the reader.
    key_from_site: bool = False

    @property
    def files_match(self) -> bool:
        """Every listed file is present and unchanged, and nothing was added."""
        return not (self.tampered or self.missing or self.extra)

    @property
    def verified(self) -> bool:
        """The signature is valid and every file matches."""
        return self.signature == "valid" and self.files_match


#: Reads a published file by its manifest path; None when it does not exist.
Reader = Callable[[str], bytes | None]


def verify(
    manifest_bytes: bytes,
    signature_file: bytes | None,
    key: Ed25519PublicKey | None,
    read: Reader,
    present: Iterable[str] | None,
) -> Verification:
    """Check the manifest's signature with ``key``, then every file it lists.

    ``present`` lists the files actually there (None when they cannot be listed), so that
    added files are named too.
    """
    manifest = parse_manifest(manifest_bytes)
    if signature_file is None:
        state: SignatureState = "missing"
    elif key is None:
        raise IntegrityError("no public key to check the signature with; pass --public-key")
    else:
        state = "valid" if signature_valid(manifest_bytes, signature_file, key) else "invalid"
    tampered, missing = [], []
    for path, digest in sorted(manifest.files.items()):
        data = read(path)
        if data is None:
            missing.append(path)
        elif sha256_hex(data) != digest:
            tampered.append(path)
    extra = None
    if present is not None:
        extra = tuple(sorted(set(present) - set(manifest.files) - UNLISTED))
    return Verification(
        signature=state,
        key_id=fingerprint(key) if key is not None else None,
        files=len(manifest.files),
        tampered=tuple(tampered),
        missing=tuple(missing),
        extra=extra,
    )


#: Exit statuses of `chancery verify`.
EXIT_VERIFIED = 0
EXIT_FAILED = 1
EXIT_CANNOT_VERIFY = 2
EXIT_UNSIGNED = 3
#: The signature is valid and every file matches, but only against the key the site itself
#: publishes: a forger who rewrites the site signs it with a key of their own and publishes it.
EXIT_SITE_KEY_ONLY = 4

SITE_KEY_WARNING = (
    f"warning: checked only against the key this site publishes ({PUBLIC_KEY_PATH}); anyone "
    "who can change the site can change that key. Pass --public-key FILE (the ministry's key, "
    f"obtained elsewhere) or pin {PUBLIC_KEY_OPTION} in mkdocs.yml; --trust-site-key accepts "
    "the site's own key"
)


def exit_status(result: Verification, *, trust_site_key: bool = False) -> int:
    """The exit status of `chancery verify` for ``result`` (EXIT_* above).

    0 verified; 1 a bad signature or any file differs; 3 unsigned but every file matches; 4
    verified only with the key the site publishes, unless ``trust_site_key`` accepts it.
    """
    if result.signature == "invalid" or not result.files_match:
        return EXIT_FAILED
    if result.signature == "missing":
        return EXIT_UNSIGNED
    if result.key_from_site and not trust_site_key:
        return EXIT_SITE_KEY_ONLY
    return EXIT_VERIFIED


def report_lines(
    result: Verification, *, key_source: str | None = None, trust_site_key: bool = False
) -> list[str]:
    """What `chancery verify` prints: each file that differs, the signature, the verdict.

    ``key_source`` says where the reader's key came from (None: from the site).
    """
    lines = [f"tampered: {path}" for path in result.tampered]
    lines += [f"missing: {path}" for path in result.missing]
    lines += [f"extra: {path}" for path in result.extra or ()]
    key = spaced(result.key_id) if result.key_id else None
    if result.signature == "valid":
        lines.append(f"signature: valid, key {key}")
    elif result.signature == "invalid":
        lines.append(f"signature: INVALID for key {key} (another key, or an altered manifest)")
    else:
        lines.append(f"signature: none; {SIGNATURE_PATH} is missing (an unsigned build)")
    if key_source and result.signature != "missing":
        lines.append(f"key: {key_source}")
    if result.key_from_site and result.signature == "valid":
        lines.append(SITE_KEY_WARNING)
    if result.extra is None:
        lines.append("note: files added to a web site cannot be listed; only listed files checked")
    problems = [
        f"{len(found)} {name}"
        for found, name in (
            (result.tampered, "tampered"),
            (result.missing, "missing"),
            (result.extra or (), "extra"),
        )
        if found
    ]
    status = exit_status(result, trust_site_key=trust_site_key)
    if status == EXIT_VERIFIED and result.key_from_site:
        lines.append(
            f"VERIFIED with the site's own key (--trust-site-key): the signature is valid and "
            f"all {result.files} files match"
        )
    elif status == EXIT_VERIFIED:
        lines.append(f"VERIFIED: the signature is valid and all {result.files} files match")
    elif status == EXIT_SITE_KEY_ONLY:
        lines.append(
            f"UNTRUSTED KEY: the signature is valid and all {result.files} files match, but "
            "only against the key this site publishes; nothing shows it is the ministry's"
        )
    elif status == EXIT_UNSIGNED:
        lines.append(f"UNSIGNED: all {result.files} files match the manifest, but nothing signs it")
    else:
        what = ", ".join(problems + (["bad signature"] if result.signature == "invalid" else []))
        lines.append(f"FAILED: {what}")
    return lines


def directory_reader(site_dir: Path) -> Reader:
    """Read manifest paths from a local copy of the site."""

    def read(path: str) -> bytes | None:
        file = site_dir / path
        return file.read_bytes() if file.is_file() else None

    return read


def url_reader(base_url: str, timeout: float = 30.0) -> Reader:
    """Read manifest paths from the published site at ``base_url`` (http or https)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    if urllib.parse.urlsplit(base).scheme not in ("http", "https"):
        raise IntegrityError(f"{base_url}: give an http(s) URL or a folder")

    def read(path: str) -> bytes | None:
        url = base + urllib.parse.quote(path)
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                data: bytes = response.read()
                return data
        except urllib.error.HTTPError as error:
            error.close()
            if error.code in (404, 410):
                return None
            raise IntegrityError(f"{url}: the server answered HTTP {error.code}") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise IntegrityError(f"{url}: could not fetch it ({reason})") from error

    return read


@dataclass(frozen=True)
class Location:
    """A copy of the site to verify: a folder, or a site on the web."""

    name: str
    read: Reader
    #: Every file there, or None when it cannot be listed (a web site).
    listing: Callable[[], list[str]] | None


def locate_site(where: str) -> Location:
    """The copy of the site at ``where``: an http(s) URL or a local folder."""
    if urllib.parse.urlsplit(where).scheme in ("http", "https"):
        return Location(where, url_reader(where), None)
    folder = Path(where)
    if not folder.is_dir():
        raise IntegrityError(f"{where}: no such folder; give a built site's folder or a URL")
    return Location(where, directory_reader(folder), lambda: published_files(folder))


def verify_site(location: Location, public_key: Ed25519PublicKey | None) -> Verification:
    """Verify a copy of the site, with ``public_key`` or else the key it publishes itself."""
    manifest = location.read(MANIFEST_PATH)
    if manifest is None:
        raise IntegrityError(
            f"{location.name}: no {MANIFEST_PATH}; this is not a Chancery site, or it was "
            "built without chancery/integrity"
        )
    signature = location.read(SIGNATURE_PATH)
    key = public_key
    if key is None and signature is not None:
        published = location.read(PUBLIC_KEY_PATH)
        if published is None:
            raise IntegrityError(
                f"{location.name}: no {PUBLIC_KEY_PATH}; pass the ministry's key with --public-key"
            )
        key = load_public_key(published, f"{location.name}/{PUBLIC_KEY_PATH}")
    listing = location.listing() if location.listing is not None else None
    result = verify(manifest, signature, key, location.read, listing)
    return replace(result, key_from_site=public_key is None and key is not None)


def _check_relative(path: str, source: str) -> None:
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or ".." in pure.parts or "\\" in path:
        raise IntegrityError(f"{source}: lists an unsafe path {path!r}; refusing to read it")


def _base64(text: str, source: str, what: str) -> bytes:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError) as error:
        raise IntegrityError(
            f"{source}: neither PEM nor base64; give the Ed25519 {what} as PEM, or as base64 "
            "of its 32 raw bytes"
        ) from error
