"""The one data-file loader (newsclean.datafiles): for every kind of file a good minimal file
loads, and each way of being wrong raises ConfigError naming the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

import newsclean
from newsclean import ConfigError, datafiles
from newsclean.datafiles import (
    BylineFile,
    DatelineFile,
    DatesFile,
    LanguagesFile,
    OutletFile,
    OutletNamesFile,
    PhraseFile,
    load_bundled,
    load_toml,
)
from newsclean.phrases import load_phrase_file

PHRASES = """\
language = "id"

[promos]
lines = ['Promo\\s+hari\\s+ini', { id = "diskon", pattern = 'Diskon\\s+\\d+%', case = true }]

[related_links]
labels = ["Baca juga"]
"""

OUTLET = """\
[outlet]
domains = ["kabarkita.id"]
names = ["KABARKITA"]
zone = "+08:00"

[prompts]
starts = [{ id = "kanal", pattern = 'Gabung\\s+kanal\\s+KabarKita' }]

[html]
body_classes = ["isi-berita"]

[layout]
capitals_signature = true
"""

LANGUAGES = """\
[xx]
name = "Bahasa X"
timezone = "+07:00"
markers = ["yang", "dan"]
"""

_MONTHS = ", ".join(f'["bulan{i}"]' for i in range(1, 13))
_DAYS = ", ".join(f'["hari{i}"]' for i in range(1, 8))
DATES = f"""\
[languages.xx]
months = [{_MONTHS}]
weekdays = [{_DAYS}]

[zones]
WIB = "+07:00"

[markers]
time_words = ["pukul", "a\\\\s+las"]
updated = ["diperbarui"]
published = ["diterbitkan"]
fillers = ["pukul"]
"""

BYLINE = """\
collective = ["Tim Redaksi"]
not_name_words = ["redaksi"]
name_particles = ["bin"]
job_titles = ["Wartawan"]

[roles.author]
labels = ["Penulis"]
prefixes = ["Oleh"]

[roles.editor]
labels = ["Editor"]
prefixes = ["Disunting oleh"]
"""

DATELINE = """\
not_place_words = ["Baca"]
region_acronyms = ["NTT"]
"""

OUTLET_NAMES = """\
domain_suffixes = ["com", "co.id"]
outlets = ["KabarKita"]
outlet_prefixes = ["kabar"]
agencies = ["KANTOR"]
"""

GOOD: dict[str, tuple[type[BaseModel], str]] = {
    "phrases": (PhraseFile, PHRASES),
    "outlet": (OutletFile, OUTLET),
    "languages": (LanguagesFile, LANGUAGES),
    "dates": (DatesFile, DATES),
    "byline": (BylineFile, BYLINE),
    "dateline": (DatelineFile, DATELINE),
    "outlet_names": (OutletNamesFile, OUTLET_NAMES),
}


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / f"{name}.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path, model: type[BaseModel]) -> str:
    with pytest.raises(ConfigError) as caught:
        load_toml(path, model)
    return str(caught.value)


# --- good files ---


def test_a_good_phrase_file_loads() -> None:
    file = PhraseFile.model_validate({"promos": {"lines": ["Promo"]}})
    [[entry]] = [kinds["lines"] for kinds in file.families().values()]
    assert list(file.families()) == ["promos"] and (entry.pattern, entry.id, entry.case) == ("Promo", None, False)


def test_a_good_phrase_file_gives_its_phrases(tmp_path: Path) -> None:
    book = load_phrase_file(_write(tmp_path, "mine", PHRASES))
    assert [(p.pattern, p.id, p.case) for p in book.get("promos", "lines")] == [
        (r"Promo\s+hari\s+ini", "promo_s_hari_s_ini", False),
        (r"Diskon\s+\d+%", "diskon", True),
    ]
    assert book.labels("related_links") == ("Baca juga",)
    assert book.get("ads", "lines") == ()


def test_a_good_outlet_file_loads(tmp_path: Path) -> None:
    file = load_toml(_write(tmp_path, "kabarkita.id", OUTLET), OutletFile)
    assert file.outlet.domains == ["kabarkita.id"] and file.outlet.zone == "+08:00"
    assert file.html.body_classes == ["isi-berita"] and file.layout.capitals_signature
    assert file.prompts is not None and file.prompts.starts[0].id == "kanal"


def test_a_good_languages_file_loads(tmp_path: Path) -> None:
    file = load_toml(_write(tmp_path, "languages", LANGUAGES), LanguagesFile)
    assert list(file.languages) == ["xx"]
    assert file.languages["xx"].markers == ["yang", "dan"] and file.languages["xx"].timezone == "+07:00"


def test_a_good_dates_file_loads(tmp_path: Path) -> None:
    file = load_toml(_write(tmp_path, "dates", DATES), DatesFile)
    assert file.languages["xx"].months[11] == ["bulan12"] and file.languages["xx"].weekdays[0] == ["hari1"]
    assert file.zones == {"WIB": "+07:00"}
    assert file.markers.time_words == ["pukul", r"a\s+las"]


def test_good_metadata_files_load(tmp_path: Path) -> None:
    byline = load_toml(_write(tmp_path, "byline", BYLINE), BylineFile)
    assert byline.roles.editor.prefixes == ["Disunting oleh"]
    assert load_toml(_write(tmp_path, "dateline", DATELINE), DatelineFile).region_acronyms == ["NTT"]
    assert load_toml(_write(tmp_path, "outlets", OUTLET_NAMES), OutletNamesFile).domain_suffixes == ["com", "co.id"]


BUNDLED = [
    (LanguagesFile, ("languages.toml",)),
    (DatesFile, ("metadata", "dates.toml")),
    (BylineFile, ("metadata", "byline.toml")),
    (DatelineFile, ("metadata", "dateline.toml")),
    (OutletNamesFile, ("metadata", "outlets.toml")),
    *((PhraseFile, ("lang", p.name)) for p in sorted(Path(datafiles.__file__).parent.glob("data/lang/*.toml"))),
    *((OutletFile, ("sites", p.name)) for p in sorted(Path(datafiles.__file__).parent.glob("data/sites/*.toml"))),
]


@pytest.mark.parametrize(("model", "parts"), BUNDLED, ids=lambda x: "/".join(x) if isinstance(x, tuple) else "")
def test_every_bundled_file_is_valid(model: type[BaseModel], parts: tuple[str, ...]) -> None:
    assert isinstance(load_bundled(model, *parts), model)


def test_the_bundled_files_are_all_checked() -> None:
    kinds = {m for m, _ in BUNDLED}
    assert kinds == {m for m, _ in GOOD.values()}
    assert sum(m is OutletFile for m, _ in BUNDLED) >= 25 and sum(m is PhraseFile for m, _ in BUNDLED) >= 3


# --- bad files: each names the file and the entry ---

# (kind, what is wrong, the file's text, what the message must hold besides the file's name)
BAD: list[tuple[str, str, str, tuple[str, ...]]] = [
    # phrase files
    ("phrases", "unknown top-level key", PHRASES.replace("language =", "langauge ="),
     ("unknown family [langauge]",)),
    ("phrases", "unknown family", PHRASES.replace("[promos]", "[promo]"), ("unknown family [promo]", "promos")),
    ("phrases", "unknown kind", PHRASES.replace("lines =", "line ="), ("[promos] has no kind 'line'", "starts")),
    ("phrases", "mistyped value", PHRASES.replace("case = true", 'case = "yes"'),
     ("[promos] lines[1].case", "true or false")),
    ("phrases", "a kind that is not a list", PHRASES.replace('labels = ["Baca juga"]', 'labels = "Baca juga"'),
     ("[related_links] labels", "must be a list")),
    ("phrases", "a family that is not a table", "promos = 'x'\n", ("[promos]", "must be a table")),
    ("phrases", "an entry with a mistyped key", PHRASES.replace("pattern = 'Diskon", "patern = 'Diskon"),
     ("[promos] lines[1]", "an entry needs 'pattern'")),
    ("phrases", "an entry of the wrong type", "[promos]\nlines = ['ok', 3]\n",
     ("[promos] lines[1]", "string or a table")),
    ("phrases", "uncompilable regex", PHRASES.replace("'Diskon\\s+\\d+%'", "'Diskon\\s+(\\d+%'"),
     ("[promos] lines[1]", "does not compile", "Diskon")),
    # outlet files
    ("outlet", "unknown top-level key", OUTLET.replace("[layout]", "[layouts]"), ("unknown family [layouts]",)),
    ("outlet", "unknown key in [outlet]", OUTLET.replace("names =", "name ="), ("[outlet] name:", "Extra inputs")),
    ("outlet", "unknown rule family", OUTLET.replace("[prompts]", "[prompt]"), ("unknown family [prompt]",)),
    ("outlet", "unknown kind", OUTLET.replace("starts =", "start ="), ("[prompts] has no kind 'start'",)),
    ("outlet", "mistyped value", OUTLET.replace("capitals_signature = true", 'capitals_signature = "yes"'),
     ("[layout] capitals_signature", "true or false")),
    ("outlet", "bad zone", OUTLET.replace('"+08:00"', '"WITA"'), ("[outlet] zone", "'WITA'")),
    ("outlet", "upper-case domain", OUTLET.replace('["kabarkita.id"]', '["kabarkita.id", "KabarKita.ID"]'),
     ("[outlet] domains[1]", "lower-case domain")),
    ("outlet", "bad markup name", OUTLET.replace('["isi-berita"]', '["isi-berita", "Isi Berita"]'),
     ("[html] body_classes[1]", "lower-case class")),
    ("outlet", "no [outlet] table", OUTLET.split("[prompts]")[1].join(["[prompts]", ""]), ("needs an [outlet] table",)),
    ("outlet", "uncompilable regex", OUTLET.replace("Gabung\\s+kanal", "Gabung\\s+[kanal"),
     ("[prompts] starts[0]", "does not compile", "Gabung")),
    # languages.toml
    ("languages", "unknown key", LANGUAGES.replace("markers =", "marker ="), ("[xx] marker:", "Extra inputs")),
    ("languages", "mistyped value", LANGUAGES.replace('["yang", "dan"]', '"yang dan"'),
     ("[xx] markers", "must be a list")),
    ("languages", "bad timezone", LANGUAGES.replace('"+07:00"', '"+7"'), ("[xx] timezone", "'+7'")),
    ("languages", "a language that is not a table", 'xx = "Bahasa X"\n', ("[xx]", "must be a table")),
    # dates.toml
    ("dates", "unknown top-level key", DATES + "\n[zone]\nWIT = '+09:00'\n", ("zone:", "Extra inputs")),
    ("dates", "unknown key in a language", DATES.replace("weekdays =", "days ="), ("[languages] xx", "days")),
    ("dates", "mistyped value", DATES.replace('updated = ["diperbarui"]', 'updated = "diperbarui"'),
     ("[markers] updated", "must be a list")),
    ("dates", "eleven months", DATES.replace('["bulan12"]', ""), ("[languages] xx.months", "12")),
    ("dates", "an empty spelling", DATES.replace('["hari3"]', '[""]'), ("[languages] xx.weekdays[2][0]", "empty")),
    ("dates", "a spelling meaning two months", DATES.replace('["bulan2"]', '["bulan1"]'),
     ("xx.months", "'bulan1' means both 1 and 2")),
    ("dates", "bad zone offset", DATES.replace('WIB = "+07:00"', 'WIB = "7"'), ("[zones] WIB", "'7'")),
    ("dates", "uncompilable time word", DATES.replace('"pukul", "a', '"pukul", "(jam", "a'),
     ("[markers] time_words[1]", "bad pattern '(jam'")),
    ("dates", "missing table", DATES.split("[zones]")[0], ("zones", "missing")),
    # byline.toml, dateline.toml, metadata/outlets.toml
    ("byline", "unknown top-level key", BYLINE.replace("collective =", "collectives ="),
     ("collectives:", "Extra inputs")),
    ("byline", "unknown role", BYLINE.replace("[roles.editor]", "[roles.editors]"), ("[roles] editors",)),
    ("byline", "mistyped value", BYLINE.replace('prefixes = ["Oleh"]', "prefixes = [1]"),
     ("[roles] author.prefixes[0]", "must be a string")),
    ("dateline", "unknown top-level key", DATELINE + 'place_words = ["x"]\n', ("place_words:", "Extra inputs")),
    ("dateline", "mistyped value", DATELINE.replace('["NTT"]', "true"), ("region_acronyms", "must be a list")),
    ("outlet_names", "unknown top-level key", OUTLET_NAMES + 'agency = ["x"]\n', ("agency:", "Extra inputs")),
    ("outlet_names", "bad domain suffix", OUTLET_NAMES.replace('"co.id"]', '"co.id", ".Net"]'),
     ("domain_suffixes[2]", "'.Net'")),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "wrong", "text", "expected"), BAD, ids=[f"{k}: {w}" for k, w, _, _ in BAD])
def test_a_bad_file_names_the_file_and_the_entry(
    tmp_path: Path, kind: str, wrong: str, text: str, expected: tuple[str, ...]
) -> None:
    model, good = GOOD[kind]
    assert text != good, "the case must change the good file"
    message = _error(_write(tmp_path, f"bad-{kind}", text), model)
    assert message.startswith(f"{tmp_path / f'bad-{kind}.toml'}: "), message
    for fragment in expected:
        assert fragment in message, (fragment, message)


@pytest.mark.parametrize("kind", GOOD)
def test_a_binary_file_is_a_config_error(tmp_path: Path, kind: str) -> None:
    model, _ = GOOD[kind]
    path = _write(tmp_path, kind, b"[a]\nx = 1\n\xff\xfe\x00\x01binary")
    message = _error(path, model)
    assert message.startswith(f"{path}: ") and "not a UTF-8 text file (byte 10)" in message


@pytest.mark.parametrize("kind", GOOD)
def test_a_toml_syntax_error_names_the_file_and_the_line(tmp_path: Path, kind: str) -> None:
    model, good = GOOD[kind]
    line = good.count("\n") + 1  # the good file ends with a newline: the broken line is the next
    path = _write(tmp_path, kind, good + "broken = = 1\nfine = 2\n")
    message = _error(path, model)
    assert message.startswith(f"{path}: ") and f"line {line}" in message, message


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    assert _error(path, PhraseFile).startswith(f"{path}: ")


def test_a_bundled_file_is_named_by_its_place_in_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "metadata").mkdir()
    (tmp_path / "metadata" / "dateline.toml").write_text(DATELINE.replace('["NTT"]', "[1]"), encoding="utf-8")
    monkeypatch.setattr(datafiles, "bundled", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(ConfigError, match=r"^newsclean/data/metadata/dateline\.toml: region_acronyms\[0\]: "):
        load_bundled(DatelineFile, "metadata", "dateline.toml")


# --- through the public API ---


def test_a_users_bad_phrase_file_fails_the_cleaner_with_file_and_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine", "[prompts]\nlines = ['Ikuti\\s+kami', 'Ikuti\\s+(kami']\n")
    with pytest.raises(ConfigError, match=r"mine\.toml: \[prompts\] lines\[1\]: pattern .* does not compile"):
        newsclean.Cleaner(phrases=[path])


def test_a_users_bad_outlet_file_fails_the_cleaner_with_file_and_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, "kabarkita.id", OUTLET.replace("[html]\nbody_classes", "[html]\nbody_class"))
    with pytest.raises(ConfigError, match=r"kabarkita\.id\.toml: \[html\] body_class: "):
        newsclean.Cleaner(phrases=[path])


def test_a_users_bad_dict_is_named_as_a_dict() -> None:
    with pytest.raises(ConfigError, match=r"^<dict>: \[ads\] has no kind 'labels'"):
        newsclean.Cleaner(phrases=[{"ads": {"labels": ["Iklan"]}}])


def test_a_users_good_dict_still_works() -> None:
    raw = "Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\nIkuti polling kami hari ini"
    mine = {"prompts": {"lines": [{"id": "poll", "pattern": r"Ikuti\s+polling.*"}]}}
    article = newsclean.Cleaner(phrases=[mine]).clean(raw)
    assert article.removals[-1].reason == "prompts:poll"


def test_a_bad_phrase_file_on_the_command_line_exits_2_naming_file_and_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsclean.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\n", encoding="utf-8")
    path = _write(tmp_path, "mine", "[navigation]\nstarts = ['BERITA\\s+TERKAIT', 'TERPOPULER\\s+[']\n")
    assert main(["clean", str(page), "--phrases", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsclean: error: {path}: [navigation] starts[1]: pattern "), err
