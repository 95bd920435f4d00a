"""Loading the rule data files in `generator/data/`.

Rules that are data (furniture patterns, metadata labels, heading styles) live
in YAML beside this module so that changing a rule never means changing code.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("generator") / "data"


# libyaml's parser, where PyYAML was built with it, reads the rules seven
# times faster than PyYAML's own: a fifth of a small rebuild went to parsing them.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `data/NAME.yaml`."""
    return yaml.load((DATA / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_LOADER)


@cache
def fingerprint() -> str:
    """A hash of every rule file, so caches can tell when the rules changed.

    Cached like `load`: a process reads the rules once, so its results follow
    the rules as first read.
    """
    digest = hashlib.sha256()
    for path in sorted(DATA.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
