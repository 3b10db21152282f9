"""The built-in rules, one module per family of boilerplate, in the order they run."""

from __future__ import annotations

from newsclean.phrases import Phrasebook
from newsclean.rules.base import PhraseRule, Rule
from newsclean.rules.captions import Captions
from newsclean.rules.credits import Credits
from newsclean.rules.dateline import Dateline
from newsclean.rules.duplicates import Duplicates
from newsclean.rules.header import Header
from newsclean.rules.layout import HtmlHeadline, PageLayout
from newsclean.rules.leftovers import Leftovers
from newsclean.rules.related import RelatedLinks

RULE_NAMES = (
    "layout",
    "scripts",
    "ads",
    "prompts",
    "promos",
    "navigation",
    "related_links",
    "captions",
    "duplicates",
    "credits",
    "header",
    "dateline",
    "leftovers",
    "html_headline",
)
"""Every built-in rule, in running order. ``Cleaner(disable={...})`` takes these names.
(``html_headline`` decides on HTML input only: on text it finds no marked headline.)"""


def default_rules(book: Phrasebook) -> list[Rule]:
    """The built-in rules, compiled against ``book``, in :data:`RULE_NAMES` order."""
    rules: list[Rule] = [
        PageLayout(),
        PhraseRule("scripts", book),
        PhraseRule("ads", book),
        PhraseRule("prompts", book),
        PhraseRule("promos", book),
        PhraseRule("navigation", book),
        RelatedLinks(book),
        Captions(book),
        Duplicates(),
        Credits(book),
        Header(book),
        Dateline(),
        Leftovers(),
        HtmlHeadline(),
    ]
    assert tuple(r.name for r in rules) == RULE_NAMES
    return rules


__all__ = ["RULE_NAMES", "PhraseRule", "Rule", "default_rules"]
