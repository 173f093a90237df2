"""The extractor registry: entity type -> extractor, built lazily once per process."""
from __future__ import annotations

import functools
import importlib

from ..model import ENTITY_TYPES

# type -> "module:Class"; modules are imported on first use so `aicity --help`
# and `import aicity` stay cheap.
REGISTRY: dict[str, str] = {
    "official": "aicity.extractors.official:OfficialExtractor",
    "company": "aicity.extractors.company:CompanyExtractor",
    "city": "aicity.extractors.city:CityExtractor",
    "date": "aicity.extractors.date:DateExtractor",
    "money": "aicity.extractors.money:MoneyExtractor",
}
assert tuple(REGISTRY) == ENTITY_TYPES


@functools.cache
def get_extractor(entity_type: str):
    """The process-wide extractor instance for ``entity_type``."""
    try:
        target = REGISTRY[entity_type]
    except KeyError:
        raise ValueError(
            f"unknown entity type {entity_type!r}; choose from {', '.join(ENTITY_TYPES)}"
        ) from None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)()
