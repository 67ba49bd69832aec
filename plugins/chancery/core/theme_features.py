"""Material features and settings that need Material's JavaScript, which Chancery never loads.

The list is data (theme_features.yml): each entry names the feature and what to do instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import yaml

#: The data file beside this module.
FEATURES_FILE = Path(__file__).with_name("theme_features.yml")


@cache
def _data() -> tuple[dict[str, str], dict[str, str]]:
    data = yaml.safe_load(FEATURES_FILE.read_text(encoding="utf-8"))
    return dict(data["features"]), dict(data["settings"])


def scripted_features() -> Mapping[str, str]:
    """Every feature that needs Material's JavaScript, with what to do instead."""
    return _data()[0]


def problems(features: Iterable[str], palette: object) -> list[str]:
    """A warning for each requested feature or setting that would do nothing, in order."""
    needs_script, settings = _data()
    found = [
        f"theme.features: {feature} needs Material's JavaScript, which Chancery's pages do "
        f"not load: {needs_script[feature]}"
        for feature in features
        if feature in needs_script
    ]
    if isinstance(palette, list) and len(palette) > 1:
        found.append(f"theme.palette: {settings['palette']}")
    return found
