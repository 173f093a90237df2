"""Traditional <-> Simplified conversion with OpenCC configurations, cached per process."""
from __future__ import annotations

import functools

# User-facing targets -> OpenCC configuration (without and with phrase conversion).
TARGETS: dict[str, tuple[str, str]] = {
    "traditional": ("s2t", "s2t"),      # OpenCC standard Traditional
    "taiwan": ("s2tw", "s2twp"),        # Taiwan standard; phrases: 内存 -> 記憶體
    "simplified": ("t2s", "tw2sp"),     # Simplified; phrases: 記憶體 -> 内存
    "hongkong": ("s2hk", "s2hk"),
}
CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk")


def config_for(target: str, phrases: bool = False) -> str:
    if target in CONFIGS:
        return target
    try:
        return TARGETS[target][1 if phrases else 0]
    except KeyError:
        raise ValueError(
            f"unknown target {target!r}; choose from {', '.join(TARGETS)} or an OpenCC config ({', '.join(CONFIGS)})"
        ) from None


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, target: str = "simplified", phrases: bool = False) -> str:
    """Convert ``text`` to ``target`` (traditional, taiwan, simplified, hongkong, or an OpenCC config).

    Line endings are kept: conversion works line by line on the text as given.
    """
    converter = _converter(config_for(target, phrases))
    return "".join(converter.convert(line) for line in text.splitlines(keepends=True))
