"""Frozen dataclasses ⇄ JSON values, strictly: a wrong shape is reported, never guessed at.

Decoding follows the dataclass's type hints (str, int, float, bool, ``X | None``,
``tuple[X, ...]``, ``dict[str, X]``, StrEnum, nested dataclasses). A missing field
takes its default; an unknown field is an error, because dropping it and saving
again would lose data a newer version wrote.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class ShapeError(ValueError):
    """The JSON does not have the expected shape; ``where`` is a path like ``participants[2].name``."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(kind: type[T], data: Any, where: str = "") -> T:
    return _decode(kind, data, where)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _describe(data: Any) -> str:
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true/false"
    if isinstance(data, (int, float)):
        return "a number"
    if isinstance(data, str):
        return "text"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dict):
        return "an object"
    return type(data).__name__


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _decode(kind: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        if len(real) == 1:
            return _decode(real[0], data, where)
        raise TypeError(f"unsupported union {kind}")  # a programming error, not bad data
    if origin is tuple:
        if not isinstance(data, list):
            raise ShapeError(where, f"expected a list, found {_describe(data)}")
        (item_kind, _ellipsis) = typing.get_args(kind)
        return tuple(_decode(item_kind, item, f"{where}[{i}]") for i, item in enumerate(data))
    if origin is dict:
        if not isinstance(data, dict):
            raise ShapeError(where, f"expected an object, found {_describe(data)}")
        _key_kind, value_kind = typing.get_args(kind)
        return {key: _decode(value_kind, value, _join(where, key)) for key, value in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, data, where)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            raise ShapeError(where, f"{data!r} is not one of {allowed}") from None
    if kind is bool:
        if not isinstance(data, bool):
            raise ShapeError(where, f"expected true or false, found {_describe(data)}")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ShapeError(where, f"expected a whole number, found {_describe(data)}")
        return data
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise ShapeError(where, f"expected a number, found {_describe(data)}")
        return float(data)
    if kind is str:
        if not isinstance(data, str):
            raise ShapeError(where, f"expected text, found {_describe(data)}")
        return data
    if kind is Any:
        return data
    raise TypeError(f"unsupported type {kind}")


def _decode_dataclass(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ShapeError(where, f"expected an object, found {_describe(data)}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ShapeError(_join(where, unknown[0]), "unknown field (written by a newer bootcamp?)")
    values = {}
    for name, field in fields.items():
        if name in data:
            values[name] = _decode(hints[name], data[name], _join(where, name))
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise ShapeError(_join(where, name), "missing")
    return cls(**values)
