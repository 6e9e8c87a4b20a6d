"""Immutable value classes that start fast: what `@dataclass(frozen=True, slots=True)` gives,
without importing `dataclasses`.

`dataclasses` imports `inspect` (with `ast`, `dis` and `tokenize`: ~7 ms here) and writes every
class's methods with `exec` (0.5–1 ms a class), before `consent-desk script analyze` has read
a line (issue 14: it must finish before screenplain's CLI does), or the window has painted
its roster. The script reader's values (models/scripts/document.py, the AI markers) and the
artist (models/roster/artist.py) are `Record`s instead: each names its fields in
`__slots__`, in the order of its `__init__` (hence `# noqa: RUF023`: not sorted), and writes its
`__init__` out, setting them with `_fill` (or one `object.__setattr__` each where a script makes
thousands, as `Element`); equality, hash, repr, immutability, copying, pattern matching and
`replace` come from the fields, as a frozen dataclass's do.
"""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` is for the type checker only: not loaded at start-up
if TYPE_CHECKING:
    from typing import Any, Self, dataclass_transform
else:

    def dataclass_transform(**_: object) -> Any:  # the type checker's view only
        return lambda cls: cls


set_field = object.__setattr__  # what a record's __init__ sets its fields with


@dataclass_transform(frozen_default=True)  # type checkers treat records as frozen, as they are
class Record:
    """A frozen value with `__slots__` as its fields, in order (see the module's docstring)."""

    __slots__: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        type.__setattr__(cls, "__match_args__", cls.__slots__)  # positional patterns

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Record)
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[Any, ...]:  # copy and pickle
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self._fill(*state)

    def _fill(self, *values: Any) -> None:
        """Set every field, in `__slots__` order: the body of most records' `__init__`."""
        for name, value in zip(self.__slots__, values, strict=True):
            set_field(self, name, value)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, made through `__init__` (`dataclasses.replace`)."""
        unknown = set(changes) - set(self.__slots__)
        if unknown:
            raise TypeError(f"{self.__class__.__qualname__} has no field {sorted(unknown)[0]!r}")
        values = {name: changes.get(name, getattr(self, name)) for name in self.__slots__}
        return self.__class__(**values)
