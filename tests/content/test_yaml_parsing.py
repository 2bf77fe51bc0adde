"""``yamlnodes.parse`` (libyaml's parser when there is one, plain text taken without the constructor) gives exactly
what PyYAML's pure-Python safe loader gives, with every line it remembers."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bootcamp.content.yamlnodes import Located, LocatedList, parse
from bootcamp.locations import default_content_dir


class _Reference(yaml.SafeLoader):
    """The pure-Python loader, every node through the constructor: what parse() must match."""


def _mapping(loader: _Reference, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key) if not isinstance(key, str) else key
        if key in mapping:
            duplicates.append((key, key_node.start_mark.line + 1))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    mapping.duplicate_keys = duplicates  # type: ignore[attr-defined]
    return mapping


def _sequence(loader: _Reference, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_Reference.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Reference.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def _shown(value: Any) -> Any:
    """A value with every line it remembers, and the type of every scalar, as plain data to compare."""
    if isinstance(value, Located):
        lines = (value.line, value.key_lines, getattr(value, "duplicate_keys", None))
        return ("map", lines, [(key, _shown(item)) for key, item in value.items()])
    if isinstance(value, LocatedList):
        return ("list", value.line, value.item_lines, [_shown(item) for item in value])
    return (type(value).__name__, value)


ODD = """\
title: &name Plain text
again: *name
quoted: "yes"
explicit: !!str 12
number: 12
ratio: 0.5
flag: yes
none: ~
day: 2026-09-21
folded: >
  one
  two
literal: |
  kept
  lines
1: a number as a key
title: said twice
items:
  - id: a
    text: first
  - &shared {id: b, text: second}
  - *shared
  - [x, y, 3]
  - - nested
    - -2
empty: {}
nothing: []
"""


def _sources() -> list[tuple[str, str]]:
    folder = default_content_dir()
    shipped = sorted(path for part in ("sessions", "exercises") for path in (folder / part).rglob("*.yaml"))
    found = [(str(path.relative_to(folder)), path.read_text("utf-8")) for path in shipped]
    return [("odd.yaml", ODD), *found]


@pytest.mark.parametrize(("name", "text"), _sources(), ids=[name for name, _ in _sources()])
def test_parse_gives_what_the_pure_python_loader_gives(name: str, text: str) -> None:
    expected = yaml.load(text, Loader=_Reference)  # noqa: S506 - a safe loader subclass
    assert _shown(parse(text)) == _shown(expected)
