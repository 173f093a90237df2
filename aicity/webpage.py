"""Saved web pages as input: the article's text, title, URL and publication date.

A news page is mostly not the article: menus, scripts, related links, the
footer. The article text is what the extractors read (so every offset refers
to it), and the page's own metadata gives its date, title and address.

trafilatura finds the article (and the title and canonical URL); htmldate,
which it calls, reads the publication date from the page's markup only
(``article:published_time``, JSON-LD, ``<time>`` ...), never from the body's
text, so the date is the publisher's and not a date the article mentions.

Both libraries are imported on the first page read: ``aicity --help`` and
runs over plain text never load them.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass

HTML_SUFFIXES = (".htm", ".html", ".xhtml")
# The start of an HTML document: a doctype or <html>, after an optional XML
# declaration and comments.
_HTML_START = re.compile(r"\ufeff?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)

# Below this many characters trafilatura doubts its article and tries other
# readings, which on a short page take the whole body, menus included. Its
# default, 250, is some 40 English words but a whole short news item in
# Chinese; 50 characters are one or two Chinese sentences.
MIN_ARTICLE_CHARACTERS = 50

# Markup that never holds article text, dropped by the fallback reading.
NOT_TEXT = ("script", "style", "noscript", "template", "head")


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page gives the pipeline."""

    text: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None


def is_web_page(path: str, text: str) -> bool:
    """Whether to read a document as a web page.

    A file is one by its suffix; standard input (``-``, as from ``curl URL |
    aicity extract -``) when it starts as an HTML document does.
    """
    if path == "-":
        return _HTML_START.match(text[:1000]) is not None
    return os.path.splitext(path)[1].lower() in HTML_SUFFIXES


def read_page(html: str) -> Page:
    """The article text and metadata of a page's decoded HTML.

    When trafilatura finds no article (a fragment, a page of a few words),
    the text is every text node outside scripts and styles, so nothing the
    page shows is lost.
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        config=_config(),
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        # The publisher's date from the markup only, and the first publication, not the last edit.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = found.text if found is not None and found.text else _all_text(html)
    if found is None:
        return Page(text)
    return Page(text, found.title or None, found.url or None, _iso_date(found.date))


@functools.cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_ARTICLE_CHARACTERS))
    return config


def _all_text(html: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # empty, or only a comment
        return ""
    for element in tree.iter(*NOT_TEXT):
        element.drop_tree()
    lines = (line.strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
