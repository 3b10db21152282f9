"""The article body built from the evidence of the whole page (issue #15): hand-made pages."""

from __future__ import annotations

from newsclean.html import parse_html

SENTENCE = "Dies ist ein ausreichend langer Satz der Geschichte, der als Absatz zählt und gelesen wird. "


def para(i: int, n: int = 2) -> str:
    return f"<p>Absatz {i}. {SENTENCE * n}</p>"


def test_named_anchor_is_no_link() -> None:
    """``<a name>`` marks a place, it links nowhere: a paragraph inside one is prose."""
    question = "Eine der meistgestellten Fragen der Hörer ist mittlerweile: Was sagt der Professor dazu?"
    body = "".join(para(i) for i in range(4)) + f'<p><a name="q1">{question}</a></p>'
    page = parse_html(f"<html><body><article>{body}</article></body></html>")
    assert "Was sagt der Professor" in page.text


def test_ruby_reading_left_out() -> None:
    """The reading printed over a word (``<rt>``) is not the text; the word stays inline."""
    html = (
        "<html><body><article><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp>"
        "</ruby>をなくすための法律ができて、親が子どもを教育するために体罰を禁止することになりました。</p>"
        "</article></body></html>"
    )
    assert "子どもへの虐待をなくすための法律ができて" in parse_html(html).text


def test_soft_hyphens_dropped_and_text_nfc() -> None:
    html = (
        "<html><body><article><p>Schon im Mit\u00adtel\u00adal\u00adter war der Wein be\u00adkannt, "
        "sagt Ba\u0308cker, und das ist eine lange Geschichte.</p></article></body></html>"
    )
    text = parse_html(html).text
    assert "Schon im Mittelalter war der Wein bekannt" in text
    assert "Bäcker" in text and "\u0308" not in text


def test_weak_noise_token_keeps_prose_blocks() -> None:
    """A page builder's ``elementor-widget-container`` around each paragraph is no widget box."""
    blocks = "".join(f'<div class="elementor-widget-container">{para(i)}</div>' for i in range(3))
    links = '<div class="widget-area"><a href="/a">Eins</a> <a href="/b">Zwei</a> <a href="/c">Drei</a></div>'
    page = parse_html(f"<html><body><div class='content'>{blocks}{links}</div></body></html>")
    assert all(f"Absatz {i}." in page.text for i in range(3))
    assert "Eins" not in page.text


STORY = "".join(para(i, 1) for i in range(3))
THREAD = "".join(
    f"<li><p>Kommentar {i}: {SENTENCE * 3}</p></li>" for i in range(6)
)


def test_comment_thread_longer_than_story_is_not_the_body() -> None:
    html = (
        f"<html><body><div class='post'><h1>Titel</h1><div class='text'>{STORY}</div></div>"
        f"<div class='comments-area'><ul>{THREAD}</ul></div></body></html>"
    )
    page = parse_html(html)
    assert "Absatz 0." in page.text and "Kommentar" not in page.text
    assert any(d.reason == "rejected:text_density:class=comments" and d.path for d in page.decisions)


def test_cookie_notice_and_footer_are_not_the_body() -> None:
    notice = f"<div id='cookie-consent' class='cmp-wrap'>{f'<p>{SENTENCE * 5}</p>' * 4}</div>"
    footer = f"<footer><p>Impressum. {SENTENCE * 5}</p><p>{SENTENCE * 5}</p></footer>"
    page = parse_html(f"<html><body><div class='x'>{STORY}</div>{notice}{footer}</body></html>")
    assert "Absatz 0." in page.text and "Impressum" not in page.text


def test_negative_token_on_the_post_itself_is_a_modifier() -> None:
    """``<article class='post category-newsletter'>`` and ``entry-content no-share`` are the story."""
    html = (
        f"<html><body><article class='post category-newsletter'><h1>Titel</h1>"
        f"<div class='entry-content no-share'>{STORY}</div></article>"
        f"<div class='comments-area'><ul>{THREAD}</ul></div></body></html>"
    )
    assert "Absatz 0." in parse_html(html).text


def _clean_paragraphs(html: str) -> list[str]:
    import newsclean

    return list(newsclean.clean(html).paragraphs)


def test_repeated_list_items_of_a_page_are_kept() -> None:
    """The text rules know they read a page: a line repeated there is the page's, not a scrape's."""
    rows = "".join("<li>Zwei Esslöffel Zucker und eine Prise Salz</li>" for _ in range(2))
    html = f"<html><body><article>{STORY}<ul>{rows}</ul><ol>{rows}</ol></article></body></html>"
    assert _clean_paragraphs(html).count("Zwei Esslöffel Zucker und eine Prise Salz") == 4


def test_story_sentences_above_a_late_dateline_are_kept() -> None:
    opening = "".join(
        f"<p>Satz {i} der Geschichte steht am Anfang und erzählt, was geschah.</p>" for i in range(4)
    )
    html = (
        f"<html><body><article>{opening}<p>BERLIN: Der Verband rechnet mit weiteren Schließungen in "
        f"diesem Jahr, sagte der Sprecher.</p>{STORY}</article></body></html>"
    )
    assert any(p.startswith("Satz 0 der Geschichte") for p in _clean_paragraphs(html))


def test_story_split_into_sibling_sections_is_read_whole() -> None:
    """A story set as one block per subheading: every block is read, the header stays apart."""
    sections = "".join(
        f"<section class='block'><h2>Teil {k}</h2><div class='body'>{para(10 * k)}{para(10 * k + 1)}</div></section>"
        for k in range(3)
    )
    html = (
        "<html><body><header><h1>Titel der Geschichte</h1></header>"
        f"<div class='page'>{sections}<div class='comments'>{THREAD}</div></div></body></html>"
    )
    page = parse_html(html)
    for k in range(3):
        assert f"Absatz {10 * k}." in page.text and f"Teil {k}" in page.text
    assert "Kommentar" not in page.text
    assert any(d.reason == "widened:story_blocks" and d.path == "body/div" for d in page.decisions)


def test_widening_stops_at_link_lists_and_the_headline() -> None:
    teasers = "".join(f"<li><a href='/{i}'>Ein anderer Artikel mit langem Titel Nummer {i}</a></li>" for i in range(8))
    html = (
        f"<html><body><div class='wrap'><h1>Titel</h1><div class='story'>{STORY}</div></div>"
        f"<div class='more'><ul>{teasers}</ul></div></body></html>"
    )
    page = parse_html(html)
    assert page.text.splitlines()[0] == "Titel"
    assert "anderer Artikel" not in page.text
    assert not any(d.reason == "widened:story_blocks" for d in page.decisions)


def test_phrase_books_of_the_languages_read_beside_id_en_ms() -> None:
    """Related-link labels and prompts of de, fr, es, pt, it, nl and pl pages go."""
    cases = {
        "de": ("Lesen Sie auch: Ein anderer Artikel", "Melden Sie sich jetzt für unseren Newsletter an!"),
        "fr": ("Lire aussi : Un autre article", "Inscrivez-vous à notre newsletter"),
        "es": ("Lee también: Otro artículo", "Suscríbete a nuestro boletín"),
        "pt": ("Leia também: Outro artigo", "Assine a nossa newsletter"),
        "it": ("Leggi anche: Un altro articolo", "Iscriviti alla nostra newsletter"),
        "nl": ("Lees ook: Een ander artikel", "Schrijf je in voor onze nieuwsbrief"),
        "pl": ("Zobacz także: Inny artykuł", "Zapisz się do naszego newslettera"),
    }
    for code, (label, prompt) in cases.items():
        html = f"<html lang='{code}'><body><article>{STORY}<p>{label}</p><p>{prompt}</p>{STORY}</article></body></html>"
        paragraphs = _clean_paragraphs(html)
        assert label not in paragraphs and prompt not in paragraphs, code
        assert any(p.startswith("Absatz 2.") for p in paragraphs), code


def test_paragraph_reading_when_the_container_is_implausibly_short() -> None:
    """A forum page: each post in its own box among link bars; density picks one box, the
    paragraph reading takes every post."""
    bar = "<div class='bar'><a href='/a'>Antworten</a> <a href='/b'>Zitieren</a> <a href='/c'>Melden</a></div>"
    posts = "".join(
        f"<div class='post'><div class='who'><a href='/u{i}'>Nutzer {i}</a></div>"
        f"<div class='msg'><p>Beitrag {i}. {SENTENCE}</p></div>{bar}</div><div class='sep'>{bar}</div>"
        for i in range(6)
    )
    page = parse_html(f"<html><body><div class='thread'>{posts}</div></body></html>")
    assert all(f"Beitrag {i}." in page.text for i in range(6))
    assert "Zitieren" not in page.text
    assert any(d.reason.startswith("fallback:paragraphs:") and d.path for d in page.decisions)



def test_a_story_in_a_script_without_spaces_is_no_gallery() -> None:
    """Japanese writes no spaces: its sentences are story words all the same."""
    story = "".join(
        f"<p>子どもへの虐待をなくすための法律ができて、親が子どもを教育するために体罰を禁止することになりました{i}。</p>"
        for i in range(2)
    )
    figure = "<figure><img src='{i}.jpg'><figcaption>写真{i}の説明です</figcaption></figure>"
    figures = "".join(figure.format(i=i) for i in range(3))
    page = parse_html(f"<html><body><article>{figures}{story}</article></body></html>")
    assert page.is_article and "体罰を禁止することになりました0" in page.text


def test_every_bundled_label_opens_with_a_scannable_word() -> None:
    """The related-link scan's fast paths need every label's first word ASCII and at least
    three letters long: one label without it slows the rule on every document."""
    from newsclean.phrases import MIN_SCANNED, builtin_phrases
    from newsclean.rules.related import RelatedLinks

    rule = RelatedLinks(builtin_phrases())
    assert [w for w in rule._first_words if not w.isascii() or len(w) < MIN_SCANNED] == []


def test_donation_and_rating_boxes_inside_the_story_go() -> None:
    donation = "<div class='article-donation-CTA'><p>Wir brauchen Ihre Hilfe, damit alles frei bleibt.</p></div>"
    rating = "<div class='post-ratings'><strong>War der Artikel nützlich?</strong></div>"
    html = f"<html><body><article class='entry'>{STORY}{donation}{rating}{STORY}</article></body></html>"
    text = parse_html(html).text
    assert "Absatz 0." in text and "Ihre Hilfe" not in text and "nützlich" not in text


def test_a_short_story_among_many_teasers_is_no_listing() -> None:
    """One paragraph of story (about fifty words) beside a menu of teaser links is an article."""
    story = "<p>" + " ".join(SENTENCE for _ in range(3)) + "</p>"
    teasers = "".join(f"<li><a href='/{i}'>Ein anderer Artikel mit langem Titel Nummer {i}</a></li>" for i in range(14))
    html = f"<html><body><ul class='list'>{teasers}</ul><div class='detail'>{story}</div></body></html>"
    page = parse_html(html)
    assert page.is_article and "ausreichend langer Satz" in page.text


def test_header_furniture_between_headline_and_body_goes() -> None:
    """Reading time, category label and a photo credit under the headline are no story."""
    header = (
        "<p>Lesezeit: 3 Minuten</p><p>Kategorie: News</p><p>Erdölpumpen im Abendrot. Bild: Anna Muster/Agentur</p>"
        "<div class='image-credit'>Agentur / Max Muster</div>"
    )
    html = f"<html lang='de'><body><div><h1>Titel</h1>{header}<div class='story'>{STORY}</div></div></body></html>"
    paragraphs = _clean_paragraphs(html)
    assert paragraphs[0].startswith("Absatz 0."), paragraphs[:3]
    # a Polish page's reading time goes by the Polish phrase book (the page declares its language)
    polish = "<p>Ten tekst przeczytasz w mniej niż minutę</p>"
    html = f"<html lang='pl'><body><div><h1>Tytuł</h1>{polish}<div class='story'>{STORY}</div></div></body></html>"
    paragraphs = _clean_paragraphs(html)
    assert paragraphs[0].startswith("Absatz 0."), paragraphs[:3]


def test_the_whole_page_layout_rule_leaves_a_page_body_alone() -> None:
    """On a page, the DOM reader chose the article: long lists of short lines around the story
    (ingredients, a table of contents) are the body's, not a page's menus."""
    import newsclean

    items = "".join(f"<li>Zutat Nummer {i} Gramm</li>" for i in range(40))
    head = "<h1>Der große Kuchen</h1><p>Von Anna Muster</p><p>12. März 2021</p>"
    story = "".join(f"<p>Schritt {i}. {SENTENCE * 2}</p>" for i in range(4))
    html = f"<html><body><article>{head}<ul>{items}</ul>{story}<ul>{items}</ul></article></body></html>"
    article = newsclean.clean(html)
    assert "Zutat Nummer 39 Gramm" in article.paragraphs
    assert not any(r.reason.startswith("outside_article") for r in article.removals)


def test_a_paragraph_label_is_no_dateline_on_a_page() -> None:
    """``Kosten:`` opening a page's fourth paragraph labels it: the lines above stay story."""
    opening = "".join(f"<p>Satz {i} der Geschichte steht oben und erzählt davon.</p>" for i in range(2))
    html = (
        f"<html><body><article>{opening}<p>Kosten: 3000 Euro pro Person und Woche, mit Vollpension.</p>"
        f"{STORY}</article></body></html>"
    )
    paragraphs = _clean_paragraphs(html)
    assert any(p.startswith("Satz 0 der Geschichte") for p in paragraphs)
