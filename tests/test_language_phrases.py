"""A language's phrase file applies to documents of that language; id, ms and en to every
document (``everywhere`` in languages.toml: the outlets read most mix them)."""

from __future__ import annotations

import newsclean
from newsclean.language import everywhere_languages, guess_language
from newsclean.phrases import builtin_phrases, language_phrases

DE = [
    "Die Stadt hat am Montag einen neuen Radweg entlang des Flusses eröffnet, der bis zum Hafen führt.",
    "Nach Angaben der Verwaltung sollen in den nächsten Jahren weitere Strecken im Norden dazukommen.",
    "Anwohner hatten sich seit Langem für eine sichere Verbindung für Schüler und Pendler eingesetzt.",
]
ID = [
    "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak parah tahun ini.",
    "Warga berharap perbaikan selesai sebelum musim hujan tiba, kata kepala desa kepada wartawan.",
    "Menurut dia, dana itu akan dipakai untuk memperbaiki jembatan yang sudah lama tidak layak dilalui.",
]
LABEL = "Mehr zum Thema"


def test_the_languages_are_guessed() -> None:
    assert guess_language(" ".join(DE)) == "de"
    assert guess_language(" ".join(ID)) == "id"


def test_a_languages_phrase_fires_on_its_documents_only() -> None:
    assert LABEL not in newsclean.clean("\n".join([*DE[:2], LABEL, DE[2]])).paragraphs
    # on an Indonesian story the German words are left to the story (no file of its language names them)
    assert LABEL in newsclean.clean("\n".join([*ID[:2], LABEL, ID[2]])).paragraphs


def test_the_everywhere_languages_apply_to_every_document() -> None:
    assert everywhere_languages() == {"id", "ms", "en"}
    assert language_phrases("id") is None and language_phrases("en") is None
    german = language_phrases("de")
    assert german is not None and german.entries
    # an English label on a German page still goes: en.toml applies everywhere
    assert "Advertisement" not in newsclean.clean("\n".join([*DE[:2], "Advertisement", DE[2]])).paragraphs
    assert builtin_phrases().entries
