"""A validated mapping of a case file, apart from `case.py` so that the typed sections mypy reads
(`case_types.py`, generated) can build on it without an import circle."""

from __future__ import annotations


class Section:
    """A validated mapping of a case file: its fields as attributes, None when unknown."""

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(vars(self))))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if v is not None)
        return f"{type(self).__name__}({fields})"
