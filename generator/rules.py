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


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `data/NAME.yaml`."""
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


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
