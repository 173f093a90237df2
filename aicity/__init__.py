"""aicity: officials, companies, cities, dates and money from Chinese news text.

The public API is loaded on first attribute access (PEP 562), so ``import
aicity`` costs almost nothing: no dictionary, no regex engine, no pandas until
the first extraction::

    import aicity
    aicity.extract("臺北市長蔣萬安今(4)日表示…", ref_date="2026-03-04")
    aicity.extract_file("news/page.txt")
    aicity.extract_files(["news/"], jobs=4)
    aicity.to_dataframe(results)
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> submodule that defines it
_LAZY_EXPORTS: dict[str, str] = {
    "extract": "api",
    "extract_file": "api",
    "extract_files": "api",
    "to_dataframe": "api",
    "Entity": "model",
    "DocumentResult": "model",
    "ENTITY_TYPES": "model",
}

__all__ = [
    "__version__",
    "extract", "extract_file", "extract_files", "to_dataframe",
    "Entity", "DocumentResult", "ENTITY_TYPES",
]

if TYPE_CHECKING:  # let type checkers and IDEs see the real signatures
    from .api import extract, extract_file, extract_files, to_dataframe
    from .model import ENTITY_TYPES, DocumentResult, Entity


def __getattr__(name: str) -> Any:
    module = _LAZY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
