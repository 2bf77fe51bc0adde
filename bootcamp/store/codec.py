"""Frozen dataclasses ⇄ JSON values, strictly: a wrong shape is reported, never guessed at.

Decoding follows the dataclass's type hints (str, int, float, bool, ``X | None``,
``tuple[X, ...]``, ``dict[str, X]``, StrEnum, nested dataclasses). A missing field
takes its default; an unknown field is an error, because dropping it and saving
again would lose data a newer version wrote.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class ShapeError(ValueError):
    """The JSON does not have the expected shape; ``where`` is a path like ``participants[2].name``."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


_PLAIN = frozenset({str, int, float, bool, type(None)})
_new = object.__new__
_set_fields = object.__setattr__  # a frozen dataclass refuses its own __setattr__


def made(cls: type, values: dict[str, Any]) -> Any:
    """A frozen dataclass of ``values`` (every field, each of its type already checked), without ``__init__``'s
    one ``object.__setattr__`` per field: where thousands are built (a listing, a room's answers) that is most
    of the time taken."""
    instance = _new(cls)
    instance.__dict__.update(values)
    return instance


def adopted(cls: type, values: dict[str, Any]) -> Any:
    """:func:`made`, with ``values`` itself as the instance's fields: for a dict nothing else holds or changes
    (one just parsed from a file), which saves copying it once per answer of a room."""
    instance = _new(cls)
    _set_fields(instance, "__dict__", values)
    return instance


def to_json(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:  # exact types: a StrEnum is a str but is written as its value below
        return value
    if kind in (tuple, list):
        return [to_json(v) for v in value]
    if kind is dict:
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        encoded = {}
        for name in _field_names(kind):
            field_value = getattr(value, name)
            # Most fields are plain text: no call for them (a save encodes every answer of its file).
            encoded[name] = field_value if type(field_value) in _PLAIN else to_json(field_value)
        return encoded
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def from_json(kind: type[T], data: Any, where: str = "") -> T:
    return _decoder(kind)(data, where)


Decoder = Callable[[Any, str], Any]


@functools.cache
def _decoder(kind: Any) -> Decoder:
    """A decoder for ``kind``, built once per type (saves re-reading type hints on every answer)."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        real = [o for o in typing.get_args(kind) if o is not type(None)]
        if len(real) != 1:
            raise TypeError(f"unsupported union {kind}")  # a programming error, not bad data
        inner = _decoder(real[0])
        return lambda data, where: None if data is None else inner(data, where)
    if origin is tuple:
        item = _decoder(typing.get_args(kind)[0])

        def decode_tuple(data: Any, where: str) -> tuple:
            if not isinstance(data, list):
                raise ShapeError(where, f"expected a list, found {_describe(data)}")
            # counted from 1, as content problems count steps: "participants[2]" is the second participant
            return tuple(item(value, f"{where}[{n}]") for n, value in enumerate(data, 1))

        return decode_tuple
    if origin is dict:
        value_decoder = _decoder(typing.get_args(kind)[1])

        def decode_dict(data: Any, where: str) -> dict:
            if not isinstance(data, dict):
                raise ShapeError(where, f"expected an object, found {_describe(data)}")
            return {key: value_decoder(value, _join(where, key)) for key, value in data.items()}

        return decode_dict
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):

        def decode_enum(data: Any, where: str) -> Enum:
            try:
                return kind(data)
            except ValueError:
                allowed = ", ".join(str(m.value) for m in kind)
                raise ShapeError(where, f"{data!r} is not one of {allowed}") from None

        return decode_enum
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind is Any:
        return lambda data, where: data
    raise TypeError(f"unsupported type {kind}")


def _decode_bool(data: Any, where: str) -> bool:
    if not isinstance(data, bool):
        raise ShapeError(where, f"expected true or false, found {_describe(data)}")
    return data


def _decode_int(data: Any, where: str) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        raise ShapeError(where, f"expected a whole number, found {_describe(data)}")
    return data


def _decode_float(data: Any, where: str) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise ShapeError(where, f"expected a number, found {_describe(data)}")
    # Python's json reads NaN and Infinity, which JSON has not, and 1e400 as infinity; a whole number may be too
    # large for a float: each is refused here, not written into a file that other JSON readers refuse.
    try:
        number = float(data)
    except OverflowError:
        raise ShapeError(where, "a number too large") from None
    if not math.isfinite(number):
        raise ShapeError(where, f"{data!r} is not a number JSON allows" if math.isnan(number) else "a number too large")
    return number


def _decode_str(data: Any, where: str) -> str:
    if not isinstance(data, str):
        raise ShapeError(where, f"expected text, found {_describe(data)}")
    return data


_SCALARS: dict[Any, Decoder] = {bool: _decode_bool, int: _decode_int, float: _decode_float, str: _decode_str}
# A field of one of these types whose JSON value has exactly that type is valid as it is (bool is not an int here;
# a float is not, as it may be NaN or infinite).
_TAKEN_AS_IS: dict[Any, type] = {bool: bool, int: int, str: str}


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    known = frozenset(f.name for f in fields)
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    # (name, decoder, the one JSON type taken as it is): text, whole numbers and true/false need
    # no decoder call and no field path (a summary decodes ~60,000 fields); a float is checked.
    decoders: list[tuple[str, Decoder, type | None]] = []

    def decode(data: Any, where: str) -> Any:
        if not decoders:  # filled on first use: a dataclass may refer to itself through its fields
            decoders.extend((f.name, _decoder(hints[f.name]), _TAKEN_AS_IS.get(hints[f.name])) for f in fields)
        if not isinstance(data, dict):
            raise ShapeError(where, f"expected an object, found {_describe(data)}")
        if not known.issuperset(data):
            unknown = sorted(set(data) - known)
            raise ShapeError(_join(where, unknown[0]), "unknown field (written by a newer bootcamp?)")
        for name in required:
            if name not in data:
                raise ShapeError(_join(where, name), "missing")
        values = {}
        for name, field_decoder, as_is in decoders:
            if name in data:
                value = data[name]
                if type(value) is as_is:
                    values[name] = value
                else:
                    values[name] = field_decoder(value, f"{where}.{name}" if where else name)
        return cls(**values)

    return decode


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
