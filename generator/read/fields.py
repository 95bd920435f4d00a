"""Metadata fields from what a document's author wrote: checked before anything trusts them.

A sidecar or front matter is YAML a user (or an exporter, or an attacker)
wrote. It is read with limits a metadata block never needs to exceed: its
size, how deep its values nest, and no aliases at all (an alias bomb expands
a few lines into gigabytes). Every field, from whatever source, is then
checked: it must be text (or a list of names), a date must be a day, month or
year some calendar has, and a value must fit its length. Control characters
and line breaks become spaces, so no title can end a table row or forge a log
line. A field that fails is dropped with a warning naming it; the document
still builds.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import yaml

from generator import rules
from generator.dates import parse_date
from generator.model import MetaValue


class MetadataError(ValueError):
    """A metadata block that cannot be read; the message says why."""


@cache
def _limits() -> dict:
    return rules.load("metadata")["limits"]


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with no aliases, bounded nesting, and dates left as written.

    Dates stay strings so that `parse_date` checks them like any other date
    (YAML's own constructor raises on 2022-13-45).
    """

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise MetadataError("YAML aliases (*name) are not allowed in metadata")
        self._depth += 1
        if self._depth > _limits()["yaml_depth"]:
            raise MetadataError(f"values nested deeper than {_limits()['yaml_depth']} levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml_mapping(text: str) -> dict:
    """The mapping a metadata block holds (an empty block holds none).

    Raises `MetadataError` for a block too large, malformed, aliased, too
    deep, or not a mapping of keys to values.
    """
    if len(text) > _limits()["yaml_chars"]:
        raise MetadataError(f"larger than {_limits()['yaml_chars']} characters")
    try:
        mapping = yaml.load(text, Loader=_LimitedLoader)
    except MetadataError:
        raise
    except yaml.YAMLError as error:
        raise MetadataError(str(error).strip().splitlines()[0]) from error
    except (ValueError, TypeError, RecursionError) as error:  # a constructor refusing an explicit tag's value
        raise MetadataError(f"unreadable value ({error})") from error
    if mapping is None:
        return {}
    if not isinstance(mapping, dict):
        raise MetadataError("not a mapping of keys to values")
    return mapping


def from_mapping(mapping: dict, source: str) -> tuple[dict[str, MetaValue], list[str]]:
    """The metadata fields of a sidecar or front matter mapping, keys as data names them, and
    a warning for each field dropped."""
    found, warnings = {}, []
    keys = rules.load("metadata")["keys"]
    lowered = {str(key).strip().lower(): value for key, value in mapping.items()}
    for name, aliases in keys.items():
        for alias in aliases:
            value = lowered.get(alias.lower())
            if value is None or value == "":
                continue
            text = _as_text(value)
            if text is None:
                warnings.append(f"metadata field {alias!r} dropped: not text")
            elif text:
                found[name] = MetaValue(text, source)
            break
    return found, warnings


def _as_text(value: object) -> str | None:
    """A field's value as text: a scalar, or a list of scalars (authors: [a, b]); None for anything else."""
    if isinstance(value, list) and all(_is_scalar(item) for item in value):
        return "、".join(str(item).strip() for item in value)
    return str(value).strip() if _is_scalar(value) else None


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, dt.date))


#: Control characters, line and paragraph separators: what a line of text (a field, a log line) never holds.
LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def checked(candidates: list[tuple[str, MetaValue]]) -> tuple[list[tuple[str, MetaValue]], list[str]]:
    """The `(field name, value)` candidates that pass every check, control characters collapsed, and a
    warning for each one dropped, naming its field and why."""
    kept, warnings = [], []
    limits = _limits()["field_chars"]
    for name, found in candidates:
        value = " ".join(LINE_BREAKING.sub(" ", found.value).split())
        if name == "date":
            date = parse_date(value, strict=True)
            if date is None:
                warnings.append(f"metadata field date dropped: {_shown(value)} is not a date any calendar has")
                continue
            value = date
        if not value:
            continue
        if len(value) > limits.get(name, limits["other"]):
            warnings.append(f"metadata field {name} dropped: longer than {limits.get(name, limits['other'])} "
                            f"characters ({len(value)})")
            continue
        kept.append((name, MetaValue(value, found.source)))
    return kept, warnings


def _shown(value: str) -> str:
    """A value quoted in a warning, cut short."""
    return repr(value if len(value) <= 40 else value[:40] + "…")
