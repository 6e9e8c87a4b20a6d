"""A module or package whose own code runs only when one of its names is first asked for.

pyHanko's PDF reader imports one helper module of `pyhanko_certvalidator` (`.util`), and
importing any submodule runs the package's `__init__` first: the whole certificate path
validator (contexts, registries, fetchers, revocation and policy code), which verification
never uses (it checks the CMS signature itself: `cms_check`) and which was the largest part
of `statement verify`'s start. `defer_package` puts the package in place without running its
`__init__`; submodules import as usual, and the first name looked up on the package itself
(`from pyhanko_certvalidator import ValidationContext`, as signing does) runs `__init__`
then, in place, so the package ends up exactly as a normal import leaves it.

`defer_module` does the same for a plain module that is imported as a module
(`from package import module`) and only used inside functions: pyHanko's public-key
encryption imports `cryptography`'s PKCS#12 reader that way, which loads `cryptography.x509`
(~15 ms), and its document information reads the local time zone through `tzlocal`.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types
from typing import Any

_LOCK = threading.RLock()
_LOADING = "_deferred_package_loading"


class _DeferredPackage(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        # `from package import module` asks the package for the name first: a submodule
        # already imported (or itself deferred) is that answer, without running `__init__`.
        submodule = sys.modules.get(f"{self.__name__}.{name}")
        if submodule is not None and type(self) is _DeferredPackage:
            return submodule
        with _LOCK:
            if type(self) is _DeferredPackage and not self.__dict__.get(_LOADING):
                self.__dict__[_LOADING] = True
                try:
                    spec = self.__spec__
                    assert spec is not None and spec.loader is not None
                    spec.loader.exec_module(self)
                    self.__class__ = types.ModuleType  # type: ignore[assignment]
                finally:
                    self.__dict__.pop(_LOADING, None)
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}") from None


def defer_package(name: str) -> None:
    """Register package `name` without running its `__init__` (if not imported yet)."""
    _defer(name, package=True)


def defer_module(name: str) -> None:
    """Register plain module `name` without running it (if not imported yet); its parent
    package is imported as usual."""
    _defer(name, package=False)


def _defer(name: str, package: bool) -> None:
    with _LOCK:
        if name in sys.modules:
            return
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return
        if package != (spec.submodule_search_locations is not None):
            return
        module = _DeferredPackage(name)
        module.__spec__ = spec
        module.__loader__ = spec.loader
        module.__file__ = spec.origin
        if spec.submodule_search_locations is not None:
            module.__package__ = name
            module.__path__ = list(spec.submodule_search_locations)
        else:
            module.__package__ = name.rpartition(".")[0]
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent in sys.modules:  # as the import system binds a loaded submodule
            setattr(sys.modules[parent], child, module)
