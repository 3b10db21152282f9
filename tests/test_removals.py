"""``Article.removals`` is stored compactly (offsets into the text read, labels in a table) and
behaves as the list of :class:`Removal` it stands for."""

from __future__ import annotations

import gc
import json
import pickle
import tracemalloc

import newsclean
from newsclean import Article, Kind, Removal
from newsclean.model import Removals

S1 = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak."


def _many(n: int) -> str:
    return S1 + "\n" + "\n".join(f"({chr(97 + i % 26)}{chr(97 + i // 26 % 26)}c)" for i in range(n))


def test_a_removals_text_is_the_slice_of_the_input_it_points_at() -> None:
    raw = _many(300) + "\nBaca juga: Harga Cabai Turun"
    article = newsclean.clean(raw)
    assert isinstance(article.removals, Removals)
    assert len(article.removals) == 301
    for r in article.removals:
        assert r.text == raw[r.start : r.end]
        assert raw.splitlines()[r.line].find(r.text) >= 0


def test_memory_per_removal_is_bounded() -> None:
    """An article of 100,000 removals holds them in well under 100 bytes each (a model each
    took over a kilobyte), and cleaning it peaks under 600 bytes per line (the lines, their
    pieces and the removed spans; the rules' decisions are not all held at once: 676 when
    they were)."""
    raw = _many(100_000)
    gc.collect()
    tracemalloc.start()
    try:
        article = newsclean.clean(raw)
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(article.removals) == 100_000
    assert held < 100 * 100_000, f"{held / 100_000:.0f} bytes per removal"
    assert peak < 600 * 100_000, f"{peak / 100_000:.0f} bytes per line at the peak"


def test_removals_equal_the_list_of_models_and_index_like_one() -> None:
    article = newsclean.clean(_many(5) + "\nBaca juga: Harga Cabai Turun")
    models = list(article.removals)
    assert article.removals == models and models == list(article.removals)
    assert article.removals[-1] == models[-1] and article.removals[1:3] == models[1:3]
    assert article.removals[-1].rule == "related_links" and article.removals[0].kind is Kind.BOILERPLATE
    assert article.removals != models[:-1]
    assert article.removed_by("related_links") == [models[-1]]
    assert newsclean.explain(_many(5) + "\nBaca juga: Harga Cabai Turun") == models


def test_json_round_trip_pickle_and_dump_are_those_of_the_list() -> None:
    article = newsclean.clean(_many(50) + "\nBaca juga: Harga Cabai Turun")
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article and again.removals == article.removals
    assert pickle.loads(pickle.dumps(article)) == article
    as_list = article.model_copy(update={"removals": list(article.removals)})
    assert json.loads(article.model_dump_json()) == json.loads(as_list.model_dump_json())
    assert article.model_dump()["removals"] == [r.model_dump() for r in article.removals]
    assert Article.model_validate(article.model_dump()) == article
    assert newsclean.replay(_many(50) + "\nBaca juga: Harga Cabai Turun", article) == article.paragraphs


def test_page_level_removals_keep_their_own_text_and_path() -> None:
    items = [
        Removal(text="Menu", rule="html", reason="html:nav", start=0, end=0, line=-1, path="body/nav"),
        Removal(text="Baca juga", rule="related_links", reason="related_link:baca juga", start=4, end=13, line=1),
    ]
    packed = Removals.of(items[1:], source="Isi\nBaca juga").prepended(items[:1])
    assert packed == items and [r.path for r in packed] == ["body/nav", None]
    assert Article(removals=items).removals == packed
