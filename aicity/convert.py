"""Traditional <-> Simplified conversion with OpenCC configurations, cached per process."""
from __future__ import annotations

import functools

# User-facing targets -> OpenCC configuration for Simplified input (without and
# with phrase conversion) and for Traditional input. Traditional input must not
# go through s2*: that maps characters as if they were Simplified (宣布 -> 宣佈,
# 后 -> 後 in 皇后). None: the text is already in the target script.
TARGETS: dict[str, tuple[str, str, str | None]] = {
    "traditional": ("s2t", "s2t", None),        # OpenCC standard Traditional
    "taiwan": ("s2tw", "s2twp", "t2tw"),         # Taiwan standard; phrases: 内存 -> 記憶體
    "simplified": ("t2s", "tw2sp", "t2s"),       # Simplified; phrases: 記憶體 -> 内存
    "hongkong": ("s2hk", "s2hk", "t2hk"),
}
CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk")


def config_for(target: str, phrases: bool = False, script: str = "simplified") -> str | None:
    """The OpenCC configuration for ``target`` and the input's ``script``; None for no change.

    An OpenCC configuration name is used as given. For Traditional input the
    phrase tables are not applied (OpenCC has them for Simplified input only),
    except to Simplified (tw2sp).
    """
    if target in CONFIGS:
        return target
    try:
        from_simplified, with_phrases, from_traditional = TARGETS[target]
    except KeyError:
        raise ValueError(
            f"unknown target {target!r}; choose from {', '.join(TARGETS)} or an OpenCC config ({', '.join(CONFIGS)})"
        ) from None
    if script == "traditional":
        return with_phrases if phrases and target == "simplified" else from_traditional
    return with_phrases if phrases else from_simplified


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, target: str = "simplified", phrases: bool = False) -> str:
    """Convert ``text`` to ``target`` (traditional, taiwan, simplified, hongkong, or an OpenCC config).

    For a named target the input's script is detected (:func:`aicity.fold.script_of`),
    so Traditional text is converted from Traditional. Line endings are kept:
    conversion works line by line on the text as given.
    """
    from .fold import script_of

    config = config_for(target, phrases, script_of(text) if target not in CONFIGS else "simplified")
    if config is None:
        return text
    converter = _converter(config)
    return "".join(converter.convert(line) for line in text.splitlines(keepends=True))
