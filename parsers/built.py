"""Models built from values a parser has already checked, without pydantic checking them again.

The XML parser reads every value with a reader of its own (``_number``, ``_date``, the A/D and
D/I codes, the booleans), so the types the model would check are the ones it already holds; a
row's validation still cost about a tenth of the whole parse (each ``Decimal`` and date is
checked again through Python calls). :func:`built` makes the instance pydantic's validation
would make from the same values -- the same ``__dict__`` in field order with the defaults
filled in, the same set of fields given, no extra or private values -- as
``BaseModel.model_construct`` does, but from a template made once per class instead of a
walk over the fields' definitions at every call.

Only for values whose every check is done before: a value of the wrong type here would not be
refused. The models themselves are unchanged: a user constructing one is validated as ever.
Tests compare what this builds with what validation makes from the same values, on the real
filings and their mutants (tests/test_parse_xml.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

# The four slots a BaseModel instance holds, set through their descriptors (what
# object.__setattr__ would look up at every call).
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__
_new = object.__new__
_SHARED_DEFAULTS = (str, int, float, Decimal, dt.date, tuple, frozenset)
"""Defaults no instance can change, so one object serves every instance (bool is an int)."""


class _Shape:
    """One class's fields: the ``__dict__`` template in field order, the fields without a
    default (a call must give them), and the defaults made fresh for each instance."""

    __slots__ = ("template", "size", "required", "factories")

    def __init__(self, cls: type[BaseModel]) -> None:
        if cls.model_config.get("extra") not in (None, "forbid", "ignore"):
            raise TypeError(f"{cls.__name__} keeps extra values: built() does not")
        if cls.__pydantic_post_init__ or cls.__private_attributes__:
            raise TypeError(f"{cls.__name__} has private values or a post-init: not built()")
        self.template: dict[str, Any] = {}
        required: list[str] = []
        factories: list[tuple[str, Callable[[], Any]]] = []
        for name, field in cls.model_fields.items():
            if field.is_required():
                required.append(name)
                self.template[name] = None
            elif field.default_factory is not None:
                factories.append((name, field.default_factory))  # type: ignore[arg-type]
                self.template[name] = None
            elif field.default is None or isinstance(field.default, _SHARED_DEFAULTS):
                self.template[name] = field.default
            else:
                # pydantic gives each instance a copy of a mutable default: one template
                # would share it between instances.
                raise TypeError(f"{cls.__name__}.{name}: a mutable default; not built()")
        self.size = len(self.template)
        self.required = frozenset(required)
        self.factories = tuple(factories)


_SHAPES: dict[type[BaseModel], _Shape] = {}


def built(cls: type[M], values: dict[str, Any]) -> M:
    """The ``cls`` validation of ``values`` gives, where every value is already of its
    field's type (nested models as instances). A name the model lacks, or a required field
    not given, is a programming error: TypeError."""
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    fields = shape.template.copy()
    fields.update(values)
    if len(fields) != shape.size or not shape.required <= values.keys():
        unknown = sorted(set(values) - set(shape.template))
        missing = sorted(shape.required - set(values))
        raise TypeError(f"{cls.__name__}: no field {unknown}, or {missing} not given")
    for name, factory in shape.factories:
        if name not in values:
            fields[name] = factory()
    model = _new(cls)
    _SET_DICT(model, fields)
    _SET_FIELDS_SET(model, set(values))
    _SET_EXTRA(model, None)
    _SET_PRIVATE(model, None)
    return model
